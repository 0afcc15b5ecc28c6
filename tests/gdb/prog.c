/*
 * prog.c - the klib program the gdb tests debug (tests/gdb/run.sh).
 *
 * Every CPU counts itself in `arrived` and all but CPU 0 park in WAIT.
 * CPU 0 turns the FPU on and loads known values (fpu_setup: with
 * Status.FR = 0, $f0/$f1 hold the double 1.5, $f2 the single 2.5), calls
 * patch() once (so that its code is decoded before any debugger can
 * write it), waits for the others, then adds 1..4 into
 * `counter` through add() (a breakpoint target with known arguments:
 * a0 = counter, a1 = i).  patch() returns 1 unless the debugger rewrote
 * its instruction.  main returns 3 + patch() twice (the exit status gdb
 * reports: 5, or 6 after the rewrite) when counter ends at 10 and
 * words[2] (read last: a read watchpoint's target) is intact, else 1.
 * Built with -g; `noinline`, `used`, `volatile` keep what the tests use.
 */
#include "klib.h"

volatile uint32_t counter;  /* the watchpoint's target */
volatile uint32_t words[4] = {0x11223344, 0x55667788, 0x99aabbcc,
			      0xddeeff00};
volatile uint32_t arrived;  /* CPUs that have started main */

/* Return a + b. */
__attribute__((noinline)) uint32_t add(uint32_t a, uint32_t b)
{
	return a + b;
}

/* Return 1 (a test overwrites the instruction that makes it 1). */
__attribute__((noinline)) int patch(void)
{
	int v;
	__asm__ volatile(".globl patch_insn\npatch_insn: addiu %0, $zero, 1"
			 : "=r"(v));
	return v;
}

/* Enable the FPU (Status.CU1, FR = 0) and load f0/f1 = 1.5 (double),
   f2 = 2.5 (single). */
__attribute__((noinline)) void fpu_setup(void)
{
	kcp0_set_status(kcp0_status() | ST_CU1);
	__asm__ volatile(".set push\n\t"
			 ".set fp=64\n\t" /* let gas name odd FPRs (the */
			 ".set oddspreg\n\t" /* encodings do not change) */
			 "mtc1 $zero, $f0\n\t"
			 "lui $t0, 0x3ff8\n\t"
			 "mtc1 $t0, $f1\n\t"
			 "lui $t0, 0x4020\n\t"
			 "mtc1 $t0, $f2\n\t"
			 "mtc1 $zero, $f3\n\t"
			 ".set pop"
			 ::: "t0", "$f0", "$f1", "$f2", "$f3");
}

/* Count in; CPU 0 adds 1..4 into counter and reports the result. */
int main(int cpu, int ncpus, uint32_t bootinfo)
{
	(void)bootinfo;
	katomic_add(&arrived, 1);
	if (cpu != 0)
		return 0;
	fpu_setup();
	int first = patch();
	while (arrived != (uint32_t)ncpus)
		;
	for (uint32_t i = 1; i <= 4; i++)
		counter = add(counter, i);
	kprintf("counter %u\n", (unsigned)counter);
	if (counter != 10 || words[2] != 0x99aabbcc)
		return 1;
	return 3 + first + patch();
}

/* Return 3x + 1: nothing calls it but gdb (`print triple_plus_one(13)`). */
__attribute__((noinline, used)) uint32_t triple_plus_one(uint32_t x)
{
	return 3 * x + 1;
}
