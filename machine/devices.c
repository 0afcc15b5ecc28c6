/*
 * devices.c - console transmit and power, reached through cpu_mmio_ops.
 *
 * Register windows are 4 bytes.  A read of 1, 2 or 4 bytes inside a
 * window returns 0.  Writes must hit the register itself (offset 0):
 *
 *   console 0x1F000000: sb writes the byte; sw writes bits 7..0 of the word
 *   power   0x1F000010: sw records bits 7..0 as exit status, stops the CPUs
 *
 * Any other access (other sizes or offsets, other addresses) is a bus
 * error, which the CPU turns into a DBE/IBE exception as an R4000 would.
 */
#include "machine/devices.h"

#include "machine/machine.h"

/* A read of a device register: every register reads as 0. */
static enum cpu_bus_result dev_read_zero(struct machine *m, int cpu_id,
					 uint32_t off, int size, uint64_t *val)
{
	(void)m, (void)cpu_id, (void)off, (void)size;
	*val = 0;
	return CPU_BUS_OK;
}

/* Transmit the low byte of a byte or word store to the console register. */
static enum cpu_bus_result dev_console_write(struct machine *m, int cpu_id,
					     uint32_t off, int size,
					     uint64_t val)
{
	(void)cpu_id;
	if (off != 0 || (size != 1 && size != 4))
		return CPU_BUS_ERROR;
	int ch = (int)(val & 0xff);
	fputc(ch, m->console.out);
	m->console.bytes++;
	if (ch == '\n')
		fflush(m->console.out);
	return CPU_BUS_OK;
}

/* Print the console's state. */
static void dev_console_dump(const struct machine *m, FILE *out)
{
	fprintf(out, "console: %llu bytes transmitted\n",
		(unsigned long long)m->console.bytes);
}

/* Record the exit status of a word store to the power register and stop. */
static enum cpu_bus_result dev_power_write(struct machine *m, int cpu_id,
					   uint32_t off, int size, uint64_t val)
{
	if (off != 0 || size != 4)
		return CPU_BUS_ERROR;
	if (!m->power.off) {
		m->power.off = true;
		m->power.status = (uint8_t)(val & 0xff);
		m->power.cpu = cpu_id;
	}
	if (cpu_id >= 0 && cpu_id < m->ncpus)
		cpu_request_stop(m->cpus[cpu_id]);
	return CPU_BUS_OK;
}

/* Print the power device's state. */
static void dev_power_dump(const struct machine *m, FILE *out)
{
	if (m->power.off)
		fprintf(out, "power: off, status %u, by cpu %d\n",
			m->power.status, m->power.cpu);
	else
		fprintf(out, "power: on\n");
}

static const struct dev_ops dev_console_ops = {
	.name = "console",
	.base = DEV_CONSOLE_BASE,
	.size = 4,
	.read = dev_read_zero,
	.write = dev_console_write,
	.dump = dev_console_dump,
};

static const struct dev_ops dev_power_ops = {
	.name = "power",
	.base = DEV_POWER_BASE,
	.size = 4,
	.read = dev_read_zero,
	.write = dev_power_write,
	.dump = dev_power_dump,
};

/* Every device of the machine, in address order. */
static const struct dev_ops *const dev_table[] = {
	&dev_console_ops,
	&dev_power_ops,
};

#define DEV_COUNT (sizeof dev_table / sizeof dev_table[0])

/* The device whose window holds [paddr, paddr+size), or NULL. */
static const struct dev_ops *dev_find(uint32_t paddr, int size)
{
	for (size_t i = 0; i < DEV_COUNT; i++) {
		const struct dev_ops *d = dev_table[i];
		if (paddr >= d->base && paddr - d->base < d->size &&
		    (uint64_t)(paddr - d->base) + (uint64_t)size <= d->size)
			return d;
	}
	return NULL;
}

/* cpu_mmio_ops read callback: dispatch to the device or report a bus error. */
static enum cpu_bus_result dev_mmio_read(void *ctx, int cpu_id, uint32_t paddr,
					 int size, uint64_t *val)
{
	const struct dev_ops *d = dev_find(paddr, size);
	if (d == NULL || d->read == NULL)
		return CPU_BUS_ERROR;
	return d->read(ctx, cpu_id, paddr - d->base, size, val);
}

/* cpu_mmio_ops write callback: dispatch to the device or report a bus error. */
static enum cpu_bus_result dev_mmio_write(void *ctx, int cpu_id,
					  uint32_t paddr, int size,
					  uint64_t val)
{
	const struct dev_ops *d = dev_find(paddr, size);
	if (d == NULL || d->write == NULL)
		return CPU_BUS_ERROR;
	return d->write(ctx, cpu_id, paddr - d->base, size, val);
}

const struct cpu_mmio_ops dev_mmio_ops = {
	.read = dev_mmio_read,
	.write = dev_mmio_write,
};

/* Put every device in its power-on state; console bytes go to out. */
void dev_init(struct machine *m, FILE *out)
{
	m->console = (struct dev_console){.out = out};
	m->power = (struct dev_power){.cpu = -1};
}

/* Flush the console's output. */
void dev_flush(struct machine *m)
{
	fflush(m->console.out);
}

/* Print every device's state, one line each, for a post-mortem. */
void dev_dump_all(const struct machine *m, FILE *out)
{
	for (size_t i = 0; i < DEV_COUNT; i++) {
		fprintf(out, "  %08x ", dev_table[i]->base);
		dev_table[i]->dump(m, out);
	}
}
