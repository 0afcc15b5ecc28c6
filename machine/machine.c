/*
 * machine.c - build the machine, reset its CPUs and run them.
 *
 * The run loop gives each CPU in turn a chunk of at most MACHINE_CHUNK
 * instructions (fewer when the --max-insns budget has less left) and looks
 * at why cpu_run returned.  With one CPU this is simply "run in chunks";
 * the NUMA issue replaces the turn order with cycle-time interleaving.
 */
#include "machine/machine.h"

#include <stdlib.h>

/* Sign-extend a 32-bit MIPS address to the CPU's 64-bit register form. */
static uint64_t machine_sext(uint32_t addr)
{
	return (uint64_t)(int64_t)(int32_t)addr;
}

/* Build a machine with mem_mb MB of RAM and ncpus CPUs; NULL after a message. */
struct machine *machine_create(uint32_t mem_mb, int ncpus, FILE *console,
			       FILE *err)
{
	uint64_t bytes = (uint64_t)mem_mb << 20;
	if (ncpus < 1 || ncpus > MACHINE_MAX_CPUS || bytes == 0 ||
	    bytes > MACHINE_DEV_BASE) {
		fprintf(err, "minidisco: bad machine: %u MB, %d CPUs\n",
			mem_mb, ncpus);
		return NULL;
	}
	struct machine *m = calloc(1, sizeof *m);
	if (m != NULL) {
		m->ram = calloc(1, (size_t)bytes);
		m->prom = calloc(1, MACHINE_PROM_BYTES);
	}
	if (m == NULL || m->ram == NULL || m->prom == NULL) {
		fprintf(err, "minidisco: cannot allocate %u MB of RAM\n",
			mem_mb);
		machine_destroy(m);
		return NULL;
	}
	m->ram_bytes = bytes;
	dev_init(m, console);
	m->phys = cpu_phys_create(m->ram, bytes, &dev_mmio_ops, m);
	cpu_phys_add_rom(m->phys, MACHINE_PROM_BASE, m->prom,
			 MACHINE_PROM_BYTES);
	for (m->ncpus = 0; m->ncpus < ncpus; m->ncpus++)
		m->cpus[m->ncpus] = cpu_create(m->phys, m->ncpus);
	return m;
}

/* Free the machine and its CPUs. */
void machine_destroy(struct machine *m)
{
	if (m == NULL)
		return;
	for (int i = 0; i < m->ncpus; i++)
		cpu_destroy(m->cpus[i]);
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
		cpu_set_gpr(c, 6, 0); /* a2: boot info block, none yet */
	}
}

/* Instructions executed by all CPUs since reset. */
uint64_t machine_insns(const struct machine *m)
{
	uint64_t n = 0;
	for (int i = 0; i < m->ncpus; i++)
		n += cpu_insns(m->cpus[i]);
	return n;
}

/* Give CPU i one chunk; set *end and return true if the run is over. */
static bool machine_step(struct machine *m, int i, uint64_t max_insns,
			 bool *idle, enum machine_end *end)
{
	uint64_t chunk = MACHINE_CHUNK, done = machine_insns(m);
	if (max_insns != 0 && max_insns - done < chunk)
		chunk = max_insns - done;
	enum cpu_stop s = cpu_run(m->cpus[i], chunk);
	*idle = (s == CPU_STOP_IDLE);
	if (m->power.off)
		*end = MACHINE_POWER_OFF;
	else if (s == CPU_STOP_BREAK)
		*end = MACHINE_BREAK;
	else if (max_insns != 0 && machine_insns(m) >= max_insns)
		*end = MACHINE_LIMIT;
	else
		return false;
	return true;
}

/* Run until power-off, breakpoint, idle or max_insns (0 = no limit) in all. */
enum machine_end machine_run(struct machine *m, uint64_t max_insns, int *who)
{
	enum machine_end end;
	for (;;) {
		int idle = 0;
		for (int i = 0; i < m->ncpus; i++) {
			bool is_idle;
			*who = i;
			if (machine_step(m, i, max_insns, &is_idle, &end))
				return end;
			idle += is_idle;
		}
		if (idle == m->ncpus)
			return MACHINE_IDLE; /* *who: the last CPU */
	}
}

/* Print cpu_dump_regs for every CPU. */
void machine_dump_regs(const struct machine *m, FILE *out)
{
	for (int i = 0; i < m->ncpus; i++)
		cpu_dump_regs(m->cpus[i], out);
}
