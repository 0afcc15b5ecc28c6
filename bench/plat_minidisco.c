/*
 * plat_minidisco.c - console and power-off for minidisco's bare-metal
 * contract (docs: DESIGN.md section 2): a byte stored at physical
 * 0x1F000000 goes to the console, a 32-bit store to 0x1F000010 powers the
 * machine off with that exit status.  Reached through kseg1 (uncached).
 */
#include "bench/plat.h"

#define MD_CONSOLE ((volatile unsigned char *)0xBF000000)
#define MD_POWER ((volatile unsigned int *)0xBF000010)

/* Write one byte to minidisco's console. */
PLAT_FN(putc) void plat_putc(int ch)
{
	*MD_CONSOLE = (unsigned char)ch;
}

/* Power minidisco off with exit status `status`. */
PLAT_FN(poweroff) void plat_poweroff(int status)
{
	*MD_POWER = (unsigned int)status;
	for (;;)
		;
}
