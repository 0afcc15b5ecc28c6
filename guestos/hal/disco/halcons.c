/*
 * halcons.c - the VM's console through monitor calls: output one byte
 * per MC_CONS_WRITE (the kernel hands bytes over one at a time and each
 * must be out when it returns), input with MC_CONS_GETC when the virtual
 * device source 0 (devpend bit IRQ_CONSOLE) interrupts.  The monitor
 * posts that source while input waits and once more when it has ended.
 */
#include <stdint.h>

#include "hal.h"
#include "halint.h"
#include "halmcall.h"

static volatile int cons_end;    /* MC_CONS_GETC said MC_ERR_END */

/* Write one byte (the monitor never makes a writer wait). */
void hal_cons_putc(int c)
{
	char b = (char)c;
	mc_cons_write(&b, 1);
}

/* The next received byte, or -1 when none is waiting (or input has ended). */
int hal_cons_getc(void)
{
	int32_t r = mc_cons_getc();
	if (r >= 0)
		return r & 0xff;
	if (r == MC_ERR_END)
		cons_end = 1;
	return -1;
}

/* Has the input ended for good (the last getc said so)? */
int hal_cons_ended(void)
{
	return cons_end;
}
