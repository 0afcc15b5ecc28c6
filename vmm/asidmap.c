/*
 * asidmap.c - the real ASIDs guests run with, and the hardware context
 * switch between virtual CPUs, in one of two strategies (tlb= option):
 *
 * tlb=flush (Disco's): the real ASID is the guest's own; switching this
 *   CPU to another vCPU flushes the whole TLB (but the wired special page).
 *
 * tlb=asid: each (vCPU, guest ASID) gets a real ASID on each physical
 *   CPU, handed out by the CPU itself with generations (the guest kernel's
 *   own scheme, guestos/kernel/asid.c); nothing is flushed on a switch.
 *   The key is the vCPU, not only the VM: a guest gives out its ASIDs per
 *   virtual CPU, so ASID 5 on two vCPUs names two address spaces.
 *
 *   asid_tab[(vm * VMM_MAXVCPU + vcpu) * 256 + guest ASID]
 *       = generation << 8 | real ASID       (good if the CPU's generation)
 *   asid_next = generation << 8 | last real ASID given (1..255)
 *
 *   When the 8 bits wrap the CPU flushes its TLB and starts a generation.
 *   A vCPU that ran on another CPU since it last ran here gets fresh real
 *   ASIDs here (its old entries may be stale: its virtual TLB changed
 *   elsewhere); the old ones are never handed out again before a flush.
 *   The supervisor segment's entries are global: when a vCPU of another
 *   VM comes to this CPU, the global entries are dropped.
 */
#include "memint.h"

#define ASID_FIRST_GEN 0x100u
#define ASID_SLOTS     (VMM_MAXVM * VMM_MAXVCPU)
#define ASID_TAB_PAGES (ASID_SLOTS * 256 * 4 / MEM_PAGE)

/* The table slot of v's guest ASID g on this CPU. */
static uint32_t *asid_entry(struct mem_cpu *mc, struct vcpu *v, uint32_t g)
{
	int slot = v->vm->id * VMM_MAXVCPU + v->id;
	return &mc->asid_tab[slot * 256 + (g & TLB_ASID)];
}

/* Set up CPU cpu's memory state and TLB (on that CPU, interrupts off). */
void mem_init_cpu(int cpu)
{
	int node = vmm_cpu_node(cpu);
	struct mem_cpu *mc = mem_alloc_page(node);
	if (!mc)
		kpanic("mem_init_cpu: no memory");
	if (vmm_tlb_mode == VMM_TLB_ASID) {
		mc->asid_tab = mem_alloc_pages(node, ASID_TAB_PAGES);
		if (!mc->asid_tab)
			kpanic("mem_init_cpu: no memory for ASIDs");
	}
	mc->asid_next = ASID_FIRST_GEN;
	vmm_pcpu_tab[cpu]->mem = mc;
	hwtlb_init_cpu();
}

/* The real ASID for v's guest ASID g on this CPU, given out now if it has none. */
static uint32_t asid_get(struct vcpu *v, uint32_t g)
{
	if (vmm_tlb_mode != VMM_TLB_ASID)
		return g & TLB_ASID;
	struct mem_cpu *mc = mem_cpu_here();
	uint32_t *e = asid_entry(mc, v, g);
	if (*e && ((*e ^ mc->asid_next) & ~TLB_ASID) == 0)
		return *e & TLB_ASID;
	uint32_t n = ++mc->asid_next;
	if ((n & TLB_ASID) == 0) {
		hwtlb_flush();
		n = ++mc->asid_next;
	}
	*e = n;
	return n & TLB_ASID;
}

/* The real ASID v's guest ASID g has on this CPU, or -1 if none (nothing can be loaded). */
int asid_peek(struct vcpu *v, uint32_t g)
{
	if (vmm_tlb_mode != VMM_TLB_ASID)
		return (int)(g & TLB_ASID);
	struct mem_cpu *mc = mem_cpu_here();
	uint32_t e = *asid_entry(mc, v, g);
	if (e && ((e ^ mc->asid_next) & ~TLB_ASID) == 0)
		return (int)(e & TLB_ASID);
	return -1;
}

/* Make this CPU forget every user entry of v (v runs here): flush, or fresh real ASIDs. */
void asid_forget_vcpu(struct vcpu *v)
{
	if (vmm_tlb_mode == VMM_TLB_ASID)
		memset(asid_entry(mem_cpu_here(), v, 0), 0, 256 * sizeof(uint32_t));
	else
		hwtlb_flush();
	mem_guest_asid_changed(v);
}

/* The guest changed its current ASID (EntryHi): run with the matching real one. */
void mem_guest_asid_changed(struct vcpu *v)
{
	uint32_t a = asid_get(v, mem_guest_asid(v));
	v->hw_asid = a;
	hwtlb_set_asid(a);
}

/* Load v's translations on this CPU before it runs here (the hardware context switch). */
void mem_vcpu_switch_in(struct vcpu *v)
{
	uint32_t ie = kintr_off();
	struct mem_cpu *mc = mem_cpu_here();
	struct mem_vcpu *mv = v->l2tlb;
	int c = vmm_cpu_id();
	if (vmm_tlb_mode == VMM_TLB_ASID) {
		if (mv->last_cpu != c)
			memset(asid_entry(mc, v, 0), 0, 256 * sizeof(uint32_t));
		if (mc->sseg_vm != v->vm)
			hwtlb_drop_global();
	} else if (mc->loaded != v || mv->last_cpu != c) {
		hwtlb_flush();
	}
	mc->loaded = v;
	mc->sseg_vm = v->vm;
	mv->last_cpu = c;
	hwtlb_special(v);
	mem_guest_asid_changed(v);
	kintr_restore(ie);
}
