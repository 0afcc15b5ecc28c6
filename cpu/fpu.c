/*
 * fpu.c - the R4000 floating-point unit (CP1): decoding of COP1 words,
 * moves between the CPU and the FPU, FPU loads and stores, BC1 branches
 * and reset.  The arithmetic is in fpu_arith.c, the conversions in
 * fpu_conv.c; the register model is drawn in fpu_internal.h.
 *
 * COP1 instruction formats (User's Manual, appendix B):
 *
 *   31    26 25  21 20  16 15  11 10   6 5      0
 *  | COP1   |  rs  |  rt  |  fs  |  0   |   0    |  MF/DMF/CF/MT/DMT/CT
 *  | COP1   |  BC  |  nd,tf  |      offset       |  BC1F/T/FL/TL
 *  | COP1   | fmt  |  ft  |  fs  |  fd  |function|  arithmetic, cvt, c.cond
 *
 *   rs: 0 MF  1 DMF  2 CF  4 MT  5 DMT  6 CT  8 BC  16 S  17 D  20 W  21 L
 */
#include "cpu/fpu_internal.h"

/* Value of FIR at reset: Implementation 5 (R4000 FPA), Revision 0. */
#define FPU_FIR_R4000 0x00000500u

/* Cold reset: registers and FCSR cleared, FIR identifies the R4000. */
void cpu_fpu_reset(struct cpu *c)
{
	memset(c->fpr, 0, sizeof c->fpr);
	c->fcsr = 0;
	c->fir = FPU_FIR_R4000;
}

/* A reserved COP1 rs or BC encoding: Reserved Instruction (after CU1). */
static struct dinsn *op_fpu_ri(struct cpu *c, struct dinsn *i)
{
	FPU_CHECK_CU1(c, i);
	return cpu_exc(c, i, EXC_RI);
}

/*
 * A reserved function or format of an FPU operation (or one invalid for
 * its format, like CVT.S.S): the R4000 sets Cause.E and takes the
 * Floating-Point exception (User's Manual 7.4, Unimplemented Operation).
 */
struct dinsn *op_fpu_unimpl(struct cpu *c, struct dinsn *i)
{
	FPU_CHECK_CU1(c, i);
	fpu_trap(c, FPX_E);
	return cpu_exc(c, i, EXC_FPE);
}

/* MFC1 rt, fs: the 32-bit register fs, sign-extended. */
static struct dinsn *op_mfc1(struct cpu *c, struct dinsn *i)
{
	FPU_CHECK_CU1(c, i);
	c->gpr[i->d] = sx32(fpu_get_w(c, i->s));
	return i + 1;
}

/* MTC1 rt, fs: the low word of rt into 32-bit register fs. */
static struct dinsn *op_mtc1(struct cpu *c, struct dinsn *i)
{
	FPU_CHECK_CU1(c, i);
	fpu_set_w(c, i->s, (uint32_t)c->gpr[i->t]);
	return i + 1;
}

/* DMFC1 rt, fs: the 64-bit register fs (RI in 32-bit user/supervisor). */
static struct dinsn *op_dmfc1(struct cpu *c, struct dinsn *i)
{
	FPU_CHECK_CU1(c, i);
	if (!c->ops64)
		return cpu_exc(c, i, EXC_RI);
	c->gpr[i->d] = fpu_get_l(c, i->s);
	return i + 1;
}

/* DMTC1 rt, fs: rt into the 64-bit register fs (RI like DMFC1). */
static struct dinsn *op_dmtc1(struct cpu *c, struct dinsn *i)
{
	FPU_CHECK_CU1(c, i);
	if (!c->ops64)
		return cpu_exc(c, i, EXC_RI);
	fpu_set_l(c, i->s, c->gpr[i->t]);
	return i + 1;
}

/* CFC1 rt, fs: FCR0 (FIR) or FCR31 (FCSR); the others read as 0. */
static struct dinsn *op_cfc1(struct cpu *c, struct dinsn *i)
{
	FPU_CHECK_CU1(c, i);
	uint32_t v = i->s == 0 ? c->fir : i->s == 31 ? c->fcsr : 0;
	c->gpr[i->d] = sx32(v);
	return i + 1;
}

/*
 * CTC1 rt, fs: write FCSR (only FCR31 is writable).  The value is stored
 * first; if it has a Cause bit whose Enable is set, or E, the
 * Floating-Point exception follows with EPC at this CTC1.
 */
static struct dinsn *op_ctc1(struct cpu *c, struct dinsn *i)
{
	FPU_CHECK_CU1(c, i);
	if (i->s != 31)
		return i + 1;
	c->fcsr = (uint32_t)c->gpr[i->t] & FCSR_WRITABLE;
	unsigned cause = (c->fcsr & FCSR_CAUSE) >> FCSR_CAUSE_SHIFT;
	unsigned en = (c->fcsr >> FCSR_ENABLES_SHIFT) & 0x1fu;
	if (cause & (en | FPX_E))
		return cpu_exc(c, i, EXC_FPE);
	return i + 1;
}

/* Branch on FCSR.C == want; likely forms annul the slot when not taken. */
static struct dinsn *fpu_bc(struct cpu *c, struct dinsn *i, bool want,
			    bool likely_form)
{
	FPU_CHECK_CU1(c, i);
	if (((c->fcsr & FCSR_C) != 0) == want)
		return cpu_branch(c, i, cpu_pc_of(c, i) + 4 + i->imm);
	return likely_form ? i + 2 : i + 1;
}

/* BC1F offset. */
static struct dinsn *op_bc1f(struct cpu *c, struct dinsn *i)
{
	return fpu_bc(c, i, false, false);
}

/* BC1T offset. */
static struct dinsn *op_bc1t(struct cpu *c, struct dinsn *i)
{
	return fpu_bc(c, i, true, false);
}

/* BC1FL offset. */
static struct dinsn *op_bc1fl(struct cpu *c, struct dinsn *i)
{
	return fpu_bc(c, i, false, true);
}

/* BC1TL offset. */
static struct dinsn *op_bc1tl(struct cpu *c, struct dinsn *i)
{
	return fpu_bc(c, i, true, true);
}

/* Effective address base + offset of an FPU load or store. */
static inline uint32_t fpu_ea(const struct cpu *c, const struct dinsn *i)
{
	return (uint32_t)(c->gpr[i->s] + (uint64_t)(int64_t)(int32_t)i->imm);
}

/* LWC1 ft, offset(base). */
struct dinsn *op_lwc1(struct cpu *c, struct dinsn *i)
{
	FPU_CHECK_CU1(c, i);
	uint64_t v;
	if (cpu_load(c, i, fpu_ea(c, i), 4, &v))
		return c->exc_ip;
	fpu_set_w(c, i->t, (uint32_t)v);
	return i + 1;
}

/* LDC1 ft, offset(base). */
struct dinsn *op_ldc1(struct cpu *c, struct dinsn *i)
{
	FPU_CHECK_CU1(c, i);
	uint64_t v;
	if (cpu_load(c, i, fpu_ea(c, i), 8, &v))
		return c->exc_ip;
	fpu_set_l(c, i->t, v);
	return i + 1;
}

/* SWC1 ft, offset(base). */
struct dinsn *op_swc1(struct cpu *c, struct dinsn *i)
{
	FPU_CHECK_CU1(c, i);
	if (cpu_store(c, i, fpu_ea(c, i), 4, fpu_get_w(c, i->t)))
		return c->exc_ip;
	return i + 1;
}

/* SDC1 ft, offset(base). */
struct dinsn *op_sdc1(struct cpu *c, struct dinsn *i)
{
	FPU_CHECK_CU1(c, i);
	if (cpu_store(c, i, fpu_ea(c, i), 8, fpu_get_l(c, i->t)))
		return c->exc_ip;
	return i + 1;
}

/* Handlers of function codes 0-15 and 32-37 by format S, D, W, L. */
static const cpu_op_fn fpu_ops[38][4] = {
	[0] = {op_add_s, op_add_d, NULL, NULL},
	[1] = {op_sub_s, op_sub_d, NULL, NULL},
	[2] = {op_mul_s, op_mul_d, NULL, NULL},
	[3] = {op_div_s, op_div_d, NULL, NULL},
	[4] = {op_sqrt_s, op_sqrt_d, NULL, NULL},
	[5] = {op_abs_s, op_abs_d, NULL, NULL},
	[6] = {op_mov_s, op_mov_d, NULL, NULL},
	[7] = {op_neg_s, op_neg_d, NULL, NULL},
	[8] = {op_cvt_l_s, op_cvt_l_d, NULL, NULL},  /* ROUND.L */
	[9] = {op_cvt_l_s, op_cvt_l_d, NULL, NULL},  /* TRUNC.L */
	[10] = {op_cvt_l_s, op_cvt_l_d, NULL, NULL}, /* CEIL.L */
	[11] = {op_cvt_l_s, op_cvt_l_d, NULL, NULL}, /* FLOOR.L */
	[12] = {op_cvt_w_s, op_cvt_w_d, NULL, NULL}, /* ROUND.W */
	[13] = {op_cvt_w_s, op_cvt_w_d, NULL, NULL}, /* TRUNC.W */
	[14] = {op_cvt_w_s, op_cvt_w_d, NULL, NULL}, /* CEIL.W */
	[15] = {op_cvt_w_s, op_cvt_w_d, NULL, NULL}, /* FLOOR.W */
	[32] = {NULL, op_cvt_s_d, op_cvt_s_w, op_cvt_s_l},
	[33] = {op_cvt_d_s, NULL, op_cvt_d_w, op_cvt_d_l},
	[36] = {op_cvt_w_s, op_cvt_w_d, NULL, NULL},
	[37] = {op_cvt_l_s, op_cvt_l_d, NULL, NULL},
};

/*
 * Decode an FPU operation (fmt = rs >= 16) into d.  ROUND, TRUNC, CEIL and
 * FLOOR share the CVT handlers with their rounding mode in sa (function
 * & 3 is RN, RZ, RP, RM); C.cond keeps cond in sa.
 */
static void fpu_decode_op(struct dinsn *d, unsigned fmt, unsigned func)
{
	static const int fmt_index[32] = {[16] = 1, [17] = 2, [20] = 3,
					  [21] = 4};
	int f = fmt_index[fmt] - 1;
	d->fn = op_fpu_unimpl;
	if (f < 0)
		return;
	if (func >= 48) {
		d->sa = func & 15;
		if (f <= 1)
			d->fn = f == 0 ? op_c_cond_s : op_c_cond_d;
		return;
	}
	if (func >= 38 || !fpu_ops[func][f])
		return;
	d->fn = fpu_ops[func][f];
	d->sa = (func >= 8 && func < 16) ? func & 3 : FPU_CVT_FCSR;
}

/* Decode a COP1 (opcode 0x11) word into d. */
void cpu_fpu_decode(struct dinsn *d, uint32_t w)
{
	static const cpu_op_fn bc[4] = {op_bc1f, op_bc1t, op_bc1fl, op_bc1tl};
	unsigned rs = (w >> 21) & 31, rt = (w >> 16) & 31;
	uint8_t gpr_dst = rt ? (uint8_t)rt : CPU_GPR_SINK;
	d->s = (w >> 11) & 31;
	d->t = (uint8_t)rt;
	d->d = (w >> 6) & 31;
	d->sa = 0;
	d->imm = 0;
	switch (rs) {
	case 0: d->fn = op_mfc1, d->d = gpr_dst; break;
	case 1: d->fn = op_dmfc1, d->d = gpr_dst; break;
	case 2: d->fn = op_cfc1, d->d = gpr_dst; break;
	case 4: d->fn = op_mtc1; break;
	case 5: d->fn = op_dmtc1; break;
	case 6: d->fn = op_ctc1; break;
	case 8:
		d->fn = rt < 4 ? bc[rt] : op_fpu_ri;
		d->imm = (uint32_t)((int32_t)(int16_t)(w & 0xffff) * 4);
		break;
	default:
		if (rs >= 16)
			fpu_decode_op(d, rs, w & 63);
		else
			d->fn = op_fpu_ri;
		break;
	}
}
