/* fpu.c - usertests of FPU state across threads and processes, and of thread exit. */
#include "ut.h"

/* A floating-point workload whose result depends on every step. */
static double fp_work(int seed)
{
	double x = seed + 0.5, acc = 0;
	for (int i = 1; i < 20000; i++) {
		x = x * 1.0000001 + 1.0 / i;
		acc += x / (i + seed);
		if ((i & 1023) == 0)
			sleep(0);   /* give the CPU away with live FPU registers */
	}
	return acc;
}

static double results[64];

/* Thread body: compute fp_work for our id. */
static void fp_thread(void *arg)
{
	int id = (int)(intptr_t)arg;
	results[id] = fp_work(id);
}

/* FPU: more FP threads (and processes) than CPUs must all get exact results. */
void t_fpu(void)
{
	int n = 2 * ncpus() + 1;
	if (n > 40)
		n = 40;
	for (int i = 0; i < n; i++)
		CHECK(thread_create(fp_thread, (void *)(intptr_t)i) > 0);
	int pid = fork();
	CHECK(pid >= 0);
	if (pid == 0)
		exit(fp_work(7) == fp_work(7) ? 0 : 1);
	for (int i = 0; i < n + 1; i++) {
		int st = -1;
		int w = wait(&st);
		CHECK(w > 0 && st == 0);
	}
	for (int i = 0; i < n; i++)
		CHECK(results[i] == fp_work(i));
}

/* Thread body: report our pid, then spin until killed. */
static void spinner(void *arg)
{
	int fd = (int)(intptr_t)arg;
	int pid = getpid();
	write(fd, &pid, sizeof(pid));
	for (volatile int x = 0;; x++)
		;
}

/* In a child: start spinning threads, send their pids, exit from the main thread. */
static void exiting_leader(int fd)
{
	for (int i = 0; i < 3; i++)
		if (thread_create(spinner, (void *)(intptr_t)fd) < 0)
			exit(1);
	sleep(2);
	exit(0);
}

/* Thread exit: the leader exits while threads run; killing them frees the group. */
void t_threadexit(void)
{
	int killed[9], nkilled = 0;
	for (int round = 0; round < 3; round++) {
		int p[2];
		CHECK(pipe(p) == 0);
		int pid = fork();
		CHECK(pid >= 0);
		if (pid == 0)
			exiting_leader(p[1]);
		close(p[1]);
		int st = -1;
		CHECK(wait(&st) == pid && st == 0);
		int tpid, n = 0;
		while (n < 3 && read(p[0], &tpid, sizeof(tpid)) == sizeof(tpid)) {
			CHECK(kill(tpid) == 0);
			killed[nkilled++] = tpid;
			n++;
		}
		CHECK(n == 3);
		close(p[0]);
	}
	/* the killed threads are gone: no spinner is left in the process table */
	sleep(5);
	static struct procinfo pi[256];
	int n = procinfo(pi, 256);
	for (int i = 0; i < n; i++)
		for (int k = 0; k < nkilled; k++)
			CHECK(pi[i].pid != killed[k] || pi[i].state == PI_ZOMBIE);
}
