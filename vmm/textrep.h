/*
 * textrep.h - where the monitor's replicated code and read-only data live
 * (textrep.c, boot.S, vmm.ld).
 *
 * The monitor's .text and .rodata are linked at TEXT_VA in kseg3 (kernel
 * mapped, out of the guest's reach: supervisor and user mode get an
 * address error there).  One wired, global, read-only TLB entry of two
 * 64 KB pages maps that 128 KB window on every CPU; it points at the copy
 * on the CPU's own node:
 *
 *   virtual (every CPU)         machine memory
 *   0xE0000000 +----------+     node 0: 0x00010000 (where the ELF loads)
 *              | .text    | --> node 1: a 128 KB-aligned block of node 1
 *              | .rodata  |     ...     (copied by CPU 0 at boot)
 *   0xE0020000 +----------+
 *
 * The TLB entry (R4000 User's Manual, chapter 4): PageMask 0x0001E000
 * (64 KB pages), EntryHi VPN2 = 0xE0000000, EntryLo0/1 = PFN | C = 3 |
 * V | G, no D: a store into the monitor's own code is a TLB Modified
 * exception, reported as a monitor fault.
 */
#ifndef VMM_TEXTREP_H
#define VMM_TEXTREP_H

#define TEXT_VA        0xE0000000  /* kseg3: where .text and .rodata run */
#define TEXT_PA        0x00010000  /* node 0's copy: the ELF's load address */
#define TEXT_BYTES     0x00020000  /* the window: a pair of 64 KB pages */
#define TEXT_HALF      0x00010000  /* one page of the pair */
#define TEXT_PAGEMASK  0x0001E000  /* PageMask of a 64 KB page */
#define TEXT_TLB_INDEX 1           /* its wired TLB entry (0: special page) */
#define TEXT_LO_FLAGS  0x1B        /* EntryLo C = 3 (cached), V, G; no D */

#ifndef __ASSEMBLER__
#include <stdint.h>

void textrep_init(void);          /* CPU 0: a copy on every node */
void textrep_map_cpu(int node);   /* this CPU: map its node's copy */
uint32_t textrep_pa(int node);    /* machine address of node's copy */
#endif

#endif
