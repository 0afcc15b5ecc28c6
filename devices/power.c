/*
 * power.c - the power device (register map in power.h): a word store to
 * +0 records the exit status and asks the machine to stop.  Only the
 * first power-off counts; later stores are accepted and ignored.
 */
#include "devices/power.h"

#include <stdlib.h>

/* The power device's state behind struct device. */
struct power {
	bool off;
	uint8_t status; /* the value written, & 0xff */
	int cpu;        /* which CPU wrote it */
};

/* The power state of device d. */
static struct power *power_of(const struct device *d)
{
	return d->state;
}

/* A load anywhere in the window reads 0. */
static enum cpu_bus_result power_read(struct device *d, int cpu_id,
				      uint32_t off, int size, uint64_t *val)
{
	(void)d, (void)cpu_id, (void)off, (void)size;
	*val = 0;
	return CPU_BUS_OK;
}

/* A word store to OFF powers off; any other store is a bus error. */
static enum cpu_bus_result power_write(struct device *d, int cpu_id,
				       uint32_t off, int size, uint64_t val)
{
	struct power *s = power_of(d);
	if (off != DEV_POWER_OFF || size != 4)
		return CPU_BUS_ERROR;
	if (!s->off) {
		s->off = true;
		s->status = (uint8_t)(val & 0xff);
		s->cpu = cpu_id;
	}
	d->svc->stop(d->svc->ctx, cpu_id);
	return CPU_BUS_OK;
}

/* Print the power device's state. */
static void power_dump(const struct device *d, FILE *out)
{
	const struct power *s = power_of(d);
	if (s->off)
		fprintf(out, "power: off, status %u, by cpu %d\n", s->status,
			s->cpu);
	else
		fprintf(out, "power: on\n");
}

/* Free the device. */
static void power_destroy(struct device *d)
{
	free(d->state);
	free(d);
}

static const struct dev_ops power_ops = {
	.name = "power",
	.read = power_read,
	.write = power_write,
	.dump = power_dump,
	.destroy = power_destroy,
};

/* Create the power device at base; NULL if out of memory. */
struct device *dev_power_create(const struct dev_services *svc, uint32_t base)
{
	struct device *d = calloc(1, sizeof *d);
	struct power *s = calloc(1, sizeof *s);
	if (d == NULL || s == NULL) {
		free(d);
		free(s);
		return NULL;
	}
	s->cpu = -1;
	*d = (struct device){.ops = &power_ops, .base = base,
			     .size = DEV_POWER_SIZE, .irq = -1, .svc = svc,
			     .state = s};
	return d;
}

/* Whether the machine was powered off; if so its status and CPU. */
bool dev_power_is_off(const struct device *d, int *status, int *cpu)
{
	const struct power *s = power_of(d);
	if (s->off) {
		*status = s->status;
		*cpu = s->cpu;
	}
	return s->off;
}
