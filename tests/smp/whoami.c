/*
 * whoami.c - the interrupt controller's WHOAMI register on every CPU:
 * CPU number (= a0), node (= CPU / cpus_per_node of the boot information
 * block), number of CPUs (= a1) and of nodes.  Each CPU checks its own
 * answer, reads the register twice more (it must not change) and files
 * it; CPU 0 checks every filed answer once all are in.
 */
#include "tests/smp/smp.h"

static volatile uint32_t seen[SMP_MAX_CPUS];
static volatile uint32_t filed;

/* The WHOAMI value CPU cpu should read. */
static uint32_t want(int cpu, int ncpus, uint32_t bi)
{
	uint32_t per = bi_word(bi, BI_CPUS_PER_NODE);
	uint32_t nodes = bi_word(bi, BI_NNODES);
	return (uint32_t)cpu | ((uint32_t)cpu / per) << 8 |
	       (uint32_t)ncpus << 16 | nodes << 24;
}

/* Every CPU: check and file its identity; CPU 0 checks everyone's. */
void smp_main(int cpu, int ncpus, uint32_t bootinfo)
{
	uint32_t me = intc_read(DEV_INTC_WHOAMI);
	CHECK_EQ(me, want(cpu, ncpus, bootinfo));
	CHECK_EQ(intc_read(DEV_INTC_WHOAMI), me);
	intc_write(DEV_INTC_WHOAMI, 0xFFFFFFFF); /* read-only: ignored */
	CHECK_EQ(intc_read(DEV_INTC_WHOAMI), me);
	seen[cpu] = me;
	smp_atomic_add(&filed, 1, 0);
	if (cpu != 0)
		for (;;)
			smp_wait();
	smp_wait_until(&filed, (uint32_t)ncpus);
	for (int i = 0; i < ncpus; i++)
		CHECK_EQ(seen[i], want(i, ncpus, bootinfo));
	smp_printf("whoami: %d cpus on %u nodes, cpu %d is 0x%x\n", ncpus,
		   bi_word(bootinfo, BI_NNODES), ncpus - 1, seen[ncpus - 1]);
	smp_power_off(0);
}
