/*
 * dt_gen.c - random instruction streams for the differential test.
 *
 * A stream is built from units: one instruction, or a short sequence that
 * must run as a whole (branch + delay slot, guard + divide, lui/ori + jr +
 * slot, ll + sc).  Branches may only land on the first instruction of a unit
 * or on the end address, and always go forward, so every stream terminates.
 * Branch offsets are filled in after the whole stream exists.
 *
 * Exceptions are part of the test: add/sub/addi may overflow, conditional
 * traps may fire, a rare syscall always fires, and a rare misaligned
 * lh/lhu/lw/sh/sw raises AdEL/AdES.  The stream ends at the first one, and
 * both engines must agree on which instruction raised what.
 *
 * Cases left out on purpose, because MIPS32 and the R4000 do not promise
 * the same result (or any result):
 *   - div by zero and div INT_MIN / -1: results UNPREDICTABLE.  A guard
 *     (ori of a non-zero immediate into the divisor, and ori or sra into the
 *     dividend) comes right before every divide.
 *   - mult/div/mthi/mtlo within two instructions after mfhi/mflo: R4000
 *     hazard, HI/LO undefined (R4000 User's Manual, appendix A, MFHI).
 *     A HI/LO writer needs three instructions since the last mfhi/mflo, and
 *     mfhi/mflo never sit in a delay slot (so no branch path shortens that).
 *   - branch or jump in a delay slot: UNPREDICTABLE on both.
 *   - bltzal/bgezal/bltzall/bgezall with rs = r31, jalr with rd = rs:
 *     UNPREDICTABLE (the link overwrites the source).
 *   - shifts with rd = r0: sll r0,r0,1/3/5 are ssnop/ehb/pause on MIPS32R2.
 *   - the rs field of sll/srl/sra and the sa field of sllv/srlv/srav stay 0:
 *     srl/srlv with bit 21/6 set are rotr/rotrv on MIPS32R2.
 *   - sc not paired with an ll to the same address just before it: MIPS32
 *     (QEMU) compares the address and value, the R4000 only its LLbit.
 *   - break: it marks the end address on Unicorn (see dt_uc.c).
 */
#include "tests/diff/dt.h"

#include <string.h>

/* Primary opcodes, SPECIAL functions and REGIMM rt codes used below. */
enum {
	OP_SPECIAL = 0, OP_REGIMM = 1, OP_J = 2, OP_JAL = 3, OP_BEQ = 4,
	OP_BNE = 5, OP_BLEZ = 6, OP_BGTZ = 7, OP_ADDI = 8, OP_ADDIU = 9,
	OP_SLTI = 10, OP_SLTIU = 11, OP_ANDI = 12, OP_ORI = 13, OP_XORI = 14,
	OP_LUI = 15, OP_BEQL = 20, OP_BNEL = 21, OP_BLEZL = 22,
	OP_BGTZL = 23, OP_LB = 32, OP_LH = 33, OP_LWL = 34, OP_LW = 35,
	OP_LBU = 36, OP_LHU = 37, OP_LWR = 38, OP_SB = 40, OP_SH = 41,
	OP_SWL = 42, OP_SW = 43, OP_SWR = 46, OP_LL = 48, OP_SC = 56,
};
enum {
	FN_SLL = 0, FN_SRL = 2, FN_SRA = 3, FN_SLLV = 4, FN_SRLV = 6,
	FN_SRAV = 7, FN_JR = 8, FN_JALR = 9, FN_SYSCALL = 12, FN_SYNC = 15,
	FN_MFHI = 16, FN_MTHI = 17, FN_MFLO = 18, FN_MTLO = 19, FN_MULT = 24,
	FN_MULTU = 25, FN_DIV = 26, FN_DIVU = 27, FN_ADD = 32, FN_ADDU = 33,
	FN_SUB = 34, FN_SUBU = 35, FN_AND = 36, FN_OR = 37, FN_XOR = 38,
	FN_NOR = 39, FN_SLT = 42, FN_SLTU = 43, FN_TGE = 48, FN_TGEU = 49,
	FN_TLT = 50, FN_TLTU = 51, FN_TEQ = 52, FN_TNE = 54,
};
enum {
	RI_BLTZ = 0, RI_BGEZ = 1, RI_BLTZL = 2, RI_BGEZL = 3, RI_TGEI = 8,
	RI_TGEIU = 9, RI_TLTI = 10, RI_TLTIU = 11, RI_TEQI = 12,
	RI_TNEI = 14, RI_BLTZAL = 16, RI_BGEZAL = 17, RI_BLTZALL = 18,
	RI_BGEZALL = 19,
};

/* How a control transfer gets its target once the stream is complete. */
enum patch {
	PATCH_NONE,
	PATCH_BRANCH, /* 16-bit word offset from the delay slot */
	PATCH_JUMP,   /* 26-bit word index of j/jal */
	PATCH_JR,     /* lui/ori of the target two words before jr/jalr */
};

#define HOT_REGS 6

/* Generator state for one stream. */
struct gen {
	struct dt_rng r;
	struct dt_stream *s;
	int n;                    /* instructions emitted so far */
	int hot[HOT_REGS];        /* registers most instructions use */
	int last_mf;              /* index of the latest mfhi/mflo */
	uint8_t patch[DT_MAX_LEN];
};

/*
 * Instruction formats:
 *
 *          31    26 25  21 20  16 15  11 10   6 5     0
 *  R-type | SPECIAL |  rs  |  rt  |  rd  |  sa  | funct |
 *  I-type |   op    |  rs  |  rt  |     immediate      |
 *  J-type |   op    |        instr_index (26)          |
 */

/* Encode an R-type (SPECIAL) instruction. */
static uint32_t enc_r(int rs, int rt, int rd, int sa, int fn)
{
	return (uint32_t)rs << 21 | (uint32_t)rt << 16 | (uint32_t)rd << 11 |
	       (uint32_t)sa << 6 | (uint32_t)fn;
}

/* Encode an I-type instruction. */
static uint32_t enc_i(int op, int rs, int rt, uint32_t imm)
{
	return (uint32_t)op << 26 | (uint32_t)rs << 21 | (uint32_t)rt << 16 |
	       (imm & 0xFFFF);
}

/* Append one instruction to the stream. */
static void emit(struct gen *g, uint32_t insn, enum patch p)
{
	g->s->code[g->n] = insn;
	g->patch[g->n] = (uint8_t)p;
	g->n++;
}

/* True with probability pct percent. */
static bool chance(struct gen *g, uint32_t pct)
{
	return dt_rng_below(&g->r, 100) < pct;
}

/* A register to read: mostly the hot set, sometimes any, rarely r0. */
static int src(struct gen *g)
{
	uint32_t k = dt_rng_below(&g->r, 100);

	if (k < 70)
		return g->hot[dt_rng_below(&g->r, HOT_REGS)];
	if (k < 95)
		return 1 + (int)dt_rng_below(&g->r, 31);
	return 0;
}

/* A register to write: never base_reg, r0 only if zero_ok. */
static int dst(struct gen *g, bool zero_ok)
{
	uint32_t k = dt_rng_below(&g->r, 100);
	int r;

	if (k < 75)
		return g->hot[dt_rng_below(&g->r, HOT_REGS)];
	if (k < 97 || !zero_ok) {
		do
			r = 1 + (int)dt_rng_below(&g->r, 31);
		while (r == g->s->base_reg);
		return r;
	}
	return 0;
}

/* A 16-bit immediate: random, small, or a boundary value. */
static uint32_t imm16(struct gen *g)
{
	static const uint16_t special[] = {
		0x0000, 0x0001, 0x7FFF, 0x8000, 0xFFFF, 0xFFFE, 0x8001,
		0x00FF, 0xFF00, 0x0080, 0xFF80,
	};
	uint32_t k = dt_rng_below(&g->r, 100);

	if (k < 50)
		return dt_rng_below(&g->r, 0x10000);
	if (k < 70)
		return (uint32_t)(dt_rng_below(&g->r, 32) - 16) & 0xFFFF;
	return special[dt_rng_below(&g->r, sizeof(special) / 2)];
}

/* A 32-bit register value: random, small, or a boundary value. */
static uint32_t value32(struct gen *g)
{
	static const uint32_t special[] = {
		0, 1, 0xFFFFFFFF, 0x7FFFFFFF, 0x80000000, 0x8000, 0xFFFF,
		0x7FFF, 0x10000, 0xFFFF8000, 0x80000001, 2,
	};
	uint32_t k = dt_rng_below(&g->r, 100);

	if (k < 55)
		return (uint32_t)dt_rng_next(&g->r);
	if (k < 75)
		return dt_rng_below(&g->r, 17) - 8;
	return special[dt_rng_below(&g->r, sizeof(special) / 4)];
}

/* An offset from base_reg inside the scratch page, aligned to align. */
static uint32_t offset(struct gen *g, int align)
{
	int32_t off;

	if (chance(g, 75))
		off = (int32_t)dt_rng_below(&g->r, 64) - 32;
	else
		off = (int32_t)dt_rng_below(&g->r, DT_SCRATCH) -
		      (int32_t)(DT_SCRATCH / 2);
	return (uint32_t)(off & ~(align - 1)) & 0xFFFF;
}

/* Pick one entry of a small table. */
#define PICK(g, t) ((t)[dt_rng_below(&(g)->r, sizeof(t) / sizeof((t)[0]))])

/* Three-register ALU operation that never traps. */
static void u_alu3(struct gen *g)
{
	static const uint8_t fn[] = { FN_ADDU, FN_SUBU, FN_AND, FN_OR,
				      FN_XOR, FN_NOR, FN_SLT, FN_SLTU };

	emit(g, enc_r(src(g), src(g), dst(g, true), 0, PICK(g, fn)),
	     PATCH_NONE);
}

/* add, sub or addi: the stream ends at the overflow if one happens. */
static void u_trapping_add(struct gen *g)
{
	static const uint8_t fn[] = { FN_ADD, FN_SUB };

	if (chance(g, 30))
		emit(g, enc_i(OP_ADDI, src(g), dst(g, true), imm16(g)),
		     PATCH_NONE);
	else
		emit(g, enc_r(src(g), src(g), dst(g, true), 0, PICK(g, fn)),
		     PATCH_NONE);
}

/* Immediate ALU operation that never traps, or lui. */
static void u_alui(struct gen *g)
{
	static const uint8_t op[] = { OP_ADDIU, OP_ANDI, OP_ORI, OP_XORI,
				      OP_SLTI, OP_SLTIU, OP_LUI };
	int o = PICK(g, op);

	emit(g, enc_i(o, o == OP_LUI ? 0 : src(g), dst(g, true), imm16(g)),
	     PATCH_NONE);
}

/* Shift by an immediate amount or by a register. */
static void u_shift(struct gen *g)
{
	static const uint8_t fi[] = { FN_SLL, FN_SRL, FN_SRA };
	static const uint8_t fv[] = { FN_SLLV, FN_SRLV, FN_SRAV };

	if (chance(g, 60))
		emit(g, enc_r(0, src(g), dst(g, false),
			      (int)dt_rng_below(&g->r, 32), PICK(g, fi)),
		     PATCH_NONE);
	else
		emit(g, enc_r(src(g), src(g), dst(g, false), 0, PICK(g, fv)),
		     PATCH_NONE);
}

/* True if an instruction writing HI/LO may be emitted here. */
static bool hilo_write_ok(const struct gen *g)
{
	return g->n - g->last_mf > 3;
}

/* mult, multu, mthi or mtlo. */
static void u_hilo_write(struct gen *g)
{
	static const uint8_t fm[] = { FN_MULT, FN_MULTU };
	static const uint8_t ft[] = { FN_MTHI, FN_MTLO };

	if (chance(g, 75))
		emit(g, enc_r(src(g), src(g), 0, 0, PICK(g, fm)), PATCH_NONE);
	else
		emit(g, enc_r(src(g), 0, 0, 0, PICK(g, ft)), PATCH_NONE);
}

/* mfhi or mflo. */
static void u_hilo_read(struct gen *g)
{
	g->last_mf = g->n;
	emit(g, enc_r(0, 0, dst(g, true), 0,
		      chance(g, 50) ? FN_MFHI : FN_MFLO), PATCH_NONE);
}

/* Guarded div or divu (2 or 3 instructions). */
static void u_divide(struct gen *g)
{
	int rs = dst(g, false), rt = dst(g, false);
	bool sign = chance(g, 50);
	uint32_t nz = 1 + dt_rng_below(&g->r, 0xFFFF);

	if (sign && chance(g, 50))
		emit(g, enc_i(OP_ORI, rs, rs,
			      1 + dt_rng_below(&g->r, 0xFFFF)), PATCH_NONE);
	else if (sign)
		emit(g, enc_r(0, rs, rs, 1 + (int)dt_rng_below(&g->r, 8),
			      FN_SRA), PATCH_NONE);
	emit(g, enc_i(OP_ORI, rt, rt, nz), PATCH_NONE);
	emit(g, enc_r(rs, rt, 0, 0, sign ? FN_DIV : FN_DIVU), PATCH_NONE);
}

/* A load of any width from the scratch page. */
static void u_load(struct gen *g)
{
	static const uint8_t op[] = { OP_LB, OP_LBU, OP_LH, OP_LHU, OP_LW,
				      OP_LWL, OP_LWR };
	int o = PICK(g, op);
	int align = (o == OP_LH || o == OP_LHU) ? 2 : o == OP_LW ? 4 : 1;

	emit(g, enc_i(o, g->s->base_reg, dst(g, true), offset(g, align)),
	     PATCH_NONE);
}

/* A store of any width to the scratch page. */
static void u_store(struct gen *g)
{
	static const uint8_t op[] = { OP_SB, OP_SH, OP_SW, OP_SWL, OP_SWR };
	int o = PICK(g, op);
	int align = o == OP_SH ? 2 : o == OP_SW ? 4 : 1;

	emit(g, enc_i(o, g->s->base_reg, src(g), offset(g, align)),
	     PATCH_NONE);
}

/* ll, maybe an addiu on the loaded value, then sc to the same word. */
static void u_llsc(struct gen *g)
{
	uint32_t off = offset(g, 4);
	int rt = dst(g, false), rs = rt;

	emit(g, enc_i(OP_LL, g->s->base_reg, rt, off), PATCH_NONE);
	if (chance(g, 50)) {
		rs = dst(g, false);
		emit(g, enc_i(OP_ADDIU, rt, rs, imm16(g)), PATCH_NONE);
	}
	emit(g, enc_i(OP_SC, g->s->base_reg, rs, off), PATCH_NONE);
}

/* A conditional trap, mostly in a form that rarely fires (a trap that
 * fires ends the stream). */
static void u_trap(struct gen *g)
{
	static const uint8_t fn[] = { FN_TGE, FN_TGEU, FN_TLT, FN_TLTU,
				      FN_TEQ, FN_TNE };
	static const uint8_t ri[] = { RI_TGEI, RI_TGEIU, RI_TLTI, RI_TLTIU,
				      RI_TEQI, RI_TNEI };
	int rs = src(g);

	if (chance(g, 25)) {
		if (chance(g, 50))
			emit(g, enc_r(rs, src(g), 0, 0, PICK(g, fn)),
			     PATCH_NONE);
		else
			emit(g, enc_i(OP_REGIMM, rs, PICK(g, ri), imm16(g)),
			     PATCH_NONE);
		return;
	}
	switch (dt_rng_below(&g->r, 4)) {
	case 0: emit(g, enc_r(rs, src(g), 0, 0, FN_TEQ), PATCH_NONE); break;
	case 1: emit(g, enc_r(rs, rs, 0, 0, FN_TNE), PATCH_NONE); break;
	case 2: emit(g, enc_r(rs, 0, 0, 0, FN_TLTU), PATCH_NONE); break;
	default:
		emit(g, enc_i(OP_REGIMM, rs, RI_TEQI, imm16(g)), PATCH_NONE);
	}
}

/* sync, a plain nop, or rarely a syscall (which ends the stream). */
static void u_misc(struct gen *g)
{
	uint32_t k = dt_rng_below(&g->r, 100);

	emit(g, k < 4 ? enc_r(0, 0, 0, 0, FN_SYSCALL) :
		k < 52 ? enc_r(0, 0, 0, 0, FN_SYNC) : 0, PATCH_NONE);
}

/* A load or store whose address is not aligned: AdEL or AdES. */
static void u_misaligned(struct gen *g)
{
	static const uint8_t op[] = { OP_LH, OP_LHU, OP_LW, OP_SH, OP_SW };
	int o = PICK(g, op);
	bool load = o == OP_LH || o == OP_LHU || o == OP_LW;
	uint32_t off = offset(g, 1);

	if (o == OP_LW || o == OP_SW)
		off = (off & ~3u) | (1 + dt_rng_below(&g->r, 3));
	else
		off |= 1;
	emit(g, enc_i(o, g->s->base_reg, load ? dst(g, true) : src(g), off),
	     PATCH_NONE);
}

static void gen_unit(struct gen *g, int room, bool in_slot);

/* Fill the delay slot after a control transfer. */
static void fill_slot(struct gen *g)
{
	g->s->flags[g->n] |= DT_F_SLOT;
	gen_unit(g, 1, true);
}

/* A conditional branch, ordinary or likely, and its delay slot. */
static void u_branch(struct gen *g, bool likely)
{
	static const uint8_t two[2][2] = { { OP_BEQ, OP_BNE },
					   { OP_BEQL, OP_BNEL } };
	static const uint8_t one[2][2] = { { OP_BLEZ, OP_BGTZ },
					   { OP_BLEZL, OP_BGTZL } };
	static const uint8_t ri[2][4] = {
		{ RI_BLTZ, RI_BGEZ, RI_BLTZAL, RI_BGEZAL },
		{ RI_BLTZL, RI_BGEZL, RI_BLTZALL, RI_BGEZALL } };
	uint32_t k = dt_rng_below(&g->r, 3);
	int rs = src(g);

	if (k == 0) {
		int rt = chance(g, 25) ? rs : src(g);
		emit(g, enc_i(PICK(g, two[likely]), rs, rt, 0), PATCH_BRANCH);
	} else if (k == 1) {
		emit(g, enc_i(PICK(g, one[likely]), rs, 0, 0), PATCH_BRANCH);
	} else {
		int code = PICK(g, ri[likely]);
		if (code >= RI_BLTZAL && rs == 31)
			rs = 0; /* link with rs = r31 is UNPREDICTABLE */
		emit(g, enc_i(OP_REGIMM, rs, code, 0), PATCH_BRANCH);
	}
	fill_slot(g);
}

/* j or jal and its delay slot. */
static void u_jump(struct gen *g)
{
	emit(g, (uint32_t)(chance(g, 50) ? OP_J : OP_JAL) << 26, PATCH_JUMP);
	fill_slot(g);
}

/* lui/ori of a forward address, jr or jalr through it, delay slot. */
static void u_jump_reg(struct gen *g)
{
	int rx = dst(g, false), rd;

	emit(g, enc_i(OP_LUI, 0, rx, 0), PATCH_NONE);
	emit(g, enc_i(OP_ORI, rx, rx, 0), PATCH_NONE);
	if (chance(g, 50)) {
		emit(g, enc_r(rx, 0, 0, 0, FN_JR), PATCH_JR);
	} else {
		do
			rd = dst(g, false);
		while (rd == rx);
		emit(g, enc_r(rx, 0, rd, 0, FN_JALR), PATCH_JR);
	}
	fill_slot(g);
}

/* One kind of unit: its weight, size, and whether it fits a delay slot. */
struct unit_kind {
	int weight;
	int size;
	bool slot_ok;
	int id;
};

enum {
	K_ALU3, K_TRAPADD, K_ALUI, K_SHIFT, K_HILOW, K_HILOR, K_DIV, K_LOAD,
	K_STORE, K_LLSC, K_TRAP, K_MISC, K_BR, K_BRL, K_J, K_JR, K_MISALIGN,
};

/* Weights are per mille of units (1000 in all); the kinds that end the
 * stream with an exception are kept rare so most streams run to the end. */
static const struct unit_kind kinds[] = {
	{ 209, 1, true, K_ALU3 },  { 10, 1, true, K_TRAPADD },
	{ 173, 1, true, K_ALUI },  { 102, 1, true, K_SHIFT },
	{ 41, 1, true, K_HILOW },  { 41, 1, false, K_HILOR },
	{ 31, 3, false, K_DIV },   { 122, 1, true, K_LOAD },
	{ 82, 1, true, K_STORE },  { 10, 3, false, K_LLSC },
	{ 5, 1, true, K_TRAP },    { 10, 1, true, K_MISC },
	{ 92, 2, false, K_BR },    { 41, 2, false, K_BRL },
	{ 20, 2, false, K_J },     { 10, 4, false, K_JR },
	{ 1, 1, true, K_MISALIGN },
};

/* Choose a unit kind that fits in room instructions (and in a slot). */
static int pick_kind(struct gen *g, int room, bool in_slot)
{
	int total = 0;

	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		total += kinds[i].weight;
	for (;;) {
		int k = (int)dt_rng_below(&g->r, (uint32_t)total);
		size_t i = 0;
		while (k >= kinds[i].weight)
			k -= kinds[i++].weight;
		if (kinds[i].size > room || (in_slot && !kinds[i].slot_ok))
			continue;
		if ((kinds[i].id == K_HILOW || kinds[i].id == K_DIV) &&
		    !hilo_write_ok(g))
			continue;
		return kinds[i].id;
	}
}

/* Emit one unit that fits in room instructions. */
static void gen_unit(struct gen *g, int room, bool in_slot)
{
	switch (pick_kind(g, room, in_slot)) {
	case K_ALU3: u_alu3(g); break;
	case K_TRAPADD: u_trapping_add(g); break;
	case K_ALUI: u_alui(g); break;
	case K_SHIFT: u_shift(g); break;
	case K_HILOW: u_hilo_write(g); break;
	case K_HILOR: u_hilo_read(g); break;
	case K_DIV: u_divide(g); break;
	case K_LOAD: u_load(g); break;
	case K_STORE: u_store(g); break;
	case K_LLSC: u_llsc(g); break;
	case K_TRAP: u_trap(g); break;
	case K_MISC: u_misc(g); break;
	case K_BR: u_branch(g, false); break;
	case K_BRL: u_branch(g, true); break;
	case K_J: u_jump(g); break;
	case K_MISALIGN: u_misaligned(g); break;
	default: u_jump_reg(g); break;
	}
}

/* Choose a forward landing index after slot, biased to short hops. */
static int pick_target(struct gen *g, int slot)
{
	int cand[DT_MAX_LEN + 1], nc = 0;

	for (int t = slot + 1; t <= g->s->len; t++)
		if (g->s->flags[t] & DT_F_START)
			cand[nc++] = t;
	if (chance(g, 92) && nc > 4)
		nc = 4;
	return cand[dt_rng_below(&g->r, (uint32_t)nc)];
}

/* Fill in the target of every branch and jump of the stream. */
static void patch_targets(struct gen *g)
{
	uint32_t *c = g->s->code;

	for (int i = 0; i < g->s->len; i++) {
		if (g->patch[i] == PATCH_NONE)
			continue;
		int t = pick_target(g, i + 1);
		uint32_t addr = DT_CODE_VA + 4u * (uint32_t)t;
		if (g->patch[i] == PATCH_BRANCH) {
			c[i] |= (uint32_t)(t - (i + 1)) & 0xFFFF;
		} else if (g->patch[i] == PATCH_JUMP) {
			c[i] |= (addr >> 2) & 0x03FFFFFF;
		} else {
			c[i - 2] |= addr >> 16;
			c[i - 1] |= addr & 0xFFFF;
		}
	}
}

/* Choose HOT_REGS distinct registers, none of them r0 or base_reg. */
static void pick_hot(struct gen *g)
{
	for (int i = 0; i < HOT_REGS; i++) {
		bool dup;
		do {
			g->hot[i] = 1 + (int)dt_rng_below(&g->r, 31);
			dup = g->hot[i] == g->s->base_reg;
			for (int j = 0; j < i; j++)
				dup = dup || g->hot[j] == g->hot[i];
		} while (dup);
	}
}

/* Fill s with a stream of len instructions generated from seed. */
void dt_generate(struct dt_stream *s, uint64_t seed, int len)
{
	struct gen g;

	memset(s, 0, sizeof(*s));
	memset(&g, 0, sizeof(g));
	dt_rng_seed(&g.r, seed);
	g.s = s;
	g.last_mf = -100;
	s->len = len;
	s->base_reg = 1 + (int)dt_rng_below(&g.r, 30); /* never r31 */
	pick_hot(&g);
	for (int r = 1; r < 32; r++)
		s->regs[r] = value32(&g);
	s->regs[s->base_reg] = DT_BASE_VALUE;
	s->hi = value32(&g);
	s->lo = value32(&g);
	for (uint32_t i = 0; i < DT_SCRATCH; i++)
		s->scratch[i] = (uint8_t)dt_rng_next(&g.r);
	while (g.n < len) {
		s->flags[g.n] |= DT_F_START;
		gen_unit(&g, len - g.n, false);
	}
	s->flags[len] = DT_F_START;
	patch_targets(&g);
}
