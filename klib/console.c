/*
 * console.c - output to the console transmit register.
 *
 * Whole kprintf calls go out under cons_lock, so that lines printed by
 * different CPUs do not interleave byte by byte.  Once the machine is
 * dying (kconsole_panic) the lock is no longer used: the CPU that holds
 * it may be the one that faulted.
 */
#include "klib.h"

static struct kspinlock cons_lock;
static volatile int cons_panicked;
static volatile uint32_t cons_saved_ie; /* Status.IE of the lock holder */

/* Store one byte in the transmit register. */
void kputc_locked(int c)
{
	*(volatile uint8_t *)KLIB_CONSOLE_TX = (uint8_t)c;
}

/* Take the console for a sequence of kputc_locked calls. */
void kconsole_lock(void)
{
	uint32_t ie = kintr_off();
	if (!cons_panicked)
		kspin_lock(&cons_lock);
	cons_saved_ie = ie;
}

/* Give the console back. */
void kconsole_unlock(void)
{
	uint32_t ie = cons_saved_ie;
	if (!cons_panicked)
		kspin_unlock(&cons_lock);
	kintr_restore(ie);
}

/* Stop locking the console, after giving its holder a moment to finish. */
void kconsole_panic(void)
{
	for (int i = 0; i < 100000 && !cons_panicked; i++) {
		if (kspin_trylock(&cons_lock)) {
			kspin_unlock(&cons_lock);
			break;
		}
	}
	cons_panicked = 1;
	kbarrier();
}

/* Write one character to the console. */
void kputc(int c)
{
	kconsole_lock();
	kputc_locked(c);
	kconsole_unlock();
}

/* Write a string and a newline to the console, as one piece. */
void kputs(const char *s)
{
	kconsole_lock();
	while (*s)
		kputc_locked(*s++);
	kputc_locked('\n');
	kconsole_unlock();
}
