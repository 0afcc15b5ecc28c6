/*
 * entry.S - where every CPU starts, and the general exception vector.
 *
 * At reset every CPU runs _start at once with a0 = its number, a1 = the
 * number of CPUs, a2 = the physical address of the boot information block
 * (docs/machine.md, section 3).  Each one leaves the reset state (ERL and
 * BEV cleared: kernel mode, interrupts off, vectors in RAM), records its
 * number in Context.PTEBase, takes its boot stack and calls hal_start in C.
 */
#include "halasm.h"
#include "halmem.h"

	.set noreorder
	.set noat

	.section .text.start, "ax"
LEAF(_start)
	mtc0	zero, C0_STATUS			# ERL = BEV = 0, IE = 0, kernel mode
	sll	t0, a0, CONTEXT_CPU_SHIFT
	mtc0	t0, C0_CONTEXT			# Context.PTEBase = CPU number
	la	sp, hal_bootstacks
	addiu	t1, a0, 1
	sll	t1, t1, BOOTSTACK_SHIFT
	addu	sp, sp, t1			# top of this CPU's boot stack
	addiu	sp, sp, -16			# argument area
	la	t9, hal_start
	jr	t9				# hal_start(cpu, ncpus, bootinfo)
	move	ra, zero			# (backtraces stop here)
END(_start)

	.text
/*
 * The general exception vector: copied to VEC_GENERAL by hal_init, it
 * jumps to trapentry (trapasm.S) with only k0 used.
 */
LEAF(hal_genvec)
	lui	k0, %hi(trapentry)
	addiu	k0, k0, %lo(trapentry)
	jr	k0
	nop
END(hal_genvec)
	.globl hal_genvec_end
hal_genvec_end:
