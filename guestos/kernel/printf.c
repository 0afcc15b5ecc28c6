/*
 * printf.c - the kernel log and panic.
 *
 * klib's kprintf formats with kformat and writes through the three console
 * hooks below (kconsole_lock, kputc_locked, kconsole_unlock), which the
 * kernel supplies: output goes through hal_cons_putc under pr_lock, so
 * lines from different CPUs never interleave.  Once a CPU panics the lock
 * is no longer taken (its holder may be the CPU that died).
 */
#include <stdarg.h>

#include "hal.h"
#include "kernel.h"
#include "klib.h"
#include "proc.h"
#include "spinlock.h"
#include "trapframe.h"

static struct spinlock pr_lock = { 0, "pr", 0 };
static volatile int panicking;   /* a CPU is in panic: the console is its */
static volatile int panic_cpu;

/* Take the console for one message (klib's printf calls this). */
void kconsole_lock(void)
{
	if (!panicking) {
		acquire(&pr_lock);
		return;
	}
	while (hal_cpu_id() != panic_cpu)
		;                        /* others stay quiet until power-off */
}

/* Give the console back (klib's printf calls this). */
void kconsole_unlock(void)
{
	if (!panicking)
		release(&pr_lock);
}

/* Write one byte of a message to the console. */
void kputc_locked(int c)
{
	hal_cons_putc(c);
}

/* Take the console for output that is not a kprintf (console writes). */
void printlock_acquire(void)
{
	kconsole_lock();
}

/* Release the console after printlock_acquire. */
void printlock_release(void)
{
	kconsole_unlock();
}

/* Print the message, the frame's registers and a backtrace; power off with 1. */
static void vpanic(struct trapframe *tf, const char *fmt, va_list ap)
{
	hal_intr_off();
	/* take the console for good, unless its holder seems dead */
	for (int i = 0; i < 1000000 && !holding(&pr_lock); i++)
		if (tryacquire(&pr_lock))
			break;
	panic_cpu = hal_cpu_id();
	panicking = 1;
	kprintf("\npanic (cpu %d): ", hal_cpu_id());
	kvprintf(fmt, ap);
	kprintf("\n");
	if (tf) {
		dumpregs(tf);
		backtrace(tf->epc, tf->sp, tf->ra);
	} else {
		uint32_t sp;
		__asm__ volatile("move %0, $sp" : "=r"(sp));
		backtrace((uint32_t)&&here, sp,
			  (uint32_t)__builtin_return_address(0));
here:
		;
	}
	hal_poweroff(1);
}

/* Stop the machine with a message: a broken invariant. */
void panic(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vpanic(0, fmt, ap);
	va_end(ap);
	for (;;)
		;
}

/* Stop the machine after an unexpected trap in the kernel. */
void panic_trap(struct trapframe *tf, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vpanic(tf, fmt, ap);
	va_end(ap);
	for (;;)
		;
}

/* klib's kassert lands here: the same panic. */
void kpanic(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vpanic(0, fmt, ap);
	va_end(ap);
	for (;;)
		;
}
