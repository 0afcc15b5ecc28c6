/*
 * addr_error.S - Address Error exceptions: misaligned loads, stores and
 * fetches; user and supervisor references outside their segments.
 *
 * UM 5.4 (Address Error exception): AdEL (ExcCode 4) for loads and
 * instruction fetches, AdES (5) for stores, BadVAddr = the offending
 * virtual address, EPC = the instruction (for a fetch: the address being
 * fetched); the load destination and the memory are not changed.
 * UM 4.2 (32-bit mode address spaces): user mode may use only useg
 * (0x00000000-0x7FFFFFFF); supervisor mode suseg and sseg
 * (0xC0000000-0xDFFFFFFF); anything else is an address error.  Mapped
 * addresses that are legal but not in the TLB take a TLB refill instead.
 */
#include "tests/asm/harness.h"

	.data
	.balign	8
kdata:	.dword	0x1122334455667788
	.dword	0x99aabbccddeeff00

	.section .user.data, "aw"
	.balign	8
udata:	.dword	0x0102030405060708

/* Kernel mode: insn (using $a0 -> kdata) raises code, BadVAddr = bad. */
	.macro	AE_K id, code, bad, insn:vararg
	li	$t9, 0x5a5a
	EXC_EXPECT .Lc\@
.Li\@:	\insn
	FAIL	\id
.Lc\@:	CHECK_EXC \code, \id
	CHECK_REC_ADDR REC_EPC, .Li\@, \id
	CHECK_REC_ADDR REC_BADVADDR, \bad, \id
	CHECK_EQ $t9, 0x5a5a, \id
	.endm

/* Mode ksu: insn raises code at vector vec with BadVAddr = bad. */
	.macro	AE_M id, ksu, code, vec, bad, insn:vararg
	EXC_EXPECT .Lc\@
	ENTER_MODE \ksu, UVA(.Lu\@)
	FAIL	\id
	.pushsection .user.text, "ax"
.Lu\@:	\insn
	syscall
	.popsection
.Lc\@:	CHECK_EXC \code, \id
	CHECK_REC_ADDR REC_EPC, UVA(.Lu\@), \id
	CHECK_REC_ADDR REC_BADVADDR, \bad, \id
	CHECK_REC REC_VEC, \vec, \id
	.endm

TEST_MAIN
	la	$a0, kdata
	/* Misaligned loads. */
	AE_K	10, EXC_ADEL, kdata + 1, lh $t9, 1($a0)
	AE_K	11, EXC_ADEL, kdata + 3, lhu $t9, 3($a0)
	AE_K	12, EXC_ADEL, kdata + 2, lw $t9, 2($a0)
	AE_K	13, EXC_ADEL, kdata + 1, lw $t9, 1($a0)
	AE_K	14, EXC_ADEL, kdata + 6, lwu $t9, 6($a0)
	AE_K	15, EXC_ADEL, kdata + 4, ld $t9, 4($a0)
	AE_K	16, EXC_ADEL, kdata + 1, ld $t9, 1($a0)
	AE_K	17, EXC_ADEL, kdata + 2, ll $t9, 2($a0)
	AE_K	18, EXC_ADEL, kdata + 4, lld $t9, 4($a0)
	/* Misaligned stores: memory untouched. */
	AE_K	19, EXC_ADES, kdata + 1, sh $t9, 1($a0)
	AE_K	20, EXC_ADES, kdata + 2, sw $t9, 2($a0)
	AE_K	21, EXC_ADES, kdata + 4, sd $t9, 4($a0)
	AE_K	22, EXC_ADES, kdata + 7, sd $t9, 7($a0)
	/* SC/SCD check alignment whatever LLbit is (here: set by LL). */
	ll	$t8, 0($a0)
	AE_K	23, EXC_ADES, kdata + 2, sc $t9, 2($a0)
	lld	$t8, 0($a0)
	AE_K	24, EXC_ADES, kdata + 4, scd $t9, 4($a0)
	ld	$t0, 0($a0)
	CHECK_EQ64 $t0, 0x1122334455667788, 25
	ld	$t0, 8($a0)
	CHECK_EQ64 $t0, 0x99aabbccddeeff00, 26
	/* Byte accesses and LWL/LWR are never misaligned. */
	EXC_CLEAR
	lb	$t0, 3($a0)
	lwl	$t0, 3($a0)
	lwr	$t0, 5($a0)
	ldl	$t0, 5($a0)
	CHECK_NOEXC 27

	/* Misaligned instruction fetch: EPC = BadVAddr = the target. */
	la	$t1, 1f + 2
	EXC_EXPECT 2f
	jr	$t1
	nop
1:	FAIL	28
	nop
2:	CHECK_EXC EXC_ADEL, 29
	CHECK_REC_ADDR REC_EPC, 1b + 2, 30
	CHECK_REC_ADDR REC_BADVADDR, 1b + 2, 31
	CHECK_CAUSE EXC_ADEL << 2, 32

	/* Kernel references to mapped segments take TLB refills. */
	li	$t2, 0xc0000000
	AE_K	33, EXC_TLBL, 0xc0000000, lw $t9, 0($t2)
	li	$t2, 0xe0001000
	AE_K	34, EXC_TLBS, 0xe0001008, sw $t9, 8($t2)

	/* User mode. */
	MAP_USER
	la	$a1, UVA(udata)
	li	$t2, 0x80000000
	AE_M	35, ST_KSU_USER, EXC_ADEL, VEC_GENERAL, 0x80000000, lw $t0, 0($t2)
	li	$t2, 0xa0001000
	AE_M	36, ST_KSU_USER, EXC_ADES, VEC_GENERAL, 0xa0001004, sw $t0, 4($t2)
	li	$t2, 0xc0000000
	AE_M	37, ST_KSU_USER, EXC_ADEL, VEC_GENERAL, 0xc0000003, lb $t0, 3($t2)
	li	$t2, 0xdffffff0
	AE_M	38, ST_KSU_USER, EXC_ADES, VEC_GENERAL, 0xdffffff0, sb $t0, 0($t2)
	li	$t2, 0xfffff000
	AE_M	39, ST_KSU_USER, EXC_ADEL, VEC_GENERAL, 0xfffff000, lw $t0, 0($t2)
	AE_M	40, ST_KSU_USER, EXC_ADEL, VEC_GENERAL, UVA(udata) + 2, lw $t0, 2($a1)
	AE_M	41, ST_KSU_USER, EXC_ADES, VEC_GENERAL, UVA(udata) + 5, sh $t0, 5($a1)
	/* The top of useg is legal: unmapped, so a TLB refill. */
	li	$t2, 0x7ffff000
	AE_M	42, ST_KSU_USER, EXC_TLBL, VEC_REFILL, 0x7ffffffc, lw $t0, 0xffc($t2)
	/* User fetch from kseg0. */
	la	$t3, 3f
	EXC_EXPECT 4f
	ENTER_USER UVA(5f)
	FAIL	43
	.pushsection .user.text, "ax"
5:	jr	$t3
	nop
	.popsection
3:	FAIL	44
4:	CHECK_EXC EXC_ADEL, 45
	CHECK_REC_ADDR REC_EPC, 3b, 46
	CHECK_REC_ADDR REC_BADVADDR, 3b, 47

	/* Supervisor mode: kseg0, kseg1 and kseg3 are out of reach... */
	li	$t2, 0x80000000
	AE_M	48, ST_KSU_SUPER, EXC_ADEL, VEC_GENERAL, 0x80000000, lw $t0, 0($t2)
	li	$t2, 0xbf000000
	AE_M	49, ST_KSU_SUPER, EXC_ADES, VEC_GENERAL, 0xbf000000, sw $t0, 0($t2)
	li	$t2, 0xe0000000
	AE_M	50, ST_KSU_SUPER, EXC_ADEL, VEC_GENERAL, 0xe0000000, lw $t0, 0($t2)
	li	$t2, 0xfffffff8
	AE_M	51, ST_KSU_SUPER, EXC_ADEL, VEC_GENERAL, 0xfffffff8, lb $t0, 0($t2)
	/* ...sseg is mapped (here: a refill), and so is suseg. */
	li	$t2, 0xc0000000
	AE_M	52, ST_KSU_SUPER, EXC_TLBL, VEC_REFILL, 0xc0000000, lw $t0, 0($t2)
	li	$t2, 0xdffff000
	AE_M	53, ST_KSU_SUPER, EXC_TLBS, VEC_REFILL, 0xdffffffc, sw $t0, 0xffc($t2)
	AE_M	54, ST_KSU_SUPER, EXC_ADEL, VEC_GENERAL, UVA(udata) + 1, lh $t0, 1($a1)
	EXC_EXPECT 6f
	ENTER_SUPER UVA(7f)
	FAIL	55
	.pushsection .user.text, "ax"
7:	lw	$t0, 4($a1)
	syscall
	.popsection
6:	CHECK_EXC EXC_SYS, 56
	CHECK_EQ $t0, 0x05060708, 57
	PASS
