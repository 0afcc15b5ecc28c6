/*
 * device.h - how a device plugs into the machine (in the style of
 * System/161's device table and TinyEMU's small typedefs).
 *
 * A device is a window of physical addresses in device space
 * (0x1F000000 and up) with read and write handlers, an optional poll hook
 * the machine calls between CPU quanta (host input, DMA completion), a
 * dump-state hook for post-mortems, and a destructor.  Everything a device
 * may ask of the machine goes through struct dev_services, so devices
 * never see struct machine and can be unit-tested with a fake.
 */
#ifndef DEVICES_DEVICE_H
#define DEVICES_DEVICE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "cpu/cpu.h"

struct device;

/* What the machine offers its devices; ctx is passed back to each call. */
struct dev_services {
	void *ctx;
	/* Host pointer to physical RAM [pa, pa+len), or NULL if not all RAM. */
	uint8_t *(*ram)(void *ctx, uint32_t pa, uint32_t len);
	/* RAM [pa, pa+len) was written by DMA: CPUs must forget stale code. */
	void (*dma_wrote)(void *ctx, uint32_t pa, uint32_t len);
	/* Set the level of interrupt source `source` at the controller. */
	void (*irq)(void *ctx, int source, bool level);
	/* The machine's time in cycles (the slowest CPU's clock). */
	uint64_t (*now)(void *ctx);
	/* Stop the machine after the current instruction (power-off). */
	void (*stop)(void *ctx, int cpu_id);
};

/* Operations of one kind of device; off is relative to the window base. */
struct dev_ops {
	const char *name;
	enum cpu_bus_result (*read)(struct device *d, int cpu_id, uint32_t off,
				    int size, uint64_t *val);
	enum cpu_bus_result (*write)(struct device *d, int cpu_id,
				     uint32_t off, int size, uint64_t val);
	void (*poll)(struct device *d);                  /* may be NULL */
	void (*dump)(const struct device *d, FILE *out); /* one line or more */
	void (*destroy)(struct device *d);               /* frees state */
};

/* One device instance in the machine's device table. */
struct device {
	const struct dev_ops *ops;
	uint32_t base, size; /* physical window */
	int irq;             /* interrupt source number, or -1 */
	const struct dev_services *svc;
	void *state;
};

#endif
