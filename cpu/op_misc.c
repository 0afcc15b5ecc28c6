/*
 * op_misc.c - system calls, breakpoints, traps, sync and the absent
 * coprocessors 2 and 3.
 */
#include "cpu/ops.h"

/* System call exception. */
OP(syscall) { return cpu_exc(c, i, EXC_SYS); }
/* Breakpoint exception. */
OP(break) { return cpu_exc(c, i, EXC_BP); }
/* Memory barrier: one CPU's accesses are already in order here. */
OP(sync) { (void)c; return i + 1; }

/* Define a trap on a register comparison and its immediate form. */
#define TRAP(name, iname, type, cond)                                   \
	OP(name)                                                 \
	{                                                        \
		type a = (type)RS, b = (type)RT;                 \
		return (cond) ? cpu_exc(c, i, EXC_TR) : i + 1;   \
	}                                                        \
	OP(iname)                                                \
	{                                                        \
		type a = (type)RS, b = (type)SIMM;               \
		return (cond) ? cpu_exc(c, i, EXC_TR) : i + 1;   \
	}

/* Trap if greater or equal (signed), and immediate. */
TRAP(tge, tgei, int64_t, a >= b)
/* Trap if greater or equal unsigned, and immediate. */
TRAP(tgeu, tgeiu, uint64_t, a >= b)
/* Trap if less than (signed), and immediate. */
TRAP(tlt, tlti, int64_t, a < b)
/* Trap if less than unsigned, and immediate. */
TRAP(tltu, tltiu, uint64_t, a < b)
/* Trap if equal, and immediate. */
TRAP(teq, teqi, uint64_t, a == b)
/* Trap if not equal, and immediate. */
TRAP(tne, tnei, uint64_t, a != b)

/* Coprocessor 2 (absent): CpU unless Status.CU2, then Reserved Instruction. */
OP(cop2)
{
	if (!(c->cp0.status & (1u << 30)))
		return cpu_exc_cop(c, i, 2);
	return cpu_exc(c, i, EXC_RI);
}
/* Coprocessor 3 (absent): CpU unless Status.CU3, then Reserved Instruction. */
OP(cop3)
{
	if (!(c->cp0.status & (1u << 31)))
		return cpu_exc_cop(c, i, 3);
	return cpu_exc(c, i, EXC_RI);
}
