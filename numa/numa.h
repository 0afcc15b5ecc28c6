/*
 * numa.h - the ccNUMA memory system: caches by tags, a directory, latencies,
 * per-page miss counters and the hot-page unit (docs/numa.md).
 *
 * One struct numa models every CPU's primary caches (split I and D) and
 * secondary cache (unified), kept coherent by write-invalidate through a
 * directory at each line's home node, in the style of Stanford FLASH.  The
 * caches hold tags only: the data always lives in the machine's RAM.  A CPU
 * plugs the model in with cpu_set_timing(c, numa_cpu_timing(n, id)); the CPU
 * then checks its primary caches inline and calls the model's miss function
 * for everything else, adding the returned stall cycles to its clock.
 *
 *   node 0                          node 1
 *   +----------+ +----------+       +----------+ +----------+
 *   | CPU0     | | CPU1     |       | CPU2     | | CPU3     |
 *   | L1I  L1D | | L1I  L1D |       | L1I  L1D | | L1I  L1D |
 *   | L2       | | L2       |       | L2       | | L2       |
 *   +----+-----+ +----+-----+       +----+-----+ +----+-----+
 *        |            |                  |            |
 *   +----+------------+----+        +----+------------+----+
 *   | directory | memory 0 |<------>| directory | memory 1 | ...
 *   +----------------------+  net   +----------------------+
 *
 * Node i is the home of physical [i*M, (i+1)*M), M = mem_per_node.
 */
#ifndef NUMA_NUMA_H
#define NUMA_NUMA_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "cpu/cpu.h"
#include "machine/config.h" /* struct numa_params */

#define NUMA_MAX_CPUS 32  /* one bit each in a directory sharer mask */
#define NUMA_MAX_NODES 32
#define NUMA_PAGE_SHIFT 12 /* the counters' 4 KB machine pages */
#define NUMA_HOTQ_SIZE 64  /* entries in the hot-page queue */
#define NUMA_L2_LATENCY 10  /* cycles: an L1 miss the L2 serves */
#define NUMA_DEV_LATENCY 100 /* cycles: any reference outside RAM */

/* Counters of one CPU (the --stats "cpus" entries). */
struct numa_cpu_stats {
	uint64_t l1i_misses, l1d_misses; /* references that called miss() */
	uint64_t l2_hits;                /* L1 misses the L2 served */
	uint64_t l2_misses_local;        /* line fetched from own node */
	uint64_t l2_misses_remote;       /* line fetched from another node */
	uint64_t coherence_misses;       /* L2 misses to a line taken away */
	uint64_t upgrades;               /* stores to a line held shared */
	uint64_t invalidations_received; /* lines other CPUs' stores took */
	uint64_t downgrades_received;    /* exclusive lines others read */
	uint64_t writebacks;             /* exclusive lines evicted */
	uint64_t uncached;               /* uncached references to RAM */
	uint64_t device_refs;            /* references outside RAM */
	uint64_t stall_cycles;           /* sum of what miss() returned */
};

/* Memory traffic of one node as the home of its memory. */
struct numa_node_stats {
	uint64_t requests_local;  /* requests from this node's CPUs */
	uint64_t requests_remote; /* requests from other nodes' CPUs */
	uint64_t bytes;           /* bytes moved: line fills and writebacks */
	uint64_t uncached;        /* uncached requests (included above) */
	uint64_t upgrades;        /* ownership requests (included above) */
	uint64_t writebacks;      /* evicted exclusive lines written back */
};

/* Miss counts of one 4 KB page, per requesting node. */
struct numa_page_stat {
	uint32_t page;                  /* physical address >> 12 */
	uint64_t total;                 /* sum over nodes */
	uint32_t misses[NUMA_MAX_NODES]; /* [j]: misses from node j's CPUs */
};

/* One named counter, for writers that list every counter (--stats). */
struct numa_counter {
	const char *name; /* JSON key, e.g. "l2_misses_local" */
	uint64_t value;
};
#define NUMA_MAX_COUNTERS 16 /* most pairs numa_*_counters return */

struct numa;
struct device;
struct dev_services;

/* Build the model for ncpus = nodes * cpus_per_node; NULL after a message. */
struct numa *numa_create(const struct numa_params *p, int ncpus, int nodes,
			 int cpus_per_node, uint32_t mem_per_node_bytes,
			 FILE *err);
/* Free the model (any dev_numa device on it must be gone first). */
void numa_destroy(struct numa *n);
/* The timing hooks and tag arrays for CPU cpu (for cpu_set_timing). */
const struct cpu_timing *numa_cpu_timing(struct numa *n, int cpu);
/* The memory-system routine behind every primary-cache miss (ctx = n). */
uint32_t numa_miss(void *ctx, int cpu, uint32_t pa, enum cpu_ref ref);
/* Coherent DMA wrote [pa, pa+len): every cached copy is invalidated. */
void numa_dma_write(struct numa *n, uint32_t pa, uint32_t len);

/*
 * A tracer of misses (--trace mem): called for every reference miss()
 * sees, with what served it ("l2", "local", "remote", "upgrade" for a
 * store to a line held shared, "device" outside RAM; an uncached RAM
 * reference is "local" or "remote") and the stall cycles it cost.
 */
typedef void (*numa_trace_fn)(void *ctx, int cpu, uint32_t pa,
			      enum cpu_ref ref, const char *from,
			      uint32_t latency);
/* Call fn for every miss from now on (NULL: stop; the miss path then pays
 * one predictable branch). */
void numa_set_trace(struct numa *n, numa_trace_fn fn, void *ctx);

/* Node of CPU cpu. */
int numa_cpu_node(const struct numa *n, int cpu);
/* Home node of physical address pa, or -1 outside RAM. */
int numa_home(const struct numa *n, uint32_t pa);
/* Directory: bitmask of the CPUs whose L2 holds pa's line (0 outside RAM). */
uint32_t numa_sharers(const struct numa *n, uint32_t pa);
/* Directory: CPU holding pa's line exclusive, or -1. */
int numa_owner(const struct numa *n, uint32_t pa);
/* The parameters the model was built with. */
const struct numa_params *numa_get_params(const struct numa *n);

/* Copy CPU cpu's counters. */
void numa_stats_cpu(const struct numa *n, int cpu, struct numa_cpu_stats *out);
/* Copy node node's memory-traffic counters. */
void numa_stats_node(const struct numa *n, int node,
		     struct numa_node_stats *out);
/* CPU cpu's counters as (name, value) pairs; returns how many. */
int numa_cpu_counters(const struct numa *n, int cpu,
		      struct numa_counter out[NUMA_MAX_COUNTERS]);
/* Node node's traffic counters as (name, value) pairs; returns how many. */
int numa_node_counters(const struct numa *n, int node,
		       struct numa_counter out[NUMA_MAX_COUNTERS]);
/* Up to max pages with the most misses, most first; returns how many. */
int numa_hottest_pages(const struct numa *n, int max,
		       struct numa_page_stat *out);
/* The same among the pages whose home is node home. */
int numa_hottest_pages_of_node(const struct numa *n, int home, int max,
			       struct numa_page_stat *out);

/* Miss counter of page page from node node (0 if out of range). */
uint32_t numa_page_count(const struct numa *n, uint32_t page, int node);
/* Set the hot-page trigger threshold (0: never trigger). */
void numa_set_threshold(struct numa *n, uint32_t threshold);

/*
 * The hot-page unit's registers as a device (docs/dev-numa.md); irq is
 * the interrupt source at the controller (9).  NULL after a message.
 */
struct device *dev_numa_create(const struct dev_services *svc, struct numa *n,
			       uint32_t base, int irq, FILE *err);

#endif
