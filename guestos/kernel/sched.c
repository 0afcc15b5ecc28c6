/*
 * sched.c - the scheduler: one run queue per CPU.
 *
 * A process that becomes runnable goes to the queue of a CPU chosen by
 * make_runnable: the CPU it last ran on if that one is idle, else any idle
 * CPU (woken with an IPI), else the CPU doing the waking.  A CPU runs its
 * own queue first in FIFO order; when it is empty it steals from the
 * others, and when there is nothing anywhere it parks in WAIT until an
 * interrupt (the timer, a device, or an IPI for new work).
 *
 * Locks: p->lock, then a queue's lock.  A process is in a queue exactly
 * while it is RUNNABLE and no scheduler has taken it out yet.
 */
#include "hal.h"
#include "kernel.h"
#include "proc.h"
#include "vm.h"

struct runq {
	struct spinlock lock;
	struct proc *head, *tail;
	volatile int n;          /* processes queued */
} __attribute__((aligned(32)));

static struct runq runqs[NCPU];

/* Prepare the run queues. */
void sched_init(void)
{
	for (int c = 0; c < NCPU; c++)
		initlock(&runqs[c].lock, "runq");
}

/* Append p to CPU c's queue. */
static void rq_push(int c, struct proc *p)
{
	struct runq *q = &runqs[c];
	acquire(&q->lock);
	p->rqnext = 0;
	if (q->tail)
		q->tail->rqnext = p;
	else
		q->head = p;
	q->tail = p;
	q->n++;
	release(&q->lock);
}

/* Take the first process of CPU c's queue, or 0. */
static struct proc *rq_pop(int c)
{
	struct runq *q = &runqs[c];
	if (q->n == 0)
		return 0;
	acquire(&q->lock);
	struct proc *p = q->head;
	if (p) {
		q->head = p->rqnext;
		if (!q->head)
			q->tail = 0;
		q->n--;
	}
	release(&q->lock);
	return p;
}

/* Steal a process queued on another CPU, or 0. */
static struct proc *rq_steal(int me)
{
	int n = hal_ncpus();
	for (int i = 1; i < n; i++) {
		struct proc *p = rq_pop((me + i) % n);
		if (p)
			return p;
	}
	return 0;
}

/* The CPU p should be queued on. */
static int choose_cpu(struct proc *p)
{
	int n = hal_ncpus();
	if (p->cpu >= 0 && p->cpu < n && cpus[p->cpu].idle)
		return p->cpu;
	for (int i = 0; i < n; i++) {
		int c = (p->cpu + i) % n;
		if (cpus[c].idle && runqs[c].n == 0)
			return c;
	}
	return cpuid();
}

/* Mark p runnable and queue it (p->lock held); wake the CPU if idle. */
void make_runnable(struct proc *p)
{
	push_off();
	int c = choose_cpu(p);
	p->state = RUNNABLE;
	rq_push(c, p);
	if (c != cpuid() && cpus[c].idle)
		hal_ipi_send(c);
	pop_off();
}

/* Park this CPU until an interrupt, unless work arrived meanwhile. */
static void idle(struct cpu *c)
{
	c->idle = 1;
	__asm__ volatile("sync" ::: "memory");
	if (runqs[c->id].n == 0)
		hal_idle();
	c->idle = 0;
}

/* Run p on this CPU until it gives the CPU back (p->lock held). */
static void runproc(struct cpu *c, struct proc *p)
{
	p->state = RUNNING;
	p->cpu = c->id;
	c->proc = p;
	c->ksp = (uint32_t)p->kstack + KSTACKSIZE;
	vm_switch(p->vm);
	swtch(&c->sched, p->context);
	vm_switch(0);
	c->proc = 0;
}

/* Each CPU's loop: pick a process, run it, repeat.  Never returns. */
void scheduler(void)
{
	struct cpu *c = mycpu();
	c->proc = 0;
	for (;;) {
		hal_intr_on();          /* let pending interrupts in */
		hal_intr_off();
		struct proc *p = rq_pop(c->id);
		if (!p)
			p = rq_steal(c->id);
		if (!p) {
			idle(c);
			continue;
		}
		acquire(&p->lock);
		if (p->state != RUNNABLE)
			panic("scheduler: queued pid %d in state %d", p->pid,
			      p->state);
		runproc(c, p);
		release(&p->lock);
	}
}

/*
 * Give the CPU to the scheduler.  The caller holds only p->lock and has
 * changed p->state.  intena belongs to this kernel thread, not the CPU.
 */
void sched(void)
{
	struct proc *p = myproc();
	struct cpu *c = mycpu();
	if (!holding(&p->lock))
		panic("sched: p->lock not held");
	if (c->noff != 1)
		panic("sched: %d locks held", c->noff);
	if (p->state == RUNNING)
		panic("sched: running");
	if (hal_intr_enabled())
		panic("sched: interruptible");
	fpu_switchout(p);
	int intena = c->intena;
	swtch(&p->context, c->sched);
	mycpu()->intena = intena;
}

/* Give up the CPU for one scheduling round. */
void yield(void)
{
	struct proc *p = myproc();
	acquire(&p->lock);
	p->state = RUNNABLE;
	rq_push(cpuid(), p);
	sched();
	release(&p->lock);
}
