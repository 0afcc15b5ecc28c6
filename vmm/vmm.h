/*
 * vmm.h - the monitor's shared structures and the functions its parts
 * offer each other (the starter version written with the plan: each part
 * may add fields and functions; the names here keep their meaning).
 *
 *   vcpu part   boot, traps, emulation, forwarding, virtual interrupts,
 *               scheduling, monitor-call dispatch, VM configuration
 *   mem part    pmap, memmap, virtual TLB, L2TLB, hardware TLB, special page
 *   io part     monitor-call devices: consoles, disks; statistics
 */
#ifndef VMM_VMM_H
#define VMM_VMM_H

#include <stdint.h>

#include "klib.h"
#include "mcall.h"

#define VMM_MAXVM     8
#define VMM_MAXVCPU   8    /* per VM */
#define VMM_MAXCPU    32
#define VMM_VTLB      48   /* entries of a virtual TLB, as the R4000's */
#define VMM_MAXDISK   4    /* per VM */

/* One entry of a virtual CPU's TLB, as the guest wrote it (guest-physical PFNs). */
struct vtlb_entry {
	uint32_t hi, lo0, lo1, mask;
};

/* Guest registers saved at a trap, in the order vmm's entry code stores them. */
struct vregs {
	uint32_t r[32];                /* r[26], r[27]: the guest's k0, k1 too */
	uint32_t hi, lo;
	uint32_t pc;                   /* where the guest resumes */
	uint32_t cause, badvaddr;      /* the real exception that entered the monitor */
	uint32_t mode;                 /* VMODE_SUPER or VMODE_USER: the real mode it ran in */
};
#define VMODE_SUPER 1
#define VMODE_USER  2

/* Counters of one virtual CPU (published under "monitor" in --stats). */
struct vcpu_stats {
	uint64_t traps[32];            /* real exceptions by ExcCode */
	uint64_t emulated[16];         /* privileged instructions by kind (VEMU_*) */
	uint64_t tlb_refill_monitor;   /* misses the monitor refilled from the pmap (sseg) */
	uint64_t tlb_l2tlb_hit;        /* suseg misses found in the L2TLB */
	uint64_t tlb_forwarded;        /* misses forwarded to the guest */
	uint64_t mcalls[MC_MAX + 1];
	uint64_t monitor_cycles;       /* Count * 2 spent in the monitor */
	uint64_t forwarded;            /* exceptions forwarded to the guest */
};
enum { VEMU_MFC0, VEMU_MTC0, VEMU_TLBR, VEMU_TLBWI, VEMU_TLBWR, VEMU_TLBP,
       VEMU_ERET, VEMU_WAIT, VEMU_CACHE, VEMU_OTHER };

/* A virtual CPU. */
struct vcpu {
	struct vm *vm;
	int id;                        /* within its VM */
	int state;                     /* VCPU_* */
	int pcpu;                      /* physical CPU it runs on or last ran on */
	int home_node;
	struct vregs regs;
	/* virtual CP0 not on the special page */
	uint32_t index, random, entrylo0, entrylo1, pagemask, wired;
	uint32_t count_base;           /* virtual Count = real Count - count_base (while running) */
	struct vtlb_entry vtlb[VMM_VTLB];
	uint32_t *special;             /* kseg0 address of its special page */
	uint32_t special_pa;           /* machine address of that page */
	uint32_t fpu[32], fcsr;        /* the guest's FPU state when not loaded */
	struct vcpu_stats st;
	void *l2tlb;                   /* mem part's second-level TLB */
	uint32_t hw_asid;              /* mem part: real ASID in use for the current guest ASID */
};
enum { VCPU_OFF, VCPU_RUNNABLE, VCPU_RUNNING, VCPU_IDLE, VCPU_DONE };

/* A virtual machine. */
struct vm {
	int id;
	int nvcpus;
	struct vcpu vcpu[VMM_MAXVCPU];
	uint32_t mem_bytes;            /* guest-physical memory [0, mem_bytes) */
	int home_nodes[4], nhome;
	int disks[VMM_MAXDISK], ndisks;/* machine disk units this VM owns */
	char cmdline[256];             /* the guest's kernel command line */
	void *pmap;                    /* mem part */
	int done;                      /* powered off */
	int status;                    /* its power-off status */
	struct kspinlock lock;
};

/* --- vcpu part (vcpu.c, trap.c, emulate.c, sched.c, ...) --- */
extern struct vm vmm_vms[VMM_MAXVM];
extern int vmm_nvms;
struct vcpu *vmm_current(void);          /* vCPU running on this physical CPU */
int vmm_cpu_id(void);
int vmm_cpu_node(int cpu);
/* Forward an exception to the guest: set its virtual EPC/Cause/BadVAddr/
 * Context/EntryHi/Status and resume it at the guest vector. */
void vmm_forward(struct vcpu *v, uint32_t exccode, uint32_t badvaddr, int refill);
/* Raise virtual interrupt line ip (2..7) of v; wakes it if idle. */
void vmm_virq_raise(struct vcpu *v, int ip);
void vmm_virq_lower(struct vcpu *v, int ip);
/* Post device source bits to a VM (devpend) and raise IP2 on its vCPU 0. */
void vmm_dev_post(struct vm *vm, uint32_t sources);
/* Register the handler of monitor call n: returns the v0 result. */
typedef int32_t (*vmm_mcall_fn)(struct vcpu *v, uint32_t a0, uint32_t a1,
				uint32_t a2, uint32_t a3, uint32_t t0, uint32_t t1);
void vmm_mcall_register(int n, vmm_mcall_fn fn);
void vmm_vm_done(struct vm *vm, int status);   /* MC_POWEROFF; machine off when all done */

/* --- mem part (pmap.c, memmap.c, vtlb.c, l2tlb.c, hwtlb.c, ...) --- */
void mem_init(void);                     /* boot CPU: free memory by node */
void mem_init_cpu(int cpu);              /* each CPU: its TLB state */
void *mem_alloc_page(int node);          /* a zeroed machine page (kseg0 VA); 0 when none */
int mem_vm_create(struct vm *vm);        /* build the pmap: mem_bytes from the home nodes */
/* Machine physical address of guest-physical gpa (for DMA, loading); ~0u if outside. */
uint32_t mem_gpa_to_pa(struct vm *vm, uint32_t gpa);
/* Copy between the monitor and guest memory through a guest VIRTUAL address of
 * the vCPU's current context (sseg or mapped suseg); 0, or -1 if not mapped. */
int mem_copyin(struct vcpu *v, void *dst, uint32_t gva, uint32_t len);
int mem_copyout(struct vcpu *v, uint32_t gva, const void *src, uint32_t len);
/* The hardware context switch: load v's translations (flush or ASID strategy). */
void mem_vcpu_switch_in(struct vcpu *v);
/* Real TLB miss (refill vector, TLBL/TLBS invalid, Mod) while v ran: 1 if the
 * monitor handled it (sseg, L2TLB hit), 0 if it must be forwarded. */
int mem_tlb_miss(struct vcpu *v, uint32_t badvaddr, int exccode, int refill);
/* Emulate the guest's tlbr/tlbwi/tlbwr/tlbp (virtual Index/EntryHi/... in v). */
void mem_emul_tlbr(struct vcpu *v);
void mem_emul_tlbwi(struct vcpu *v);
void mem_emul_tlbwr(struct vcpu *v);
void mem_emul_tlbp(struct vcpu *v);
void mem_guest_asid_changed(struct vcpu *v);  /* the guest wrote EntryHi's ASID */
void mem_page_zero(struct vm *vm, uint32_t gpa);
void mem_page_free(struct vm *vm, uint32_t gpa);

/* --- io part (vcons.c, vdisk.c, vstats.c) --- */
void io_init(void);                       /* boot CPU, after the VMs exist */
void io_intr(uint32_t sources);           /* real device interrupt sources on this CPU */
void io_poll(void);                       /* console input, from the scheduler */
void io_stats_publish(void);              /* the "monitor" record through the host channel */

#endif
