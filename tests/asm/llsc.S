/*
 * llsc.S - LL/SC and LLD/SCD, including SC failing after ERET.
 *
 * UM appendix A (LL, SC, LLD, SCD, ERET): LL/LLD load and set LLbit; SC/SCD
 * store only if LLbit is set and write 1 (success) or 0 (failure, memory
 * untouched) into rt; ERET clears LLbit, so every exception handled with
 * ERET between LL and SC makes SC fail.  LL sign-extends the word.  LL/SC
 * are legal in user mode.  Only cached (kseg0 / cacheable TLB) locations
 * are used, as LL on uncached memory is undefined.
 */
#include "tests/asm/harness.h"

	.data
	.balign	8
word:	.word	41
	.word	0
dword:	.dword	0x00000000ffffffff

	.section .user.data, "aw"
	.balign	8
uword:	.word	7
uresult: .word	0

	.section .user.text, "ax"
/* User mode: LL/SC increment of uword, SC result stored in uresult. */
user_llsc:
	la	$a0, UVA(uword)
	ll	$t0, 0($a0)
	addiu	$t0, $t0, 1
	sc	$t0, 0($a0)
	sw	$t0, 4($a0)
	syscall

TEST_MAIN
	/* Successful LL/SC. */
	la	$a0, word
	ll	$t0, 0($a0)
	CHECK_EQ $t0, 41, 10
	addiu	$t0, $t0, 1
	sc	$t0, 0($a0)
	CHECK_EQ $t0, 1, 11
	lw	$t1, 0($a0)
	CHECK_EQ $t1, 42, 12

	/* An exception (handler returns with ERET) between LL and SC. */
	EXC_CLEAR
	ll	$t0, 0($a0)
	syscall
	li	$t0, 99
	sc	$t0, 0($a0)
	CHECK_EQ $t0, 0, 13
	lw	$t1, 0($a0)
	CHECK_EQ $t1, 42, 14
	CHECK_EXC EXC_SYS, 15

	/* An ERET executed by the program itself between LL and SC. */
	ll	$t0, 0($a0)
	ENTER_MODE 0, 1f
	FAIL	16
1:	li	$t0, 77
	sc	$t0, 0($a0)
	CHECK_EQ $t0, 0, 17
	lw	$t1, 0($a0)
	CHECK_EQ $t1, 42, 18

	/* After the failure, a fresh LL/SC succeeds again. */
	ll	$t0, 0($a0)
	li	$t0, 0x80000000
	sc	$t0, 0($a0)
	CHECK_EQ $t0, 1, 19
	ll	$t0, 0($a0)		/* LL sign-extends */
	CHECK_EQ64 $t0, 0xffffffff80000000, 20

	/* LLD/SCD (64-bit, legal in kernel mode). */
	la	$a1, dword
	lld	$t0, 0($a1)
	CHECK_EQ64 $t0, 0x00000000ffffffff, 21
	daddiu	$t0, $t0, 1
	scd	$t0, 0($a1)
	CHECK_EQ $t0, 1, 22
	ld	$t1, 0($a1)
	CHECK_EQ64 $t1, 0x0000000100000000, 23
	EXC_CLEAR
	lld	$t0, 0($a1)
	syscall
	dli	$t0, 0x5555555555555555
	scd	$t0, 0($a1)
	CHECK_EQ $t0, 0, 24
	ld	$t1, 0($a1)
	CHECK_EQ64 $t1, 0x0000000100000000, 25
	lld	$t0, 0($a1)
	ENTER_MODE 0, 2f
	FAIL	26
2:	scd	$t0, 0($a1)
	CHECK_EQ $t0, 0, 27

	/* LL/SC in user mode. */
	MAP_USER
	EXC_EXPECT 3f
	ENTER_USER UVA(user_llsc)
	FAIL	28
3:	CHECK_EXC EXC_SYS, 29
	la	$a0, uword
	lw	$t0, 0($a0)
	CHECK_EQ $t0, 8, 30
	lw	$t0, 4($a0)
	CHECK_EQ $t0, 1, 31
	PASS
