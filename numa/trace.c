/*
 * trace.c - telling a tracer about every miss (--trace mem).
 *
 * numa_miss takes this path only while a tracer is set.  What served the
 * miss is read from the CPU's counters before and after the untraced
 * path, so the miss path itself carries no tracing code.
 */
#include "numa/numa_internal.h"

/* Call fn for every miss from now on (NULL: stop). */
void numa_set_trace(struct numa *n, numa_trace_fn fn, void *ctx)
{
	n->trace = fn;
	n->trace_ctx = ctx;
}

/* What served a miss, from CPU counters a (before) and b (after). */
static const char *numa_served(const struct numa *n, int cpu, uint32_t pa,
			       const struct numa_cpu_stats *a,
			       const struct numa_cpu_stats *b)
{
	if (b->device_refs != a->device_refs)
		return "device";
	if (b->l2_hits != a->l2_hits)
		return "l2";
	if (b->upgrades != a->upgrades)
		return "upgrade";
	if (b->l2_misses_remote != a->l2_misses_remote)
		return "remote";
	if (b->l2_misses_local != a->l2_misses_local)
		return "local";
	return numa_home(n, pa) == numa_cpu_node(n, cpu) ? "local" : "remote";
}

/* The miss path with the tracer told about the miss. */
uint32_t numa_miss_traced(struct numa *n, int cpu, uint32_t pa,
			  enum cpu_ref ref)
{
	struct numa_cpu_stats before = n->cpu[cpu].st;
	uint32_t cost = numa_miss_untraced(n, cpu, pa, ref);

	n->trace(n->trace_ctx, cpu, pa, ref,
		 numa_served(n, cpu, pa, &before, &n->cpu[cpu].st), cost);
	return cost;
}
