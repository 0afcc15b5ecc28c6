/* sleeplock.c - locks held across sleeps: waiters sleep instead of spinning. */
#include "kernel.h"
#include "proc.h"
#include "sleeplock.h"

/* Prepare a sleep lock. */
void initsleeplock(struct sleeplock *lk, const char *name)
{
	initlock(&lk->lk, "sleep lock");
	lk->name = name;
	lk->locked = 0;
	lk->pid = 0;
}

/* Take the lock, sleeping while another process holds it. */
void acquiresleep(struct sleeplock *lk)
{
	acquire(&lk->lk);
	while (lk->locked)
		sleep(lk, &lk->lk);
	lk->locked = 1;
	lk->pid = myproc()->pid;
	release(&lk->lk);
}

/* Release the lock and wake its waiters. */
void releasesleep(struct sleeplock *lk)
{
	acquire(&lk->lk);
	lk->locked = 0;
	lk->pid = 0;
	wakeup(lk);
	release(&lk->lk);
}

/* Does the current process hold the lock? */
int holdingsleep(struct sleeplock *lk)
{
	acquire(&lk->lk);
	int r = lk->locked && lk->pid == myproc()->pid;
	release(&lk->lk);
	return r;
}
