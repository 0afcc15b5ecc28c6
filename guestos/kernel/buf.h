/* buf.h - one block of the buffer cache (bio.c). */
#ifndef GUESTOS_BUF_H
#define GUESTOS_BUF_H

#include <stdint.h>

#include "fs.h"
#include "sleeplock.h"

struct buf {
	int valid;             /* data holds the block's contents */
	int dev;               /* disk unit */
	uint32_t blockno;
	struct sleeplock lock; /* held by the one user of data */
	int refcnt;            /* bcache.lock: users and log pins */
	struct buf *prev;      /* bcache.lock: LRU list, most recent first */
	struct buf *next;
	uint8_t data[BSIZE] __attribute__((aligned(16)));
};

#endif
