/*
 * numa_internal.h - the memory system's state, for the numa/ sources only.
 *
 * Primary cache tags follow cpu.h's struct cpu_timing (one word per set):
 *
 *   31                                       2 1    0
 *   +-----------------------------------------+------+
 *   | primary line number (pa >> l1_shift)    |  st  |  st: 0 I, 1 S, 3 E
 *   +-----------------------------------------+------+
 *
 * Secondary cache tags (one word per set, this model's own format):
 *
 *   31                                       3   2   1    0
 *   +-----------------------------------------+---+------+
 *   | secondary line number (pa >> l2_shift)  | D |  st  |
 *   +-----------------------------------------+---+------+
 *   st: 0 invalid, 1 shared, 3 exclusive, 2 "gone": invalidated by another
 *   CPU's store (the line number is kept so that the next miss to it is
 *   counted as a coherence miss).  D: written since it became exclusive.
 *
 * Directory, one entry per secondary line of RAM (index pa >> l2_shift):
 * sharers[line] has bit c set while CPU c's L2 holds the line (shared or
 * exclusive); owner[line] is c + 1 while CPU c holds it exclusive, else 0.
 */
#ifndef NUMA_NUMA_INTERNAL_H
#define NUMA_NUMA_INTERNAL_H

#include "numa/numa.h"

enum numa_state {
	NUMA_INVALID = 0,
	NUMA_SHARED = 1,
	NUMA_GONE = 2, /* L2 only: taken away by another CPU's store */
	NUMA_EXCL = 3,
};

#define NUMA_L2_DIRTY 4u /* D bit of a secondary tag */

/* One CPU's caches and counters. */
struct numa_cpu {
	struct cpu_timing timing; /* primary tag arrays, miss hook */
	uint32_t *l2;             /* secondary tags, l2_mask + 1 sets */
	int node;
	struct numa_cpu_stats st;
};

/* The hot-page unit: trigger, queue of (page, node), interrupt. */
struct numa_hot {
	uint32_t threshold;          /* count that makes a page hot; 0 never */
	bool enable;                 /* queue pages that cross the threshold */
	bool irq_enable;             /* interrupt while the queue is not empty */
	uint32_t q[NUMA_HOTQ_SIZE];  /* entries as the QPOP register reads */
	uint32_t head, count;        /* ring: oldest at q[head] */
	bool overflow;               /* sticky: a hot page found the queue full */
	uint32_t dropped;            /* hot pages lost to a full queue */
	uint64_t queued;             /* hot pages ever queued */
	bool level;                  /* interrupt level last signalled */
	void (*irq)(void *ctx, bool level); /* set by the device */
	void *irq_ctx;
};

/* The whole memory system. */
struct numa {
	struct numa_params p;
	int ncpus, nodes, cpus_per_node;
	uint32_t mem_per_node, ram_bytes;
	uint32_t l1_shift, l2_shift, l1_mask, l2_mask;
	uint32_t page_lines_shift; /* log2 of secondary lines per 4 KB page */
	uint32_t lines, pages;     /* of all RAM */
	uint32_t *sharers;         /* directory: [lines] */
	uint8_t *owner;            /* directory: [lines], CPU + 1 or 0 */
	uint32_t *page_counts;     /* [page * nodes + node] */
	struct numa_node_stats node[NUMA_MAX_NODES];
	struct numa_cpu cpu[NUMA_MAX_CPUS];
	struct numa_hot hot;
	numa_trace_fn trace;       /* --trace mem, or NULL */
	void *trace_ctx;
};

/* Compose a tag word from a line number and a state. */
static inline uint32_t numa_tag(uint32_t line, uint32_t st)
{
	return line << 2 | st;
}

/* Compose a secondary tag word from a line number and state bits. */
static inline uint32_t numa_tag2(uint32_t line, uint32_t st)
{
	return line << 3 | st;
}

/* The miss path without the tracer (cache.c). */
uint32_t numa_miss_untraced(struct numa *n, int cpu, uint32_t pa,
			    enum cpu_ref ref);
/* The miss path with the tracer told about the miss (trace.c). */
uint32_t numa_miss_traced(struct numa *n, int cpu, uint32_t pa,
			  enum cpu_ref ref);

/* Count one L2 miss to line from node; may make its page hot. */
void numa_hot_count(struct numa *n, uint32_t line, int node);
/* Queue (page, node) as hot, or note the overflow. */
void numa_hot_trigger(struct numa *n, uint32_t page, int node);
/* Remove and return the oldest queue entry (0 when empty). */
uint32_t numa_hot_pop(struct numa *n);
/* Signal the interrupt level the unit's state calls for, if it changed. */
void numa_hot_update_irq(struct numa *n);
/* Zero every node's counter of one page. */
void numa_hot_reset_page(struct numa *n, uint32_t page);
/* Zero every counter of every page. */
void numa_hot_reset_all(struct numa *n);
/* Let the device hear about interrupt level changes. */
void numa_hot_set_irq(struct numa *n, void (*fn)(void *ctx, bool level),
		      void *ctx);

#endif
