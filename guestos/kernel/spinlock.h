/* spinlock.h - mutual exclusion between CPUs, taken with LL/SC. */
#ifndef GUESTOS_SPINLOCK_H
#define GUESTOS_SPINLOCK_H

#include <stdint.h>

struct cpu;

struct spinlock {
	volatile uint32_t locked; /* 0 free, 1 held */
	const char *name;         /* for panics */
	struct cpu *cpu;          /* holder */
};

/* acquire disables interrupts on this CPU until the matching release. */
void initlock(struct spinlock *lk, const char *name);
void acquire(struct spinlock *lk);
int tryacquire(struct spinlock *lk);
void release(struct spinlock *lk);
int holding(struct spinlock *lk);
void push_off(void); /* nestable interrupt disable */
void pop_off(void);

#endif
