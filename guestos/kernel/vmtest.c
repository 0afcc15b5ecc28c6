/*
 * vmtest.c - a kernel-mode self-test of the virtual memory code, run from
 * process context when the kernel command line holds the word "vmtest".
 * It checks demand-zero pages, copy-on-write fork, the break, bad
 * addresses, TLB refills through tlbrefill.S (the kernel reads kuseg
 * directly here, which it otherwise never does), ASID rollover, and that
 * every page comes back to the free lists.
 */
#include <stdint.h>

#include "hal.h"
#include "proc.h"    /* before kernel.h, which uses struct proc */
#include "kernel.h"
#include "klib.h"
#include "param.h"
#include "vm.h"

#define HEAP 0x00400000u

/* Panic with the failed check's text unless ok. */
#define CHECK(ok) do { if (!(ok)) panic("vm_test: %s failed", #ok); } while (0)

/* Read word va of vm through the TLB (refill handler) by switching to vm. */
static uint32_t vm_test_peek(struct vmspace *vm, uint32_t va)
{
	push_off();
	vm_switch(vm);
	uint32_t v = *(volatile uint32_t *)va;
	vm_switch(myproc()->vm);
	pop_off();
	return v;
}

/* Demand-zero heap and stack pages, bad addresses, copyinstr. */
static void vm_test_basic(struct vmspace *vm)
{
	uint32_t old, w = 0x12345678, r = 0;
	char s[8];
	CHECK(vm_sbrk(vm, 3 * PGSIZE, &old) == 0 && old == HEAP);
	CHECK(copyin(vm, &r, HEAP + 8, 4) == 0 && r == 0);
	CHECK(copyout(vm, HEAP + PGSIZE - 2, &w, 4) == 0);  /* spans two pages */
	CHECK(copyin(vm, &r, HEAP + PGSIZE - 2, 4) == 0 && r == w);
	CHECK(copyout(vm, USTACKTOP - 4, &w, 4) == 0);
	CHECK(copyout(vm, HEAP + 3 * PGSIZE, &w, 4) < 0);    /* above the break */
	CHECK(copyout(vm, 0x10, &w, 4) < 0);
	CHECK(copyout(vm, USERTOP - 2, &w, 4) < 0);
	CHECK(copyout(vm, HEAP + 100, "vmtest", 7) == 0);
	CHECK(copyinstr(vm, s, HEAP + 100, sizeof(s)) == 6 && strcmp(s, "vmtest") == 0);
	CHECK(copyinstr(vm, s, HEAP + 100, 4) < 0);
	CHECK(vm_fault(vm, HEAP + 2 * PGSIZE, VM_STORE) == 0);
	CHECK(vm_fault(vm, USTACKMIN - 4, VM_LOAD) < 0);
	CHECK(vm_test_peek(vm, HEAP + PGSIZE - 2) == w);
	CHECK(vm_test_peek(vm, USTACKTOP - 4) == w);
}

/* Fork shares pages copy-on-write; a write separates them. */
static void vm_test_cow(struct vmspace *vm)
{
	uint32_t a = 0xaaaa0001, b = 0xbbbb0002, r;
	CHECK(copyout(vm, HEAP, &a, 4) == 0);
	struct vmspace *child = vm_fork(vm);
	CHECK(child != 0);
	pte_t *pp = vm_walk(vm, HEAP, 0), *cp = vm_walk(child, HEAP, 0);
	CHECK(PTE2PA(*pp) == PTE2PA(*cp) && (*pp & PTE_COW) && !(*pp & PTE_D));
	CHECK(krefcount(PTE2PA(*pp)) == 2);
	CHECK(vm_test_peek(child, HEAP) == a);
	CHECK(copyout(child, HEAP, &b, 4) == 0);
	CHECK(copyin(vm, &r, HEAP, 4) == 0 && r == a);
	CHECK(copyin(child, &r, HEAP, 4) == 0 && r == b);
	CHECK(vm_test_peek(vm, HEAP) == a && vm_test_peek(child, HEAP) == b);
	CHECK(PTE2PA(*pp) != PTE2PA(*cp) && krefcount(PTE2PA(*pp)) == 1);
	CHECK(vm_fault(vm, HEAP, VM_STORE) == 0 && (*pp & PTE_D) && !(*pp & PTE_COW));
	vm_release(child);
}

/* Many new ASIDs on this CPU: the generation wraps and mappings still work. */
static void vm_test_asid(struct vmspace *vm)
{
	uint32_t w = 0x5a5a5a5a;
	CHECK(copyout(vm, HEAP + 16, &w, 4) == 0);
	for (int i = 0; i < 600; i++) {
		acquiresleep(&vm->lock);
		vm_shootdown(vm, 0, USERTOP);
		releasesleep(&vm->lock);
		CHECK(vm_test_peek(vm, HEAP + 16) == w);
	}
}

/* Run the checks on a scratch address space; all its pages must come back. */
void vm_test(void)
{
	uint32_t before = kfree_count(), old;
	struct vmspace *vm = vm_create();
	CHECK(vm != 0);
	vm->heapbase = vm->brk = HEAP;
	vm_test_basic(vm);
	vm_test_cow(vm);
	vm_test_asid(vm);
	CHECK(vm_sbrk(vm, -2 * PGSIZE, &old) == 0 && old == HEAP + 3 * PGSIZE);
	uint32_t r;
	CHECK(copyin(vm, &r, HEAP + PGSIZE, 4) < 0);
	CHECK(vm_sbrk(vm, -2 * PGSIZE, &old) < 0);
	vm_release(vm);
	CHECK(kfree_count() == before);
	kprintf("vm_test: ok (%u pages free)\n", (unsigned)before);
}
