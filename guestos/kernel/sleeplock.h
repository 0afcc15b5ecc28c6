/* sleeplock.h - a lock held across sleeps (inodes, buffers). */
#ifndef GUESTOS_SLEEPLOCK_H
#define GUESTOS_SLEEPLOCK_H

#include "spinlock.h"

struct sleeplock {
	uint32_t locked;     /* held? */
	struct spinlock lk;  /* protects this structure */
	const char *name;
	int pid;             /* holder */
};

void initsleeplock(struct sleeplock *lk, const char *name);
void acquiresleep(struct sleeplock *lk);
void releasesleep(struct sleeplock *lk);
int holdingsleep(struct sleeplock *lk);

#endif
