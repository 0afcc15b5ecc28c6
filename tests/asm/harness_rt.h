/*
 * harness_rt.h - the runtime of the MIPS test harness: vectors, _start, the
 * exception-recording handler, console output and the pass/fail exits.
 * Included once, by tests/asm/harness.h; see that file for the contract.
 */
/* ------------------------------------------------------------------ */
/* Runtime.                                                            */
/* ------------------------------------------------------------------ */

/* Vector stub: note which vector was entered, then go to the common code. */
	.macro	HARNESS_VECTOR addr
	.set	push
	.set	noat
	lui	$k1, %hi(harness_rec)
	addiu	$k1, $k1, %lo(harness_rec)
	li	$k0, \addr
	sw	$k0, REC_VEC($k1)
	la	$k0, harness_exc_common
	jr	$k0
	nop
	.set	pop
	.endm

	.section .vec.refill, "ax", @progbits
	HARNESS_VECTOR VEC_REFILL
	.section .vec.xrefill, "ax", @progbits
	HARNESS_VECTOR VEC_XREFILL
	.section .vec.cacheerr, "ax", @progbits
	HARNESS_VECTOR VEC_CACHEERR
	.section .vec.general, "ax", @progbits
	HARNESS_VECTOR VEC_GENERAL
	.section .prom.refill, "ax", @progbits
	HARNESS_VECTOR VEC_BEV_REFILL
	.section .prom.xrefill, "ax", @progbits
	HARNESS_VECTOR VEC_BEV_XREFILL
	.section .prom.cacheerr, "ax", @progbits
	HARNESS_VECTOR VEC_BEV_CACHEERR
	.section .prom.general, "ax", @progbits
	HARNESS_VECTOR VEC_BEV_GENERAL

	.section .text.start, "ax", @progbits
	.globl	_start
	.type	_start, @function
/* Reset entry: kernel mode, ERL=1, BEV=1 (DESIGN.md section 2). */
_start:
	mtc0	$zero, C0_STATUS	/* ERL=BEV=0, 32-bit, kernel, IE=0 */
	mtc0	$zero, C0_CAUSE		/* no software interrupt pending */
	la	$sp, harness_stack_top
	la	$t0, __bss_start	/* zero .bss (link.ld) */
	la	$t1, __bss_end
1:	sltu	$t2, $t0, $t1
	beq	$t2, $zero, 2f
	nop
	sw	$zero, 0($t0)
	b	1b
	addiu	$t0, $t0, 4
2:	mfc0	$t0, C0_COUNT		/* Compare far ahead, IP7 clear */
	addiu	$t0, $t0, -1
	mtc0	$t0, C0_COMPARE
	jal	harness_tlb_reset
	nop
	EXC_CLEAR
	j	test_main
	nop

	.text
/*
 * Common exception code, entered from a vector stub with $k1 = harness_rec.
 * Records the CP0 state, then resumes: at the continuation in kernel mode
 * if one is set (one-shot, once REC_SKIP earlier exceptions have passed),
 * else at EPC for interrupts (with IE cleared, so the same interrupt is not
 * taken again) or EPC+4 for everything else.  ERL is cleared so that ERET
 * goes through EPC.  Uses only $k0 and $k1.
 */
	.type	harness_exc_common, @function
harness_exc_common:
	mfc0	$k0, C0_CAUSE
	sw	$k0, REC_CAUSE($k1)
	mfc0	$k0, C0_EPC
	sw	$k0, REC_EPC($k1)
	mfc0	$k0, C0_BADVADDR
	sw	$k0, REC_BADVADDR($k1)
	mfc0	$k0, C0_CONTEXT
	sw	$k0, REC_CONTEXT($k1)
	mfc0	$k0, C0_ENTRYHI
	sw	$k0, REC_ENTRYHI($k1)
	mfc0	$k0, C0_STATUS
	sw	$k0, REC_STATUS($k1)
	mfc0	$k0, C0_ERROREPC
	sw	$k0, REC_ERROREPC($k1)
	lw	$k0, REC_COUNT($k1)
	addiu	$k0, $k0, 1
	sw	$k0, REC_COUNT($k1)
	mfc0	$k0, C0_STATUS		/* ERET must use EPC */
	ori	$k0, $k0, ST_ERL
	xori	$k0, $k0, ST_ERL
	mtc0	$k0, C0_STATUS
	lw	$k0, REC_CAUSE($k1)
	andi	$k0, $k0, CAUSE_EXC_MASK
	bne	$k0, $zero, 1f
	nop
	mfc0	$k0, C0_STATUS		/* interrupt: leave with IE=0 */
	ori	$k0, $k0, ST_IE
	xori	$k0, $k0, ST_IE
	mtc0	$k0, C0_STATUS
1:	lw	$k0, REC_CONT($k1)
	beq	$k0, $zero, 2f
	nop
	lw	$k0, REC_SKIP($k1)	/* continuation for a later exception? */
	beq	$k0, $zero, 4f
	addiu	$k0, $k0, -1
	b	2f
	sw	$k0, REC_SKIP($k1)
4:	lw	$k0, REC_CONT($k1)
	sw	$zero, REC_CONT($k1)
	mtc0	$k0, C0_EPC
	mfc0	$k0, C0_STATUS		/* continuation runs in kernel mode */
	ori	$k0, $k0, ST_KSU_MASK
	xori	$k0, $k0, ST_KSU_MASK
	mtc0	$k0, C0_STATUS
	nop
	nop
	eret
	nop
2:	lw	$k0, REC_CAUSE($k1)
	andi	$k0, $k0, CAUSE_EXC_MASK
	beq	$k0, $zero, 3f
	nop
	mfc0	$k0, C0_EPC
	addiu	$k0, $k0, 4
	mtc0	$k0, C0_EPC
3:	nop
	nop
	eret
	nop

/* Write the NUL-terminated string at $k0 to the console (uses $at, $k1). */
	.globl	harness_puts
	.type	harness_puts, @function
harness_puts:
	.set	push
	.set	noat
	li	$at, HARNESS_CONSOLE
1:	lbu	$k1, 0($k0)
	beq	$k1, $zero, 2f
	addiu	$k0, $k0, 1
	b	1b
	sb	$k1, 0($at)
2:	jr	$ra
	nop
	.set	pop

/* Print the 64-bit value in $a0 as 0x + 16 hex digits (uses $t7-$t9, $v1). */
	.type	harness_puthex, @function
harness_puthex:
	li	$t9, HARNESS_CONSOLE
	li	$t8, '0'
	sb	$t8, 0($t9)
	li	$t8, 'x'
	sb	$t8, 0($t9)
	li	$t7, 60
1:	dsrlv	$t8, $a0, $t7
	andi	$t8, $t8, 15
	sltiu	$v1, $t8, 10
	bne	$v1, $zero, 2f
	addiu	$t8, $t8, '0'
	addiu	$t8, $t8, 'a' - '0' - 10
2:	sb	$t8, 0($t9)
	bne	$t7, $zero, 1b
	addiu	$t7, $t7, -4
	jr	$ra
	nop

/* Print $a0 (0..999) in decimal (uses $t7-$t9, $v1). */
	.type	harness_putdec, @function
harness_putdec:
	li	$t9, HARNESS_CONSOLE
	li	$t7, 100
	divu	$zero, $a0, $t7
	mflo	$t8			/* hundreds */
	mfhi	$a0
	beq	$t8, $zero, 1f
	li	$v1, 0			/* delay: nothing printed yet */
	addiu	$t8, $t8, '0'
	sb	$t8, 0($t9)
	li	$v1, 1
1:	li	$t7, 10
	divu	$zero, $a0, $t7
	mflo	$t8			/* tens */
	mfhi	$a0
	bne	$t8, $zero, 2f
	nop
	beq	$v1, $zero, 3f
	nop
2:	addiu	$t8, $t8, '0'
	sb	$t8, 0($t9)
3:	addiu	$a0, $a0, '0'
	sb	$a0, 0($t9)
	jr	$ra
	nop

/* Make the CPU quiet for the failure path and print "FAIL check N". */
	.type	harness_fail_head, @function
harness_fail_head:
	.set	push
	.set	noat
	mtc0	$zero, C0_STATUS	/* kernel mode, no interrupts */
	nop
	nop
	move	$s7, $ra
	move	$s6, $at		/* check id */
	move	$s5, $k0		/* actual */
	move	$s4, $k1		/* expected */
	la	$k0, harness_msg_fail
	jal	harness_puts
	nop
	jal	harness_putdec
	move	$a0, $s6
	jr	$s7
	nop
	.set	pop

/* Failure of a comparison: $at = id, $k0 = actual, $k1 = expected. */
	.globl	harness_fail_check
	.type	harness_fail_check, @function
harness_fail_check:
	jal	harness_fail_head
	nop
	la	$k0, harness_msg_got
	jal	harness_puts
	nop
	jal	harness_puthex
	move	$a0, $s5
	la	$k0, harness_msg_want
	jal	harness_puts
	nop
	jal	harness_puthex
	move	$a0, $s4
	b	harness_fail_exit
	nop

/* Failure because code that must not run was reached: $at = id. */
	.globl	harness_fail_reached
	.type	harness_fail_reached, @function
harness_fail_reached:
	jal	harness_fail_head
	nop
	la	$k0, harness_msg_reached
	jal	harness_puts
	nop
harness_fail_exit:
	la	$k0, harness_msg_nl
	jal	harness_puts
	nop
	move	$a0, $s6
	b	harness_poweroff
	nop

/* Success: power off with status 0. */
	.globl	harness_pass
	.type	harness_pass, @function
harness_pass:
	move	$a0, $zero
#ifdef HARNESS_SAY_PASS
	la	$k0, harness_msg_pass
	jal	harness_puts
	nop
#endif
	/* fall through */

/* Power off with status $a0; never returns. */
	.globl	harness_poweroff
	.type	harness_poweroff, @function
harness_poweroff:
#ifdef HARNESS_SAY_EXIT
	move	$s6, $a0
	la	$k0, harness_msg_exit
	jal	harness_puts
	nop
	jal	harness_putdec
	move	$a0, $s6
	la	$k0, harness_msg_nl
	jal	harness_puts
	nop
	move	$a0, $s6
#endif
	li	$t9, HARNESS_POWER
	sw	$a0, 0($t9)
1:	b	1b
	nop

/*
 * Map the user window: TLB entry USER_TLB_INDEX, 64 KB page pair, global,
 * dirty, valid, cacheable noncoherent; VA 0x00100000 -> PA 0x00100000.
 * EntryHi and PageMask are restored; uses only $k0 and $k1.
 */
	.globl	harness_map_user
	.type	harness_map_user, @function
harness_map_user:
	mfc0	$k1, C0_ENTRYHI
	li	$k0, USER_TLB_INDEX
	mtc0	$k0, C0_INDEX
	li	$k0, PM_64K
	mtc0	$k0, C0_PAGEMASK
	li	$k0, USER_VA
	mtc0	$k0, C0_ENTRYHI
	li	$k0, ENTRYLO(USER_PHYS, 3, 1, 1, 1)
	mtc0	$k0, C0_ENTRYLO0
	li	$k0, ENTRYLO(USER_PHYS + 0x10000, 3, 1, 1, 1)
	mtc0	$k0, C0_ENTRYLO1
	nop
	tlbwi
	nop
	mtc0	$zero, C0_PAGEMASK
	mtc0	$k1, C0_ENTRYHI
	jr	$ra
	nop

/*
 * Invalidate the whole TLB: entry i gets VPN2 = 0x80000000 + i * 8 KB (in
 * unmapped kseg0, so it never matches), V=0, PageMask 4 KB; then Wired = 0,
 * EntryHi = 0 (ASID 0).  Uses only $k0 and $k1.
 */
	.globl	harness_tlb_reset
	.type	harness_tlb_reset, @function
harness_tlb_reset:
	mtc0	$zero, C0_PAGEMASK
	mtc0	$zero, C0_ENTRYLO0
	mtc0	$zero, C0_ENTRYLO1
	li	$k1, TLB_ENTRIES - 1
	li	$k0, 0x80000000 + (TLB_ENTRIES - 1) * 0x2000
1:	mtc0	$k1, C0_INDEX
	mtc0	$k0, C0_ENTRYHI
	nop
	tlbwi
	addiu	$k0, $k0, -0x2000
	addiu	$k1, $k1, -1
	bgez	$k1, 1b
	nop
	mtc0	$zero, C0_ENTRYHI
	mtc0	$zero, C0_WIRED
	jr	$ra
	nop

	.section .rodata
harness_msg_fail:	.asciz	"FAIL check "
harness_msg_got:	.asciz	": got "
harness_msg_want:	.asciz	", want "
harness_msg_reached:	.asciz	": reached code that must not run"
harness_msg_nl:		.asciz	"\n"
harness_msg_pass:	.asciz	"PASS\n"
harness_msg_exit:	.asciz	"EXIT "

	.section .bss
	.balign	64
	.globl	harness_rec
harness_rec:
	.space	REC_SIZE
	.balign	16
harness_stack:
	.space	8192
harness_stack_top:

	.text
