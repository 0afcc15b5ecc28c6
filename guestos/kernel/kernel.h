/*
 * kernel.h - the kernel core's functions, grouped by file (the storage
 * side is in fsdefs.h, virtual memory in vm.h).
 */
#ifndef GUESTOS_KERNEL_H
#define GUESTOS_KERNEL_H

#include <stdarg.h>
#include <stdint.h>

#include "param.h"
#include "proc.h"

struct context;
struct proc;
struct spinlock;
struct trapframe;

// printf.c
int kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void panic(const char *fmt, ...)
	__attribute__((noreturn, format(printf, 1, 2)));
void panic_trap(struct trapframe *tf, const char *fmt, ...)
	__attribute__((noreturn, format(printf, 2, 3)));
void printlock_acquire(void);
void printlock_release(void);

// backtrace.c
void backtrace(uint32_t pc, uint32_t sp, uint32_t ra);
void dumpregs(const struct trapframe *tf);

// console.c
void consoleinit(void);
void console_intr(void);

// proc.c
extern struct spinlock wait_lock;
void procinit(void);
struct proc *allocproc(void);
void freeproc(struct proc *p);
int fork(void);
void exit(int status) __attribute__((noreturn));
int wait(uint32_t addr);
int kill(int pid);
void setkilled(struct proc *p);
void userinit(void);
void proc_copyfiles(struct proc *np, struct proc *p);
int startchild(struct proc *np);
int procinfo(uint32_t addr, int max);

// sched.c
void sched_init(void);
void scheduler(void) __attribute__((noreturn));
void sched(void);
void yield(void);
void make_runnable(struct proc *p);
void sched_ipi(void);

// swtch.S
void swtch(struct context **old, struct context *new);

// sproc.c
int sproc(uint32_t entry, uint32_t arg, uint32_t stacktop);

// tsync.c
void tsyncinit(void);
int tsync(int op, uint32_t addr, uint32_t val);

// trap.c
extern uint32_t ticks;
extern struct spinlock tickslock;
void trapinit(void);
void trapinit_cpu(void);
void trap(struct trapframe *tf);
void usertrapret(void) __attribute__((noreturn));
void ipi_send(int cpu);

// syscall.c
int argint(int n, int *ip);
int argaddr(int n, uint32_t *ap);
int argstr(int n, char *buf, int max);
int fetchaddr(uint32_t addr, uint32_t *ip);
int fetchstr(uint32_t addr, char *buf, int max);
void syscall(void);

// fpu.c
void fpu_trap(struct proc *p);
void fpu_switchout(struct proc *p);
void fpu_copy(struct proc *np, struct proc *p);
void fpu_reset(struct proc *p);

// main.c
extern volatile int started;

/* Number of elements of a fixed-size array. */
#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

#endif
