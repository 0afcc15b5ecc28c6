/*
 * spinlock.c - locks between CPUs, taken with LL/SC.  Holding one keeps
 * interrupts off on the holder's CPU (push_off), so an interrupt handler
 * never spins on a lock its own CPU holds.
 */
#include "hal.h"
#include "kernel.h"
#include "proc.h"
#include "spinlock.h"

/* Prepare a lock. */
void initlock(struct spinlock *lk, const char *name)
{
	lk->name = name;
	lk->locked = 0;
	lk->cpu = 0;
}

/* Atomically set *p to 1; return its old value (LL/SC, then sync). */
static uint32_t test_and_set(volatile uint32_t *p)
{
	uint32_t old, tmp;
	__asm__ volatile(
		".set push\n\t.set noreorder\n"
		"1:\tll\t%0, 0(%2)\n\t"
		"bnez\t%0, 2f\n\t"
		"li\t%1, 1\n\t"
		"sc\t%1, 0(%2)\n\t"
		"beqz\t%1, 1b\n\t"
		"nop\n"
		"2:\tsync\n\t.set pop"
		: "=&r"(old), "=&r"(tmp) : "r"(p) : "memory");
	return old;
}

/* Take the lock, spinning with plain loads while another CPU holds it. */
void acquire(struct spinlock *lk)
{
	push_off();
	if (holding(lk))
		panic("acquire: %s held", lk->name);
	while (test_and_set(&lk->locked))
		while (lk->locked)
			;
	lk->cpu = mycpu();
}

/* Take the lock if it is free: 1 if taken (as acquire), 0 if not. */
int tryacquire(struct spinlock *lk)
{
	push_off();
	if (!holding(lk) && test_and_set(&lk->locked) == 0) {
		lk->cpu = mycpu();
		return 1;
	}
	pop_off();
	return 0;
}

/* Release the lock. */
void release(struct spinlock *lk)
{
	if (!holding(lk))
		panic("release: %s not held", lk->name);
	lk->cpu = 0;
	__asm__ volatile("sync" ::: "memory");
	lk->locked = 0;
	pop_off();
}

/* Does this CPU hold the lock?  (Interrupts must be off.) */
int holding(struct spinlock *lk)
{
	return lk->locked && lk->cpu == mycpu();
}

/* Disable interrupts, nestably; the first call remembers their state. */
void push_off(void)
{
	uint32_t old = hal_intr_off();
	struct cpu *c = mycpu();
	if (c->noff == 0)
		c->intena = (int)old;
	c->noff++;
}

/* Undo one push_off; the last one restores the interrupt state. */
void pop_off(void)
{
	struct cpu *c = mycpu();
	if (hal_intr_enabled())
		panic("pop_off: interrupts on");
	if (c->noff < 1)
		panic("pop_off: unbalanced");
	c->noff--;
	if (c->noff == 0 && c->intena)
		hal_intr_on();
}
