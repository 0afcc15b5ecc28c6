/*
 * image.c - reading the on-disk format (guestos/include/fs.h) from an
 * image held in memory: big-endian fields, blocks, inodes, file blocks
 * and directory entries.  Used both while building and while reading.
 */
#include <stddef.h>
#include <string.h>

#include "mkfs.h"

/* Return the big-endian 32-bit word at p. */
uint32_t get32(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

/* Return the big-endian 16-bit half at p. */
uint16_t get16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

/* Store v big-endian at p. */
void put32(uint8_t *p, uint32_t v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

/* Store v big-endian at p. */
void put16(uint8_t *p, uint16_t v)
{
	p[0] = v >> 8;
	p[1] = v;
}

/* Return block b of the image; a block number outside it is a bad image. */
uint8_t *mkfs_block(struct mkfs *m, uint32_t b)
{
	if (b >= m->size)
		mkfs_fail(m, "block %u is outside the image of %u blocks", b,
			  m->size);
	return m->img + (size_t)b * BSIZE;
}

/* Return the 64 bytes of dinode inum. */
uint8_t *mkfs_dinode(struct mkfs *m, uint32_t inum)
{
	if (inum == 0 || inum >= m->sb.ninodes)
		mkfs_fail(m, "inode %u is outside the %u inodes", inum,
			  m->sb.ninodes);
	return mkfs_block(m, IBLOCK(inum, m->sb)) +
	       (inum % IPB) * sizeof(struct dinode);
}

/* Return address slot i (0 .. NDIRECT+1) of dinode dip. */
static uint32_t addr_slot(const uint8_t *dip, uint32_t i)
{
	return get32(dip + offsetof(struct dinode, addrs) + 4 * i);
}

/* Return entry i of indirect block ind, 0 if ind is 0. */
static uint32_t ind_entry(struct mkfs *m, uint32_t ind, uint32_t i)
{
	return ind ? get32(mkfs_block(m, ind) + 4 * i) : 0;
}

/* Return the disk block of file block fbn of inode inum, 0 if there is none. */
uint32_t mkfs_addr(struct mkfs *m, uint32_t inum, uint32_t fbn)
{
	const uint8_t *dip = mkfs_dinode(m, inum);

	if (fbn < NDIRECT)
		return addr_slot(dip, fbn);
	fbn -= NDIRECT;
	if (fbn < NINDIRECT)
		return ind_entry(m, addr_slot(dip, NDIRECT), fbn);
	fbn -= NINDIRECT;
	if (fbn < NDINDIRECT) {
		uint32_t mid = ind_entry(m, addr_slot(dip, NDIRECT + 1),
					 fbn / NINDIRECT);
		return ind_entry(m, mid, fbn % NINDIRECT);
	}
	return 0;
}

/* Return the inode named name in directory dir, 0 if there is none. */
uint32_t mkfs_dir_lookup(struct mkfs *m, uint32_t dir, const char *name)
{
	uint32_t size = get32(mkfs_dinode(m, dir) + offsetof(struct dinode, size));

	for (uint32_t off = 0; off < size; off += sizeof(struct dirent)) {
		uint32_t b = mkfs_addr(m, dir, off / BSIZE);
		if (b == 0)
			return 0;
		const uint8_t *de = mkfs_block(m, b) + off % BSIZE;
		uint16_t inum = get16(de);
		if (inum != 0 && strncmp((const char *)de + 2, name, DIRSIZ) == 0)
			return inum;
	}
	return 0;
}

/* Decode the superblock of the image in m->img and check it. */
void mkfs_read_super(struct mkfs *m)
{
	const uint8_t *p = m->img + SUPERBLOCK * BSIZE;
	struct superblock *sb = &m->sb;

	sb->magic = get32(p + offsetof(struct superblock, magic));
	sb->size = get32(p + offsetof(struct superblock, size));
	sb->nblocks = get32(p + offsetof(struct superblock, nblocks));
	sb->ninodes = get32(p + offsetof(struct superblock, ninodes));
	sb->nlog = get32(p + offsetof(struct superblock, nlog));
	sb->logstart = get32(p + offsetof(struct superblock, logstart));
	sb->inodestart = get32(p + offsetof(struct superblock, inodestart));
	sb->bmapstart = get32(p + offsetof(struct superblock, bmapstart));
	if (sb->magic != FSMAGIC)
		mkfs_fail(m, "not a file system image (magic %#x)", sb->magic);
	if (sb->size > m->size)
		mkfs_fail(m, "superblock says %u blocks, the image has %u",
			  sb->size, m->size);
	if (sb->bmapstart >= sb->size || sb->inodestart >= sb->bmapstart ||
	    sb->logstart + sb->nlog >= sb->inodestart ||
	    sb->nblocks >= sb->size || sb->ninodes > 65536 ||
	    (sb->ninodes + IPB - 1) / IPB > sb->bmapstart - sb->inodestart ||
	    sb->bmapstart + sb->size / BPB + 1 > sb->size - sb->nblocks)
		mkfs_fail(m, "superblock layout is inconsistent");
}
