/*
 * kmemlayout.h - the memory layout of a klib program, shared by C and
 * assembly (crt0.S, trapasm.S) and mirrored by klib.ld.
 *
 *   virtual (kseg0)   physical
 *   0x80000000        0x00000000  +--------------------------------+
 *                                 | exception vectors, written by  |
 *                                 | crt0 at run time (0x000 refill,|
 *                                 | 0x080 XTLB refill, 0x180 other)|
 *   0x80000200        0x00000200  +--------------------------------+
 *                                 | free, not loaded               |
 *   0x80010000        0x00010000  +--------------------------------+
 *                                 | .text (_start first), .rodata, |
 *                                 | .ktest, .data, .bss            |
 *                                 +--------------------------------+
 *                                 | .kstack: KLIB_MAX_CPUS stacks  |
 *                                 | of KLIB_STACK_SIZE bytes each  |
 *   _end                          +--------------------------------+
 *                                 | boot information block (the    |
 *                                 | machine puts it on the next    |
 *                                 | 4 KB boundary), modules, then  |
 *                                 | free RAM up to the end of RAM  |
 *                                 +--------------------------------+
 *
 * Devices are reached uncached through kseg1 (physical + 0xA0000000).
 */
#ifndef KLIB_KMEMLAYOUT_H
#define KLIB_KMEMLAYOUT_H

#define KSEG0_BASE      0x80000000
#define KSEG1_BASE      0xA0000000

#define KLIB_LOAD_ADDR  0x80010000 /* where klib.ld links .text */
#define KLIB_MAX_CPUS   32
#define KLIB_STACK_SHIFT 14
#define KLIB_STACK_SIZE (1 << KLIB_STACK_SHIFT) /* 16 KB per CPU */

/* Exception vectors with BEV=0 (R4000 User's Manual, ch. 5, "Exception Vector Locations"). */
#define KLIB_VEC_REFILL  0x80000000
#define KLIB_VEC_XREFILL 0x80000080
#define KLIB_VEC_GENERAL 0x80000180

/* Bare-metal devices (DESIGN.md section 2), through kseg1. */
#define KLIB_CONSOLE_TX 0xBF000000 /* sb: write one byte to the console */
#define KLIB_POWER      0xBF000010 /* sw: power off, value = exit status */

/* Exit statuses klib itself powers off with. */
#define KLIB_EXIT_PANIC 98 /* kpanic, failed kassert */
#define KLIB_EXIT_TRAP  99 /* unhandled exception */

#endif
