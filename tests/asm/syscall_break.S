/*
 * syscall_break.S - SYSCALL and BREAK exceptions, from kernel and user mode.
 *
 * UM 5.4 (System Call, Breakpoint exceptions) and appendix A: SYSCALL
 * raises Sys (ExcCode 8) and BREAK raises Bp (ExcCode 9), unconditionally,
 * in every mode; EPC = the instruction, or the branch with Cause.BD = 1 in a
 * delay slot; the code field is ignored by the hardware.  The exception
 * sets Status.EXL and keeps KSU, so the handler sees the interrupted mode.
 */
#include "tests/asm/harness.h"

	.section .user.text, "ax"
user_sys:
	syscall
user_brk:
	break	7
user_sys_slot_branch:
	beq	$zero, $zero, user_end
	syscall	0x12345
user_end:
	syscall

TEST_MAIN
	/* Kernel mode. */
	EXC_EXPECT 2f
1:	syscall
	FAIL	10
2:	CHECK_EXC EXC_SYS, 11
	CHECK_REC_ADDR REC_EPC, 1b, 12
	CHECK_REC REC_VEC, VEC_GENERAL, 13
	REC_LOAD $t0, REC_CAUSE
	CHECK_BITS $t0, CAUSE_BD, 0, 14
	REC_LOAD $t0, REC_STATUS
	CHECK_BITS $t0, ST_EXL | ST_KSU_MASK, ST_EXL, 15

	EXC_EXPECT 4f
3:	break
	FAIL	16
4:	CHECK_EXC EXC_BP, 17
	CHECK_REC_ADDR REC_EPC, 3b, 18
	EXC_EXPECT 6f
5:	break	1023, 1023		/* all code bits set */
	FAIL	19
6:	CHECK_EXC EXC_BP, 20
	CHECK_REC_ADDR REC_EPC, 5b, 21
	EXC_EXPECT 8f
7:	.word	0x03ffffcc		/* syscall with all code bits set */
	FAIL	22
8:	CHECK_EXC EXC_SYS, 23
	CHECK_REC_ADDR REC_EPC, 7b, 24

	/* In a delay slot: EPC = the jump, BD = 1. */
	EXC_EXPECT 10f
9:	jal	11f
	break
11:	FAIL	25
10:	CHECK_EXC EXC_BP, 26
	CHECK_REC_ADDR REC_EPC, 9b, 27
	REC_LOAD $t0, REC_CAUSE
	CHECK_BITS $t0, CAUSE_BD, CAUSE_BD, 28
	la	$t1, 9b + 8		/* the jump itself completed */
	CHECK_EQR $ra, $t1, 29

	/* Default resumption at EPC+4: execution continues after it. */
	EXC_CLEAR
	li	$s0, 0
	syscall
	addiu	$s0, $s0, 1
	break
	addiu	$s0, $s0, 1
	CHECK_EQ $s0, 2, 30
	REC_LOAD $t0, REC_COUNT
	CHECK_EQ $t0, 2, 31

	/* User mode: Status on entry shows KSU=user with EXL=1. */
	MAP_USER
	EXC_EXPECT 12f
	ENTER_USER UVA(user_sys)
	FAIL	32
12:	CHECK_EXC EXC_SYS, 33
	CHECK_REC_ADDR REC_EPC, UVA(user_sys), 34
	REC_LOAD $t0, REC_STATUS
	CHECK_BITS $t0, ST_EXL | ST_KSU_MASK, ST_EXL | ST_KSU_USER, 35
	/* The continuation runs in kernel mode again: CP0 is usable. */
	mfc0	$t0, C0_STATUS
	CHECK_BITS $t0, ST_EXL | ST_KSU_MASK, 0, 36

	EXC_EXPECT 13f
	ENTER_USER UVA(user_brk)
	FAIL	37
13:	CHECK_EXC EXC_BP, 38
	CHECK_REC_ADDR REC_EPC, UVA(user_brk), 39

	/* User syscall in a delay slot. */
	EXC_EXPECT 14f
	ENTER_USER UVA(user_sys_slot_branch)
	FAIL	40
14:	CHECK_EXC EXC_SYS, 41
	CHECK_REC_ADDR REC_EPC, UVA(user_sys_slot_branch), 42
	REC_LOAD $t0, REC_CAUSE
	CHECK_BITS $t0, CAUSE_BD, CAUSE_BD, 43

	/* ERET returns to user mode: the first syscall resumes in user mode
	   at EPC+4 (BREAK), the second exception goes to the continuation. */
	EXC_EXPECT_NTH 15f, 2
	ENTER_USER UVA(user_sys)
	FAIL	44
15:	REC_LOAD $t0, REC_COUNT
	CHECK_EQ $t0, 2, 45
	REC_LOAD $t0, REC_CAUSE
	andi	$t0, $t0, CAUSE_EXC_MASK
	CHECK_EQ $t0, EXC_BP << 2, 46
	CHECK_REC_ADDR REC_EPC, UVA(user_brk), 47
	REC_LOAD $t0, REC_STATUS
	CHECK_BITS $t0, ST_KSU_MASK, ST_KSU_USER, 48
	PASS
