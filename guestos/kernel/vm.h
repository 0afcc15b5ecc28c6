/*
 * vm.h - virtual memory: physical pages (kalloc.c), address spaces and
 * their page tables (vm.c, vmfault.c), ASIDs and TLB shootdowns (asid.c),
 * copies to and from user space (vmcopy.c) and exec (exec.c).
 *
 * A user address space (struct vmspace) is a two-level page table:
 *
 *   virtual address
 *    31          22 21          12 11            0
 *   +--------------+--------------+---------------+
 *   |  dir index   | table index  |  page offset  |
 *   +--------------+--------------+---------------+
 *
 * The directory is one page of 1024 words, each the kseg0 address of a
 * page table (one page of 1024 PTEs).  Slots with no table point at one
 * shared all-zero table, so the TLB refill handler (tlbrefill.S) never
 * branches.  A PTE is the R4000's EntryLo image plus two software bits,
 * which mtc0 EntryLo drops (R4000 manual, figure 4-9):
 *
 *    31    30   29                       6 5   3   2   1   0
 *   +-----+----+--------------------------+-----+---+---+---+
 *   | COW | WR |  PFN (physical addr>>12) |  C  | D | V | G |
 *   +-----+----+--------------------------+-----+---+---+---+
 *   COW: shared copy-on-write (D clear)   C: 3 cacheable noncoherent
 *   WR:  the page may be written          D: dirty = writable in the TLB
 */
#ifndef GUESTOS_VM_H
#define GUESTOS_VM_H

#include <stdint.h>

#include "hal.h"
#include "param.h"
#include "sleeplock.h"

typedef uint32_t pte_t;

#define PTE_G      0x00000001u  /* global (never set for user pages) */
#define PTE_V      0x00000002u  /* valid */
#define PTE_D      0x00000004u  /* dirty: stores allowed */
#define PTE_CACHED (3u << 3)    /* C = 3: cacheable noncoherent */
#define PTE_WR     0x40000000u  /* software: the page is writable */
#define PTE_COW    0x80000000u  /* software: shared until written */
#define PTE_PFNMASK 0x3fffffc0u

#define PTE2PA(pte) (((pte) & PTE_PFNMASK) << 6)
#define PA2PTE(pa)  (((uint32_t)(pa) >> 6) & PTE_PFNMASK)

#define PGROUNDUP(a)   (((uint32_t)(a) + PGSIZE - 1) & ~(uint32_t)(PGSIZE - 1))
#define PGROUNDDOWN(a) ((uint32_t)(a) & ~(uint32_t)(PGSIZE - 1))
#define PDX(va)        ((uint32_t)(va) >> 22)
#define PTX(va)        (((uint32_t)(va) >> 12) & 0x3ff)
#define NPTENTRIES     1024

/* What a fault was: vm_fault's kind (TLBL: VM_LOAD; TLBS and Mod: VM_STORE). */
enum vm_access { VM_LOAD = 0, VM_STORE = 1 };

/*
 * An address space, shared by the threads of a share group.  Layout:
 * [VM_TEXTMIN, heapbase) the ELF image, [heapbase, brk) the heap and
 * [USTACKMIN, USTACKTOP) the stack, both demand-zero.
 */
struct vmspace {
	struct sleeplock lock;   /* guards the page tables, heapbase, brk */
	int refs;                /* threads using it (vmtab.lock) */
	pte_t **pgdir;           /* kseg0 address of the directory */
	uint32_t heapbase;       /* end of the image, page-aligned */
	uint32_t brk;            /* end of the heap (the break) */
	/* TLB state (asid.c): entry c is written by CPU c only. */
	volatile uint32_t tlbgen;        /* bumped when mappings are withdrawn */
	volatile uint32_t seen[NCPU];    /* tlbgen CPU c's ASID is clean for */
	volatile uint32_t asid[NCPU];    /* generation<<8 | ASID on CPU c */
	volatile uint8_t active[NCPU];   /* CPU c runs it (vm_switch) */
};

#define VM_TEXTMIN  PGSIZE       /* page 0 stays unmapped */

// kalloc.c
void kinit(void);
void *kalloc(void);
void kfree(void *p);
void krefinc(uint32_t pa);
int krefcount(uint32_t pa);
uint32_t kfree_count(void);

// vm.c
void vm_init(void);
void vm_init_cpu(void);
struct vmspace *vm_create(void);
struct vmspace *vm_fork(struct vmspace *parent);
void vm_hold(struct vmspace *vm);
void vm_release(struct vmspace *vm);
uint32_t vm_size(struct vmspace *vm);
int vm_sbrk(struct vmspace *vm, int n, uint32_t *old);
pte_t *vm_walk(struct vmspace *vm, uint32_t va, int alloc);

// vmfault.c
int vm_fault(struct vmspace *vm, uint32_t va, int kind);
int vm_fault_locked(struct vmspace *vm, uint32_t va, int kind);
int vm_map_zero(struct vmspace *vm, uint32_t va, uint32_t flags);
void vm_unmap_range(struct vmspace *vm, uint32_t lo, uint32_t hi);

// asid.c
void vm_switch(struct vmspace *vm);
void vm_ipi(void);
void vm_shootdown(struct vmspace *vm, uint32_t lo, uint32_t hi);
void vm_tlb_drop(struct vmspace *vm, uint32_t va);
void vm_tlb_detach(struct vmspace *vm);
void asid_init_cpu(int cpu);
void asid_newspace(struct vmspace *vm);

// vmcopy.c
int copyout(struct vmspace *vm, uint32_t dstva, const void *src, uint32_t len);
int copyin(struct vmspace *vm, void *dst, uint32_t srcva, uint32_t len);
int copyinstr(struct vmspace *vm, char *dst, uint32_t srcva, uint32_t max);
int either_copyout(int user, uint32_t dst, const void *src, uint32_t len);
int either_copyin(void *dst, int user, uint32_t src, uint32_t len);
int vm_peekword(struct vmspace *vm, uint32_t va, uint32_t *val);

// vmtest.c
void vm_test(void);

// exec.c
int exec(char *path, char **argv);

#endif
