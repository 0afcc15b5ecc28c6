/*
 * build.c - building an image: the layout of include/fs.h, inodes and
 * blocks handed out in order, file contents, directory entries, and at
 * the end the free-block bitmap and the superblock.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "mkfs.h"

/* Set the superblock fields of m for an image of size blocks and allocate it zeroed. */
void mkfs_layout(struct mkfs *m, uint32_t size)
{
	struct superblock *sb = &m->sb;
	uint32_t ninodeblocks = (FS_NINODES + IPB - 1) / IPB;
	uint32_t nbitmap = size / BPB + 1;

	sb->magic = FSMAGIC;
	sb->size = size;
	sb->ninodes = FS_NINODES;
	sb->nlog = FS_NLOG;
	sb->logstart = SUPERBLOCK + 1;
	sb->inodestart = sb->logstart + 1 + sb->nlog;
	sb->bmapstart = sb->inodestart + ninodeblocks;
	m->next_block = sb->bmapstart + nbitmap;
	if (size < m->next_block + 16)
		mkfs_fail(m, "--size %u is too small: the metadata alone takes %u blocks",
			  size, m->next_block);
	sb->nblocks = size - m->next_block;
	m->size = size;
	m->next_inum = ROOTINO;
	m->img = calloc(size, BSIZE);
	if (m->img == 0)
		mkfs_fail(m, "out of memory for %u blocks", size);
}

/* Return a new zeroed block; the image being full is an error of the recipe. */
static uint32_t balloc(struct mkfs *m)
{
	if (m->next_block >= m->size)
		mkfs_fail(m, "the image of %u blocks is full (use --size)", m->size);
	return m->next_block++;
}

/* Return a new inode of the given type with one link. */
uint32_t mkfs_ialloc(struct mkfs *m, int type)
{
	if (m->next_inum >= m->sb.ninodes)
		mkfs_fail(m, "out of inodes (%u)", m->sb.ninodes);
	uint32_t inum = m->next_inum++;
	uint8_t *dip = mkfs_dinode(m, inum);
	put16(dip + offsetof(struct dinode, type), (uint16_t)type);
	put16(dip + offsetof(struct dinode, nlink), 1);
	return inum;
}

/* Return the big-endian word at p, first storing a new block there if it holds 0. */
static uint32_t slot_get(struct mkfs *m, uint8_t *p)
{
	if (get32(p) == 0)
		put32(p, balloc(m));
	return get32(p);
}

/* Return the disk block of file block fbn of inode inum, allocating what is missing. */
static uint32_t bmap_alloc(struct mkfs *m, uint32_t inum, uint32_t fbn)
{
	uint8_t *addrs = mkfs_dinode(m, inum) + offsetof(struct dinode, addrs);
	uint32_t ind;

	if (fbn < NDIRECT)
		return slot_get(m, addrs + 4 * fbn);
	fbn -= NDIRECT;
	if (fbn < NINDIRECT) {
		ind = slot_get(m, addrs + 4 * NDIRECT);
		return slot_get(m, mkfs_block(m, ind) + 4 * fbn);
	}
	fbn -= NINDIRECT;
	if (fbn >= NDINDIRECT)
		mkfs_fail(m, "file larger than MAXFILE (%u blocks)",
			  (uint32_t)MAXFILE);
	ind = slot_get(m, addrs + 4 * (NDIRECT + 1));
	ind = slot_get(m, mkfs_block(m, ind) + 4 * (fbn / NINDIRECT));
	return slot_get(m, mkfs_block(m, ind) + 4 * (fbn % NINDIRECT));
}

/* Append n bytes of data to inode inum. */
void mkfs_append(struct mkfs *m, uint32_t inum, const void *data, uint32_t n)
{
	uint8_t *sizep = mkfs_dinode(m, inum) + offsetof(struct dinode, size);
	uint32_t off = get32(sizep);
	const uint8_t *src = data;

	while (n > 0) {
		uint32_t b = bmap_alloc(m, inum, off / BSIZE);
		uint32_t k = BSIZE - off % BSIZE;
		if (k > n)
			k = n;
		memcpy(mkfs_block(m, b) + off % BSIZE, src, k);
		off += k;
		src += k;
		n -= k;
	}
	put32(mkfs_dinode(m, inum) + offsetof(struct dinode, size), off);
}

/* Add entry (name, inum) to directory dir. */
void mkfs_dir_add(struct mkfs *m, uint32_t dir, const char *name, uint32_t inum)
{
	uint8_t de[sizeof(struct dirent)];

	memset(de, 0, sizeof de);
	put16(de, (uint16_t)inum);
	memcpy(de + offsetof(struct dirent, name), name, strnlen(name, DIRSIZ));
	mkfs_append(m, dir, de, sizeof de);
}

/* Mark every block handed out in the bitmap and write the superblock. */
void mkfs_finish(struct mkfs *m)
{
	const struct superblock *sb = &m->sb;
	uint8_t *p = mkfs_block(m, SUPERBLOCK);

	for (uint32_t b = 0; b < m->next_block; b++)
		mkfs_block(m, BBLOCK(b, *sb))[(b % BPB) / 8] |= 1 << (b % 8);
	put32(p + offsetof(struct superblock, magic), sb->magic);
	put32(p + offsetof(struct superblock, size), sb->size);
	put32(p + offsetof(struct superblock, nblocks), sb->nblocks);
	put32(p + offsetof(struct superblock, ninodes), sb->ninodes);
	put32(p + offsetof(struct superblock, nlog), sb->nlog);
	put32(p + offsetof(struct superblock, logstart), sb->logstart);
	put32(p + offsetof(struct superblock, inodestart), sb->inodestart);
	put32(p + offsetof(struct superblock, bmapstart), sb->bmapstart);
}
