/*
 * fpu_internal.h - private helpers of the R4000 floating-point unit (CP1),
 * shared by cpu/fpu.c (decode, moves, loads/stores, branches),
 * cpu/fpu_arith.c (arithmetic, compares) and cpu/fpu_conv.c (conversions).
 * docs/fpu.md describes what is modelled and what is not.
 *
 * Register file (R4000 User's Manual, 2nd ed., 6.3 and fig. 6-2; B.3
 * ValueFPR/StoreFPR).  c->fpr[0..31] are the 32 physical 64-bit registers.
 * Status.FR (bit 26) only changes how instructions name them:
 *
 *   FR = 1: FPR n is fpr[n]; a single or word lives in its low half.
 *
 *            63                32 31                 0
 *   fpr[n]  |    (upper half)    |  single / word n   |   (all 32 n)
 *   fpr[n]  |          double / long n                |
 *
 *   FR = 0: 32 32-bit FGRs, 16 64-bit FPRs (even numbers only).  FGR 2k
 *   is the low half and FGR 2k+1 the high half of fpr[2k]; a double or
 *   long named 2k is the even/odd pair, i.e. all of fpr[2k].  The odd
 *   physical registers fpr[2k+1] are not reachable and keep their value.
 *
 *            63                32 31                 0
 *   fpr[2k] |     FGR 2k+1       |      FGR 2k        |
 *   fpr[2k] |   double / long 2k (FGR 2k+1 || FGR 2k) |
 *
 * So a program that writes $f3 with FR=0 and then sets FR=1 reads it back
 * as the upper half of $f2, and the FR=1 register $f3 reappears unchanged
 * when it switches back.  The R4000 manual only says the FPRs are "formed
 * from" the FGRs; this layout is the one in which a double in an even
 * register is the same 64 bits in both modes (as the R10000 manual, 15.3,
 * states for its FR=0 loads and stores) and the one FR=0 context-switch
 * code saving 16 doubles relies on.  A double named by an odd number with
 * FR=0 is undefined on the R4000; we use the even register of the pair.
 * Writing a single or word with FR=1 leaves the upper half as it was (the
 * manual calls it undefined).
 *
 * FCSR (FCR31, User's Manual fig. 6-4 and 6-5):
 *
 *   31     25 24 23 22  18 17      12 11     7 6      2 1  0
 *  |    0    |FS| C|  0   | Cause    | Enables | Flags  | RM |
 *                          E V Z O U I  V Z O U I  V Z O U I
 *
 * Internally an exception set is a 6-bit mask in Cause order:
 * bit 0 I, 1 U, 2 O, 3 Z, 4 V, 5 E (Unimplemented Operation).
 */
#ifndef CPU_FPU_INTERNAL_H
#define CPU_FPU_INTERNAL_H

#include <fenv.h>
#include <float.h>
#include <string.h>

#include "cpu/cpu_internal.h"

/* The host must evaluate float and double in their own precision. */
_Static_assert(FLT_EVAL_METHOD == 0, "host FPU must not use excess precision");

#define FCSR_RM 0x3u
#define FCSR_FLAGS_SHIFT 2
#define FCSR_ENABLES_SHIFT 7
#define FCSR_CAUSE_SHIFT 12
#define FCSR_CAUSE (0x3fu << FCSR_CAUSE_SHIFT)
#define FCSR_C (1u << 23)
#define FCSR_FS (1u << 24)
#define FCSR_WRITABLE 0x0183ffffu

/* Exception bits, in Cause field order. */
#define FPX_I 0x01u
#define FPX_U 0x02u
#define FPX_O 0x04u
#define FPX_Z 0x08u
#define FPX_V 0x10u
#define FPX_E 0x20u

/* Rounding modes (FCSR.RM, table 6-4). */
enum { FPU_RN = 0, FPU_RZ = 1, FPU_RP = 2, FPU_RM = 3 };

/* MIPS legacy NaNs: quiet has the top fraction bit clear. */
#define FPU_S_DEFAULT_NAN 0x7fbfffffu
#define FPU_D_DEFAULT_NAN 0x7ff7ffffffffffffull
#define FPU_S_SNAN_BIT 0x00400000u
#define FPU_D_SNAN_BIT 0x0008000000000000ull
#define FPU_W_INVALID 0x7fffffffu
#define FPU_L_INVALID 0x7fffffffffffffffull

/* Return from a COP1 handler with Coprocessor Unusable when CU1 = 0. */
#define FPU_CHECK_CU1(c, i)                                             \
	do {                                                            \
		if (unlikely(!((c)->cp0.status & ST_CU1)))              \
			return cpu_exc_cop((c), (i), 1);                \
	} while (0)

/* Force x through memory so host FP work stays between fenv calls. */
#define FPU_FENCE(x) __asm__ __volatile__("" : "+m"(x) : : "memory")

/* True when Status.FR selects 32 64-bit registers. */
static inline bool fpu_fr(const struct cpu *c)
{
	return (c->cp0.status & ST_FR) != 0;
}

/* Read 32-bit register n (single or word) under the current FR. */
static inline uint32_t fpu_get_w(const struct cpu *c, int n)
{
	if (fpu_fr(c))
		return (uint32_t)c->fpr[n];
	return (uint32_t)(c->fpr[n & ~1] >> ((n & 1) * 32));
}

/* Write 32-bit register n (single or word) under the current FR. */
static inline void fpu_set_w(struct cpu *c, int n, uint32_t v)
{
	int idx = fpu_fr(c) ? n : n & ~1;
	int sh = fpu_fr(c) ? 0 : (n & 1) * 32;
	c->fpr[idx] = (c->fpr[idx] & ~(0xffffffffull << sh)) |
		      (uint64_t)v << sh;
}

/* Read 64-bit register n (double or long) under the current FR. */
static inline uint64_t fpu_get_l(const struct cpu *c, int n)
{
	return c->fpr[fpu_fr(c) ? n : n & ~1];
}

/* Write 64-bit register n (double or long) under the current FR. */
static inline void fpu_set_l(struct cpu *c, int n, uint64_t v)
{
	c->fpr[fpu_fr(c) ? n : n & ~1] = v;
}

/* Host float with the bits of v. */
static inline float fpu_f32(uint32_t v)
{
	float f;
	memcpy(&f, &v, 4);
	return f;
}

/* Host double with the bits of v. */
static inline double fpu_f64(uint64_t v)
{
	double d;
	memcpy(&d, &v, 8);
	return d;
}

/* Bits of host float f. */
static inline uint32_t fpu_bits32(float f)
{
	uint32_t v;
	memcpy(&v, &f, 4);
	return v;
}

/* Bits of host double d. */
static inline uint64_t fpu_bits64(double d)
{
	uint64_t v;
	memcpy(&v, &d, 8);
	return v;
}

/* True if single v is a NaN (either kind). */
static inline bool fpu_s_nan(uint32_t v)
{
	return (v & 0x7fffffffu) > 0x7f800000u;
}

/* True if single v is a signalling NaN in the MIPS legacy encoding. */
static inline bool fpu_s_snan(uint32_t v)
{
	return fpu_s_nan(v) && (v & FPU_S_SNAN_BIT);
}

/* True if double v is a NaN (either kind). */
static inline bool fpu_d_nan(uint64_t v)
{
	return (v & ~(1ull << 63)) > 0x7ff0000000000000ull;
}

/* True if double v is a signalling NaN in the MIPS legacy encoding. */
static inline bool fpu_d_snan(uint64_t v)
{
	return fpu_d_nan(v) && (v & FPU_D_SNAN_BIT);
}

#if defined(__x86_64__) && defined(__SSE2_MATH__)
/*
 * x86-64: float and double arithmetic is SSE, so only MXCSR matters, and
 * touching it directly is much cheaper than <fenv.h> (which also saves and
 * restores the x87 state):
 *
 *   15  14 13  12     7   6   5  4  3  2  1  0
 *  | FZ | RC  | masks   |DAZ|PE|UE|OE|ZE|DE|IE|     RC: 0 RN 1 RM 2 RP 3 RZ
 */
struct fpu_host {
	uint32_t saved; /* MXCSR to restore: the host's mode and flags */
};

/* Clear host flags and select the FCSR rounding mode rm on the host. */
static inline void fpu_host_begin(struct fpu_host *h, unsigned rm)
{
	static const uint32_t rc[4] = {0x0000u, 0x6000u, 0x4000u, 0x2000u};
	uint32_t m;
	__asm__ __volatile__("stmxcsr %0" : "=m"(m) : : "memory");
	h->saved = m;
	m = (m & ~0xe07fu) | rc[rm & 3]; /* no flags, no FZ/DAZ, our RC */
	__asm__ __volatile__("ldmxcsr %0" : : "m"(m) : "memory");
}

/* Restore the host MXCSR; return the operation's flags as FPX_ bits. */
static inline unsigned fpu_host_end(struct fpu_host *h)
{
	uint32_t m;
	__asm__ __volatile__("stmxcsr %0" : "=m"(m) : : "memory");
	__asm__ __volatile__("ldmxcsr %0" : : "m"(h->saved) : "memory");
	return ((m & 0x20u) ? FPX_I : 0) | ((m & 0x10u) ? FPX_U : 0) |
	       ((m & 0x08u) ? FPX_O : 0) | ((m & 0x04u) ? FPX_Z : 0) |
	       ((m & 0x01u) ? FPX_V : 0);
}
#else
/* Other hosts: the same through <fenv.h>. */
struct fpu_host {
	int saved_rm; /* host rounding mode to restore, or -1 */
};

/* Clear host flags and select the FCSR rounding mode rm on the host. */
static inline void fpu_host_begin(struct fpu_host *h, unsigned rm)
{
	static const int modes[4] = {FE_TONEAREST, FE_TOWARDZERO, FE_UPWARD,
				     FE_DOWNWARD};
	feclearexcept(FE_ALL_EXCEPT);
	h->saved_rm = -1;
	if (rm != FPU_RN) {
		h->saved_rm = fegetround();
		fesetround(modes[rm & 3]);
	}
}

/* Restore the host rounding mode; return the host flags as FPX_ bits. */
static inline unsigned fpu_host_end(struct fpu_host *h)
{
	int f = fetestexcept(FE_ALL_EXCEPT);
	if (h->saved_rm >= 0)
		fesetround(h->saved_rm);
	return ((f & FE_INEXACT) ? FPX_I : 0) |
	       ((f & FE_UNDERFLOW) ? FPX_U : 0) |
	       ((f & FE_OVERFLOW) ? FPX_O : 0) |
	       ((f & FE_DIVBYZERO) ? FPX_Z : 0) |
	       ((f & FE_INVALID) ? FPX_V : 0);
}
#endif

/*
 * Record exception set x as the Cause of the current operation.  If any of
 * it is enabled (E always is), leave Flags alone and return true: the
 * caller raises the Floating-Point exception without writing a result.
 * Otherwise add x to Flags and return false (User's Manual 6.3, 7.2).
 */
static inline bool fpu_trap(struct cpu *c, unsigned x)
{
	uint32_t f = (c->fcsr & ~FCSR_CAUSE) | x << FCSR_CAUSE_SHIFT;
	unsigned en = (f >> FCSR_ENABLES_SHIFT) & 0x1fu;
	if (unlikely(x & (en | FPX_E))) {
		c->fcsr = f;
		return true;
	}
	c->fcsr = f | (x & 0x1fu) << FCSR_FLAGS_SHIFT;
	return false;
}

/* --- fpu.c --- */
struct dinsn *op_fpu_unimpl(struct cpu *c, struct dinsn *i);

/* --- fpu_arith.c --- */
uint32_t fpu_s_tiny(const struct cpu *c, uint32_t r, unsigned *x);
uint64_t fpu_d_tiny(const struct cpu *c, uint64_t r, unsigned *x);
struct dinsn *op_add_s(struct cpu *c, struct dinsn *i);
struct dinsn *op_sub_s(struct cpu *c, struct dinsn *i);
struct dinsn *op_mul_s(struct cpu *c, struct dinsn *i);
struct dinsn *op_div_s(struct cpu *c, struct dinsn *i);
struct dinsn *op_sqrt_s(struct cpu *c, struct dinsn *i);
struct dinsn *op_abs_s(struct cpu *c, struct dinsn *i);
struct dinsn *op_mov_s(struct cpu *c, struct dinsn *i);
struct dinsn *op_neg_s(struct cpu *c, struct dinsn *i);
struct dinsn *op_add_d(struct cpu *c, struct dinsn *i);
struct dinsn *op_sub_d(struct cpu *c, struct dinsn *i);
struct dinsn *op_mul_d(struct cpu *c, struct dinsn *i);
struct dinsn *op_div_d(struct cpu *c, struct dinsn *i);
struct dinsn *op_sqrt_d(struct cpu *c, struct dinsn *i);
struct dinsn *op_abs_d(struct cpu *c, struct dinsn *i);
struct dinsn *op_mov_d(struct cpu *c, struct dinsn *i);
struct dinsn *op_neg_d(struct cpu *c, struct dinsn *i);
struct dinsn *op_c_cond_s(struct cpu *c, struct dinsn *i);
struct dinsn *op_c_cond_d(struct cpu *c, struct dinsn *i);

/* --- fpu_conv.c: i->sa is the rounding mode, FPU_CVT_FCSR for cvt --- */
#define FPU_CVT_FCSR 4
struct dinsn *op_cvt_s_d(struct cpu *c, struct dinsn *i);
struct dinsn *op_cvt_s_w(struct cpu *c, struct dinsn *i);
struct dinsn *op_cvt_s_l(struct cpu *c, struct dinsn *i);
struct dinsn *op_cvt_d_s(struct cpu *c, struct dinsn *i);
struct dinsn *op_cvt_d_w(struct cpu *c, struct dinsn *i);
struct dinsn *op_cvt_d_l(struct cpu *c, struct dinsn *i);
struct dinsn *op_cvt_w_s(struct cpu *c, struct dinsn *i);
struct dinsn *op_cvt_w_d(struct cpu *c, struct dinsn *i);
struct dinsn *op_cvt_l_s(struct cpu *c, struct dinsn *i);
struct dinsn *op_cvt_l_d(struct cpu *c, struct dinsn *i);

#endif
