/*
 * intc.h - the interrupt controller: device sources routed to CPUs,
 * inter-processor interrupts, and the identity of the reading CPU.
 * Registers: docs/machine.md, "Interrupt controller".
 *
 *   window 0x1F000100, 256 bytes, big-endian 32-bit registers
 *   (lw/sw at these offsets only; anything else is a bus error)
 *
 *   +0x00 WHOAMI    R   the reading CPU:
 *                       31      24 23      16 15       8 7        0
 *                       +----------+----------+----------+----------+
 *                       |  nnodes  |  ncpus   |   node   |   cpu    |
 *                       +----------+----------+----------+----------+
 *   +0x04 PENDING   R   bit s: source s is pending (its line rose and was
 *                       not acknowledged since, or its line is high)
 *                   W   1 bits acknowledge (a line still high stays pending)
 *   +0x08 ENABLE    RW  bit s: source s may interrupt its target CPU
 *   +0x0C LEVEL     R   bit s: source s's line is high now
 *   +0x10 CAUSE     R   for the reading CPU: PENDING & ENABLE & IMASK of
 *                       the sources routed to it; its line 0 (IP2) is high
 *                       exactly while this is not 0
 *   +0x14 IMASK     RW  the reading CPU's mask: bit s = 1 lets source s
 *                       interrupt this CPU (all ones after reset)
 *   +0x18 IPI_SEND  W   bit n: interrupt CPU n (the sender may be one of
 *                       them) on its line 1 (IP3); reads 0
 *   +0x1C IPI       R   bit j: CPU j sent this CPU an IPI not yet cleared;
 *                       line 1 of the reading CPU is high while not 0
 *                   W   1 bits clear
 *   +0x40+4s TARGET[s]  RW  CPU number source s is routed to (bits 4..0);
 *                       s = 0..15; a CPU that does not exist gets nothing
 *   +0x80+4n IMASK[n]   RW  CPU n's IMASK, n = 0..31 (CPUs that do not
 *                       exist read 0 and ignore writes)
 *
 * Sources: 0 console, 1..8 disks 0..7, 9 NUMA hot-page unit, 10..15 free.
 * Reset: ENABLE 0, every TARGET 0, every IMASK all ones, nothing pending.

 *
 * MIPS C and assembly may include this file for the offsets alone:
 * define DEV_REGS_ONLY first (or let __ASSEMBLER__ do it).
 */
#ifndef DEVICES_INTC_H
#define DEVICES_INTC_H

#define DEV_INTC_SIZE 0x100
#define DEV_INTC_SOURCES 16
#define DEV_INTC_MAX_CPUS 32

#define DEV_INTC_WHOAMI 0x00
#define DEV_INTC_PENDING 0x04
#define DEV_INTC_ENABLE 0x08
#define DEV_INTC_LEVEL 0x0C
#define DEV_INTC_CAUSE 0x10
#define DEV_INTC_IMASK 0x14
#define DEV_INTC_IPI_SEND 0x18
#define DEV_INTC_IPI 0x1C
#define DEV_INTC_TARGET(s) (0x40 + 4 * (s))
#define DEV_INTC_IMASK_CPU(n) (0x80 + 4 * (n))

#define DEV_INTC_LINE_DEVICE 0 /* cpu_set_irq line: IP2 */
#define DEV_INTC_LINE_IPI 1    /* cpu_set_irq line: IP3 */

#define DEV_INTC_SRC_CONSOLE 0
#define DEV_INTC_SRC_DISK(k) (1 + (k))
#define DEV_INTC_SRC_NUMA 9

#if !defined(__ASSEMBLER__) && !defined(DEV_REGS_ONLY)
#include <stdbool.h>
#include <stdint.h>

#include "devices/device.h"

/* How the controller reaches the CPUs' interrupt lines. */
struct dev_intc_wiring {
	void *ctx;
	/* Drive line (0 or 1) of CPU cpu; called only when it changes. */
	void (*set_line)(void *ctx, int cpu, int line, bool level);
	int ncpus, cpus_per_node, nnodes;
};

/* Create the controller at base; NULL if out of memory. */
struct device *dev_intc_create(const struct dev_services *svc, uint32_t base,
			       const struct dev_intc_wiring *w);
/* Set the level of source (0..15) as its device drives it. */
void dev_intc_set_source(struct device *d, int source, bool level);
/* The CPU that source would interrupt if it rose now, or -1. */
int dev_intc_route(const struct device *d, int source);
/* Call fn(ctx, from, mask) for every IPI_SEND store from now on (NULL:
 * stop), for --trace irq. */
void dev_intc_set_ipi_hook(struct device *d,
			   void (*fn)(void *ctx, int from, uint32_t mask),
			   void *ctx);
#endif

#endif
