/*
 * op_branch.c - jumps and branches.  A taken branch runs its delay slot
 * through cpu_branch; a branch-likely that is not taken annuls (skips) its
 * delay slot.  Offsets were shifted and sign-extended by the decoder.
 * Link registers get the address of the instruction after the delay slot.
 */
#include "cpu/ops.h"

/* Target of a PC-relative branch at i. */
static inline uint32_t br_target(struct cpu *c, struct dinsn *i)
{
	return cpu_pc_of(c, i) + 4 + i->imm;
}

/* Continue after a branch-likely that was not taken: skip the delay slot. */
static inline struct dinsn *br_annul(struct cpu *c, struct dinsn *i)
{
	(void)c;
	return i + 2;
}

/* Jump within the current 256 MB region. */
OP(j)
{
	uint32_t t = ((cpu_pc_of(c, i) + 4) & 0xf0000000u) | i->imm;
	return cpu_branch(c, i, t);
}
/* Jump and link. */
OP(jal)
{
	uint32_t pc = cpu_pc_of(c, i);
	c->gpr[31] = sx32(pc + 8);
	return cpu_branch(c, i, ((pc + 4) & 0xf0000000u) | i->imm);
}
/* Jump to register. */
OP(jr) { return cpu_jump_reg(c, i, RS); }
/* Jump to register and link into rd. */
OP(jalr)
{
	uint64_t t = RS;
	RD = sx32(cpu_pc_of(c, i) + 8);
	return cpu_jump_reg(c, i, t);
}

/* Unconditional branch (beq r0, r0). */
OP(b) { return cpu_branch(c, i, br_target(c, i)); }
/* Branch and link always (bgezal r0). */
OP(bal)
{
	c->gpr[31] = sx32(cpu_pc_of(c, i) + 8);
	return cpu_branch(c, i, br_target(c, i));
}

/* Define a branch on cond and its branch-likely twin. */
#define BRANCH(name, cond)                                         \
	OP(name)                                                   \
	{                                                          \
		if (cond)                                          \
			return cpu_branch(c, i, br_target(c, i));  \
		return cpu_not_taken(c, i);                        \
	}                                                          \
	OP(name##l)                                                \
	{                                                          \
		if (cond)                                          \
			return cpu_branch(c, i, br_target(c, i));  \
		return br_annul(c, i);                             \
	}

/* Branch on equal, and likely. */
BRANCH(beq, RS == RT)
/* Branch on not equal, and likely. */
BRANCH(bne, RS != RT)
/* Branch on less than or equal to zero, and likely. */
BRANCH(blez, (int64_t)RS <= 0)
/* Branch on greater than zero, and likely. */
BRANCH(bgtz, (int64_t)RS > 0)
/* Branch on less than zero, and likely. */
BRANCH(bltz, (int64_t)RS < 0)
/* Branch on greater than or equal to zero, and likely. */
BRANCH(bgez, (int64_t)RS >= 0)

/* Define a branch-and-link (links whether taken or not) and its likely. */
#define BRANCH_LINK(name, cond)                                    \
	OP(name)                                                   \
	{                                                          \
		bool taken = (cond);                               \
		c->gpr[31] = sx32(cpu_pc_of(c, i) + 8);            \
		if (taken)                                         \
			return cpu_branch(c, i, br_target(c, i));  \
		return cpu_not_taken(c, i);                        \
	}                                                          \
	OP(name##l)                                                \
	{                                                          \
		bool taken = (cond);                               \
		c->gpr[31] = sx32(cpu_pc_of(c, i) + 8);            \
		if (taken)                                         \
			return cpu_branch(c, i, br_target(c, i));  \
		return br_annul(c, i);                             \
	}

/* Branch on less than zero and link, and likely. */
BRANCH_LINK(bltzal, (int64_t)RS < 0)
/* Branch on greater than or equal to zero and link, and likely. */
BRANCH_LINK(bgezal, (int64_t)RS >= 0)
