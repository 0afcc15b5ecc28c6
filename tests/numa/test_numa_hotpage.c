/*
 * test_numa_hotpage.c - per-page miss counters and the hot-page unit
 * through its registers (numa/hot.c, numa/dev_numa.c, numa/stats.c).
 */
#include <string.h>

#include "devices/device.h"
#include "tests/numa/numa_fixture.h"

/* Register offsets (docs/dev-numa.md). */
enum {
	R_ID = 0x00, R_NODES = 0x04, R_CPUS = 0x08, R_MEMNODE = 0x0C,
	R_CONTROL = 0x10, R_THRESH = 0x14, R_STATUS = 0x18, R_QCOUNT = 0x1C,
	R_QPOP = 0x20, R_DROPPED = 0x24, R_QSIZE = 0x28, R_PAGES = 0x2C,
	R_SELPAGE = 0x30, R_SELNODE = 0x34, R_COUNT = 0x38, R_RESET = 0x3C,
	R_WHOAMI = 0x40, R_QPEEK = 0x44,
};

/* A machine of 2 nodes x 2 CPUs and the unit's device on a fake bus. */
struct hp {
	struct numa *n;
	struct device *d;
	struct dev_services svc;
	int irq_calls, irq_source;
	bool irq_level;
};

/* Record the interrupt controller's view of the unit. */
static void hp_irq(void *ctx, int source, bool level)
{
	struct hp *h = ctx;

	h->irq_calls++;
	h->irq_source = source;
	h->irq_level = level;
}

/* Build the model and its device at 0x1F002000, source 9. */
static void hp_make(struct hp *h)
{
	struct numa_params p = fx_params();

	memset(h, 0, sizeof(*h));
	h->svc.ctx = h;
	h->svc.irq = hp_irq;
	h->n = fx_make(&p, 2, 2, 4 * MB);
	h->d = dev_numa_create(&h->svc, h->n, 0x1F002000, 9, stderr);
	cr_assert_not_null(h->d);
	cr_assert_eq(h->d->size, 0x1000);
}

/* Free the device, then the model. */
static void hp_free(struct hp *h)
{
	h->d->ops->destroy(h->d);
	numa_destroy(h->n);
}

/* Read a register as CPU cpu. */
static uint32_t rd(struct hp *h, int cpu, uint32_t off)
{
	uint64_t v = 0xdead;

	cr_assert_eq(h->d->ops->read(h->d, cpu, off, 4, &v), CPU_BUS_OK);
	return (uint32_t)v;
}

/* Write a register. */
static void wr(struct hp *h, uint32_t off, uint32_t v)
{
	cr_assert_eq(h->d->ops->write(h->d, 0, off, 4, v), CPU_BUS_OK);
}

/* k L2 misses by CPU cpu to distinct lines of page page (k <= 32). */
static void miss_page(struct numa *n, int cpu, uint32_t page, int k)
{
	for (int i = 0; i < k; i++)
		cr_assert_neq(fx_load(n, cpu, page << 12 | (uint32_t)i << 7), 0);
}

Test(hotpage, read_only_registers)
{
	struct hp h;
	uint64_t v;

	hp_make(&h);
	cr_assert_eq(rd(&h, 0, R_ID), 0x4E554D41);
	cr_assert_eq(rd(&h, 0, R_NODES), 2);
	cr_assert_eq(rd(&h, 0, R_CPUS), 2);
	cr_assert_eq(rd(&h, 0, R_MEMNODE), 4 * MB);
	cr_assert_eq(rd(&h, 0, R_PAGES), 2048);
	cr_assert_eq(rd(&h, 0, R_QSIZE), 64);
	cr_assert_eq(rd(&h, 3, R_WHOAMI), 3u << 8 | 1);
	cr_assert_eq(rd(&h, 1, R_WHOAMI), 1u << 8 | 0);
	cr_assert_eq(rd(&h, 0, R_RESET), 0);
	cr_assert_eq(h.d->ops->write(h.d, 0, R_NODES, 4, 7), CPU_BUS_ERROR);
	cr_assert_eq(h.d->ops->write(h.d, 0, R_COUNT, 4, 7), CPU_BUS_ERROR);
	cr_assert_eq(rd(&h, 0, R_NODES), 2);
	cr_assert_eq(h.d->ops->read(h.d, 0, R_ID, 1, &v), CPU_BUS_ERROR);
	cr_assert_eq(h.d->ops->read(h.d, 0, R_ID + 2, 4, &v), CPU_BUS_ERROR);
	cr_assert_eq(h.d->ops->read(h.d, 0, 0x48, 4, &v), CPU_BUS_ERROR);
	cr_assert_eq(h.d->ops->read(h.d, 0, 0xFFC, 4, &v), CPU_BUS_ERROR);
	cr_assert_eq(h.d->ops->write(h.d, 0, R_CONTROL, 8, 3), CPU_BUS_ERROR);
	cr_assert_eq(rd(&h, 0, R_CONTROL), 0, "reset state: off");
	hp_free(&h);
}

Test(hotpage, counters_per_requesting_node)
{
	struct hp h;

	hp_make(&h);
	miss_page(h.n, 0, 5, 3); /* node 0 */
	miss_page(h.n, 1, 5, 4); /* node 0, lines 0..2 now shared with CPU 0 */
	miss_page(h.n, 2, 5, 2); /* node 1 */
	cr_assert_eq(numa_page_count(h.n, 5, 0), 7);
	cr_assert_eq(numa_page_count(h.n, 5, 1), 2);
	wr(&h, R_SELPAGE, 5);
	wr(&h, R_SELNODE, 1);
	cr_assert_eq(rd(&h, 0, R_COUNT), 2);
	wr(&h, R_SELNODE, 0);
	cr_assert_eq(rd(&h, 0, R_COUNT), 7);
	wr(&h, R_SELPAGE, 99999);
	cr_assert_eq(rd(&h, 0, R_COUNT), 0, "no such page");
	hp_free(&h);
}

Test(hotpage, threshold_queues_once_and_interrupts)
{
	struct hp h;

	hp_make(&h);
	wr(&h, R_THRESH, 3);
	wr(&h, R_CONTROL, 3);
	cr_assert_eq(h.irq_calls, 0);
	miss_page(h.n, 2, 7, 2); /* node 1, remote to page 7 */
	cr_assert_eq(rd(&h, 0, R_QCOUNT), 0);
	miss_page(h.n, 0, 7, 5); /* node 0 counts separately */
	cr_assert_eq(rd(&h, 0, R_QCOUNT), 1, "node 0 crossed 3");
	cr_assert_eq(h.irq_calls, 1);
	cr_assert_eq(h.irq_source, 9);
	cr_assert(h.irq_level);
	cr_assert_eq(rd(&h, 0, R_QPOP), 0x80000000u | 7u << 8 | 0);
	cr_assert_not(h.irq_level, "queue empty: interrupt dropped");
	fx_load(h.n, 3, 7u << 12 | 20u << 7); /* node 1's third miss */
	cr_assert(h.irq_level);
	cr_assert_eq(rd(&h, 0, R_STATUS), 1 | 4);
	cr_assert_eq(rd(&h, 0, R_QPEEK), 0x80000000u | 7u << 8 | 1);
	cr_assert_eq(rd(&h, 0, R_QPOP), 0x80000000u | 7u << 8 | 1);
	miss_page(h.n, 3, 7, 10);
	cr_assert_eq(rd(&h, 0, R_QCOUNT), 0, "page 7 / node 1 queued once");
	cr_assert_eq(rd(&h, 0, R_QPOP), 0, "empty queue reads 0");
	cr_assert_eq(h.irq_calls, 4);
	hp_free(&h);
}

Test(hotpage, interrupt_needs_enable_bits)
{
	struct hp h;

	hp_make(&h);
	wr(&h, R_THRESH, 1);
	miss_page(h.n, 0, 9, 1);
	cr_assert_eq(rd(&h, 0, R_QCOUNT), 0, "unit disabled: not queued");
	wr(&h, R_CONTROL, 1);
	miss_page(h.n, 0, 10, 1);
	cr_assert_eq(rd(&h, 0, R_QCOUNT), 1);
	cr_assert_eq(h.irq_calls, 0, "IE clear");
	wr(&h, R_CONTROL, 3);
	cr_assert(h.irq_level);
	wr(&h, R_CONTROL, 1);
	cr_assert_not(h.irq_level);
	cr_assert_eq(rd(&h, 0, R_QCOUNT), 1);
	hp_free(&h);
}

Test(hotpage, queue_overflow)
{
	struct hp h;

	hp_make(&h);
	wr(&h, R_THRESH, 1);
	wr(&h, R_CONTROL, 3);
	for (uint32_t page = 100; page < 100 + 66; page++)
		miss_page(h.n, 1, page, 1);
	cr_assert_eq(rd(&h, 0, R_QCOUNT), 64);
	cr_assert_eq(rd(&h, 0, R_DROPPED), 2);
	cr_assert_eq(rd(&h, 0, R_STATUS), 1 | 2 | 4);
	cr_assert_eq(rd(&h, 0, R_QPOP), 0x80000000u | 100u << 8);
	miss_page(h.n, 1, 300, 1);
	cr_assert_eq(rd(&h, 0, R_QCOUNT), 64, "the freed slot was reused");
	cr_assert_eq(rd(&h, 0, R_DROPPED), 2);
	for (int i = 1; i < 64; i++)
		cr_assert_eq(rd(&h, 0, R_QPOP) >> 8 & 0x7FFFFF, 100u + i);
	cr_assert_eq(rd(&h, 0, R_QPOP), 0x80000000u | 300u << 8);
	cr_assert_eq(rd(&h, 0, R_STATUS), 2, "overflow is sticky");
	wr(&h, R_STATUS, 2);
	cr_assert_eq(rd(&h, 0, R_STATUS), 0);
	cr_assert_eq(rd(&h, 0, R_DROPPED), 0);
	hp_free(&h);
}

Test(hotpage, counter_reset)
{
	struct hp h;

	hp_make(&h);
	wr(&h, R_THRESH, 2);
	wr(&h, R_CONTROL, 1);
	miss_page(h.n, 0, 3, 2);
	miss_page(h.n, 2, 3, 1);
	miss_page(h.n, 0, 4, 1);
	cr_assert_eq(rd(&h, 0, R_QPOP), 0x80000000u | 3u << 8);
	wr(&h, R_SELPAGE, 3);
	wr(&h, R_RESET, 1);
	cr_assert_eq(numa_page_count(h.n, 3, 0), 0);
	cr_assert_eq(numa_page_count(h.n, 3, 1), 0);
	cr_assert_eq(numa_page_count(h.n, 4, 0), 1, "other pages keep theirs");
	miss_page(h.n, 1, 3, 2); /* lines 0, 1 shared now: misses again */
	cr_assert_eq(rd(&h, 0, R_QPOP), 0x80000000u | 3u << 8,
		     "after a reset the page can become hot again");
	wr(&h, R_RESET, 2);
	cr_assert_eq(numa_page_count(h.n, 4, 0), 0);
	cr_assert_eq(numa_page_count(h.n, 3, 0), 0);
	hp_free(&h);
}

Test(hotpage, hottest_pages)
{
	struct numa_params p = fx_params();
	struct numa *n = fx_make(&p, 2, 1, 4 * MB);
	struct numa_page_stat top[3];

	miss_page(n, 0, 1, 2);
	miss_page(n, 1, 1, 3);
	miss_page(n, 0, 1000, 9);
	miss_page(n, 1, 40, 4);
	miss_page(n, 0, 41, 4);
	miss_page(n, 0, 2000, 1);
	cr_assert_eq(numa_hottest_pages(n, 3, top), 3);
	cr_assert_eq(top[0].page, 1000);
	cr_assert_eq(top[0].total, 9);
	cr_assert_eq(top[1].page, 1);
	cr_assert_eq(top[1].misses[0], 2);
	cr_assert_eq(top[1].misses[1], 3);
	cr_assert_eq(top[2].page, 40, "ties: lower page first");
	cr_assert_eq(top[2].misses[1], 4);
	cr_assert_eq(numa_hottest_pages(n, 0, top), 0);
	cr_assert_eq(numa_hottest_pages_of_node(n, 1, 3, top), 1);
	cr_assert_eq(top[0].page, 2000, "the only page of node 1 missed");
	cr_assert_eq(numa_hottest_pages_of_node(n, 0, 2, top), 2);
	cr_assert_eq(top[1].page, 1);
	cr_assert_eq(numa_hottest_pages_of_node(n, 2, 2, top), 0);
	numa_destroy(n);
}
