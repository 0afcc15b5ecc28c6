/* test_tlb.c - segments and the R4000 TLB lookup (cpu/tlb.c). */
#include <criterion/criterion.h>

#include "tests/unit/cpu_fixture.h"

/* Put c in a mode by writing Status as software would. */
static void set_status(struct cpu *c, uint32_t st)
{
	c->cp0.status = st;
	cpu_update_mode(c);
}

/* Translate, returning the exception code (0 on success). */
static int xl(struct cpu *c, uint32_t va, enum cpu_access acc, uint32_t *pa,
	      bool *refill)
{
	bool cacheable;
	return cpu_translate(c, va, acc, pa, refill, &cacheable);
}

/* Write TLB entry k through the CP0 registers, as tlbwi does. */
static void put(struct cpu *c, int k, uint32_t mask, uint32_t hi,
		uint32_t lo0, uint32_t lo1)
{
	c->cp0.pagemask = mask;
	c->cp0.entryhi = hi;
	c->cp0.entrylo0 = lo0;
	c->cp0.entrylo1 = lo1;
	cpu_tlb_write(c, k, 0x80001000u);
}

/* EntryLo for a frame with V, D and G bits. */
#define LO(pfn, d, v, g) ((uint32_t)(pfn) << 6 | 3u << 3 | (d) << 2 | (v) << 1 | (g))

Test(tlb, unmapped_segments)
{
	struct fix f = fix_make();
	uint32_t pa;
	bool refill;
	set_status(f.c, 0);
	cr_assert_eq(xl(f.c, 0x80001234u, CPU_LOAD, &pa, &refill), 0);
	cr_assert_eq(pa, 0x1234u);
	cr_assert_eq(xl(f.c, 0xBF000010u, CPU_STORE, &pa, &refill), 0);
	cr_assert_eq(pa, 0x1F000010u);
	set_status(f.c, ST_ERL);
	cr_assert_eq(xl(f.c, 0x00345678u, CPU_LOAD, &pa, &refill), 0);
	cr_assert_eq(pa, 0x00345678u);
	fix_free(&f);
}

Test(tlb, even_odd_pair_and_dirty)
{
	struct fix f = fix_make();
	uint32_t pa;
	bool refill;
	set_status(f.c, 0);
	put(f.c, 3, 0, 0x00400005u, LO(0x100, 1, 1, 0), LO(0x200, 0, 1, 0));
	f.c->cp0.entryhi = 5;
	cr_assert_eq(xl(f.c, 0x00400123u, CPU_LOAD, &pa, &refill), 0);
	cr_assert_eq(pa, 0x00100123u);
	cr_assert_eq(xl(f.c, 0x00401ffcu, CPU_LOAD, &pa, &refill), 0);
	cr_assert_eq(pa, 0x00200ffcu);
	cr_assert_eq(xl(f.c, 0x00400000u, CPU_STORE, &pa, &refill), 0);
	cr_assert_eq(xl(f.c, 0x00401000u, CPU_STORE, &pa, &refill), EXC_MOD);
	fix_free(&f);
}

Test(tlb, asid_global_invalid_refill)
{
	struct fix f = fix_make();
	uint32_t pa;
	bool refill;
	set_status(f.c, 0);
	put(f.c, 0, 0, 0x00400005u, LO(0x100, 1, 1, 0), LO(0x101, 1, 0, 0));
	put(f.c, 1, 0, 0x00800009u, LO(0x300, 1, 1, 1), LO(0x301, 1, 1, 1));
	f.c->cp0.entryhi = 6;
	cr_assert_eq(xl(f.c, 0x00400000u, CPU_LOAD, &pa, &refill), EXC_TLBL);
	cr_assert(refill, "ASID mismatch is a refill");
	cr_assert_eq(xl(f.c, 0x00800000u, CPU_LOAD, &pa, &refill), 0, "global");
	cr_assert_eq(pa, 0x00300000u);
	f.c->cp0.entryhi = 5;
	cr_assert_eq(xl(f.c, 0x00401000u, CPU_STORE, &pa, &refill), EXC_TLBS);
	cr_assert(!refill, "V=0 is an invalid, not a refill");
	fix_free(&f);
}

Test(tlb, large_pages)
{
	struct fix f = fix_make();
	uint32_t pa;
	bool refill;
	set_status(f.c, 0);
	/* 16 MB pages: the pair covers 32 MB from 0x02000000. */
	put(f.c, 0, 0x01ffe000u, 0x02000000u, LO(0x0, 1, 1, 1),
	    LO(0x1000, 1, 1, 1));
	cr_assert_eq(xl(f.c, 0x02abcdefu, CPU_LOAD, &pa, &refill), 0);
	cr_assert_eq(pa, 0x00abcdefu);
	cr_assert_eq(xl(f.c, 0x03abcdefu, CPU_LOAD, &pa, &refill), 0);
	cr_assert_eq(pa, 0x01abcdefu);
	/* 16 KB pages: bit 14 selects the odd page. */
	put(f.c, 1, 0x00006000u, 0x10000000u, LO(0x40, 1, 1, 1),
	    LO(0x80, 1, 1, 1));
	cr_assert_eq(xl(f.c, 0x10005678u, CPU_LOAD, &pa, &refill), 0);
	cr_assert_eq(pa, 0x00081678u);
	fix_free(&f);
}

Test(tlb, mode_segment_rules)
{
	struct fix f = fix_make();
	uint32_t pa;
	bool refill;
	put(f.c, 0, 0, 0xC0000000u, LO(0x10, 1, 1, 1), LO(0x11, 1, 1, 1));
	set_status(f.c, 2u << ST_KSU_SHIFT); /* user */
	cr_assert_eq(xl(f.c, 0x80000000u, CPU_LOAD, &pa, &refill), EXC_ADEL);
	cr_assert_eq(xl(f.c, 0xC0000000u, CPU_STORE, &pa, &refill), EXC_ADES);
	set_status(f.c, 1u << ST_KSU_SHIFT); /* supervisor */
	cr_assert_eq(xl(f.c, 0xC0000004u, CPU_LOAD, &pa, &refill), 0);
	cr_assert_eq(pa, 0x00010004u);
	cr_assert_eq(xl(f.c, 0xA0000000u, CPU_LOAD, &pa, &refill), EXC_ADEL);
	cr_assert_eq(xl(f.c, 0xE0000000u, CPU_LOAD, &pa, &refill), EXC_ADEL);
	set_status(f.c, (1u << ST_KSU_SHIFT) | ST_EXL); /* EXL: kernel */
	cr_assert_eq(xl(f.c, 0xA0000000u, CPU_LOAD, &pa, &refill), 0);
	fix_free(&f);
}

Test(tlb, probe_and_read_back)
{
	struct fix f = fix_make();
	set_status(f.c, 0);
	put(f.c, 7, 0x00006000u, 0x12346005u, LO(0x40, 1, 1, 1),
	    LO(0x80, 0, 1, 1));
	f.c->cp0.entryhi = 0x12340005u;
	cpu_tlb_probe(f.c);
	cr_assert_eq(f.c->cp0.index, 7u);
	f.c->cp0.entryhi = 0x22340005u;
	cpu_tlb_probe(f.c);
	cr_assert(f.c->cp0.index & 0x80000000u, "miss sets P");
	f.c->cp0.index = 7;
	cpu_tlb_read(f.c, 7);
	cr_assert_eq(f.c->cp0.pagemask, 0x00006000u);
	cr_assert_eq(f.c->cp0.entryhi, 0x12340005u, "VPN2 bits under the mask read 0");
	cr_assert_eq(f.c->cp0.entrylo1, LO(0x80, 0, 1, 1));
	fix_free(&f);
}

Test(tlb, random_stays_between_wired_and_47)
{
	struct fix f = fix_make();
	uint32_t code[64];
	for (int k = 0; k < 64; k++)
		code[k] = I_NOP;
	code[63] = I_BEQ(0, 0, -64);
	fix_code(&f, 0x1000, code, 64);
	f.c->cp0.status = 0;
	f.c->cp0.wired = 40;
	cpu_update_mode(f.c);
	cpu_set_pc(f.c, 0x80001000u);
	bool seen[48] = {false};
	for (int k = 0; k < 200; k++) {
		cpu_run(f.c, 1);
		uint32_t r = cpu_random(f.c);
		cr_assert(r >= 40 && r <= 47, "random %u", r);
		seen[r] = true;
	}
	for (int k = 40; k < 48; k++)
		cr_assert(seen[k], "random never took %d", k);
	fix_free(&f);
}
