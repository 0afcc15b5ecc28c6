/*
 * halcons.c - the console device (docs/dev-console.md): polled output,
 * interrupt-driven input on controller source 0.
 *
 *   +0x0 TX       sb/sw: write a byte
 *   +0x4 STATUS   31..16 0 | 15..8 RXCOUNT | 7..3 0 | END | TXR | AV
 *   +0x8 RXDATA   pop a byte, 0xFFFFFFFF when empty
 *   +0xC CONTROL  bit 1 ENDIE (interrupt while END), bit 0 RXIE (while AV)
 */
#include <stdint.h>

#include "hal.h"
#include "halint.h"

#define CONS_TX      0x0
#define CONS_STATUS  0x4
#define CONS_RXDATA  0x8
#define CONS_CONTROL 0xC
#define ST_END   0x4
#define CTL_RXIE 0x1
#define CTL_ENDIE 0x2

/* Interrupt on received bytes and at the end of input. */
void hal_cons_init(void)
{
	DEVREG(PA_CONSOLE + CONS_CONTROL) = CTL_RXIE | CTL_ENDIE;
}

/* Write one byte (the device never makes a writer wait). */
void hal_cons_putc(int c)
{
	DEVREG(PA_CONSOLE + CONS_TX) = (uint32_t)(c & 0xff);
}

/* The next received byte, or -1 when none is waiting. */
int hal_cons_getc(void)
{
	return (int)DEVREG(PA_CONSOLE + CONS_RXDATA);
}

/* Has the input ended for good?  Then stop its (level) interrupt. */
int hal_cons_ended(void)
{
	if (!(DEVREG(PA_CONSOLE + CONS_STATUS) & ST_END))
		return 0;
	DEVREG(PA_CONSOLE + CONS_CONTROL) = CTL_RXIE;
	return 1;
}
