/*
 * halmem.h - the native kernel's address space, and where the devices are.
 *
 *  0x00000000 +-----------------------------+ kuseg: user (mapped, ASID)
 *             | unmapped guard              |
 *  0x00400000 | text, data, bss (USERTEXT)  |
 *             | heap: sbrk grows up         |
 *  0x7FF00000 | stack region (USTACKMIN)    |  demand-grown, 1 MB at most
 *  0x7FFFF000 | (USTACKTOP)                 |
 *  0x80000000 +-----------------------------+ kseg0: all RAM, cached (KERNBASE)
 *             | vectors: 0x000 refill, 0x080 XTLB refill, 0x180 general
 *  0x80010000 | kernel text, data, bss      |
 *             | free RAM (boot info ranges) |  P2V(pa) = pa + KERNBASE
 *  0xA0000000 +-----------------------------+ kseg1: uncached (devices at 0xBF000000)
 *  0xC0000000 +-----------------------------+ kseg2/3: unused
 *
 * Kernel code never writes a segment address itself: it uses these names,
 * which the virtualized build defines differently.
 */
#ifndef GUESTOS_HALMEM_H
#define GUESTOS_HALMEM_H

#define KERNBASE   0x80000000u /* kseg0: physical memory, cached */
#define KERNLINK   0x80010000u /* where kernel.ld puts the kernel */
#define DEVBASE    0xA0000000u /* kseg1: uncached view of physical memory */

#define USERTOP    0x80000000u /* first address user code cannot touch */
#define USERTEXT   0x00400000u /* user programs are linked here */
#define USTACKTOP  0x7FFFF000u /* top of the user stack */
#define USTACKMIN  0x7FF00000u /* lowest address the stack may grow to */

#define HAL_NCPU   32          /* most CPUs the machine can have */
#define BOOTSTACK_SHIFT 13     /* each CPU's boot (scheduler) stack: 8 KB */

/* Exception vectors with Status.BEV = 0 (R4000 User's Manual, 5.3). */
#define VEC_REFILL  0x80000000u
#define VEC_XREFILL 0x80000080u
#define VEC_GENERAL 0x80000180u

/* Device registers, physical (docs/machine.md, section 2). */
#define PA_CONSOLE 0x1F000000u
#define PA_POWER   0x1F000010u
#define PA_INTC    0x1F000100u
#define PA_DISK(k) (0x1F001000u + 0x100u * (k))

/* Device interrupt sources at the interrupt controller. */
#define IRQ_CONSOLE 0
#define IRQ_DISK(k) (1 + (k))

#ifndef __ASSEMBLER__
#include <stdint.h>

#define P2V(pa) ((void *)((uint32_t)(pa) + KERNBASE))
#define V2P(va) ((uint32_t)(va) - KERNBASE)
/* A device register, reached uncached through kseg1. */
#define DEVREG(pa) (*(volatile uint32_t *)((uint32_t)(pa) + DEVBASE))
#endif

#endif
