/* test_debugpoints.c - watchpoints, trace hooks, TLB checker. */
#include <criterion/criterion.h>

#include "tests/unit/cpu_fixture.h"

Test(debugpoints, write_watch_stops_after_the_store)
{
	struct fix f = fix_make();
	uint32_t w[] = {I_LW(2, 0, 3), I_SW(4, 4, 3), I_NOP, I_NOP};
	fix_boot_into(&f, w, 4, 0);
	cpu_set_gpr(f.c, 3, 0x80002000u);
	cpu_set_gpr(f.c, 4, 0x1234);
	cr_assert(cpu_watch_add(f.c, 0x80002004u, 4, CPU_WATCH_WRITE));
	cr_assert_eq(cpu_run(f.c, 100), CPU_STOP_WATCH);
	cr_assert_eq(cpu_pc(f.c), 0xffffffff80001008ull, "after the store");
	cr_assert_eq(f.ram[0x2007], 0x34, "the store happened");
	uint64_t va;
	enum cpu_watch_kind k;
	cr_assert(cpu_watch_hit(f.c, &va, &k));
	cr_assert_eq(va, 0xffffffff80002004ull);
	cr_assert_eq(k, CPU_WATCH_WRITE);
	fix_free(&f);
}

Test(debugpoints, read_watch_ignores_stores_and_removal_works)
{
	struct fix f = fix_make();
	uint32_t w[] = {I_SW(4, 0, 3), I_LW(2, 0, 3), I_NOP, I_NOP};
	fix_boot_into(&f, w, 4, 0);
	cpu_set_gpr(f.c, 3, 0x80002000u);
	cr_assert(cpu_watch_add(f.c, 0x80002000u, 4, CPU_WATCH_READ));
	cr_assert_eq(cpu_run(f.c, 100), CPU_STOP_WATCH);
	cr_assert_eq(cpu_pc(f.c), 0xffffffff80001008ull, "stopped at the load");
	cr_assert(cpu_watch_remove(f.c, 0x80002000u, 4, CPU_WATCH_READ));
	cr_assert_eq(cpu_run(f.c, 10), CPU_STOP_BUDGET);
	fix_free(&f);
}

/* Counters the trace hooks fill. */
struct tally {
	int insns, excs, tlbs, last_code;
	uint32_t last_vector, last_pc;
};

/* Count one instruction. */
static void t_insn(void *ctx, int cpu, uint32_t pc, uint32_t word)
{
	struct tally *t = ctx;
	(void)cpu, (void)word;
	t->insns++;
	t->last_pc = pc;
}

/* Count one exception. */
static void t_exc(void *ctx, int cpu, int code, uint64_t epc, uint32_t bad,
		  uint32_t vector)
{
	struct tally *t = ctx;
	(void)cpu, (void)epc, (void)bad;
	t->excs++;
	t->last_code = code;
	t->last_vector = vector;
}

/* Count one TLB write. */
static void t_tlb(void *ctx, int cpu, int index, const struct cpu_tlb_entry *e,
		  uint32_t pc)
{
	struct tally *t = ctx;
	(void)cpu, (void)index, (void)e, (void)pc;
	t->tlbs++;
}

static const struct cpu_trace_ops tally_ops = {t_insn, t_exc, t_tlb};

Test(debugpoints, trace_sees_every_instruction_and_exception)
{
	struct fix f = fix_make();
	uint32_t w[] = {I_NOP, I_BEQ(0, 0, 2), I_NOP, I_NOP, I_SYSCALL};
	fix_boot_into(&f, w, 5, 0);
	struct tally t = {0};
	cpu_set_trace(f.c, &tally_ops, &t, CPU_TRACE_INSN | CPU_TRACE_EXC);
	cpu_run(f.c, 4); /* nop, beq, its delay slot, syscall */
	cr_assert_eq(t.insns, 4, "delay slots are traced too");
	cr_assert_eq(t.excs, 1);
	cr_assert_eq(t.last_code, EXC_SYS);
	cr_assert_eq(t.last_vector, 0x80000180u);
	cpu_set_trace(f.c, NULL, NULL, 0);
	fix_free(&f);
}

Test(debugpoints, tlb_checker_catches_overlap_and_names_the_writer)
{
	struct fix f = fix_make();
	uint32_t w[] = {I_MTC0(5, 2), I_TLBWI, I_MTC0(6, 0), I_TLBWI, I_NOP};
	fix_boot_into(&f, w, 5, 0);
	f.c->cp0.entryhi = 0x00400005u; /* VPN2 0x00400000, ASID 5 */
	f.c->cp0.pagemask = 0;
	f.c->cp0.index = 3;
	cpu_set_gpr(f.c, 5, 0x1007);   /* EntryLo0: G V D */
	cpu_set_gpr(f.c, 6, 9);        /* then Index 9: the same mapping */
	struct tally t = {0};
	cpu_set_trace(f.c, &tally_ops, &t, CPU_TRACE_TLB);
	cpu_set_check_tlb(f.c, true);
	cr_assert_eq(cpu_run(f.c, 100), CPU_STOP_TLB);
	int a, b;
	cr_assert(cpu_tlb_conflict(f.c, &a, &b));
	cr_assert_eq(a, 9);
	cr_assert_eq(b, 3);
	cr_assert_eq(cpu_tlb_writer(f.c, 3), 0x80001004u);
	cr_assert_eq(cpu_tlb_writer(f.c, 9), 0x8000100cu);
	cr_assert_eq(t.tlbs, 2);
	fix_free(&f);
}

Test(debugpoints, different_asids_do_not_overlap)
{
	struct fix f = fix_make();
	uint32_t w[] = {I_TLBWI, I_MTC0(5, 10), I_MTC0(6, 0), I_TLBWI, I_NOP,
			I_NOP};
	fix_boot_into(&f, w, 6, 0);
	f.c->cp0.entryhi = 0x00400005u;
	f.c->cp0.entrylo0 = 0x1006; /* V D, not global */
	f.c->cp0.entrylo1 = 0x1006;
	f.c->cp0.index = 3;
	cpu_set_gpr(f.c, 5, 0x00400006u); /* same VPN2, ASID 6 */
	cpu_set_gpr(f.c, 6, 9);
	cpu_set_check_tlb(f.c, true);
	cr_assert_eq(cpu_run(f.c, 6), CPU_STOP_BUDGET);
	fix_free(&f);
}
