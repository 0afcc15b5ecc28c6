/*
 * machine.h - the FLASH-like machine: nodes of RAM, CPUs, the boot PROM,
 * the device table and the run loop.  docs/machine.md is the reference
 * for software; this is the physical address map it draws:
 *
 *   0x00000000 +--------------------------------+
 *              | node 0 RAM (--mem-per-node MB) |
 *              | node 1 RAM ...                 |  node i owns
 *              | node N-1 RAM                   |  [i*M, (i+1)*M)
 *              +--------------------------------+
 *              | nothing (bus error)            |
 *   0x1F000000 +--------------------------------+
 *              | devices (machine/devices.c):   |
 *              |   0x1F000000 console           |
 *              |   0x1F000010 power             |
 *              |   0x1F000100 interrupt ctrl    |
 *              |   0x1F000200 host channel      |
 *              |   0x1F000300 trace control     |
 *              |   0x1F001000 + 0x100*k disk k  |
 *              |   0x1F002000 NUMA unit         |
 *   0x1FC00000 +--------------------------------+
 *              | boot PROM, 64 KB, read-only    |  loaded from the ELF,
 *              | to software                    |  BEV vectors +0x200/+0x380
 *   0x1FC10000 +--------------------------------+
 *              | nothing (bus error)            |
 *   0xFFFFFFFF +--------------------------------+
 *
 * CPU i belongs to node i / cpus_per_node.  At reset every CPU starts at
 * the kernel's entry in kernel mode with ERL=1 BEV=1, a0 = CPU number,
 * a1 = number of CPUs, a2 = physical address of the boot information
 * block (machine/bootinfo.h).
 */
#ifndef MACHINE_MACHINE_H
#define MACHINE_MACHINE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "cpu/cpu.h"
#include "devices/device.h"
#include "machine/config.h"
#include "machine/elf.h"

struct numa;
struct trace;

#define MACHINE_MAX_CPUS CONFIG_MAX_CPUS
#define MACHINE_MAX_DEVICES 24
#define MACHINE_MAX_DISKS 8
#define MACHINE_DEV_BASE 0x1F000000u
#define MACHINE_PROM_BASE 0x1FC00000u
#define MACHINE_PROM_BYTES 0x10000u

#define MACHINE_CONSOLE_BASE 0x1F000000u
#define MACHINE_POWER_BASE 0x1F000010u
#define MACHINE_INTC_BASE 0x1F000100u
#define MACHINE_HOSTCHAN_BASE 0x1F000200u
#define MACHINE_TRACECTL_BASE 0x1F000300u
#define MACHINE_DISK_BASE(k) (0x1F001000u + 0x100u * (uint32_t)(k))
#define MACHINE_NUMA_BASE 0x1F002000u

/*
 * Cycles a CPU runs before the scheduler looks again.  Smaller quanta
 * interleave CPUs more finely (a spin lock or an IPI is seen sooner, a
 * disk completion or console input is noticed sooner, and LL/SC pairs
 * are interrupted more often) but cost a scheduler pass, a device poll
 * and a cpu_run entry each.  Measured: at 2000 cycles (10 us at 200 MHz)
 * the 1.2-billion-instruction bench on one CPU ran no slower than with
 * quanta of 1,000,000 cycles (3.2 s both, within noise), and 200 M
 * instructions of a spin loop took 0.4 s on 1, 8 or 32 CPUs alike.
 */
#define MACHINE_QUANTUM 2000u

/* One row of the device table: the device and what it is, for boot info. */
struct machine_dev {
	struct device *dev;
	int type; /* BI_DEV_* of machine/bootinfo.h */
	int unit; /* disk number, else 0 */
};

/* How the machine was powered off (filled when it happens). */
struct machine_power {
	bool off;
	uint8_t status; /* the value written, & 0xff */
	int cpu;        /* which CPU wrote it */
};

/*
 * A host-side agent the run loop consults between quanta (the gdb stub,
 * machine/gdb.h).  poll returns true to end the run with MACHINE_BREAK
 * (a gdb client attached, or sent Ctrl-C); it throttles itself by the
 * machine's time.  wait_fd is also watched while every CPU sleeps on
 * console input (-1: none), and makes the next poll look at once.
 */
struct machine_agent {
	bool (*poll)(void *ctx);
	int (*wait_fd)(void *ctx);
	void *ctx;
};

/* Where the machine's devices talk to the host. */
struct machine_io {
	int in_fd;             /* console input (-1: none) */
	FILE *out, *err;       /* console output; error messages */
	const char *const *disks; /* --disk images, unit 0 first */
	int ndisks;
};

/* The whole emulated machine; passed first to every machine_ function. */
struct machine {
	struct machine_config cfg;
	uint8_t *ram;
	uint64_t ram_bytes;
	uint8_t *prom;
	struct cpu_phys *phys;
	struct numa *numa;       /* the memory system (numa/numa.h) */
	struct cpu *cpus[MACHINE_MAX_CPUS];
	int ncpus;
	/* Scheduler (run.c). */
	bool idle[MACHINE_MAX_CPUS];     /* in WAIT, nothing of its own to do */
	uint8_t lines[MACHINE_MAX_CPUS]; /* levels of lines 0 and 1 (bits) */
	uint32_t deferred;               /* parked CPUs whose lines changed */
	uint64_t now;                    /* the machine's time, in cycles */
	int running;                     /* CPU in its quantum, or -1 */
	uint64_t insns;                  /* instructions of all CPUs */
	bool stop_req;                   /* a device asked to stop */
	uint32_t held;                   /* CPUs a debugger holds: not run */
	struct machine_agent agent;      /* the gdb stub, or all NULL */
	/* Devices, in address order. */
	struct dev_services svc;
	struct machine_dev devs[MACHINE_MAX_DEVICES];
	int ndevs;
	struct device *intc, *power_dev, *console, *hostchan, *numa_dev;
	struct device *disks[MACHINE_MAX_DISKS];
	int ndisks;
	struct device *tracectl;
	/* Tracing (machine/trace.h): the tracer, and the categories that are
	 * on, which the irq and dev paths test with one branch. */
	struct trace *trace;
	unsigned trace_mask;
	struct machine_power power; /* filled at power-off */
	uint32_t bootinfo_pa; /* a2 at reset; 0 until boot_load */
};

/* Why machine_run returned. */
enum machine_end {
	MACHINE_POWER_OFF, /* the guest wrote the power register */
	MACHINE_BREAK,     /* a CPU reached a breakpoint, or Ctrl-C */
	MACHINE_LIMIT,     /* the instruction limit ran out */
	MACHINE_IDLE,      /* every CPU waits and nothing can wake one */
	MACHINE_TLB_CHECK, /* --check-tlb: a TLB write made two entries
			      overlap (*who: the CPU; trace_tlb_report) */
	MACHINE_WATCH,     /* a CPU touched a watchpoint (cpu_watch_hit) */
};

/* Build the machine cfg describes; NULL after a one-line error on io->err. */
struct machine *machine_create(const struct machine_config *cfg,
			       const struct machine_io *io);
/* Free the machine, its CPUs and devices (restoring the terminal). */
void machine_destroy(struct machine *m);
/* Where the ELF loader may put segments in this machine. */
struct elf_target machine_elf_target(struct machine *m);
/* Reset every CPU to start at 32-bit address entry with the boot registers. */
void machine_reset(struct machine *m, uint32_t entry);
/* Run until power-off, breakpoint, idle or max_insns (0 = no limit) in all. */
enum machine_end machine_run(struct machine *m, uint64_t max_insns, int *who);
/* Instructions executed by all CPUs since reset. */
uint64_t machine_insns(const struct machine *m);
/* CPU i's clock in cycles (parked CPUs catch up at the end of a run). */
uint64_t machine_cpu_clock(const struct machine *m, int i);
/* Drive line (0: devices, 1: IPIs) of CPU cpu, at once or, for a parked
 * CPU, at the end of the quantum (run.c). */
void machine_set_line(void *ctx, int cpu, int line, bool level);
/* The node CPU i belongs to. */
int machine_cpu_node(const struct machine *m, int i);
/* CPU cpu's registers were changed from outside (gdb): unpark it if it
 * no longer waits, recheck its interrupts if it does (run.c). */
void machine_cpu_changed(struct machine *m, int cpu);
/* Print cpu_dump_regs for every CPU. */
void machine_dump_regs(const struct machine *m, FILE *out);

/* devices.c: the device table. */

/* The callbacks handed to cpu_phys_create; their ctx is the machine. */
extern const struct cpu_mmio_ops machine_mmio_ops;
/* Put d in the table (type, unit for boot info); 0, or -1 if it overlaps. */
int machine_add_device(struct machine *m, struct device *d, int type,
		       int unit);
/* Create every device of the machine; 0, or -1 after a message. */
int machine_create_devices(struct machine *m, const struct machine_io *io);
/* Call every device's poll hook. */
void machine_poll_devices(struct machine *m);
/* Destroy every device, last row of the table first. */
void machine_destroy_devices(struct machine *m);
/* Print every device's state, one line each, for a post-mortem. */
void machine_dump_devices(const struct machine *m, FILE *out);
/* Fill in m->power from the power device; true if powered off. */
bool machine_powered_off(struct machine *m);

#endif
