/*
 * intc.c - the interrupt controller (register map in intc.h and
 * docs/machine.md).
 *
 * Device sources are level lines with a latch: a rising line sets the
 * source's pending bit, which stays set until software acknowledges it
 * and for as long as the line stays high.  So a device that pulses its
 * line between two quanta is not lost, and a device that holds it high
 * (until its own register is serviced) interrupts again after an early
 * acknowledge.  Every change recomputes the two outputs of each CPU and
 * drives the ones that changed:
 *
 *   line 0 of CPU n = OR over s of PENDING[s] & ENABLE[s] & IMASK[n][s]
 *                     & (TARGET[s] == n)
 *   line 1 of CPU n = IPI[n] != 0
 */
#include "devices/intc.h"

#include <stdlib.h>

#define SRC_MASK ((1u << DEV_INTC_SOURCES) - 1)

/* The controller's state behind struct device. */
struct intc {
	struct dev_intc_wiring w;
	uint32_t level;   /* line levels, bit per source */
	uint32_t latch;   /* rose and not acknowledged */
	uint32_t enable;
	uint8_t target[DEV_INTC_SOURCES];
	uint32_t imask[DEV_INTC_MAX_CPUS];
	uint32_t ipi[DEV_INTC_MAX_CPUS]; /* bit j: from CPU j */
	uint32_t out[2];  /* driven level of line 0 / 1, bit per CPU */
	uint64_t raised[2]; /* rising edges driven on line 0 / 1 */
	void (*ipi_hook)(void *ctx, int from, uint32_t mask); /* or NULL */
	void *ipi_ctx;
};

/* The controller state of device d. */
static struct intc *intc_of(const struct device *d)
{
	return d->state;
}

/* PENDING: latched edges and lines still high. */
static uint32_t intc_pending(const struct intc *s)
{
	return s->latch | s->level;
}

/* CAUSE of CPU n: what drives its line 0. */
static uint32_t intc_cause(const struct intc *s, int n)
{
	uint32_t c = 0, live = intc_pending(s) & s->enable;
	for (int src = 0; live != 0 && src < DEV_INTC_SOURCES; src++)
		if ((live >> src & 1) && s->target[src] == n)
			c |= 1u << src;
	return c & s->imask[n];
}

/* Drive the lines of every CPU whose level changed. */
static void intc_update(struct intc *s)
{
	uint32_t want[2] = {0, 0};
	for (int n = 0; n < s->w.ncpus; n++) {
		if (intc_cause(s, n) != 0)
			want[0] |= 1u << n;
		if (s->ipi[n] != 0)
			want[1] |= 1u << n;
	}
	for (int line = 0; line < 2; line++) {
		uint32_t diff = want[line] ^ s->out[line];
		s->raised[line] += (uint64_t)__builtin_popcount(diff &
							       want[line]);
		s->out[line] = want[line];
		for (int n = 0; diff != 0; n++, diff >>= 1)
			if (diff & 1)
				s->w.set_line(s->w.ctx, n, line,
					      want[line] >> n & 1);
	}
}

/* The WHOAMI value for CPU n. */
static uint32_t intc_whoami(const struct intc *s, int n)
{
	int per = s->w.cpus_per_node > 0 ? s->w.cpus_per_node : 1;
	return (uint32_t)(n & 0xff) | (uint32_t)(n / per & 0xff) << 8 |
	       (uint32_t)(s->w.ncpus & 0xff) << 16 |
	       (uint32_t)(s->w.nnodes & 0xff) << 24;
}

/* Read the register at off as CPU n; false if there is none. */
static bool intc_get(const struct intc *s, int n, uint32_t off, uint32_t *v)
{
	bool mine = n >= 0 && n < s->w.ncpus;
	if (off >= DEV_INTC_IMASK_CPU(0)) {
		uint32_t k = (off - DEV_INTC_IMASK_CPU(0)) / 4;
		*v = k < (uint32_t)s->w.ncpus ? s->imask[k] : 0;
		return true;
	}
	if (off >= DEV_INTC_TARGET(0)) {
		uint32_t k = (off - DEV_INTC_TARGET(0)) / 4;
		*v = k < DEV_INTC_SOURCES ? s->target[k] : 0;
		return k < DEV_INTC_SOURCES;
	}
	switch (off) {
	case DEV_INTC_WHOAMI: *v = intc_whoami(s, n); return true;
	case DEV_INTC_PENDING: *v = intc_pending(s); return true;
	case DEV_INTC_ENABLE: *v = s->enable; return true;
	case DEV_INTC_LEVEL: *v = s->level; return true;
	case DEV_INTC_CAUSE: *v = mine ? intc_cause(s, n) : 0; return true;
	case DEV_INTC_IMASK: *v = mine ? s->imask[n] : 0; return true;
	case DEV_INTC_IPI_SEND: *v = 0; return true;
	case DEV_INTC_IPI: *v = mine ? s->ipi[n] : 0; return true;
	}
	return false;
}

/* Send an IPI from CPU n to every CPU in mask. */
static void intc_send_ipi(struct intc *s, int n, uint32_t mask)
{
	if (n < 0 || n >= DEV_INTC_MAX_CPUS)
		return;
	if (s->ipi_hook != NULL)
		s->ipi_hook(s->ipi_ctx, n, mask);
	for (int t = 0; t < s->w.ncpus; t++)
		if (mask >> t & 1)
			s->ipi[t] |= 1u << n;
}

/* Write v to the register at off as CPU n; false if there is none. */
static bool intc_put(struct intc *s, int n, uint32_t off, uint32_t v)
{
	bool mine = n >= 0 && n < s->w.ncpus;
	if (off >= DEV_INTC_IMASK_CPU(0)) {
		uint32_t k = (off - DEV_INTC_IMASK_CPU(0)) / 4;
		if (k < (uint32_t)s->w.ncpus)
			s->imask[k] = v & SRC_MASK;
		return true;
	}
	if (off >= DEV_INTC_TARGET(0)) {
		uint32_t k = (off - DEV_INTC_TARGET(0)) / 4;
		if (k >= DEV_INTC_SOURCES)
			return false;
		s->target[k] = (uint8_t)(v & 0x1f);
		return true;
	}
	switch (off) {
	case DEV_INTC_PENDING: s->latch &= ~v; return true;
	case DEV_INTC_ENABLE: s->enable = v & SRC_MASK; return true;
	case DEV_INTC_IMASK:
		if (mine)
			s->imask[n] = v & SRC_MASK;
		return true;
	case DEV_INTC_IPI_SEND: intc_send_ipi(s, n, v); return true;
	case DEV_INTC_IPI:
		if (mine)
			s->ipi[n] &= ~v;
		return true;
	case DEV_INTC_WHOAMI:
	case DEV_INTC_LEVEL:
	case DEV_INTC_CAUSE:
		return true; /* read-only: writes are ignored */
	}
	return false;
}

/* mmio read: word registers only. */
static enum cpu_bus_result intc_read(struct device *d, int cpu_id,
				     uint32_t off, int size, uint64_t *val)
{
	uint32_t v;
	if (size != 4 || (off & 3) || !intc_get(intc_of(d), cpu_id, off, &v))
		return CPU_BUS_ERROR;
	*val = v;
	return CPU_BUS_OK;
}

/* mmio write: word registers only; the outputs follow at once. */
static enum cpu_bus_result intc_write(struct device *d, int cpu_id,
				      uint32_t off, int size, uint64_t val)
{
	struct intc *s = intc_of(d);
	if (size != 4 || (off & 3) || !intc_put(s, cpu_id, off, (uint32_t)val))
		return CPU_BUS_ERROR;
	intc_update(s);
	return CPU_BUS_OK;
}

/* Print the controller's state for a post-mortem. */
static void intc_dump(const struct device *d, FILE *out)
{
	const struct intc *s = intc_of(d);
	fprintf(out, "intc: level %04x pending %04x enable %04x, IP2 high on "
		"%08x, IP3 high on %08x, %llu/%llu edges driven\n", s->level,
		intc_pending(s), s->enable, s->out[0], s->out[1],
		(unsigned long long)s->raised[0],
		(unsigned long long)s->raised[1]);
}

/* Free the controller's state and device. */
static void intc_destroy(struct device *d)
{
	free(d->state);
	free(d);
}

static const struct dev_ops intc_ops = {
	.name = "intc",
	.read = intc_read,
	.write = intc_write,
	.dump = intc_dump,
	.destroy = intc_destroy,
};

/* Create the controller at base; NULL if out of memory. */
struct device *dev_intc_create(const struct dev_services *svc, uint32_t base,
			       const struct dev_intc_wiring *w)
{
	struct device *d = calloc(1, sizeof *d);
	struct intc *s = calloc(1, sizeof *s);
	if (d == NULL || s == NULL || w->ncpus < 1 ||
	    w->ncpus > DEV_INTC_MAX_CPUS) {
		free(d);
		free(s);
		return NULL;
	}
	s->w = *w;
	for (int n = 0; n < DEV_INTC_MAX_CPUS; n++)
		s->imask[n] = SRC_MASK;
	*d = (struct device){.ops = &intc_ops, .base = base,
			     .size = DEV_INTC_SIZE, .irq = -1, .svc = svc,
			     .state = s};
	return d;
}

/* Set the level of source (0..15) as its device drives it. */
void dev_intc_set_source(struct device *d, int source, bool level)
{
	struct intc *s = intc_of(d);
	if (source < 0 || source >= DEV_INTC_SOURCES) {
		fprintf(stderr, "dev_intc_set_source: no source %d\n", source);
		abort();
	}
	uint32_t bit = 1u << source;
	if (level && !(s->level & bit))
		s->latch |= bit;
	s->level = level ? s->level | bit : s->level & ~bit;
	intc_update(s);
}

/* The CPU that source would interrupt if it rose now, or -1. */
int dev_intc_route(const struct device *d, int source)
{
	const struct intc *s = intc_of(d);
	if (source < 0 || source >= DEV_INTC_SOURCES ||
	    !(s->enable >> source & 1))
		return -1;
	int n = s->target[source];
	if (n >= s->w.ncpus || !(s->imask[n] >> source & 1))
		return -1;
	return n;
}

/* Call fn(ctx, from, mask) for every IPI_SEND store from now on (NULL:
 * stop), for --trace irq. */
void dev_intc_set_ipi_hook(struct device *d,
			   void (*fn)(void *ctx, int from, uint32_t mask),
			   void *ctx)
{
	struct intc *s = intc_of(d);
	s->ipi_hook = fn;
	s->ipi_ctx = ctx;
}
