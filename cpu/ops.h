/*
 * ops.h - the functions that execute each instruction, one per instruction
 * (R4000 User's Manual, appendix A), shared by the decoder and the op_*.c
 * files that define them.  Field use follows struct dinsn.
 */
#ifndef CPU_OPS_H
#define CPU_OPS_H

#include "cpu/cpu_internal.h"

#define OP(name) struct dinsn *op_##name(struct cpu *c, struct dinsn *i)
#define RS (c->gpr[i->s])
#define RT (c->gpr[i->t])
#define RD (c->gpr[i->d])
#define SIMM ((uint64_t)(int64_t)(int32_t)i->imm)
/* MIPS III operations raise Reserved Instruction in 32-bit user/super mode. */
#define NEED64()                                   \
	do {                                       \
		if (unlikely(!c->ops64))           \
			return cpu_exc(c, i, EXC_RI); \
	} while (0)

/* op_alu.c */
OP(sll); OP(srl); OP(sra); OP(sllv); OP(srlv); OP(srav);
OP(dsll); OP(dsrl); OP(dsra); OP(dsll32); OP(dsrl32); OP(dsra32);
OP(dsllv); OP(dsrlv); OP(dsrav);
OP(add); OP(addu); OP(sub); OP(subu); OP(and); OP(or); OP(xor); OP(nor);
OP(slt); OP(sltu); OP(dadd); OP(daddu); OP(dsub); OP(dsubu);
OP(addi); OP(addiu); OP(slti); OP(sltiu); OP(andi); OP(ori); OP(xori);
OP(lui); OP(daddi); OP(daddiu); OP(nop);
OP(mfhi); OP(mthi); OP(mflo); OP(mtlo);
OP(mult); OP(multu); OP(div); OP(divu);
OP(dmult); OP(dmultu); OP(ddiv); OP(ddivu);

/* op_branch.c */
OP(j); OP(jal); OP(jr); OP(jalr);
OP(beq); OP(bne); OP(blez); OP(bgtz); OP(bltz); OP(bgez);
OP(beql); OP(bnel); OP(blezl); OP(bgtzl); OP(bltzl); OP(bgezl);
OP(bltzal); OP(bgezal); OP(bltzall); OP(bgezall);
OP(b); OP(bal);

/* op_mem.c */
OP(lb); OP(lbu); OP(lh); OP(lhu); OP(lw); OP(lwu); OP(ld);
OP(sb); OP(sh); OP(sw); OP(sd);
OP(lwl); OP(lwr); OP(ldl); OP(ldr); OP(swl); OP(swr); OP(sdl); OP(sdr);
OP(ll); OP(lld); OP(sc); OP(scd);

/* op_cp0.c */
OP(mfc0); OP(dmfc0); OP(mtc0); OP(dmtc0);
OP(tlbr); OP(tlbwi); OP(tlbwr); OP(tlbp); OP(eret); OP(wait);
OP(cache); OP(cop0_ri);

/* op_misc.c */
OP(syscall); OP(break); OP(sync);
OP(tge); OP(tgeu); OP(tlt); OP(tltu); OP(teq); OP(tne);
OP(tgei); OP(tgeiu); OP(tlti); OP(tltiu); OP(teqi); OP(tnei);
OP(cop2); OP(cop3);

#endif
