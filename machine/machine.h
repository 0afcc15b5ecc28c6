/*
 * machine.h - the minimal machine: RAM, boot PROM, devices, CPUs, run loop.
 *
 * Physical address map:
 *
 *   0x00000000 +---------------------------+
 *              | RAM (--mem-per-node MB)   |  one node for now
 *              +---------------------------+
 *              | (nothing: bus error)      |
 *   0x1F000000 +---------------------------+
 *              | devices (devices.h)       |
 *   0x1FC00000 +---------------------------+
 *              | boot PROM, 64 KB,         |  loaded from the ELF,
 *              | read-only to software     |  BEV vectors at +0x200/+0x380
 *   0x1FC10000 +---------------------------+
 *              | (nothing: bus error)      |
 *   0xFFFFFFFF +---------------------------+
 *
 * At reset every CPU starts at the kernel's entry in kernel mode with
 * ERL=1 BEV=1, a0 = CPU number, a1 = number of CPUs, a2 = physical address
 * of the boot information block, which is 0 until that block exists.
 */
#ifndef MACHINE_MACHINE_H
#define MACHINE_MACHINE_H

#include <stdint.h>
#include <stdio.h>

#include "cpu/cpu.h"
#include "machine/devices.h"
#include "machine/elf.h"

#define MACHINE_MAX_CPUS 64
#define MACHINE_DEV_BASE 0x1F000000u
#define MACHINE_PROM_BASE 0x1FC00000u
#define MACHINE_PROM_BYTES 0x10000u
#define MACHINE_CHUNK 1000000u /* instructions per cpu_run call */

/* The whole emulated machine; passed first to every machine_ function. */
struct machine {
	uint8_t *ram;
	uint64_t ram_bytes;
	uint8_t *prom;
	struct cpu_phys *phys;
	struct cpu *cpus[MACHINE_MAX_CPUS];
	int ncpus;
	struct dev_console console;
	struct dev_power power;
};

/* Why machine_run returned. */
enum machine_end {
	MACHINE_POWER_OFF, /* the guest wrote the power register */
	MACHINE_BREAK,     /* a CPU reached a breakpoint */
	MACHINE_LIMIT,     /* the instruction limit ran out */
	MACHINE_IDLE,      /* every CPU waits and nothing can wake one */
};

/* Build a machine with mem_mb MB of RAM and ncpus CPUs; NULL after a message. */
struct machine *machine_create(uint32_t mem_mb, int ncpus, FILE *console,
			       FILE *err);
/* Free the machine and its CPUs. */
void machine_destroy(struct machine *m);
/* Where the ELF loader may put segments in this machine. */
struct elf_target machine_elf_target(struct machine *m);
/* Reset every CPU to start at 32-bit address entry with the boot registers. */
void machine_reset(struct machine *m, uint32_t entry);
/* Run until power-off, breakpoint, idle or max_insns (0 = no limit) in all. */
enum machine_end machine_run(struct machine *m, uint64_t max_insns, int *who);
/* Instructions executed by all CPUs since reset. */
uint64_t machine_insns(const struct machine *m);
/* Print cpu_dump_regs for every CPU. */
void machine_dump_regs(const struct machine *m, FILE *out);

#endif
