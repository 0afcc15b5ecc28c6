/*
 * memint.h - the memory part's own structures and functions (pmap.c,
 * memmap.c, vtlb.c, l2tlb.c, hwtlb.c, asidmap.c, memtlb.c, mem.c).  The
 * rest of the monitor sees only the mem_* functions of vmm.h.
 *
 * R4000 TLB formats (R4000 User's Manual, chapter 4), 32-bit mode:
 *
 *   EntryHi   | VPN2 = va 31:13 (31:13) | 0 (12:8) | ASID (7:0) |
 *   EntryLo   | 0 (31:30) | PFN = pa 35:12 (29:6) | C (5:3) | D | V | G |
 *   PageMask  | 0 (31:25) | MASK (24:13) | 0 (12:0) |
 *   Index     | P (31) | 0 | index (5:0) |
 *
 * An entry maps an even/odd pair of pages of 4 KB << k (PageMask has k
 * ones from bit 13: 0, 0x6000 16 KB, 0x1E000 64 KB, ... 0x1FFE000 16 MB);
 * va bit 12 + k selects EntryLo0 or EntryLo1.  The entry is global (it
 * matches every ASID) when both EntryLo G bits are set.
 *
 * Software bit of a TRANSLATED EntryLo (never written to the hardware):
 *
 *   TLB_LO_BAD (bit 30): the guest's page was valid but its PFN lies
 *   outside the VM's memory; the hardware entry is invalid and an access
 *   is forwarded as a bus error, as real memory would answer.
 */
#ifndef VMM_MEMINT_H
#define VMM_MEMINT_H

#include "vmm.h"

#define TLB_VPN2      0xFFFFE000u
#define TLB_ASID      0x000000FFu
#define TLB_LO_BITS   0x3FFFFFFFu
#define TLB_LO_PFN    0x3FFFFFC0u
#define TLB_PFN_SHIFT 6
#define TLB_C_CACHED  (3u << 3)
#define TLB_D         0x4u
#define TLB_V         0x2u
#define TLB_G         0x1u
#define TLB_LO_BAD    0x40000000u
#define TLB_MASK_BITS 0x01FFE000u
#define TLB_INDEX_P   0x80000000u
#define TLB_NHW       48          /* hardware entries */
#define TLB_WIRED     2           /* entry 0: the vCPU's special page,
				     1: the monitor's text (textrep.h) */

#define MEM_PAGE      4096u
#define MEM_SUSEG_TOP 0x80000000u
#define MEM_SSEG_TOP  0xE0000000u

/* The machine page number of an EntryLo, and the EntryLo of a machine page. */
#define TLB_LO_PAGE(lo) (((lo) & TLB_LO_PFN) >> TLB_PFN_SHIFT)
#define TLB_PAGE_LO(pn) (((uint32_t)(pn) << TLB_PFN_SHIFT) & TLB_LO_PFN)

// vtlb.c: the guest's 48 entries as an R4000 keeps them
void vtlb_write(struct vtlb_entry *e, uint32_t hi, uint32_t lo0, uint32_t lo1,
		uint32_t mask);
void vtlb_read(const struct vtlb_entry *e, uint32_t *hi, uint32_t *lo0,
	       uint32_t *lo1, uint32_t *mask);
int vtlb_probe(const struct vtlb_entry *t, int n, uint32_t hi);
int vtlb_find(const struct vtlb_entry *t, int n, uint32_t va, uint32_t asid);
int vtlb_is_global(const struct vtlb_entry *e);
int vtlb_is_valid(const struct vtlb_entry *e);
uint32_t vtlb_page_lo(const struct vtlb_entry *e, uint32_t va);
uint32_t vtlb_span(const struct vtlb_entry *e);
uint32_t vtlb_random_next(uint32_t random, uint32_t wired);

// l2tlb.c: the second-level software TLB of one vCPU
#define L2TLB_SETS 256
#define L2TLB_WAYS 4
#define L2_VALID   0x1u
#define L2_GLOBAL  0x2u
struct l2tlb_entry {
	uint32_t hi;                 /* VPN2 | guest ASID */
	uint32_t lo0, lo1;           /* translated (machine) EntryLo, maybe TLB_LO_BAD */
	uint32_t flags;              /* L2_VALID, L2_GLOBAL */
};
struct l2tlb {
	struct l2tlb_entry set[L2TLB_SETS][L2TLB_WAYS];
	uint8_t next[L2TLB_SETS];    /* round-robin victim of each set */
};
#define L2_PURGED        1       /* l2tlb_purge*: something was removed */
#define L2_PURGED_GLOBAL 2       /* ... and some of it was global */
void l2tlb_clear(struct l2tlb *t);
struct l2tlb_entry *l2tlb_lookup(struct l2tlb *t, uint32_t va, uint32_t asid);
void l2tlb_insert(struct l2tlb *t, uint32_t va, uint32_t asid, int global,
		  uint32_t lo0, uint32_t lo1);
int l2tlb_purge(struct l2tlb *t, uint32_t va, uint32_t asid, int global);
int l2tlb_purge_range(struct l2tlb *t, uint32_t lo, uint32_t hi,
		      uint32_t asid, int global);

// pmap.c: guest-physical page -> machine page, per VM
struct pmap {
	uint32_t npages;             /* guest-physical pages [0, npages) */
	uint32_t *lo;                /* EntryLo of each: PFN | C | D | V (no G) */
	uint8_t *order;              /* large pages: see pmap_order_compute */
	volatile uint32_t *backmap;  /* bit i: vCPU i got a user mapping of it */
	uint32_t zeroed, freed;      /* memory hints received */
};
int pmap_init(struct pmap *pm, uint32_t npages, int node);
void pmap_set(struct pmap *pm, uint32_t gpn, uint32_t pa);
void pmap_order_compute(struct pmap *pm);
uint32_t pmap_translate(struct pmap *pm, uint32_t glo);
void pmap_backmap_add(struct pmap *pm, uint32_t glo, int vcpu);
uint32_t pmap_sseg_entry(const struct pmap *pm, uint32_t off, int lpage,
			 uint32_t *lo0, uint32_t *lo1, uint32_t *mask);

// memmap.c: machine page -> owner
#define MEMMAP_FREE    0u
#define MEMMAP_MONITOR 0x01000000u
#define MEMMAP_VM(vm, gpn) ((uint32_t)((vm) + 2) << 24 | (gpn))
void memmap_init(uint32_t ram_bytes);
void memmap_set(uint32_t pa, uint32_t owner);
uint32_t memmap_get(uint32_t pa);

// mem.c: machine pages by node
void *mem_alloc_pages(int node, uint32_t npages);
uint32_t mem_alloc_block(int node, uint32_t npages);
uint32_t mem_alloc_block_high(int node, uint32_t npages);

// hwtlb.c: the real TLB of this CPU (interrupts off)
void hwtlb_init_cpu(void);
void hwtlb_flush(void);
void hwtlb_drop_global(void);
void hwtlb_write(uint32_t hi, uint32_t lo0, uint32_t lo1, uint32_t mask);
void hwtlb_drop(uint32_t hi);
void hwtlb_special(struct vcpu *v);
void hwtlb_set_asid(uint32_t asid);
int hwtlb_sseg_miss(struct vcpu *v, uint32_t va, int exccode);

// asidmap.c: real ASIDs (tlb=flush: the guest's own; tlb=asid: per CPU)
struct mem_cpu {
	struct vcpu *loaded;         /* vCPU last switched in here */
	struct vm *sseg_vm;          /* VM whose global sseg entries may be loaded */
	uint32_t asid_next;          /* generation << 8 | last real ASID given */
	uint32_t cur_asid;           /* real ASID in EntryHi while the guest runs */
	uint32_t *asid_tab;          /* [vm * VMM_MAXVCPU + vcpu][guest ASID] */
	uint32_t victim;             /* next entry a new pair replaces (round robin) */
};
struct mem_cpu *mem_cpu_here(void);
void asid_init_cpu(int cpu);
int asid_peek(struct vcpu *v, uint32_t gasid);
void asid_forget_vcpu(struct vcpu *v);

// memtlb.c: per-vCPU memory state
struct mem_vcpu {
	struct l2tlb l2;
	int last_cpu;                /* physical CPU of its last switch-in, -1 */
	int nvalid;                  /* virtual TLB entries with a valid page */
};
uint32_t mem_guest_asid(struct vcpu *v);
int32_t mem_mc_tlb_drop(struct vcpu *v, uint32_t va, uint32_t asid, uint32_t a2,
			uint32_t a3, uint32_t t0, uint32_t t1);
int mem_user_pair(struct vcpu *v, uint32_t va, uint32_t asid,
		  uint32_t *lo0, uint32_t *lo1);

#endif
