/* test_mem.c - memory paths: timing hooks and LL/SC across CPUs (mem.c). */
#include <criterion/criterion.h>

#include "tests/unit/cpu_fixture.h"

#define I_LL(rt, off, base) I_I(48, base, rt, off)
#define I_SC(rt, off, base) I_I(56, base, rt, off)
#define STALL 10u

/* A fake timing model: 64-set primary caches, counts, fixed stall. */
struct fake_model {
	uint32_t l1i[64], l1d[64];
	int misses[4];
	uint32_t last_pa;
	struct cpu_timing t;
};

/* Fill the tag as a real model would and count the reference. */
static uint32_t fake_miss(void *ctx, int cpu, uint32_t pa, enum cpu_ref ref)
{
	struct fake_model *f = ctx;
	(void)cpu;
	f->misses[ref]++;
	f->last_pa = pa;
	uint32_t line = pa >> 5;
	if (ref == CPU_REF_IFETCH)
		f->l1i[line & 63] = line << 2 | 1u;
	else if (ref != CPU_REF_UNCACHED)
		f->l1d[line & 63] = line << 2 | (ref == CPU_REF_STORE ? 3u : 1u);
	return STALL;
}

/* Plug a fresh fake model into c. */
static void fake_plug(struct fake_model *f, struct cpu *c)
{
	memset(f, 0, sizeof(*f));
	f->t = (struct cpu_timing){
		.l1i = f->l1i, .l1d = f->l1d, .l1i_mask = 63, .l1d_mask = 63,
		.line_shift = 5, .miss = fake_miss, .ctx = f,
	};
	cpu_set_timing(c, &f->t);
}

Test(mem, cached_loads_miss_once_and_stall)
{
	struct fix f = fix_make();
	struct fake_model m;
	uint32_t w[] = {I_LW(2, 0, 3), I_LW(4, 4, 3), I_SW(2, 8, 3),
			I_BEQ(0, 0, -1), I_NOP}; /* all in one 32-byte line */
	fix_boot_into(&f, w, 5, 0);
	cpu_set_gpr(f.c, 3, 0x80002000u);
	fake_plug(&m, f.c);
	cpu_run(f.c, 1000);
	cr_assert_eq(m.misses[CPU_REF_LOAD], 1, "second load hits the line");
	cr_assert_eq(m.misses[CPU_REF_STORE], 1, "store to a shared line");
	cr_assert_eq(m.misses[CPU_REF_IFETCH], 1, "one code line");
	cr_assert_eq(cpu_cycles(f.c) - cpu_insns(f.c), 3 * STALL);
	cr_assert_eq(cpu_cycles(f.c), 1000);
	fix_free(&f);
}

Test(mem, uncached_references_always_reach_the_model)
{
	struct fix f = fix_make();
	struct fake_model m;
	uint32_t w[] = {I_LW(2, 0, 3), I_LW(4, 0, 3), I_NOP};
	fix_boot_into(&f, w, 3, 0);
	cpu_set_gpr(f.c, 3, 0xA0002000u);
	fake_plug(&m, f.c);
	cpu_run(f.c, 2 + 2 * STALL + STALL);
	cr_assert_eq(m.misses[CPU_REF_UNCACHED], 2);
	cr_assert_eq(m.last_pa, 0x2000u);
	fix_free(&f);
}

Test(mem, no_model_no_stall)
{
	struct fix f = fix_make();
	uint32_t w[] = {I_LW(2, 0, 3), I_LW(4, 0, 3), I_NOP};
	fix_boot_into(&f, w, 3, 0);
	cpu_set_gpr(f.c, 3, 0xA0002000u);
	cpu_run(f.c, 3);
	cr_assert_eq(cpu_cycles(f.c), cpu_insns(f.c));
	fix_free(&f);
}

Test(mem, another_cpus_store_breaks_the_link)
{
	struct fix f = fix_make();
	struct cpu *c1 = cpu_create(f.p, 1);
	uint32_t w0[] = {I_LL(2, 0, 3), I_SC(2, 0, 3), I_NOP};
	uint32_t w1[] = {I_SW(0, 4, 3), I_NOP};
	fix_boot_into(&f, w0, 3, 0);
	fix_code(&f, 0x3000, w1, 2);
	c1->cp0.status = 0;
	cpu_update_mode(c1);
	cpu_set_pc(c1, 0x80003000u);
	cpu_set_gpr(f.c, 3, 0x80002000u);
	cpu_set_gpr(c1, 3, 0x80002000u);
	cpu_run(f.c, 1);  /* ll */
	cpu_run(c1, 1);   /* sw to the same line */
	cpu_run(f.c, 1);  /* sc */
	cr_assert_eq(cpu_gpr(f.c, 2), 0, "sc must fail");
	cpu_destroy(c1);
	fix_free(&f);
}

Test(mem, sc_succeeds_without_interference_and_dma_breaks_it)
{
	struct fix f = fix_make();
	uint32_t w[] = {I_LL(2, 0, 3), I_SC(2, 0, 3), I_LL(4, 0, 3),
			I_SC(4, 0, 3), I_NOP};
	fix_boot_into(&f, w, 5, 0);
	cpu_set_gpr(f.c, 3, 0x80002000u);
	cpu_run(f.c, 2);
	cr_assert_eq(cpu_gpr(f.c, 2), 1, "undisturbed sc succeeds");
	cpu_run(f.c, 1);
	cpu_phys_invalidate(f.p, 0x2000, 4); /* a device wrote the word */
	cpu_run(f.c, 1);
	cr_assert_eq(cpu_gpr(f.c, 4), 0, "DMA to the line breaks the link");
	fix_free(&f);
}
