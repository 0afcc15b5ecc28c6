/*
 * backtrace.c - register dumps and stack backtraces for panics.
 *
 * gcc's MIPS prologues (o32) open a frame with
 *     addiu sp, sp, -N        0x27bd.... with a negative immediate
 *     sw    ra, off(sp)       0xafbf....  (non-leaf functions only)
 * so from a pc and its sp the caller's frame is found by scanning back to
 * the addiu, then forward to the sw of ra: the caller resumes at the saved
 * ra with sp + N.  A leaf function keeps its return address in ra, and so
 * does a function stopped before its addiu: scanning back from there meets
 * the previous function's `jr ra` first.  Stack words are read only from
 * the kernel image (every kernel stack is in its .bss), so a corrupt sp
 * ends the backtrace instead of faulting inside the panic.
 */
#include <stdint.h>

#include "kernel.h"
#include "klib.h"
#include "trapframe.h"

#define OP_ADDIU_SP 0x27bd0000u /* addiu sp, sp, imm */
#define OP_SW_RA    0xafbf0000u /* sw ra, imm(sp) */
#define OP_JR_RA    0x03e00008u /* jr ra */
#define MAXFRAMES   16
#define MAXSCAN     4096        /* instructions searched back for a prologue */

extern char _start[], etext[], _end[];

/* Is pc inside the kernel's text? */
static int intext(uint32_t pc)
{
	return pc >= (uint32_t)_start && pc < (uint32_t)etext && !(pc & 3);
}

/* Can the word at sp + off be read without a fault? */
static int onstack(uint32_t sp, int off)
{
	uint32_t a = sp + (uint32_t)off;
	return !(a & 3) && a >= (uint32_t)_start && a < (uint32_t)_end;
}

/*
 * Find the frame of the function containing pc: its size and ra slot (-1
 * none); size 0 when pc is before the prologue (the `jr ra` of the
 * previous function comes first, its delay slot in between).
 */
static const uint32_t *prologue(uint32_t pc, int *size, int *raoff)
{
	const uint32_t *ip = (const uint32_t *)pc;
	for (int i = 0; i < MAXSCAN && intext((uint32_t)ip); i++, ip--) {
		if (i >= 2 && *ip == OP_JR_RA) {
			*size = 0;
			*raoff = -1;
			return ip;
		}
		if ((*ip & 0xffff0000u) != OP_ADDIU_SP || !(*ip & 0x8000))
			continue;
		*size = -(int16_t)(*ip & 0xffff);
		*raoff = -1;
		for (const uint32_t *q = ip; q < (const uint32_t *)pc; q++)
			if ((*q & 0xffff0000u) == OP_SW_RA)
				*raoff = (int16_t)(*q & 0xffff);
		return ip;
	}
	return 0;
}

/* Print the call chain that led to pc (sp, ra: its registers). */
void backtrace(uint32_t pc, uint32_t sp, uint32_t ra)
{
	kprintf("backtrace:\n");
	for (int n = 0; n < MAXFRAMES && intext(pc); n++) {
		int size, raoff;
		kprintf("  %p\n", (void *)pc);
		if (!prologue(pc, &size, &raoff))
			break;
		if (raoff >= 0 && onstack(sp, raoff))
			ra = *(uint32_t *)(sp + (uint32_t)raoff);
		else if (raoff >= 0 || n > 0)
			break;
		pc = ra - 8;
		sp += (uint32_t)size;
		ra = 0;
	}
}

/* Print a trap frame's registers, four a line. */
void dumpregs(const struct trapframe *tf)
{
	static const char *names[32] = {
		"zero", "at", "v0", "v1", "a0", "a1", "a2", "a3",
		"t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7",
		"s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7",
		"t8", "t9", "k0", "k1", "gp", "sp", "fp", "ra",
	};
	const uint32_t *r = &tf->zero;
	for (int i = 0; i < 32; i += 4)
		kprintf("%4s %08x  %4s %08x  %4s %08x  %4s %08x\n",
			names[i], r[i], names[i + 1], r[i + 1],
			names[i + 2], r[i + 2], names[i + 3], r[i + 3]);
	kprintf("  hi %08x    lo %08x  status %08x  cause %08x\n", tf->hi,
		tf->lo, tf->status, tf->cause);
	kprintf(" epc %08x  badvaddr %08x\n", tf->epc, tf->badvaddr);
}
