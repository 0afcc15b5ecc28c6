/*
 * assert.c - a failing kassert prints file:line and powers off with
 * KLIB_EXIT_PANIC (assert.expect checks).
 */
#include "klib.h"

/* Assert something true, then something false. */
int main(int cpu, int ncpus, uint32_t bootinfo)
{
	(void)bootinfo;
	if (cpu != 0)
		return 0;
	kassert(ncpus >= 1);
	kassert(ncpus == 0); /* line 14: assert.expect */
	return 0;
}
