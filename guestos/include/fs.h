/*
 * fs.h - the on-disk format of the guest's file system, shared by the
 * kernel, the host tool mkfs and user programs (ls reads directories).
 *
 * The disk is an array of 1 KB blocks (two 512-byte sectors each).  Every
 * multi-byte field on the disk is big-endian, the MIPS CPU's own order, so
 * the kernel reads it natively; mkfs converts on a little-endian host.
 *
 *   0        1         2 (logstart)  3 ..        inodestart    bmapstart    size - nblocks
 *   +--------+---------+------------+-----------+-------------+------------+---------------+
 *   | boot   | super-  | log header | log       | inodes:     | free-block | data blocks   |
 *   | unused | block   | struct     | nlog      | struct      | bitmap:    | (nblocks)     |
 *   |        |         | logheader  | blocks    | dinode x16  | 1 bit per  |               |
 *   |        |         |            |           | per block   | block      |               |
 *   +--------+---------+------------+-----------+-------------+------------+---------------+
 *
 * Bitmap: block b is bit b % 8 (least significant first) of byte
 * (b % BPB) / 8 of bitmap block BBLOCK(b); mkfs marks the boot block,
 * superblock, log, inodes and bitmap as used.
 *
 * Inode 0 is never used (a zero inum marks a free directory slot); inode 1
 * (ROOTINO) is the root directory.  A file's blocks:
 *
 *   addrs[0..NDIRECT-1]  direct:          blocks 0 .. 10
 *   addrs[NDIRECT]       single indirect: a block of 256 block numbers
 *   addrs[NDIRECT+1]     double indirect: 256 blocks of 256 block numbers
 *
 * so MAXFILE = 11 + 256 + 65536 blocks = 67,382,272 bytes (64.3 MB), less
 * in practice than the disk.  A block number 0 means "not allocated"
 * (block 0 is the unused boot block).  Directories are files of struct
 * dirent; entry 0 is "." and entry 1 is "..".  nlink counts the entries
 * naming an inode, ".." included and "." not (a directory has 1 + its
 * number of subdirectories).
 */
#ifndef GUESTOS_FS_H
#define GUESTOS_FS_H

#include <stdint.h>

#define BSIZE      1024       /* bytes per block */
#define BSECTORS   (BSIZE / 512) /* disk sectors per block */
#define FSMAGIC    0x4D444653 /* "MDFS" */
#define ROOTINO    1          /* the root directory's inode number */
#define SUPERBLOCK 1          /* block number of the superblock */

/* The superblock, at the start of block 1; mkfs writes it, nothing changes it. */
struct superblock {
	uint32_t magic;      /* FSMAGIC */
	uint32_t size;       /* blocks in the image */
	uint32_t nblocks;    /* data blocks */
	uint32_t ninodes;    /* inodes */
	uint32_t nlog;       /* log blocks, not counting the header */
	uint32_t logstart;   /* block of the log header */
	uint32_t inodestart; /* first inode block */
	uint32_t bmapstart;  /* first bitmap block */
};

/*
 * The log header, in block logstart: n committed blocks are waiting in
 * blocks logstart+1 .. logstart+n and go to block[0..n-1].  n = 0: the
 * log is empty.  Writing a non-zero n is the commit point.
 */
#define LOGHDRMAX (BSIZE / 4 - 1)
struct logheader {
	uint32_t n;
	uint32_t block[LOGHDRMAX];
};

#define NDIRECT   11
#define NINDIRECT (BSIZE / sizeof(uint32_t))
#define NDINDIRECT (NINDIRECT * NINDIRECT)
#define MAXFILE   (NDIRECT + NINDIRECT + NDINDIRECT) /* in blocks */

/* File types of dinode.type (the same as stat.h's T_*); 0 is a free inode. */
#define FT_FREE   0
#define FT_DIR    1
#define FT_FILE   2
#define FT_DEVICE 3

/* An inode on the disk: 64 bytes, 16 to a block. */
struct dinode {
	int16_t type;                /* FT_*, 0 when free */
	int16_t major;               /* device numbers (FT_DEVICE only) */
	int16_t minor;
	int16_t nlink;               /* directory entries naming it */
	uint32_t size;               /* bytes */
	uint32_t addrs[NDIRECT + 2]; /* direct, indirect, double indirect */
};

#define IPB           (BSIZE / sizeof(struct dinode)) /* inodes per block */
#define IBLOCK(i, sb) ((i) / IPB + (sb).inodestart)   /* block of inode i */
#define BPB           (BSIZE * 8)                     /* bitmap bits per block */
#define BBLOCK(b, sb) ((b) / BPB + (sb).bmapstart)    /* bitmap block of block b */

/* A directory is a file of these; inum 0 marks a free slot. */
#define DIRSIZ 14
struct dirent {
	uint16_t inum;
	char name[DIRSIZ]; /* NUL-padded; not terminated when DIRSIZ long */
};

/* Sizes mkfs uses unless told otherwise. */
#define FS_DEFSIZE   8192 /* blocks: an 8 MB image */
#define FS_NINODES   1024
#define FS_NLOG      126  /* log blocks (the kernel uses up to LOGSIZE) */

#endif
