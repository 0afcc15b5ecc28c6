/*
 * hostile_asm.S - the hostile guest's entry, exception vectors and
 * probes.  It runs in supervisor mode like a virtualized guest kernel
 * (vmm/include/mcall.h); every exception it provokes is forwarded to its
 * vectors at 0xC0000000 (refill) and 0xC0000180 (general), where
 * hostile_exc records the virtual Cause and BadVAddr (read from the
 * special page) and resumes after the faulting instruction (EPC + 4:
 * the probes never fault in a delay slot).
 *
 *   hostile_nexc    exceptions taken so far
 *   hostile_cause   virtual Cause of the last one
 *   hostile_badva   virtual BadVAddr of the last one
 */
#include "vmm/include/mcall.h"

#define SPECIAL 0xDFFFE000 /* GUEST_SPECIAL, without C's "u" */

	.set	noreorder
	.set	noat

	.section .text.start, "ax"
	.globl	_start
_start:
	la	$sp, hostile_stack + 8192 - 16
	jal	hostile_main			# (vcpu, nvcpus, bootinfo gpa)
	nop
1:	b	1b
	nop

/* The vector stub copied to both vectors: jump to hostile_exc. */
	.globl	hostile_vec, hostile_vec_end
hostile_vec:
	la	$k0, hostile_exc
	jr	$k0
	nop
hostile_vec_end:

/* Record the exception and resume after the faulting instruction. */
hostile_exc:
	li	$k0, SPECIAL
	lw	$k1, SP_CAUSE($k0)
	la	$k0, hostile_cause
	sw	$k1, 0($k0)
	li	$k0, SPECIAL
	lw	$k1, SP_BADVADDR($k0)
	la	$k0, hostile_badva
	sw	$k1, 0($k0)
	la	$k0, hostile_nexc
	lw	$k1, 0($k0)
	addiu	$k1, $k1, 1
	sw	$k1, 0($k0)
	li	$k0, SPECIAL
	lw	$k1, SP_EPC($k0)
	addiu	$k1, $k1, 4
	mtc0	$k1, $14			# EPC (emulated by the monitor)
	nop
	nop
	eret					# (emulated)
	nop

	.text
/* uint32_t hostile_load(uint32_t va): 0 if the load faults. */
	.globl	hostile_load
hostile_load:
	move	$v0, $zero
	lw	$v0, 0($a0)
	jr	$ra
	nop

/* void hostile_store(uint32_t va, uint32_t value). */
	.globl	hostile_store
hostile_store:
	sw	$a1, 0($a0)
	jr	$ra
	nop

/* void hostile_tlbwi(index, hi, lo0, lo1, mask): write one TLB entry. */
	.globl	hostile_tlbwi
hostile_tlbwi:
	lw	$t0, 16($sp)
	mtc0	$a0, $0				# Index
	mtc0	$a1, $10			# EntryHi
	mtc0	$a2, $2				# EntryLo0
	mtc0	$a3, $3				# EntryLo1
	mtc0	$t0, $5				# PageMask
	nop
	tlbwi
	nop
	jr	$ra
	nop

/* void hostile_set_status(uint32_t status). */
	.globl	hostile_set_status
hostile_set_status:
	mtc0	$a0, $12
	nop
	nop
	jr	$ra
	nop

/* int32_t hostile_mcall(n, a0, a1, a2, a3, t0, t1): a monitor call. */
	.globl	hostile_mcall
hostile_mcall:
	move	$v0, $a0
	move	$a0, $a1
	move	$a1, $a2
	move	$a2, $a3
	lw	$a3, 16($sp)
	lw	$t0, 20($sp)
	lw	$t1, 24($sp)
	syscall
	nop
	jr	$ra
	nop

	.bss
	.align	4
	.globl	hostile_nexc, hostile_cause, hostile_badva
hostile_nexc:	.space	4
hostile_cause:	.space	4
hostile_badva:	.space	4
	.align	4
hostile_stack:	.space	8192
