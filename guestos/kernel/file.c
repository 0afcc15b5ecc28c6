/*
 * file.c - open files: the system-wide table of struct file that file
 * descriptors point at, and reading and writing through pipes, devices
 * (devsw) and inodes.
 */
#include "klib.h"
#include "proc.h"
#include "kernel.h"
#include "spinlock.h"
#include "sleeplock.h"
#include "file.h"
#include "stat.h"
#include "vm.h"
#include "fsdefs.h"

struct devsw devsw[NDEV];

static struct {
	struct spinlock lock;
	struct file file[NFILE];
} ftable;

/*
 * Most bytes one operation may write: n data blocks, the inode, up to 3
 * indirect blocks and a bitmap block for each block allocated must fit in
 * MAXOPBLOCKS, so 2n + 7 <= MAXOPBLOCKS.
 */
#define FILE_OPBLOCKS ((MAXOPBLOCKS - 7) / 2)
_Static_assert(FILE_OPBLOCKS >= 1, "MAXOPBLOCKS is too small for a write");

/* Build the empty file table. */
void fileinit(void)
{
	initlock(&ftable.lock, "ftable");
}

/* Return an unused file with one reference, or 0 if the table is full. */
struct file *filealloc(void)
{
	acquire(&ftable.lock);
	for (struct file *f = ftable.file; f < ftable.file + NFILE; f++) {
		if (f->ref == 0) {
			f->ref = 1;
			release(&ftable.lock);
			return f;
		}
	}
	release(&ftable.lock);
	return 0;
}

/* Add a reference to f and return it. */
struct file *filedup(struct file *f)
{
	acquire(&ftable.lock);
	if (f->ref < 1)
		panic("filedup: file not open");
	f->ref++;
	release(&ftable.lock);
	return f;
}

/* Drop a reference to f; the last one closes the pipe end or inode. */
void fileclose(struct file *f)
{
	struct file ff;

	acquire(&ftable.lock);
	if (f->ref < 1)
		panic("fileclose: file not open");
	if (--f->ref > 0) {
		release(&ftable.lock);
		return;
	}
	ff = *f;
	f->ref = 0;
	f->type = FD_NONE;
	release(&ftable.lock);

	if (ff.type == FD_PIPE) {
		pipeclose(ff.pipe, ff.writable);
	} else if (ff.type == FD_INODE || ff.type == FD_DEVICE) {
		begin_op();
		iput(ff.ip);
		end_op();
	}
}

/* Copy f's struct stat to user address addr; 0, or -1. */
int filestat(struct file *f, uint32_t addr)
{
	struct stat st;

	if (f->type != FD_INODE && f->type != FD_DEVICE)
		return -1;
	ilock(f->ip);
	stati(f->ip, &st);
	iunlock(f->ip);
	return either_copyout(1, addr, &st, sizeof st) < 0 ? -1 : 0;
}

/* Return the driver of device file f, or 0 if its major number has none. */
static struct devsw *file_dev(struct file *f)
{
	if (f->major < 0 || f->major >= NDEV)
		return 0;
	return &devsw[f->major];
}

/* Read up to n bytes from f to user address addr; return the count, or -1. */
int fileread(struct file *f, uint32_t addr, int n)
{
	struct devsw *d;
	int r;

	if (!f->readable)
		return -1;
	switch (f->type) {
	case FD_PIPE:
		return piperead(f->pipe, addr, n);
	case FD_DEVICE:
		d = file_dev(f);
		return d && d->read ? d->read(1, addr, n) : -1;
	case FD_INODE:
		ilock(f->ip);
		r = readi(f->ip, 1, addr, f->off, n);
		if (r > 0)
			f->off += r;
		iunlock(f->ip);
		return r;
	default:
		panic("fileread: file of type %d", f->type);
	}
}

/* Write n bytes from user address addr to inode file f, a few blocks per operation. */
static int file_write_inode(struct file *f, uint32_t addr, int n)
{
	int max = FILE_OPBLOCKS * BSIZE;
	int i = 0;

	while (i < n) {
		int m = n - i < max ? n - i : max;
		begin_op();
		ilock(f->ip);
		int r = writei(f->ip, 1, addr + i, f->off, m);
		if (r > 0)
			f->off += r;
		iunlock(f->ip);
		end_op();
		if (r > 0)
			i += r;
		if (r != m)
			break;
	}
	return i > 0 || n == 0 ? i : -1;  /* a short write counts what it wrote */
}

/* Write n bytes from user address addr to f; return how many were written (fewer on a full disk), or -1. */
int filewrite(struct file *f, uint32_t addr, int n)
{
	struct devsw *d;

	if (!f->writable)
		return -1;
	switch (f->type) {
	case FD_PIPE:
		return pipewrite(f->pipe, addr, n);
	case FD_DEVICE:
		d = file_dev(f);
		return d && d->write ? d->write(1, addr, n) : -1;
	case FD_INODE:
		return file_write_inode(f, addr, n);
	default:
		panic("filewrite: file of type %d", f->type);
	}
}
