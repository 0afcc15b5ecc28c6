/*
 * dev_numa.c - the hot-page unit and miss counters as a device.
 *
 * Register map: big-endian 32-bit registers, lw/sw at these offsets only;
 * any other access (other sizes, other offsets, a store to a read-only
 * register) is a bus error.  RESET reads 0.  The full description is
 * docs/dev-numa.md.
 *
 *   off    name     access  meaning
 *   0x000  ID       R       0x4E554D41 ("NUMA")
 *   0x004  NODES    R       number of nodes
 *   0x008  CPUS     R       CPUs per node
 *   0x00C  MEMNODE  R       bytes of RAM per node (node i: [i*M, (i+1)*M))
 *   0x010  CONTROL  RW      bit 0 ENABLE (queue hot pages), bit 1 IE
 *   0x014  THRESH   RW      trigger threshold (0: never)
 *   0x018  STATUS   R/W1C   bit 0 PENDING, bit 1 OVERFLOW, bit 2 IRQ;
 *                           writing 1 to OVERFLOW clears it and DROPPED
 *   0x01C  QCOUNT   R       entries in the queue
 *   0x020  QPOP     R       oldest entry, removed (0: queue empty)
 *   0x024  DROPPED  R       hot pages lost to a full queue
 *   0x028  QSIZE    R       queue capacity (64)
 *   0x02C  PAGES    R       4 KB pages of RAM (counters exist for these)
 *   0x030  SELPAGE  RW      page number for COUNT and RESET
 *   0x034  SELNODE  RW      node for COUNT
 *   0x038  COUNT    R       miss counter of (SELPAGE, SELNODE)
 *   0x03C  RESET    W       1: zero SELPAGE's counters; 2: zero all
 *   0x040  WHOAMI   R       reading CPU: CPU number << 8 | its node
 *   0x044  QPEEK    R       oldest entry, left in place
 */
#include <stdlib.h>

#include "devices/device.h"
#include "numa/numa_internal.h"

#define DEV_NUMA_ID 0x4E554D41u
#define DEV_NUMA_SIZE 0x1000u

enum dev_numa_reg {
	NUMA_R_ID = 0x000,
	NUMA_R_NODES = 0x004,
	NUMA_R_CPUS = 0x008,
	NUMA_R_MEMNODE = 0x00C,
	NUMA_R_CONTROL = 0x010,
	NUMA_R_THRESH = 0x014,
	NUMA_R_STATUS = 0x018,
	NUMA_R_QCOUNT = 0x01C,
	NUMA_R_QPOP = 0x020,
	NUMA_R_DROPPED = 0x024,
	NUMA_R_QSIZE = 0x028,
	NUMA_R_PAGES = 0x02C,
	NUMA_R_SELPAGE = 0x030,
	NUMA_R_SELNODE = 0x034,
	NUMA_R_COUNT = 0x038,
	NUMA_R_RESET = 0x03C,
	NUMA_R_WHOAMI = 0x040,
	NUMA_R_QPEEK = 0x044,
};

#define NUMA_CTL_ENABLE 1u
#define NUMA_CTL_IE 2u
#define NUMA_ST_PENDING 1u
#define NUMA_ST_OVERFLOW 2u
#define NUMA_ST_IRQ 4u
#define NUMA_RESET_PAGE 1u
#define NUMA_RESET_ALL 2u

#define NUMA_ACC_R 1u /* the register can be read */
#define NUMA_ACC_W 2u /* the register can be written */

/* Access rights of the registers, by offset / 4. */
static const uint8_t dev_numa_access[] = {
#define RO NUMA_ACC_R
#define RW (NUMA_ACC_R | NUMA_ACC_W)
	RO, RO, RO, RO, /* ID NODES CPUS MEMNODE */
	RW, RW, RW, RO, /* CONTROL THRESH STATUS QCOUNT */
	RO, RO, RO, RO, /* QPOP DROPPED QSIZE PAGES */
	RW, RW, RO, RW, /* SELPAGE SELNODE COUNT RESET */
	RO, RO,         /* WHOAMI QPEEK */
#undef RO
#undef RW
};

/* Whether an access of size bytes at off with rights want is allowed. */
static bool dev_numa_ok(uint32_t off, int size, unsigned want)
{
	uint32_t k = off / 4;

	return size == 4 && (off & 3) == 0 &&
	       k < sizeof(dev_numa_access) && (dev_numa_access[k] & want);
}

/* The device's own state: the model and the counter selection. */
struct dev_numa {
	struct numa *n;
	uint32_t sel_page, sel_node;
};

/* Pass the unit's interrupt level to the interrupt controller. */
static void dev_numa_irq(void *ctx, bool level)
{
	struct device *d = ctx;

	if (d->irq >= 0)
		d->svc->irq(d->svc->ctx, d->irq, level);
}

/* Value of the STATUS register. */
static uint32_t dev_numa_status(const struct numa *n)
{
	const struct numa_hot *h = &n->hot;

	return (h->count ? NUMA_ST_PENDING : 0) |
	       (h->overflow ? NUMA_ST_OVERFLOW : 0) |
	       (h->level ? NUMA_ST_IRQ : 0);
}

/* Value of a register that reading does not change. */
static uint32_t dev_numa_peek(const struct dev_numa *s, int cpu_id,
			      uint32_t off)
{
	const struct numa *n = s->n;
	const struct numa_hot *h = &n->hot;

	switch (off) {
	case NUMA_R_ID: return DEV_NUMA_ID;
	case NUMA_R_NODES: return (uint32_t)n->nodes;
	case NUMA_R_CPUS: return (uint32_t)n->cpus_per_node;
	case NUMA_R_MEMNODE: return n->mem_per_node;
	case NUMA_R_CONTROL:
		return (h->enable ? NUMA_CTL_ENABLE : 0) |
		       (h->irq_enable ? NUMA_CTL_IE : 0);
	case NUMA_R_THRESH: return h->threshold;
	case NUMA_R_STATUS: return dev_numa_status(n);
	case NUMA_R_QCOUNT: return h->count;
	case NUMA_R_DROPPED: return h->dropped;
	case NUMA_R_QSIZE: return NUMA_HOTQ_SIZE;
	case NUMA_R_PAGES: return n->pages;
	case NUMA_R_SELPAGE: return s->sel_page;
	case NUMA_R_SELNODE: return s->sel_node;
	case NUMA_R_COUNT:
		return numa_page_count(n, s->sel_page, (int)s->sel_node);
	case NUMA_R_WHOAMI:
		return (uint32_t)cpu_id << 8 | (uint32_t)numa_cpu_node(n, cpu_id);
	case NUMA_R_QPEEK: return h->count ? h->q[h->head] : 0;
	default: return 0;
	}
}

/* Read a register; QPOP removes the entry it returns. */
static enum cpu_bus_result dev_numa_read(struct device *d, int cpu_id,
					 uint32_t off, int size, uint64_t *val)
{
	struct dev_numa *s = d->state;

	if (!dev_numa_ok(off, size, NUMA_ACC_R))
		return CPU_BUS_ERROR;
	if (off == NUMA_R_QPOP)
		*val = numa_hot_pop(s->n);
	else
		*val = dev_numa_peek(s, cpu_id, off);
	return CPU_BUS_OK;
}

/* Write CONTROL: enable bits, then the interrupt level they imply. */
static void dev_numa_control(struct numa *n, uint32_t v)
{
	n->hot.enable = (v & NUMA_CTL_ENABLE) != 0;
	n->hot.irq_enable = (v & NUMA_CTL_IE) != 0;
	numa_hot_update_irq(n);
}

/* Write a register. */
static enum cpu_bus_result dev_numa_write(struct device *d, int cpu_id,
					  uint32_t off, int size, uint64_t val)
{
	struct dev_numa *s = d->state;
	uint32_t v = (uint32_t)val;

	(void)cpu_id;
	if (!dev_numa_ok(off, size, NUMA_ACC_W))
		return CPU_BUS_ERROR;
	switch (off) {
	case NUMA_R_CONTROL: dev_numa_control(s->n, v); break;
	case NUMA_R_THRESH: numa_set_threshold(s->n, v); break;
	case NUMA_R_STATUS:
		if (v & NUMA_ST_OVERFLOW) {
			s->n->hot.overflow = false;
			s->n->hot.dropped = 0;
		}
		break;
	case NUMA_R_SELPAGE: s->sel_page = v; break;
	case NUMA_R_SELNODE: s->sel_node = v; break;
	case NUMA_R_RESET:
		if (v == NUMA_RESET_PAGE)
			numa_hot_reset_page(s->n, s->sel_page);
		else if (v == NUMA_RESET_ALL)
			numa_hot_reset_all(s->n);
		break;
	default: break;
	}
	return CPU_BUS_OK;
}

/* Print the unit's state on one line for a post-mortem. */
static void dev_numa_dump(const struct device *d, FILE *out)
{
	const struct dev_numa *s = d->state;
	const struct numa_hot *h = &s->n->hot;

	fprintf(out, "numa: control %s%s threshold %u queue %u/%d overflow %d "
		"dropped %u queued %llu irq %d\n",
		h->enable ? "enable" : "off", h->irq_enable ? "+ie" : "",
		h->threshold, h->count, NUMA_HOTQ_SIZE, h->overflow,
		h->dropped, (unsigned long long)h->queued, h->level);
}

/* Unhook the unit's interrupt and free the device. */
static void dev_numa_destroy(struct device *d)
{
	struct dev_numa *s = d->state;

	numa_hot_set_irq(s->n, NULL, NULL);
	free(s);
	free(d);
}

static const struct dev_ops dev_numa_ops = {
	.name = "numa",
	.read = dev_numa_read,
	.write = dev_numa_write,
	.poll = NULL,
	.dump = dev_numa_dump,
	.destroy = dev_numa_destroy,
};

/* The hot-page unit's registers as a device; NULL after a message. */
struct device *dev_numa_create(const struct dev_services *svc, struct numa *n,
			       uint32_t base, int irq, FILE *err)
{
	struct device *d = calloc(1, sizeof(*d));
	struct dev_numa *s = calloc(1, sizeof(*s));

	if (!d || !s) {
		free(d);
		free(s);
		fprintf(err, "minidisco: numa: out of memory for the hot-page unit\n");
		return NULL;
	}
	s->n = n;
	d->ops = &dev_numa_ops;
	d->base = base;
	d->size = DEV_NUMA_SIZE;
	d->irq = irq;
	d->svc = svc;
	d->state = s;
	numa_hot_set_irq(n, dev_numa_irq, d);
	numa_hot_update_irq(n);
	return d;
}
