/*
 * debugpoints.c - what debuggers and tracers attach to a CPU: data
 * watchpoints, trace hooks and the TLB checker.  The CPU pays for them
 * only while they are set.
 */
#include "cpu/cpu_internal.h"

/* Drop the data shortcuts, so that every access meets the watchpoints. */
static void dp_flush_data(struct cpu *c)
{
	for (int m = 0; m < CPU_NMODES; m++)
		for (int k = 0; k < CPU_STLB_N; k++) {
			c->rd[m][k].tag = CPU_STLB_INVALID;
			c->wr[m][k].tag = CPU_STLB_INVALID;
		}
}

/* Stop after an access of kind to virtual [va, va+len); false if full. */
bool cpu_watch_add(struct cpu *c, uint64_t va, uint32_t len,
		   enum cpu_watch_kind kind)
{
	if (c->nwatches >= CPU_MAX_BREAKS || len == 0)
		return false;
	c->watches[c->nwatches++] = (struct cpu_watch){
		.va = (uint32_t)va, .len = len, .kind = kind,
	};
	dp_flush_data(c);
	return true;
}

/* Remove a watchpoint added with the same arguments; false if none. */
bool cpu_watch_remove(struct cpu *c, uint64_t va, uint32_t len,
		      enum cpu_watch_kind kind)
{
	for (int k = 0; k < c->nwatches; k++) {
		struct cpu_watch *w = &c->watches[k];
		if (w->va == (uint32_t)va && w->len == len && w->kind == kind) {
			*w = c->watches[--c->nwatches];
			return true;
		}
	}
	return false;
}

/* After CPU_STOP_WATCH: the data address and the access kind that hit. */
bool cpu_watch_hit(const struct cpu *c, uint64_t *va,
		   enum cpu_watch_kind *kind)
{
	if (c->watch_kind == 0)
		return false;
	*va = sx32(c->watch_va);
	*kind = c->watch_kind;
	return true;
}

/* Call ops for the events in mask (0: tracing off, no cost). */
void cpu_set_trace(struct cpu *c, const struct cpu_trace_ops *ops,
		   void *ctx, unsigned mask)
{
	c->trace = ops;
	c->trace_ctx = ctx;
	c->trace_mask = ops ? mask : 0;
	cpu_end_chunk(c); /* the dispatch loop is chosen per chunk */
}

/* Tell the insn hook about the instruction at ip, if it is a real one. */
void cpu_trace_insn(struct cpu *c, struct dinsn *ip)
{
	struct cpu_dpage *pg = c->cur_page;
	if (pg == NULL || ip < pg->insn || ip >= pg->insn + CPU_PAGE_INSNS)
		return; /* a fetch fault or an end-of-page sentinel */
	const uint8_t *h = pg->host + ((ip - pg->insn) << 2);
	uint32_t w = (uint32_t)h[0] << 24 | (uint32_t)h[1] << 16 |
		     (uint32_t)h[2] << 8 | h[3];
	c->trace->insn(c->trace_ctx, c->id, cpu_pc_of(c, ip), w);
}

/* Turn the TLB checker on or off. */
void cpu_set_check_tlb(struct cpu *c, bool on)
{
	c->check_tlb = on;
}

/* After CPU_STOP_TLB: the entry just written and the one it overlaps. */
bool cpu_tlb_conflict(const struct cpu *c, int *written, int *other)
{
	if (!c->check_tlb || c->tlb_written == c->tlb_other)
		return false;
	*written = c->tlb_written;
	*other = c->tlb_other;
	return true;
}

/* Address of the instruction that last wrote TLB entry k (0: reset). */
uint32_t cpu_tlb_writer(const struct cpu *c, int k)
{
	return k >= 0 && k < CPU_TLB_ENTRIES ? c->tlb_writer[k] : 0;
}
