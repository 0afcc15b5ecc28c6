/* test_exc.c - exception delivery and the run loop (cpu/exc.c, core.c). */
#include <criterion/criterion.h>
#include <pthread.h>

#include "tests/unit/cpu_fixture.h"


Test(exc, syscall_sets_epc_cause_exl)
{
	uint32_t w[] = {I_NOP, I_SYSCALL};
	struct fix f = fix_boot(w, 2, 0);
	cpu_run(f.c, 2);
	cr_assert_eq(cpu_pc(f.c), 0xffffffff80000180ull);
	cr_assert_eq(cpu_cp0(f.c, CP0_EPC), 0xffffffff80001004ull);
	cr_assert_eq((cpu_cp0(f.c, CP0_CAUSE) >> 2) & 31, EXC_SYS);
	cr_assert(cpu_cp0(f.c, CP0_STATUS) & ST_EXL);
	cr_assert_eq(cpu_exception_count(f.c, EXC_SYS), 1);
	fix_free(&f);
}

Test(exc, delay_slot_sets_bd_and_branch_epc)
{
	uint32_t w[] = {I_BEQ(0, 0, 3), I_SYSCALL};
	struct fix f = fix_boot(w, 2, 0);
	cpu_run(f.c, 2);
	cr_assert_eq(cpu_cp0(f.c, CP0_EPC), 0xffffffff80001000ull);
	cr_assert(cpu_cp0(f.c, CP0_CAUSE) & CAUSE_BD);
	cr_assert_eq(cpu_pc(f.c), 0xffffffff80000180ull);
	fix_free(&f);
}

Test(exc, refill_vector_and_context)
{
	uint32_t w[] = {I_MTC0(0, 4), I_LW(2, 0x10, 3)};
	struct fix f = fix_boot(w, 2, 0);
	cpu_set_gpr(f.c, 3, 0x00456000u);
	f.c->cp0.entryhi = 0x2a;
	f.c->cp0.context = 0xff800000u;
	cpu_run(f.c, 2);
	cr_assert_eq(cpu_pc(f.c), 0xffffffff80000000ull, "refill vector");
	cr_assert_eq((cpu_cp0(f.c, CP0_CAUSE) >> 2) & 31, EXC_TLBL);
	cr_assert_eq((uint32_t)cpu_cp0(f.c, CP0_BADVADDR), 0x00456010u);
	cr_assert_eq((uint32_t)cpu_cp0(f.c, CP0_ENTRYHI), 0x0045602au);
	cr_assert_eq((uint32_t)cpu_cp0(f.c, CP0_CONTEXT), 0x000022b0u,
		     "PTEBase was written 0 by the mtc0, BadVPN2 = 0x22b");
	fix_free(&f);
}

Test(exc, exl_set_uses_general_vector_and_keeps_epc)
{
	uint32_t w[] = {I_LW(2, 0, 3)};
	struct fix f = fix_boot(w, 1, ST_EXL);
	f.c->cp0.epc = 0x1234;
	cpu_set_gpr(f.c, 3, 0x00456000u);
	cpu_run(f.c, 1);
	cr_assert_eq(cpu_pc(f.c), 0xffffffff80000180ull);
	cr_assert_eq(cpu_cp0(f.c, CP0_EPC), 0x1234u);
	fix_free(&f);
}

Test(exc, bev_vectors_in_prom)
{
	uint32_t w[] = {I_SYSCALL};
	struct fix f = fix_boot(w, 1, ST_BEV);
	uint8_t *rom = calloc(1, 65536);
	cpu_phys_add_rom(f.p, 0x1FC00000u, rom, 65536);
	cpu_run(f.c, 1);
	cr_assert_eq(cpu_pc(f.c), 0xffffffffbfc00380ull);
	fix_free(&f);
	free(rom);
}

Test(exc, address_error_on_misaligned_load)
{
	uint32_t w[] = {I_LW(2, 2, 3)};
	struct fix f = fix_boot(w, 1, 0);
	cpu_set_gpr(f.c, 3, 0x80002000u);
	cpu_run(f.c, 1);
	cr_assert_eq((cpu_cp0(f.c, CP0_CAUSE) >> 2) & 31, EXC_ADEL);
	cr_assert_eq((uint32_t)cpu_cp0(f.c, CP0_BADVADDR), 0x80002002u);
	fix_free(&f);
}

Test(exc, eret_returns_and_clears_exl)
{
	uint32_t w[] = {I_ERET};
	struct fix f = fix_boot(w, 1, ST_EXL);
	f.c->cp0.epc = 0x80001200u;
	cpu_run(f.c, 1);
	cr_assert_eq(cpu_pc(f.c), 0xffffffff80001200ull);
	cr_assert_eq(cpu_cp0(f.c, CP0_STATUS) & ST_EXL, 0);
	fix_free(&f);
}

Test(exc, eret_with_erl_uses_errorepc)
{
	uint32_t w[] = {I_ERET};
	struct fix f = fix_boot(w, 1, ST_ERL | ST_EXL);
	f.c->cp0.errorepc = 0x80001300u;
	f.c->cp0.epc = 0x80001200u;
	cpu_run(f.c, 1);
	cr_assert_eq(cpu_pc(f.c), 0xffffffff80001300ull);
	cr_assert_eq(cpu_cp0(f.c, CP0_STATUS) & (ST_ERL | ST_EXL), ST_EXL);
	fix_free(&f);
}

Test(exc, timer_interrupt)
{
	uint32_t w[] = {I_BEQ(0, 0, -1), I_NOP};
	struct fix f = fix_boot(w, 2, ST_IE | ST_IM7);
	f.c->cp0.compare = 50;
	cpu_timer_reschedule(f.c);
	cpu_run(f.c, 99);
	cr_assert_eq(cpu_exception_count(f.c, EXC_INT), 0);
	cpu_run(f.c, 2);
	cr_assert_eq(cpu_exception_count(f.c, EXC_INT), 1);
	cr_assert(cpu_cp0(f.c, CP0_CAUSE) & CAUSE_IP7);
	cr_assert_eq(cpu_cp0(f.c, CP0_EPC), 0xffffffff80001000ull);
	cr_assert_eq(cpu_pc(f.c) & ~4ull, 0xffffffff80000180ull, "in handler");
	fix_free(&f);
}

Test(exc, budget_ending_on_a_branch_stops_before_its_delay_slot)
{
	uint32_t w[] = {I_ADDIU(2, 0, 1), I_BEQ(0, 0, 2), I_ADDIU(3, 0, 7),
			I_NOP, I_ADDIU(4, 0, 9)};
	struct fix f = fix_boot(w, 5, 0);
	cpu_run(f.c, 2);
	cr_assert_eq(cpu_insns(f.c), 2);
	cr_assert_eq(cpu_pc(f.c), 0xffffffff80001008ull, "at the delay slot");
	cr_assert_eq(cpu_gpr(f.c, 3), 0);
	cpu_run(f.c, 2);
	cr_assert_eq(cpu_insns(f.c), 4);
	cr_assert_eq(cpu_gpr(f.c, 3), 7);
	cr_assert_eq(cpu_gpr(f.c, 4), 9, "continued at the branch target");
	fix_free(&f);
}

Test(exc, interrupt_between_branch_and_delay_slot_reports_the_branch)
{
	uint32_t w[] = {I_NOP, I_BEQ(0, 0, 2), I_NOP, I_NOP, I_NOP};
	struct fix f = fix_boot(w, 5, ST_IE | (1u << 8));
	cpu_run(f.c, 2);
	f.c->cp0.cause |= 1u << 8; /* software interrupt 0, as mtc0 would */
	cpu_run(f.c, 1);
	cr_assert_eq(cpu_exception_count(f.c, EXC_INT), 1);
	cr_assert_eq(cpu_cp0(f.c, CP0_EPC), 0xffffffff80001004ull);
	cr_assert(cpu_cp0(f.c, CP0_CAUSE) & CAUSE_BD);
	fix_free(&f);
}

/* Run the fixture's CPU for a million cycles (a thread body). */
static void *run_million(void *arg)
{
	cpu_run(((struct fix *)arg)->c, 1000000);
	return NULL;
}

Test(exc, branches_in_delay_slots_do_not_nest)
{
	struct fix f = fix_make();
	int n = (FIX_RAM - 0x10000) / 4;
	uint32_t *w = calloc((size_t)n, sizeof(*w));
	for (int k = 0; k < n; k++)
		w[k] = I_BEQ(0, 0, 1); /* 960 KB of branches, each in a slot */
	fix_code(&f, 0x10000, w, n);
	f.c->cp0.status = 0;
	cpu_update_mode(f.c);
	cpu_set_pc(f.c, 0x80010000u);
	/* A 256 KB stack: nesting one call per delay slot would overflow it. */
	pthread_attr_t attr;
	pthread_t t;
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 256 * 1024);
	cr_assert_eq(pthread_create(&t, &attr, run_million, &f), 0);
	pthread_join(t, NULL);
	cr_assert_eq(cpu_insns(f.c), 1000000);
	free(w);
	fix_free(&f);
}

Test(exc, instruction_count)
{
	uint32_t w[8] = {0};
	w[6] = I_BEQ(0, 0, -7);
	struct fix f = fix_boot(w, 8, 0);
	cpu_run(f.c, 800);
	cr_assert_eq(cpu_insns(f.c), 800);
	cr_assert_eq(cpu_pc(f.c), 0xffffffff80001000ull);
	fix_free(&f);
}

Test(exc, cp0_unusable_in_user_mode)
{
	uint32_t w[] = {I_MFC0(2, 12)};
	struct fix f = fix_make();
	fix_code(&f, 0x1000, w, 1);
	/* user mode code at kuseg 0x1000 needs a mapping: use a global entry */
	f.c->cp0.status = 0;
	cpu_update_mode(f.c);
	f.c->cp0.entryhi = 0;
	f.c->cp0.entrylo0 = 0;
	f.c->cp0.entrylo1 = (1u << 6) | 7u;
	cpu_tlb_write(f.c, 0, 0);
	f.c->cp0.status = 2u << ST_KSU_SHIFT;
	cpu_update_mode(f.c);
	cpu_set_pc(f.c, 0x1000);
	cpu_run(f.c, 1);
	cr_assert_eq((cpu_cp0(f.c, CP0_CAUSE) >> 2) & 31, EXC_CPU);
	cr_assert_eq((cpu_cp0(f.c, CP0_CAUSE) >> 28) & 3, 0);
	fix_free(&f);
}

/* cpu_set_cp0 (debuggers): Cause takes only its software bits IP1..IP0,
   whatever else the value holds; the live bits (IP7 here) stay. */
Test(exc, set_cp0_cause_writes_only_soft_bits)
{
	uint32_t w[] = {I_NOP};
	struct fix f = fix_boot(w, 1, 0);
	f.c->cp0.cause = CAUSE_IP7 | (EXC_SYS << 2);
	cpu_set_cp0(f.c, CP0_CAUSE, 0x300);
	cr_assert_eq((uint32_t)cpu_cp0(f.c, CP0_CAUSE),
		     CAUSE_IP7 | (EXC_SYS << 2) | 0x300u);
	cpu_set_cp0(f.c, CP0_CAUSE, 0);
	cr_assert_eq((uint32_t)cpu_cp0(f.c, CP0_CAUSE), CAUSE_IP7 | (EXC_SYS << 2));
	fix_free(&f);
}

/* cpu_set_cp0 on Status changes the mode as an mtc0 does; on PRId (read
   only) it changes nothing. */
Test(exc, set_cp0_status_mode_and_readonly_prid)
{
	uint32_t w[] = {I_NOP};
	struct fix f = fix_boot(w, 1, 0);
	uint64_t prid = cpu_cp0(f.c, CP0_PRID);
	cpu_set_cp0(f.c, CP0_STATUS, 2u << ST_KSU_SHIFT); /* user, EXL = 0 */
	cr_assert_eq(f.c->mode, CPU_MODE_USER);
	cpu_set_cp0(f.c, CP0_STATUS, 0);
	cr_assert_eq(f.c->mode, CPU_MODE_KERNEL);
	cpu_set_cp0(f.c, CP0_PRID, 0x1234);
	cr_assert_eq(cpu_cp0(f.c, CP0_PRID), prid);
	fix_free(&f);
}
