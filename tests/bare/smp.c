/*
 * smp.c - every CPU comes up on its own stack, prints a line and adds to
 * shared counters; CPU 0 waits for all of them and checks the totals.
 * Runs on any number of CPUs (one included); tests/bare/smp.expect asks
 * run.sh for multi-CPU runs when the emulator has --cpus-per-node.
 */
#include "ktest.h"

#define ROUNDS 1000

static volatile uint32_t arrived;      /* CPUs that finished their rounds */
static volatile uint32_t atomic_total; /* katomic_add by every CPU */
static volatile uint32_t cpu_mask;     /* bit n set by CPU n (CAS loop) */
static struct kspinlock lock;
static volatile uint32_t locked_total; /* slow ++ under lock */
static uintptr_t stack_of[KLIB_MAX_CPUS];

/* Set bit n of cpu_mask with a compare-and-swap loop. */
static void mark_cpu(int n)
{
	uint32_t old;
	do
		old = cpu_mask;
	while (!katomic_cas(&cpu_mask, old, old | (1u << n)));
}

/*
 * Add one to locked_total with a slow read-modify-write, so that the
 * emulator's CPU switches often fall inside it: without the lock, updates
 * would be lost.
 */
static void slow_increment(void)
{
	uint32_t v = locked_total;
	for (volatile int i = 0; i < 4; i++)
		;
	locked_total = v + 1;
}

/* One CPU's share of the work. */
static void work(int cpu, int ncpus)
{
	char here;
	stack_of[cpu] = (uintptr_t)&here;
	kprintf("smp: cpu %d of %d up, stack %p\n", cpu, ncpus, (void *)&here);
	mark_cpu(cpu);
	/* Two tight phases: CPUs racing on the same word in each. */
	for (int i = 0; i < ROUNDS; i++)
		katomic_add(&atomic_total, 1);
	for (int i = 0; i < ROUNDS; i++) {
		kspin_lock(&lock);
		slow_increment();
		kspin_unlock(&lock);
	}
	katomic_add(&arrived, 1);
}

TEST(all_cpus_count)
{
	uint32_t n = (uint32_t)klib_ncpus;
	while (arrived != n)
		;
	kbarrier();
	KEXPECT_EQ(atomic_total, n * ROUNDS);
	KEXPECT_EQ(locked_total, n * ROUNDS);
	KEXPECT_EQ(cpu_mask, n == 32 ? 0xffffffffu : (1u << n) - 1);
	kprintf("smp: %u cpus, counters %u and %u\n", n, atomic_total,
		locked_total);
}

TEST(stacks_are_separate)
{
	extern char klib_stacks[];
	for (int i = 0; i < klib_ncpus; i++) {
		uintptr_t base = (uintptr_t)klib_stacks + (uintptr_t)i * KLIB_STACK_SIZE;
		KEXPECT_TRUE(stack_of[i] >= base && stack_of[i] < base + KLIB_STACK_SIZE);
	}
}

/* Every CPU works; CPU 0 then runs the checks and powers off. */
int main(int cpu, int ncpus, uint32_t bootinfo)
{
	(void)bootinfo;
	work(cpu, ncpus);
	return cpu == 0 ? ktest_run("smp") : 0;
}
