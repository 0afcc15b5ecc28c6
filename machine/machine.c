/*
 * machine.c - build the machine from its configuration, reset its CPUs,
 * and answer questions about CPUs and nodes.  The run loop is in run.c,
 * the device table in devices.c, modules and boot information in boot.c.
 *
 * RAM is one host buffer for all nodes (cpu_phys wants one); node i owns
 * [i * mem_per_node, (i + 1) * mem_per_node) of it.
 */
#include "machine/machine.h"

#include <stdlib.h>

#include "machine/trace.h"
#include "numa/numa.h"

/* Sign-extend a 32-bit MIPS address to the CPU's 64-bit register form. */
static uint64_t machine_sext(uint32_t addr)
{
	return (uint64_t)(int64_t)(int32_t)addr;
}

/* Allocate RAM, PROM and the physical memory view; 0, or -1 after a message. */
static int machine_memory(struct machine *m, FILE *err)
{
	m->ram_bytes = config_ram_bytes(&m->cfg);
	m->ram = calloc(1, (size_t)m->ram_bytes);
	m->prom = calloc(1, MACHINE_PROM_BYTES);
	if (m->ram == NULL || m->prom == NULL) {
		fprintf(err, "minidisco: cannot allocate %llu MB of RAM\n",
			(unsigned long long)(m->ram_bytes >> 20));
		return -1;
	}
	m->phys = cpu_phys_create(m->ram, m->ram_bytes, &machine_mmio_ops, m);
	if (m->phys == NULL) {
		fprintf(err, "minidisco: cannot create physical memory\n");
		return -1;
	}
	cpu_phys_add_rom(m->phys, MACHINE_PROM_BASE, m->prom,
			 MACHINE_PROM_BYTES);
	return 0;
}

/* Build the memory system and, with numa timing, plug it into every CPU;
 * 0, or -1 after a message.  With fast timing the model still exists (the
 * NUMA unit's registers need it) but sees no reference. */
static int machine_numa(struct machine *m, FILE *err)
{
	const struct machine_config *c = &m->cfg;
	m->numa = numa_create(&c->numa, m->ncpus, c->nodes, c->cpus_per_node,
			      c->mem_per_node_mb << 20, err);
	if (m->numa == NULL)
		return -1;
	if (c->timing == MACHINE_TIMING_NUMA)
		for (int i = 0; i < m->ncpus; i++)
			cpu_set_timing(m->cpus[i],
				       numa_cpu_timing(m->numa, i));
	return 0;
}

/* Build the machine cfg describes; NULL after a one-line error on io->err. */
struct machine *machine_create(const struct machine_config *cfg,
			       const struct machine_io *io)
{
	if (config_check(cfg, io->err) != 0)
		return NULL;
	struct machine *m = calloc(1, sizeof *m);
	if (m == NULL) {
		fprintf(io->err, "minidisco: out of memory\n");
		return NULL;
	}
	m->cfg = *cfg;
	if (machine_memory(m, io->err) != 0) {
		machine_destroy(m);
		return NULL;
	}
	for (int i = 0; i < config_ncpus(cfg); i++) {
		if ((m->cpus[i] = cpu_create(m->phys, i)) == NULL) {
			fprintf(io->err, "minidisco: cannot create cpu %d\n",
				i);
			machine_destroy(m);
			return NULL;
		}
		m->ncpus++;
	}
	if ((m->trace = trace_create(m, io->err)) == NULL)
		fprintf(io->err, "minidisco: out of memory for the tracer\n");
	if (m->trace == NULL || machine_numa(m, io->err) != 0 ||
	    machine_create_devices(m, io) != 0) {
		machine_destroy(m);
		return NULL;
	}
	return m;
}

/* Free the machine, its CPUs and devices (restoring the terminal). */
void machine_destroy(struct machine *m)
{
	if (m == NULL)
		return;
	machine_destroy_devices(m); /* the NUMA unit before the model */
	trace_destroy(m->trace);    /* closes the --trace files */
	for (int i = 0; i < m->ncpus; i++)
		cpu_destroy(m->cpus[i]);
	if (m->numa != NULL)
		numa_destroy(m->numa);
	if (m->phys != NULL)
		cpu_phys_destroy(m->phys);
	free(m->prom);
	free(m->ram);
	free(m);
}

/* Where the ELF loader may put segments in this machine. */
struct elf_target machine_elf_target(struct machine *m)
{
	return (struct elf_target){
		.ram = m->ram,
		.ram_bytes = m->ram_bytes,
		.prom = m->prom,
		.prom_base = MACHINE_PROM_BASE,
		.prom_bytes = MACHINE_PROM_BYTES,
		.dev_base = MACHINE_DEV_BASE,
	};
}

/* Reset every CPU to start at 32-bit address entry with the boot registers. */
void machine_reset(struct machine *m, uint32_t entry)
{
	/* The loader wrote RAM and PROM behind the CPUs' back. */
	cpu_phys_invalidate(m->phys, 0, (uint32_t)m->ram_bytes);
	cpu_phys_invalidate(m->phys, MACHINE_PROM_BASE, MACHINE_PROM_BYTES);
	for (int i = 0; i < m->ncpus; i++) {
		struct cpu *c = m->cpus[i];
		cpu_reset(c, machine_sext(entry));
		cpu_set_gpr(c, 4, (uint64_t)i);        /* a0: CPU number */
		cpu_set_gpr(c, 5, (uint64_t)m->ncpus); /* a1: number of CPUs */
		cpu_set_gpr(c, 6, m->bootinfo_pa);     /* a2: boot info block */
		m->idle[i] = false;
		m->lines[i] = 0;
	}
	m->deferred = 0;
	m->now = 0;
	m->running = -1;
	m->insns = machine_insns(m);
}

/* Instructions executed by all CPUs since reset. */
uint64_t machine_insns(const struct machine *m)
{
	uint64_t n = 0;
	for (int i = 0; i < m->ncpus; i++)
		n += cpu_insns(m->cpus[i]);
	return n;
}

/* CPU i's clock in cycles (parked CPUs catch up at the end of a run). */
uint64_t machine_cpu_clock(const struct machine *m, int i)
{
	return cpu_cycles(m->cpus[i]);
}

/* The node CPU i belongs to. */
int machine_cpu_node(const struct machine *m, int i)
{
	return i / m->cfg.cpus_per_node;
}

/* Print cpu_dump_regs for every CPU. */
void machine_dump_regs(const struct machine *m, FILE *out)
{
	for (int i = 0; i < m->ncpus; i++)
		cpu_dump_regs(m->cpus[i], out);
}
