/* thread.c - usertests of sproc threads, tsync and the library's locks. */
#include "ut.h"

#define NT 16
#define INCS 2000

static struct mutex lock;
static volatile int counter;
static volatile int slots[64];

/* Add to the shared counter under the mutex, and record our pid. */
static void incr(void *arg)
{
	int id = (int)(intptr_t)arg;
	slots[id] = getpid();
	for (int i = 0; i < INCS; i++) {
		mutex_lock(&lock);
		int v = counter;
		if ((i & 63) == 0)
			sleep(0);
		counter = v + 1;
		mutex_unlock(&lock);
	}
}

/* Threads share memory: NT threads increment one counter under a mutex. */
void t_threads(void)
{
	int tids[NT];
	for (int i = 0; i < NT; i++) {
		tids[i] = thread_create(incr, (void *)(intptr_t)i);
		CHECK(tids[i] > 0);
	}
	for (int i = 0; i < NT; i++)
		CHECK(thread_join(tids[i]) == 0);
	CHECK(counter == NT * INCS);
	for (int i = 0; i < NT; i++) {
		CHECK(slots[i] == tids[i]);
		CHECK(slots[i] != getpid());
	}
	CHECK(wait(0) == -1);
}

static struct barrier many_bar;

/* Wait at the barrier, then note we got through. */
static void many_body(void *arg)
{
	barrier_wait(&many_bar);
	atomic_add(&slots[(intptr_t)arg], 1);
}

/* Many threads at once: 40 threads all alive together (they meet at a barrier). */
void t_manythreads(void)
{
	enum { N = 40 };
	barrier_init(&many_bar, N + 1);
	for (int i = 0; i < N; i++) {
		slots[i] = 0;
		CHECK(thread_create(many_body, (void *)(intptr_t)i) > 0);
	}
	static struct procinfo pi[256];
	int n = procinfo(pi, 256), mine = 0;
	for (int i = 0; i < n; i++)
		mine += pi[i].sgroup == getpid();
	CHECK(mine == N + 1);
	barrier_wait(&many_bar);
	for (int i = 0; i < N; i++)
		CHECK(thread_join_any() > 0);
	for (int i = 0; i < N; i++)
		CHECK(slots[i] == 1);
	CHECK(thread_join_any() == -1);
}

#define QSIZE 8
#define ITEMS 3000
static struct sem qfree, qfull;
static struct mutex qlock;
static int queue[QSIZE], qhead, qtail;
static volatile int consumed_sum;

/* Producer: put 1..ITEMS into the bounded queue. */
static void producer(void *arg)
{
	(void)arg;
	for (int i = 1; i <= ITEMS; i++) {
		sem_down(&qfree);
		mutex_lock(&qlock);
		queue[qtail++ % QSIZE] = i;
		mutex_unlock(&qlock);
		sem_up(&qfull);
	}
}

/* Consumer: take ITEMS values from the queue and add them up. */
static void consumer(void *arg)
{
	(void)arg;
	for (int i = 0; i < ITEMS; i++) {
		sem_down(&qfull);
		mutex_lock(&qlock);
		int v = queue[qhead++ % QSIZE];
		mutex_unlock(&qlock);
		sem_up(&qfree);
		atomic_add(&consumed_sum, v);
	}
}

/* Semaphores: two producers and two consumers over an 8-slot queue. */
void t_sem(void)
{
	sem_init(&qfree, QSIZE);
	sem_init(&qfull, 0);
	for (int i = 0; i < 2; i++) {
		CHECK(thread_create(producer, 0) > 0);
		CHECK(thread_create(consumer, 0) > 0);
	}
	for (int i = 0; i < 4; i++)
		CHECK(thread_join_any() > 0);
	CHECK(consumed_sum == 2 * (ITEMS * (ITEMS + 1) / 2));
	CHECK(qfree.count == QSIZE && qfull.count == 0);
}

#define BT 6
#define ROUNDS 100
static struct barrier bar;
static volatile int phase[BT];
static volatile int bar_errors;

/* In each round, set our phase, meet, and check every thread is in this round. */
static void bar_body(void *arg)
{
	int id = (int)(intptr_t)arg;
	for (int r = 1; r <= ROUNDS; r++) {
		phase[id] = r;
		barrier_wait(&bar);
		for (int j = 0; j < BT; j++)
			if (phase[j] != r)
				atomic_add(&bar_errors, 1);
		barrier_wait(&bar);
	}
}

/* Barrier: BT threads, ROUNDS rounds, nobody runs ahead. */
void t_barrier(void)
{
	barrier_init(&bar, BT);
	for (int i = 1; i < BT; i++)
		CHECK(thread_create(bar_body, (void *)(intptr_t)i) > 0);
	bar_body(0);
	for (int i = 1; i < BT; i++)
		CHECK(thread_join_any() > 0);
	CHECK(bar_errors == 0);
}

static volatile int flag;

/* Sleep in tsync until flag becomes non-zero. */
static void flag_waiter(void *arg)
{
	(void)arg;
	while (flag == 0)
		CHECK(tsync(TSYNC_WAIT, &flag, 0) == 0);
}

/* tsync: no sleep when the value differs, nobody to wake, a real wakeup. */
void t_tsync(void)
{
	volatile int w = 5;
	CHECK(tsync(TSYNC_WAIT, &w, 4) == 0);
	CHECK(tsync(TSYNC_WAKE, &w, 10) == 0);
	int tid = thread_create(flag_waiter, 0);
	CHECK(tid > 0);
	sleep(2);
	flag = 1;
	int woken = 0;
	for (int i = 0; i < 100 && woken == 0; i++) {
		woken = tsync(TSYNC_WAKE, &flag, 1);
		if (woken == 0)
			sleep(1);
	}
	CHECK(woken == 1);
	CHECK(thread_join(tid) == 0);
}
