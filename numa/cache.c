/*
 * cache.c - the miss path: secondary caches, the directory, latencies.
 *
 * Every reference that misses a CPU's primary cache, and every uncached
 * one, lands in numa_miss.  It is O(1) except for a store that takes a
 * line away from other CPUs, which walks that line's sharer bitmask.
 *
 *   L1 miss --> own L2 holds the line with enough permission?
 *                 yes: NUMA_L2_LATENCY, refill the L1
 *                 no, L2 holds it shared and this is a store: upgrade at
 *                     the home directory (other copies invalidated)
 *                 no: evict the L2 victim, fetch the line through the
 *                     home directory (read: share it, downgrading an
 *                     exclusive owner; write: invalidate every other copy),
 *                     local_latency or remote_latency by home node
 *
 * The secondary cache includes both primary caches: whatever leaves an L2
 * (eviction, invalidation) leaves the L1 lines inside it too.
 */
#include "numa/numa_internal.h"

/* Drop the lines of primary cache l1 inside secondary line line2. */
static void numa_l1_drop(struct numa *n, uint32_t *l1, uint32_t line2)
{
	uint32_t sub = n->l2_shift - n->l1_shift;
	uint32_t first = line2 << sub, count = 1u << sub;

	for (uint32_t i = 0; i < count; i++) {
		uint32_t line = first + i;
		uint32_t *t = &l1[line & n->l1_mask];

		if (*t >> 2 == line)
			*t = NUMA_INVALID;
	}
}

/* Make exclusive primary data lines inside secondary line line2 shared. */
static void numa_l1_share(struct numa *n, uint32_t *l1, uint32_t line2)
{
	uint32_t sub = n->l2_shift - n->l1_shift;
	uint32_t first = line2 << sub, count = 1u << sub;

	for (uint32_t i = 0; i < count; i++) {
		uint32_t line = first + i;
		uint32_t *t = &l1[line & n->l1_mask];

		if (*t == numa_tag(line, NUMA_EXCL))
			*t = numa_tag(line, NUMA_SHARED);
	}
}

/* Home node of a secondary line of RAM. */
static int numa_line_home(const struct numa *n, uint32_t line)
{
	return (int)((line << n->l2_shift) / n->mem_per_node);
}

/* Latency of a request from node to home, and count it at home. */
static uint32_t numa_request(struct numa *n, int node, int home)
{
	struct numa_node_stats *h = &n->node[home];

	if (node == home) {
		h->requests_local++;
		return n->p.local_latency;
	}
	h->requests_remote++;
	return n->p.uma ? n->p.local_latency : n->p.remote_latency;
}

/* Count a write-back of one dirty line by CPU c to its home. */
static void numa_writeback(struct numa *n, int c, uint32_t line)
{
	struct numa_node_stats *h = &n->node[numa_line_home(n, line)];

	n->cpu[c].st.writebacks++;
	h->writebacks++;
	h->bytes += n->p.l2_line;
}

/* Take line away from CPU c's caches because another CPU writes it. */
static void numa_invalidate(struct numa *n, int c, uint32_t line)
{
	struct numa_cpu *cp = &n->cpu[c];
	uint32_t *t2 = &cp->l2[line & n->l2_mask];

	if (*t2 >> 3 == line && (*t2 & 1)) {
		*t2 = numa_tag2(line, NUMA_GONE);
		cp->st.invalidations_received++;
	}
	numa_l1_drop(n, cp->timing.l1i, line);
	numa_l1_drop(n, cp->timing.l1d, line);
}

/* Let CPU c keep line only shared, writing it back if dirty. */
static void numa_downgrade(struct numa *n, int c, uint32_t line)
{
	struct numa_cpu *cp = &n->cpu[c];
	uint32_t *t2 = &cp->l2[line & n->l2_mask];

	if (*t2 >> 3 != line || (*t2 & 3) != NUMA_EXCL)
		return;
	if (*t2 & NUMA_L2_DIRTY)
		numa_writeback(n, c, line);
	*t2 = numa_tag2(line, NUMA_SHARED);
	cp->st.downgrades_received++;
	numa_l1_share(n, cp->timing.l1d, line);
}

/* Invalidate every copy of line except CPU keep's (keep < 0: all). */
static void numa_invalidate_others(struct numa *n, int keep, uint32_t line)
{
	uint32_t others = n->sharers[line];

	if (keep >= 0)
		others &= ~(1u << keep);
	while (others) {
		int s = __builtin_ctz(others);

		others &= others - 1;
		numa_invalidate(n, s, line);
	}
}

/* Directory action for a read miss: returns the state CPU c gets. */
static uint32_t numa_dir_read(struct numa *n, int c, uint32_t line)
{
	int owner = n->owner[line] - 1;
	uint32_t me = 1u << c;

	if (owner >= 0 && owner != c)
		numa_downgrade(n, owner, line);
	if ((n->sharers[line] & ~me) == 0) {
		n->sharers[line] = me;
		n->owner[line] = (uint8_t)(c + 1);
		return NUMA_EXCL;
	}
	n->sharers[line] |= me;
	n->owner[line] = 0;
	return NUMA_SHARED;
}

/* Directory action for a write: CPU c becomes the only, exclusive holder. */
static void numa_dir_write(struct numa *n, int c, uint32_t line)
{
	numa_invalidate_others(n, c, line);
	n->sharers[line] = 1u << c;
	n->owner[line] = (uint8_t)(c + 1);
}

/* Evict the valid line in CPU c's secondary tag t2 (inclusion). */
static void numa_evict(struct numa *n, int c, uint32_t t2)
{
	uint32_t line = t2 >> 3;
	struct numa_cpu *cp = &n->cpu[c];

	n->sharers[line] &= ~(1u << c);
	if (n->owner[line] == c + 1)
		n->owner[line] = 0;
	if (t2 & NUMA_L2_DIRTY)
		numa_writeback(n, c, line);
	numa_l1_drop(n, cp->timing.l1i, line);
	numa_l1_drop(n, cp->timing.l1d, line);
}

/* Fetch line into CPU c's L2 through its home; returns the latency. */
static uint32_t numa_fetch(struct numa *n, int c, uint32_t line, bool store)
{
	struct numa_cpu *cp = &n->cpu[c];
	uint32_t *t2 = &cp->l2[line & n->l2_mask];
	int home = numa_line_home(n, line);
	uint32_t st = NUMA_EXCL | NUMA_L2_DIRTY;

	if (*t2 == numa_tag2(line, NUMA_GONE))
		cp->st.coherence_misses++;
	else if (*t2 & 1)
		numa_evict(n, c, *t2);
	if (store)
		numa_dir_write(n, c, line);
	else
		st = numa_dir_read(n, c, line);
	*t2 = numa_tag2(line, st);
	if (home == cp->node)
		cp->st.l2_misses_local++;
	else
		cp->st.l2_misses_remote++;
	n->node[home].bytes += n->p.l2_line;
	numa_hot_count(n, line, cp->node);
	return numa_request(n, cp->node, home);
}

/* Store to a line CPU c's L2 holds shared: take ownership at home. */
static uint32_t numa_upgrade(struct numa *n, int c, uint32_t line)
{
	struct numa_cpu *cp = &n->cpu[c];
	int home = numa_line_home(n, line);

	numa_dir_write(n, c, line);
	cp->l2[line & n->l2_mask] = numa_tag2(line, NUMA_EXCL | NUMA_L2_DIRTY);
	cp->st.upgrades++;
	n->node[home].upgrades++;
	return numa_request(n, cp->node, home);
}

/* Refill the primary cache that missed at pa from secondary state st. */
static void numa_l1_fill(struct numa *n, struct numa_cpu *cp, uint32_t pa,
			 enum cpu_ref ref, uint32_t st)
{
	uint32_t line = pa >> n->l1_shift;

	if (ref == CPU_REF_IFETCH)
		cp->timing.l1i[line & n->l1_mask] = numa_tag(line, NUMA_SHARED);
	else if (ref == CPU_REF_STORE)
		cp->timing.l1d[line & n->l1_mask] = numa_tag(line, st);
	else
		cp->timing.l1d[line & n->l1_mask] = numa_tag(line, NUMA_SHARED);
}

/* A cached reference that missed CPU c's primary cache. */
static uint32_t numa_cached(struct numa *n, int c, uint32_t pa,
			    enum cpu_ref ref)
{
	struct numa_cpu *cp = &n->cpu[c];
	uint32_t line = pa >> n->l2_shift;
	uint32_t *t2 = &cp->l2[line & n->l2_mask];
	bool store = ref == CPU_REF_STORE;
	uint32_t cost;

	if (ref == CPU_REF_IFETCH)
		cp->st.l1i_misses++;
	else
		cp->st.l1d_misses++;
	if (*t2 >> 3 != line || !(*t2 & 1)) {
		cost = numa_fetch(n, c, line, store);
	} else if (store && (*t2 & 3) != NUMA_EXCL) {
		cost = numa_upgrade(n, c, line);
	} else {
		if (store)
			*t2 |= NUMA_L2_DIRTY;
		cp->st.l2_hits++;
		cost = NUMA_L2_LATENCY;
	}
	numa_l1_fill(n, cp, pa, ref, *t2 & 3);
	return cost;
}

/* An uncached reference to RAM: memory latency, no cache touched. */
static uint32_t numa_uncached(struct numa *n, int c, uint32_t pa)
{
	int home = (int)(pa / n->mem_per_node);

	n->cpu[c].st.uncached++;
	n->node[home].uncached++;
	return numa_request(n, n->cpu[c].node, home);
}

/* The miss path without the tracer. */
uint32_t numa_miss_untraced(struct numa *n, int cpu, uint32_t pa,
			    enum cpu_ref ref)
{
	uint32_t cost;

	if (pa >= n->ram_bytes) {
		n->cpu[cpu].st.device_refs++;
		cost = NUMA_DEV_LATENCY;
	} else if (ref == CPU_REF_UNCACHED) {
		cost = numa_uncached(n, cpu, pa);
	} else {
		cost = numa_cached(n, cpu, pa, ref);
	}
	n->cpu[cpu].st.stall_cycles += cost;
	return cost;
}

/* The memory-system routine behind every primary-cache miss (ctx = n). */
uint32_t numa_miss(void *ctx, int cpu, uint32_t pa, enum cpu_ref ref)
{
	struct numa *n = ctx;

	if (__builtin_expect(n->trace != NULL, 0))
		return numa_miss_traced(n, cpu, pa, ref);
	return numa_miss_untraced(n, cpu, pa, ref);
}

/* Coherent DMA wrote [pa, pa+len): every cached copy is invalidated. */
void numa_dma_write(struct numa *n, uint32_t pa, uint32_t len)
{
	uint64_t end = (uint64_t)pa + len;

	if (len == 0 || pa >= n->ram_bytes)
		return;
	if (end > n->ram_bytes)
		end = n->ram_bytes;
	for (uint32_t line = pa >> n->l2_shift;
	     (uint64_t)line << n->l2_shift < end; line++) {
		numa_invalidate_others(n, -1, line);
		n->sharers[line] = 0;
		n->owner[line] = 0;
	}
}
