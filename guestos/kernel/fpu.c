/*
 * fpu.c - lazy FPU switching.  User threads start with Status.CU1 clear;
 * the first FPU instruction traps (Coprocessor Unusable, CE = 1), and
 * fpu_trap loads the thread's FPU registers and sets CU1 in its saved
 * Status.  When the thread leaves the CPU (sched), registers it loaded
 * are saved and CU1 cleared again, so a thread that never touches the FPU
 * costs nothing, and one that does can run on any CPU next.
 */
#include "hal.h"
#include "halasm.h"
#include "kernel.h"
#include "klib.h"
#include "proc.h"
#include "trapframe.h"

/* Coprocessor Unusable for CP1 from user mode: give p the FPU. */
void fpu_trap(struct proc *p)
{
	push_off();
	hal_fpu_enable();
	hal_fpu_restore(p->fpregs, p->fcsr);
	hal_fpu_disable();
	p->fpulive = 1;
	p->tf->status |= SR_CU1;
	pop_off();
}

/* p leaves this CPU (interrupts off): save its FPU registers if loaded. */
void fpu_switchout(struct proc *p)
{
	if (!p->fpulive)
		return;
	hal_fpu_enable();
	hal_fpu_save(p->fpregs, &p->fcsr);
	hal_fpu_disable();
	p->fpulive = 0;
	p->tf->status &= ~(uint32_t)SR_CU1;
}

/* Give child np a copy of p's FPU state (fork). */
void fpu_copy(struct proc *np, struct proc *p)
{
	push_off();
	fpu_switchout(p);
	pop_off();
	memcpy(np->fpregs, p->fpregs, sizeof(np->fpregs));
	np->fcsr = p->fcsr;
	np->fpulive = 0;
	np->tf->status &= ~(uint32_t)SR_CU1;
}

/* Forget p's FPU state: zero registers, FPU closed (new process, exec). */
void fpu_reset(struct proc *p)
{
	p->fpulive = 0;
	p->fcsr = 0;
	memset(p->fpregs, 0, sizeof(p->fpregs));
	p->tf->status &= ~(uint32_t)SR_CU1;
}
