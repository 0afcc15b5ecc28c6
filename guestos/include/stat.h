/* stat.h - what fstat returns; shared by the kernel and user programs. */
#ifndef GUESTOS_STAT_H
#define GUESTOS_STAT_H

#include <stdint.h>

#define T_DIR    1 /* directory */
#define T_FILE   2 /* regular file */
#define T_DEVICE 3 /* device: major number picks the driver */

struct stat {
	int dev;       /* disk unit of the file system */
	uint32_t ino;  /* inode number */
	short type;    /* T_DIR, T_FILE or T_DEVICE */
	short nlink;   /* links to the file */
	uint32_t size; /* bytes */
};

#endif
