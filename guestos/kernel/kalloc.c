/*
 * kalloc.c - the physical page allocator.
 *
 * Free RAM (the ranges hal_mem_range reports: the kernel image and the
 * boot information block are not in them) is cut into 4 KB pages kept on
 * one free list per NUMA node; kalloc takes a page from the calling CPU's
 * node first and falls back to the others.  Every page has a reference
 * count for copy-on-write sharing: kalloc returns a page with count 1,
 * krefinc adds one, kfree drops one and frees the page when none is left.
 * The counts live in an array carved from the first pages of free RAM.
 */
#include <stdint.h>

#include "hal.h"
#include "proc.h"    /* before kernel.h, which uses struct proc */
#include "kernel.h"
#include "klib.h"
#include "param.h"
#include "spinlock.h"
#include "vm.h"

#define KMAXRANGE 16

/* A free page: the list link lives in the page itself. */
struct run {
	struct run *next;
};

/* One node's free pages, on a cache line of its own. */
struct knode {
	struct spinlock lock;    /* guards free, nfree and its pages' counts */
	struct run *free;
	uint32_t nfree;
} __attribute__((aligned(128)));

static struct knode knodes[NCPU];
static int nknodes;

/* The free RAM ranges, to find a page's node. */
static struct {
	uint32_t lo, hi;
	int node;
} kranges[KMAXRANGE];
static int nkranges;

static uint16_t *krefs;      /* reference count of page (pa - kbase) / PGSIZE */
static uint32_t kbase;       /* lowest free physical address */
static uint32_t knpages;     /* pages from kbase to the highest free byte */

/* Return the node whose RAM holds physical address pa. */
static int knode_of(uint32_t pa)
{
	for (int i = 0; i < nkranges; i++)
		if (pa >= kranges[i].lo && pa < kranges[i].hi)
			return kranges[i].node;
	panic("knode_of: 0x%x is not free RAM", (unsigned)pa);
}

/* Return the reference count slot of physical page pa. */
static uint16_t *kref_slot(uint32_t pa)
{
	uint32_t i = (pa - kbase) / PGSIZE;
	if (pa < kbase || i >= knpages || pa % PGSIZE)
		panic("kref_slot: bad page 0x%x", (unsigned)pa);
	return &krefs[i];
}

/* Read the free ranges, page-aligned, and find the span they cover. */
static void kinit_ranges(void)
{
	uint32_t lo, hi, top = 0;
	int node;
	kbase = 0xffffffffu;
	for (int i = 0; nkranges < KMAXRANGE && hal_mem_range(i, &lo, &hi, &node); i++) {
		lo = PGROUNDUP(lo);
		hi = PGROUNDDOWN(hi);
		if (lo >= hi)
			continue;
		kranges[nkranges].lo = lo;
		kranges[nkranges].hi = hi;
		kranges[nkranges].node = node;
		nkranges++;
		if (node + 1 > nknodes)
			nknodes = node + 1;
		if (lo < kbase)
			kbase = lo;
		if (hi > top)
			top = hi;
	}
	if (nkranges == 0 || nknodes > NCPU)
		panic("kinit: no usable free RAM");
	knpages = (top - kbase) / PGSIZE;
}

/* Take the reference count array from the front of the first range big enough. */
static void kinit_refs(void)
{
	uint32_t bytes = PGROUNDUP(knpages * sizeof(uint16_t));
	for (int i = 0; i < nkranges; i++) {
		if (kranges[i].hi - kranges[i].lo > bytes) {
			krefs = P2V(kranges[i].lo);
			memset(krefs, 0, bytes);
			kranges[i].lo += bytes;
			return;
		}
	}
	panic("kinit: no room for page reference counts");
}

/* Put physical page pa on its node's free list (count already zero). */
static void kfree_page(struct knode *kn, uint32_t pa)
{
	struct run *r = P2V(pa);
	r->next = kn->free;
	kn->free = r;
	kn->nfree++;
}

/* Build the free lists from the boot information's free RAM ranges. */
void kinit(void)
{
	kinit_ranges();
	kinit_refs();
	for (int n = 0; n < nknodes; n++)
		initlock(&knodes[n].lock, "kmem");
	for (int i = 0; i < nkranges; i++) {
		struct knode *kn = &knodes[kranges[i].node];
		/* top down, so that kalloc hands out low addresses first */
		for (uint32_t pa = kranges[i].hi; pa > kranges[i].lo; pa -= PGSIZE)
			kfree_page(kn, pa - PGSIZE);
	}
}

/* Take one page from node n's list, or return 0 if it is empty. */
static void *kalloc_node(int n)
{
	struct knode *kn = &knodes[n];
	acquire(&kn->lock);
	struct run *r = kn->free;
	if (r) {
		kn->free = r->next;
		kn->nfree--;
		*kref_slot(V2P(r)) = 1;
	}
	release(&kn->lock);
	return r;
}

/* Allocate one 4 KB page (kseg0 address, contents undefined); 0 when out of memory. */
void *kalloc(void)
{
	int home = hal_cpu_node(hal_cpu_id());
	for (int i = 0; i < nknodes; i++) {
		void *p = kalloc_node((home + i) % nknodes);
		if (p)
			return p;
	}
	return 0;
}

/* Drop one reference to the page at kseg0 address p; free it at zero. */
void kfree(void *p)
{
	uint32_t pa = V2P(p);
	struct knode *kn = &knodes[knode_of(pa)];
	acquire(&kn->lock);
	uint16_t *ref = kref_slot(pa);
	if (*ref == 0)
		panic("kfree: page 0x%x is already free", (unsigned)pa);
	if (--*ref == 0) {
		hal_page_free(p);   /* the memory hint, before the link goes in */
		kfree_page(kn, pa);
	}
	release(&kn->lock);
}

/* Add a reference to physical page pa (one more copy-on-write sharer). */
void krefinc(uint32_t pa)
{
	struct knode *kn = &knodes[knode_of(pa)];
	acquire(&kn->lock);
	uint16_t *ref = kref_slot(pa);
	if (*ref == 0 || *ref == 0xffff)
		panic("krefinc: page 0x%x has count %d", (unsigned)pa, *ref);
	++*ref;
	release(&kn->lock);
}

/* Return the number of references to physical page pa. */
int krefcount(uint32_t pa)
{
	return *(volatile uint16_t *)kref_slot(pa);
}

/* Return the number of free pages, all nodes together. */
uint32_t kfree_count(void)
{
	uint32_t n = 0;
	for (int i = 0; i < nknodes; i++)
		n += knodes[i].nfree;
	return n;
}
