/*
 * xtlb_vector.S - reproducer: TLB refill from user mode with Status.UX=1
 * must use the XTLB refill vector, 0x80000080.
 *
 * UM 5.4 (TLB Refill exception): "There are two special exception vectors
 * for this exception; one for references to 32-bit address spaces, and one
 * for references to 64-bit address spaces.  The UX, SX, and KX bits of the
 * Status register determine whether the user, supervisor or kernel address
 * spaces referenced are 32-bit or 64-bit spaces"; UM 5.3 Table 5-3 gives
 * offset 0x080 for the XTLB refill vector.
 * Expected: power-off status 0.  Status 10: another vector was used.
 *
 *   make build/mips/tests/asm/repro/xtlb_vector.elf
 *   build/minidisco --kernel build/mips/tests/asm/repro/xtlb_vector.elf
 */
#include "tests/asm/harness.h"

	.section .user.text, "ax"
user_miss:
	li	$t0, 0x00400000			/* no TLB entry maps it */
	lw	$t1, 0($t0)
	syscall

TEST_MAIN
	MAP_USER
	li	$t0, ST_UX
	mtc0	$t0, C0_STATUS
	EXC_EXPECT 1f
	ENTER_USER UVA(user_miss)
	FAIL	11
1:	CHECK_REC REC_VEC, VEC_XREFILL, 10
	PASS
