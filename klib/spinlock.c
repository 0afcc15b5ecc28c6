/*
 * spinlock.c - mutual exclusion between CPUs with LL/SC.
 *
 * A lock word is 0 when free and 1 when held.  Taking it is an LL/SC pair
 * that only stores if the word was 0, followed by sync, so that the
 * holder's loads and stores stay after the acquisition; releasing is sync,
 * then a plain store of 0.  These locks do not disable interrupts: code
 * that takes a lock also taken by an interrupt handler must bracket it
 * with kintr_off and kintr_restore (kmips.h), as console.c does.
 */
#include "klib.h"

/* Make the lock free. */
void kspin_init(struct kspinlock *l)
{
	l->locked = 0;
}

/* Take the lock if it is free, in one LL/SC attempt loop; true on success. */
bool kspin_trylock(struct kspinlock *l)
{
	uint32_t t, ok;
	__asm__ volatile(
		".set push\n\t.set noreorder\n"
		"1:\tll\t%0, 0(%2)\n\t"
		"bnez\t%0, 2f\n\t"
		" addiu\t%1, $0, 0\n\t"   /* held by someone: fail */
		"addiu\t%0, $0, 1\n\t"
		"sc\t%0, 0(%2)\n\t"
		"beqz\t%0, 1b\n\t"        /* the SC lost the word: try again */
		" addiu\t%1, $0, 1\n"
		"2:\n\t.set pop"
		: "=&r"(t), "=&r"(ok)
		: "r"(&l->locked)
		: "memory");
	if (ok)
		kbarrier();
	return ok;
}

/* Spin until the lock is ours. */
void kspin_lock(struct kspinlock *l)
{
	for (;;) {
		while (l->locked)
			; /* read-only spin: no LL/SC traffic while it is held */
		if (kspin_trylock(l))
			return;
	}
}

/* Release the lock, after every store made while holding it. */
void kspin_unlock(struct kspinlock *l)
{
	kbarrier();
	l->locked = 0;
}

/* True if somebody holds the lock. */
bool kspin_held(const struct kspinlock *l)
{
	return l->locked != 0;
}
