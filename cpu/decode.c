/*
 * decode.c - turning a 32-bit instruction word into a struct dinsn: which
 * function executes it and its fields (R4000 User's Manual, appendix A,
 * "CPU instruction opcode bit encoding").
 *
 *   R-type | op (31:26) | rs (25:21) | rt (20:16) | rd (15:11) | sa (10:6) | funct (5:0) |
 *   I-type | op (31:26) | rs (25:21) | rt (20:16) |        immediate (15:0)              |
 *   J-type | op (31:26) |                    instr_index (25:0)                         |
 */
#include "cpu/ops.h"

#define F_RS(w) (((w) >> 21) & 31u)
#define F_RT(w) (((w) >> 16) & 31u)
#define F_RD(w) (((w) >> 11) & 31u)
#define F_SA(w) (((w) >> 6) & 31u)
#define F_FUNCT(w) ((w) & 63u)
#define F_IMM(w) ((w) & 0xffffu)

/* Reserved Instruction: an encoding the R4000 does not define. */
OP(ri) { return cpu_exc(c, i, EXC_RI); }

/* A destination register index, with r0 turned into the write sink. */
static uint8_t dec_dest(uint32_t r)
{
	return r ? (uint8_t)r : CPU_GPR_SINK;
}

/* Fill d as an R-type instruction executed by fn. */
static void dec_r(struct dinsn *d, uint32_t w, cpu_op_fn fn)
{
	d->fn = fn;
	d->d = dec_dest(F_RD(w));
	d->s = (uint8_t)F_RS(w);
	d->t = (uint8_t)F_RT(w);
	d->sa = (uint8_t)F_SA(w);
	d->imm = 0;
}

/* Fill d as an I-type instruction; imm sign- or zero-extended. */
static void dec_i(struct dinsn *d, uint32_t w, cpu_op_fn fn, bool sign)
{
	d->fn = fn;
	d->d = dec_dest(F_RT(w));
	d->s = (uint8_t)F_RS(w);
	d->t = (uint8_t)F_RT(w);
	d->sa = 0;
	d->imm = sign ? (uint32_t)(int32_t)(int16_t)F_IMM(w) : F_IMM(w);
}

/* Fill d as a PC-relative branch; imm = offset * 4, sign-extended. */
static void dec_b(struct dinsn *d, uint32_t w, cpu_op_fn fn)
{
	dec_i(d, w, fn, true);
	d->imm <<= 2;
	d->d = 31;
}

/* The function for a SPECIAL (opcode 0) instruction, by funct. */
static cpu_op_fn dec_special_fn(uint32_t funct)
{
	static const cpu_op_fn table[64] = {
		[0] = op_sll, [2] = op_srl, [3] = op_sra, [4] = op_sllv,
		[6] = op_srlv, [7] = op_srav, [8] = op_jr, [9] = op_jalr,
		[12] = op_syscall, [13] = op_break, [15] = op_sync,
		[16] = op_mfhi, [17] = op_mthi, [18] = op_mflo, [19] = op_mtlo,
		[20] = op_dsllv, [22] = op_dsrlv, [23] = op_dsrav,
		[24] = op_mult, [25] = op_multu, [26] = op_div, [27] = op_divu,
		[28] = op_dmult, [29] = op_dmultu, [30] = op_ddiv,
		[31] = op_ddivu, [32] = op_add, [33] = op_addu, [34] = op_sub,
		[35] = op_subu, [36] = op_and, [37] = op_or, [38] = op_xor,
		[39] = op_nor, [42] = op_slt, [43] = op_sltu, [44] = op_dadd,
		[45] = op_daddu, [46] = op_dsub, [47] = op_dsubu, [48] = op_tge,
		[49] = op_tgeu, [50] = op_tlt, [51] = op_tltu, [52] = op_teq,
		[54] = op_tne, [56] = op_dsll, [58] = op_dsrl, [59] = op_dsra,
		[60] = op_dsll32, [62] = op_dsrl32, [63] = op_dsra32,
	};
	return table[funct] ? table[funct] : op_ri;
}

/* Decode a REGIMM (opcode 1) instruction, selected by rt. */
static void dec_regimm(struct dinsn *d, uint32_t w)
{
	static const cpu_op_fn branches[32] = {
		[0] = op_bltz, [1] = op_bgez, [2] = op_bltzl, [3] = op_bgezl,
		[16] = op_bltzal, [17] = op_bgezal, [18] = op_bltzall,
		[19] = op_bgezall,
	};
	static const cpu_op_fn traps[32] = {
		[8] = op_tgei, [9] = op_tgeiu, [10] = op_tlti, [11] = op_tltiu,
		[12] = op_teqi, [14] = op_tnei,
	};
	uint32_t rt = F_RT(w);
	if (branches[rt]) {
		bool always = F_RS(w) == 0 && rt == 17;
		dec_b(d, w, always ? op_bal : branches[rt]);
	} else {
		dec_i(d, w, traps[rt] ? traps[rt] : op_ri, true);
	}
}

/* Decode a COP0 (opcode 0x10) instruction. */
static void dec_cop0(struct dinsn *d, uint32_t w)
{
	static const cpu_op_fn moves[16] = {
		[0] = op_mfc0, [1] = op_dmfc0, [4] = op_mtc0, [5] = op_dmtc0,
	};
	static const cpu_op_fn co[64] = {
		[1] = op_tlbr, [2] = op_tlbwi, [6] = op_tlbwr, [8] = op_tlbp,
		[24] = op_eret, [32] = op_wait,
	};
	uint32_t rs = F_RS(w);
	cpu_op_fn fn;
	if (rs & 16)
		fn = co[F_FUNCT(w)] ? co[F_FUNCT(w)] : op_cop0_ri;
	else
		fn = moves[rs] ? moves[rs] : op_cop0_ri;
	dec_i(d, w, fn, false);
	d->sa = (uint8_t)F_RD(w); /* the CP0 register number */
}

/* The function for a primary opcode decoded as I-type (NULL if not). */
static cpu_op_fn dec_itype_fn(uint32_t op, bool *sign)
{
	static const cpu_op_fn table[64] = {
		[8] = op_addi, [9] = op_addiu, [10] = op_slti, [11] = op_sltiu,
		[12] = op_andi, [13] = op_ori, [14] = op_xori, [15] = op_lui,
		[18] = op_cop2, [19] = op_cop3, [24] = op_daddi,
		[25] = op_daddiu, [26] = op_ldl, [27] = op_ldr, [32] = op_lb,
		[33] = op_lh, [34] = op_lwl, [35] = op_lw, [36] = op_lbu,
		[37] = op_lhu, [38] = op_lwr, [39] = op_lwu, [40] = op_sb,
		[41] = op_sh, [42] = op_swl, [43] = op_sw, [44] = op_sdl,
		[45] = op_sdr, [46] = op_swr, [47] = op_cache, [48] = op_ll,
		[49] = op_lwc1, [50] = op_cop2, [52] = op_lld, [53] = op_ldc1,
		[54] = op_cop2, [55] = op_ld, [56] = op_sc, [57] = op_swc1,
		[58] = op_cop2, [60] = op_scd, [61] = op_sdc1, [62] = op_cop2,
		[63] = op_sd,
	};
	*sign = op < 12 || op > 14;
	return table[op];
}

/* Decode the instruction word w into d. */
void cpu_decode(struct dinsn *d, uint32_t w)
{
	static const cpu_op_fn branches[64] = {
		[4] = op_beq, [5] = op_bne, [6] = op_blez, [7] = op_bgtz,
		[20] = op_beql, [21] = op_bnel, [22] = op_blezl,
		[23] = op_bgtzl,
	};
	uint32_t op = w >> 26;
	bool sign;
	cpu_op_fn fn;
	if (w == 0) {
		dec_r(d, w, op_nop);
	} else if (op == 0) {
		dec_r(d, w, dec_special_fn(F_FUNCT(w)));
	} else if (op == 1) {
		dec_regimm(d, w);
	} else if (op == 2 || op == 3) {
		dec_r(d, w, op == 2 ? op_j : op_jal);
		d->imm = (w & 0x03ffffffu) << 2;
	} else if (branches[op]) {
		bool always = op == 4 && F_RS(w) == 0 && F_RT(w) == 0;
		dec_b(d, w, always ? op_b : branches[op]);
	} else if (op == 16) {
		dec_cop0(d, w);
	} else if (op == 17) {
		cpu_fpu_decode(d, w);
	} else if ((fn = dec_itype_fn(op, &sign)) != NULL) {
		dec_i(d, w, fn, sign);
		if (op == 15)
			d->imm = F_IMM(w) << 16;
	} else {
		dec_r(d, w, op_ri);
	}
}

/* First run of an instruction: decode it in place, then execute it. */
OP(decode)
{
	const uint8_t *h = c->cur_page->host + ((i - c->cur_page->insn) << 2);
	uint32_t w = (uint32_t)h[0] << 24 | (uint32_t)h[1] << 16 |
		     (uint32_t)h[2] << 8 | h[3];
	cpu_decode(i, w);
	return i->fn(c, i);
}
