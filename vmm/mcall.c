/*
 * mcall.c - monitor calls: the guest kernel's `syscall` in supervisor
 * mode (vmm/include/mcall.h has the ABI).  v0 is the call number, a0..a3,
 * t0, t1 its arguments, v0 its result; the guest resumes after the
 * syscall (after its branch, when it sat in a delay slot).  The handlers
 * register by number; the ones here are the vCPU's own: IPIs, starting a
 * vCPU, idling, the timer, device acknowledgement and power-off.
 */
#include "vmm.h"

static vmm_mcall_fn mcall_tab[MC_MAX + 1];

/* Register the handler of monitor call n. */
void vmm_mcall_register(int n, vmm_mcall_fn fn)
{
	kassert(n > 0 && n <= MC_MAX);
	mcall_tab[n] = fn;
}

/* Run the monitor call v's guest kernel made; its result goes to v0. */
void vmm_mcall(struct vcpu *v)
{
	struct vregs *r = &v->regs;
	uint32_t n = r->r[2];
	r->pc = vmm_next_pc(v);
	r->cause &= ~CAUSE_BD;
	int32_t res = MC_ERR_NOSYS;
	if (n <= MC_MAX && mcall_tab[n]) {
		v->st.mcalls[n]++;
		res = mcall_tab[n](v, r->r[4], r->r[5], r->r[6], r->r[7], r->r[8], r->r[9]);
	}
	r->r[2] = (uint32_t)res;
}

/* MC_IPI_SEND(vcpu): a virtual IPI to a vCPU of the same VM. */
static int32_t mc_ipi_send(struct vcpu *v, uint32_t to, uint32_t a1, uint32_t a2,
			   uint32_t a3, uint32_t t0, uint32_t t1)
{
	(void)a1; (void)a2; (void)a3; (void)t0; (void)t1;
	if (to >= (uint32_t)v->vm->nvcpus)
		return MC_ERR_INVAL;
	struct vcpu *w = v->vm->vcpu[to];
	volatile uint32_t *p = &VSP(w, SP_IPIPEND);
	uint32_t old;
	do
		old = *p;
	while (!katomic_cas(p, old, old | 1u << v->id));
	vmm_kick(w);
	return 0;
}

/* MC_IPI_TAKE(): clear and return this vCPU's pending virtual IPIs. */
static int32_t mc_ipi_take(struct vcpu *v, uint32_t a0, uint32_t a1, uint32_t a2,
			   uint32_t a3, uint32_t t0, uint32_t t1)
{
	(void)a0; (void)a1; (void)a2; (void)a3; (void)t0; (void)t1;
	return (int32_t)katomic_swap(&VSP(v, SP_IPIPEND), 0);
}

/* MC_DEV_ACK(sources): clear these bits of the VM's devpend (on its vCPU 0). */
static int32_t mc_dev_ack(struct vcpu *v, uint32_t src, uint32_t a1, uint32_t a2,
			  uint32_t a3, uint32_t t0, uint32_t t1)
{
	(void)a1; (void)a2; (void)a3; (void)t0; (void)t1;
	volatile uint32_t *p = &VSP(v->vm->vcpu[0], SP_DEVPEND);
	uint32_t old;
	do
		old = *p;
	while (!katomic_cas(p, old, old & ~src));
	return 0;
}

/* MC_TIMER_SET(compare): the virtual Compare; clears the timer interrupt. */
static int32_t mc_timer_set(struct vcpu *v, uint32_t cmp, uint32_t a1, uint32_t a2,
			    uint32_t a3, uint32_t t0, uint32_t t1)
{
	(void)a1; (void)a2; (void)a3; (void)t0; (void)t1;
	VSP(v, SP_COMPARE) = cmp;
	v->timer_pending = 0;
	v->timer_armed = 1;
	return 0;
}

/* MC_IDLE(): deschedule until an interrupt is pending. */
static int32_t mc_idle(struct vcpu *v, uint32_t a0, uint32_t a1, uint32_t a2,
		       uint32_t a3, uint32_t t0, uint32_t t1)
{
	(void)a0; (void)a1; (void)a2; (void)a3; (void)t0; (void)t1;
	vmm_idle(v);
	return 0;
}

/* MC_VCPU_START(vcpu): start that vCPU at the kernel entry. */
static int32_t mc_vcpu_start(struct vcpu *v, uint32_t id, uint32_t a1, uint32_t a2,
			     uint32_t a3, uint32_t t0, uint32_t t1)
{
	(void)a1; (void)a2; (void)a3; (void)t0; (void)t1;
	if (id >= (uint32_t)v->vm->nvcpus)
		return MC_ERR_INVAL;
	return vmm_vcpu_start(v->vm->vcpu[id]) ? MC_ERR_BUSY : 0;
}

/* MC_POWEROFF(status): this VM is done. */
static int32_t mc_poweroff(struct vcpu *v, uint32_t status, uint32_t a1, uint32_t a2,
			   uint32_t a3, uint32_t t0, uint32_t t1)
{
	(void)a1; (void)a2; (void)a3; (void)t0; (void)t1;
	vmm_vm_done(v->vm, (int)(status & 0xFF));
	return 0;
}

/* Register the vCPU part's monitor calls. */
void vmm_mcall_init(void)
{
	vmm_mcall_register(MC_IPI_SEND, mc_ipi_send);
	vmm_mcall_register(MC_IPI_TAKE, mc_ipi_take);
	vmm_mcall_register(MC_DEV_ACK, mc_dev_ack);
	vmm_mcall_register(MC_TIMER_SET, mc_timer_set);
	vmm_mcall_register(MC_IDLE, mc_idle);
	vmm_mcall_register(MC_VCPU_START, mc_vcpu_start);
	vmm_mcall_register(MC_POWEROFF, mc_poweroff);
}
