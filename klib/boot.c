/*
 * boot.c - from crt0 to main, and back to the power switch.
 */
#include "klib.h"

void klib_boot(int cpu, int ncpus, uint32_t bootinfo);
void ktrap_install(void);

extern volatile uint32_t klib_released; /* crt0.S, in .data */

int klib_ncpus;
uint32_t klib_bootinfo;

/* Stop this CPU for good: wait for interrupts that nothing will handle. */
void klib_park(void)
{
	kintr_off();
	for (;;)
		__asm__ volatile("wait");
}

/*
 * Called by crt0 on every CPU, on its own stack: CPU 0 first (with .bss
 * clear), which installs the vectors and releases the others.  Each CPU
 * leaves the reset state (ERL=1, BEV=1) for kernel mode with interrupts
 * off, runs main, and then powers off (CPU 0) or parks (the others).
 */
void klib_boot(int cpu, int ncpus, uint32_t bootinfo)
{
	if (cpu == 0) {
		klib_ncpus = ncpus;
		klib_bootinfo = bootinfo;
		ktrap_install();
	}
	kcp0_set_status(0); /* kernel mode, EXL=ERL=BEV=0, IE=0 */
	if (cpu == 0) {
		kbarrier(); /* .bss, the vectors and the globals before the flag */
		klib_released = 1;
	}
	int status = main(cpu, ncpus, bootinfo);
	if (cpu == 0)
		kpoweroff(status);
	klib_park();
}
