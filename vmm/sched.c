/*
 * sched.c - virtual CPUs time-shared on physical CPUs.
 *
 * One run queue for the machine (few vCPUs, one lock); a physical CPU
 * takes the first runnable vCPU whose VM has this CPU's node among its
 * home nodes, else the first runnable one that no idle CPU of its home
 * nodes could take (those are left to that CPU, woken by an IPI).  A
 * vCPU runs for a quantum (10 ms of real Count) and is preempted at its
 * end when another waits.
 *
 *   vCPU states:  OFF --start--> RUNNABLE <--quantum-- RUNNING
 *                                    ^  --taken by a CPU-->  |
 *                                    |                       | wait, MC_IDLE
 *                         interrupt pending <--- IDLE <------+  (nothing pending)
 *                         (vmm_kick)                   DONE: its VM powered off
 *
 * A physical CPU with nothing to run waits in WAIT (IE = 0: it polls its
 * Cause afterwards) with its real Compare at the earliest virtual timer
 * of an idle vCPU; a busy CPU checks those timers at each quantum's end.
 * A vCPU made runnable sends a real IPI to an idle CPU, preferring one of
 * its VM's home nodes.
 */
#include "vmm.h"

#define SCHED_QUANTUM_HZ 100            /* 10 ms quanta */
#define SCHED_MIN_TICKS  100            /* the nearest real Compare, in Count ticks */

static struct kspinlock sched_lock;
static struct vcpu *rq_head, *rq_tail;
static volatile int sched_vms_left = -1;

/* Whether node is one of vm's home nodes. */
static int sched_home(struct vm *vm, int node)
{
	for (int i = 0; i < vm->nhome; i++)
		if (vm->home_nodes[i] == node)
			return 1;
	return 0;
}

/* Append v to the run queue (sched_lock held). */
static void rq_push(struct vcpu *v)
{
	v->state = VCPU_RUNNABLE;
	v->rq_next = 0;
	if (rq_tail)
		rq_tail->rq_next = v;
	else
		rq_head = v;
	rq_tail = v;
}

/* An idle CPU on one of vm's home nodes, or -1 (sched_lock held). */
static int sched_idle_home_cpu(struct vm *vm)
{
	for (int c = 0; c < vmm_ncpus; c++)
		if (vmm_pcpu_tab[c]->idle && sched_home(vm, vmm_pcpu_tab[c]->node))
			return c;
	return -1;
}

/*
 * Take the best runnable vCPU for CPU p, or 0 (sched_lock held): the first
 * of a VM at home on p's node, else the first whose home nodes have no
 * idle CPU.  One that has is left to that CPU, which gets an IPI, and
 * *left is set.
 */
static struct vcpu *rq_take(struct pcpu *p, int *left)
{
	struct vcpu *best = 0, *prev = 0, *bprev = 0;
	*left = 0;
	for (struct vcpu *v = rq_head; v; prev = v, v = v->rq_next) {
		int home = sched_home(v->vm, p->node);
		int c = home || best ? -1 : sched_idle_home_cpu(v->vm);
		if (c >= 0) {
			vmm_ipi_cpu(c);
			*left = 1;
			continue;
		}
		if (home || !best) {
			best = v;
			bprev = prev;
			if (sched_home(v->vm, p->node))
				break;
		}
	}
	if (!best)
		return 0;
	if (bprev)
		bprev->rq_next = best->rq_next;
	else
		rq_head = best->rq_next;
	if (rq_tail == best)
		rq_tail = bprev;
	best->rq_next = 0;
	return best;
}

/* Send a real IPI to an idle CPU that suits v, if any (sched_lock held). */
static void sched_wake_cpu(struct vcpu *v)
{
	int any = -1;
	for (int c = 0; c < vmm_ncpus; c++) {
		struct pcpu *p = vmm_pcpu_tab[c];
		if (!p->idle)
			continue;
		if (sched_home(v->vm, p->node)) {
			vmm_ipi_cpu(c);
			return;
		}
		if (any < 0)
			any = c;
	}
	if (any >= 0)
		vmm_ipi_cpu(any);
}

/* Whether an interrupt is pending for v under its virtual IM (as WAIT sees it). */
static int sched_wakeable(struct vcpu *v)
{
	return (vmm_virq_pending(v) & (VSP(v, SP_STATUS) >> 8) & 0xFF) != 0;
}

/* v may have a new interrupt: make it runnable if idle, interrupt its CPU if running. */
void vmm_kick(struct vcpu *v)
{
	int ipi = -1;
	kspin_lock(&sched_lock);
	if (v->state == VCPU_IDLE && sched_wakeable(v)) {
		rq_push(v);
		sched_wake_cpu(v);
	} else if (v->state == VCPU_RUNNING && v->pcpu != vmm_cpu_id()) {
		ipi = v->pcpu;
	}
	kspin_unlock(&sched_lock);
	if (ipi >= 0)
		vmm_ipi_cpu(ipi);
}

/* The guest waits for an interrupt (wait, MC_IDLE): v leaves the CPU unless one is pending. */
void vmm_idle(struct vcpu *v)
{
	v->want_idle = 1;
}

/* Start vCPU v at its VM's kernel entry; -1 if it was started already. */
int vmm_vcpu_start(struct vcpu *v)
{
	int ok = 0;
	kspin_lock(&sched_lock);
	if (v->state == VCPU_OFF) {
		memset(&v->regs, 0, sizeof v->regs);
		v->regs.pc = v->entry;
		v->regs.r[4] = (uint32_t)v->id;
		v->regs.r[5] = (uint32_t)v->vm->nvcpus;
		v->regs.r[6] = v->bootinfo_gpa;
		v->regs.mode = VMODE_SUPER;
		rq_push(v);
		sched_wake_cpu(v);
		ok = 1;
	}
	kspin_unlock(&sched_lock);
	return ok ? 0 : -1;
}

/* Expire the virtual timers of idle vCPUs; the earliest deadline left (real Count) in *next. */
static int sched_timers(uint32_t now, uint32_t *next)
{
	int found = 0;
	kspin_lock(&sched_lock);
	for (int i = 0; i < vmm_nvms; i++)
		for (int k = 0; k < vmm_vms[i].nvcpus; k++) {
			struct vcpu *v = vmm_vms[i].vcpu[k];
			if (v->state != VCPU_IDLE)
				continue;
			vmm_timer_check(v, now);
			if (sched_wakeable(v)) {
				rq_push(v);
				sched_wake_cpu(v);
			} else if (v->timer_armed) {
				uint32_t d = VSP(v, SP_COMPARE) + v->count_base;
				if (!found || (int32_t)(d - *next) < 0)
					*next = d;
				found = 1;
			}
		}
	kspin_unlock(&sched_lock);
	return found;
}

/* Take p's current vCPU off the CPU (its FPU state saved). */
static void sched_put(struct pcpu *p)
{
	struct vcpu *v = p->cur;
	if (!v)
		return;
	if (p->fpu_owner == v)
		vmm_fpu_save(p);
	p->cur = 0;
}

/* Wait on this CPU until some vCPU is runnable; return it (taken off the queue). */
static struct vcpu *sched_wait(struct pcpu *p)
{
	for (;;) {
		p->idle = 1;
		kbarrier();
		int left;
		kspin_lock(&sched_lock);
		struct vcpu *v = rq_take(p, &left);
		if (v && v->vm->done) {
			v->state = VCPU_DONE;
			v = 0;
		}
		kspin_unlock(&sched_lock);
		if (v) {
			p->idle = 0;
			return v;
		}
		uint32_t next, now = kcp0_count();
		int timed = sched_timers(now, &next);
		io_poll();
		if (rq_head && !left)
			continue;
		uint32_t st = kcp0_status() & ~(uint32_t)(ST_IE | 0xFF00u);
		st |= ST_IM(2) | ST_IM(3) | (timed ? ST_IM(7) : 0);
		KCP0_WRITE(11, timed ? next : now - 1);
		kcp0_set_status(st);
		if (!timed || (int32_t)(kcp0_count() - next) < 0)
			__asm__ volatile("wait");
		vmm_intr(p);
	}
}

/* Load v onto CPU p: its translations, its FPU state if it uses the FPU. */
static void sched_switch_in(struct pcpu *p, struct vcpu *v)
{
	p->cur = v;
	p->regs = &v->regs;
	v->pcpu = p->id;
	v->state = VCPU_RUNNING;
	mem_vcpu_switch_in(v);
	if (VSP(v, SP_STATUS) & ST_CU1)
		vmm_fpu_load(p, v);
	p->slice_end = kcp0_count() + vmm_hz / SCHED_QUANTUM_HZ;
	p->enter_count = kcp0_count();
}

/* Whether v, running on p away from its home nodes, has an idle CPU at
   home to go to (read without the lock: a hint, rq_take decides). */
static int sched_may_go_home(struct pcpu *p, struct vcpu *v)
{
	return !sched_home(v->vm, p->node) && sched_idle_home_cpu(v->vm) >= 0;
}

/* Take v (p's current vCPU) off the CPU if it must leave now: 1 if it did.
   At the end of a quantum it leaves if another vCPU waits, or if it runs
   away from home and a CPU there is idle (rq_take hands it over). */
static int sched_leave(struct pcpu *p, struct vcpu *v, uint32_t now)
{
	if (v->vm->done) {
		sched_put(p);
		v->state = VCPU_DONE;
		return 1;
	}
	if (v->want_idle) {
		v->want_idle = 0;
		vmm_timer_check(v, now);
		if (sched_wakeable(v))
			return 0;
		sched_put(p);
		kspin_lock(&sched_lock);
		if (sched_wakeable(v))
			rq_push(v);
		else
			v->state = VCPU_IDLE;
		kspin_unlock(&sched_lock);
		return 1;
	}
	if ((int32_t)(now - p->slice_end) < 0)
		return 0;
	uint32_t next;
	sched_timers(now, &next);               /* idle vCPUs whose timer is due */
	if (!rq_head && !sched_may_go_home(p, v)) {
		p->slice_end = now + vmm_hz / SCHED_QUANTUM_HZ;
		return 0;
	}
	sched_put(p);
	kspin_lock(&sched_lock);
	rq_push(v);
	kspin_unlock(&sched_lock);
	return 1;
}

/* Program the real Compare for v on p: its quantum's end or its virtual timer (never past). */
static void sched_set_timer(struct pcpu *p, struct vcpu *v)
{
	uint32_t d = p->slice_end, now = kcp0_count();
	if (v->timer_armed) {
		uint32_t t = VSP(v, SP_COMPARE) + v->count_base;
		if ((int32_t)(t - d) < 0)
			d = t;
	}
	if ((int32_t)(d - now) < SCHED_MIN_TICKS)
		d = now + SCHED_MIN_TICKS;      /* a Compare already passed would wait for the wrap */
	KCP0_WRITE(11, d);
}

/* Choose what this CPU runs next and return into it (never returns). */
void vmm_resched(struct pcpu *p)
{
	struct vcpu *v = p->cur;
	uint32_t now = kcp0_count();
	if (!v || sched_leave(p, v, now)) {
		v = sched_wait(p);
		sched_switch_in(p, v);
		now = kcp0_count();
	}
	vmm_timer_check(v, now);
	vmm_virq_deliver(v);
	VSP(v, SP_COUNT) = now - v->count_base;
	sched_set_timer(p, v);
	v->regs.exit_base = v->regs.exit_count = kcp0_count();
	v->st.monitor_cycles += (uint64_t)(v->regs.exit_base - p->enter_count) * 2;
	vmm_trap_return(&v->regs, vmm_real_status(v));
}

/* VM vm powered off with status; the machine powers off when every VM has. */
void vmm_vm_done(struct vm *vm, int status)
{
	static int first_bad;
	kspin_lock(&sched_lock);
	int last = 0;
	if (!vm->done) {
		vm->done = 1;
		vm->status = status;
		if (status && !first_bad)
			first_bad = status;
		if (sched_vms_left < 0)
			sched_vms_left = vmm_nvms;
		last = --sched_vms_left == 0;
		for (int k = 0; k < vm->nvcpus; k++) {
			struct vcpu *w = vm->vcpu[k];
			if (w->state == VCPU_RUNNING && w->pcpu != vmm_cpu_id())
				vmm_ipi_cpu(w->pcpu);
			else if (w->state != VCPU_RUNNING)
				w->state = VCPU_DONE;
		}
	}
	kspin_unlock(&sched_lock);
	if (last) {
		io_stats_publish();
		kpoweroff(first_bad);
	}
}

/* Enter the scheduler on CPU p for good (after boot). */
void vmm_sched_start(struct pcpu *p)
{
	p->cur = 0;
	vmm_resched(p);
}

/* Save the FPU state of its owner (if any) on CPU p. */
void vmm_fpu_save(struct pcpu *p)
{
	struct vcpu *v = p->fpu_owner;
	if (!v)
		return;
	uint32_t st = kcp0_status();
	kcp0_set_status((st | ST_CU1) & ~(uint32_t)ST_FR);
	v->fcsr = kfpu_save(v->fpu);
	kcp0_set_status(st);
	p->fpu_owner = 0;
}

/* Make the real FPU of CPU p hold v's state (the guest set its virtual CU1). */
void vmm_fpu_load(struct pcpu *p, struct vcpu *v)
{
	if (p->fpu_owner == v)
		return;
	vmm_fpu_save(p);
	uint32_t st = kcp0_status();
	kcp0_set_status((st | ST_CU1) & ~(uint32_t)ST_FR);
	kfpu_load(v->fpu, v->fcsr);
	kcp0_set_status(st);
	p->fpu_owner = v;
}
