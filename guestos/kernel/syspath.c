/*
 * syspath.c - the system calls that take path names: open, mkdir, mknod,
 * chdir, link and unlink.  Each runs as one file system operation
 * (begin_op/end_op), so a crash leaves all or none of it on the disk.
 */
#include "klib.h"
#include "proc.h"
#include "kernel.h"
#include "sleeplock.h"
#include "file.h"
#include "fcntl.h"
#include "fsdefs.h"
#include "syscall.h"

/* Return 1 if locked directory dp holds nothing but "." and "..". */
static int isdirempty(struct inode *dp)
{
	struct dirent de;

	for (uint32_t off = 2 * sizeof de; off < dp->size; off += sizeof de) {
		if (readi(dp, 0, (uint32_t)&de, off, sizeof de) != sizeof de)
			panic("isdirempty: cannot read directory %u", dp->inum);
		if (de.inum != 0)
			return 0;
	}
	return 1;
}

/*
 * Release locked dp, which names inode inum, and return that inode locked
 * if create of the given type may use it (opening an existing regular
 * file or device); else 0.
 */
static struct inode *create_existing(struct inode *dp, uint32_t inum,
				     short type)
{
	struct inode *ip = iget(dp->dev, inum); /* before dp's name can go */

	iunlockput(dp);
	if (ip == 0)
		return 0;
	ilock(ip);
	if (type == FT_FILE && (ip->type == FT_FILE || ip->type == FT_DEVICE))
		return ip;
	iunlockput(ip);
	return 0;
}

/*
 * Create path as a new inode of the given type and return it locked; an
 * existing regular file or device is returned instead when opening a
 * file.  0 on any error.
 */
static struct inode *create(const char *path, short type, short major,
			    short minor)
{
	struct inode *ip, *dp;
	char name[DIRSIZ];
	uint32_t inum;

	if ((dp = nameiparent(path, name)) == 0)
		return 0;
	ilock(dp);
	if ((inum = dirfind(dp, name, 0)) != 0)
		return create_existing(dp, inum, type);
	if ((ip = ialloc(dp->dev, type)) == 0) {
		iunlockput(dp);
		return 0;
	}
	ilock(ip);
	ip->major = major;
	ip->minor = minor;
	ip->nlink = 1;
	iupdate(ip);
	if (type == FT_DIR &&
	    (dirlink(ip, ".", ip->inum) < 0 || dirlink(ip, "..", dp->inum) < 0))
		goto fail;
	if (dirlink(dp, name, ip->inum) < 0)
		goto fail;
	if (type == FT_DIR) {
		dp->nlink++; /* for ".." */
		iupdate(dp);
	}
	iunlockput(dp);
	return ip;

fail:
	/* Nothing names ip: iput frees it. */
	ip->nlink = 0;
	iupdate(ip);
	iunlockput(ip);
	iunlockput(dp);
	return 0;
}

/* Return the locked inode that open(path, omode) uses, creating or truncating it; 0 on error. */
static struct inode *open_inode(const char *path, int omode)
{
	struct inode *ip;

	if (omode & O_CREATE)
		return create(path, FT_FILE, 0, 0);
	if ((ip = namei(path)) == 0)
		return 0;
	ilock(ip);
	if (ip->type == FT_DIR && omode != O_RDONLY) {
		iunlockput(ip);
		return 0;
	}
	if (ip->type == FT_DEVICE && (ip->major < 0 || ip->major >= NDEV)) {
		iunlockput(ip);
		return 0;
	}
	return ip;
}

/* open(path, omode): a new descriptor, or -1. */
int sys_open(void)
{
	char path[MAXPATH];
	int omode = 0, fd = -1;
	struct file *f;
	struct inode *ip;

	argint(1, &omode);
	if (argstr(0, path, MAXPATH) < 0)
		return -1;
	begin_op();
	if ((ip = open_inode(path, omode)) == 0) {
		end_op();
		return -1;
	}
	if ((f = filealloc()) == 0 || (fd = fdalloc(f)) < 0) {
		if (f)
			fileclose(f);
		iunlockput(ip);
		end_op();
		return -1;
	}
	f->type = ip->type == FT_DEVICE ? FD_DEVICE : FD_INODE;
	f->major = ip->major;
	f->ip = ip;
	f->off = 0;
	f->readable = !(omode & O_WRONLY);
	f->writable = (omode & O_WRONLY) || (omode & O_RDWR);
	if ((omode & O_TRUNC) && ip->type == FT_FILE)
		itrunc(ip);
	iunlock(ip);
	end_op();
	return fd;
}

/* mkdir(path). */
int sys_mkdir(void)
{
	char path[MAXPATH];
	struct inode *ip;

	if (argstr(0, path, MAXPATH) < 0)
		return -1;
	begin_op();
	if ((ip = create(path, FT_DIR, 0, 0)) == 0) {
		end_op();
		return -1;
	}
	iunlockput(ip);
	end_op();
	return 0;
}

/* mknod(path, major, minor): a device file. */
int sys_mknod(void)
{
	char path[MAXPATH];
	int major = -1, minor = -1;
	struct inode *ip;

	argint(1, &major);
	argint(2, &minor);
	if (argstr(0, path, MAXPATH) < 0 || major < 0 || major >= NDEV)
		return -1;
	begin_op();
	if ((ip = create(path, FT_DEVICE, major, minor)) == 0) {
		end_op();
		return -1;
	}
	iunlockput(ip);
	end_op();
	return 0;
}

/* chdir(path). */
int sys_chdir(void)
{
	char path[MAXPATH];
	struct inode *ip;
	struct proc *p = myproc();

	if (argstr(0, path, MAXPATH) < 0)
		return -1;
	begin_op();
	if ((ip = namei(path)) == 0) {
		end_op();
		return -1;
	}
	ilock(ip);
	if (ip->type != FT_DIR) {
		iunlockput(ip);
		end_op();
		return -1;
	}
	iunlock(ip);
	iput(p->cwd);
	end_op();
	p->cwd = ip;
	return 0;
}

/* link(old, new): new names the file old names (not a directory). */
int sys_link(void)
{
	char name[DIRSIZ], new[MAXPATH], old[MAXPATH];
	struct inode *dp, *ip;

	if (argstr(0, old, MAXPATH) < 0 || argstr(1, new, MAXPATH) < 0)
		return -1;
	begin_op();
	if ((ip = namei(old)) == 0) {
		end_op();
		return -1;
	}
	ilock(ip);
	if (ip->type == FT_DIR) {
		iunlockput(ip);
		end_op();
		return -1;
	}
	ip->nlink++;
	iupdate(ip);
	iunlock(ip);
	if ((dp = nameiparent(new, name)) == 0)
		goto undo;
	ilock(dp);
	if (dp->dev != ip->dev || dirlink(dp, name, ip->inum) < 0) {
		iunlockput(dp);
		goto undo;
	}
	iunlockput(dp);
	iput(ip);
	end_op();
	return 0;

undo:
	ilock(ip);
	ip->nlink--;
	iupdate(ip);
	iunlockput(ip);
	end_op();
	return -1;
}

/* Clear the entry at offset off of locked dp and drop locked ip's link; ip is a directory if isdir. */
static void unlink_entry(struct inode *dp, uint32_t off, struct inode *ip)
{
	struct dirent de;

	memset(&de, 0, sizeof de);
	if (writei(dp, 0, (uint32_t)&de, off, sizeof de) != sizeof de)
		panic("unlink: cannot write directory %u", dp->inum);
	if (ip->type == FT_DIR) {
		dp->nlink--; /* ip's ".." */
		iupdate(dp);
	}
	ip->nlink--;
	iupdate(ip);
}

/* unlink(path): remove a name; the file goes when nothing uses it. */
int sys_unlink(void)
{
	char name[DIRSIZ], path[MAXPATH];
	struct inode *ip, *dp;
	uint32_t off;

	if (argstr(0, path, MAXPATH) < 0)
		return -1;
	begin_op();
	if ((dp = nameiparent(path, name)) == 0) {
		end_op();
		return -1;
	}
	ilock(dp);
	if (namecmp(name, ".") == 0 || namecmp(name, "..") == 0 ||
	    (ip = dirlookup(dp, name, &off)) == 0)
		goto bad;
	ilock(ip);
	if (ip->nlink < 1)
		panic("unlink: inode %u has no links", ip->inum);
	if (ip->type == FT_DIR && !isdirempty(ip)) {
		iunlockput(ip);
		goto bad;
	}
	unlink_entry(dp, off, ip);
	iunlockput(ip);
	iunlockput(dp);
	end_op();
	return 0;

bad:
	iunlockput(dp);
	end_op();
	return -1;
}
