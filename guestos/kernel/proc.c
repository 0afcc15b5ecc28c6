/*
 * proc.c - the process table: creating processes (fork, the first
 * process), ending them (exit, wait, kill), and sleep/wakeup.  Scheduling
 * is in sched.c, share-group threads in sproc.c.
 */
#include "file.h"
#include "fsdefs.h"
#include "hal.h"
#include "halasm.h"
#include "kernel.h"
#include "klib.h"
#include "proc.h"
#include "procinfo.h"
#include "trapframe.h"
#include "vm.h"

struct cpu cpus[NCPU];
struct proc proc[NPROC];
static char kstacks[NPROC][KSTACKSIZE] __attribute__((aligned(16)));

static struct proc *initproc;
static struct spinlock pid_lock;
static int nextpid = 1;

/*
 * wait_lock keeps wakeups of a waiting parent from being lost and guards
 * every p->parent; take it before any p->lock.
 */
struct spinlock wait_lock;

_Static_assert(sizeof(struct cpu) == 1 << CPU_SHIFT, "struct cpu size");
_Static_assert(__builtin_offsetof(struct cpu, ksp) == CPU_KSP, "cpu.ksp");

/* Prepare the process table. */
void procinit(void)
{
	initlock(&pid_lock, "nextpid");
	initlock(&wait_lock, "wait_lock");
	for (struct proc *p = proc; p < &proc[NPROC]; p++) {
		initlock(&p->lock, "proc");
		p->kstack = kstacks[p - proc];
	}
	for (int c = 0; c < NCPU; c++) {
		cpus[c].id = c;
		cpus[c].node = c < hal_ncpus() ? hal_cpu_node(c) : 0;
	}
	sched_init();
}

/* The current CPU's state (interrupts should be off). */
struct cpu *mycpu(void)
{
	return &cpus[hal_cpu_id()];
}

/* This CPU's number. */
int cpuid(void)
{
	return hal_cpu_id();
}

/* The running process, or 0 in the scheduler. */
struct proc *myproc(void)
{
	push_off();
	struct proc *p = mycpu()->proc;
	pop_off();
	return p;
}

/* A new process id. */
static int allocpid(void)
{
	acquire(&pid_lock);
	int pid = nextpid++;
	release(&pid_lock);
	return pid;
}

void forkret(void);
void swtch_newproc(void);

/*
 * Find an unused process slot and make it ready to start in forkret:
 *
 *   kstack + KSTACKSIZE -> +--------------------+
 *                          | trap frame (p->tf) |  returned to user mode
 *                          +--------------------+
 *                          | struct context     |  swtch pops it: ra = swtch_newproc
 *   p->context          -> +--------------------+
 *
 * Returns it with p->lock held, or 0 when the table is full.
 */
struct proc *allocproc(void)
{
	struct proc *p;
	for (p = proc; p < &proc[NPROC]; p++) {
		acquire(&p->lock);
		if (p->state == UNUSED)
			break;
		release(&p->lock);
	}
	if (p == &proc[NPROC])
		return 0;
	p->pid = allocpid();
	p->state = USED;
	p->sgroup = p->pid;
	p->killed = 0;
	p->xstate = 0;
	p->vm = 0;
	p->cwd = 0;
	p->rqnext = 0;
	p->cpu = cpuid();
	memset(p->ofile, 0, sizeof(p->ofile));
	char *top = p->kstack + KSTACKSIZE;
	p->tf = (struct trapframe *)(top - TRAPFRAME_BYTES + TF_OFF);
	memset(p->tf, 0, sizeof(*p->tf));
	p->tf->status = hal_user_status();
	p->context = (struct context *)(top - TRAPFRAME_BYTES) - 1;
	memset(p->context, 0, sizeof(*p->context));
	p->context->ra = (uint32_t)swtch_newproc;
	fpu_reset(p);
	return p;
}

/* Return a finished slot to the table (p->lock held). */
void freeproc(struct proc *p)
{
	p->pid = 0;
	p->parent = 0;
	p->name[0] = 0;
	p->chan = 0;
	p->killed = 0;
	p->xstate = 0;
	p->vm = 0;
	p->state = UNUSED;
}

/* Give np copies of p's open files and working directory, and its name. */
void proc_copyfiles(struct proc *np, struct proc *p)
{
	for (int fd = 0; fd < NOFILE; fd++)
		if (p->ofile[fd])
			np->ofile[fd] = filedup(p->ofile[fd]);
	np->cwd = p->cwd ? idup(p->cwd) : 0;
	memcpy(np->name, p->name, sizeof(p->name));
}

/* Make np (USED, unlocked) runnable as a child of the caller; its pid. */
int startchild(struct proc *np)
{
	int pid = np->pid;
	acquire(&wait_lock);
	np->parent = myproc();
	release(&wait_lock);
	acquire(&np->lock);
	make_runnable(np);
	release(&np->lock);
	return pid;
}

/* Create a child: a copy-on-write copy of the caller; return its pid. */
int fork(void)
{
	struct proc *p = myproc(), *np = allocproc();
	if (!np)
		return -1;
	release(&np->lock);      /* USED keeps the slot; vm_fork may wake others */
	np->vm = vm_fork(p->vm);
	if (!np->vm) {
		acquire(&np->lock);
		freeproc(np);
		release(&np->lock);
		return -1;
	}
	*np->tf = *p->tf;
	np->tf->v0 = 0;
	fpu_copy(np, p);
	proc_copyfiles(np, p);
	return startchild(np);
}

/* Give p's children to init (wait_lock held). */
static void reparent(struct proc *p)
{
	for (struct proc *pp = proc; pp < &proc[NPROC]; pp++) {
		if (pp->parent == p) {
			pp->parent = initproc;
			wakeup(initproc);
		}
	}
}

/* Release the files, directory and address space of the current process. */
static void dropresources(struct proc *p)
{
	for (int fd = 0; fd < NOFILE; fd++) {
		if (p->ofile[fd]) {
			fileclose(p->ofile[fd]);
			p->ofile[fd] = 0;
		}
	}
	if (p->cwd) {
		begin_op();
		iput(p->cwd);
		end_op();
		p->cwd = 0;
	}
	struct vmspace *vm = p->vm;
	push_off();
	vm_switch(0);
	p->vm = 0;
	pop_off();
	if (vm)
		vm_release(vm);
}

/* End the current process; it stays a zombie until its parent waits. */
void exit(int status)
{
	struct proc *p = myproc();
	if (p == initproc)
		panic("init exiting with status %d", status);
	dropresources(p);
	acquire(&wait_lock);
	reparent(p);
	wakeup(p->parent);
	acquire(&p->lock);
	p->xstate = status;
	p->state = ZOMBIE;
	release(&wait_lock);
	sched();
	panic("zombie exit");
}

/* Collect one zombie child (or thread); store its status at user addr. */
int wait(uint32_t addr)
{
	struct proc *p = myproc();
	acquire(&wait_lock);
	for (;;) {
		int kids = 0;
		for (struct proc *pp = proc; pp < &proc[NPROC]; pp++) {
			if (pp->parent != p)
				continue;
			acquire(&pp->lock);
			kids = 1;
			if (pp->state == ZOMBIE) {
				int pid = pp->pid, xstate = pp->xstate;
				freeproc(pp);
				release(&pp->lock);
				release(&wait_lock);
				/* copyout may sleep: no spinlock held here */
				if (addr && copyout(p->vm, addr, &xstate,
						    sizeof(xstate)) < 0)
					return -1;
				return pid;
			}
			release(&pp->lock);
		}
		if (!kids || killed(p)) {
			release(&wait_lock);
			return -1;
		}
		sleep(p, &wait_lock);
	}
}

/* Mark process pid killed; it exits when it next leaves the kernel.  init (pid 1) cannot be killed. */
int kill(int pid)
{
	if (pid == 1)
		return -1;
	for (struct proc *p = proc; p < &proc[NPROC]; p++) {
		acquire(&p->lock);
		if (p->pid == pid && p->state != UNUSED) {
			p->killed = 1;
			if (p->state == SLEEPING)
				make_runnable(p);
			release(&p->lock);
			return 0;
		}
		release(&p->lock);
	}
	return -1;
}

/* Mark p killed. */
void setkilled(struct proc *p)
{
	acquire(&p->lock);
	p->killed = 1;
	release(&p->lock);
}

/* Has p been killed? */
int killed(struct proc *p)
{
	acquire(&p->lock);
	int k = p->killed;
	release(&p->lock);
	return k;
}

/* Sleep on chan, releasing lk meanwhile; lk is held again on return. */
void sleep(void *chan, struct spinlock *lk)
{
	struct proc *p = myproc();
	acquire(&p->lock);
	release(lk);
	p->chan = chan;
	p->state = SLEEPING;
	sched();
	p->chan = 0;
	release(&p->lock);
	acquire(lk);
}

/* Wake every process sleeping on chan. */
void wakeup(void *chan)
{
	struct proc *me = myproc();
	for (struct proc *p = proc; p < &proc[NPROC]; p++) {
		if (p == me)
			continue;
		acquire(&p->lock);
		if (p->state == SLEEPING && p->chan == chan)
			make_runnable(p);
		release(&p->lock);
	}
}

/* Create the first process; it mounts the root and execs /init (forkret). */
void userinit(void)
{
	struct proc *p = allocproc();
	if (!p)
		panic("userinit: no process");
	initproc = p;
	strcpy(p->name, "init");
	make_runnable(p);
	release(&p->lock);
}

/*
 * Build argv = {"/init", the words of the kernel command line} and exec
 * it; the word "vmtest" first runs the VM self-test (vmtest.c).
 */
static void execinit(void)
{
	static char line[256];
	static char *argv[MAXARG];
	int argc = 0;
	strncpy(line, hal_cmdline(), sizeof(line) - 1);
	argv[argc++] = "/init";
	for (char *s = line; *s && argc < MAXARG - 1;) {
		while (*s == ' ')
			*s++ = 0;
		if (*s)
			argv[argc++] = s;
		while (*s && *s != ' ')
			s++;
	}
	argv[argc] = 0;
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], "vmtest") == 0)
			vm_test();
	if ((myproc()->cwd = namei("/")) == 0)
		panic("execinit: no root directory");
	if (exec("/init", argv) < 0)
		panic("execinit: cannot exec /init");
}

/* A new process's first kernel code: leave the scheduler, go to user mode. */
void forkret(void)
{
	struct proc *p = myproc();
	release(&p->lock);
	if (p == initproc && !p->vm) {
		fsinit(ROOTDEV);
		execinit();
	}
	usertrapret();
}

/* Fill user buf with up to max struct procinfo; return how many. */
int procinfo(uint32_t addr, int max)
{
	static const int pstate[] = { [SLEEPING] = PI_SLEEPING,
		[RUNNABLE] = PI_RUNNABLE, [RUNNING] = PI_RUNNING,
		[ZOMBIE] = PI_ZOMBIE };
	struct proc *me = myproc();
	int n = 0;
	for (struct proc *p = proc; p < &proc[NPROC] && n < max; p++) {
		struct procinfo pi;
		memset(&pi, 0, sizeof(pi));
		acquire(&wait_lock);
		acquire(&p->lock);
		int used = p->state != UNUSED && p->state != USED;
		pi.pid = p->pid;
		pi.ppid = p->parent ? p->parent->pid : 0;
		pi.state = pstate[p->state];
		pi.cpu = p->cpu;
		pi.sgroup = p->sgroup;
		pi.size = p->vm ? vm_size(p->vm) : 0;
		memcpy(pi.name, p->name, sizeof(pi.name));
		release(&p->lock);
		release(&wait_lock);
		if (!used)
			continue;
		if (copyout(me->vm, addr + (uint32_t)n * sizeof(pi), &pi,
			    sizeof(pi)) < 0)
			return -1;
		n++;
	}
	return n;
}
