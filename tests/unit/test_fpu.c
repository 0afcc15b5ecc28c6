/*
 * test_fpu.c - the FPU's host-side helpers (cpu/fpu*.c): decoding, the
 * FR register views, the flush-to-zero table, and that an emulated
 * operation leaves the host's rounding mode and flags as they were.
 * Guest-visible behaviour is tested by tests/asm/fpu_*.S.
 */
#include <criterion/criterion.h>
#include <fenv.h>

#include "cpu/fpu_internal.h"
#include "tests/unit/cpu_fixture.h"


/* A COP1 operation word: fmt, ft, fs, fd, function. */
#define I_COP1(fmt, ft, fs, fd, fn) \
	(0x44000000u | I_R(fmt, ft, fs, fd, fn))
#define FMT_S 16
#define FMT_D 17
#define FMT_W 20

/* Exception code of the last exception taken. */
static unsigned exc_code(const struct fix *f)
{
	return (unsigned)(cpu_cp0(f->c, CP0_CAUSE) >> 2) & 31;
}

Test(fpu, reset_state)
{
	struct fix f = fix_make();
	cr_assert_eq(f.c->fir, 0x00000500u, "FIR: Imp 5 (R4000), Rev 0");
	cr_assert_eq(cpu_fcsr(f.c), 0);
	fix_free(&f);
}

Test(fpu, decode_picks_handlers_and_fields)
{
	struct dinsn d;
	cpu_fpu_decode(&d, I_COP1(FMT_D, 4, 2, 6, 0));
	cr_assert_eq(d.fn, op_add_d);
	cr_assert(d.d == 6 && d.s == 2 && d.t == 4);
	cpu_fpu_decode(&d, I_COP1(FMT_S, 0, 2, 6, 13)); /* trunc.w.s */
	cr_assert_eq(d.fn, op_cvt_w_s);
	cr_assert_eq(d.sa, FPU_RZ);
	cpu_fpu_decode(&d, I_COP1(FMT_D, 0, 2, 6, 36)); /* cvt.w.d */
	cr_assert_eq(d.fn, op_cvt_w_d);
	cr_assert_eq(d.sa, FPU_CVT_FCSR);
	cpu_fpu_decode(&d, I_COP1(FMT_D, 4, 2, 0, 0x3c)); /* c.lt.d */
	cr_assert_eq(d.fn, op_c_cond_d);
	cr_assert_eq(d.sa, 12);
	cpu_fpu_decode(&d, I_COP1(FMT_W, 0, 2, 6, 33)); /* cvt.d.w */
	cr_assert_eq(d.fn, op_cvt_d_w);
	cpu_fpu_decode(&d, I_COP1(FMT_S, 0, 2, 6, 32)); /* cvt.s.s */
	cr_assert_eq(d.fn, op_fpu_unimpl);
	cpu_fpu_decode(&d, I_COP1(FMT_W, 4, 2, 6, 0)); /* add.w */
	cr_assert_eq(d.fn, op_fpu_unimpl);
	cpu_fpu_decode(&d, I_COP1(18, 4, 2, 6, 0)); /* reserved fmt */
	cr_assert_eq(d.fn, op_fpu_unimpl);
	cpu_fpu_decode(&d, 0x44000800u | 5u << 16); /* mfc1 $5, $f1 */
	cr_assert(d.d == 5 && d.s == 1);
	cpu_fpu_decode(&d, 0x44000800u); /* mfc1 $0, $f1 */
	cr_assert_eq(d.d, CPU_GPR_SINK);
	cpu_fpu_decode(&d, 0x4501ffffu); /* bc1t -1 */
	cr_assert_eq(d.imm, (uint32_t)-4);
}

Test(fpu, register_views_follow_fr)
{
	struct fix f = fix_make();
	struct cpu *c = f.c;
	c->cp0.status = ST_CU1; /* FR = 0 */
	fpu_set_w(c, 2, 0x11111111u);
	fpu_set_w(c, 3, 0x22222222u);
	cr_assert_eq(c->fpr[2], 0x2222222211111111ull);
	cr_assert_eq(c->fpr[3], 0, "odd physical register untouched");
	cr_assert_eq(fpu_get_l(c, 2), 0x2222222211111111ull);
	fpu_set_l(c, 4, 0x3ff0000000000000ull);
	cr_assert_eq(fpu_get_w(c, 5), 0x3ff00000u);
	c->cp0.status = ST_CU1 | ST_FR;
	fpu_set_l(c, 3, 0x4000000000000000ull);
	cr_assert_eq(c->fpr[3], 0x4000000000000000ull);
	cr_assert_eq(fpu_get_w(c, 2), 0x11111111u);
	fpu_set_w(c, 3, 0xaaaaaaaau);
	cr_assert_eq(c->fpr[3], 0x40000000aaaaaaaaull, "upper half kept");
	c->cp0.status = ST_CU1;
	cr_assert_eq(fpu_get_w(c, 3), 0x22222222u);
	fix_free(&f);
}

Test(fpu, flush_to_zero_table)
{
	struct fix f = fix_make();
	struct cpu *c = f.c;
	unsigned x;
	static const struct {
		uint32_t fcsr, in, out;
	} s[] = {
		{FCSR_FS | FPU_RN, 0x00400000u, 0x00000000u},
		{FCSR_FS | FPU_RN, 0x80400000u, 0x80000000u},
		{FCSR_FS | FPU_RZ, 0x80000001u, 0x80000000u},
		{FCSR_FS | FPU_RP, 0x00000001u, 0x00800000u},
		{FCSR_FS | FPU_RP, 0x80000001u, 0x80000000u},
		{FCSR_FS | FPU_RM, 0x00000001u, 0x00000000u},
		{FCSR_FS | FPU_RM, 0x80000001u, 0x80800000u},
	};
	for (size_t k = 0; k < sizeof s / sizeof s[0]; k++) {
		c->fcsr = s[k].fcsr;
		x = 0;
		cr_assert_eq(fpu_s_tiny(c, s[k].in, &x), s[k].out, "row %zu", k);
		cr_assert_eq(x, FPX_U | FPX_I, "row %zu", k);
	}
	c->fcsr = FCSR_FS | FPU_RM;
	x = 0;
	cr_assert_eq(fpu_d_tiny(c, 0x8000000000000001ull, &x),
		     0x8010000000000000ull);
	c->fcsr = 0; /* FS = 0: the denormal stays, exact means no U */
	x = 0;
	cr_assert_eq(fpu_s_tiny(c, 0x00400000u, &x), 0x00400000u);
	cr_assert_eq(x, 0);
	c->fcsr = FCSR_FS | FPX_U << FCSR_ENABLES_SHIFT; /* U on: no flush */
	x = 0;
	cr_assert_eq(fpu_s_tiny(c, 0x00400000u, &x), 0x00400000u);
	cr_assert_eq(x, FPX_U, "U signalled on an exact tiny result");
	c->fcsr = FCSR_FS;
	x = 0;
	cr_assert_eq(fpu_s_tiny(c, 0x3f800000u, &x), 0x3f800000u);
	cr_assert_eq(x, 0, "normal results untouched");
	fix_free(&f);
}

Test(fpu, trap_sets_cause_and_keeps_flags)
{
	struct fix f = fix_make();
	struct cpu *c = f.c;
	c->fcsr = FPX_Z << FCSR_ENABLES_SHIFT | 0x7cu;
	cr_assert(fpu_trap(c, FPX_Z));
	cr_assert_eq(c->fcsr, 0x8000u | 0x400u | 0x7cu);
	c->fcsr = 0;
	cr_assert(!fpu_trap(c, FPX_I | FPX_O));
	cr_assert_eq(c->fcsr, 0x5000u | 0x14u);
	cr_assert(fpu_trap(c, FPX_E), "E cannot be disabled");
	cr_assert_eq(c->fcsr, 0x20000u | 0x14u);
	fix_free(&f);
}

Test(fpu, host_rounding_mode_and_flags_restored)
{
	/* div.d $f4, $f0, $f2 in RP (1/3 rounds up), then add.d $f6, $f0, $f0. */
	uint32_t w[] = {I_COP1(FMT_D, 2, 0, 4, 3), I_COP1(FMT_D, 0, 0, 6, 0)};
	struct fix f = fix_boot(w, 2, ST_CU1);
	f.c->fpr[0] = 0x3ff0000000000000ull;
	f.c->fpr[2] = 0x4008000000000000ull;
	f.c->fcsr = FPU_RP;
	cr_assert_eq(fesetround(FE_DOWNWARD), 0);
	feraiseexcept(FE_INEXACT);
	cpu_run(f.c, 1);
	cr_assert_eq(fegetround(), FE_DOWNWARD, "host mode restored");
	cr_assert_eq(f.c->fpr[4], 0x3fd5555555555556ull, "rounded up");
	fesetround(FE_TONEAREST);
	feraiseexcept(FE_INEXACT | FE_INVALID); /* stale host flags */
	cpu_run(f.c, 1);
	cr_assert_eq(f.c->fcsr, FPU_RP | 0x4u, "exact: no Cause, Flags kept");
	cr_assert_eq(f.c->fpr[6], 0x4000000000000000ull);
	fix_free(&f);
}

Test(fpu, coprocessor_unusable_then_reserved)
{
	uint32_t w[] = {0x44600000u}; /* COP1 rs = 3 */
	struct fix f = fix_boot(w, 1, 0);
	cpu_run(f.c, 1);
	cr_assert_eq(exc_code(&f), EXC_CPU);
	cr_assert_eq((cpu_cp0(f.c, CP0_CAUSE) >> CAUSE_CE_SHIFT) & 3, 1);
	fix_free(&f);
	f = fix_boot(w, 1, ST_CU1);
	cpu_run(f.c, 1);
	cr_assert_eq(exc_code(&f), EXC_RI);
	fix_free(&f);
}

Test(fpu, unimplemented_operation_traps_with_e)
{
	uint32_t w[] = {I_COP1(FMT_S, 0, 2, 6, 32)}; /* cvt.s.s */
	struct fix f = fix_boot(w, 1, ST_CU1);
	f.c->fpr[6] = 0x1234;
	cpu_run(f.c, 1);
	cr_assert_eq(exc_code(&f), EXC_FPE);
	cr_assert_eq(cpu_fcsr(f.c), 0x20000u);
	cr_assert_eq(f.c->fpr[6], 0x1234, "destination untouched");
	fix_free(&f);
}
