/*
 * tracectl.h - the trace-control device: software switches the machine's
 * tracing (--trace, docs/tracing.md) on and off at run time.
 *
 *   window 0x1F000300, 16 bytes, big-endian 32-bit registers
 *   (lw/sw at these offsets only; anything else is a bus error)
 *
 *   +0x0 MASK   RW  the trace categories that are on, one bit each;
 *                   a store turns exactly those on (bits 31..6 ignored)
 *                    31            6   5     4     3     2     1     0
 *                   +---------------+-----+-----+-----+-----+-----+-----+
 *                   |       0       | dev | mem | irq | tlb | exc | insn|
 *                   +---------------+-----+-----+-----+-----+-----+-----+
 *   +0x4 CATS   R   the categories this machine can trace (0x3F); stores
 *                   are ignored
 *   +0x8, +0xC      read 0, stores ignored
 *
 * A category that software turns on writes where --trace sent it, or to
 * standard error.  Reset state: the categories of --trace.
 *
 * MIPS C and assembly may include this file for the offsets alone:
 * define DEV_REGS_ONLY first (or let __ASSEMBLER__ do it).
 */
#ifndef DEVICES_TRACECTL_H
#define DEVICES_TRACECTL_H

#define DEV_TRACECTL_SIZE 16
#define DEV_TRACECTL_MASK 0x0
#define DEV_TRACECTL_CATS 0x4

#define DEV_TRACECTL_INSN 0x01
#define DEV_TRACECTL_EXC 0x02
#define DEV_TRACECTL_TLB 0x04
#define DEV_TRACECTL_IRQ 0x08
#define DEV_TRACECTL_MEM 0x10
#define DEV_TRACECTL_DEV 0x20
#define DEV_TRACECTL_ALL 0x3F

#if !defined(__ASSEMBLER__) && !defined(DEV_REGS_ONLY)
#include <stdint.h>

#include "devices/device.h"

/* How the device reaches the machine's tracer. */
struct dev_tracectl_hooks {
	void *ctx;
	unsigned (*get)(void *ctx);            /* the categories that are on */
	void (*set)(void *ctx, unsigned mask); /* turn exactly mask on */
};

/* Create the device at base; NULL if out of memory. */
struct device *dev_tracectl_create(const struct dev_services *svc,
				   uint32_t base,
				   const struct dev_tracectl_hooks *h);
#endif

#endif
