/*
 * halmem.h - the virtualized kernel's address space (supervisor mode under
 * the monitor, vmm/include/mcall.h).  The same names as hal/native, other
 * values; there are no device addresses: devices are monitor calls.
 *
 *  0x00000000 +-----------------------------+ suseg: user (mapped, ASID)
 *             | unmapped guard              |
 *  0x00400000 | text, data, bss (USERTEXT)  |
 *             | heap: sbrk grows up         |
 *  0x7FF00000 | stack region (USTACKMIN)    |  demand-grown, 1 MB at most
 *  0x7FFFF000 | (USTACKTOP)                 |
 *  0x80000000 +-----------------------------+ kseg0/kseg1: not reachable
 *  0xC0000000 +-----------------------------+ sseg: guest-physical memory (KERNBASE)
 *             | vectors: 0x000 refill, 0x180 general
 *  0xC0010000 | kernel text, data, bss      |  KERNLINK
 *             | free RAM (boot info ranges) |  P2V(pa) = pa + KERNBASE
 *  0xDFFFE000 +-----------------------------+ the vCPU's special page (read-only)
 *  0xE0000000 +-----------------------------+ unused
 */
#ifndef GUESTOS_HALMEM_H
#define GUESTOS_HALMEM_H

#include "mcall.h"

#define KERNBASE   GUEST_KERNBASE /* sseg: guest-physical memory, mapped by the monitor */
#define KERNLINK   GUEST_KERNLINK /* where kernel.ld puts the kernel */

#define USERTOP    0x80000000u /* first address user code cannot touch */
#define USERTEXT   0x00400000u /* user programs are linked here */
#define USTACKTOP  0x7FFFF000u /* top of the user stack */
#define USTACKMIN  0x7FF00000u /* lowest address the stack may grow to */

#define HAL_NCPU   32          /* most virtual CPUs a VM can have */
#define BOOTSTACK_SHIFT 13     /* each CPU's boot (scheduler) stack: 8 KB */

/* The guest's exception vectors, where the monitor forwards exceptions. */
#define VEC_REFILL  GUEST_VEC_REFILL
#define VEC_GENERAL GUEST_VEC_GENERAL

/* Virtual device interrupt sources (devpend bits, numbered as natively). */
#define IRQ_CONSOLE 0
#define IRQ_DISK(k) (1 + (k))

#ifndef __ASSEMBLER__
#include <stdint.h>

#define P2V(pa) ((void *)((uint32_t)(pa) + KERNBASE))
#define V2P(va) ((uint32_t)(va) - KERNBASE)
/* A word of this vCPU's special page (SP_* offsets of mcall.h). */
#define SPECIAL(off) (*(volatile uint32_t *)(GUEST_SPECIAL + (off)))
#endif

#endif
