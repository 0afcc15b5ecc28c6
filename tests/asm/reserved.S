/*
 * reserved.S - Reserved Instruction exceptions for undefined encodings.
 *
 * UM appendix A, Figure A-2 (R4000 opcode bit encoding): encodings marked
 * "*" (reserved in all implementations) or gamma (reserved) raise a
 * Reserved Instruction exception (ExcCode 10) with EPC = the instruction.
 * Used here, from each table:
 *   opcode  0x1c-0x1f, 0x33, 0x3b
 *   SPECIAL function 0x01 0x05 0x0a 0x0b 0x0e 0x15 0x28 0x29 0x35 0x37
 *           0x39 0x3d
 *   REGIMM  rt 0x04-0x07 0x0d 0x0f 0x14-0x1f
 *   COP0    rs 0x02 0x03 0x06 0x07 0x09-0x0f (kernel mode, so not CpU)
 * COP0 function codes marked phi ("invalid but do not cause reserved
 * instruction exceptions in R4000 implementations") are not tested.
 */
#include "tests/asm/harness.h"

#define OP(op)		((op) << 26)
#define SPECIAL(fn)	((2 << 21) | (3 << 16) | (4 << 11) | (fn))
#define REGIMM(rt)	((1 << 26) | (2 << 21) | ((rt) << 16) | 0x10)
#define COP0(rs)	((0x10 << 26) | ((rs) << 21) | (8 << 16) | (12 << 11))

/* The word w must raise RI with EPC = w and BD = 0. */
	.macro	RI_TEST id, w
	EXC_EXPECT .Lc\@
.Li\@:	.word	\w
	FAIL	\id
.Lc\@:	CHECK_EXC EXC_RI, \id
	CHECK_REC_ADDR REC_EPC, .Li\@, \id
	REC_LOAD $t0, REC_CAUSE
	CHECK_BITS $t0, CAUSE_BD, 0, \id
	.endm

	.section .user.text, "ax"
user_ri:
	.word	OP(0x1c)
	syscall

TEST_MAIN
	RI_TEST	10, OP(0x1c) | 0x00430821
	RI_TEST	11, OP(0x1d)
	RI_TEST	12, OP(0x1e) | 0x1234
	RI_TEST	13, OP(0x1f)
	RI_TEST	14, OP(0x33) | (4 << 21)
	RI_TEST	15, OP(0x3b) | (4 << 21)

	RI_TEST	16, SPECIAL(0x01)
	RI_TEST	17, SPECIAL(0x05)
	RI_TEST	18, SPECIAL(0x0a)
	RI_TEST	19, SPECIAL(0x0b)
	RI_TEST	20, SPECIAL(0x0e)
	RI_TEST	21, SPECIAL(0x15)
	RI_TEST	22, SPECIAL(0x28)
	RI_TEST	23, SPECIAL(0x29)
	RI_TEST	24, SPECIAL(0x35)
	RI_TEST	25, SPECIAL(0x37)
	RI_TEST	26, SPECIAL(0x39)
	RI_TEST	27, SPECIAL(0x3d)

	RI_TEST	28, REGIMM(0x04)
	RI_TEST	29, REGIMM(0x05)
	RI_TEST	30, REGIMM(0x06)
	RI_TEST	31, REGIMM(0x07)
	RI_TEST	32, REGIMM(0x0d)
	RI_TEST	33, REGIMM(0x0f)
	RI_TEST	34, REGIMM(0x14)
	RI_TEST	35, REGIMM(0x17)
	RI_TEST	36, REGIMM(0x18)
	RI_TEST	37, REGIMM(0x1c)
	RI_TEST	38, REGIMM(0x1f)

	RI_TEST	39, COP0(0x02)
	RI_TEST	40, COP0(0x03)
	RI_TEST	41, COP0(0x06)
	RI_TEST	42, COP0(0x07)
	RI_TEST	43, COP0(0x09)
	RI_TEST	44, COP0(0x0c)
	RI_TEST	45, COP0(0x0f)

	/* The destination of a reserved encoding is not written. */
	li	$v0, 0x55
	EXC_EXPECT 1f
	.word	SPECIAL(0x28) | (2 << 11)	/* rd = v0 */
	FAIL	46
1:	CHECK_EQ $v0, 0x55, 47

	/* In a delay slot: BD = 1, EPC = the branch. */
	EXC_EXPECT 3f
2:	b	4f
	.word	SPECIAL(0x05)
4:	FAIL	48
3:	CHECK_EXC EXC_RI, 49
	CHECK_REC_ADDR REC_EPC, 2b, 50
	REC_LOAD $t0, REC_CAUSE
	CHECK_BITS $t0, CAUSE_BD, CAUSE_BD, 51

	/* User mode gets RI too. */
	MAP_USER
	EXC_EXPECT 5f
	ENTER_USER UVA(user_ri)
	FAIL	52
5:	CHECK_EXC EXC_RI, 53
	CHECK_REC_ADDR REC_EPC, UVA(user_ri), 54
	PASS
