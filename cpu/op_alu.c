/*
 * op_alu.c - integer arithmetic, logic, shifts, multiply and divide.
 * 32-bit operations use the low word of their operands and sign-extend
 * the result into the 64-bit register, as MIPS III specifies.
 */
#include "cpu/ops.h"

/* No operation (also any ALU instruction whose destination is r0). */
OP(nop) { (void)c; return i + 1; }

/* Shift left logical by sa. */
OP(sll) { RD = sx32((uint32_t)RT << i->sa); return i + 1; }
/* Shift right logical by sa. */
OP(srl) { RD = sx32((uint32_t)RT >> i->sa); return i + 1; }
/* Shift right arithmetic by sa. */
OP(sra) { RD = sx32((uint32_t)((int32_t)RT >> i->sa)); return i + 1; }
/* Shift left logical by rs. */
OP(sllv) { RD = sx32((uint32_t)RT << (RS & 31)); return i + 1; }
/* Shift right logical by rs. */
OP(srlv) { RD = sx32((uint32_t)RT >> (RS & 31)); return i + 1; }
/* Shift right arithmetic by rs. */
OP(srav) { RD = sx32((uint32_t)((int32_t)RT >> (RS & 31))); return i + 1; }

/* Doubleword shift left logical by sa. */
OP(dsll) { NEED64(); RD = RT << i->sa; return i + 1; }
/* Doubleword shift right logical by sa. */
OP(dsrl) { NEED64(); RD = RT >> i->sa; return i + 1; }
/* Doubleword shift right arithmetic by sa. */
OP(dsra) { NEED64(); RD = (uint64_t)((int64_t)RT >> i->sa); return i + 1; }
/* Doubleword shift left logical by sa + 32. */
OP(dsll32) { NEED64(); RD = RT << (i->sa + 32); return i + 1; }
/* Doubleword shift right logical by sa + 32. */
OP(dsrl32) { NEED64(); RD = RT >> (i->sa + 32); return i + 1; }
/* Doubleword shift right arithmetic by sa + 32. */
OP(dsra32)
{
	NEED64();
	RD = (uint64_t)((int64_t)RT >> (i->sa + 32));
	return i + 1;
}
/* Doubleword shift left logical by rs. */
OP(dsllv) { NEED64(); RD = RT << (RS & 63); return i + 1; }
/* Doubleword shift right logical by rs. */
OP(dsrlv) { NEED64(); RD = RT >> (RS & 63); return i + 1; }
/* Doubleword shift right arithmetic by rs. */
OP(dsrav)
{
	NEED64();
	RD = (uint64_t)((int64_t)RT >> (RS & 63));
	return i + 1;
}

/* Add word, trapping on signed overflow. */
OP(add)
{
	int32_t r;
	if (__builtin_add_overflow((int32_t)RS, (int32_t)RT, &r))
		return cpu_exc(c, i, EXC_OV);
	RD = sx32((uint32_t)r);
	return i + 1;
}
/* Add word unsigned (no trap). */
OP(addu) { RD = sx32((uint32_t)RS + (uint32_t)RT); return i + 1; }
/* Subtract word, trapping on signed overflow. */
OP(sub)
{
	int32_t r;
	if (__builtin_sub_overflow((int32_t)RS, (int32_t)RT, &r))
		return cpu_exc(c, i, EXC_OV);
	RD = sx32((uint32_t)r);
	return i + 1;
}
/* Subtract word unsigned (no trap). */
OP(subu) { RD = sx32((uint32_t)RS - (uint32_t)RT); return i + 1; }
/* Bitwise and. */
OP(and) { RD = RS & RT; return i + 1; }
/* Bitwise or. */
OP(or) { RD = RS | RT; return i + 1; }
/* Bitwise exclusive or. */
OP(xor) { RD = RS ^ RT; return i + 1; }
/* Bitwise not or. */
OP(nor) { RD = ~(RS | RT); return i + 1; }
/* Set on less than, signed. */
OP(slt) { RD = (int64_t)RS < (int64_t)RT; return i + 1; }
/* Set on less than, unsigned. */
OP(sltu) { RD = RS < RT; return i + 1; }

/* Doubleword add, trapping on signed overflow. */
OP(dadd)
{
	NEED64();
	int64_t r;
	if (__builtin_add_overflow((int64_t)RS, (int64_t)RT, &r))
		return cpu_exc(c, i, EXC_OV);
	RD = (uint64_t)r;
	return i + 1;
}
/* Doubleword add unsigned. */
OP(daddu) { NEED64(); RD = RS + RT; return i + 1; }
/* Doubleword subtract, trapping on signed overflow. */
OP(dsub)
{
	NEED64();
	int64_t r;
	if (__builtin_sub_overflow((int64_t)RS, (int64_t)RT, &r))
		return cpu_exc(c, i, EXC_OV);
	RD = (uint64_t)r;
	return i + 1;
}
/* Doubleword subtract unsigned. */
OP(dsubu) { NEED64(); RD = RS - RT; return i + 1; }

/* Add immediate word, trapping on signed overflow. */
OP(addi)
{
	int32_t r;
	if (__builtin_add_overflow((int32_t)RS, (int32_t)i->imm, &r))
		return cpu_exc(c, i, EXC_OV);
	RD = sx32((uint32_t)r);
	return i + 1;
}
/* Add immediate word unsigned (no trap). */
OP(addiu) { RD = sx32((uint32_t)RS + i->imm); return i + 1; }
/* Set on less than immediate, signed. */
OP(slti) { RD = (int64_t)RS < (int64_t)SIMM; return i + 1; }
/* Set on less than immediate, unsigned compare of the extended value. */
OP(sltiu) { RD = RS < SIMM; return i + 1; }
/* And with zero-extended immediate. */
OP(andi) { RD = RS & i->imm; return i + 1; }
/* Or with zero-extended immediate. */
OP(ori) { RD = RS | i->imm; return i + 1; }
/* Exclusive or with zero-extended immediate. */
OP(xori) { RD = RS ^ i->imm; return i + 1; }
/* Load upper immediate (imm already shifted), sign-extended. */
OP(lui) { (void)c; RD = sx32(i->imm); return i + 1; }
/* Doubleword add immediate, trapping on signed overflow. */
OP(daddi)
{
	NEED64();
	int64_t r;
	if (__builtin_add_overflow((int64_t)RS, (int64_t)SIMM, &r))
		return cpu_exc(c, i, EXC_OV);
	RD = (uint64_t)r;
	return i + 1;
}
/* Doubleword add immediate unsigned. */
OP(daddiu) { NEED64(); RD = RS + SIMM; return i + 1; }

/* Move from HI. */
OP(mfhi) { RD = c->hi; return i + 1; }
/* Move to HI. */
OP(mthi) { c->hi = RS; return i + 1; }
/* Move from LO. */
OP(mflo) { RD = c->lo; return i + 1; }
/* Move to LO. */
OP(mtlo) { c->lo = RS; return i + 1; }

/* Multiply words, signed: HI:LO = rs * rt, each half sign-extended. */
OP(mult)
{
	int64_t p = (int64_t)(int32_t)RS * (int32_t)RT;
	c->lo = sx32((uint32_t)p);
	c->hi = sx32((uint32_t)((uint64_t)p >> 32));
	return i + 1;
}
/* Multiply words, unsigned. */
OP(multu)
{
	uint64_t p = (uint64_t)(uint32_t)RS * (uint32_t)RT;
	c->lo = sx32((uint32_t)p);
	c->hi = sx32((uint32_t)(p >> 32));
	return i + 1;
}
/*
 * Divide words, signed: LO = quotient, HI = remainder.  Division by zero
 * leaves HI and LO unchanged (the R4000 leaves them UNPREDICTABLE);
 * 0x80000000 / -1 gives LO = 0x80000000, HI = 0, as the hardware does.
 */
OP(div)
{
	int32_t a = (int32_t)RS, b = (int32_t)RT;
	if (b == 0)
		return i + 1;
	if (a == INT32_MIN && b == -1) {
		c->lo = sx32((uint32_t)a);
		c->hi = 0;
		return i + 1;
	}
	c->lo = sx32((uint32_t)(a / b));
	c->hi = sx32((uint32_t)(a % b));
	return i + 1;
}
/* Divide words, unsigned (division by zero leaves HI and LO alone). */
OP(divu)
{
	uint32_t a = (uint32_t)RS, b = (uint32_t)RT;
	if (b == 0)
		return i + 1;
	c->lo = sx32(a / b);
	c->hi = sx32(a % b);
	return i + 1;
}

/* Doubleword multiply, signed: HI:LO = 128-bit product. */
OP(dmult)
{
	NEED64();
	__int128 p = (__int128)(int64_t)RS * (int64_t)RT;
	c->lo = (uint64_t)p;
	c->hi = (uint64_t)((unsigned __int128)p >> 64);
	return i + 1;
}
/* Doubleword multiply, unsigned. */
OP(dmultu)
{
	NEED64();
	unsigned __int128 p = (unsigned __int128)RS * RT;
	c->lo = (uint64_t)p;
	c->hi = (uint64_t)(p >> 64);
	return i + 1;
}
/* Doubleword divide, signed (same corner cases as div). */
OP(ddiv)
{
	NEED64();
	int64_t a = (int64_t)RS, b = (int64_t)RT;
	if (b == 0)
		return i + 1;
	if (a == INT64_MIN && b == -1) {
		c->lo = (uint64_t)a;
		c->hi = 0;
		return i + 1;
	}
	c->lo = (uint64_t)(a / b);
	c->hi = (uint64_t)(a % b);
	return i + 1;
}
/* Doubleword divide, unsigned. */
OP(ddivu)
{
	NEED64();
	if (RT == 0)
		return i + 1;
	uint64_t a = RS, b = RT;
	c->lo = a / b;
	c->hi = a % b;
	return i + 1;
}
