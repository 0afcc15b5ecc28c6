/*
 * smp.c - the multiprocessor benchmark: every CPU runs the same integer
 * kernel (fill a buffer with a linear congruential sequence, CRC-32 it,
 * shell-sort a slice of it) on its own buffer, CPU 0 waits for the others
 * with an atomic counter, prints every CPU's checksum and powers off.
 * The checksums depend only on the CPU number, so a run is checkable.
 * Built with klib; `make bench` runs it on the disco preset (8 CPUs).
 */
#include "klib/klib.h"

#define SMP_WORDS 4096 /* 16 KB per CPU */
#define SMP_SORT 512   /* words sorted per round */
#ifndef SMP_ROUNDS
#define SMP_ROUNDS 400
#endif

static uint32_t smp_buf[KLIB_MAX_CPUS][SMP_WORDS];
static uint32_t smp_sum[KLIB_MAX_CPUS];
static volatile uint32_t smp_done;

/* Fill b with a linear congruential sequence seeded by seed. */
static void smp_fill(uint32_t *b, uint32_t seed)
{
	for (int k = 0; k < SMP_WORDS; k++) {
		seed = seed * 1664525u + 1013904223u;
		b[k] = seed;
	}
}

/* CRC-32 (reflected, polynomial 0xEDB88320) of the bytes of n words. */
static uint32_t smp_crc(const uint32_t *b, int n)
{
	uint32_t crc = ~0u;
	const uint8_t *p = (const uint8_t *)b;
	for (int k = 0; k < 4 * n; k++) {
		crc ^= p[k];
		for (int bit = 0; bit < 8; bit++)
			crc = (crc >> 1) ^ (0xEDB88320u & -(crc & 1u));
	}
	return ~crc;
}

/* Shell sort of n words (Ciura-like gaps). */
static void smp_sort(uint32_t *a, int n)
{
	static const int gaps[] = {301, 132, 57, 23, 10, 4, 1};
	for (unsigned g = 0; g < sizeof(gaps) / sizeof(gaps[0]); g++)
		for (int k = gaps[g]; k < n; k++) {
			uint32_t v = a[k];
			int j = k;
			for (; j >= gaps[g] && a[j - gaps[g]] > v; j -= gaps[g])
				a[j] = a[j - gaps[g]];
			a[j] = v;
		}
}

/* One CPU's share of the work; returns its checksum. */
static uint32_t smp_work(int cpu)
{
	uint32_t *b = smp_buf[cpu], sum = 0;
	for (int r = 0; r < SMP_ROUNDS; r++) {
		smp_fill(b, (uint32_t)(cpu * 7919 + r));
		smp_sort(b + (r % 8) * SMP_SORT, SMP_SORT);
		sum = sum * 31u + smp_crc(b, SMP_WORDS / 16);
	}
	return sum;
}

/* Every CPU works; CPU 0 collects and reports. */
int main(int cpu, int ncpus, uint32_t bootinfo)
{
	(void)bootinfo;
	smp_sum[cpu] = smp_work(cpu);
	katomic_add((volatile uint32_t *)&smp_done, 1);
	if (cpu != 0)
		return 0;
	while (smp_done != (uint32_t)ncpus)
		;
	uint32_t all = 0;
	for (int k = 0; k < ncpus; k++) {
		kprintf("cpu %d checksum 0x%08x\n", k, smp_sum[k]);
		all ^= smp_sum[k];
	}
	kprintf("smp %d cpus combined 0x%08x\n", ncpus, all);
	return 0;
}
