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

/* One entry of a virtual CPU's TLB, as the guest wrote it (guest-physical PFNs),
   and the VPN2 bits its lookups ignore (vtlb.c; 0 for a 4 KB pair). */
struct vtlb_entry {
	uint32_t hi, lo0, lo1, mask;
	uint32_t ign;
};

/* Guest registers saved at a trap, in the order vmm's entry code stores them. */
struct vregs {
	uint32_t r[32];                /* r[26], r[27]: the guest's k0, k1 too */
	uint32_t hi, lo;
	uint32_t pc;                   /* where the guest resumes */
	uint32_t cause, badvaddr;      /* the real exception that entered the monitor */
	uint32_t mode;                 /* VMODE_SUPER or VMODE_USER: the real mode it ran in */
	uint32_t exit_base;            /* real Count when the C path handed over to vmm_trap_return */
	uint32_t exit_count;           /* real Count vmm_trap_return read just before its eret */
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

/*
 * A virtual CPU.  The first words are read by trapasm.S's fast path
 * (mtc0 Status), at the VCPU_* offsets of vcpuasm.h:
 *
 *   +0 special  +4 timer_pending  +8 soft_ip
 *   +12 fast_mtc0, +16 fast_cycles, +20 fast_eret: what the fast paths
 *       did since vmm_trap last added it to st (traps[CpU], emulated[mtc0],
 *       emulated[eret], monitor_cycles)
 *
 * Every trap writes the first lines (those words, regs); what other CPUs
 * read while the vCPU runs (the idle CPUs' scan reads state) sits on a
 * cache line of its own, so that reading it does not take the running
 * CPU's lines away.  Each vCPU has a page of its home node (loader.c).
 */
#define VMM_LINE 128                   /* the L2 line of the images/ machines */
struct vcpu {
	uint32_t *special;             /* kseg0 address of its special page */
	volatile uint32_t timer_pending;  /* IP7: virtual Count passed Compare */
	uint32_t soft_ip;              /* Cause.IP0/IP1 as the guest wrote them */
	uint32_t fast_mtc0, fast_cycles, fast_eret;
	struct vregs regs;
	_Alignas(VMM_LINE) struct vm *vm;
	int id;                        /* within its VM */
	int state;                     /* VCPU_* */
	int pcpu;                      /* physical CPU it runs on or last ran on */
	int home_node;
	struct vcpu *rq_next;          /* run queue link (sched.c) */
	_Alignas(VMM_LINE) uint32_t index;  /* virtual CP0 from here (the first line after the shared one) */
	/* virtual CP0 not on the special page: index above, then */
	uint32_t random, entrylo0, entrylo1, pagemask, wired;
	uint32_t count_base;           /* virtual Count = real Count - count_base (while running) */
	struct vtlb_entry vtlb[VMM_VTLB];
	uint32_t special_pa;           /* machine address of that page */
	uint32_t fpu[32], fcsr;        /* the guest's FPU state when not loaded */
	struct vcpu_stats st;
	void *l2tlb;                   /* mem part's second-level TLB */
	uint32_t hw_asid;              /* mem part: real ASID in use for the current guest ASID */
	/* vcpu part */
	uint32_t timer_armed;          /* virtual Compare set since the last expiry */
	uint32_t entry, bootinfo_gpa;  /* where vCPUs start, and a2 for them */
	volatile int want_idle;        /* it executed wait / MC_IDLE */
};
/* The special page's word at byte offset off (SP_* of mcall.h). */
#define VSP(v, off) ((v)->special[(off) / 4])
enum { VCPU_OFF, VCPU_RUNNABLE, VCPU_RUNNING, VCPU_IDLE, VCPU_DONE };

/* A virtual machine. */
struct vm {
	int id;
	int nvcpus;
	struct vcpu *vcpu[VMM_MAXVCPU];  /* each in a page of its home node (loader.c) */
	uint32_t mem_bytes;            /* guest-physical memory [0, mem_bytes) */
	int home_nodes[4], nhome;
	int disks[VMM_MAXDISK], ndisks;/* machine disk units this VM owns */
	int module;                    /* its guest kernel: --module number (vmI.module) */
	char cmdline[256];             /* the guest's kernel command line */
	void *pmap;                    /* mem part */
	int done;                      /* powered off */
	int status;                    /* its power-off status */
	struct kspinlock lock;
};

/* --- vcpu part (main.c, config.c, loader.c, trapasm.S, trap.c, emulate.c,
 *     forward.c, virq.c, sched.c, mcall.c) --- */
extern struct vm vmm_vms[VMM_MAXVM];
extern int vmm_nvms;

/*
 * One physical CPU's monitor data.  The first words are read by the entry
 * code (trapasm.S), which finds the structure through vmm_pcpu_tab[real
 * Context.PTEBase]:
 *
 *   +0  regs   where the entry saves the guest's registers (cur's vregs)
 *   +4  ksp    top of this CPU's monitor stack (every trap starts there)
 *   +8  fsp    top of the stack for reporting a fault inside the monitor
 *   +12 refill 1 if the trap came through the refill vector
 *   +16 fault  registers of a fault inside the monitor (struct vregs)
 *   +176 cur, +196 enter_count (the entry writes it)
 */
struct pcpu {
	struct vregs *regs;
	uint32_t ksp, fsp;
	uint32_t refill;
	struct vregs fault;
	struct vcpu *cur;              /* +176: vCPU loaded on this CPU, or 0 */
	int id, node;
	struct vcpu *fpu_owner;        /* vCPU whose FPU state the real FPU holds */
	uint32_t slice_end;            /* real Count at which cur's quantum ends */
	uint32_t enter_count;          /* +196: real Count at the entry (trapasm.S) or switch-in */
	volatile int idle;             /* waiting in the idle loop */
	int faulted;                   /* reporting a monitor fault */
	void *mem;                     /* mem part: per-CPU TLB state */
	uint32_t fstack[256];          /* stack of vmm_monitor_fault */
};
extern struct pcpu *vmm_pcpu_tab[VMM_MAXCPU];
struct pcpu *vmm_pcpu(void);             /* this physical CPU's data */

/* The machine, from the boot information block (main.c). */
extern uint32_t vmm_bootinfo;            /* physical address of the block */
extern int vmm_ncpus, vmm_nnodes, vmm_cpus_per_node;
extern uint32_t vmm_hz;                  /* real Count ticks per second */
uint32_t vmm_bi(uint32_t off);           /* a word of the boot information block */
/* Options for every VM (config.c): TLB strategy and large pages. */
#define VMM_TLB_FLUSH 0
#define VMM_TLB_ASID  1
extern int vmm_tlb_mode, vmm_lpage;
/* Number of --module files: the guest kernels a VM can name (vmI.module). */
extern int vmm_nmodules;

/* Boot, traps and scheduling (main.c, trapasm.S, trap.c, sched.c, loader.c). */
void vmm_vm_create(struct vm *vm);       /* its vCPUs, pmap, guest kernel; vCPU 0 runnable */
void vmm_sched_start(struct pcpu *p) __attribute__((noreturn));
void vmm_trap(struct pcpu *p, int refill) __attribute__((noreturn));
void vmm_monitor_fault(struct pcpu *p);
void vmm_trap_return(struct vregs *regs, uint32_t status) __attribute__((noreturn));
void vmm_resched(struct pcpu *p) __attribute__((noreturn));  /* back to a guest */
void vmm_intr(struct pcpu *p);           /* real interrupts pending on this CPU */
void vmm_mcall(struct vcpu *v);          /* a guest kernel's syscall */
void vmm_emulate(struct vcpu *v);        /* a guest kernel's privileged instruction */
uint32_t vmm_next_pc(struct vcpu *v);    /* pc after the trapping instruction (branches) */
int vmm_fetch(struct vcpu *v, uint32_t gva, uint32_t *insn);  /* 0 ok */
uint32_t vmm_virq_pending(struct vcpu *v);  /* virtual Cause.IP bits (bit i: IPi) */
void vmm_virq_deliver(struct vcpu *v);   /* forward an enabled pending interrupt */
void vmm_timer_check(struct vcpu *v, uint32_t now);
uint32_t vmm_vcount(struct vcpu *v);     /* virtual Count */
void vmm_kick(struct vcpu *v);           /* it may have become runnable: wake or interrupt it */
void vmm_idle(struct vcpu *v);           /* guest wait / MC_IDLE */
void vmm_ipi_cpu(int cpu);               /* real IPI to a physical CPU */
void vmm_fpu_load(struct pcpu *p, struct vcpu *v);
void vmm_fpu_save(struct pcpu *p);
uint32_t vmm_real_status(struct vcpu *v);
void vmm_mcall_init(void);
int vmm_vcpu_start(struct vcpu *v);      /* OFF -> runnable at the entry; -1 if not OFF */
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
void *mem_alloc_pages(int node, uint32_t npages);  /* contiguous ones (node first) */
void *mem_alloc_page_high(int node);     /* a page from the top of node's free memory */
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

/* --- io part (io.c, vcons.c, vdisk.c, vstats.c) --- */
/* Boot CPU, after the VMs exist (and before any guest runs): checks every
 * VM's disks (a bad one: "vmm: ..." and power-off 2), opens the console and
 * disk interrupts at the controller (sources 0 and 1+unit, to CPU 0), and
 * registers MC_CONS_* and MC_DISK_*. */
void io_init(void);
/* Real device interrupt sources (the controller's CAUSE) on this CPU:
 * services each device and acknowledges the sources at the controller. */
void io_intr(uint32_t sources);
/* From the scheduler, any CPU, often (cheap): writes out partial console
 * lines older than 1 ms, reopens console input when a queue has room. */
void io_poll(void);
/* The "monitor" record through the host channel (any time; at power-off
 * it also writes out every VM's partial console line first). */
void io_stats_publish(void);
// vcons.c
void vcons_init(void);
void vcons_intr(void);
void vcons_poll_input(void);
void vcons_flush_old(int force);
void vcons_say(const char *msg);          /* a "vmm: ..." line between VM lines */
void vcons_counts(int id, uint64_t *out, uint64_t *in);
// vdisk.c
void vdisk_found(int unit);
void vdisk_init(void);
void vdisk_intr(int unit);
int vdisk_range_ok(struct vm *vm, uint32_t gpa, uint32_t len);
void vdisk_counts(int unit, uint64_t *commands, uint64_t *bounces);

#endif
