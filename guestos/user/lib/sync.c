/*
 * sync.c - atomics on LL/SC and the blocking locks built on them.  The
 * fast paths never enter the kernel; a thread that must wait sleeps in
 * tsync(TSYNC_WAIT) on the lock word, and the releasing thread calls
 * tsync(TSYNC_WAKE) only when someone may be asleep (tsync.h).
 *
 * LL/SC are MIPS II instructions (the R4000 has them); `.set mips2`
 * says so to the assembler.  `sync` orders the surrounding loads and
 * stores, so a lock also works as a memory barrier.
 */
#include "ulib.h"
#include "syscall.h"

/* Add v to *p atomically; return the new value. */
int atomic_add(volatile int *p, int v)
{
	int old, tmp;
	__asm__ volatile(
		".set push\n\t.set mips2\n\t.set noreorder\n"
		"\tsync\n"
		"1:\tll\t%0, %2\n"
		"\taddu\t%1, %0, %3\n"
		"\tsc\t%1, %2\n"
		"\tbeqz\t%1, 1b\n"
		"\tnop\n"
		"\tsync\n"
		"\t.set pop"
		: "=&r"(old), "=&r"(tmp), "+m"(*p)
		: "r"(v)
		: "memory");
	return old + v;
}

/* Store v in *p atomically; return the old value. */
int atomic_swap(volatile int *p, int v)
{
	int old, tmp;
	__asm__ volatile(
		".set push\n\t.set mips2\n\t.set noreorder\n"
		"\tsync\n"
		"1:\tll\t%0, %2\n"
		"\tmove\t%1, %3\n"
		"\tsc\t%1, %2\n"
		"\tbeqz\t%1, 1b\n"
		"\tnop\n"
		"\tsync\n"
		"\t.set pop"
		: "=&r"(old), "=&r"(tmp), "+m"(*p)
		: "r"(v)
		: "memory");
	return old;
}

/* If *p == old, store new; either way return what *p held. */
int atomic_cas(volatile int *p, int old, int new)
{
	int seen, tmp;
	__asm__ volatile(
		".set push\n\t.set mips2\n\t.set noreorder\n"
		"\tsync\n"
		"1:\tll\t%0, %2\n"
		"\tbne\t%0, %3, 2f\n"
		"\tmove\t%1, %4\n"
		"\tsc\t%1, %2\n"
		"\tbeqz\t%1, 1b\n"
		"\tnop\n"
		"2:\tsync\n"
		"\t.set pop"
		: "=&r"(seen), "=&r"(tmp), "+m"(*p)
		: "r"(old), "r"(new)
		: "memory");
	return seen;
}

/* Make m a free mutex. */
void mutex_init(struct mutex *m)
{
	m->state = 0;
}

/* Take m if it is free; return 1 if we got it. */
int mutex_trylock(struct mutex *m)
{
	return atomic_cas(&m->state, 0, 1) == 0;
}

/*
 * Take m, sleeping while another thread holds it.  A waiter marks the
 * word 2 ("held, with waiters") so that the holder knows to wake it.
 */
void mutex_lock(struct mutex *m)
{
	int c = atomic_cas(&m->state, 0, 1);
	if (c == 0)
		return;
	if (c != 2)
		c = atomic_swap(&m->state, 2);
	while (c != 0) {
		tsync(TSYNC_WAIT, &m->state, 2);
		c = atomic_swap(&m->state, 2);
	}
}

/* Release m and wake one waiter if there may be one. */
void mutex_unlock(struct mutex *m)
{
	if (atomic_swap(&m->state, 0) == 2)
		tsync(TSYNC_WAKE, &m->state, 1);
}

/* Make s a semaphore holding count units. */
void sem_init(struct sem *s, int count)
{
	s->count = count;
	s->waiters = 0;
}

/* Take one unit from s, sleeping while there is none. */
void sem_down(struct sem *s)
{
	for (;;) {
		int c = s->count;
		if (c > 0) {
			if (atomic_cas(&s->count, c, c - 1) == c)
				return;
			continue;
		}
		atomic_add(&s->waiters, 1);
		tsync(TSYNC_WAIT, &s->count, 0);
		atomic_add(&s->waiters, -1);
	}
}

/* Give one unit back to s and wake a sleeper if there is one. */
void sem_up(struct sem *s)
{
	atomic_add(&s->count, 1);
	if (s->waiters > 0)
		tsync(TSYNC_WAKE, &s->count, 1);
}

/* Make b a barrier for n threads. */
void barrier_init(struct barrier *b, int n)
{
	b->arrived = 0;
	b->gen = 0;
	b->n = n;
}

/*
 * Wait until all n threads have called barrier_wait for this round.  The
 * last one resets the count, then bumps the round number and wakes all.
 */
void barrier_wait(struct barrier *b)
{
	int gen = b->gen;
	if (atomic_add(&b->arrived, 1) == b->n) {
		b->arrived = 0;
		atomic_add(&b->gen, 1);
		tsync(TSYNC_WAKE, &b->gen, b->n);
		return;
	}
	while (b->gen == gen)
		tsync(TSYNC_WAIT, &b->gen, gen);
}
