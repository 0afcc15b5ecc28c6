/*
 * virq.c - virtual interrupts of a vCPU.
 *
 * The virtual Cause.IP bits are not stored: they are derived, so that
 * CPUs posting them never race with the vCPU taking them.
 *
 *   IP7  virtual timer: virtual Count passed the Compare the guest set
 *        (MC_TIMER_SET or mtc0 Compare); cleared by setting a new one
 *   IP3  virtual IPIs: the special page's ipipend != 0 (MC_IPI_SEND sets
 *        a bit, MC_IPI_TAKE clears them)
 *   IP2  virtual devices: devpend != 0 (vmm_dev_post from IO, MC_DEV_ACK)
 *   IP1, IP0  software bits written by the guest to Cause
 *
 * Virtual Count = real Count - count_base (real Counts of the CPUs run
 * nearly in step, so a vCPU that moves keeps its time).  A pending
 * interrupt is delivered (forwarded as ExcCode 0) when the guest's virtual
 * Status has IE = 1, EXL = ERL = 0 and the IM bit, on the way back into it.
 */
#include "vmm.h"

#define INTC_IPI_SEND 0xBF000118u

/* The virtual Count of v now. */
uint32_t vmm_vcount(struct vcpu *v)
{
	return kcp0_count() - v->count_base;
}

/* Virtual Cause.IP of v: bit i = IPi pending. */
uint32_t vmm_virq_pending(struct vcpu *v)
{
	uint32_t ip = v->soft_ip & 3;
	if (v->timer_pending)
		ip |= 1u << 7;
	if (VSP(v, SP_IPIPEND))
		ip |= 1u << 3;
	if (VSP(v, SP_DEVPEND))
		ip |= 1u << 2;
	return ip;
}

/* Mark v's timer interrupt pending if its virtual Count reached Compare (real Count now). */
void vmm_timer_check(struct vcpu *v, uint32_t now)
{
	if (v->timer_armed &&
	    (int32_t)(now - v->count_base - VSP(v, SP_COMPARE)) >= 0) {
		v->timer_armed = 0;
		v->timer_pending = 1;
	}
}

/* Raise virtual line ip of v (7: timer; 2, 3 follow devpend/ipipend) and wake it. */
void vmm_virq_raise(struct vcpu *v, int ip)
{
	if (ip == 7)
		v->timer_pending = 1;
	else if (ip < 2)
		v->soft_ip |= 1u << ip;
	vmm_kick(v);
}

/* Lower virtual line ip of v. */
void vmm_virq_lower(struct vcpu *v, int ip)
{
	if (ip == 7)
		v->timer_pending = 0;
	else if (ip < 2)
		v->soft_ip &= ~(1u << ip);
}

/* Post device sources to a VM's devpend and interrupt its vCPU 0. */
void vmm_dev_post(struct vm *vm, uint32_t sources)
{
	struct vcpu *v = vm->vcpu[0];
	volatile uint32_t *w = &VSP(v, SP_DEVPEND);
	uint32_t old;
	do
		old = *w;
	while (!katomic_cas(w, old, old | sources));
	vmm_kick(v);
}

/* Interrupt physical CPU cpu (its IP3). */
void vmm_ipi_cpu(int cpu)
{
	*(volatile uint32_t *)INTC_IPI_SEND = 1u << cpu;
}

/* Forward the highest-priority enabled pending interrupt into v, if its Status allows. */
void vmm_virq_deliver(struct vcpu *v)
{
	uint32_t ip = vmm_virq_pending(v);
	uint32_t cause = VSP(v, SP_CAUSE);
	VSP(v, SP_CAUSE) = (cause & ~0xFF00u) | ip << 8;
	uint32_t st = VSP(v, SP_STATUS);
	if ((st & (ST_IE | ST_EXL | ST_ERL)) == ST_IE && (ip & (st >> 8) & 0xFF))
		vmm_forward(v, EXC_INT, 0, 0);
}
