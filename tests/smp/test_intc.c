/*
 * test_intc.c - criterion tests of the interrupt controller
 * (devices/intc.c) alone: a fake wiring records every line it drives.
 */
#include <criterion/criterion.h>

#include "devices/intc.h"

/* What the fake wiring saw. */
struct wires {
	bool level[DEV_INTC_MAX_CPUS][2];
	int calls;
};

/* Fake wiring: record the new level of a CPU's line. */
static void fake_set_line(void *ctx, int cpu, int line, bool level)
{
	struct wires *w = ctx;
	cr_assert(w->level[cpu][line] != level, "driven without a change");
	w->level[cpu][line] = level;
	w->calls++;
}

static const struct dev_services no_services;

/* A controller for 4 CPUs on 2 nodes, wired to w. */
static struct device *make(struct wires *w)
{
	*w = (struct wires){0};
	struct dev_intc_wiring wiring = {.ctx = w, .set_line = fake_set_line,
					 .ncpus = 4, .cpus_per_node = 2,
					 .nnodes = 2};
	struct device *d = dev_intc_create(&no_services, 0x1F000100, &wiring);
	cr_assert_not_null(d);
	return d;
}

/* Read register off as CPU cpu. */
static uint32_t rd(struct device *d, int cpu, uint32_t off)
{
	uint64_t v = 0xdead;
	cr_assert_eq(d->ops->read(d, cpu, off, 4, &v), CPU_BUS_OK);
	return (uint32_t)v;
}

/* Write register off as CPU cpu. */
static void wr(struct device *d, int cpu, uint32_t off, uint32_t v)
{
	cr_assert_eq(d->ops->write(d, cpu, off, 4, v), CPU_BUS_OK);
}

Test(intc, reset_state_and_whoami)
{
	struct wires w;
	struct device *d = make(&w);
	cr_expect_eq(rd(d, 0, DEV_INTC_ENABLE), 0);
	cr_expect_eq(rd(d, 3, DEV_INTC_IMASK), 0xFFFF);
	cr_expect_eq(rd(d, 0, DEV_INTC_IMASK_CPU(2)), 0xFFFF);
	cr_expect_eq(rd(d, 0, DEV_INTC_IMASK_CPU(4)), 0);
	cr_expect_eq(rd(d, 0, DEV_INTC_TARGET(15)), 0);
	cr_expect_eq(rd(d, 0, DEV_INTC_WHOAMI), 0x02040000);
	cr_expect_eq(rd(d, 3, DEV_INTC_WHOAMI), 0x02040103);
	cr_expect_eq(w.calls, 0);
	d->ops->destroy(d);
}

Test(intc, enabled_source_drives_its_target_only)
{
	struct wires w;
	struct device *d = make(&w);
	wr(d, 0, DEV_INTC_TARGET(5), 2);
	dev_intc_set_source(d, 5, true);
	cr_expect_eq(w.calls, 0, "not enabled yet");
	cr_expect_eq(rd(d, 0, DEV_INTC_PENDING), 1u << 5);
	wr(d, 0, DEV_INTC_ENABLE, 1u << 5);
	cr_expect(w.level[2][0]);
	cr_expect_eq(w.calls, 1);
	cr_expect_eq(rd(d, 2, DEV_INTC_CAUSE), 1u << 5);
	cr_expect_eq(rd(d, 1, DEV_INTC_CAUSE), 0);
	cr_expect_eq(dev_intc_route(d, 5), 2);
	dev_intc_set_source(d, 5, true); /* same level: nothing new */
	cr_expect_eq(w.calls, 1);
	d->ops->destroy(d);
}

Test(intc, latch_survives_a_pulse_until_acknowledged)
{
	struct wires w;
	struct device *d = make(&w);
	wr(d, 0, DEV_INTC_ENABLE, 1);
	dev_intc_set_source(d, 0, true);
	dev_intc_set_source(d, 0, false);
	cr_expect(w.level[0][0], "a pulse is not lost");
	cr_expect_eq(rd(d, 0, DEV_INTC_LEVEL), 0);
	wr(d, 0, DEV_INTC_PENDING, 1);
	cr_expect(!w.level[0][0]);
	dev_intc_set_source(d, 0, true);
	wr(d, 0, DEV_INTC_PENDING, 1);
	cr_expect(w.level[0][0], "still high after an early acknowledge");
	dev_intc_set_source(d, 0, false);
	cr_expect(!w.level[0][0]);
	d->ops->destroy(d);
}

Test(intc, per_cpu_mask_and_missing_target)
{
	struct wires w;
	struct device *d = make(&w);
	wr(d, 0, DEV_INTC_ENABLE, 1u << 3);
	wr(d, 0, DEV_INTC_TARGET(3), 1);
	wr(d, 0, DEV_INTC_IMASK_CPU(1), ~(1u << 3));
	dev_intc_set_source(d, 3, true);
	cr_expect(!w.level[1][0]);
	cr_expect_eq(dev_intc_route(d, 3), -1);
	wr(d, 1, DEV_INTC_IMASK, 0xFFFF);
	cr_expect(w.level[1][0]);
	wr(d, 0, DEV_INTC_TARGET(3), 0x3F); /* 5 bits: CPU 31, absent */
	cr_expect_eq(rd(d, 0, DEV_INTC_TARGET(3)), 31);
	cr_expect(!w.level[1][0]);
	cr_expect_eq(dev_intc_route(d, 3), -1);
	d->ops->destroy(d);
}

Test(intc, ipi_sets_sender_bits_and_line_1)
{
	struct wires w;
	struct device *d = make(&w);
	wr(d, 2, DEV_INTC_IPI_SEND, 0xFFFFFFFF); /* CPUs 4..31 absent */
	for (int n = 0; n < 4; n++) {
		cr_expect(w.level[n][1]);
		cr_expect_eq(rd(d, n, DEV_INTC_IPI), 1u << 2);
	}
	wr(d, 0, DEV_INTC_IPI_SEND, 1u << 1);
	cr_expect_eq(rd(d, 1, DEV_INTC_IPI), (1u << 2) | 1);
	wr(d, 1, DEV_INTC_IPI, 1u << 2);
	cr_expect(w.level[1][1], "CPU 0's IPI is still pending");
	wr(d, 1, DEV_INTC_IPI, 1);
	cr_expect(!w.level[1][1]);
	cr_expect(w.level[0][1], "clearing is per CPU");
	cr_expect_eq(rd(d, 1, DEV_INTC_IPI_SEND), 0);
	d->ops->destroy(d);
}

Test(intc, bad_accesses_are_bus_errors)
{
	struct wires w;
	struct device *d = make(&w);
	uint64_t v;
	cr_expect_eq(d->ops->read(d, 0, DEV_INTC_WHOAMI, 1, &v), CPU_BUS_ERROR);
	cr_expect_eq(d->ops->read(d, 0, DEV_INTC_WHOAMI, 8, &v), CPU_BUS_ERROR);
	cr_expect_eq(d->ops->read(d, 0, 0x20, 4, &v), CPU_BUS_ERROR);
	cr_expect_eq(d->ops->read(d, 0, 0x3C, 4, &v), CPU_BUS_ERROR);
	cr_expect_eq(d->ops->read(d, 0, 0x42, 4, &v), CPU_BUS_ERROR);
	cr_expect_eq(d->ops->write(d, 0, 0x24, 4, 0), CPU_BUS_ERROR);
	cr_expect_eq(d->ops->write(d, 0, DEV_INTC_ENABLE, 2, 0), CPU_BUS_ERROR);
	wr(d, 0, DEV_INTC_CAUSE, 0xFFFF); /* read-only: ignored */
	wr(d, 0, DEV_INTC_LEVEL, 0xFFFF);
	cr_expect_eq(rd(d, 0, DEV_INTC_LEVEL), 0);
	cr_expect_eq(w.calls, 0);
	d->ops->destroy(d);
}
