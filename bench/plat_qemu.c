/*
 * plat_qemu.c - console and power-off for qemu's Malta board.
 *
 * Console: the first 16550 UART of Malta's Super I/O, at ISA port 0x3F8 of
 * the PCI I/O window at physical 0x18000000 (Malta memory map: PCI I/O
 * space from 0x1800.0000); this is the UART qemu -nographic connects to
 * stdio.  A byte is written to THR (offset 0) once LSR (offset 5) bit 5,
 * THR empty, is set.
 * Power-off: Malta has no power register; writing 0x42 (GORESET) to the
 * FPGA's SOFTRES register at physical 0x1F000500 resets the board, which
 * qemu -no-reboot turns into an exit.  qemu then exits with 0 whatever the
 * status, so a failing run is only visible in its output.
 */
#include "bench/plat.h"

#define MALTA_UART ((volatile unsigned char *)0xB80003F8)
#define UART_THR 0
#define UART_LSR 5
#define UART_LSR_THRE 0x20
#define MALTA_SOFTRES ((volatile unsigned int *)0xBF000500)
#define MALTA_GORESET 0x42

/* Write one byte to Malta's first UART. */
PLAT_FN(putc) void plat_putc(int ch)
{
	while (!(MALTA_UART[UART_LSR] & UART_LSR_THRE))
		;
	MALTA_UART[UART_THR] = (unsigned char)ch;
}

/* Reset the Malta board, which ends qemu when it runs with -no-reboot. */
PLAT_FN(poweroff) void plat_poweroff(int status)
{
	(void)status;
	*MALTA_SOFTRES = MALTA_GORESET;
	for (;;)
		;
}
