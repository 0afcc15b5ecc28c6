/*
 * trap.c - exceptions and interrupts, after trapasm.S saved the frame.
 *
 * Cause (CP0 13), as saved in tf->cause (R4000 User's Manual, 5.4):
 *
 *   31  30 29 28 27          16 15          8 7  6         2 1  0
 *  +---+--+-----+--------------+-------------+--+-----------+----+
 *  |BD | 0| CE  |      0       |   IP7..IP0  | 0|  ExcCode  | 0  |
 *  +---+--+-----+--------------+-------------+--+-----------+----+
 *   IP2 devices (interrupt controller), IP3 IPIs, IP7 the timer.
 */
#include "fs.h"
#include "fsdefs.h"
#include "hal.h"
#include "halasm.h"
#include "kernel.h"
#include "klib.h"
#include "proc.h"
#include "trapframe.h"
#include "vm.h"

#define EXCCODE(cause) CAUSE_EXCCODE(cause)
#define IP_DEV   (1u << 10)
#define IP_IPI   (1u << 11)
#define IP_TIMER (1u << 15)

enum intr { INTR_NONE, INTR_DEV, INTR_TIMER };

uint32_t ticks;
struct spinlock tickslock;
static uint32_t tick_interval;   /* Count ticks between timer interrupts */

_Static_assert(sizeof(struct trapframe) == TF_SIZE, "trapframe size");
_Static_assert(__builtin_offsetof(struct trapframe, status) == TF_STATUS,
	       "trapframe.status");

/* Exception names by ExcCode, for messages. */
static const char *excname(uint32_t code)
{
	static const char *names[32] = {
		"Int", "Mod", "TLBL", "TLBS", "AdEL", "AdES", "IBE", "DBE",
		"Sys", "Bp", "RI", "CpU", "Ov", "Tr", "VCEI", "FPE",
		[23] = "WATCH", [31] = "VCED",
	};
	return names[code] ? names[code] : "?";
}

/* Boot CPU: the tick counter and the timer period. */
void trapinit(void)
{
	initlock(&tickslock, "time");
	tick_interval = hal_timer_hz() / HZ;
}

/* Each CPU: open its interrupt lines and start its timer. */
void trapinit_cpu(void)
{
	struct cpu *c = mycpu();
	hal_intr_init_cpu();
	c->timer_next = hal_count() + tick_interval;
	hal_timer_set(c->timer_next);
}

/* Send an IPI to cpu (VM shootdowns, the scheduler). */
void ipi_send(int cpu)
{
	hal_ipi_send(cpu);
}

/* The timer: program the next tick; CPU 0 also counts ticks. */
static void clockintr(void)
{
	struct cpu *c = mycpu();
	uint32_t next = c->timer_next + tick_interval;
	if ((int32_t)(next - hal_count()) <= 0)
		next = hal_count() + tick_interval;
	c->timer_next = next;
	hal_timer_set(next);
	if (c->id == 0) {
		acquire(&tickslock);
		ticks++;
		wakeup(&ticks);
		release(&tickslock);
	}
}

/* Service the devices interrupting this CPU. */
static void devintr(void)
{
	uint32_t pend = hal_dev_pending();
	if (pend & (1u << IRQ_CONSOLE))
		console_intr();
	for (int unit = 0; unit < 8; unit++)
		if (pend & (1u << IRQ_DISK(unit)))
			disk_intr(unit);
	hal_dev_ack(pend);
}

/* Handle the pending interrupts of cause; say whether the timer was one. */
static enum intr intr(uint32_t cause)
{
	enum intr kind = INTR_NONE;
	if (cause & IP_DEV) {
		devintr();
		kind = INTR_DEV;
	}
	if (cause & IP_IPI) {
		hal_ipi_take();
		vm_ipi();
		kind = INTR_DEV;
	}
	if (cause & IP_TIMER) {
		clockintr();
		kind = INTR_TIMER;
	}
	return kind;
}

/* A TLB exception: let the VM system resolve it; -1 if it cannot. */
static int tlbfault(struct proc *p, struct trapframe *tf, uint32_t code)
{
	if (!p || !p->vm || tf->badvaddr >= USERTOP)
		return -1;
	return vm_fault(p->vm, tf->badvaddr, code == EXC_TLBL ? VM_LOAD : VM_STORE);
}

/* Report a fatal user trap and kill the process. */
static void usererror(struct proc *p, struct trapframe *tf)
{
	uint32_t code = EXCCODE(tf->cause);
	kprintf("pid %d %s: trap %s epc=%08x badvaddr=%08x\n", p->pid, p->name,
		excname(code), tf->epc, tf->badvaddr);
	setkilled(p);
}

/* A trap from user mode. */
static void usertrap(struct trapframe *tf)
{
	struct proc *p = myproc();
	uint32_t code = EXCCODE(tf->cause);
	if (code == EXC_INT) {
		if (intr(tf->cause) == INTR_TIMER)
			yield();
	} else if (code == EXC_SYS) {
		if (killed(p))
			exit(-1);
		tf->epc += 4;
		hal_intr_on();
		syscall();
	} else if (code == EXC_TLBL || code == EXC_TLBS || code == EXC_MOD) {
		hal_intr_on();
		if (tlbfault(p, tf, code) < 0)
			usererror(p, tf);
	} else if (code == EXC_CPU && CAUSE_CE(tf->cause) == 1) {
		fpu_trap(p);
	} else {
		usererror(p, tf);
	}
	if (killed(p))
		exit(-1);
	hal_intr_off();
}

/* A trap from kernel mode: interrupts, faults on user pages, or a panic. */
static void kerneltrap(struct trapframe *tf)
{
	uint32_t code = EXCCODE(tf->cause);
	if (code == EXC_INT) {
		struct proc *p = mycpu()->proc;
		if (intr(tf->cause) == INTR_TIMER && p && p->state == RUNNING)
			yield();
		return;
	}
	if ((code == EXC_TLBL || code == EXC_TLBS || code == EXC_MOD) &&
	    tlbfault(mycpu()->proc, tf, code) == 0)
		return;
	panic_trap(tf, "kernel trap %s (%u) at epc %08x, badvaddr %08x",
		   excname(code), code, tf->epc, tf->badvaddr);
}

/* Every exception but a TLB refill comes here (trapasm.S). */
void trap(struct trapframe *tf)
{
	if ((tf->status & SR_KSU) == SR_USER)
		usertrap(tf);
	else
		kerneltrap(tf);
}

/* Return to user mode in the current process's trap frame. */
void usertrapret(void)
{
	hal_intr_off();
	hal_trapret(myproc()->tf);
}
