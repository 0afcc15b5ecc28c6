/*
 * devices.h - the bare-metal devices of the minimal machine.
 *
 * Physical device space (kseg1 adds 0xA0000000):
 *
 *   0x1F000000  console transmit  W: sb, or sw (low byte)  R: 0
 *   0x1F000010  power             W: sw, value & 0xff = exit status  R: 0
 *
 * Each device is one row of a const table of operations (name, physical
 * window, read, write, dump-state hook), in the style of System/161; its
 * state lives in struct machine.  Any physical address outside RAM, the
 * boot PROM and these windows is a bus error.
 */
#ifndef MACHINE_DEVICES_H
#define MACHINE_DEVICES_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "cpu/cpu.h"

#define DEV_CONSOLE_BASE 0x1F000000u
#define DEV_POWER_BASE 0x1F000010u

struct machine;

/* State of the console: where transmitted bytes go. */
struct dev_console {
	FILE *out;
	uint64_t bytes; /* bytes transmitted since boot */
};

/* State of the power device. */
struct dev_power {
	bool off;       /* a CPU powered the machine off */
	uint8_t status; /* the value it wrote, & 0xff */
	int cpu;        /* which CPU did it */
};

/* Operations of one device; off is relative to base. */
struct dev_ops {
	const char *name;
	uint32_t base;
	uint32_t size;
	enum cpu_bus_result (*read)(struct machine *m, int cpu_id, uint32_t off,
				    int size, uint64_t *val);
	enum cpu_bus_result (*write)(struct machine *m, int cpu_id,
				     uint32_t off, int size, uint64_t val);
	void (*dump)(const struct machine *m, FILE *out);
};

/* The callbacks handed to cpu_phys_create; their ctx is the machine. */
extern const struct cpu_mmio_ops dev_mmio_ops;

/* Put every device in its power-on state; console bytes go to out. */
void dev_init(struct machine *m, FILE *out);
/* Flush the console's output. */
void dev_flush(struct machine *m);
/* Print every device's state, one line each, for a post-mortem. */
void dev_dump_all(const struct machine *m, FILE *out);

#endif
