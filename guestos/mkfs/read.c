/*
 * read.c - looking into an existing image: --list prints the tree,
 * --cat prints a file, --check verifies that the bitmap, the inodes and
 * the directories agree (a small fsck, used by the tests after the
 * guest has written to the disk).
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "mkfs.h"

#define READ_MAXDEPTH 64  /* deeper trees are taken for loops */

static const char *const type_name[] = { "free", "dir", "file", "dev" };

/* Return field off (a 16-bit one) of dinode inum. */
static uint16_t dfield16(struct mkfs *m, uint32_t inum, size_t off)
{
	return get16(mkfs_dinode(m, inum) + off);
}

/* Return the size of inode inum. */
static uint32_t dsize(struct mkfs *m, uint32_t inum)
{
	return get32(mkfs_dinode(m, inum) + offsetof(struct dinode, size));
}

/* Call fn for every entry of directory dir: name (NUL-terminated) and inode. */
static void dir_each(struct mkfs *m, uint32_t dir,
		     void (*fn)(struct mkfs *m, void *arg, const char *name,
				uint32_t inum), void *arg)
{
	uint32_t size = dsize(m, dir);

	for (uint32_t off = 0; off + sizeof(struct dirent) <= size;
	     off += sizeof(struct dirent)) {
		uint32_t b = mkfs_addr(m, dir, off / BSIZE);
		if (b == 0)
			mkfs_fail(m, "directory %u has a hole", dir);
		const uint8_t *de = mkfs_block(m, b) + off % BSIZE;
		char name[DIRSIZ + 1];
		memcpy(name, de + 2, DIRSIZ);
		name[DIRSIZ] = 0;
		if (get16(de) != 0)
			fn(m, arg, name, get16(de));
	}
}

/* Print one line of the listing: type, inode, links, size (or major,minor), path. */
static void list_line(struct mkfs *m, uint32_t inum, const char *path)
{
	uint16_t type = dfield16(m, inum, offsetof(struct dinode, type));

	printf("%-4s %5u %3d ", type < 4 ? type_name[type] : "?", inum,
	       (int16_t)dfield16(m, inum, offsetof(struct dinode, nlink)));
	if (type == FT_DEVICE) {
		char num[16];
		snprintf(num, sizeof num, "%d,%d",
			 dfield16(m, inum, offsetof(struct dinode, major)),
			 dfield16(m, inum, offsetof(struct dinode, minor)));
		printf("%10s %s\n", num, path);
	} else
		printf("%10u %s\n", dsize(m, inum), path);
}

struct list_arg {
	const char *path; /* of the directory being listed */
	int depth;
};

static void list_tree(struct mkfs *m, uint32_t dir, const char *path, int depth);

/* dir_each callback of --list: print the entry and descend into directories. */
static void list_entry(struct mkfs *m, void *argp, const char *name, uint32_t inum)
{
	struct list_arg *a = argp;
	char path[1024];

	if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
		return;
	snprintf(path, sizeof path, "%s/%s", strcmp(a->path, "/") ? a->path : "",
		 name);
	list_line(m, inum, path);
	if (dfield16(m, inum, offsetof(struct dinode, type)) == FT_DIR)
		list_tree(m, inum, path, a->depth + 1);
}

/* List the contents of directory dir, named path. */
static void list_tree(struct mkfs *m, uint32_t dir, const char *path, int depth)
{
	struct list_arg a = { path, depth };

	if (depth > READ_MAXDEPTH)
		mkfs_fail(m, "directories nested deeper than %d at %s",
			  READ_MAXDEPTH, path);
	dir_each(m, dir, list_entry, &a);
}

/* --list: print every file of the image; return the exit status. */
int mkfs_list(struct mkfs *m)
{
	list_line(m, ROOTINO, "/");
	list_tree(m, ROOTINO, "/", 0);
	return 0;
}

/* --cat: copy the file at path to standard output; return the exit status. */
int mkfs_cat(struct mkfs *m, const char *path)
{
	uint32_t inum = ROOTINO;
	char name[DIRSIZ + 1];

	for (const char *p = path; *p;) {
		size_t len = strcspn(p, "/");
		if (len > 0) {
			snprintf(name, sizeof name, "%.*s", (int)len, p);
			if (dfield16(m, inum, offsetof(struct dinode, type)) != FT_DIR ||
			    (inum = mkfs_dir_lookup(m, inum, name)) == 0) {
				fprintf(stderr, "mkfs: %s: %s: no such file\n", m->file,
					path);
				return MKFS_EXIT_CHECK;
			}
		}
		p += len + (p[len] == '/');
	}
	uint32_t size = dsize(m, inum);
	for (uint32_t off = 0; off < size; off += BSIZE) {
		uint32_t b = mkfs_addr(m, inum, off / BSIZE);
		if (b == 0)
			mkfs_fail(m, "%s: file block %u is missing", path, off / BSIZE);
		fwrite(mkfs_block(m, b), 1, size - off < BSIZE ? size - off : BSIZE,
		       stdout);
	}
	return 0;
}
