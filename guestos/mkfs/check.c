/*
 * check.c - --check: a small fsck.  Every block an inode holds must lie
 * in the data area, belong to one inode only and be marked in the bitmap;
 * every marked data block must be held; every allocated inode must have
 * as many links as directory entries name it ("." not counted, ".."
 * counted, as the kernel does); directories start with "." and "..".
 */
#include <stddef.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "mkfs.h"

#define CHECK_MAXMSG 20 /* problems printed before the count */

struct check {
	uint8_t *used;     /* per block: held by an inode */
	uint32_t *refs;    /* per inode: directory entries naming it */
	uint32_t datastart;
	int errors;
};

/* Report one problem (the first CHECK_MAXMSG of them are printed). */
static void problem(struct mkfs *m, struct check *c, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void problem(struct mkfs *m, struct check *c, const char *fmt, ...)
{
	va_list ap;

	if (c->errors++ >= CHECK_MAXMSG)
		return;
	fprintf(stderr, "mkfs: %s: ", m->file);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* Record that inode inum holds block b. */
static void hold(struct mkfs *m, struct check *c, uint32_t inum, uint32_t b)
{
	if (b < c->datastart || b >= m->sb.size) {
		problem(m, c, "inode %u holds block %u outside the data area", inum, b);
		return;
	}
	if (c->used[b])
		problem(m, c, "block %u is held twice (inode %u)", b, inum);
	c->used[b] = 1;
}

/* Record indirect block ind of inode inum and, depth levels down, what it points at. */
static void hold_tree(struct mkfs *m, struct check *c, uint32_t inum,
		      uint32_t ind, int depth)
{
	hold(m, c, inum, ind);
	if (ind < c->datastart || ind >= m->sb.size)
		return;
	for (uint32_t i = 0; i < NINDIRECT; i++) {
		uint32_t b = get32(mkfs_block(m, ind) + 4 * i);
		if (b != 0 && depth > 1)
			hold_tree(m, c, inum, b, depth - 1);
		else if (b != 0)
			hold(m, c, inum, b);
	}
}

/* Check inode inum's blocks and record them. */
static void check_blocks(struct mkfs *m, struct check *c, uint32_t inum)
{
	const uint8_t *addrs = mkfs_dinode(m, inum) + offsetof(struct dinode, addrs);
	uint32_t size = get32(mkfs_dinode(m, inum) + offsetof(struct dinode, size));

	for (uint32_t i = 0; i < NDIRECT + 2; i++) {
		uint32_t b = get32(addrs + 4 * i);
		if (b != 0 && i < NDIRECT)
			hold(m, c, inum, b);
		else if (b != 0)
			hold_tree(m, c, inum, b, i - NDIRECT + 1);
	}
	if ((uint64_t)size > (uint64_t)MAXFILE * BSIZE) {
		problem(m, c, "inode %u is %u bytes, more than MAXFILE", inum, size);
		return;
	}
	for (uint32_t fbn = 0; fbn < (size + BSIZE - 1) / BSIZE; fbn++)
		if (mkfs_addr(m, inum, fbn) == 0)
			problem(m, c, "inode %u has no block %u of its %u bytes",
				inum, fbn, size);
}

/* Count the references of directory dir's entries; check "." and "..". */
static void check_dir(struct mkfs *m, struct check *c, uint32_t dir)
{
	uint32_t size = get32(mkfs_dinode(m, dir) + offsetof(struct dinode, size));

	if (size % sizeof(struct dirent) != 0 || size < 2 * sizeof(struct dirent)) {
		problem(m, c, "directory %u has a bad size %u", dir, size);
		return;
	}
	for (uint32_t off = 0; off < size; off += sizeof(struct dirent)) {
		uint32_t b = mkfs_addr(m, dir, off / BSIZE);
		if (b == 0)
			return; /* reported by check_blocks */
		const uint8_t *de = mkfs_block(m, b) + off % BSIZE;
		const char *name = (const char *)de + 2;
		uint32_t inum = get16(de);
		const char *want = off == 0 ? "." : off == sizeof(struct dirent) ? ".." : 0;
		if (want && (strncmp(name, want, DIRSIZ) != 0 ||
			     (off == 0 && inum != dir)))
			problem(m, c, "directory %u does not start with . and ..", dir);
		if (inum == 0 || off == 0)
			continue;
		if (inum >= m->sb.ninodes)
			problem(m, c, "directory %u names inode %u, beyond the table",
				dir, inum);
		else
			c->refs[inum]++;
	}
}

/* Compare the bitmap with the blocks the inodes hold. */
static void check_bitmap(struct mkfs *m, struct check *c)
{
	for (uint32_t b = 0; b < m->sb.size; b++) {
		int marked = (mkfs_block(m, BBLOCK(b, m->sb))[(b % BPB) / 8] >>
			      (b % 8)) & 1;
		int want = b < c->datastart || c->used[b];
		if (marked && !want)
			problem(m, c, "block %u is marked used but no inode holds it", b);
		else if (!marked && want)
			problem(m, c, "block %u is in use but marked free", b);
	}
}

/* --check: return 0 if the image is consistent, MKFS_EXIT_CHECK if not. */
int mkfs_check(struct mkfs *m)
{
	struct check c = { 0 };
	uint32_t ninodes = m->sb.ninodes, nfiles = 0, nused = 0;

	c.datastart = m->sb.size - m->sb.nblocks;
	c.used = calloc(m->sb.size, 1);
	c.refs = calloc(ninodes, sizeof *c.refs);
	if (c.used == 0 || c.refs == 0)
		mkfs_fail(m, "out of memory");
	for (uint32_t inum = 1; inum < ninodes; inum++) {
		int16_t type = (int16_t)get16(mkfs_dinode(m, inum));
		if (type == FT_FREE)
			continue;
		if (type != FT_DIR && type != FT_FILE && type != FT_DEVICE) {
			problem(m, &c, "inode %u has a bad type %d", inum, type);
			continue;
		}
		check_blocks(m, &c, inum);
		if (type == FT_DIR)
			check_dir(m, &c, inum);
	}
	check_bitmap(m, &c);
	for (uint32_t inum = 1; inum < ninodes; inum++) {
		const uint8_t *dip = mkfs_dinode(m, inum);
		int16_t type = (int16_t)get16(dip);
		int16_t nlink = (int16_t)get16(dip + offsetof(struct dinode, nlink));
		if (type == FT_FREE) {
			if (c.refs[inum])
				problem(m, &c, "free inode %u is named %u times", inum,
					c.refs[inum]);
			continue;
		}
		nfiles++;
		if ((uint32_t)nlink != c.refs[inum])
			problem(m, &c, "inode %u has %d links but %u names", inum,
				nlink, c.refs[inum]);
	}
	for (uint32_t b = 0; b < m->sb.size; b++)
		nused += c.used[b];
	if (c.errors > CHECK_MAXMSG)
		fprintf(stderr, "mkfs: %s: ... %d problems in all\n", m->file,
			c.errors);
	if (c.errors == 0)
		printf("%s: clean: %u inodes in use, %u of %u data blocks in use\n",
		       m->file, nfiles, nused, m->sb.nblocks);
	free(c.used);
	free(c.refs);
	return c.errors ? MKFS_EXIT_CHECK : 0;
}
