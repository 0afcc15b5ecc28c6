/*
 * spin.c - counts for ever on CPU 0, so that only Ctrl-C from gdb (or
 * gdb's kill) stops it: the tests attach to it running and interrupt it.
 */
#include "klib.h"

volatile uint32_t spins; /* how far it got */

/* Count on CPU 0 for ever; the others return and park. */
int main(int cpu, int ncpus, uint32_t bootinfo)
{
	(void)ncpus;
	(void)bootinfo;
	while (cpu == 0)
		spins++;
	return 0;
}
