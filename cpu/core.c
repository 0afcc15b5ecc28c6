/*
 * core.c - creating, resetting and running a CPU: the dispatch loop,
 * instruction fetch, branches, the Count/Compare timer, interrupts and
 * breakpoints.
 */
#include <stdlib.h>

#include "cpu/cpu_internal.h"

#define CORE_CHUNK 1000000 /* cycles between interrupt checks at most */

/*
 * Config as this machine's R4000 reports it (User's Manual fig. 5-16):
 * SB=3 (128-byte L2 lines), BE=1, IC=DC=2 (16 KB primary caches),
 * IB=DB=1 (32-byte primary lines), K0=3 (cacheable noncoherent).
 */
#define CORE_CONFIG ((3u << 22) | (1u << 15) | (2u << 9) | (2u << 6) | \
		     (1u << 5) | (1u << 4) | 3u)
#define CORE_PRID 0x00000422u /* Imp 4 (R4000), Rev 2.2 */

/* Create CPU number id on the physical memory p, in cold-reset state. */
struct cpu *cpu_create(struct cpu_phys *p, int id)
{
	if (p->ncpus >= CPU_MAX)
		return NULL;
	struct cpu *c = calloc(1, sizeof(*c));
	if (!c)
		return NULL;
	c->phys = p;
	c->id = id;
	p->cpus[p->ncpus++] = c;
	cpu_reset(c, 0xBFC00000u);
	return c;
}

/* Free a CPU. */
void cpu_destroy(struct cpu *c)
{
	if (!c)
		return;
	struct cpu_phys *p = c->phys;
	for (int k = 0; k < p->ncpus; k++)
		if (p->cpus[k] == c) {
			p->cpus[k] = p->cpus[--p->ncpus];
			break;
		}
	free(c);
}

/* Cold reset: Status ERL=1 BEV=1, PC = pc, TLB and registers cleared. */
void cpu_reset(struct cpu *c, uint64_t pc)
{
	struct cpu_phys *p = c->phys;
	int id = c->id, nbreaks = c->nbreaks;
	const struct cpu_timing *timing = c->timing;
	const struct cpu_trace_ops *trace = c->trace;
	void *trace_ctx = c->trace_ctx;
	unsigned trace_mask = c->trace_mask;
	bool check_tlb = c->check_tlb;
	int nwatches = c->nwatches;
	struct cpu_watch watches[CPU_MAX_BREAKS];
	memcpy(watches, c->watches, sizeof(watches));
	uint32_t breaks[CPU_MAX_BREAKS];
	memcpy(breaks, c->breaks, sizeof(breaks));
	memset(c, 0, sizeof(*c));
	c->phys = p;
	c->id = id;
	c->nbreaks = nbreaks; /* breakpoints belong to the debugger */
	memcpy(c->breaks, breaks, sizeof(breaks));
	c->timing = timing; /* the memory system is the machine's, too */
	c->trace = trace, c->trace_ctx = trace_ctx, c->trace_mask = trace_mask;
	c->check_tlb = check_tlb;
	c->nwatches = nwatches;
	memcpy(c->watches, watches, sizeof(watches));
	c->cp0.status = ST_ERL | ST_BEV;
	c->cp0.config = CORE_CONFIG;
	c->cp0.prid = CORE_PRID;
	for (int k = 0; k < CPU_TLB_ENTRIES; k++)
		c->tlb[k].entryhi = 0x80000000u + ((uint32_t)k << 13);
	cpu_fpu_reset(c);
	cpu_update_mode(c);
	cpu_stlb_flush_all(c);
	cpu_timer_reschedule(c);
	c->pc = (uint32_t)pc;
}

/* Count as software reads it now. */
uint32_t cpu_count(const struct cpu *c)
{
	return (uint32_t)(c->count_base + (cpu_now_cycles(c) - c->count_at) / 2);
}

/* Recompute the cycle at which Count next becomes equal to Compare. */
void cpu_timer_reschedule(struct cpu *c)
{
	uint64_t now = cpu_now_cycles(c);
	uint64_t k = (now - c->count_at) / 2; /* Count ticks so far */
	uint32_t delta = c->cp0.compare - (uint32_t)(c->count_base + k);
	uint64_t ticks = delta ? delta : (1ull << 32);
	c->timer_due = c->count_at + 2 * (k + ticks);
}

/* Raise IP7 if Count has reached Compare. */
static void core_timer_check(struct cpu *c)
{
	if (cpu_now_cycles(c) >= c->timer_due) {
		c->cp0.cause |= CAUSE_IP7;
		c->timer_due += 2ull << 32;
	}
}

/* Use timing model t for every memory reference (NULL: no stalls). */
void cpu_set_timing(struct cpu *c, const struct cpu_timing *t)
{
	c->timing = t;
	cpu_stlb_flush_all(c); /* shortcuts were filled under other rules */
}

/* Drive hardware interrupt line 0..4 (Cause.IP2..IP6). */
void cpu_set_irq(struct cpu *c, int line, bool level)
{
	if (line < 0 || line > 4)
		return;
	uint32_t bit = 1u << (CAUSE_IP_SHIFT + 2 + line);
	if (level)
		c->cp0.cause |= bit;
	else
		c->cp0.cause &= ~bit;
	cpu_end_chunk(c);
}

/* Ask the CPU to leave cpu_run after the current instruction. */
void cpu_request_stop(struct cpu *c)
{
	cpu_stop_with(c, CPU_STOP_REQUEST);
}

/* Remember a fetch that failed; executing the marker raises it. */
static struct dinsn *op_fetch_fault(struct cpu *c, struct dinsn *i)
{
	(void)i;
	return cpu_raise_addr(c, c->fault_va, c->fault_code, c->fault_va,
			      c->fault_tlb, c->fault_refill);
}

/* The fetch-fault marker for va, exception code, TLB flags. */
static struct dinsn *core_fetch_fault(struct cpu *c, uint32_t va, int code,
				      bool tlb, bool refill)
{
	c->fault_va = va;
	c->fault_code = code;
	c->fault_tlb = tlb;
	c->fault_refill = refill;
	c->fault_insn.fn = op_fetch_fault;
	return &c->fault_insn;
}

/* Translate a fetch from va, fill the instruction shortcut, return it. */
struct dinsn *cpu_fetch_slow(struct cpu *c, uint32_t va)
{
	uint32_t pa;
	bool refill, cacheable;
	if (va & 3u)
		return core_fetch_fault(c, va, EXC_ADEL, false, false);
	int code = cpu_translate(c, va, CPU_FETCH, &pa, &refill, &cacheable);
	if (code == EXC_IBE)
		return core_fetch_fault(c, va, EXC_IBE, false, false);
	if (code)
		return core_fetch_fault(c, va, code, code == EXC_TLBL, refill);
	struct cpu_dpage *page = cpu_phys_dpage(c->phys, pa);
	if (!page)
		return core_fetch_fault(c, va, EXC_IBE, false, false);
	struct cpu_itlb *e = &c->it[c->mode][(va >> 12) & (CPU_STLB_N - 1)];
	e->tag = va & ~0xfffu;
	e->page = page;
	c->cur_page = page;
	c->cur_vbase = va & ~0xfffu;
	return &page->insn[(va & 0xfff) >> 2];
}

/* The end-of-page sentinel: continue on the next page (not an insn). */
struct dinsn *op_page_end(struct cpu *c, struct dinsn *i)
{
	c->left++;
	return cpu_fetch(c, cpu_pc_of(c, i));
}

/*
 * Run the delay slot of the branch at i, with Cause.BD semantics should it
 * raise an exception.  Returns what the slot says runs next (the handler,
 * if it raised an exception: *raised is then set).
 */
static struct dinsn *core_delay_slot(struct cpu *c, struct dinsn *i,
				     bool *raised)
{
	struct dinsn *ds = i + 1;
	*raised = false;
	if (unlikely(c->in_delay))
		return ds; /* a branch in a delay slot: see cpu_branch */
	c->in_delay = true;
	if (unlikely(ds->fn == op_page_end))
		ds = cpu_fetch(c, cpu_pc_of(c, i) + 4);
	if (unlikely(c->trace_mask & CPU_TRACE_INSN))
		cpu_trace_insn(c, ds);
	c->left--;
	struct dinsn *r = ds->fn(c, ds);
	*raised = !c->in_delay; /* exception delivery clears in_delay */
	c->in_delay = false;
	return r;
}

/*
 * The chunk ran out on the branch at i: stop before its delay slot and
 * remember where the branch goes, so that instruction counts stay exact.
 */
static struct dinsn *core_defer(struct cpu *c, struct dinsn *i,
				uint32_t target)
{
	c->branch_pending = true;
	c->branch_target = target;
	return i + 1;
}

/* Resume a deferred branch: run its delay slot ds, then go to the target. */
static struct dinsn *core_resume(struct cpu *c, struct dinsn *ds)
{
	c->branch_pending = false;
	c->in_delay = true;
	if (unlikely(c->trace_mask & CPU_TRACE_INSN))
		cpu_trace_insn(c, ds);
	c->left--;
	struct dinsn *r = ds->fn(c, ds);
	if (!c->in_delay)
		return r; /* the delay slot raised an exception */
	c->in_delay = false;
	return cpu_fetch(c, c->branch_target);
}

/*
 * A taken branch at i: run its delay slot, then continue at target.  A
 * branch that sits in another branch's delay slot (UNPREDICTABLE on the
 * R4000) runs no delay slot of its own and the outer branch's target wins,
 * so a page full of branches cannot nest calls without bound.
 */
struct dinsn *cpu_branch(struct cpu *c, struct dinsn *i, uint32_t target)
{
	bool raised;
	if (unlikely(c->left <= 0))
		return core_defer(c, i, target);
	struct dinsn *r = core_delay_slot(c, i, &raised);
	if (unlikely(raised))
		return r;
	if (likely(((target ^ c->cur_vbase) & ~0xffcu) == 0))
		return &c->cur_page->insn[(target & 0xfff) >> 2];
	return cpu_fetch(c, target);
}

/*
 * A branch at i that is not taken: its delay slot still runs as a delay
 * slot (an exception there reports the branch in EPC, with BD set).
 */
struct dinsn *cpu_not_taken(struct cpu *c, struct dinsn *i)
{
	bool raised;
	if (unlikely(c->left <= 0))
		return core_defer(c, i, cpu_pc_of(c, i) + 8);
	return core_delay_slot(c, i, &raised);
}

/* A taken jump to a register value (an unaligned one faults at fetch). */
struct dinsn *cpu_jump_reg(struct cpu *c, struct dinsn *i, uint64_t target)
{
	return cpu_branch(c, i, (uint32_t)target);
}

/* True if pc is a breakpoint address. */
static bool core_is_break(const struct cpu *c, uint32_t pc)
{
	for (int k = 0; k < c->nbreaks; k++)
		if (c->breaks[k] == pc)
			return true;
	return false;
}

/*
 * Charge the fetch of the primary cache line holding ip to the timing
 * model.  Decoded pages are 4 KB-aligned, so the dinsns of one line form an
 * aligned group and the loop notices a new line by the pointer alone.
 * Uncached code (kseg1, boot PROM) is charged once per line, not per
 * instruction.
 */
static void core_ifetch(struct cpu *c, struct dinsn *ip)
{
	struct cpu_dpage *pg = c->cur_page;
	if (pg == NULL || ip < pg->insn || ip >= pg->insn + CPU_PAGE_INSNS)
		return; /* a fetch fault or an end-of-page sentinel */
	uint32_t pa = pg->paddr + (uint32_t)((ip - pg->insn) << 2);
	uint32_t va = cpu_pc_of(c, ip);
	if (va >= 0xA0000000u && va < 0xC0000000u)
		cpu_timing_miss(c, pa, CPU_REF_UNCACHED);
	else
		cpu_l1(c, pa, CPU_REF_IFETCH);
}

/* Run the chunk checking breakpoints and instruction fetches as it goes. */
static struct dinsn *core_loop_checked(struct cpu *c, struct dinsn *ip)
{
	bool skip = c->at_break;
	uintptr_t line_mask = 0, line = 0;
	if (c->timing)
		line_mask = ~(((uintptr_t)1 << (c->timing->line_shift + 2)) - 1);
	c->at_break = false;
	while (c->left > 0) {
		if (c->nbreaks && !skip && core_is_break(c, cpu_ip_pc(c, ip))) {
			c->at_break = true;
			cpu_end_chunk(c);
			break;
		}
		skip = false;
		if (c->trace_mask & CPU_TRACE_INSN)
			cpu_trace_insn(c, ip);
		if (line_mask && ((uintptr_t)ip & line_mask) != line) {
			line = (uintptr_t)ip & line_mask;
			core_ifetch(c, ip);
		}
		c->left--;
		ip = ip->fn(c, ip);
	}
	return ip;
}

/* Run one chunk of n cycles from c->pc, with no interrupt check inside. */
static void core_chunk(struct cpu *c, int64_t n)
{
	c->chunk = n;
	c->left = n;
	struct dinsn *ip = cpu_fetch(c, c->pc);
	if (unlikely(c->branch_pending))
		ip = core_resume(c, ip);
	if (unlikely(c->nbreaks || c->timing ||
		     (c->trace_mask & CPU_TRACE_INSN)))
		ip = core_loop_checked(c, ip);
	else
		for (c->at_break = false; c->left > 0;) {
			c->left--;
			ip = ip->fn(c, ip);
		}
	c->pc = cpu_ip_pc(c, ip);
	c->cycles += (uint64_t)(c->chunk - c->left);
	c->chunk = c->left = 0;
}

/*
 * A CPU parked by WAIT: wake it if an interrupt is pending (IP & IM, as
 * the R4600 does, whatever IE says), or let time pass up to the timer
 * within the budget.  Returns the cycles that passed, or -1 if nothing
 * the CPU itself has can wake it (then the caller lets the budget pass).
 */
static int64_t core_wait(struct cpu *c, uint64_t budget)
{
	if (c->cp0.cause & c->cp0.status & ST_IM) {
		c->waiting = false;
		return 0;
	}
	if (!(c->cp0.status & ST_IM7))
		return -1; /* only a device or another CPU can wake it */
	uint64_t gap = c->timer_due - c->cycles;
	if (gap > budget)
		gap = budget;
	c->cycles += gap;
	c->stall += gap;
	return (int64_t)gap;
}

/* Run for up to max_cycles cycles; say why it stopped. */
enum cpu_stop cpu_run(struct cpu *c, uint64_t max_cycles)
{
	uint64_t end = c->cycles + max_cycles;
	c->pending = CPU_STOP_BUDGET;
	c->watch_kind = 0;
	c->tlb_written = c->tlb_other = 0;
	while (c->cycles < end) {
		core_timer_check(c);
		if (c->waiting) {
			int64_t passed = core_wait(c, end - c->cycles);
			if (passed < 0) {
				c->stall += end - c->cycles;
				c->cycles = end; /* time passes while parked */
				return CPU_STOP_IDLE;
			}
			if (c->waiting)
				continue;
		}
		if (cpu_irq_ready(c))
			cpu_take_interrupt(c);
		uint64_t n = end - c->cycles;
		if (n > c->timer_due - c->cycles)
			n = c->timer_due - c->cycles;
		if (n > CORE_CHUNK)
			n = CORE_CHUNK;
		core_chunk(c, (int64_t)n);
		if (c->pending != CPU_STOP_BUDGET)
			return c->pending;
		if (c->at_break)
			return CPU_STOP_BREAK;
	}
	return CPU_STOP_BUDGET;
}

/* Stop before executing virtual address pc (max 16); false if full. */
bool cpu_break_add(struct cpu *c, uint64_t pc)
{
	if (core_is_break(c, (uint32_t)pc))
		return true;
	if (c->nbreaks >= CPU_MAX_BREAKS)
		return false;
	c->breaks[c->nbreaks++] = (uint32_t)pc;
	return true;
}

/* Remove a breakpoint; false if it was not set. */
bool cpu_break_remove(struct cpu *c, uint64_t pc)
{
	for (int k = 0; k < c->nbreaks; k++)
		if (c->breaks[k] == (uint32_t)pc) {
			c->breaks[k] = c->breaks[--c->nbreaks];
			return true;
		}
	return false;
}
