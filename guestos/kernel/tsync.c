/*
 * tsync.c - blocking synchronization for share groups (include/tsync.h),
 * in the spirit of a futex.  A waiter is a struct twait on its own kernel
 * stack, linked into one list under tsync_lock and keyed by (address
 * space, user address); the value check (vm_peekword, which never sleeps)
 * and the enqueue happen under that lock, and a waker takes waiters off the list under it, so no wakeup
 * falls between a check and a sleep.
 */
#include "kernel.h"
#include "proc.h"
#include "tsync.h"
#include "vm.h"

struct twait {
	struct vmspace *vm;
	uint32_t addr;
	int woken;               /* set by the waker when it unlinks us */
	struct twait *next;
};

static struct spinlock tsync_lock;
static struct twait *waiters;   /* tsync_lock */

/* Prepare the waiter list. */
void tsyncinit(void)
{
	initlock(&tsync_lock, "tsync");
}

/* Take w off the waiter list (tsync_lock held). */
static void unlink(struct twait *w)
{
	for (struct twait **pp = &waiters; *pp; pp = &(*pp)->next) {
		if (*pp == w) {
			*pp = w->next;
			return;
		}
	}
}

/* Sleep while the user word at addr holds val. */
static int tsync_wait(struct proc *p, uint32_t addr, uint32_t val)
{
	struct twait w = { p->vm, addr, 0, 0 };
	uint32_t cur;
	for (;;) {
		/* copyin may sleep: it brings the page in; the check is below */
		if (copyin(p->vm, &cur, addr, sizeof(cur)) < 0)
			return -1;
		acquire(&tsync_lock);
		if (vm_peekword(p->vm, addr, &cur) == 0)
			break;
		release(&tsync_lock);    /* the page went away meanwhile */
	}
	if (cur != val) {
		release(&tsync_lock);
		return 0;
	}
	w.next = waiters;
	waiters = &w;
	while (!w.woken && !killed(p))
		sleep(&w, &tsync_lock);
	if (!w.woken)
		unlink(&w);
	release(&tsync_lock);
	return w.woken ? 0 : -1;
}

/* Wake up to n threads of vm waiting on addr; how many were woken. */
static int tsync_wake(struct vmspace *vm, uint32_t addr, int n)
{
	int woken = 0;
	acquire(&tsync_lock);
	for (struct twait **pp = &waiters; *pp && woken < n;) {
		struct twait *w = *pp;
		if (w->vm == vm && w->addr == addr) {
			*pp = w->next;
			w->woken = 1;
			wakeup(w);
			woken++;
		} else {
			pp = &w->next;
		}
	}
	release(&tsync_lock);
	return woken;
}

/* The tsync system call: TSYNC_WAIT or TSYNC_WAKE. */
int tsync(int op, uint32_t addr, uint32_t val)
{
	struct proc *p = myproc();
	if (addr & 3)
		return -1;
	if (op == TSYNC_WAIT)
		return tsync_wait(p, addr, val);
	if (op == TSYNC_WAKE)
		return tsync_wake(p->vm, addr, (int)val);
	return -1;
}
