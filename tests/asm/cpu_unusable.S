/*
 * cpu_unusable.S - Coprocessor Unusable exceptions and Cause.CE.
 *
 * UM 5.4 (Coprocessor Unusable exception) and 5.2 (Status CU, Cause CE):
 * a COPz instruction (including LWCz/SWCz/LDCz/SDCz and BCz) with
 * Status.CUz = 0 raises CpU (ExcCode 11) with Cause.CE = z; CP0 is always
 * usable in kernel mode, but in user or supervisor mode only when CU0 = 1;
 * CACHE is a CP0 instruction.  CP1 needs CU1 = 1 in every mode.
 */
#include "tests/asm/harness.h"

	.section .user.data, "aw"
	.balign	8
udata:	.word	0
	.word	0

/* In mode ksu, insn must raise CpU with CE = ce. */
	.macro	CPU_TEST id, ksu, ce, insn:vararg
	EXC_EXPECT .Lc\@
	ENTER_MODE \ksu, UVA(.Lu\@)
	FAIL	\id
	.pushsection .user.text, "ax"
.Lu\@:	\insn
	syscall
	.popsection
.Lc\@:	CHECK_EXC EXC_CPU, \id
	CHECK_REC_ADDR REC_EPC, UVA(.Lu\@), \id
	CHECK_CAUSE CAUSE_CE(\ce) | (EXC_CPU << 2), \id
	.endm

/* In kernel mode, insn must raise CpU with CE = ce. */
	.macro	CPU_KTEST id, ce, insn:vararg
	EXC_EXPECT .Lc\@
.Li\@:	\insn
	FAIL	\id
.Lc\@:	CHECK_EXC EXC_CPU, \id
	CHECK_REC_ADDR REC_EPC, .Li\@, \id
	CHECK_CAUSE CAUSE_CE(\ce) | (EXC_CPU << 2), \id
	.endm

TEST_MAIN
	MAP_USER
	la	$a0, UVA(udata)
	/* User mode with CU0 = 0: CP0 instructions. */
	CPU_TEST 10, ST_KSU_USER, 0, mfc0 $t0, C0_STATUS
	CPU_TEST 11, ST_KSU_USER, 0, mtc0 $zero, C0_ENTRYHI
	CPU_TEST 12, ST_KSU_USER, 0, dmfc0 $t0, C0_EPC
	CPU_TEST 13, ST_KSU_USER, 0, tlbwi
	CPU_TEST 14, ST_KSU_USER, 0, tlbr
	CPU_TEST 15, ST_KSU_USER, 0, tlbp
	CPU_TEST 16, ST_KSU_USER, 0, tlbwr
	CPU_TEST 17, ST_KSU_USER, 0, eret
	CPU_TEST 18, ST_KSU_USER, 0, cache 0x15, 0($a0)
	/* Supervisor mode with CU0 = 0. */
	CPU_TEST 19, ST_KSU_SUPER, 0, mfc0 $t0, C0_COUNT
	CPU_TEST 20, ST_KSU_SUPER, 0, mtc0 $zero, C0_COMPARE
	CPU_TEST 21, ST_KSU_SUPER, 0, tlbp
	CPU_TEST 22, ST_KSU_SUPER, 0, eret
	/* The CP0 register was not written by the failed MTC0. */
	li	$t0, 0xe055
	mtc0	$t0, C0_ENTRYHI
	CPU_TEST 23, ST_KSU_USER, 0, mtc0 $zero, C0_ENTRYHI
	mfc0	$t0, C0_ENTRYHI
	CHECK_EQ $t0, 0xe055, 24
	mtc0	$zero, C0_ENTRYHI

	/* CP1 with CU1 = 0, in kernel mode too. */
	CPU_KTEST 25, 1, mfc1 $t0, $f0
	CPU_KTEST 26, 1, mtc1 $t0, $f0
	CPU_KTEST 27, 1, cfc1 $t0, $31
	CPU_KTEST 28, 1, lwc1 $f0, 0($sp)
	CPU_KTEST 29, 1, swc1 $f0, 0($sp)
	CPU_KTEST 30, 1, ldc1 $f0, 0($sp)
	CPU_KTEST 31, 1, add.s $f0, $f2, $f4
	CPU_KTEST 32, 1, .word 0x45000000	/* bc1f 1 */
	CPU_TEST 33, ST_KSU_USER, 1, mfc1 $t0, $f0
	/* CP2 with CU2 = 0. */
	CPU_KTEST 34, 2, mfc2 $t0, $0
	CPU_KTEST 35, 2, lwc2 $0, 0($sp)
	CPU_TEST 36, ST_KSU_USER, 2, mtc2 $t0, $0

	/* CU1 = 1: CP1 moves work in kernel and user mode. */
	li	$t0, ST_CU1
	mtc0	$t0, C0_STATUS
	nop
	nop
	li	$t1, 0x3f800000
	mtc1	$t1, $f4
	nop
	mfc1	$t2, $f4
	CHECK_EQ $t2, 0x3f800000, 37
	EXC_EXPECT 1f
	ENTER_USER UVA(2f)
	FAIL	38
	.pushsection .user.text, "ax"
2:	mfc1	$t3, $f4
	sw	$t3, 0($a0)
	syscall
	.popsection
1:	CHECK_EXC EXC_SYS, 39
	la	$t0, udata
	lw	$t1, 0($t0)
	CHECK_EQ $t1, 0x3f800000, 40

	/* CU0 = 1: CP0 usable in user mode. */
	li	$t0, ST_CU0
	mtc0	$t0, C0_STATUS
	EXC_EXPECT 3f
	ENTER_USER UVA(4f)
	FAIL	41
	.pushsection .user.text, "ax"
4:	mfc0	$t3, C0_STATUS
	sw	$t3, 4($a0)
	syscall
	.popsection
3:	CHECK_EXC EXC_SYS, 42
	la	$t0, udata
	lw	$t1, 4($t0)
	CHECK_EQ $t1, ST_CU0 | ST_KSU_USER, 43
	mtc0	$zero, C0_STATUS
	PASS
