/*
 * mode64.S - 64-bit operations in user and supervisor mode.
 *
 * UM 2 (64-bit operations) and appendix A (Figure A-2, epsilon entries; the
 * individual DADD ... SD pages): the 64-bit instructions are always legal
 * in kernel mode, legal in user mode only with Status.UX=1 and in
 * supervisor mode only with Status.SX=1; otherwise they raise a Reserved
 * Instruction exception.  With UX=1 a user TLB refill uses the XTLB refill
 * vector (offset 0x080, UM 5.3 Table 5-3).
 */
#include "tests/asm/harness.h"

	.section .user.data, "aw"
	.balign	8
udata:	.dword	0x0123456789abcdef
	.dword	0
	.dword	0

/* In mode ksu, insn must raise RI (EPC = insn); $a0 -> udata. */
	.macro	RI64 id, ksu, insn:vararg
	EXC_EXPECT .Lc\@
	ENTER_MODE \ksu, UVA(.Lu\@)
	FAIL	\id
	.pushsection .user.text, "ax"
.Lu\@:	\insn
	syscall
	.popsection
.Lc\@:	CHECK_EXC EXC_RI, \id
	CHECK_REC_ADDR REC_EPC, UVA(.Lu\@), \id
	.endm

/* In mode ksu, the 64-bit sequence must run and end in its syscall. */
	.macro	OK64 ksu, id
	EXC_EXPECT .Lc\@
	ENTER_MODE \ksu, UVA(user_64)
	FAIL	\id
.Lc\@:	CHECK_EXC EXC_SYS, \id
	CHECK_REC_ADDR REC_EPC, UVA(user_64_end), \id
	la	$t0, udata
	ld	$t1, 8($t0)
	CHECK_EQ64 $t1, 0x89abcdef00000000, \id
	ld	$t1, 16($t0)
	CHECK_EQ64 $t1, 0x0123456789abcdf0, \id
	sd	$zero, 8($t0)
	sd	$zero, 16($t0)
	.endm

	.section .user.text, "ax"
/* Some 64-bit work: udata[1] = udata[0] << 32, udata[2] = udata[0] + 1. */
user_64:
	ld	$t0, 0($a0)
	dsll32	$t1, $t0, 0
	sd	$t1, 8($a0)
	daddiu	$t2, $t0, 1
	sd	$t2, 16($a0)
user_64_end:
	syscall
/* A load from an unmapped user address. */
user_miss:
	lw	$t0, 0($a1)
	syscall

TEST_MAIN
	MAP_USER
	la	$a0, UVA(udata)
	/* User mode, UX=0: every 64-bit instruction is reserved. */
	RI64	10, ST_KSU_USER, dadd $t0, $t1, $t2
	RI64	11, ST_KSU_USER, daddu $t0, $t1, $t2
	RI64	12, ST_KSU_USER, daddi $t0, $t1, 1
	RI64	13, ST_KSU_USER, daddiu $t0, $t1, 1
	RI64	14, ST_KSU_USER, dsub $t0, $t1, $t2
	RI64	15, ST_KSU_USER, dsubu $t0, $t1, $t2
	RI64	16, ST_KSU_USER, dsll $t0, $t1, 3
	RI64	17, ST_KSU_USER, dsrl $t0, $t1, 3
	RI64	18, ST_KSU_USER, dsra $t0, $t1, 3
	RI64	19, ST_KSU_USER, dsll32 $t0, $t1, 3
	RI64	20, ST_KSU_USER, dsrl32 $t0, $t1, 3
	RI64	21, ST_KSU_USER, dsra32 $t0, $t1, 3
	RI64	22, ST_KSU_USER, dsllv $t0, $t1, $t2
	RI64	23, ST_KSU_USER, dsrlv $t0, $t1, $t2
	RI64	24, ST_KSU_USER, dsrav $t0, $t1, $t2
	RI64	25, ST_KSU_USER, dmult $t1, $t2
	RI64	26, ST_KSU_USER, dmultu $t1, $t2
	RI64	27, ST_KSU_USER, ddiv $zero, $t1, $t2
	RI64	28, ST_KSU_USER, ddivu $zero, $t1, $t2
	RI64	29, ST_KSU_USER, ld $t0, 0($a0)
	RI64	30, ST_KSU_USER, sd $t0, 8($a0)
	RI64	31, ST_KSU_USER, ldl $t0, 0($a0)
	RI64	32, ST_KSU_USER, ldr $t0, 0($a0)
	RI64	33, ST_KSU_USER, sdl $t0, 8($a0)
	RI64	34, ST_KSU_USER, sdr $t0, 8($a0)
	RI64	35, ST_KSU_USER, lld $t0, 0($a0)
	RI64	36, ST_KSU_USER, scd $t0, 8($a0)
	RI64	37, ST_KSU_USER, lwu $t0, 0($a0)
	/* The stores above did not happen. */
	la	$t0, udata
	ld	$t1, 8($t0)
	CHECK_EQ $t1, 0, 38

	/* Supervisor mode, SX=0: reserved as well. */
	RI64	39, ST_KSU_SUPER, daddu $t0, $t1, $t2
	RI64	40, ST_KSU_SUPER, daddiu $t0, $t1, 1
	RI64	41, ST_KSU_SUPER, dsll32 $t0, $t1, 3
	RI64	42, ST_KSU_SUPER, dsrav $t0, $t1, $t2
	RI64	43, ST_KSU_SUPER, dmultu $t1, $t2
	RI64	44, ST_KSU_SUPER, ddiv $zero, $t1, $t2
	RI64	45, ST_KSU_SUPER, ld $t0, 0($a0)
	RI64	46, ST_KSU_SUPER, sd $t0, 8($a0)
	RI64	47, ST_KSU_SUPER, lwu $t0, 0($a0)
	RI64	48, ST_KSU_SUPER, lld $t0, 0($a0)

	/* 32-bit instructions are fine in user mode. */
	EXC_EXPECT 1f
	ENTER_USER UVA(2f)
	FAIL	49
	.pushsection .user.text, "ax"
2:	addu	$t0, $t1, $t2
	sll	$t0, $t0, 3
	lw	$t0, 0($a0)
	mult	$t1, $t2
	syscall
	.popsection
1:	CHECK_EXC EXC_SYS, 50

	/* UX=1 enables them in user mode (and only there). */
	li	$t0, ST_UX
	mtc0	$t0, C0_STATUS
	OK64	ST_KSU_USER, 51
	RI64	52, ST_KSU_SUPER, daddu $t0, $t1, $t2
	/* With UX=1 a user TLB refill goes to the XTLB refill vector. */
	li	$a1, 0x00400000
	EXC_EXPECT 3f
	ENTER_USER UVA(user_miss)
	FAIL	53
3:	CHECK_EXC EXC_TLBL, 54
	CHECK_REC REC_VEC, VEC_XREFILL, 55
	CHECK_REC REC_BADVADDR, 0x00400000, 56

	/* SX=1 enables them in supervisor mode (and only there). */
	li	$t0, ST_SX
	mtc0	$t0, C0_STATUS
	OK64	ST_KSU_SUPER, 57
	RI64	58, ST_KSU_USER, daddu $t0, $t1, $t2
	mtc0	$zero, C0_STATUS

	/* Kernel mode with UX=SX=KX=0: legal. */
	OK64	0, 59
	PASS
