/*
 * tracectl.c - the trace-control device (register map in tracectl.h and
 * docs/tracing.md): a window onto the machine's tracer, which it reaches
 * only through the hooks it was given.
 */
#include "devices/tracectl.h"

#include <stdlib.h>

/* The device's state behind struct device. */
struct tracectl {
	struct dev_tracectl_hooks h;
};

/* The state of device d. */
static struct tracectl *tracectl_of(const struct device *d)
{
	return d->state;
}

/* mmio read: MASK, CATS, or 0 in the rest of the window. */
static enum cpu_bus_result tracectl_read(struct device *d, int cpu_id,
					 uint32_t off, int size, uint64_t *val)
{
	const struct tracectl *s = tracectl_of(d);
	(void)cpu_id;
	if (size != 4 || (off & 3))
		return CPU_BUS_ERROR;
	if (off == DEV_TRACECTL_MASK)
		*val = s->h.get(s->h.ctx) & DEV_TRACECTL_ALL;
	else if (off == DEV_TRACECTL_CATS)
		*val = DEV_TRACECTL_ALL;
	else
		*val = 0;
	return CPU_BUS_OK;
}

/* mmio write: a store to MASK sets the categories; others are ignored. */
static enum cpu_bus_result tracectl_write(struct device *d, int cpu_id,
					  uint32_t off, int size, uint64_t val)
{
	const struct tracectl *s = tracectl_of(d);
	(void)cpu_id;
	if (size != 4 || (off & 3))
		return CPU_BUS_ERROR;
	if (off == DEV_TRACECTL_MASK)
		s->h.set(s->h.ctx, (unsigned)val & DEV_TRACECTL_ALL);
	return CPU_BUS_OK;
}

/* Print the device's state for a post-mortem. */
static void tracectl_dump(const struct device *d, FILE *out)
{
	const struct tracectl *s = tracectl_of(d);
	fprintf(out, "tracectl: mask 0x%02x\n", s->h.get(s->h.ctx));
}

/* Free the device. */
static void tracectl_destroy(struct device *d)
{
	free(d->state);
	free(d);
}

static const struct dev_ops tracectl_ops = {
	.name = "tracectl",
	.read = tracectl_read,
	.write = tracectl_write,
	.dump = tracectl_dump,
	.destroy = tracectl_destroy,
};

/* Create the device at base; NULL if out of memory. */
struct device *dev_tracectl_create(const struct dev_services *svc,
				   uint32_t base,
				   const struct dev_tracectl_hooks *h)
{
	struct device *d = calloc(1, sizeof *d);
	struct tracectl *s = calloc(1, sizeof *s);
	if (d == NULL || s == NULL) {
		free(d);
		free(s);
		return NULL;
	}
	s->h = *h;
	*d = (struct device){.ops = &tracectl_ops, .base = base,
			     .size = DEV_TRACECTL_SIZE, .irq = -1, .svc = svc,
			     .state = s};
	return d;
}
