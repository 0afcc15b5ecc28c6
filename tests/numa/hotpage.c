/*
 * hotpage.c - the hot-page interrupt fires for a page hammered from one
 * node, and names that page and that node.
 *
 * CPU 0 arms the NUMA unit (threshold T, queue and interrupt enabled),
 * routes its interrupt source (9) to itself at the interrupt controller,
 * and waits with interrupts on.  The hammering CPU, the first CPU of the
 * last node (CPU 0 itself on a one-node machine), loads page P in node 0's
 * memory (which needs 11 MB or more) in turn with the pages P + k MB,
 * k = 1..8: one of them shares P's secondary-cache set whatever the L2
 * size up to 8 MB, so every round misses P once.  After T rounds the
 * count of (P, hammering node) reaches T, the unit queues it, and CPU 0's
 * handler pops the queue.  P is touched first in every round, so it is the
 * first page queued.  On a remote run the count of (P, node 0) stays 0.
 */
#include "tests/numa/numa_bare.h"

#define T 100             /* trigger threshold */
#define ROUNDS (4 * T)    /* the hammer gives up after this many rounds */
#define CONFLICTS 8
#define MB (1u << 20)
#define MAX_SEEN 16
#define WAIT_TICKS (4u << 20) /* 8 M cycles: several run-loop quanta */

static volatile uint32_t go, stop, rounds_done;
static volatile uint32_t seen[MAX_SEEN], nseen, irqs, irq_cpu = ~0u;
static volatile uint32_t sink;

/*
 * kseg0 address of page P, 2.75 MB into node 0: above the program, and in
 * secondary-cache sets (offset 0xC0000 in 1 MB) that the program's code,
 * data and stacks (0x10000 up to about 0xA0000) do not use.
 */
static uint32_t page_p(void)
{
	uint32_t pa = nb_node(0, BI_NODE_MEM_BASE) + 2 * MB + 0xC0000;

	return pa | KSEG0_BASE;
}

/* The CPU that hammers P: the first CPU of the last node. */
static int hammer_cpu(void)
{
	return (int)nb_node((int)nb_bi(BI_NNODES) - 1, BI_NODE_FIRST_CPU);
}

/* Miss on P once a round, until stopped or out of rounds. */
static void hammer(void)
{
	uint32_t p = page_p(), sum = 0, r;

	for (r = 0; r < ROUNDS && !stop; r++) {
		uint32_t line = (r & 31) * 128;
		sum += *(volatile uint32_t *)(p + line);
		for (uint32_t k = 1; k <= CONFLICTS; k++)
			sum += *(volatile uint32_t *)(p + k * MB + line);
	}
	sink = sum;
	rounds_done = r;
}

/*
 * Whether to stop waiting for the interrupt: the hammer has finished and
 * CPU 0 has waited WAIT_TICKS more Count ticks since it saw that (the run
 * loop may let a CPU run a long quantum before the other one's interrupt
 * reaches it).
 */
static bool given_up(void)
{
	static uint32_t seen_done, t_done;

	if (rounds_done == 0)
		return false;
	if (!seen_done) {
		seen_done = 1;
		t_done = kcp0_count();
	}
	return kcp0_count() - t_done > WAIT_TICKS;
}

/* Interrupt handler: drain the hot-page queue, acknowledge the source. */
static int on_trap(struct ktrapframe *tf)
{
	uint32_t e;

	if (CAUSE_EXCCODE(tf->cause) != EXC_INT ||
	    !(*nb_reg(INTC, INTC_CAUSE) & (1u << INTC_SRC_NUMA)))
		return 0;
	irqs++;
	irq_cpu = *nb_reg(NUMA_UNIT, NUMA_WHOAMI) >> 8;
	while ((e = *nb_reg(NUMA_UNIT, NUMA_QPOP)) != 0)
		if (nseen < MAX_SEEN)
			seen[nseen++] = e;
	*nb_reg(INTC, INTC_PENDING) = 1u << INTC_SRC_NUMA;
	stop = 1;
	return 1;
}

/* Arm the unit and route its interrupt to CPU 0, interrupts on. */
static void arm(void)
{
	*nb_reg(NUMA_UNIT, NUMA_RESET) = 2;
	*nb_reg(NUMA_UNIT, NUMA_THRESH) = T;
	*nb_reg(NUMA_UNIT, NUMA_CONTROL) = 3;
	*nb_reg(INTC, INTC_TARGET(INTC_SRC_NUMA)) = 0;
	*nb_reg(INTC, INTC_ENABLE) |= 1u << INTC_SRC_NUMA;
	ktrap_set_handler(on_trap);
	kcp0_set_status(kcp0_status() | ST_IM(2) | ST_IE);
}

TEST(hot_page_interrupt)
{
	int h = hammer_cpu(), node = (int)nb_bi(BI_NNODES) - 1;
	uint32_t p_page = (page_p() & 0x1FFFFFFFu) >> 12;

	KEXPECT_EQ(*nb_reg(NUMA_UNIT, NUMA_ID), 0x4E554D41);
	arm();
	kbarrier();
	go = 1;
	if (h == 0)
		hammer();
	while (!stop && !given_up())
		;
	kintr_off();
	stop = 1;
	kprintf("hotpage: hammer cpu %d (node %d), %u interrupt(s) on cpu "
		"%u, %u entries, first 0x%08x\n", h, node, irqs, irq_cpu,
		nseen, nseen ? seen[0] : 0);
	KEXPECT_TRUE(irqs >= 1);
	KEXPECT_EQ(irq_cpu, 0);
	KEXPECT_TRUE(nseen >= 1);
	KEXPECT_EQ(seen[0], 0x80000000u | p_page << 8 | (uint32_t)node);
	for (uint32_t i = 0; i < nseen; i++)
		KEXPECT_EQ(seen[i] & 0xFF, (uint32_t)node);
	*nb_reg(NUMA_UNIT, NUMA_SELPAGE) = p_page;
	*nb_reg(NUMA_UNIT, NUMA_SELNODE) = (uint32_t)node;
	KEXPECT_TRUE(*nb_reg(NUMA_UNIT, NUMA_COUNT) >= T);
	if (node != 0) {
		*nb_reg(NUMA_UNIT, NUMA_SELNODE) = 0;
		KEXPECT_EQ(*nb_reg(NUMA_UNIT, NUMA_COUNT), 0);
	}
}

/* CPU 0 runs the test; the hammering CPU waits for it to say go. */
int main(int cpu, int ncpus, uint32_t bootinfo)
{
	(void)ncpus, (void)bootinfo;
	if (cpu == 0)
		return ktest_run("hotpage");
	if (cpu == hammer_cpu()) {
		while (!go)
			;
		hammer();
	}
	return 0;
}
