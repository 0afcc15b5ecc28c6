/*
 * ratio.c - time cache misses to local and to remote memory with CP0
 * Count and check that their ratio is the configured one.
 *
 * CPU 0 (node 0) loads one word from each of N fresh 128-byte lines of
 * node 0's memory, then of the last node's memory, and subtracts the time
 * of the same loop hitting one cached word.  Every load of a sweep misses
 * both cache levels (the lines were never touched), so the difference is
 * N misses.  Count ticks once every two cycles (R4000 User's Manual, ch. 5,
 * "Count Register"), so cycles per miss = 2 * ticks / N.
 *
 * The expected ratio, in hundredths, comes from --append "ratio=N"
 * (default 300, the 60:180 cycles of the Disco paper's machine; a UMA
 * machine is run with ratio=100).  The tolerance is 5%: the model is
 * deterministic and has no contention, so the only errors are Count's
 * two-cycle granularity (2 cycles in N * 60 = 30720) and any primary
 * instruction-cache miss of the loop that the warm-up run did not absorb
 * (one L2 hit, 10 cycles); both are below 0.1%, and 5% still tells 3:1
 * from 2.85:1 or from the 1:1 of fast timing or UMA.
 */
#include "tests/numa/numa_bare.h"

#define N 512        /* misses per sweep */
#define LINE 128     /* secondary line size: a fresh line per load */
#define SPREAD (256u << 10) /* keeps the two buffers in different L2 sets */

static volatile uint32_t sink;

/* Load n words stride bytes apart from kseg0 address va; Count ticks. */
static uint32_t __attribute__((noinline)) sweep(uint32_t va, uint32_t stride,
						int n)
{
	uint32_t sum = 0, t0, t1;

	t0 = kcp0_count();
	for (int i = 0; i < n; i++)
		sum += *(volatile uint32_t *)(va + (uint32_t)i * stride);
	t1 = kcp0_count();
	sink = sum;
	return t1 - t0;
}

/* A kseg0 address in the upper half of node k's memory. */
static uint32_t node_buffer(int k, uint32_t extra)
{
	uint32_t base = nb_node(k, BI_NODE_MEM_BASE);
	uint32_t bytes = nb_node(k, BI_NODE_MEM_BYTES);

	return (base + bytes / 2 + extra) | KSEG0_BASE;
}

/* Ticks of n misses from va, net of the loop's own time. */
static uint32_t misses(uint32_t va, uint32_t base)
{
	return sweep(va, LINE, N) - base;
}

TEST(local_remote_ratio)
{
	int nodes = (int)nb_bi(BI_NNODES);
	uint32_t warm = node_buffer(0, 0) - (64u << 10);
	uint32_t expect = nb_arg("ratio", 300);
	uint32_t base, local, remote, ratio;

	KEXPECT_EQ(nb_bi(BI_MAGIC_OFF), BI_MAGIC);
	sweep(warm, LINE, 64);            /* the loop's code into the I-cache */
	sweep(warm, 0, N);
	base = sweep(warm, 0, N);         /* N primary-cache hits */
	local = misses(node_buffer(0, 0), base);
	kprintf("numa ratio: %d nodes, local miss %u.%02u cycles\n", nodes,
		2 * local / N, 200 * local / N % 100);
	if (nb_bi(BI_TIMING) != BI_TIMING_NUMA || nodes < 2) {
		kprintf("numa ratio: no remote memory to compare with\n");
		return;
	}
	remote = misses(node_buffer(nodes - 1, SPREAD), base);
	KEXPECT_NE(local, 0);
	ratio = local ? 100 * remote / local : 0;
	kprintf("numa ratio: remote miss %u.%02u cycles, ratio %u.%02u "
		"(expected %u.%02u +- 5%%)\n", 2 * remote / N,
		200 * remote / N % 100, ratio / 100, ratio % 100,
		expect / 100, expect % 100);
	KEXPECT_TRUE(ratio * 20 >= expect * 19 && ratio * 20 <= expect * 21);
}

KTEST_MAIN("ratio")
