/*
 * exec.c - replace the current process's address space with a program
 * read from the file system: a MIPS ELF32 big-endian executable (System
 * V ABI, MIPS processor supplement).  Nothing of the caller changes until
 * the new image is complete, so every failure returns -1 harmlessly.
 *
 *   ELF header                     program header (one per segment)
 *   +0  ident: 7f 'E' 'L' 'F'      +0  type (1 = PT_LOAD)
 *       class 1 (32-bit)           +4  offset in the file
 *       data 2 (big-endian)        +8  vaddr
 *   +16 type (2 = executable)      +12 paddr
 *   +18 machine (8 = MIPS)         +16 filesz
 *   +24 entry                      +20 memsz (the rest is zero: bss)
 *   +28 phoff                      +24 flags (PF_X 1, PF_W 2, PF_R 4)
 *   +42 phentsize, +44 phnum       +28 align
 *
 * The new stack, at the top of the stack region:
 *
 *   USTACKTOP -> +------------------------+
 *                | argument strings       |
 *                +------------------------+
 *                | argv[argc] = 0         |
 *                | argv[0..argc-1]        |
 *   sp = argv -> +------------------------+  8-byte aligned; a0 = argc, a1 = argv
 */
#include <stdint.h>

#include "fs.h"      /* before fsdefs.h: struct superblock */
#include "fsdefs.h"
#include "hal.h"
#include "proc.h"    /* before kernel.h, which uses struct proc */
#include "kernel.h"
#include "klib.h"
#include "param.h"
#include "trapframe.h"
#include "vm.h"

#define ELF_MAGIC   0x7f454c46u  /* "\177ELF", read big-endian */
#define ELFCLASS32  1
#define ELFDATA2MSB 2
#define ET_EXEC     2
#define EM_MIPS     8
#define PT_LOAD     1
#define PF_W        2
#define EXEC_MAXPH  16

struct elfhdr {
	uint32_t magic;
	uint8_t class, data, version, osabi;
	uint8_t pad[8];
	uint16_t type, machine;
	uint32_t eversion, entry, phoff, shoff, flags;
	uint16_t ehsize, phentsize, phnum, shentsize, shnum, shstrndx;
};

struct proghdr {
	uint32_t type, offset, vaddr, paddr, filesz, memsz, flags, align;
};

/* Is eh the header of a big-endian 32-bit MIPS executable we can load? */
static int exec_header_ok(const struct elfhdr *eh)
{
	return eh->magic == ELF_MAGIC && eh->class == ELFCLASS32 &&
		eh->data == ELFDATA2MSB && eh->type == ET_EXEC &&
		eh->machine == EM_MIPS && eh->phentsize == sizeof(struct proghdr) &&
		eh->phnum > 0 && eh->phnum <= EXEC_MAXPH;
}

/* Does segment ph fit below the stack region, above page 0, without wrapping? */
static int exec_segment_ok(const struct proghdr *ph)
{
	return ph->memsz >= ph->filesz && ph->vaddr >= VM_TEXTMIN &&
		ph->vaddr + ph->memsz >= ph->vaddr &&
		ph->vaddr + ph->memsz <= USTACKMIN &&
		ph->offset + ph->filesz >= ph->offset;
}

/* Return the kseg0 address of vm's page at va, mapping a zeroed one if needed; 0 if out of memory. */
static char *exec_page(struct vmspace *vm, uint32_t va, int writable)
{
	pte_t *pte = vm_walk(vm, va, 1);
	if (!pte)
		return 0;
	if (!(*pte & PTE_V) && vm_map_zero(vm, va, 0) < 0)
		return 0;
	if (writable)
		*pte |= PTE_WR | PTE_D;
	return P2V(PTE2PA(*pte));
}

/* Map segment ph of ip into vm page by page and read its file bytes; 0 or -1. */
static int exec_segment(struct vmspace *vm, struct inode *ip, const struct proghdr *ph)
{
	uint32_t end = ph->vaddr + ph->memsz, fend = ph->vaddr + ph->filesz;
	for (uint32_t va = PGROUNDDOWN(ph->vaddr); va < end; va += PGSIZE) {
		char *page = exec_page(vm, va, ph->flags & PF_W);
		if (!page)
			return -1;
		uint32_t lo = va < ph->vaddr ? ph->vaddr : va;
		uint32_t hi = va + PGSIZE < fend ? va + PGSIZE : fend;
		if (lo < hi && readi(ip, 0, (uint32_t)(page + (lo - va)),
				     ph->offset + (lo - ph->vaddr), hi - lo) != (int)(hi - lo))
			return -1;
	}
	return 0;
}

/* Load the executable ip into vm; *entry = its entry point, *end = its highest byte + 1. */
static int exec_load(struct vmspace *vm, struct inode *ip, uint32_t *entry, uint32_t *end)
{
	struct elfhdr eh;
	struct proghdr ph;
	if (readi(ip, 0, (uint32_t)&eh, 0, sizeof(eh)) != sizeof(eh) || !exec_header_ok(&eh))
		return -1;
	*end = 0;
	for (uint32_t i = 0; i < eh.phnum; i++) {
		uint32_t off = eh.phoff + i * sizeof(ph);
		if (readi(ip, 0, (uint32_t)&ph, off, sizeof(ph)) != sizeof(ph))
			return -1;
		if (ph.type != PT_LOAD || ph.memsz == 0)
			continue;
		if (!exec_segment_ok(&ph) || exec_segment(vm, ip, &ph) < 0)
			return -1;
		if (ph.vaddr + ph.memsz > *end)
			*end = ph.vaddr + ph.memsz;
	}
	*entry = eh.entry;
	return *end != 0 && eh.entry >= VM_TEXTMIN && eh.entry < *end ? 0 : -1;
}

/* Build the argument stack in vm; returns argc and *sp (= argv), or -1. */
static int exec_stack(struct vmspace *vm, char **argv, uint32_t *sp)
{
	uint32_t ustack[MAXARG + 1];
	uint32_t top = USTACKTOP;
	int argc;
	for (argc = 0; argv[argc]; argc++) {
		uint32_t len = strlen(argv[argc]) + 1;
		if (argc >= MAXARG || len > PGSIZE)
			return -1;
		top -= len;
		if (copyout(vm, top, argv[argc], len) < 0)
			return -1;
		ustack[argc] = top;
	}
	ustack[argc] = 0;
	top = (top - (argc + 1) * sizeof(uint32_t)) & ~7u;
	if (copyout(vm, top, ustack, (argc + 1) * sizeof(uint32_t)) < 0)
		return -1;
	*sp = top;
	return argc;
}

/* Set the process name from the last element of path. */
static void exec_name(struct proc *p, const char *path)
{
	const char *last = path;
	for (const char *s = path; *s; s++)
		if (*s == '/')
			last = s + 1;
	strncpy(p->name, last, sizeof(p->name) - 1);
	p->name[sizeof(p->name) - 1] = 0;
}

/* Read the program at path into a new address space from the file system; 0 or -1. */
static int exec_image(const char *path, struct vmspace *vm, uint32_t *entry)
{
	uint32_t end = 0;
	begin_op();
	struct inode *ip = namei(path);
	if (!ip) {
		end_op();
		return -1;
	}
	ilock(ip);
	int r = exec_load(vm, ip, entry, &end);
	iunlockput(ip);
	end_op();
	vm->heapbase = vm->brk = PGROUNDUP(end);
	return r;
}

/* Run the program at path with arguments argv (kernel strings, 0-terminated); argc, or -1. */
int exec(char *path, char **argv)
{
	struct proc *p = myproc();
	uint32_t entry, sp;
	int argc;
	struct vmspace *vm = vm_create();
	if (!vm)
		return -1;
	if (exec_image(path, vm, &entry) < 0 || (argc = exec_stack(vm, argv, &sp)) < 0) {
		vm_release(vm);
		return -1;
	}
	struct vmspace *old = p->vm;
	push_off();
	p->vm = vm;          /* a share group's other threads keep old */
	vm_switch(vm);
	pop_off();
	vm_release(old);
	exec_name(p, path);
	p->tf->epc = entry;
	p->tf->sp = sp;
	p->tf->a0 = (uint32_t)argc;
	p->tf->a1 = sp;
	return argc;
}
