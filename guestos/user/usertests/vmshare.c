/*
 * vmshare.c - usertests of one address space used by threads on several
 * CPUs at once: copy-on-write breaks and a shrinking break must reach
 * every CPU's TLB (shootdowns), and simultaneous faults on one page must
 * all succeed.
 */
#include "ut.h"

#define PG 4096
#define PAIRS 3          /* writer/reader pairs: 2 * PAIRS threads + main */
#define FORKS 40         /* each child keeps the pages shared for a tick */
#define SPINS 2000000

/* Per pair: a data page and a flag page; forks keep making both copy-on-write. */
static volatile int data[PAIRS][PG / sizeof(int)] __attribute__((aligned(PG)));
static volatile int flag[PAIRS][PG / sizeof(int)] __attribute__((aligned(PG)));
static volatile int pp_failed, pp_stop, pp_steps;
static int pp_nap;   /* fewer CPUs than threads: sleep now and then while spinning */

/* Spin until *p == v, storing to *busy (keeps that page's TLB entry fresh); 0, 1 when stopped, -1 on failure. */
static int await(volatile int *p, int v, volatile int *busy)
{
	for (int spins = 1; *p != v; spins++) {
		*busy = spins;
		if (pp_stop || pp_failed)
			return 1;
		if (spins > SPINS)
			return -1;
		if (pp_nap && spins % 4096 == 0)
			sleep(1);
	}
	return 0;
}

/*
 * The writer stores step into the data page (often breaking copy-on-write
 * there), then into the flag page; the reader, once it sees the flag, must
 * see the data: a CPU still mapping the old copy of the data page fails.
 * Both spin storing to the flag page, so their view of it is always fresh.
 */
static void pingpong(void *arg)
{
	int pair = (int)(intptr_t)arg >> 1, reader = (int)(intptr_t)arg & 1;
	volatile int *d = &data[pair][0], *f = &flag[pair][0], *ack = &flag[pair][64];
	for (int step = 1; !pp_stop && !pp_failed; step++) {
		int r;
		if (!reader) {
			*d = step;
			*f = step;
			r = await(ack, step, &flag[pair][128]);
		} else {
			r = await(f, step, &flag[pair][192]);
			if (r == 0 && *d != step)
				r = -1;
			*ack = step;
		}
		if (r < 0)
			pp_failed = 1;
		if (r == 0 && reader)
			atomic_add(&pp_steps, 1);
	}
}

/* Copy-on-write in a share group: forks keep making the pairs' pages shared while they write. */
void t_cowthreads(void)
{
	pp_nap = ncpus() <= 2 * PAIRS;
	for (int i = 0; i < 2 * PAIRS; i++)
		CHECK(thread_create(pingpong, (void *)(intptr_t)i) > 0);
	for (int forks = 0; forks < FORKS && !pp_failed; forks++) {
		int pid = fork();
		CHECK(pid >= 0);
		if (pid == 0) {
			sleep(1);   /* keep the pages shared for a while: writes must copy */
			exit(0);
		}
		CHECK(wait(0) > 0);   /* the child, or a thread that gave up */
	}
	pp_stop = 1;
	while (wait(0) > 0)
		;
	CHECK(!pp_failed);
	CHECK(pp_steps > 0);
	printf("  cowthreads: %d steps\n", pp_steps);
}

#define SB_THREADS 6
#define SB_PAGES 64
#define SB_ROUNDS 6

static struct barrier sb_bar;
static char *volatile sb_base;
static volatile int sb_bad;

/* Each round: touch every page of the new heap at once, check, then check it is zero again. */
static void sbrk_body(void *arg)
{
	int id = (int)(intptr_t)arg;
	for (int r = 0; r < SB_ROUNDS; r++) {
		barrier_wait(&sb_bar);          /* main grew the heap */
		char *b = sb_base;
		for (int p = 0; p < SB_PAGES; p++)
			if (b[p * PG + id] != 0)
				sb_bad = 1;             /* a page of the last round seen again */
		for (int p = 0; p < SB_PAGES; p++)
			b[p * PG + id] = (char)(r + 1);
		barrier_wait(&sb_bar);
		for (int p = 0; p < SB_PAGES; p++)
			for (int t = 0; t < SB_THREADS; t++)
				if (b[p * PG + t] != (char)(r + 1))
					sb_bad = 1;
		barrier_wait(&sb_bar);          /* main shrinks the heap */
	}
}

/* sbrk with threads: demand-zero races, and a shrink every CPU must notice. */
void t_sbrkthreads(void)
{
	int tids[SB_THREADS];
	barrier_init(&sb_bar, SB_THREADS + 1);
	for (int i = 0; i < SB_THREADS; i++)
		CHECK((tids[i] = thread_create(sbrk_body, (void *)(intptr_t)i)) > 0);
	char *cur = sbrk(0);   /* page-align the break: shrinking frees whole pages */
	CHECK(sbrk((PG - (int)((uintptr_t)cur % PG)) % PG) == cur);
	for (int r = 0; r < SB_ROUNDS; r++) {
		char *b = sbrk(SB_PAGES * PG);
		CHECK(b != (char *)-1);
		sb_base = b;
		barrier_wait(&sb_bar);
		barrier_wait(&sb_bar);
		barrier_wait(&sb_bar);
		CHECK(sbrk(-SB_PAGES * PG) == b + SB_PAGES * PG);
	}
	for (int i = 0; i < SB_THREADS; i++)
		CHECK(thread_join(tids[i]) == 0);
	CHECK(!sb_bad);
}
