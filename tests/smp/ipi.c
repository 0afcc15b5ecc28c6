/*
 * ipi.c - inter-processor interrupts through the interrupt controller.
 *
 * Phase 1: CPU 0 sends one IPI to every other CPU (one IPI_SEND store
 * with a bitmask); each receiver, parked in WAIT with IE and IM3 set,
 * takes the interrupt, checks that Cause.IP3 is set and that its IPI
 * register names CPU 0 as the sender, clears it, checks IP3 fell, and
 * acknowledges through memory.  Phase 2: a ring: CPU 0 sends to CPU 1,
 * each CPU's handler sends to the next, the last back to CPU 0.  Phase 3:
 * CPU 0 sends an IPI to itself.
 */
#include "tests/smp/smp.h"

static volatile uint32_t ack[SMP_MAX_CPUS];   /* phase 1: sender mask + 1 */
static volatile uint32_t acks;
static volatile uint32_t ring[SMP_MAX_CPUS];  /* phase 2: sender mask */
static volatile uint32_t ring_done;
static volatile uint32_t phase;
static volatile uint32_t self_seen;
static int ncpus_all;

/* Take an IPI: check the line and the sender bits, clear, record. */
void smp_interrupt(int cpu, uint32_t cause)
{
	CHECK(cause & CAUSE_IP(3));
	uint32_t from = intc_read(DEV_INTC_IPI);
	CHECK(from != 0);
	intc_write(DEV_INTC_IPI, from);
	CHECK_EQ(intc_read(DEV_INTC_IPI), 0);
	CHECK_EQ(MFC0(13) & CAUSE_IP(3), 0);
	if (phase == 1) {
		ack[cpu] = from + 1;
		smp_atomic_add(&acks, 1, 0);
	} else if (phase == 2) {
		ring[cpu] = from;
		if (cpu == 0)
			ring_done = 1;
		else
			intc_write(DEV_INTC_IPI_SEND,
				   1u << ((cpu + 1) % ncpus_all));
	} else {
		self_seen = from;
	}
}

/* A receiver: sleep with IPIs enabled, forever. */
static void receiver(void)
{
	smp_set_status(ST_IE | ST_IM(3));
	for (;;)
		smp_wait();
}

/* CPU 0: run the three phases. */
void smp_main(int cpu, int ncpus, uint32_t bootinfo)
{
	(void)bootinfo;
	ncpus_all = ncpus;
	if (cpu != 0)
		receiver();
	CHECK(ncpus >= 2);
	CHECK_EQ(intc_read(DEV_INTC_IPI), 0);
	phase = 1;
	uint32_t all = ncpus == 32 ? 0xFFFFFFFFu : (1u << ncpus) - 1;
	intc_write(DEV_INTC_IPI_SEND, all & ~1u);
	smp_wait_until(&acks, (uint32_t)ncpus - 1);
	for (int i = 1; i < ncpus; i++)
		CHECK_EQ(ack[i], 1u + 1);
	phase = 2;
	smp_set_status(ST_IE | ST_IM(3));
	intc_write(DEV_INTC_IPI_SEND, 1u << 1);
	smp_wait_until(&ring_done, 1);
	for (int i = 0; i < ncpus; i++)
		CHECK_EQ(ring[i], 1u << ((i + ncpus - 1) % ncpus));
	phase = 3;
	intc_write(DEV_INTC_IPI_SEND, 1u);
	smp_wait_until(&self_seen, 1);
	CHECK_EQ(self_seen, 1);
	smp_set_status(0);
	smp_printf("ipi: broadcast to %d cpus, ring of %d, self: ok\n",
		   ncpus - 1, ncpus);
	smp_power_off(0);
}
