/* test_numa.c - the cache model, directory and latencies (numa/cache.c). */
#include <string.h>

#include "tests/numa/numa_fixture.h"

Test(numa, l1_miss_then_hit)
{
	struct numa_params p = fx_params();
	struct numa *n = fx_make(&p, 1, 1, 4 * MB);

	cr_assert_eq(fx_load(n, 0, 0x1000), 60);
	cr_assert_eq(fx_load(n, 0, 0x1004), 0, "same 32-byte line: L1 hit");
	cr_assert_eq(fx_load(n, 0, 0x101c), 0);
	cr_assert_eq(fx_load(n, 0, 0x1020), 10, "next L1 line, same L2 line");
	struct numa_cpu_stats s = fx_cpu(n, 0);
	cr_assert_eq(s.l1d_misses, 2);
	cr_assert_eq(s.l2_hits, 1);
	cr_assert_eq(s.l2_misses_local, 1);
	cr_assert_eq(s.l2_misses_remote, 0);
	cr_assert_eq(s.stall_cycles, 70);
	numa_destroy(n);
}

Test(numa, split_primary_caches)
{
	struct numa_params p = fx_params();
	struct numa *n = fx_make(&p, 1, 1, 4 * MB);

	cr_assert_eq(fx_load(n, 0, 0x2000), 60);
	cr_assert_eq(fx_ref(n, 0, 0x2000, CPU_REF_IFETCH), 10,
		     "the I-cache misses, the unified L2 hits");
	cr_assert_eq(fx_ref(n, 0, 0x2004, CPU_REF_IFETCH), 0);
	struct numa_cpu_stats s = fx_cpu(n, 0);
	cr_assert_eq(s.l1i_misses, 1);
	cr_assert_eq(s.l1d_misses, 1);
	numa_destroy(n);
}

Test(numa, l1_conflict_served_by_l2)
{
	struct numa_params p = fx_params();
	struct numa *n = fx_make(&p, 1, 1, 4 * MB);

	cr_assert_eq(fx_load(n, 0, 0x10000), 60);
	cr_assert_eq(fx_load(n, 0, 0x10000 + 16 * 1024), 60,
		     "same L1 set, other L2 set");
	cr_assert_eq(fx_load(n, 0, 0x10000), 10, "evicted from L1, not L2");
	cr_assert_eq(fx_cpu(n, 0).l2_hits, 1);
	numa_destroy(n);
}

Test(numa, store_after_load_needs_exclusive_l1)
{
	struct numa_params p = fx_params();
	struct numa *n = fx_make(&p, 1, 1, 4 * MB);

	cr_assert_eq(fx_load(n, 0, 0x3000), 60);
	cr_assert_eq(fx_store(n, 0, 0x3000), 10,
		     "L1 shared, L2 exclusive (no other sharer): L2 hit");
	cr_assert_eq(fx_store(n, 0, 0x3008), 0);
	cr_assert_eq(fx_load(n, 0, 0x3010), 0);
	cr_assert_eq(fx_cpu(n, 0).upgrades, 0);
	fx_load(n, 0, 0x5000);
	fx_load(n, 0, 0x5000 + MB);
	cr_assert_eq(fx_cpu(n, 0).writebacks, 0, "a clean line leaves quietly");
	fx_load(n, 0, 0x3000 + MB);
	cr_assert_eq(fx_cpu(n, 0).writebacks, 1, "the written line goes home");
	cr_assert_eq(fx_node(n, 0).bytes, 5 * 128, "4 fills, 1 writeback");
	numa_destroy(n);
}

Test(numa, local_and_remote_latency)
{
	struct numa_params p = fx_params();
	struct numa *n = fx_make(&p, 2, 1, 4 * MB);

	cr_assert_eq(fx_load(n, 0, 0x100), 60, "CPU 0 to node 0");
	cr_assert_eq(fx_load(n, 0, 4 * MB + 0x100), 180, "CPU 0 to node 1");
	cr_assert_eq(fx_load(n, 1, 4 * MB + 0x1000), 60, "CPU 1 to node 1");
	cr_assert_eq(fx_store(n, 1, 0x5000), 180, "CPU 1 to node 0");
	struct numa_cpu_stats s0 = fx_cpu(n, 0), s1 = fx_cpu(n, 1);
	cr_assert_eq(s0.l2_misses_local, 1);
	cr_assert_eq(s0.l2_misses_remote, 1);
	cr_assert_eq(s1.l2_misses_local, 1);
	cr_assert_eq(s1.l2_misses_remote, 1);
	struct numa_node_stats h0 = fx_node(n, 0), h1 = fx_node(n, 1);
	cr_assert_eq(h0.requests_local, 1);
	cr_assert_eq(h0.requests_remote, 1);
	cr_assert_eq(h0.bytes, 256);
	cr_assert_eq(h1.requests_local, 1);
	cr_assert_eq(h1.requests_remote, 1);
	cr_assert_eq(numa_home(n, 4 * MB - 1), 0);
	cr_assert_eq(numa_home(n, 4 * MB), 1);
	cr_assert_eq(numa_home(n, 8 * MB), -1);
	numa_destroy(n);
}

Test(numa, uma_is_always_local)
{
	struct numa_params p = fx_params();
	p.uma = true;
	struct numa *n = fx_make(&p, 2, 1, 4 * MB);

	cr_assert_eq(fx_load(n, 0, 0x100), 60);
	cr_assert_eq(fx_load(n, 0, 4 * MB + 0x100), 60);
	cr_assert_eq(fx_ref(n, 0, 4 * MB + 0x200, CPU_REF_UNCACHED), 60);
	cr_assert_eq(fx_cpu(n, 0).l2_misses_remote, 1,
		     "counters still say where the line lives");
	numa_destroy(n);
}

Test(numa, write_invalidate_makes_coherence_miss)
{
	struct numa_params p = fx_params();
	struct numa *n = fx_make(&p, 2, 1, 4 * MB);
	uint32_t x = 0x8000;

	cr_assert_eq(fx_load(n, 0, x), 60);
	cr_assert_eq(fx_load(n, 0, x), 0);
	cr_assert_eq(fx_store(n, 1, x + 64), 180, "CPU 1 writes the line");
	cr_assert_eq(fx_cpu(n, 0).invalidations_received, 1);
	cr_assert_eq(fx_load(n, 0, x), 60, "CPU 0 lost L1 and L2 copies");
	struct numa_cpu_stats s = fx_cpu(n, 0);
	cr_assert_eq(s.coherence_misses, 1);
	cr_assert_eq(s.l2_misses_local, 2);
	cr_assert_eq(fx_cpu(n, 1).downgrades_received, 1,
		     "CPU 0's read downgraded the writer");
	cr_assert_eq(fx_cpu(n, 1).writebacks, 1, "its dirty line went home");
	numa_destroy(n);
}

Test(numa, downgrade_of_exclusive_owner)
{
	struct numa_params p = fx_params();
	struct numa *n = fx_make(&p, 2, 1, 4 * MB);
	uint32_t x = 0x9000;

	cr_assert_eq(fx_store(n, 0, x), 60);
	cr_assert_eq(fx_store(n, 0, x), 0, "exclusive in L1");
	cr_assert_eq(fx_load(n, 1, x), 180, "CPU 1 reads the dirty line");
	cr_assert_eq(numa_sharers(n, x), 3);
	cr_assert_eq(numa_owner(n, x), -1);
	struct numa_cpu_stats s0 = fx_cpu(n, 0);
	cr_assert_eq(s0.downgrades_received, 1);
	cr_assert_eq(s0.writebacks, 1);
	cr_assert_eq(s0.invalidations_received, 0);
	cr_assert_eq(fx_load(n, 0, x), 0, "CPU 0 still reads its copy");
	cr_assert_eq(fx_store(n, 0, x), 60, "but must upgrade to write");
	cr_assert_eq(fx_cpu(n, 0).upgrades, 1);
	cr_assert_eq(fx_node(n, 0).upgrades, 1);
	cr_assert_eq(fx_cpu(n, 1).invalidations_received, 1);
	cr_assert_eq(fx_load(n, 1, x), 180, "CPU 1's copy is gone");
	cr_assert_eq(fx_cpu(n, 1).coherence_misses, 1);
	numa_destroy(n);
}

Test(numa, upgrade_is_not_a_miss)
{
	struct numa_params p = fx_params();
	struct numa *n = fx_make(&p, 2, 1, 4 * MB);

	fx_load(n, 0, 0x4000);
	fx_load(n, 1, 0x4000);
	cr_assert_eq(fx_store(n, 1, 0x4000), 180, "upgrade at remote home");
	struct numa_cpu_stats s = fx_cpu(n, 1);
	cr_assert_eq(s.upgrades, 1);
	cr_assert_eq(s.l2_misses_remote, 1, "only the first load missed");
	cr_assert_eq(numa_page_count(n, 4, 1), 1);
	cr_assert_eq(fx_cpu(n, 0).invalidations_received, 1);
	numa_destroy(n);
}

Test(numa, l2_eviction_leaves_directory)
{
	struct numa_params p = fx_params();
	struct numa *n = fx_make(&p, 2, 1, 4 * MB);
	uint32_t x = 0xA000, y = x + MB; /* same L2 set, other line */

	cr_assert_eq(fx_store(n, 0, x), 60);
	cr_assert_eq(fx_ref(n, 0, x, CPU_REF_IFETCH), 10);
	cr_assert_eq(numa_sharers(n, x), 1);
	cr_assert_eq(numa_owner(n, x), 0);
	cr_assert_eq(fx_load(n, 0, y), 60, "conflict evicts x");
	cr_assert_eq(numa_sharers(n, x), 0, "the directory forgot CPU 0");
	cr_assert_eq(numa_owner(n, x), -1);
	cr_assert_eq(numa_sharers(n, y), 1);
	cr_assert_eq(fx_cpu(n, 0).writebacks, 1, "x was dirty");
	cr_assert_eq(fx_node(n, 0).writebacks, 1);
	cr_assert_eq(fx_store(n, 1, x), 180);
	cr_assert_eq(fx_cpu(n, 0).invalidations_received, 0,
		     "CPU 0 was no longer a sharer of x");
	cr_assert_eq(fx_cpu(n, 1).downgrades_received, 0);
	cr_assert_eq(fx_ref(n, 0, x, CPU_REF_IFETCH), 60,
		     "inclusion: the I-cache copy left with the L2 line");
	cr_assert_eq(fx_cpu(n, 0).coherence_misses, 0);
	numa_destroy(n);
}

Test(numa, store_invalidates_every_sharer)
{
	struct numa_params p = fx_params();
	struct numa *n = fx_make(&p, 8, 4, 4 * MB);
	uint32_t x = 5 * 4 * MB + 0x40;

	for (int c = 0; c < 32; c++)
		fx_load(n, c, x);
	fx_store(n, 7, x);
	for (int c = 0; c < 32; c++)
		cr_assert_eq(fx_cpu(n, c).invalidations_received, c == 7 ? 0 : 1,
			     "cpu %d", c);
	cr_assert_eq(fx_load(n, 31, x), 180, "node 7 to home node 5");
	cr_assert_eq(fx_load(n, 20, x), 60, "CPU 20 (node 5, the home) too");
	numa_destroy(n);
}

Test(numa, uncached_and_device_references)
{
	struct numa_params p = fx_params();
	struct numa *n = fx_make(&p, 2, 1, 4 * MB);

	cr_assert_eq(fx_ref(n, 0, 0x100, CPU_REF_UNCACHED), 60);
	cr_assert_eq(fx_ref(n, 0, 0x100, CPU_REF_UNCACHED), 60, "not cached");
	cr_assert_eq(fx_ref(n, 0, 4 * MB, CPU_REF_UNCACHED), 180);
	cr_assert_eq(fx_ref(n, 0, 0x1F000000, CPU_REF_UNCACHED),
		     NUMA_DEV_LATENCY);
	cr_assert_eq(fx_load(n, 0, 0x1FC00000), NUMA_DEV_LATENCY);
	cr_assert_eq(fx_load(n, 0, 0x1FC00000), NUMA_DEV_LATENCY,
		     "nothing outside RAM is cached");
	cr_assert_eq(fx_load(n, 0, 0x100), 60, "uncached left no copy");
	struct numa_cpu_stats s = fx_cpu(n, 0);
	cr_assert_eq(s.uncached, 3);
	cr_assert_eq(s.device_refs, 3);
	cr_assert_eq(s.l2_misses_local + s.l2_misses_remote, 1);
	cr_assert_eq(numa_page_count(n, 0, 0), 1, "only the cached miss");
	cr_assert_eq(fx_node(n, 0).uncached, 2);
	cr_assert_eq(fx_node(n, 1).requests_remote, 1);
	numa_destroy(n);
}

Test(numa, dma_write_invalidates_copies)
{
	struct numa_params p = fx_params();
	struct numa *n = fx_make(&p, 2, 1, 4 * MB);

	fx_load(n, 0, 0x20000);
	fx_store(n, 1, 0x20080);
	numa_dma_write(n, 0x20000, 0x100);
	cr_assert_eq(fx_load(n, 0, 0x20000), 60);
	cr_assert_eq(fx_load(n, 1, 0x20080), 180);
	cr_assert_eq(fx_cpu(n, 0).coherence_misses, 1);
	numa_destroy(n);
}

Test(numa, bad_parameters_are_refused)
{
	struct numa_params p = fx_params();
	char buf[256] = "";
	FILE *err = fmemopen(buf, sizeof(buf), "w");

	p.l2_line = 96;
	cr_assert_null(numa_create(&p, 1, 1, 1, 4 * MB, err));
	fflush(err);
	cr_assert(strstr(buf, "l2_line") != NULL, "%s", buf);
	p = fx_params();
	cr_assert_null(numa_create(&p, 33, 33, 1, MB, err));
	cr_assert_null(numa_create(&p, 3, 2, 1, MB, err));
	cr_assert_null(numa_create(&p, 1, 1, 1, 1000, err));
	cr_assert_null(numa_create(&p, 2, 2, 1, 256 * MB, err));
	fclose(err);
}

Test(numa, counters_by_name)
{
	struct numa_params p = fx_params();
	struct numa *n = fx_make(&p, 2, 1, 4 * MB);
	struct numa_counter c[NUMA_MAX_COUNTERS];
	int k, found = 0;

	fx_load(n, 1, 0x100);
	fx_load(n, 1, 4 * MB);
	k = numa_cpu_counters(n, 1, c);
	cr_assert(k > 0 && k <= NUMA_MAX_COUNTERS);
	for (int i = 0; i < k; i++) {
		uint64_t want = 0;

		if (strcmp(c[i].name, "l2_misses_local") == 0)
			want = 1;
		else if (strcmp(c[i].name, "l2_misses_remote") == 0)
			want = 1;
		else if (strcmp(c[i].name, "memory_stall_cycles") == 0)
			want = 240;
		else
			continue;
		found++;
		cr_assert_eq(c[i].value, want, "%s", c[i].name);
	}
	cr_assert_eq(found, 3, "the --stats contract keys are there");
	k = numa_node_counters(n, 0, c);
	cr_assert(k > 0 && k <= NUMA_MAX_COUNTERS);
	cr_assert_str_eq(c[1].name, "requests_remote");
	cr_assert_eq(c[1].value, 1);
	numa_destroy(n);
}
