/*
 * fpu_arith.c - R4000 FPU arithmetic (ADD, SUB, MUL, DIV, SQRT, ABS, MOV,
 * NEG in .s and .d) and C.cond.fmt (User's Manual, appendix B).
 *
 * NaN operands are handled here in the MIPS legacy encoding before the host
 * sees them (so the host's opposite quiet bit never matters): a signalling
 * NaN raises Invalid and yields the default NaN, a quiet NaN propagates
 * (fs first).  Everything else runs on the host FPU under the FCSR
 * rounding mode, and the host flags become the Cause bits.
 */
#include <math.h>

#include "cpu/fpu_internal.h"

enum fpu_binop { FPU_ADD, FPU_SUB, FPU_MUL, FPU_DIV };

/*
 * Apply the R4000 rule for a tiny result r (single) with exceptions x:
 * with FS = 1 and Underflow and Inexact disabled it is flushed as table
 * 7-1 says and U, I are raised; otherwise it stays denormal, and U is
 * raised even when exact if the Underflow trap is enabled (IEEE 754).
 */
uint32_t fpu_s_tiny(const struct cpu *c, uint32_t r, unsigned *x)
{
	bool den = (r & 0x7f800000u) == 0 && (r & 0x007fffffu) != 0;
	if (!den && !(*x & FPX_U))
		return r;
	unsigned en = (c->fcsr >> FCSR_ENABLES_SHIFT) & 0x1fu;
	if ((c->fcsr & FCSR_FS) && !(en & (FPX_U | FPX_I))) {
		uint32_t sign = r & 0x80000000u;
		*x |= FPX_U | FPX_I;
		switch (c->fcsr & FCSR_RM) {
		case FPU_RP: return sign ? sign : 0x00800000u;
		case FPU_RM: return sign ? 0x80800000u : 0;
		default: return sign;
		}
	}
	if (en & FPX_U)
		*x |= FPX_U;
	return r;
}

/* The same rule as fpu_s_tiny for a double result. */
uint64_t fpu_d_tiny(const struct cpu *c, uint64_t r, unsigned *x)
{
	const uint64_t expo = 0x7ff0000000000000ull, sign = 1ull << 63;
	bool den = (r & expo) == 0 && (r & ~(expo | sign)) != 0;
	if (!den && !(*x & FPX_U))
		return r;
	unsigned en = (c->fcsr >> FCSR_ENABLES_SHIFT) & 0x1fu;
	if ((c->fcsr & FCSR_FS) && !(en & (FPX_U | FPX_I))) {
		uint64_t s = r & sign;
		*x |= FPX_U | FPX_I;
		switch (c->fcsr & FCSR_RM) {
		case FPU_RP: return s ? s : 0x0010000000000000ull;
		case FPU_RM: return s ? 0x8010000000000000ull : 0;
		default: return s;
		}
	}
	if (en & FPX_U)
		*x |= FPX_U;
	return r;
}

/* Compute a op b in single precision on the host; x gets the flags. */
static uint32_t fpu_s_host(const struct cpu *c, enum fpu_binop op, uint32_t a,
			   uint32_t b, unsigned *x)
{
	struct fpu_host h;
	float fa = fpu_f32(a), fb = fpu_f32(b), r;
	fpu_host_begin(&h, c->fcsr & FCSR_RM);
	FPU_FENCE(fa);
	FPU_FENCE(fb);
	switch (op) {
	case FPU_ADD: r = fa + fb; break;
	case FPU_SUB: r = fa - fb; break;
	case FPU_MUL: r = fa * fb; break;
	default: r = fa / fb; break;
	}
	FPU_FENCE(r);
	*x = fpu_host_end(&h);
	if (*x & FPX_V)
		return FPU_S_DEFAULT_NAN;
	return fpu_s_tiny(c, fpu_bits32(r), x);
}

/* Compute a op b in double precision on the host; x gets the flags. */
static uint64_t fpu_d_host(const struct cpu *c, enum fpu_binop op, uint64_t a,
			   uint64_t b, unsigned *x)
{
	struct fpu_host h;
	double fa = fpu_f64(a), fb = fpu_f64(b), r;
	fpu_host_begin(&h, c->fcsr & FCSR_RM);
	FPU_FENCE(fa);
	FPU_FENCE(fb);
	switch (op) {
	case FPU_ADD: r = fa + fb; break;
	case FPU_SUB: r = fa - fb; break;
	case FPU_MUL: r = fa * fb; break;
	default: r = fa / fb; break;
	}
	FPU_FENCE(r);
	*x = fpu_host_end(&h);
	if (*x & FPX_V)
		return FPU_D_DEFAULT_NAN;
	return fpu_d_tiny(c, fpu_bits64(r), x);
}

/* Execute a binary single-precision operation fd = fs op ft. */
static struct dinsn *fpu_s_binop(struct cpu *c, struct dinsn *i,
				 enum fpu_binop op)
{
	FPU_CHECK_CU1(c, i);
	uint32_t a = fpu_get_w(c, i->s), b = fpu_get_w(c, i->t), r;
	unsigned x = 0;
	if (unlikely(fpu_s_nan(a) || fpu_s_nan(b))) {
		if (fpu_s_snan(a) || fpu_s_snan(b))
			r = FPU_S_DEFAULT_NAN, x = FPX_V;
		else
			r = fpu_s_nan(a) ? a : b;
	} else {
		r = fpu_s_host(c, op, a, b, &x);
	}
	if (fpu_trap(c, x))
		return cpu_exc(c, i, EXC_FPE);
	fpu_set_w(c, i->d, r);
	return i + 1;
}

/* Execute a binary double-precision operation fd = fs op ft. */
static struct dinsn *fpu_d_binop(struct cpu *c, struct dinsn *i,
				 enum fpu_binop op)
{
	FPU_CHECK_CU1(c, i);
	uint64_t a = fpu_get_l(c, i->s), b = fpu_get_l(c, i->t), r;
	unsigned x = 0;
	if (unlikely(fpu_d_nan(a) || fpu_d_nan(b))) {
		if (fpu_d_snan(a) || fpu_d_snan(b))
			r = FPU_D_DEFAULT_NAN, x = FPX_V;
		else
			r = fpu_d_nan(a) ? a : b;
	} else {
		r = fpu_d_host(c, op, a, b, &x);
	}
	if (fpu_trap(c, x))
		return cpu_exc(c, i, EXC_FPE);
	fpu_set_l(c, i->d, r);
	return i + 1;
}

/* ADD.S fd, fs, ft. */
struct dinsn *op_add_s(struct cpu *c, struct dinsn *i)
{
	return fpu_s_binop(c, i, FPU_ADD);
}

/* SUB.S fd, fs, ft. */
struct dinsn *op_sub_s(struct cpu *c, struct dinsn *i)
{
	return fpu_s_binop(c, i, FPU_SUB);
}

/* MUL.S fd, fs, ft. */
struct dinsn *op_mul_s(struct cpu *c, struct dinsn *i)
{
	return fpu_s_binop(c, i, FPU_MUL);
}

/* DIV.S fd, fs, ft. */
struct dinsn *op_div_s(struct cpu *c, struct dinsn *i)
{
	return fpu_s_binop(c, i, FPU_DIV);
}

/* ADD.D fd, fs, ft. */
struct dinsn *op_add_d(struct cpu *c, struct dinsn *i)
{
	return fpu_d_binop(c, i, FPU_ADD);
}

/* SUB.D fd, fs, ft. */
struct dinsn *op_sub_d(struct cpu *c, struct dinsn *i)
{
	return fpu_d_binop(c, i, FPU_SUB);
}

/* MUL.D fd, fs, ft. */
struct dinsn *op_mul_d(struct cpu *c, struct dinsn *i)
{
	return fpu_d_binop(c, i, FPU_MUL);
}

/* DIV.D fd, fs, ft. */
struct dinsn *op_div_d(struct cpu *c, struct dinsn *i)
{
	return fpu_d_binop(c, i, FPU_DIV);
}

/* SQRT.S fd, fs: a negative non-zero operand is Invalid. */
struct dinsn *op_sqrt_s(struct cpu *c, struct dinsn *i)
{
	FPU_CHECK_CU1(c, i);
	uint32_t a = fpu_get_w(c, i->s), r;
	unsigned x = 0;
	if (fpu_s_nan(a)) {
		r = fpu_s_snan(a) ? FPU_S_DEFAULT_NAN : a;
		x = fpu_s_snan(a) ? FPX_V : 0;
	} else {
		struct fpu_host h;
		float fa = fpu_f32(a), fr;
		fpu_host_begin(&h, c->fcsr & FCSR_RM);
		FPU_FENCE(fa);
		fr = sqrtf(fa);
		FPU_FENCE(fr);
		x = fpu_host_end(&h);
		r = (x & FPX_V) ? FPU_S_DEFAULT_NAN : fpu_bits32(fr);
	}
	if (fpu_trap(c, x))
		return cpu_exc(c, i, EXC_FPE);
	fpu_set_w(c, i->d, r);
	return i + 1;
}

/* SQRT.D fd, fs: a negative non-zero operand is Invalid. */
struct dinsn *op_sqrt_d(struct cpu *c, struct dinsn *i)
{
	FPU_CHECK_CU1(c, i);
	uint64_t a = fpu_get_l(c, i->s), r;
	unsigned x = 0;
	if (fpu_d_nan(a)) {
		r = fpu_d_snan(a) ? FPU_D_DEFAULT_NAN : a;
		x = fpu_d_snan(a) ? FPX_V : 0;
	} else {
		struct fpu_host h;
		double fa = fpu_f64(a), fr;
		fpu_host_begin(&h, c->fcsr & FCSR_RM);
		FPU_FENCE(fa);
		fr = sqrt(fa);
		FPU_FENCE(fr);
		x = fpu_host_end(&h);
		r = (x & FPX_V) ? FPU_D_DEFAULT_NAN : fpu_bits64(fr);
	}
	if (fpu_trap(c, x))
		return cpu_exc(c, i, EXC_FPE);
	fpu_set_l(c, i->d, r);
	return i + 1;
}

/*
 * ABS.S / NEG.S: clear or flip the sign bit (mask, flip).  They count as
 * arithmetic, so a signalling NaN is Invalid (User's Manual 7.4), and they
 * write the Cause field.
 */
static struct dinsn *fpu_s_sign(struct cpu *c, struct dinsn *i, uint32_t mask,
				uint32_t flip)
{
	FPU_CHECK_CU1(c, i);
	uint32_t a = fpu_get_w(c, i->s);
	unsigned x = fpu_s_snan(a) ? FPX_V : 0;
	if (fpu_trap(c, x))
		return cpu_exc(c, i, EXC_FPE);
	fpu_set_w(c, i->d, x ? FPU_S_DEFAULT_NAN : (a & mask) ^ flip);
	return i + 1;
}

/* The double-precision version of fpu_s_sign. */
static struct dinsn *fpu_d_sign(struct cpu *c, struct dinsn *i, uint64_t mask,
				uint64_t flip)
{
	FPU_CHECK_CU1(c, i);
	uint64_t a = fpu_get_l(c, i->s);
	unsigned x = fpu_d_snan(a) ? FPX_V : 0;
	if (fpu_trap(c, x))
		return cpu_exc(c, i, EXC_FPE);
	fpu_set_l(c, i->d, x ? FPU_D_DEFAULT_NAN : (a & mask) ^ flip);
	return i + 1;
}

/* ABS.S fd, fs. */
struct dinsn *op_abs_s(struct cpu *c, struct dinsn *i)
{
	return fpu_s_sign(c, i, 0x7fffffffu, 0);
}

/* NEG.S fd, fs. */
struct dinsn *op_neg_s(struct cpu *c, struct dinsn *i)
{
	return fpu_s_sign(c, i, 0xffffffffu, 0x80000000u);
}

/* ABS.D fd, fs. */
struct dinsn *op_abs_d(struct cpu *c, struct dinsn *i)
{
	return fpu_d_sign(c, i, ~(1ull << 63), 0);
}

/* NEG.D fd, fs. */
struct dinsn *op_neg_d(struct cpu *c, struct dinsn *i)
{
	return fpu_d_sign(c, i, ~0ull, 1ull << 63);
}

/* MOV.S fd, fs: a plain copy; not arithmetic, so FCSR is untouched. */
struct dinsn *op_mov_s(struct cpu *c, struct dinsn *i)
{
	FPU_CHECK_CU1(c, i);
	fpu_set_w(c, i->d, fpu_get_w(c, i->s));
	return i + 1;
}

/* MOV.D fd, fs: a plain copy; not arithmetic, so FCSR is untouched. */
struct dinsn *op_mov_d(struct cpu *c, struct dinsn *i)
{
	FPU_CHECK_CU1(c, i);
	fpu_set_l(c, i->d, fpu_get_l(c, i->s));
	return i + 1;
}

/*
 * Finish C.cond.fmt (cond in i->sa) given the relation of the operands.
 * cond bits: 0 true if unordered, 1 if equal, 2 if less, 3 signal Invalid
 * when unordered; a signalling NaN is Invalid for every cond.  On a trap
 * the condition bit keeps its value.
 *
 *   cond  0 F   1 UN   2 EQ   3 UEQ   4 OLT   5 ULT   6 OLE   7 ULE
 *         8 SF  9 NGLE 10 SEQ 11 NGL  12 LT   13 NGE  14 LE   15 NGT
 */
static struct dinsn *fpu_compare(struct cpu *c, struct dinsn *i, bool less,
				 bool equal, bool unordered, bool snan)
{
	unsigned cond = i->sa;
	unsigned x = (snan || (unordered && (cond & 8))) ? FPX_V : 0;
	bool r = ((cond & 4) && less) || ((cond & 2) && equal) ||
		 ((cond & 1) && unordered);
	if (fpu_trap(c, x))
		return cpu_exc(c, i, EXC_FPE);
	c->fcsr = r ? c->fcsr | FCSR_C : c->fcsr & ~FCSR_C;
	return i + 1;
}

/* C.cond.S fs, ft. */
struct dinsn *op_c_cond_s(struct cpu *c, struct dinsn *i)
{
	FPU_CHECK_CU1(c, i);
	uint32_t a = fpu_get_w(c, i->s), b = fpu_get_w(c, i->t);
	if (fpu_s_nan(a) || fpu_s_nan(b))
		return fpu_compare(c, i, false, false, true,
				   fpu_s_snan(a) || fpu_s_snan(b));
	float fa = fpu_f32(a), fb = fpu_f32(b);
	return fpu_compare(c, i, fa < fb, fa == fb, false, false);
}

/* C.cond.D fs, ft. */
struct dinsn *op_c_cond_d(struct cpu *c, struct dinsn *i)
{
	FPU_CHECK_CU1(c, i);
	uint64_t a = fpu_get_l(c, i->s), b = fpu_get_l(c, i->t);
	if (fpu_d_nan(a) || fpu_d_nan(b))
		return fpu_compare(c, i, false, false, true,
				   fpu_d_snan(a) || fpu_d_snan(b));
	double fa = fpu_f64(a), fb = fpu_f64(b);
	return fpu_compare(c, i, fa < fb, fa == fb, false, false);
}
