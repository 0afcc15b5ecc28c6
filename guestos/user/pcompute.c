/*
 * pcompute.c - a parallel program with one thread per CPU (or as many as
 * the argument says): the threads fill a shared array with the terms of
 * sum 1/k^2 (doubles, so every thread uses the FPU and the kernel must
 * switch FPU state lazily and correctly) and an integer hash series,
 * meet at a barrier, add up fixed blocks of the array, and merge their
 * integer totals under a mutex.  Block sums are combined in block order,
 * so the answer does not depend on the number of threads: it must equal,
 * bit for bit, the same computation done by one thread.  Prints a line
 * with "answer" and exits 0 if the two agree.
 */
#include "ulib.h"

#define N       (1 << 17)   /* terms */
#define NBLK    64          /* blocks of N / NBLK terms */
#define ROUNDS  6           /* each round recomputes everything */

static double terms[N];
static double block_sum[NBLK];
static volatile uint64_t itotal;
static struct mutex ilock;
static struct barrier bar;
static int nthreads;

/* The k-th term of the double series (k from 0): 1/(k+1)^2 scaled by the round. */
static double term(int k, int round)
{
	double x = k + 1.0;
	return (1.0 + round) / (x * x);
}

/* The k-th term of the integer series: a multiplicative hash. */
static uint32_t iterm(int k, int round)
{
	return ((uint32_t)k * 2654435761u + (uint32_t)round) >> 7;
}

/* Add up block b of the array. */
static double sum_block(int b)
{
	double s = 0;
	for (int k = b * (N / NBLK); k < (b + 1) * (N / NBLK); k++)
		s += terms[k];
	return s;
}

/* One worker's share of a round: fill, wait, sum blocks, merge integers. */
static void work_round(int id, int round)
{
	for (int k = id; k < N; k += nthreads)
		terms[k] = term(k, round);
	barrier_wait(&bar);
	uint64_t mine = 0;
	for (int b = id; b < NBLK; b += nthreads) {
		block_sum[b] = sum_block(b);
		for (int k = b * (N / NBLK); k < (b + 1) * (N / NBLK); k++)
			mine += iterm(k, round);
	}
	mutex_lock(&ilock);
	itotal += mine;
	mutex_unlock(&ilock);
	barrier_wait(&bar);
}

/* Combine the block sums in block order. */
static double combine(void)
{
	double s = 0;
	for (int b = 0; b < NBLK; b++)
		s += block_sum[b];
	return s;
}

/* Thread body: every round, then a last barrier so main may combine. */
static void worker(void *arg)
{
	int id = (int)(intptr_t)arg;
	for (int r = 0; r < ROUNDS; r++) {
		work_round(id, r);
		barrier_wait(&bar);   /* main reads block_sum between rounds */
	}
}

/* The whole computation in one thread; the reference answer. */
static double reference(uint64_t *isum)
{
	double total = 0;
	*isum = 0;
	for (int r = 0; r < ROUNDS; r++) {
		for (int k = 0; k < N; k++) {
			terms[k] = term(k, r);
			*isum += iterm(k, r);
		}
		for (int b = 0; b < NBLK; b++)
			block_sum[b] = sum_block(b);
		total += combine();
	}
	return total;
}

/* Run the threads, then the reference, and compare. */
int main(int argc, char **argv)
{
	nthreads = argc > 1 ? atoi(argv[1]) : ncpus();
	if (nthreads < 1 || nthreads > 60) {
		fprintf(2, "pcompute: bad thread count %d\n", nthreads);
		return 2;
	}
	barrier_init(&bar, nthreads);
	int start = uptime();
	for (int i = 1; i < nthreads; i++)
		if (thread_create(worker, (void *)(intptr_t)i) < 0) {
			fprintf(2, "pcompute: cannot start thread %d\n", i);
			return 1;
		}
	double total = 0;
	for (int r = 0; r < ROUNDS; r++) {
		work_round(0, r);
		total += combine();
		barrier_wait(&bar);
	}
	for (int i = 1; i < nthreads; i++)
		thread_join_any();
	int ticks = uptime() - start;
	uint64_t pisum = itotal, risum;
	double ref = reference(&risum);
	int ok = ref == total && risum == pisum;
	printf("pcompute: %d threads on %d cpus, %d ticks: answer %.9f %llu (%s)\n",
	       nthreads, ncpus(), ticks, total, (unsigned long long)pisum,
	       ok ? "matches one thread" : "WRONG");
	if (!ok)
		printf("pcompute: one thread gives %.9f %llu\n", ref,
		       (unsigned long long)risum);
	return ok ? 0 : 1;
}
