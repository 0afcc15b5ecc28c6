/* file.h - open files, in-memory inodes and the device switch. */
#ifndef GUESTOS_FILE_H
#define GUESTOS_FILE_H

#include <stdint.h>

#include "fs.h"
#include "param.h"
#include "sleeplock.h"

/* An open file: what a file descriptor points at. */
struct file {
	enum { FD_NONE, FD_PIPE, FD_INODE, FD_DEVICE } type;
	int ref;             /* ftable.lock: descriptors sharing it */
	char readable;
	char writable;
	struct pipe *pipe;   /* FD_PIPE */
	struct inode *ip;    /* FD_INODE and FD_DEVICE */
	uint32_t off;        /* FD_INODE: ip->lock guards it */
	short major;         /* FD_DEVICE */
};

/* An inode in memory: a cached copy of a dinode plus bookkeeping. */
struct inode {
	int dev;               /* itable.lock guards dev, inum and ref */
	uint32_t inum;
	int ref;               /* pointers to this entry */
	struct sleeplock lock; /* guards everything below */
	int valid;             /* the fields below were read from the disk */
	short type;            /* copy of the dinode */
	short major;
	short minor;
	short nlink;
	uint32_t size;
	uint32_t addrs[NDIRECT + 2];
};

/*
 * The device switch: major number -> driver.  user != 0: addr is a user
 * address of the current process, else a kernel address.  Each returns the
 * bytes moved, or -1.
 */
struct devsw {
	int (*read)(int user, uint32_t addr, int n);
	int (*write)(int user, uint32_t addr, int n);
};

extern struct devsw devsw[NDEV];

#endif
