/*
 * entry.S - where every virtual CPU starts, and the general exception
 * vector.
 *
 * The monitor starts vCPU 0 at _start (the ELF entry) in supervisor mode
 * with a0 = 0, a1 = the number of vCPUs, a2 = the guest-physical address
 * of the boot information block; the others start here the same way when
 * vCPU 0 asks (MC_VCPU_START), with a0 = their number.  The virtual Status
 * is already what the native entry code makes of the reset state (kernel
 * mode, EXL = ERL = IE = 0, BEV = 0), so each vCPU only records its number
 * in Context.PTEBase (a trapping mtc0 the monitor emulates), takes its
 * boot stack and calls hal_start in C.
 */
#include "halasm.h"
#include "halmem.h"

	.set noreorder
	.set noat

	.section .text.start, "ax"
LEAF(_start)
	sll	t0, a0, CONTEXT_CPU_SHIFT
	mtc0	t0, C0_CONTEXT			# Context.PTEBase = vCPU number
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
