/*
 * crash.c - an unhandled exception reaches klib's default handler, which
 * reports it and powers off with KLIB_EXIT_TRAP (crash.expect checks).
 */
#include "klib.h"

/* Load from an unmapped user address: a TLB refill exception. */
int main(int cpu, int ncpus, uint32_t bootinfo)
{
	(void)ncpus, (void)bootinfo;
	if (cpu != 0)
		return 0;
	kprintf("crash: loading from 0x00000010\n");
	volatile uint32_t *volatile p = (volatile uint32_t *)0x10;
	return (int)*p;
}
