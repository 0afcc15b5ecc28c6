/*
 * console.h - the console: transmit (the bare-metal contract) and receive
 * from the host, with a receive interrupt.  Registers: docs/dev-console.md.
 *
 *   window 0x1F000000, 16 bytes, big-endian 32-bit registers
 *
 *   +0x0 TX       W  sb: the byte; sw: bits 7..0.  Reads as 0.
 *   +0x4 STATUS   R  31          16 15      8 7      3  2   1   0
 *                    +-------------+---------+--------+---+---+---+
 *                    |      0      | RXCOUNT |   0    |END|TXR|AV |
 *                    +-------------+---------+--------+---+---+---+
 *                    AV  receive data available (RXCOUNT > 0)
 *                    TXR transmit ready (always 1)
 *                    END no more data will ever arrive: host input
 *                        ended (or there is none) and the FIFO is empty
 *   +0x8 RXDATA   R  pops one byte: 0x000000bb, or 0xFFFFFFFF when empty
 *   +0xC CONTROL  RW bit 0 RXIE: interrupt while AV; bit 1 ENDIE:
 *                    interrupt while END.  Other bits read as 0.
 *
 * The interrupt line is high while (RXIE and AV) or (ENDIE and END).
 */
#ifndef DEVICES_CONSOLE_H
#define DEVICES_CONSOLE_H

#define DEV_CONSOLE_SIZE 16u
#define DEV_CONSOLE_FIFO 64u
#define DEV_CONSOLE_CHECK_CYCLES 20000u /* between looks at host input */

#define DEV_CONSOLE_TX 0x0u
#define DEV_CONSOLE_STATUS 0x4u
#define DEV_CONSOLE_RXDATA 0x8u
#define DEV_CONSOLE_CONTROL 0xCu

#define DEV_CONSOLE_ST_AVAIL 0x1u
#define DEV_CONSOLE_ST_TXREADY 0x2u
#define DEV_CONSOLE_ST_END 0x4u
#define DEV_CONSOLE_ST_COUNT_SHIFT 8

#define DEV_CONSOLE_CTL_RXIE 0x1u
#define DEV_CONSOLE_CTL_ENDIE 0x2u

#define DEV_CONSOLE_RX_EMPTY 0xFFFFFFFFu

#if !defined(__ASSEMBLER__) && !defined(DEV_REGS_ONLY)
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "devices/device.h"

/*
 * Create the console at base with interrupt source irq (-1: none).  Input
 * comes from in_fd (-1: none; a terminal is put in raw-ish mode until
 * destroy, which the machine must call on every exit path), TX bytes go to
 * out.  NULL after a one-line error on err.
 */
struct device *dev_console_create(const struct dev_services *svc,
				  uint32_t base, int irq, int in_fd, FILE *out,
				  FILE *err);
/* Whether console input can still arrive (false after EOF with FIFO empty). */
bool dev_console_input_possible(const struct device *d);
/*
 * The fd to wait on with poll() while every CPU idles, or -1 if none (no
 * input, input ended, or FIFO full); the next poll hook then looks at the
 * input whatever the time (otherwise once per DEV_CONSOLE_CHECK_CYCLES).
 */
int dev_console_wait_fd(struct device *d);
#endif

#endif
