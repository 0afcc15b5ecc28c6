/*
 * intc.c - the interrupt controller's sources, latches, masks and routing,
 * run on 4 CPUs with two disks and console input at its end (stdin
 * /dev/null): the console's END interrupt (CONTROL.ENDIE) and a disk's
 * bad command (finishes at once) are sources software can raise and lower.
 *
 * CPUs 1..3 wait with IE and IM2 set; their handler files the controller's
 * CAUSE, silences each source at its device, and acknowledges it.  CPU 0
 * keeps interrupts off and looks at its own CAUSE and Cause.IP2.
 */
#include "tests/smp/smp.h"

/* Console and disk registers (devices/console.h, devices/disk.h). */
#define CON_CONTROL 0xCu
#define CON_ENDIE 0x2u
#define DISK_COUNT 0x04u
#define DISK_COMMAND 0x0Cu
#define DISK_IE 0x14u
#define DISK_ACK 0x18u

static volatile uint32_t hits[SMP_MAX_CPUS];
static volatile uint32_t got[SMP_MAX_CPUS];

/* Raise or lower the console's line (its END interrupt). */
static void console_line(int up)
{
	mmio_write32(CONSOLE_PA + CON_CONTROL, up ? CON_ENDIE : 0);
}

/* Raise disk k's line: a bad command (COUNT 0) is DONE at once. */
static void disk_raise(int k)
{
	mmio_write32(DISK_PA(k) + DISK_IE, 1);
	mmio_write32(DISK_PA(k) + DISK_COUNT, 0);
	mmio_write32(DISK_PA(k) + DISK_COMMAND, 1);
}

/* A device interrupt: file CAUSE, silence the sources, acknowledge. */
void smp_interrupt(int cpu, uint32_t cause)
{
	CHECK(cause & CAUSE_IP(2));
	uint32_t bits = intc_read(DEV_INTC_CAUSE);
	CHECK(bits != 0);
	if (bits & 1)
		console_line(0);
	for (int k = 0; k < 8; k++)
		if (bits >> (1 + k) & 1)
			mmio_write32(DISK_PA(k) + DISK_ACK, 1);
	intc_write(DEV_INTC_PENDING, bits);
	got[cpu] |= bits;
	hits[cpu]++;
}

/* CPU 0's own CAUSE and Cause.IP2 agree with want (a CAUSE value). */
static void check_mine(uint32_t want)
{
	CHECK_EQ(intc_read(DEV_INTC_CAUSE), want);
	CHECK_EQ(MFC0(13) & CAUSE_IP(2), want ? CAUSE_IP(2) : 0);
}

/* Let the other CPUs run for a while. */
static void pause(void)
{
	for (volatile int i = 0; i < 20000; i++)
		;
}

/* The state after reset. */
static void test_reset(int ncpus)
{
	CHECK_EQ(intc_read(DEV_INTC_ENABLE), 0);
	CHECK_EQ(intc_read(DEV_INTC_PENDING), 0);
	CHECK_EQ(intc_read(DEV_INTC_LEVEL), 0);
	CHECK_EQ(intc_read(DEV_INTC_IPI), 0);
	CHECK_EQ(intc_read(DEV_INTC_IMASK), 0xFFFF);
	for (uint32_t s = 0; s < 16; s++)
		CHECK_EQ(intc_read(DEV_INTC_TARGET(s)), 0);
	for (uint32_t n = 0; n < 32; n++) {
		intc_write(DEV_INTC_IMASK_CPU(n), 0xFFFFFFFF);
		CHECK_EQ(intc_read(DEV_INTC_IMASK_CPU(n)),
			 n < (uint32_t)ncpus ? 0xFFFF : 0);
	}
	check_mine(0);
}

/* Enable, per-CPU mask, latch and acknowledge, on CPU 0. */
static void test_latch(void)
{
	console_line(1);
	CHECK_EQ(intc_read(DEV_INTC_LEVEL), 1);
	CHECK_EQ(intc_read(DEV_INTC_PENDING), 1);
	check_mine(0); /* not enabled */
	intc_write(DEV_INTC_ENABLE, 1);
	check_mine(1);
	intc_write(DEV_INTC_IMASK, 0xFFFE);
	check_mine(0);
	intc_write(DEV_INTC_IMASK, 0xFFFF);
	check_mine(1);
	console_line(0); /* the rise stays latched */
	CHECK_EQ(intc_read(DEV_INTC_LEVEL), 0);
	check_mine(1);
	intc_write(DEV_INTC_PENDING, 1);
	check_mine(0);
	console_line(1); /* acknowledged while high: still pending */
	intc_write(DEV_INTC_PENDING, 1);
	check_mine(1);
	console_line(0);
	check_mine(0);
	CHECK_EQ(intc_read(DEV_INTC_PENDING), 0);
}

/* Routing to other CPUs, and a per-CPU mask set from CPU 0. */
static void test_routing(void)
{
	intc_write(DEV_INTC_TARGET(0), 0x122); /* 5 bits: CPU 2 */
	CHECK_EQ(intc_read(DEV_INTC_TARGET(0)), 2);
	console_line(1);
	check_mine(0);
	smp_wait_until(&hits[2], 1);
	CHECK_EQ(got[2], 1);
	intc_write(DEV_INTC_IMASK_CPU(2), 0xFFFE);
	console_line(1);
	pause();
	CHECK_EQ(hits[2], 1); /* masked for CPU 2 */
	CHECK_EQ(intc_read(DEV_INTC_PENDING), 1);
	intc_write(DEV_INTC_IMASK_CPU(2), 0xFFFF);
	smp_wait_until(&hits[2], 2);
	intc_write(DEV_INTC_ENABLE, 0x7);
	intc_write(DEV_INTC_TARGET(1), 1);
	intc_write(DEV_INTC_TARGET(2), 3);
	disk_raise(0);
	disk_raise(1);
	smp_wait_until(&hits[1], 1);
	smp_wait_until(&hits[3], 1);
	CHECK_EQ(got[1], 1u << 1);
	CHECK_EQ(got[3], 1u << 2);
	CHECK_EQ(hits[2], 2);
}

/* A source routed to a CPU that does not exist interrupts no one. */
static void test_nowhere(void)
{
	intc_write(DEV_INTC_TARGET(1), 31);
	disk_raise(0);
	pause();
	CHECK_EQ(intc_read(DEV_INTC_PENDING), 1u << 1);
	CHECK_EQ(hits[1], 1);
	check_mine(0);
	intc_write(DEV_INTC_TARGET(1), 0);
	check_mine(1u << 1);
	mmio_write32(DISK_PA(0) + DISK_ACK, 1);
	intc_write(DEV_INTC_PENDING, 1u << 1);
	check_mine(0);
}

/* Byte loads and holes in the window are bus errors (DBE, code 7). */
static void test_bus_errors(void)
{
	smp_expect_fault();
	smp_probe_read(INTC_PA + DEV_INTC_WHOAMI, 1);
	CHECK_EQ(smp_fault_code(), 7);
	smp_expect_fault();
	smp_probe_read(INTC_PA + 0x20, 4);
	CHECK_EQ(smp_fault_code(), 7);
	smp_expect_fault();
	smp_probe_read(INTC_PA + DEV_INTC_WHOAMI, 4);
	CHECK_EQ(smp_fault_code(), -1);
}

/* CPU 0 runs the tests; the others serve interrupts. */
void smp_main(int cpu, int ncpus, uint32_t bootinfo)
{
	(void)bootinfo;
	if (cpu != 0) {
		smp_set_status(ST_IE | ST_IM(2));
		for (;;)
			smp_wait();
	}
	CHECK_EQ(ncpus, 4);
	test_reset(ncpus);
	test_latch();
	test_routing();
	test_nowhere();
	test_bus_errors();
	smp_printf("intc: masks, latches, routing to cpus 1-3: ok\n");
	smp_power_off(0);
}
