/*
 * asid.c - address space identifiers and TLB shootdowns.
 *
 * Each CPU hands out the R4000's 8-bit ASIDs on its own, Linux-MIPS
 * style: asid_cur[c] = generation << 8 | last ASID given out on CPU c,
 * and vm->asid[c] is the value vm got there.  An ASID is good while its
 * generation is the CPU's current one; when the 8 bits wrap, the CPU
 * flushes its whole TLB and starts a new generation, so every older
 * vm->asid[c] is stale at once.  Generation 0 means "none".
 *
 * Withdrawing a mapping (a copy-on-write break, a shrinking break, fork
 * making pages read-only) bumps vm->tlbgen.  A CPU's entries for vm are
 * known clean for vm->seen[c]; when that is behind tlbgen, the CPU takes
 * a fresh ASID (old entries die with the old one).  CPUs not running vm
 * do that when they next switch to it; CPUs running it (vm->active[c])
 * get an IPI and the initiator waits until they have caught up.  The
 * two sides order their flag writes with barriers (active then tlbgen
 * on switch, tlbgen then active on shootdown), so one of them always
 * sees the other.  Entry c of asid, seen and active is written only by
 * CPU c, with interrupts off.
 */
#include <stdint.h>

#include "hal.h"
#include "proc.h"    /* before kernel.h, which uses struct proc */
#include "kernel.h"
#include "param.h"
#include "spinlock.h"
#include "vm.h"

#define ASID_MASK      0xffu
#define ASID_FIRST_GEN 0x100u
#define FLUSH_PAGES    16    /* a longer range takes a new ASID instead */

static uint32_t asid_cur[NCPU];          /* CPU c: generation<<8 | last ASID */
static struct vmspace *curvm[NCPU];      /* what vm_switch last installed on c */
extern pte_t **vm_emptydir;

/* Give vm a new ASID on CPU c, starting a new generation when the 8 bits wrap. */
static void asid_alloc(struct vmspace *vm, int c)
{
	uint32_t a = ++asid_cur[c];
	if ((a & ASID_MASK) == 0) {
		hal_tlb_flush_all();
		if (a == 0)
			a = asid_cur[c] = ASID_FIRST_GEN;
	}
	vm->asid[c] = a;
}

/* Does vm hold an ASID of CPU c's current generation? */
static int asid_valid(struct vmspace *vm, int c)
{
	return ((vm->asid[c] ^ asid_cur[c]) & ~ASID_MASK) == 0;
}

/* Make vm's ASID on CPU c good and clean (new if mappings were withdrawn). */
static void asid_check(struct vmspace *vm, int c)
{
	uint32_t g = vm->tlbgen;
	if (vm->seen[c] != g) {
		vm->asid[c] = 0;
		vm->seen[c] = g;
	}
	if (!asid_valid(vm, c))
		asid_alloc(vm, c);
}

/* Set up this CPU's ASID state and MMU (each CPU, once, interrupts off). */
void asid_init_cpu(int c)
{
	asid_cur[c] = ASID_FIRST_GEN;
	curvm[c] = 0;
	hal_tlb_init(c);
	cpus[c].pgdir = (uint32_t)vm_emptydir;
}

/* A new (or reused) vmspace: every CPU's ASID for it is stale. */
void asid_newspace(struct vmspace *vm)
{
	vm->tlbgen++;
}

/* Run vm's user space on this CPU (NULL: none): directory for the refill handler, ASID. */
void vm_switch(struct vmspace *vm)
{
	push_off();
	int c = cpuid();
	struct vmspace *old = curvm[c];
	if (old && old != vm)
		old->active[c] = 0;
	curvm[c] = vm;
	if (vm == 0) {
		cpus[c].pgdir = (uint32_t)vm_emptydir;
		pop_off();
		return;
	}
	vm->active[c] = 1;
	__sync_synchronize();
	asid_check(vm, c);
	cpus[c].pgdir = (uint32_t)vm->pgdir;
	hal_tlb_set_asid(vm->asid[c]);
	pop_off();
}

/* Catch up with withdrawn mappings of the vmspace this CPU runs (interrupts off). */
static void shoot_catchup(int c)
{
	struct vmspace *vm = curvm[c];
	if (vm && vm->seen[c] != vm->tlbgen) {
		asid_check(vm, c);
		hal_tlb_set_asid(vm->asid[c]);
	}
}

/* The shootdown IPI handler: drop stale entries of the running vmspace. */
void vm_ipi(void)
{
	push_off();
	shoot_catchup(cpuid());
	pop_off();
}

/* Drop this CPU's TLB entry for va in vm, after a mapping was added or widened. */
void vm_tlb_drop(struct vmspace *vm, uint32_t va)
{
	push_off();
	int c = cpuid();
	if (asid_valid(vm, c))
		hal_tlb_flush_va(va, vm->asid[c]);
	pop_off();
}

/* This CPU's part of a shootdown of [lo, hi): flush those pages or take a new ASID. */
static void shoot_local(struct vmspace *vm, int c, uint32_t lo, uint32_t hi)
{
	if (!asid_valid(vm, c))
		return;
	if ((hi - lo) / PGSIZE <= FLUSH_PAGES) {
		for (uint32_t va = lo & ~(2u * PGSIZE - 1); va < hi; va += 2 * PGSIZE)
			hal_tlb_flush_va(va, vm->asid[c]);
		return;
	}
	vm->asid[c] = 0;
	if (curvm[c] == vm && vm->active[c]) {
		asid_alloc(vm, c);
		hal_tlb_set_asid(vm->asid[c]);
	}
}

/*
 * Make every CPU forget vm's mappings of [lo, hi) after they were
 * withdrawn or changed; returns once no CPU can use them.  vm->lock held.
 */
void vm_shootdown(struct vmspace *vm, uint32_t lo, uint32_t hi)
{
	push_off();
	int me = cpuid(), n = hal_ncpus();
	__sync_synchronize();
	uint32_t g = vm->tlbgen + 1;
	vm->tlbgen = g;
	__sync_synchronize();
	shoot_local(vm, me, PGROUNDDOWN(lo), PGROUNDUP(hi));
	vm->seen[me] = g;
	for (int c = 0; c < n; c++)
		if (c != me && vm->active[c] && vm->seen[c] != g)
			ipi_send(c);
	for (int c = 0; c < n; c++) {
		while (c != me && vm->active[c] && vm->seen[c] != g) {
			shoot_catchup(me);   /* another CPU may be waiting on us */
			__sync_synchronize();
		}
	}
	pop_off();
}

/* Stop using vm on this CPU if it is installed here (vm is being freed). */
void vm_tlb_detach(struct vmspace *vm)
{
	push_off();
	if (curvm[cpuid()] == vm)
		vm_switch(0);
	pop_off();
}
