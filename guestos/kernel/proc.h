/*
 * proc.h - processes, threads and CPUs.  The fields used by the storage
 * and VM code (state, chan, killed, pid, parent, kstack, tf, vm, ofile,
 * cwd, name) keep their names and meaning.
 */
#ifndef GUESTOS_PROC_H
#define GUESTOS_PROC_H

#include <stdint.h>

#include "param.h"
#include "spinlock.h"

struct trapframe;
struct vmspace;
struct file;
struct inode;

/*
 * The registers swtch() saves on a kernel stack (the callee-saved ones);
 * struct context * is that stack's pointer after the save.
 */
struct context {
	uint32_t s[8];           /* s0..s7 */
	uint32_t fp;
	uint32_t ra;             /* where swtch returns to */
};

/*
 * Per-CPU state.  The first words are read by assembly (entry and TLB
 * refill code) through the CPU number in Context.PTEBase: keep them first
 * and in this order (CPU_* offsets in hal/native/halasm.h).  Each entry is
 * 128 bytes (1 << CPU_SHIFT), a few cache lines of its own.
 */
struct cpu {
	uint32_t pgdir;          /* +0: kseg0 address of the current user page directory */
	uint32_t ksp;            /* +4: kernel stack top of the running process */
	uint32_t scratch[6];     /* +8: entry code's spill area */
	int id;                  /* CPU number */
	int node;                /* its node */
	struct proc *proc;       /* running process, or 0 */
	struct context *sched;   /* switch() here to enter the scheduler */
	int noff;                /* depth of push_off */
	int intena;              /* were interrupts enabled before push_off? */
	volatile int idle;       /* parked in the scheduler, nothing to run */
	uint32_t timer_next;     /* Count value of the next timer interrupt */
	struct trapframe *faulttf; /* the frame of an unexpected kernel trap */
} __attribute__((aligned(128)));

extern struct cpu cpus[NCPU];

enum procstate { UNUSED, USED, SLEEPING, RUNNABLE, RUNNING, ZOMBIE };

/* A process, or a thread of a share group (sproc). */
struct proc {
	struct spinlock lock;

	/* p->lock must be held to use these: */
	enum procstate state;
	void *chan;              /* sleeping on chan */
	int killed;
	int xstate;              /* exit status for the parent's wait */
	int pid;
	int cpu;                 /* CPU it runs on, or last ran on */

	struct proc *parent;     /* wait_lock must be held */
	struct proc *rqnext;     /* the run queue's lock: next in the queue */

	/* private to the process: */
	char *kstack;            /* bottom of the kernel stack */
	struct trapframe *tf;    /* user registers, on the kernel stack */
	struct context *context; /* switch() here to run the process */
	struct vmspace *vm;      /* address space, shared by the share group */
	int sgroup;              /* pid of the share group's first member */
	struct file *ofile[NOFILE];
	struct inode *cwd;
	char name[16];

	/* lazy FPU state (fpu.c): */
	int fpulive;             /* the FPU of p->cpu holds p's registers */
	uint32_t fcsr;
	uint32_t fpregs[32];
};

struct cpu *mycpu(void);
struct proc *myproc(void);
int cpuid(void);
void sleep(void *chan, struct spinlock *lk);
void wakeup(void *chan);
int killed(struct proc *p);

#endif
