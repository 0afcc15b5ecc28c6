/*
 * count.c - SMP bring-up: every CPU adds 1 to a shared counter COUNT_N
 * times with LL/SC; CPU 0 waits for all of them and checks the exact total.
 *
 * Across CPUs the emulator interleaves whole quanta, so an SC fails only
 * when a CPU was stopped between its LL and its SC and another CPU wrote
 * the counter meanwhile: that store must clear the first CPU's LLbit
 * (R4000 User's Manual, appendix A, SC: "the store fails if ... another
 * processor ... has written the word").  Without it updates are lost and
 * the total comes out short.  The number of failed SCs is printed, and
 * must not be 0 on more than one CPU, or the test did not test that.
 * The order in which CPUs finish depends on the schedule: it is printed
 * too, for the determinism test (tests/smp/determinism.sh).
 */
#include "tests/smp/smp.h"

#define COUNT_N 20000u

static volatile uint32_t counter;
static volatile uint32_t places, finished;
static volatile uint32_t fails_total;
static volatile uint32_t order[SMP_MAX_CPUS];

/* Every CPU: count, then report in; CPU 0 checks the result. */
void smp_main(int cpu, int ncpus, uint32_t bootinfo)
{
	(void)bootinfo;
	uint32_t fails = 0;
	for (uint32_t i = 0; i < COUNT_N; i++)
		smp_atomic_add(&counter, 1, &fails);
	smp_atomic_add(&fails_total, fails, 0);
	order[smp_atomic_add(&places, 1, 0) - 1] = (uint32_t)cpu;
	smp_atomic_add(&finished, 1, 0);
	if (cpu != 0)
		for (;;)
			smp_wait(); /* interrupts off: parked for good */
	smp_wait_until(&finished, (uint32_t)ncpus);
	smp_printf("count: %d cpus x %u = %u, %u failed SCs, finish order",
		   ncpus, COUNT_N, counter, fails_total);
	for (int i = 0; i < ncpus; i++)
		smp_printf(" %u", order[i]);
	smp_printf("\n");
	CHECK_EQ(counter, COUNT_N * (uint32_t)ncpus);
	CHECK(ncpus == 1 || fails_total > 0);
	smp_power_off(0);
}
