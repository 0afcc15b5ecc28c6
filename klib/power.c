/*
 * power.c - the end of a program: power off, or panic and power off.
 */
#include "klib.h"

/* Power the machine off; status becomes the emulator's exit status. */
void kpoweroff(int status)
{
	kbarrier();
	*(volatile uint32_t *)KLIB_POWER = (uint32_t)status;
	for (;;) /* the store stops this CPU; real hardware might take a moment */
		__asm__ volatile("wait");
}

/* Print "panic: " and the message, then power off with KLIB_EXIT_PANIC. */
void kpanic(const char *fmt, ...)
{
	va_list ap;
	kconsole_panic();
	kprintf("panic: ");
	va_start(ap, fmt);
	kvprintf(fmt, ap);
	va_end(ap);
	kprintf("\n");
	kpoweroff(KLIB_EXIT_PANIC);
}
