/*
 * crt0.S - reset entry, exception vectors and exception entry of the
 * bare-metal SMP test programs (contract in tests/smp/smp.h).
 *
 * Layout (tests/smp/link.ld): the BEV=0 vectors at 0x80000000 (refill),
 * 0x80000080 (XTLB refill), 0x80000100 (cache error, reached through
 * kseg1) and 0x80000180 (everything else); code from 0x80001000.
 *
 * Exception frame on the interrupted CPU's own stack (we only ever run in
 * kernel mode, so $sp is always good): the 22 registers C may clobber,
 * then HI and LO.
 */
	.set	noreorder
	.set	noat

#define STACK_SHIFT 13		/* 8 KB per CPU */
#define FRAME	(26 * 4)

	.section .vectors, "ax", @progbits
	.globl	smp_vectors
smp_vectors:
	.org	0x000
	j	smp_exc_entry		/* TLB refill: not expected */
	nop
	.org	0x080
	j	smp_exc_entry		/* XTLB refill */
	nop
	.org	0x100
	j	smp_exc_entry		/* cache error */
	nop
	.org	0x180
	j	smp_exc_entry		/* general */
	nop

	.text
	.globl	_start
	.type	_start, @function
/* Every CPU: Status = 0, own stack, smp_main(cpu, ncpus, bootinfo). */
_start:
	mtc0	$zero, $12		/* Status: ERL=BEV=0, IE=0, kernel */
	mtc0	$zero, $13		/* Cause: no software interrupt */
	la	$t0, smp_stacks
	addiu	$t1, $a0, 1
	sll	$t1, $t1, STACK_SHIFT
	addu	$sp, $t0, $t1
	addiu	$sp, $sp, -32
	jal	smp_main
	nop
	li	$a0, 2			/* smp_main returned: a test bug */
	jal	smp_power_off
	nop
1:	b	1b
	nop

	.type	smp_exc_entry, @function
/* Save what C may clobber, call smp_exception, resume at what it returns. */
smp_exc_entry:
	addiu	$sp, $sp, -FRAME
	sw	$1, 0($sp)
	sw	$2, 4($sp)
	sw	$3, 8($sp)
	sw	$4, 12($sp)
	sw	$5, 16($sp)
	sw	$6, 20($sp)
	sw	$7, 24($sp)
	sw	$8, 28($sp)
	sw	$9, 32($sp)
	sw	$10, 36($sp)
	sw	$11, 40($sp)
	sw	$12, 44($sp)
	sw	$13, 48($sp)
	sw	$14, 52($sp)
	sw	$15, 56($sp)
	sw	$24, 60($sp)
	sw	$25, 64($sp)
	sw	$31, 68($sp)
	mfhi	$k0
	sw	$k0, 72($sp)
	mflo	$k0
	sw	$k0, 76($sp)
	mfc0	$a0, $13		/* Cause */
	mfc0	$a1, $14		/* EPC */
	addiu	$sp, $sp, -16		/* o32 argument save area */
	jal	smp_exception
	nop
	addiu	$sp, $sp, 16
	mtc0	$v0, $14		/* resume address */
	lw	$k0, 72($sp)
	mthi	$k0
	lw	$k0, 76($sp)
	mtlo	$k0
	lw	$1, 0($sp)
	lw	$2, 4($sp)
	lw	$3, 8($sp)
	lw	$4, 12($sp)
	lw	$5, 16($sp)
	lw	$6, 20($sp)
	lw	$7, 24($sp)
	lw	$8, 28($sp)
	lw	$9, 32($sp)
	lw	$10, 36($sp)
	lw	$11, 40($sp)
	lw	$12, 44($sp)
	lw	$13, 48($sp)
	lw	$14, 52($sp)
	lw	$15, 56($sp)
	lw	$24, 60($sp)
	lw	$25, 64($sp)
	lw	$31, 68($sp)
	addiu	$sp, $sp, FRAME
	eret
	nop

	.globl	smp_probe_read
	.type	smp_probe_read, @function
/* uint32_t smp_probe_read(pa, size): a load that may fault, never in a
 * delay slot, so that the handler can skip it with EPC + 4. */
smp_probe_read:
	lui	$t0, 0xA000
	or	$a0, $a0, $t0
	move	$v0, $zero
	li	$t0, 1
	beq	$a1, $t0, 1f
	li	$t0, 2
	beq	$a1, $t0, 2f
	nop
	lw	$v0, 0($a0)
	jr	$ra
	nop
1:	lbu	$v0, 0($a0)
	jr	$ra
	nop
2:	lhu	$v0, 0($a0)
	jr	$ra
	nop

	.bss
	.balign	16
	.globl	smp_stacks
smp_stacks:
	.space	32 << STACK_SHIFT
