/*
 * proc.h - processes, threads and CPUs.  (Starter version: the kernel
 * core adds fields; the ones named here are used by the storage and VM
 * code and keep their names and meaning.)
 */
#ifndef GUESTOS_PROC_H
#define GUESTOS_PROC_H

#include <stdint.h>

#include "param.h"
#include "spinlock.h"

struct context;
struct trapframe;
struct vmspace;
struct file;
struct inode;

/*
 * Per-CPU state.  The first words are read by assembly (entry and TLB
 * refill code) through the CPU number in Context.PTEBase: keep them first
 * and in this order (CPU_* offsets in hal/native/halasm.h).
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
};

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

	struct proc *parent;     /* wait_lock must be held */

	/* private to the process: */
	char *kstack;            /* bottom of the kernel stack */
	struct trapframe *tf;    /* user registers, on the kernel stack */
	struct context *context; /* switch() here to run the process */
	struct vmspace *vm;      /* address space, shared by the share group */
	struct file *ofile[NOFILE];
	struct inode *cwd;
	char name[16];
};

struct cpu *mycpu(void);
struct proc *myproc(void);
int cpuid(void);
void sleep(void *chan, struct spinlock *lk);
void wakeup(void *chan);
int killed(struct proc *p);

#endif
