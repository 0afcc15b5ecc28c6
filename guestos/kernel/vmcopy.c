/*
 * vmcopy.c - copies between the kernel and a user address space.  The
 * kernel never touches user addresses through the TLB: it walks the page
 * tables in software and uses the pages' kseg0 addresses, faulting in
 * demand-zero pages and breaking copy-on-write sharing as a user access
 * would.  vm->lock is held across each copy, so a concurrent shrink of
 * the break by another thread cannot free a page under it.
 */
#include <stdint.h>

#include "hal.h"
#include "proc.h"    /* before kernel.h, which uses struct proc */
#include "kernel.h"
#include "klib.h"
#include "param.h"
#include "sleeplock.h"
#include "vm.h"

/* Return the kseg0 address of user va in vm, made writable if write; 0 if not allowed. */
static char *vm_user_ptr(struct vmspace *vm, uint32_t va, int write)
{
	pte_t *pte = vm_walk(vm, va, 0);
	uint32_t need = write ? PTE_V | PTE_D : PTE_V;
	if (!pte || (*pte & need) != need) {
		if (vm_fault_locked(vm, va, write ? VM_STORE : VM_LOAD) < 0)
			return 0;
		pte = vm_walk(vm, va, 0);
	}
	return (char *)P2V(PTE2PA(*pte)) + (va & (PGSIZE - 1));
}

/* Copy len bytes between src (kernel) and user dstva in vm, or back; 0, or -1 on a bad address. */
static int vm_copy(struct vmspace *vm, uint32_t uva, char *kbuf, uint32_t len, int out)
{
	int err = 0;
	if (!vm)
		return -1;
	acquiresleep(&vm->lock);
	while (len > 0 && !err) {
		uint32_t n = PGSIZE - (uva & (PGSIZE - 1));
		if (n > len)
			n = len;
		char *p = vm_user_ptr(vm, uva, out);
		if (!p) {
			err = -1;
		} else {
			if (out)
				memcpy(p, kbuf, n);
			else
				memcpy(kbuf, p, n);
			len -= n;
			uva += n;
			kbuf += n;
		}
	}
	releasesleep(&vm->lock);
	return err;
}

/* Copy len bytes from kernel src to user dstva in vm; 0, or -1 on a bad address. */
int copyout(struct vmspace *vm, uint32_t dstva, const void *src, uint32_t len)
{
	return vm_copy(vm, dstva, (char *)src, len, 1);
}

/* Copy len bytes from user srcva in vm to kernel dst; 0, or -1 on a bad address. */
int copyin(struct vmspace *vm, void *dst, uint32_t srcva, uint32_t len)
{
	return vm_copy(vm, srcva, dst, len, 0);
}

/* Copy a NUL-terminated string of at most max bytes (NUL included) from user srcva; its length, or -1. */
int copyinstr(struct vmspace *vm, char *dst, uint32_t srcva, uint32_t max)
{
	uint32_t got = 0;
	int len = -1;
	if (!vm)
		return -1;
	acquiresleep(&vm->lock);
	while (got < max && len < 0) {
		const char *p = vm_user_ptr(vm, srcva + got, 0);
		if (!p)
			break;
		uint32_t n = PGSIZE - ((srcva + got) & (PGSIZE - 1));
		for (; n > 0 && got < max; n--, got++, p++) {
			dst[got] = *p;
			if (*p == 0) {
				len = (int)got;
				break;
			}
		}
	}
	releasesleep(&vm->lock);
	return len;
}

/* Copy to a user address of the current process (user != 0) or a kernel address; 0 or -1. */
int either_copyout(int user, uint32_t dst, const void *src, uint32_t len)
{
	if (user)
		return copyout(myproc()->vm, dst, src, len);
	memmove((void *)dst, src, len);
	return 0;
}

/* Copy from a user address of the current process (user != 0) or a kernel address; 0 or -1. */
int either_copyin(void *dst, int user, uint32_t src, uint32_t len)
{
	if (user)
		return copyin(myproc()->vm, dst, src, len);
	memmove(dst, (const void *)src, len);
	return 0;
}

/*
 * Read the aligned user word at va of vm without sleeping or faulting,
 * for callers holding a spinlock (tsync); -1 if its page is not present
 * (copyin it first, without the spinlock, to bring it in).
 */
int vm_peekword(struct vmspace *vm, uint32_t va, uint32_t *val)
{
	pte_t *pte = vm && !(va & 3) ? vm_walk(vm, va, 0) : 0;
	if (!pte || !(*pte & PTE_V))
		return -1;
	*val = *(volatile uint32_t *)((char *)P2V(PTE2PA(*pte)) + (va & (PGSIZE - 1)));
	return 0;
}
