/*
 * vmfault.c - page faults: TLB invalid (TLBL/TLBS) and TLB modified (Mod)
 * exceptions on user addresses, after the refill handler found no valid
 * PTE or a clean one.
 *
 *   PTE found             access   what happens
 *   valid                 load     stale TLB entry: drop it, retry
 *   valid, D              store    stale TLB entry: drop it, retry
 *   valid, COW            store    copy the page (or keep it if unshared)
 *   valid, not WR         store    protection fault: -1
 *   none, heap or stack   any      demand-zero: a fresh zeroed page
 *   none, elsewhere       any      bad address: -1
 */
#include <stdint.h>

#include "hal.h"
#include "proc.h"    /* before kernel.h, which uses struct proc */
#include "kernel.h"
#include "klib.h"
#include "param.h"
#include "sleeplock.h"
#include "vm.h"

/* Copy the page at kseg0 address src to dst, eight words per iteration (copy-on-write). */
static void vm_pgcopy(void *dst, const void *src)
{
	uint32_t *d = dst;
	const uint32_t *s = src;
	for (uint32_t *end = d + PGSIZE / 4; d < end; d += 8, s += 8) {
		uint32_t a = s[0], b = s[1], c = s[2], e = s[3];
		uint32_t f = s[4], g = s[5], h = s[6], i = s[7];
		d[0] = a; d[1] = b; d[2] = c; d[3] = e;
		d[4] = f; d[5] = g; d[6] = h; d[7] = i;
	}
}

/* Is va in a region whose pages are made on first touch (heap, stack)? */
static int vm_demand_zero(struct vmspace *vm, uint32_t va)
{
	if (va >= vm->heapbase && va < PGROUNDUP(vm->brk))
		return 1;
	return va >= USTACKMIN && va < USTACKTOP;
}

/* Map a fresh zeroed page at va with the extra PTE flags; 0, or -1 when out of memory. */
int vm_map_zero(struct vmspace *vm, uint32_t va, uint32_t flags)
{
	void *page = kalloc();
	if (!page)
		return -1;
	hal_page_zero(page);   /* the memory hint: the monitor may map a zero page */
	pte_t *pte = vm_walk(vm, va, 1);
	if (!pte) {
		kfree(page);
		return -1;
	}
	__sync_synchronize();  /* the zeroes before the PTE another CPU may load */
	*pte = PA2PTE(V2P(page)) | PTE_CACHED | PTE_V | flags;
	vm_tlb_drop(vm, va);
	return 0;
}

/* A store to copy-on-write page *pte at va: make it vm's own; 0, or -1 when out of memory. */
static int vm_cow_break(struct vmspace *vm, uint32_t va, pte_t *pte)
{
	uint32_t pa = PTE2PA(*pte);
	if (krefcount(pa) == 1) {
		/* nobody else has it: write-enable in place (a widening, no shootdown) */
		*pte = (*pte & ~PTE_COW) | PTE_D;
		vm_tlb_drop(vm, va);
		return 0;
	}
	void *page = kalloc();
	if (!page)
		return -1;
	vm_pgcopy(page, P2V(pa));
	__sync_synchronize();
	*pte = PA2PTE(V2P(page)) | PTE_CACHED | PTE_V | PTE_D | PTE_WR;
	vm_shootdown(vm, va, va + PGSIZE);  /* no CPU may still read the shared copy */
	kfree(P2V(pa));
	return 0;
}

/* Handle a fault at va in vm with vm->lock held; 0 when the access can be retried, else -1. */
int vm_fault_locked(struct vmspace *vm, uint32_t va, int kind)
{
	if (va >= USERTOP)
		return -1;
	pte_t *pte = vm_walk(vm, va, 0);
	if (pte && (*pte & PTE_V)) {
		if (kind == VM_LOAD || (*pte & PTE_D)) {
			vm_tlb_drop(vm, va);  /* another CPU mapped it since our refill */
			return 0;
		}
		if (*pte & PTE_COW)
			return vm_cow_break(vm, va, pte);
		return -1;
	}
	if (!vm_demand_zero(vm, va))
		return -1;
	return vm_map_zero(vm, va, PTE_WR | PTE_D);
}

/* Handle a user TLB fault (kind: VM_LOAD for TLBL, VM_STORE for TLBS and Mod); 0 handled, -1 kill. */
int vm_fault(struct vmspace *vm, uint32_t va, int kind)
{
	if (!vm)
		return -1;
	acquiresleep(&vm->lock);
	int r = vm_fault_locked(vm, va, kind);
	releasesleep(&vm->lock);
	return r;
}

/* The next page after va to look at in [va, ...): skips directory slots without a table. */
static uint32_t vm_next(struct vmspace *vm, uint32_t va)
{
	if (vm_walk(vm, va, 0) == 0)
		return (va & ~0x3fffffu) + 0x400000u;
	return va + PGSIZE;
}

/* Withdraw vm's pages in [lo, hi) (page-aligned, in kuseg) and free them; vm->lock held. */
void vm_unmap_range(struct vmspace *vm, uint32_t lo, uint32_t hi)
{
	int any = 0;
	for (uint32_t va = lo; va < hi; va = vm_next(vm, va)) {
		pte_t *pte = vm_walk(vm, va, 0);
		if (pte && (*pte & PTE_V)) {
			*pte &= ~(PTE_V | PTE_D);  /* dying: nonzero, not valid */
			any = 1;
		}
	}
	if (!any)
		return;
	vm_shootdown(vm, lo, hi);
	for (uint32_t va = lo; va < hi; va = vm_next(vm, va)) {
		pte_t *pte = vm_walk(vm, va, 0);
		if (pte && *pte) {
			kfree(P2V(PTE2PA(*pte)));
			*pte = 0;
		}
	}
}
