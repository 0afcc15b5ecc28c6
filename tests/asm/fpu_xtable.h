/*
 * fpu_xtable.h - the table-driven conversion check shared by fpu_cvt.S
 * and fpu_round.S (include after tests/asm/harness.h).
 */
#ifndef TESTS_ASM_FPU_XTABLE_H
#define TESTS_ASM_FPU_XTABLE_H

/*
 * Run each row of table tab through insn, which reads $f0 (and $f2) and
 * writes $f4.  A row is .dword a, b, want; .word FCSR in, FCSR want; a
 * 32-bit a, b or want sits in the low half of its dword.  sw and dw are
 * the widths (32 or 64) of the source and destination formats.
 */
	.macro	XTABLE id, tab, sw, dw, insn:vararg
	la	$s0, \tab
	la	$s1, \tab\()_end
.Lrow\@:
	.if	\sw == 32
	lw	$t0, 4($s0)
	mtc1	$t0, $f0
	lw	$t0, 12($s0)
	mtc1	$t0, $f2
	.else
	ldc1	$f0, 0($s0)
	ldc1	$f2, 8($s0)
	.endif
	lw	$t0, 24($s0)
	ctc1	$t0, $31
	\insn
	.if	\dw == 32
	mfc1	$t1, $f4
	lw	$t2, 20($s0)
	.else
	dmfc1	$t1, $f4
	ld	$t2, 16($s0)
	.endif
	CHECK_EQR $t1, $t2, \id
	cfc1	$t1, $31
	lw	$t2, 28($s0)
	CHECK_EQR $t1, $t2, \id
	addiu	$s0, $s0, 32
	bne	$s0, $s1, .Lrow\@
	nop
	.endm

#endif
