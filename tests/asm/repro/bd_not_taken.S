/*
 * bd_not_taken.S - reproducer: exception in the delay slot of a branch
 * that is NOT taken.
 *
 * UM appendix A.5: the instruction after a branch occupies its delay slot
 * and "if an exception or interrupt prevents the completion of a legal
 * instruction during a delay slot, the hardware sets the EPC register to
 * point at the jump or branch instruction that precedes it"; UM 5.2
 * (Cause.BD).  This holds whether or not the branch is taken.
 * Expected: power-off status 0.  Status 10: EPC is not the branch;
 * status 11: Cause.BD is clear.
 *
 *   make build/mips/tests/asm/repro/bd_not_taken.elf
 *   build/minidisco --kernel build/mips/tests/asm/repro/bd_not_taken.elf
 */
#include "tests/asm/harness.h"

TEST_MAIN
	li	$t1, 1
	EXC_EXPECT 2f
1:	beq	$t1, $zero, 3f			/* not taken */
	break					/* in its delay slot */
3:	FAIL	12
2:	CHECK_REC_ADDR REC_EPC, 1b, 10
	CHECK_CAUSE CAUSE_BD | (EXC_BP << 2), 11
	PASS
