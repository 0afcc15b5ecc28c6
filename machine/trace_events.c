/*
 * trace_events.c - one line per traced event (formats in trace.h and
 * docs/tracing.md).  Each line starts with a cycle count and a CPU:
 *
 *   1042 cpu0 exc Sys code 8 epc 0x80010010 badvaddr 0x00000000 vector 0x80000180
 *   ^    ^    ^
 *   |    |    category, then its fields
 *   |    the CPU the event belongs to
 *   the CPU's cycle counter (irq: the machine's time)
 *
 * These functions run only while their category is on.
 */
#include "machine/trace_internal.h"

#include "devices/intc.h"
#include "machine/dbg_internal.h" /* dbg_cp0_move, dbg_reg_name */
#include "machine/bootinfo.h"
#include "numa/numa.h"

/* CPU cpu's cycle counter, or the machine's time if cpu is no CPU. */
static unsigned long long trace_cycles(const struct trace *t, int cpu)
{
	const struct machine *m = t->m;
	if (cpu >= 0 && cpu < m->ncpus)
		return (unsigned long long)cpu_cycles(m->cpus[cpu]);
	return (unsigned long long)m->svc.now(m->svc.ctx);
}

/* The machine's time (the running CPU's clock inside a quantum). */
static unsigned long long trace_now(const struct trace *t)
{
	return (unsigned long long)t->m->svc.now(t->m->svc.ctx);
}

/* Capstone's text for instruction word w at pc, into buf. */
void trace_disas(struct trace *t, uint32_t w, uint32_t pc, char *buf,
		 size_t len)
{
	uint8_t b[4] = {w >> 24, w >> 16, w >> 8, w};
	const uint8_t *code = b;
	size_t size = sizeof b;
	uint64_t addr = pc;
	char ops[160];
	if (!t->cs_ok || !cs_disasm_iter(t->cs, &code, &size, &addr, t->insn)) {
		snprintf(buf, len, ".word 0x%08x", w);
		return;
	}
	char reg[96];
	const char *cp0 = dbg_cp0_move(w, reg, sizeof reg);
	if (cp0 != NULL)
		snprintf(ops, sizeof ops, "%s # %s", reg, cp0);
	else
		snprintf(ops, sizeof ops, "%s", t->insn->op_str);
	snprintf(buf, len, "%s%s%s", t->insn->mnemonic, ops[0] ? " " : "",
		 ops);
}

/* insn: about to execute word at pc. */
static void trace_insn(void *ctx, int cpu, uint32_t pc, uint32_t word)
{
	struct trace *t = ctx;
	char text[160];
	trace_disas(t, word, pc, text, sizeof text);
	fprintf(trace_out(t, TRACE_INSN), "%llu cpu%d insn 0x%08x %08x %s\n",
		trace_cycles(t, cpu), cpu, pc, word, text);
}

/* True if vector is a TLB refill vector (TLB or XTLB, BEV 0 or 1). */
static bool trace_refill_vector(uint32_t vector)
{
	return vector == 0x80000000u || vector == 0x80000080u ||
	       vector == 0xBFC00200u || vector == 0xBFC00280u;
}

/* exc: an exception was delivered (and, for tlb, a refill). */
static void trace_exc(void *ctx, int cpu, int code, uint64_t epc,
		      uint32_t badvaddr, uint32_t vector)
{
	struct trace *t = ctx;
	const char *name = cpu_exception_name(code);
	char buf[16];
	if (name == NULL) {
		snprintf(buf, sizeof buf, "exc%d", code);
		name = buf;
	}
	if (t->mask & TRACE_EXC)
		fprintf(trace_out(t, TRACE_EXC), "%llu cpu%d exc %s code %d "
			"epc 0x%08x badvaddr 0x%08x vector 0x%08x\n",
			trace_cycles(t, cpu), cpu, name, code, (uint32_t)epc,
			badvaddr, vector);
	if ((t->mask & TRACE_TLB) && trace_refill_vector(vector))
		fprintf(trace_out(t, TRACE_TLB), "%llu cpu%d tlb refill %s "
			"badvaddr 0x%08x epc 0x%08x vector 0x%08x\n",
			trace_cycles(t, cpu), cpu, name, badvaddr,
			(uint32_t)epc, vector);
}

/* tlb: entry index was written by the tlbwi/tlbwr at pc. */
static void trace_tlb(void *ctx, int cpu, int index,
		      const struct cpu_tlb_entry *e, uint32_t pc)
{
	struct trace *t = ctx;
	char entry[200];
	trace_tlb_entry(e, entry, sizeof entry);
	fprintf(trace_out(t, TRACE_TLB), "%llu cpu%d tlb write %d %s pc "
		"0x%08x\n", trace_cycles(t, cpu), cpu, index, entry, pc);
}

const struct cpu_trace_ops trace_cpu_ops = {
	.insn = trace_insn,
	.exc = trace_exc,
	.tlb = trace_tlb,
};

/* Write d's name into buf, with the unit for a disk ("disk1"). */
static void trace_dev_name(const struct trace *t, const struct device *d,
			   char *buf, size_t len)
{
	const struct machine *m = t->m;
	snprintf(buf, len, "%s", d->ops->name);
	for (int i = 0; i < m->ndevs; i++)
		if (m->devs[i].dev == d && m->devs[i].type == BI_DEV_DISK)
			snprintf(buf, len, "%s%d", d->ops->name,
				 m->devs[i].unit);
}

/* A device register access by cpu (d NULL: no device answers there). */
void trace_dev(struct trace *t, int cpu, const struct device *d,
	       uint32_t paddr, int size, uint64_t val, bool write,
	       enum cpu_bus_result r)
{
	char name[32], where[48], value[24];
	if (d != NULL) {
		trace_dev_name(t, d, name, sizeof name);
		snprintf(where, sizeof where, "%s +0x%x", name, paddr - d->base);
	} else {
		snprintf(where, sizeof where, "none 0x%08x", paddr);
	}
	if (r != CPU_BUS_OK)
		snprintf(value, sizeof value, "bus-error");
	else
		snprintf(value, sizeof value, "0x%0*llx", 2 * size,
			 (unsigned long long)val);
	fprintf(trace_out(t, TRACE_DEV), "%llu cpu%d dev %c %s size %d %s\n",
		trace_cycles(t, cpu), cpu, write ? 'w' : 'r', where, size,
		value);
}

/* The interrupt controller drove line (0 or 1) of cpu to level. */
void trace_irq_line(struct trace *t, int cpu, int line, bool level)
{
	fprintf(trace_out(t, TRACE_IRQ), "%llu cpu%d irq line %d level %d\n",
		trace_now(t), cpu, line, level);
}

/* Write the name of interrupt source s into buf (intc.h's numbering). */
static void trace_source_name(int s, char *buf, size_t len)
{
	if (s == DEV_INTC_SRC_CONSOLE)
		snprintf(buf, len, "console");
	else if (s >= DEV_INTC_SRC_DISK(0) && s <= DEV_INTC_SRC_DISK(7))
		snprintf(buf, len, "disk%d", s - DEV_INTC_SRC_DISK(0));
	else if (s == DEV_INTC_SRC_NUMA)
		snprintf(buf, len, "numa");
	else
		snprintf(buf, len, "src%d", s);
}

/* A device drove interrupt source source to level. */
void trace_irq_source(struct trace *t, int source, bool level)
{
	const struct machine *m = t->m;
	char name[16], cpu[16] = "cpu-";
	int n = m->intc != NULL ? dev_intc_route(m->intc, source) : -1;
	if (n >= 0)
		snprintf(cpu, sizeof cpu, "cpu%d", n);
	trace_source_name(source, name, sizeof name);
	fprintf(trace_out(t, TRACE_IRQ), "%llu %s irq source %d %s level %d\n",
		trace_now(t), cpu, source, name, level);
}

/* The interrupt controller's IPI hook: from sent IPIs to mask. */
void trace_ipi(void *ctx, int from, uint32_t mask)
{
	struct trace *t = ctx;
	fprintf(trace_out(t, TRACE_IRQ), "%llu cpu%d irq ipi to 0x%x\n",
		trace_now(t), from, mask);
}

/* The memory system's miss hook: one primary-cache miss of cpu. */
void trace_mem(void *ctx, int cpu, uint32_t pa, enum cpu_ref ref,
	       const char *from, uint32_t latency)
{
	static const char *const kinds[] = {
		[CPU_REF_IFETCH] = "ifetch", [CPU_REF_LOAD] = "load",
		[CPU_REF_STORE] = "store", [CPU_REF_UNCACHED] = "uncached",
	};
	struct trace *t = ctx;
	char home[16] = "-";
	int h = numa_home(t->m->numa, pa);
	if (h >= 0)
		snprintf(home, sizeof home, "%d", h);
	fprintf(trace_out(t, TRACE_MEM), "%llu cpu%d mem %s 0x%08x home %s "
		"page 0x%05x from %s latency %u\n", trace_cycles(t, cpu), cpu,
		(unsigned)ref < 4 ? kinds[ref] : "?", pa, home,
		pa >> NUMA_PAGE_SHIFT, from, latency);
}
