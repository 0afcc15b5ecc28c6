/*
 * trace.h - what the trace test programs share: device addresses (kseg1)
 * and small macros.  CP0 registers by number (R4000 User's Manual,
 * chapter 4): 0 Index, 2 EntryLo0, 3 EntryLo1, 5 PageMask, 10 EntryHi,
 * 12 Status, 13 Cause, 14 EPC.
 */
#ifndef TESTS_TRACE_TRACE_H
#define TESTS_TRACE_TRACE_H

#include "devices/tracectl.h"

#define CONSOLE 0xBF000000
#define POWER 0xBF000010
#define INTC 0xBF000100
#define TRACECTL 0xBF000300

/* EntryLo: PFN, C = 3 (cacheable), D, V. */
#define LO(pa) ((((pa) >> 12) << 6) | (3 << 3) | 6)

/* Power off with the status in register reg. */
	.macro	POWEROFF reg
	lui	$k0, 0xbf00
	sw	\reg, 0x10($k0)
1:	b	1b
	nop
	.endm

/* Write TLB entry idx: EntryHi hi, EntryLo0/1 lo0/lo1, PageMask mask;
 * the tlbwi carries the label lab, for the --check-tlb report. */
	.macro	TLBW idx, hi, lo0, lo1, mask, lab
	li	$t0, \idx
	mtc0	$t0, $0
	li	$t0, \mask
	mtc0	$t0, $5
	li	$t0, \hi
	mtc0	$t0, $10
	li	$t0, \lo0
	mtc0	$t0, $2
	li	$t0, \lo1
	mtc0	$t0, $3
	nop
	.globl	\lab
\lab:	tlbwi
	nop
	.endm

#endif
