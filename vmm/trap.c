/*
 * trap.c - where every exception from a guest lands (trapasm.S saved its
 * registers in the current vCPU's vregs): dispatch by cause, then back
 * into a guest through the scheduler.
 *
 *   ExcCode      from guest kernel (supervisor)   from guest user
 *   Int          real interrupts: timer, IPI, devices (the monitor's own)
 *   Mod TLBL TLBS  mem_tlb_miss; else forwarded     (same)
 *   Sys          monitor call                     forwarded
 *   CpU (CE=0)   privileged instruction emulated  forwarded
 *   anything else  forwarded to the guest's general vector
 */
#include <stddef.h>

#include "vmm.h"
#include "vcpuasm.h"

_Static_assert(offsetof(struct pcpu, regs) == PCPU_REGS, "vcpuasm.h");
_Static_assert(offsetof(struct pcpu, ksp) == PCPU_KSP, "vcpuasm.h");
_Static_assert(offsetof(struct pcpu, fsp) == PCPU_FSP, "vcpuasm.h");
_Static_assert(offsetof(struct pcpu, refill) == PCPU_REFILL, "vcpuasm.h");
_Static_assert(offsetof(struct pcpu, fault) == PCPU_FAULT, "vcpuasm.h");
_Static_assert(offsetof(struct pcpu, cur) == PCPU_CUR, "vcpuasm.h");
_Static_assert(offsetof(struct pcpu, enter_count) == PCPU_ENTER, "vcpuasm.h");
_Static_assert(offsetof(struct vcpu, special) == VCPU_SPECIAL, "vcpuasm.h");
_Static_assert(offsetof(struct vcpu, timer_pending) == VCPU_TIMER_PENDING, "vcpuasm.h");
_Static_assert(offsetof(struct vcpu, soft_ip) == VCPU_SOFT_IP, "vcpuasm.h");
_Static_assert(offsetof(struct vcpu, fast_mtc0) == VCPU_FAST_MTC0, "vcpuasm.h");
_Static_assert(offsetof(struct vcpu, fast_cycles) == VCPU_FAST_CYCLES, "vcpuasm.h");
_Static_assert(offsetof(struct vcpu, fast_eret) == VCPU_FAST_ERET, "vcpuasm.h");
_Static_assert(offsetof(struct vregs, pc) == VR_PC && offsetof(struct vregs, mode) == VR_MODE,
	       "vcpuasm.h");
_Static_assert(offsetof(struct vregs, exit_count) == VR_EXIT, "vcpuasm.h");

#define INTC_CAUSE 0xBF000110u
#define INTC_IPI   0xBF00011Cu

/* Handle the real interrupts pending on this CPU (nothing of the guest's). */
void vmm_intr(struct pcpu *p)
{
	uint32_t ip = CAUSE_IP(kcp0_cause());
	(void)p;
	if (ip & (1u << 3)) {
		volatile uint32_t *ipi = (volatile uint32_t *)INTC_IPI;
		*ipi = *ipi;
	}
	if (ip & (1u << 2)) {
		uint32_t src = *(volatile uint32_t *)INTC_CAUSE;
		if (src)
			io_intr(src);
	}
	/* IP7 (the quantum or a virtual timer): the return path rewrites Compare. */
	io_poll();
}

/* A TLB exception of v: the monitor's refill, or the guest's. */
static void trap_tlb(struct vcpu *v, uint32_t exc, int refill)
{
	struct vregs *r = &v->regs;
	if (mem_tlb_miss(v, r->badvaddr, (int)exc, refill))
		return;
	v->st.tlb_forwarded++;
	/* The guest's refill vector when its own TLB has no entry (suseg only). */
	(void)refill;
	vmm_forward(v, exc, r->badvaddr, r->badvaddr < 0x80000000u);
}

/* A Coprocessor Unusable exception of v. */
static void trap_cpu(struct pcpu *p, struct vcpu *v)
{
	struct vregs *r = &v->regs;
	uint32_t ce = CAUSE_CE(r->cause);
	if (ce == 0 && r->mode == VMODE_SUPER) {
		vmm_emulate(v);
		return;
	}
	if (ce == 1 && (VSP(v, SP_STATUS) & ST_CU1)) {
		vmm_fpu_load(p, v);                     /* CU1 was off for want of its state */
		return;
	}
	vmm_forward(v, EXC_CPU, 0, 0);
}

/* Every exception from a guest (trapasm.S); never returns. */
void vmm_trap(struct pcpu *p, int refill)
{
	struct vcpu *v = p->cur;
	struct vregs *r = &v->regs;
	uint32_t exc = CAUSE_EXCCODE(r->cause);
	v->st.traps[exc]++;
	v->st.monitor_cycles += (uint64_t)(r->exit_count - r->exit_base) * 2;
	r->exit_base = r->exit_count;           /* the last restore, counted once */
	if (v->fast_cycles) {                   /* what trapasm.S's fast paths did */
		v->st.traps[EXC_CPU] += v->fast_mtc0 + v->fast_eret;
		v->st.emulated[VEMU_MTC0] += v->fast_mtc0;
		v->st.emulated[VEMU_ERET] += v->fast_eret;
		v->st.monitor_cycles += v->fast_cycles;
		v->fast_mtc0 = v->fast_cycles = v->fast_eret = 0;
	}
	switch (exc) {
	case EXC_INT:
		vmm_intr(p);
		break;
	case EXC_MOD:
	case EXC_TLBL:
	case EXC_TLBS:
		trap_tlb(v, exc, refill);
		break;
	case EXC_SYS:
		if (r->mode == VMODE_SUPER)
			vmm_mcall(v);
		else
			vmm_forward(v, exc, 0, 0);
		break;
	case EXC_CPU:
		trap_cpu(p, v);
		break;
	default:
		vmm_forward(v, exc, r->badvaddr, 0);
		break;
	}
	vmm_resched(p);
}
