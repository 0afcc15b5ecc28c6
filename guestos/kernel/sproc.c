/*
 * sproc.c - share-group threads, after IRIX's sproc(2): the new thread
 * shares the caller's address space (and so its memory and break) but has
 * its own kernel stack, registers and user stack; it gets copies of the
 * caller's file descriptors, as fork does.  It is the caller's child for
 * wait(); the address space goes when its last thread exits.
 */
#include "hal.h"
#include "kernel.h"
#include "proc.h"
#include "trapframe.h"
#include "vm.h"

/* Start a thread running entry(arg) on the stack below stacktop; its pid. */
int sproc(uint32_t entry, uint32_t arg, uint32_t stacktop)
{
	struct proc *p = myproc(), *np;
	if (entry >= USERTOP || stacktop > USERTOP || (stacktop & 7))
		return -1;
	np = allocproc();
	if (!np)
		return -1;
	release(&np->lock);      /* USED keeps the slot */
	vm_hold(p->vm);
	np->vm = p->vm;
	np->sgroup = p->sgroup;
	*np->tf = *p->tf;
	fpu_reset(np);
	np->tf->epc = entry;
	np->tf->t9 = entry;
	np->tf->a0 = arg;
	np->tf->sp = stacktop;
	np->tf->ra = 0;
	np->tf->v0 = 0;
	proc_copyfiles(np, p);
	return startchild(np);
}
