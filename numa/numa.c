/*
 * numa.c - building and freeing the memory system model.
 *
 * The parameters come from machine/config.h (struct numa_params); its
 * defaults are the Disco paper's simulated FLASH machine (Bugnion et al.,
 * "Disco: Running Commodity Operating Systems on Scalable
 * Multiprocessors", SOSP 1997; DESIGN.md section 4).  The model accepts any
 * power-of-two geometry with l1_line <= l2_line <= 4096, so that a primary
 * line lies in one secondary line and a secondary line in one 4 KB page.
 */
#include <stdlib.h>
#include <string.h>

#include "numa/numa_internal.h"

/* True if v is a power of two (and not zero). */
static bool numa_pow2(uint32_t v)
{
	return v != 0 && (v & (v - 1)) == 0;
}

/* Base-2 logarithm of a power of two. */
static uint32_t numa_log2(uint32_t v)
{
	uint32_t s = 0;

	while ((1u << s) < v)
		s++;
	return s;
}

/* Check the cache geometry; print one line naming the bad key and fail. */
static bool numa_check_caches(const struct numa_params *p, FILE *err)
{
	const char *bad = NULL, *why = "";

	if (!numa_pow2(p->l1_line) || p->l1_line < 4)
		bad = "l1_line", why = "a power of two, at least 4";
	else if (!numa_pow2(p->l1_size) || p->l1_size < p->l1_line)
		bad = "l1_size", why = "a power of two, at least l1_line";
	else if (!numa_pow2(p->l2_line) || p->l2_line < p->l1_line ||
		 p->l2_line > (1u << NUMA_PAGE_SHIFT))
		bad = "l2_line", why = "a power of two from l1_line to 4096";
	else if (!numa_pow2(p->l2_size) || p->l2_size < p->l2_line)
		bad = "l2_size", why = "a power of two, at least l2_line";
	else if (p->clock_mhz == 0)
		bad = "clock_mhz", why = "at least 1";
	if (bad)
		fprintf(err, "minidisco: numa: %s must be %s\n", bad, why);
	return bad == NULL;
}

/* Check the machine's shape; print one line naming the bad value and fail. */
static bool numa_check_shape(int ncpus, int nodes, int cpus_per_node,
			     uint32_t mem_per_node, FILE *err)
{
	if (nodes < 1 || nodes > NUMA_MAX_NODES) {
		fprintf(err, "minidisco: numa: nodes must be 1 to %d\n", NUMA_MAX_NODES);
		return false;
	}
	if (cpus_per_node < 1 || ncpus != nodes * cpus_per_node ||
	    ncpus > NUMA_MAX_CPUS) {
		fprintf(err, "minidisco: numa: cpus_per_node: %d CPUs on %d nodes (at most "
			"%d CPUs)\n", ncpus, nodes, NUMA_MAX_CPUS);
		return false;
	}
	if (mem_per_node == 0 || mem_per_node % (1u << NUMA_PAGE_SHIFT) ||
	    (uint64_t)mem_per_node * (uint64_t)nodes > 0x1F000000u) {
		fprintf(err, "minidisco: numa: mem_per_node must be a non-zero multiple of "
			"4 KB, with all RAM below 0x1F000000\n");
		return false;
	}
	return true;
}

/* Allocate one CPU's tag arrays and point its timing hooks at n. */
static bool numa_cpu_init(struct numa *n, int id)
{
	struct numa_cpu *c = &n->cpu[id];
	uint32_t l1_sets = n->l1_mask + 1;

	c->node = id / n->cpus_per_node;
	c->timing.l1i = calloc(l1_sets, sizeof(uint32_t));
	c->timing.l1d = calloc(l1_sets, sizeof(uint32_t));
	c->l2 = calloc(n->l2_mask + 1, sizeof(uint32_t));
	c->timing.l1i_mask = n->l1_mask;
	c->timing.l1d_mask = n->l1_mask;
	c->timing.line_shift = n->l1_shift;
	c->timing.miss = numa_miss;
	c->timing.ctx = n;
	return c->timing.l1i && c->timing.l1d && c->l2;
}

/* Allocate the directory and the page counters for all of RAM. */
static bool numa_memory_init(struct numa *n)
{
	n->lines = n->ram_bytes >> n->l2_shift;
	n->pages = n->ram_bytes >> NUMA_PAGE_SHIFT;
	n->sharers = calloc(n->lines, sizeof(uint32_t));
	n->owner = calloc(n->lines, 1);
	n->page_counts = calloc((size_t)n->pages * (size_t)n->nodes,
				sizeof(uint32_t));
	return n->sharers && n->owner && n->page_counts;
}

/* Build the model for ncpus = nodes * cpus_per_node; NULL after a message. */
struct numa *numa_create(const struct numa_params *p, int ncpus, int nodes,
			 int cpus_per_node, uint32_t mem_per_node_bytes,
			 FILE *err)
{
	struct numa *n;
	bool ok = true;

	if (!numa_check_caches(p, err) ||
	    !numa_check_shape(ncpus, nodes, cpus_per_node, mem_per_node_bytes,
			      err))
		return NULL;
	n = calloc(1, sizeof(*n));
	if (!n) {
		fprintf(err, "minidisco: numa: out of memory\n");
		return NULL;
	}
	n->p = *p;
	n->ncpus = ncpus;
	n->nodes = nodes;
	n->cpus_per_node = cpus_per_node;
	n->mem_per_node = mem_per_node_bytes;
	n->ram_bytes = mem_per_node_bytes * (uint32_t)nodes;
	n->l1_shift = numa_log2(p->l1_line);
	n->l2_shift = numa_log2(p->l2_line);
	n->l1_mask = p->l1_size / p->l1_line - 1;
	n->l2_mask = p->l2_size / p->l2_line - 1;
	n->page_lines_shift = NUMA_PAGE_SHIFT - n->l2_shift;
	n->hot.threshold = p->hot_threshold;
	for (int i = 0; i < ncpus; i++)
		ok = numa_cpu_init(n, i) && ok;
	if (!ok || !numa_memory_init(n)) {
		fprintf(err, "minidisco: numa: out of memory for caches and directory\n");
		numa_destroy(n);
		return NULL;
	}
	return n;
}

/* Free the model (any dev_numa device on it must be gone first). */
void numa_destroy(struct numa *n)
{
	if (!n)
		return;
	for (int i = 0; i < n->ncpus; i++) {
		free(n->cpu[i].timing.l1i);
		free(n->cpu[i].timing.l1d);
		free(n->cpu[i].l2);
	}
	free(n->sharers);
	free(n->owner);
	free(n->page_counts);
	free(n);
}

/* The timing hooks and tag arrays for CPU cpu (for cpu_set_timing). */
const struct cpu_timing *numa_cpu_timing(struct numa *n, int cpu)
{
	if (cpu < 0 || cpu >= n->ncpus)
		return NULL;
	return &n->cpu[cpu].timing;
}

/* Node of CPU cpu. */
int numa_cpu_node(const struct numa *n, int cpu)
{
	return cpu / n->cpus_per_node;
}

/* Home node of physical address pa, or -1 outside RAM. */
int numa_home(const struct numa *n, uint32_t pa)
{
	return pa < n->ram_bytes ? (int)(pa / n->mem_per_node) : -1;
}

/* Directory: bitmask of the CPUs whose L2 holds pa's line (0 outside RAM). */
uint32_t numa_sharers(const struct numa *n, uint32_t pa)
{
	return pa < n->ram_bytes ? n->sharers[pa >> n->l2_shift] : 0;
}

/* Directory: CPU holding pa's line exclusive, or -1. */
int numa_owner(const struct numa *n, uint32_t pa)
{
	return pa < n->ram_bytes ? n->owner[pa >> n->l2_shift] - 1 : -1;
}

/* The parameters the model was built with. */
const struct numa_params *numa_get_params(const struct numa *n)
{
	return &n->p;
}
