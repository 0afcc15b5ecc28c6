/*
 * atomic.c - atomic read-modify-write on 32-bit words with LL/SC.  Each
 * operation is a full barrier: sync before and after.
 */
#include "klib.h"

/* Add v to *p; return the new value. */
uint32_t katomic_add(volatile uint32_t *p, uint32_t v)
{
	uint32_t old, t;
	kbarrier();
	__asm__ volatile(
		".set push\n\t.set noreorder\n"
		"1:\tll\t%0, 0(%2)\n\t"
		"addu\t%1, %0, %3\n\t"
		"sc\t%1, 0(%2)\n\t"
		"beqz\t%1, 1b\n\t"
		" nop\n\t"
		".set pop"
		: "=&r"(old), "=&r"(t)
		: "r"(p), "r"(v)
		: "memory");
	kbarrier();
	return old + v;
}

/* If *p is old, make it new and return true; otherwise return false. */
bool katomic_cas(volatile uint32_t *p, uint32_t old, uint32_t new)
{
	uint32_t cur, t;
	kbarrier();
	__asm__ volatile(
		".set push\n\t.set noreorder\n"
		"1:\tll\t%0, 0(%2)\n\t"
		"bne\t%0, %3, 2f\n\t"
		" move\t%1, %4\n\t"
		"sc\t%1, 0(%2)\n\t"
		"beqz\t%1, 1b\n\t"
		" nop\n"
		"2:\n\t.set pop"
		: "=&r"(cur), "=&r"(t)
		: "r"(p), "r"(old), "r"(new)
		: "memory");
	kbarrier();
	return cur == old;
}

/* Store v in *p; return the value it replaced. */
uint32_t katomic_swap(volatile uint32_t *p, uint32_t v)
{
	uint32_t old, t;
	kbarrier();
	__asm__ volatile(
		".set push\n\t.set noreorder\n"
		"1:\tll\t%0, 0(%2)\n\t"
		"move\t%1, %3\n\t"
		"sc\t%1, 0(%2)\n\t"
		"beqz\t%1, 1b\n\t"
		" nop\n\t"
		".set pop"
		: "=&r"(old), "=&r"(t)
		: "r"(p), "r"(v)
		: "memory");
	kbarrier();
	return old;
}
