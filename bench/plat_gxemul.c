/*
 * plat_gxemul.c - console and halt for gxemul's testmips machine.
 *
 * testmips has gxemul's "cons" device at physical 0x10000000 (GXemul
 * documentation, experiments.html, "Experimental devices"): a byte written
 * at offset 0x00 is printed, any access to offset 0x10 halts the emulator.
 * The halt carries no status, so a failing run is only visible in its
 * output (the benchmark prints a message before powering off with 1).
 */
#include "bench/plat.h"

#define GX_CONS_PUTC ((volatile unsigned char *)0xB0000000)
#define GX_CONS_HALT ((volatile unsigned int *)0xB0000010)

/* Write one byte to gxemul's console device. */
PLAT_FN(putc) void plat_putc(int ch)
{
	*GX_CONS_PUTC = (unsigned char)ch;
}

/* Halt gxemul (the status cannot be passed on). */
PLAT_FN(poweroff) void plat_poweroff(int status)
{
	(void)status;
	*GX_CONS_HALT = 0;
	for (;;)
		;
}
