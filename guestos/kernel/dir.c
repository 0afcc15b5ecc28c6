/*
 * dir.c - directories and path names.  A directory is a file of struct
 * dirent (include/fs.h); a path is a sequence of names separated by
 * slashes, looked up from the root ("/...") or the current directory.
 */
#include "klib.h"
#include "proc.h"
#include "kernel.h"
#include "sleeplock.h"
#include "buf.h"
#include "file.h"
#include "fsdefs.h"

/* Compare two directory entry names (at most DIRSIZ characters). */
int namecmp(const char *s, const char *t)
{
	return strncmp(s, t, DIRSIZ);
}

/* Return the inode number name has in locked directory dp (0 if none) and, if poff, the entry's offset. */
uint32_t dirfind(struct inode *dp, const char *name, uint32_t *poff)
{
	struct dirent de;

	if (dp->type != FT_DIR)
		panic("dirfind: inode %u is not a directory", dp->inum);
	for (uint32_t off = 0; off < dp->size; off += sizeof de) {
		if (readi(dp, 0, (uint32_t)&de, off, sizeof de) != sizeof de)
			panic("dirfind: cannot read directory %u", dp->inum);
		if (de.inum == 0 || namecmp(name, de.name) != 0)
			continue;
		if (poff)
			*poff = off;
		return de.inum;
	}
	return 0;
}

/* Look name up in locked directory dp; return its inode (unlocked) and, if poff, the entry's offset; 0 if absent or no in-memory inode is free. */
struct inode *dirlookup(struct inode *dp, const char *name, uint32_t *poff)
{
	uint32_t inum = dirfind(dp, name, poff);

	return inum ? iget(dp->dev, inum) : 0;
}

/* Add entry (name, inum) to locked directory dp; -1 if name exists or the disk is full. */
int dirlink(struct inode *dp, const char *name, uint32_t inum)
{
	struct dirent de;
	uint32_t off;

	if (dirfind(dp, name, 0) != 0)
		return -1;
	for (off = 0; off < dp->size; off += sizeof de) {
		if (readi(dp, 0, (uint32_t)&de, off, sizeof de) != sizeof de)
			panic("dirlink: cannot read directory %u", dp->inum);
		if (de.inum == 0)
			break;
	}
	memset(&de, 0, sizeof de);
	strncpy(de.name, name, DIRSIZ);
	de.inum = inum;
	if (writei(dp, 0, (uint32_t)&de, off, sizeof de) != sizeof de)
		return -1;
	return 0;
}

/*
 * Copy the first element of path to name and return the rest, without
 * leading slashes; return 0 if there is no element.  Longer names are cut
 * to DIRSIZ characters.  "a/bb/c" -> "a", "bb/c";  "///" -> 0.
 */
static const char *skipelem(const char *path, char *name)
{
	const char *s;
	int len;

	while (*path == '/')
		path++;
	if (*path == 0)
		return 0;
	s = path;
	while (*path != '/' && *path != 0)
		path++;
	len = path - s;
	if (len >= DIRSIZ) {
		memmove(name, s, DIRSIZ);
	} else {
		memmove(name, s, len);
		name[len] = 0;
	}
	while (*path == '/')
		path++;
	return path;
}

/* Look up path; with parent, stop one level early and copy the last element to name; 0 on any failure. */
static struct inode *namex(const char *path, int parent, char *name)
{
	struct inode *ip, *next;

	if (*path == '/')
		ip = iget(ROOTDEV, ROOTINO);
	else
		ip = idup(myproc()->cwd);
	if (ip == 0)
		return 0;
	while ((path = skipelem(path, name)) != 0) {
		ilock(ip);
		if (ip->type != FT_DIR) {
			iunlockput(ip);
			return 0;
		}
		if (parent && *path == 0) {
			iunlock(ip);
			return ip;
		}
		next = dirlookup(ip, name, 0);
		iunlockput(ip);
		if (next == 0)
			return 0;
		ip = next;
	}
	if (parent) {
		iput(ip);
		return 0;
	}
	return ip;
}

/* Return the inode of path (unlocked, referenced), or 0. */
struct inode *namei(const char *path)
{
	char name[DIRSIZ];

	return namex(path, 0, name);
}

/* Return the inode of path's parent directory and copy the last element to name (DIRSIZ bytes). */
struct inode *nameiparent(const char *path, char *name)
{
	return namex(path, 1, name);
}
