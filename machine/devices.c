/*
 * devices.c - the machine's device table, the services devices get from
 * the machine (struct dev_services), and the physical dispatch of device
 * space: a CPU access outside RAM and the PROM goes to the device whose
 * window holds it entirely, or is a bus error (DBE/IBE), as on an R4000
 * whose read finds no one to answer.
 *
 *   source  device            window
 *   -       console TX/RX     0x1F000000  16 B   (source 0)
 *   -       power             0x1F000010  16 B
 *   -       interrupt ctrl    0x1F000100  256 B
 *   -       host channel      0x1F000200  16 B
 *   -       trace control     0x1F000300  16 B   (devices/tracectl.h)
 *   1+k     disk k (--disk)   0x1F001000 + 0x100*k, 256 B
 *   9       NUMA unit         0x1F002000  4 KB   (numa/dev_numa.c)
 */
#include "machine/machine.h"

#include <stdlib.h>

#include "devices/console.h"
#include "devices/disk.h"
#include "devices/hostchan.h"
#include "devices/intc.h"
#include "devices/power.h"
#include "devices/tracectl.h"
#include "machine/bootinfo.h"
#include "machine/trace.h"
#include "numa/numa.h"

/* The table row whose window holds [paddr, paddr+size), or NULL. */
static struct device *machine_find_device(const struct machine *m,
					  uint32_t paddr, int size)
{
	for (int i = 0; i < m->ndevs; i++) {
		struct device *d = m->devs[i].dev;
		if (paddr >= d->base && paddr - d->base < d->size &&
		    (uint64_t)(paddr - d->base) + (uint64_t)size <= d->size)
			return d;
	}
	return NULL;
}

/* cpu_mmio_ops read: dispatch to the device or report a bus error. */
static enum cpu_bus_result machine_mmio_read(void *ctx, int cpu_id,
					     uint32_t paddr, int size,
					     uint64_t *val)
{
	struct machine *m = ctx;
	struct device *d = machine_find_device(m, paddr, size);
	enum cpu_bus_result r = CPU_BUS_ERROR;
	if (d != NULL && d->ops->read != NULL)
		r = d->ops->read(d, cpu_id, paddr - d->base, size, val);
	if (__builtin_expect(m->trace_mask & TRACE_DEV, 0))
		trace_dev(m->trace, cpu_id, d, paddr, size,
			  r == CPU_BUS_OK ? *val : 0, false, r);
	return r;
}

/* cpu_mmio_ops write: dispatch to the device or report a bus error. */
static enum cpu_bus_result machine_mmio_write(void *ctx, int cpu_id,
					      uint32_t paddr, int size,
					      uint64_t val)
{
	struct machine *m = ctx;
	struct device *d = machine_find_device(m, paddr, size);
	enum cpu_bus_result r = CPU_BUS_ERROR;
	if (d != NULL && d->ops->write != NULL)
		r = d->ops->write(d, cpu_id, paddr - d->base, size, val);
	if (__builtin_expect(m->trace_mask & TRACE_DEV, 0))
		trace_dev(m->trace, cpu_id, d, paddr, size, val, true, r);
	return r;
}

const struct cpu_mmio_ops machine_mmio_ops = {
	.read = machine_mmio_read,
	.write = machine_mmio_write,
};

/* Service: host pointer to RAM [pa, pa+len), or NULL if not all RAM. */
static uint8_t *machine_svc_ram(void *ctx, uint32_t pa, uint32_t len)
{
	struct machine *m = ctx;
	if ((uint64_t)pa + len > m->ram_bytes)
		return NULL;
	return m->ram + pa;
}

/* Service: DMA wrote RAM, so decoded code of those pages is stale. */
static void machine_svc_dma_wrote(void *ctx, uint32_t pa, uint32_t len)
{
	struct machine *m = ctx;
	cpu_phys_invalidate(m->phys, pa, len);
	if (m->numa != NULL)
		numa_dma_write(m->numa, pa, len); /* coherent DMA */
}

/* Service: a device drives its interrupt source at the controller. */
static void machine_svc_irq(void *ctx, int source, bool level)
{
	struct machine *m = ctx;
	if (__builtin_expect(m->trace_mask & TRACE_IRQ, 0))
		trace_irq_source(m->trace, source, level);
	if (m->intc != NULL)
		dev_intc_set_source(m->intc, source, level);
}

/*
 * Service: the machine's time in cycles.  While a CPU runs its quantum,
 * that is its own clock (exact to the instruction, so a device started
 * mid-quantum times its work from the right cycle); between quanta, the
 * machine's time.
 */
static uint64_t machine_svc_now(void *ctx)
{
	struct machine *m = ctx;
	if (m->running >= 0) {
		uint64_t t = cpu_cycles(m->cpus[m->running]);
		if (t > m->now)
			return t;
	}
	return m->now;
}

/* Service: stop the machine after the current instruction. */
static void machine_svc_stop(void *ctx, int cpu_id)
{
	struct machine *m = ctx;
	m->stop_req = true;
	if (cpu_id >= 0 && cpu_id < m->ncpus)
		cpu_request_stop(m->cpus[cpu_id]);
}

/* Put d in the table (type, unit for boot info); 0, or -1 if it overlaps. */
int machine_add_device(struct machine *m, struct device *d, int type,
		       int unit)
{
	if (d == NULL || m->ndevs == MACHINE_MAX_DEVICES)
		return -1;
	int i = m->ndevs;
	for (int k = 0; k < m->ndevs; k++) {
		const struct device *o = m->devs[k].dev;
		if (d->base < o->base + o->size && o->base < d->base + d->size)
			return -1;
		if (o->base > d->base && i == m->ndevs)
			i = k;
	}
	for (int k = m->ndevs; k > i; k--)
		m->devs[k] = m->devs[k - 1];
	m->devs[i] = (struct machine_dev){.dev = d, .type = type,
					  .unit = unit};
	m->ndevs++;
	return 0;
}

/* Add d (NULL: its creation failed, already reported); the device or NULL.
 * The map is fixed, so a device that does not fit is an emulator bug. */
static struct device *machine_plug(struct machine *m, struct device *d,
				   int type, int unit)
{
	if (d == NULL || machine_add_device(m, d, type, unit) == 0)
		return d;
	fprintf(stderr, "machine_plug: %s at 0x%08x does not fit the device "
		"table\n", d->ops->name, d->base);
	abort();
}

/* Create the interrupt controller, wired to the CPUs' lines 0 and 1. */
static struct device *machine_new_intc(struct machine *m, FILE *err)
{
	struct dev_intc_wiring w = {
		.ctx = m,
		.set_line = machine_set_line,
		.ncpus = m->ncpus,
		.cpus_per_node = m->cfg.cpus_per_node,
		.nnodes = m->cfg.nodes,
	};
	struct device *d = dev_intc_create(&m->svc, MACHINE_INTC_BASE, &w);
	if (d == NULL)
		fprintf(err, "minidisco: interrupt controller: out of "
			"memory\n");
	return machine_plug(m, d, BI_DEV_INTC, 0);
}

/* Trace-control hook: the categories that are on (ctx = the machine). */
static unsigned machine_trace_get(void *ctx)
{
	struct machine *m = ctx;
	return trace_get(m->trace);
}

/* Trace-control hook: turn exactly the categories in mask on. */
static void machine_trace_set(void *ctx, unsigned mask)
{
	struct machine *m = ctx;
	trace_set(m->trace, mask);
}

/* Create the trace-control device over m's tracer. */
static struct device *machine_new_tracectl(struct machine *m, FILE *err)
{
	struct dev_tracectl_hooks h = {
		.ctx = m,
		.get = machine_trace_get,
		.set = machine_trace_set,
	};
	struct device *d = dev_tracectl_create(&m->svc, MACHINE_TRACECTL_BASE,
					       &h);
	if (d == NULL)
		fprintf(err, "minidisco: trace control: out of memory\n");
	return machine_plug(m, d, BI_DEV_TRACECTL, 0);
}

/* Create one disk per --disk image; 0, or -1 after a message. */
static int machine_new_disks(struct machine *m, const struct machine_io *io)
{
	for (int k = 0; k < io->ndisks && k < MACHINE_MAX_DISKS; k++) {
		struct device *d = dev_disk_create(
			&m->svc, MACHINE_DISK_BASE(k), DEV_INTC_SRC_DISK(k),
			io->disks[k], io->err);
		if (d == NULL)
			return -1;
		dev_disk_set_timing(d, &m->cfg.disk);
		m->disks[k] = machine_plug(m, d, BI_DEV_DISK, k);
		m->ndisks++;
	}
	return 0;
}

/* Create every device of the machine; 0, or -1 after a message. */
int machine_create_devices(struct machine *m, const struct machine_io *io)
{
	m->svc = (struct dev_services){
		.ctx = m,
		.ram = machine_svc_ram,
		.dma_wrote = machine_svc_dma_wrote,
		.irq = machine_svc_irq,
		.now = machine_svc_now,
		.stop = machine_svc_stop,
	};
	if ((m->intc = machine_new_intc(m, io->err)) == NULL)
		return -1;
	m->console = machine_plug(
		m, dev_console_create(&m->svc, MACHINE_CONSOLE_BASE,
				      DEV_INTC_SRC_CONSOLE, io->in_fd, io->out,
				      io->err),
		BI_DEV_CONSOLE, 0);
	if (m->console == NULL)
		return -1;
	m->power_dev = dev_power_create(&m->svc, MACHINE_POWER_BASE);
	if (m->power_dev == NULL)
		fprintf(io->err, "minidisco: power: out of memory\n");
	if (machine_plug(m, m->power_dev, BI_DEV_POWER, 0) == NULL)
		return -1;
	m->hostchan = machine_plug(
		m, dev_hostchan_create(&m->svc, MACHINE_HOSTCHAN_BASE, io->err),
		BI_DEV_HOSTCHAN, 0);
	if (m->hostchan == NULL)
		return -1;
	if ((m->tracectl = machine_new_tracectl(m, io->err)) == NULL)
		return -1;
	m->numa_dev = machine_plug(
		m, dev_numa_create(&m->svc, m->numa, MACHINE_NUMA_BASE,
				   DEV_INTC_SRC_NUMA, io->err),
		BI_DEV_NUMA, 0);
	if (m->numa_dev == NULL)
		return -1;
	return machine_new_disks(m, io);
}

/* Call every device's poll hook. */
void machine_poll_devices(struct machine *m)
{
	for (int i = 0; i < m->ndevs; i++) {
		struct device *d = m->devs[i].dev;
		if (d->ops->poll != NULL)
			d->ops->poll(d);
	}
}

/* Destroy every device, in reverse order of the table. */
void machine_destroy_devices(struct machine *m)
{
	while (m->ndevs > 0) {
		struct device *d = m->devs[--m->ndevs].dev;
		d->ops->destroy(d);
	}
	m->intc = m->power_dev = m->console = m->hostchan = NULL;
	m->numa_dev = m->tracectl = NULL;
	for (int k = 0; k < MACHINE_MAX_DISKS; k++)
		m->disks[k] = NULL;
	m->ndisks = 0;
}

/* Print every device's state, one line each, for a post-mortem. */
void machine_dump_devices(const struct machine *m, FILE *out)
{
	for (int i = 0; i < m->ndevs; i++) {
		const struct device *d = m->devs[i].dev;
		fprintf(out, "  %08x ", d->base);
		if (d->ops->dump != NULL)
			d->ops->dump(d, out);
		else
			fprintf(out, "%s\n", d->ops->name);
	}
}

/* Fill in m->power from the power device; true if powered off. */
bool machine_powered_off(struct machine *m)
{
	int status, cpu;
	if (m->power_dev == NULL ||
	    !dev_power_is_off(m->power_dev, &status, &cpu))
		return false;
	m->power = (struct machine_power){.off = true,
					  .status = (uint8_t)status,
					  .cpu = cpu};
	return true;
}
