/*
 * numa_fixture.h - helpers for the memory-system unit tests: build a small
 * machine's model and play a CPU's part of the contract (cpu.h struct
 * cpu_timing): check the primary tags inline, call miss() otherwise.
 */
#ifndef TESTS_NUMA_NUMA_FIXTURE_H
#define TESTS_NUMA_NUMA_FIXTURE_H

#include <criterion/criterion.h>
#include <stdio.h>

#include "numa/numa.h"

#define MB (1024u * 1024u)

/* The Disco paper's parameters (the figures of DESIGN.md section 4). */
static inline struct numa_params fx_params(void)
{
	return (struct numa_params){
		.l1_size = 16 * 1024, .l1_line = 32,
		.l2_size = 1024 * 1024, .l2_line = 128,
		.local_latency = 60, .remote_latency = 180,
		.clock_mhz = 200, .hot_threshold = 0, .uma = false,
	};
}

/* A model of nodes x cpn CPUs with mem bytes per node, or fail the test. */
static inline struct numa *fx_make(const struct numa_params *p, int nodes,
				   int cpn, uint32_t mem)
{
	struct numa *n = numa_create(p, nodes * cpn, nodes, cpn, mem, stderr);

	cr_assert_not_null(n);
	return n;
}

/* One reference as the CPU makes it; returns the stall cycles (0: L1 hit). */
static inline uint32_t fx_ref(struct numa *n, int cpu, uint32_t pa,
			      enum cpu_ref ref)
{
	const struct cpu_timing *t = numa_cpu_timing(n, cpu);
	uint32_t line = pa >> t->line_shift;
	uint32_t need = ref == CPU_REF_STORE ? 3u : 1u;
	uint32_t w;

	if (ref == CPU_REF_IFETCH)
		w = t->l1i[line & t->l1i_mask];
	else
		w = t->l1d[line & t->l1d_mask];
	if (ref != CPU_REF_UNCACHED && w >> 2 == line && (w & need) == need)
		return 0;
	return t->miss(t->ctx, cpu, pa, ref);
}

/* A cached load. */
static inline uint32_t fx_load(struct numa *n, int cpu, uint32_t pa)
{
	return fx_ref(n, cpu, pa, CPU_REF_LOAD);
}

/* A cached store. */
static inline uint32_t fx_store(struct numa *n, int cpu, uint32_t pa)
{
	return fx_ref(n, cpu, pa, CPU_REF_STORE);
}

/* Counters of one CPU. */
static inline struct numa_cpu_stats fx_cpu(struct numa *n, int cpu)
{
	struct numa_cpu_stats s;

	numa_stats_cpu(n, cpu, &s);
	return s;
}

/* Counters of one node. */
static inline struct numa_node_stats fx_node(struct numa *n, int node)
{
	struct numa_node_stats s;

	numa_stats_node(n, node, &s);
	return s;
}

#endif
