/*
 * stats.c - reading the memory system's counters for --stats.
 */
#include <string.h>

#include "numa/numa_internal.h"

/* Copy CPU cpu's counters. */
void numa_stats_cpu(const struct numa *n, int cpu, struct numa_cpu_stats *out)
{
	if (cpu < 0 || cpu >= n->ncpus)
		memset(out, 0, sizeof(*out));
	else
		*out = n->cpu[cpu].st;
}

/* Copy node node's memory-traffic counters. */
void numa_stats_node(const struct numa *n, int node,
		     struct numa_node_stats *out)
{
	if (node < 0 || node >= n->nodes)
		memset(out, 0, sizeof(*out));
	else
		*out = n->node[node];
}

/* CPU cpu's counters as (name, value) pairs; returns how many. */
int numa_cpu_counters(const struct numa *n, int cpu,
		      struct numa_counter out[NUMA_MAX_COUNTERS])
{
	struct numa_cpu_stats s;
	int k = 0;

	numa_stats_cpu(n, cpu, &s);
	out[k++] = (struct numa_counter){"l1i_misses", s.l1i_misses};
	out[k++] = (struct numa_counter){"l1d_misses", s.l1d_misses};
	out[k++] = (struct numa_counter){"l2_hits", s.l2_hits};
	out[k++] = (struct numa_counter){"l2_misses_local", s.l2_misses_local};
	out[k++] = (struct numa_counter){"l2_misses_remote", s.l2_misses_remote};
	out[k++] = (struct numa_counter){"coherence_misses", s.coherence_misses};
	out[k++] = (struct numa_counter){"upgrades", s.upgrades};
	out[k++] = (struct numa_counter){"invalidations_received",
					 s.invalidations_received};
	out[k++] = (struct numa_counter){"downgrades_received",
					 s.downgrades_received};
	out[k++] = (struct numa_counter){"writebacks", s.writebacks};
	out[k++] = (struct numa_counter){"uncached_refs", s.uncached};
	out[k++] = (struct numa_counter){"device_refs", s.device_refs};
	out[k++] = (struct numa_counter){"memory_stall_cycles", s.stall_cycles};
	return k;
}

/* Node node's traffic counters as (name, value) pairs; returns how many. */
int numa_node_counters(const struct numa *n, int node,
		       struct numa_counter out[NUMA_MAX_COUNTERS])
{
	struct numa_node_stats s;
	int k = 0;

	numa_stats_node(n, node, &s);
	out[k++] = (struct numa_counter){"requests_local", s.requests_local};
	out[k++] = (struct numa_counter){"requests_remote", s.requests_remote};
	out[k++] = (struct numa_counter){"bytes", s.bytes};
	out[k++] = (struct numa_counter){"uncached", s.uncached};
	out[k++] = (struct numa_counter){"upgrades", s.upgrades};
	out[k++] = (struct numa_counter){"writebacks", s.writebacks};
	return k;
}

/* Sum of one page's counters over every node. */
static uint64_t numa_page_total(const struct numa *n, uint32_t page)
{
	const uint32_t *c = &n->page_counts[(size_t)page * (size_t)n->nodes];
	uint64_t t = 0;

	for (int j = 0; j < n->nodes; j++)
		t += c[j];
	return t;
}

/* Fill one page's entry with its per-node counts. */
static void numa_page_fill(const struct numa *n, uint32_t page, uint64_t total,
			   struct numa_page_stat *e)
{
	memset(e, 0, sizeof(*e));
	e->page = page;
	e->total = total;
	for (int j = 0; j < n->nodes; j++)
		e->misses[j] = numa_page_count(n, page, j);
}

/*
 * Up to max pages of [first, end) with the most misses, most first; ties
 * go to the lower page number and pages with no misses are left out.  One
 * pass over the counters with an insertion into the sorted out[].
 */
static int numa_hottest_range(const struct numa *n, uint32_t first,
			      uint32_t end, int max, struct numa_page_stat *out)
{
	int have = 0;

	for (uint32_t page = first; page < end && max > 0; page++) {
		uint64_t t = numa_page_total(n, page);
		int at = have;

		if (t == 0 || (have == max && t <= out[max - 1].total))
			continue;
		while (at > 0 && out[at - 1].total < t)
			at--;
		if (have < max)
			have++;
		memmove(&out[at + 1], &out[at],
			sizeof(*out) * (size_t)(have - 1 - at));
		numa_page_fill(n, page, t, &out[at]);
	}
	return have;
}

/* Up to max pages with the most misses, most first; returns how many. */
int numa_hottest_pages(const struct numa *n, int max,
		       struct numa_page_stat *out)
{
	return numa_hottest_range(n, 0, n->pages, max, out);
}

/* The same among the pages whose home is node home. */
int numa_hottest_pages_of_node(const struct numa *n, int home, int max,
			       struct numa_page_stat *out)
{
	uint32_t per = n->mem_per_node >> NUMA_PAGE_SHIFT;

	if (home < 0 || home >= n->nodes)
		return 0;
	return numa_hottest_range(n, (uint32_t)home * per,
				  (uint32_t)(home + 1) * per, max, out);
}
