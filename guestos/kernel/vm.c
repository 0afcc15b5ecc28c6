/*
 * vm.c - user address spaces: creation, copy-on-write fork, share-group
 * references, the break, and the page-table walk (vm.h draws the tables).
 *
 * vmspaces come from a fixed table and are never freed, only reused:
 * a CPU that still remembers one it ran (asid.c) points at valid memory.
 */
#include <stdint.h>

#include "hal.h"
#include "halasm.h"
#include "proc.h"    /* before kernel.h, which uses struct proc */
#include "kernel.h"
#include "klib.h"
#include "param.h"
#include "sleeplock.h"
#include "spinlock.h"
#include "vm.h"

_Static_assert(sizeof(struct cpu) == 1u << CPU_SHIFT,
	       "tlbrefill.S indexes cpus[] with CPU_SHIFT");
_Static_assert(__builtin_offsetof(struct cpu, pgdir) == CPU_PGDIR,
	       "tlbrefill.S reads cpus[c].pgdir at CPU_PGDIR");

#define USERSLOTS (USERTOP >> 22)  /* directory slots of kuseg */

pte_t *vm_zerotable;   /* the all-zero table of every empty directory slot */
pte_t **vm_emptydir;   /* a directory without tables: no user space */

static struct {
	struct spinlock lock;  /* guards refs of every entry */
	struct vmspace vm[NPROC];
} vmtab;

/* Return a zeroed page, or 0 when memory is out. */
static void *kalloc_zero(void)
{
	void *p = kalloc();
	if (p)
		hal_page_zero(p);   /* the memory hint: the monitor may map a zero page */
	return p;
}

/* Set up the shared zero table, the empty directory and the vmspace table (boot CPU). */
void vm_init(void)
{
	vm_zerotable = kalloc_zero();
	vm_emptydir = kalloc();
	if (!vm_zerotable || !vm_emptydir)
		panic("vm_init: out of memory");
	for (int i = 0; i < NPTENTRIES; i++)
		vm_emptydir[i] = vm_zerotable;
	initlock(&vmtab.lock, "vmtab");
	for (int i = 0; i < NPROC; i++)
		initsleeplock(&vmtab.vm[i].lock, "vmspace");
}

/* Set up this CPU's MMU: empty TLB, Context.PTEBase = CPU number, no user space. */
void vm_init_cpu(void)
{
	push_off();
	asid_init_cpu(cpuid());
	pop_off();
}

/* Return the PTE of va in vm, making its page table if alloc; 0 if there is none. */
pte_t *vm_walk(struct vmspace *vm, uint32_t va, int alloc)
{
	pte_t **slot = &vm->pgdir[PDX(va)];
	if (va >= USERTOP)
		return 0;
	if (*slot == vm_zerotable) {
		pte_t *t;
		if (!alloc || (t = kalloc_zero()) == 0)
			return 0;
		__sync_synchronize();  /* zeroes before the refill handler can see t */
		*slot = t;
	}
	return &(*slot)[PTX(va)];
}

/* Make an empty address space (no pages, break 0) with one reference; 0 if none is free. */
struct vmspace *vm_create(void)
{
	struct vmspace *vm = 0;
	acquire(&vmtab.lock);
	for (int i = 0; i < NPROC && !vm; i++)
		if (vmtab.vm[i].refs == 0)
			vm = &vmtab.vm[i];
	if (vm)
		vm->refs = 1;
	release(&vmtab.lock);
	if (!vm)
		return 0;
	vm->pgdir = kalloc();
	if (!vm->pgdir) {
		vm_release(vm);
		return 0;
	}
	for (int i = 0; i < NPTENTRIES; i++)
		vm->pgdir[i] = vm_zerotable;
	vm->heapbase = vm->brk = 0;
	asid_newspace(vm);
	return vm;
}

/* Free every page and table of vm (nobody uses it any more). */
static void vm_free(struct vmspace *vm)
{
	if (!vm->pgdir)
		return;
	for (uint32_t d = 0; d < USERSLOTS; d++) {
		pte_t *t = vm->pgdir[d];
		if (t == vm_zerotable)
			continue;
		for (int i = 0; i < NPTENTRIES; i++)
			if (t[i] & PTE_V)
				kfree(P2V(PTE2PA(t[i])));
		kfree(t);
	}
	kfree(vm->pgdir);
	vm->pgdir = 0;
}

/* Add a thread to vm's share group. */
void vm_hold(struct vmspace *vm)
{
	acquire(&vmtab.lock);
	vm->refs++;
	release(&vmtab.lock);
}

/* Drop a reference to vm; the last one frees its memory (and this CPU stops using it). */
void vm_release(struct vmspace *vm)
{
	if (!vm)
		return;
	acquire(&vmtab.lock);
	int left = --vm->refs;
	if (left == 0)
		vm->refs = -1;   /* being freed: vm_create must not take it yet */
	release(&vmtab.lock);
	if (left < 0)
		panic("vm_release: no references");
	if (left > 0)
		return;
	vm_tlb_detach(vm);
	vm_free(vm);
	acquire(&vmtab.lock);
	vm->refs = 0;
	release(&vmtab.lock);
}

/* Share child's copy of parent's table t: writable pages become copy-on-write. */
static int vm_copy_table(pte_t *t, pte_t **cslot)
{
	pte_t *ct = kalloc_zero();
	if (!ct)
		return -1;
	for (int i = 0; i < NPTENTRIES; i++) {
		if (!(t[i] & PTE_V))
			continue;
		if (t[i] & PTE_WR)
			t[i] = (t[i] & ~PTE_D) | PTE_COW;
		krefinc(PTE2PA(t[i]));
		ct[i] = t[i];
	}
	*cslot = ct;
	return 0;
}

/* Return a copy-on-write copy of parent (fork); 0 when out of memory. */
struct vmspace *vm_fork(struct vmspace *parent)
{
	struct vmspace *child = vm_create();
	if (!child)
		return 0;
	int err = 0;
	acquiresleep(&parent->lock);
	for (uint32_t d = 0; d < USERSLOTS && !err; d++)
		if (parent->pgdir[d] != vm_zerotable)
			err = vm_copy_table(parent->pgdir[d], &child->pgdir[d]);
	child->heapbase = parent->heapbase;
	child->brk = parent->brk;
	vm_shootdown(parent, 0, USERTOP);
	releasesleep(&parent->lock);
	if (err) {
		vm_release(child);
		return 0;
	}
	return child;
}

/* Return the size of vm's image and heap: its break. */
uint32_t vm_size(struct vmspace *vm)
{
	return vm->brk;
}

/*
 * Move vm's break by n bytes, *old = the previous break.  Growth is lazy
 * (pages come on first touch) but refused when free memory could not
 * cover it; shrinking frees the pages.  Returns 0, or -1.
 */
int vm_sbrk(struct vmspace *vm, int n, uint32_t *old)
{
	acquiresleep(&vm->lock);
	uint32_t brk = vm->brk, nbrk = brk + (uint32_t)n;
	int bad = n > 0 ? nbrk < brk || nbrk > USTACKMIN ||
		(PGROUNDUP(nbrk) - PGROUNDUP(brk)) / PGSIZE > kfree_count()
		: nbrk > brk || nbrk < vm->heapbase;
	if (!bad) {
		if (n < 0)
			vm_unmap_range(vm, PGROUNDUP(nbrk), PGROUNDUP(brk));
		vm->brk = nbrk;
		*old = brk;
	}
	releasesleep(&vm->lock);
	return bad ? -1 : 0;
}
