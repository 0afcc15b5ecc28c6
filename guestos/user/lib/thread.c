/*
 * thread.c - threads of one share group, made with sproc.  Each thread
 * gets a malloc'ed stack whose top holds its thread block:
 *
 *     stack                                         stack + THREAD_STACK
 *     +--------------------------------------+-----+----------------+
 *     | grows down <-                        | pad | fn | arg | ... |
 *     +--------------------------------------+-----+----------------+
 *                                            ^ sp at start (8-aligned)
 *
 * The kernel's wait collects finished threads like children; joining
 * frees the stack.  The table below remembers which pid owns which stack.
 */
#include "ulib.h"

#define MAXTHREADS 64

/* What uthread_start (threadasm.S) reads: keep fn and arg first. */
struct tblock {
	void (*fn)(void *);
	void *arg;
};

/* One live (or finished but unjoined) thread. */
struct tslot {
	int pid;       /* 0: slot free */
	int done;      /* reaped by someone else's join: waiting to be joined */
	char *stack;
};

static struct tslot threads[MAXTHREADS];
static struct mutex tlock;

void uthread_start(void *block);

/* Record a new thread; return its slot or 0 when the table is full. */
static struct tslot *slot_claim(void)
{
	mutex_lock(&tlock);
	for (int i = 0; i < MAXTHREADS; i++) {
		if (threads[i].pid == 0) {
			threads[i].pid = -1;
			threads[i].done = 0;
			mutex_unlock(&tlock);
			return &threads[i];
		}
	}
	mutex_unlock(&tlock);
	return 0;
}

/* Find the slot of thread pid, or 0 (tlock held). */
static struct tslot *slot_find(int pid)
{
	for (int i = 0; i < MAXTHREADS; i++)
		if (threads[i].pid == pid)
			return &threads[i];
	return 0;
}

/* Start fn(arg) in a new thread of this share group; return its pid or -1. */
int thread_create(void (*fn)(void *), void *arg)
{
	struct tslot *ts = slot_claim();
	if (!ts)
		return -1;
	char *stack = malloc(THREAD_STACK);
	if (!stack) {
		ts->pid = 0;
		return -1;
	}
	struct tblock *tb = (struct tblock *)(stack + THREAD_STACK) - 1;
	tb->fn = fn;
	tb->arg = arg;
	char *top = (char *)((uintptr_t)tb & ~7u);
	ts->stack = stack;
	mutex_lock(&tlock);  /* held across sproc: a join must find the pid */
	int pid = sproc(uthread_start, tb, top);
	if (pid < 0) {
		ts->pid = 0;
		free(stack);
	} else {
		ts->pid = pid;
	}
	mutex_unlock(&tlock);
	return pid;
}

/* Forget the thread in ts and free its stack. */
static void slot_release(struct tslot *ts)
{
	free(ts->stack);
	ts->stack = 0;
	ts->pid = 0;
}

/*
 * Wait for thread tid to end and free its stack; 0 on success, -1 if it
 * is not a thread of ours.  Threads (or children) that end meanwhile are
 * collected too: threads are marked done for their own join.
 */
int thread_join(int tid)
{
	mutex_lock(&tlock);
	struct tslot *ts = slot_find(tid);
	if (!ts) {
		mutex_unlock(&tlock);
		return -1;
	}
	if (ts->done) {
		slot_release(ts);
		mutex_unlock(&tlock);
		return 0;
	}
	mutex_unlock(&tlock);
	for (;;) {
		int pid = wait(0);
		if (pid < 0)
			return -1;
		mutex_lock(&tlock);
		struct tslot *o = slot_find(pid);
		if (pid == tid)
			slot_release(o);
		else if (o)
			o->done = 1;
		mutex_unlock(&tlock);
		if (pid == tid)
			return 0;
	}
}

/* Wait for any one thread to end, free its stack and return its pid (-1: none). */
int thread_join_any(void)
{
	mutex_lock(&tlock);
	for (int i = 0; i < MAXTHREADS; i++) {
		if (threads[i].pid > 0 && threads[i].done) {
			int pid = threads[i].pid;
			slot_release(&threads[i]);
			mutex_unlock(&tlock);
			return pid;
		}
	}
	mutex_unlock(&tlock);
	for (;;) {
		int pid = wait(0);
		if (pid < 0)
			return -1;
		mutex_lock(&tlock);
		struct tslot *o = slot_find(pid);
		if (o)
			slot_release(o);
		mutex_unlock(&tlock);
		if (o)
			return pid;
	}
}
