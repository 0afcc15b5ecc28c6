/*
 * fpu_conv.c - R4000 FPU format conversions (User's Manual, appendix B):
 * CVT.S.fmt, CVT.D.fmt, CVT.W.fmt, CVT.L.fmt and ROUND/TRUNC/CEIL/FLOOR
 * to .W and .L.  The .L forms are part of the R4000's FPU in either FR
 * mode (with FR=0 a long is an even/odd pair, like a double) and, unlike
 * DMFC1/DMTC1, in every operating mode.
 *
 * A NaN converted to another floating format becomes that format's default
 * NaN (Invalid if it was signalling).  A float converted to an integer
 * that is NaN, infinite or out of range is Invalid and, untrapped, gives
 * 2^31-1 or 2^63-1 (User's Manual B, CVT.W.fmt).
 */
#include <math.h>

#include "cpu/fpu_internal.h"

/* Rounding mode of a conversion: its own, or FCSR.RM for CVT. */
static unsigned fpu_cvt_rm(const struct cpu *c, const struct dinsn *i)
{
	return i->sa == FPU_CVT_FCSR ? (c->fcsr & FCSR_RM) : i->sa;
}

/*
 * Round v to an integer in mode rm and check it fits 32 or 64 bits
 * (is64); x gets Inexact, or Invalid with the R4000's default result.
 * Done in software: v - trunc(v) is exact, and so are the +-1 steps.
 */
static int64_t fpu_to_int(double v, unsigned rm, bool is64, unsigned *x)
{
	double t = trunc(v), f = v - t;
	if (f != 0) {
		switch (rm) {
		case FPU_RZ: break;
		case FPU_RP: t += f > 0 ? 1 : 0; break;
		case FPU_RM: t -= f < 0 ? 1 : 0; break;
		default:
			if (fabs(f) > 0.5 ||
			    (fabs(f) == 0.5 && fmod(t, 2.0) != 0))
				t += f > 0 ? 1 : -1;
			break;
		}
	}
	double lim = is64 ? 0x1p63 : 0x1p31;
	if (!(t >= -lim && t < lim)) {
		*x = FPX_V;
		return is64 ? (int64_t)FPU_L_INVALID : (int64_t)FPU_W_INVALID;
	}
	*x = f != 0 ? FPX_I : 0;
	return (int64_t)t;
}

/* Value of single register fs as a double, or NaN flagged in *nan. */
static double fpu_s_value(const struct cpu *c, int fs, bool *nan)
{
	uint32_t a = fpu_get_w(c, fs);
	*nan = fpu_s_nan(a);
	return *nan ? 0 : (double)fpu_f32(a);
}

/* Value of double register fs, or NaN flagged in *nan. */
static double fpu_d_value(const struct cpu *c, int fs, bool *nan)
{
	uint64_t a = fpu_get_l(c, fs);
	*nan = fpu_d_nan(a);
	return *nan ? 0 : fpu_f64(a);
}

/* Convert v (NaN if nan) to a word or long in fd, as mode i->sa says. */
static struct dinsn *fpu_to_fixed(struct cpu *c, struct dinsn *i, double v,
				  bool nan, bool is64)
{
	unsigned x = FPX_V;
	int64_t r = is64 ? (int64_t)FPU_L_INVALID : (int64_t)FPU_W_INVALID;
	if (!nan)
		r = fpu_to_int(v, fpu_cvt_rm(c, i), is64, &x);
	if (fpu_trap(c, x))
		return cpu_exc(c, i, EXC_FPE);
	if (is64)
		fpu_set_l(c, i->d, (uint64_t)r);
	else
		fpu_set_w(c, i->d, (uint32_t)r);
	return i + 1;
}

/* CVT.W.S, ROUND.W.S, TRUNC.W.S, CEIL.W.S, FLOOR.W.S fd, fs. */
struct dinsn *op_cvt_w_s(struct cpu *c, struct dinsn *i)
{
	FPU_CHECK_CU1(c, i);
	bool nan;
	double v = fpu_s_value(c, i->s, &nan);
	return fpu_to_fixed(c, i, v, nan, false);
}

/* CVT.W.D, ROUND.W.D, TRUNC.W.D, CEIL.W.D, FLOOR.W.D fd, fs. */
struct dinsn *op_cvt_w_d(struct cpu *c, struct dinsn *i)
{
	FPU_CHECK_CU1(c, i);
	bool nan;
	double v = fpu_d_value(c, i->s, &nan);
	return fpu_to_fixed(c, i, v, nan, false);
}

/* CVT.L.S, ROUND.L.S, TRUNC.L.S, CEIL.L.S, FLOOR.L.S fd, fs. */
struct dinsn *op_cvt_l_s(struct cpu *c, struct dinsn *i)
{
	FPU_CHECK_CU1(c, i);
	bool nan;
	double v = fpu_s_value(c, i->s, &nan);
	return fpu_to_fixed(c, i, v, nan, true);
}

/* CVT.L.D, ROUND.L.D, TRUNC.L.D, CEIL.L.D, FLOOR.L.D fd, fs. */
struct dinsn *op_cvt_l_d(struct cpu *c, struct dinsn *i)
{
	FPU_CHECK_CU1(c, i);
	bool nan;
	double v = fpu_d_value(c, i->s, &nan);
	return fpu_to_fixed(c, i, v, nan, true);
}

/* Write single r to fd unless exceptions x trap. */
static struct dinsn *fpu_put_s(struct cpu *c, struct dinsn *i, uint32_t r,
			       unsigned x)
{
	if (fpu_trap(c, x))
		return cpu_exc(c, i, EXC_FPE);
	fpu_set_w(c, i->d, r);
	return i + 1;
}

/* Write double r to fd unless exceptions x trap. */
static struct dinsn *fpu_put_d(struct cpu *c, struct dinsn *i, uint64_t r,
			       unsigned x)
{
	if (fpu_trap(c, x))
		return cpu_exc(c, i, EXC_FPE);
	fpu_set_l(c, i->d, r);
	return i + 1;
}

/* CVT.S.D fd, fs: rounds, and can overflow or underflow. */
struct dinsn *op_cvt_s_d(struct cpu *c, struct dinsn *i)
{
	FPU_CHECK_CU1(c, i);
	uint64_t a = fpu_get_l(c, i->s);
	if (fpu_d_nan(a))
		return fpu_put_s(c, i, FPU_S_DEFAULT_NAN,
				 fpu_d_snan(a) ? FPX_V : 0);
	struct fpu_host h;
	double v = fpu_f64(a);
	float r;
	fpu_host_begin(&h, c->fcsr & FCSR_RM);
	FPU_FENCE(v);
	r = (float)v;
	FPU_FENCE(r);
	unsigned x = fpu_host_end(&h);
	uint32_t bits = fpu_s_tiny(c, fpu_bits32(r), &x);
	return fpu_put_s(c, i, bits, x);
}

/* CVT.S.W fd, fs: inexact beyond 2^24. */
struct dinsn *op_cvt_s_w(struct cpu *c, struct dinsn *i)
{
	FPU_CHECK_CU1(c, i);
	struct fpu_host h;
	int32_t v = (int32_t)fpu_get_w(c, i->s);
	float r;
	fpu_host_begin(&h, c->fcsr & FCSR_RM);
	FPU_FENCE(v);
	r = (float)v;
	FPU_FENCE(r);
	unsigned x = fpu_host_end(&h);
	return fpu_put_s(c, i, fpu_bits32(r), x);
}

/* CVT.S.L fd, fs. */
struct dinsn *op_cvt_s_l(struct cpu *c, struct dinsn *i)
{
	FPU_CHECK_CU1(c, i);
	struct fpu_host h;
	int64_t v = (int64_t)fpu_get_l(c, i->s);
	float r;
	fpu_host_begin(&h, c->fcsr & FCSR_RM);
	FPU_FENCE(v);
	r = (float)v;
	FPU_FENCE(r);
	unsigned x = fpu_host_end(&h);
	return fpu_put_s(c, i, fpu_bits32(r), x);
}

/* CVT.D.S fd, fs: always exact. */
struct dinsn *op_cvt_d_s(struct cpu *c, struct dinsn *i)
{
	FPU_CHECK_CU1(c, i);
	uint32_t a = fpu_get_w(c, i->s);
	if (fpu_s_nan(a))
		return fpu_put_d(c, i, FPU_D_DEFAULT_NAN,
				 fpu_s_snan(a) ? FPX_V : 0);
	return fpu_put_d(c, i, fpu_bits64((double)fpu_f32(a)), 0);
}

/* CVT.D.W fd, fs: always exact. */
struct dinsn *op_cvt_d_w(struct cpu *c, struct dinsn *i)
{
	FPU_CHECK_CU1(c, i);
	int32_t v = (int32_t)fpu_get_w(c, i->s);
	return fpu_put_d(c, i, fpu_bits64((double)v), 0);
}

/* CVT.D.L fd, fs: inexact beyond 2^53. */
struct dinsn *op_cvt_d_l(struct cpu *c, struct dinsn *i)
{
	FPU_CHECK_CU1(c, i);
	struct fpu_host h;
	int64_t v = (int64_t)fpu_get_l(c, i->s);
	double r;
	fpu_host_begin(&h, c->fcsr & FCSR_RM);
	FPU_FENCE(v);
	r = (double)v;
	FPU_FENCE(r);
	unsigned x = fpu_host_end(&h);
	return fpu_put_d(c, i, fpu_bits64(r), x);
}
