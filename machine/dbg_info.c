/*
 * dbg_info.c - sym (info symbol), cpu, info cpus and stats.
 */
#include "machine/dbg_internal.h"

#include <inttypes.h>


/* sym ADDR: the symbol holding ADDR, as name+0xOFF. */
int dbg_cmd_sym(struct dbg *d, int argc, char **argv)
{
	uint64_t v;
	char name[128];
	if (argc != 2)
		return dbg_error(d, "usage: sym ADDR");
	if (!dbg_parse_addr(d, argv[1], &v))
		return DBG_ERROR;
	if (!sym_describe(d->syms, v, name, sizeof name))
		return dbg_error(d, "no symbol holds 0x%08x", (uint32_t)v);
	fprintf(d->out, "0x%08x is %s\n", (uint32_t)v, name);
	return DBG_OK;
}

/* cpu [N]: select CPU N for the inspection commands, or show which. */
int dbg_cmd_cpu(struct dbg *d, int argc, char **argv)
{
	uint64_t n;
	if (argc > 2)
		return dbg_error(d, "usage: cpu [N]");
	if (argc == 2) {
		if (!dbg_parse_count(d, argv[1], 0, INT32_MAX, &n))
			return DBG_ERROR;
		if (n >= (uint64_t)d->m->ncpus)
			return dbg_error(d, "no cpu %llu (the machine has %d)",
					 (unsigned long long)n, d->m->ncpus);
		d->cpu = (int)n;
	}
	fprintf(d->out, "cpu %d of %d selected\n", d->cpu, d->m->ncpus);
	return DBG_OK;
}

/* True if CPU i is parked in WAIT. */
bool dbg_cpu_waiting(struct dbg *d, int i)
{
	return cpu_waiting(d->m->cpus[i]);
}

/* State of CPU i for info cpus. */
static const char *dbg_cpu_state(struct dbg *d, int i)
{
	uint32_t pc = (uint32_t)cpu_pc(d->m->cpus[i]);
	if (d->ended)
		return "ended";
	if (dbg_cpu_waiting(d, i))
		return "waiting";
	for (int k = 0; k < d->nbreaks; k++)
		if (d->breaks[k].addr == pc)
			return "stopped";
	return "running";
}

/* info cpus: each CPU's pc, mode, state and instruction count; * marks
   the selected one.  stopped = at a breakpoint, waiting = in WAIT,
   running = would run on continue. */
int dbg_cmd_info_cpus(struct dbg *d, int argc, char **argv)
{
	(void)argv;
	if (argc > 1)
		return dbg_error(d, "info cpus takes no argument");
	fprintf(d->out, "  cpu node pc          mode          state    "
		"instructions  symbol\n");
	for (int i = 0; i < d->m->ncpus; i++) {
		const struct cpu *c = d->m->cpus[i];
		struct cpu_where w;
		char sym[160];
		cpu_debug_where(c, cpu_pc(c), CPU_WHERE_FETCH, &w);
		dbg_sym_suffix(d, cpu_pc(c), sym, sizeof sym);
		fprintf(d->out, "%c %3d %4d 0x%08x  %-13s %-8s %-13" PRIu64
			"%s\n", i == d->cpu ? '*' : ' ', i,
			machine_cpu_node(d->m, i), (uint32_t)cpu_pc(c), w.mode,
			dbg_cpu_state(d, i), cpu_insns(c), sym);
	}
	return DBG_OK;
}

/* stats: per CPU instructions, cycles, TLB refills, exceptions by name. */
int dbg_cmd_stats(struct dbg *d, int argc, char **argv)
{
	(void)argv;
	if (argc > 1)
		return dbg_error(d, "stats takes no argument");
	for (int i = 0; i < d->m->ncpus; i++) {
		const struct cpu *c = d->m->cpus[i];
		bool any = false;
		fprintf(d->out, "cpu %d (node %d): instructions %" PRIu64
			", cycles %" PRIu64 ", tlb refills %" PRIu64 "\n", i,
			machine_cpu_node(d->m, i), cpu_insns(c), cpu_cycles(c),
			cpu_tlb_refills(c));
		fprintf(d->out, "  exceptions:");
		for (int code = 0; code < 32; code++) {
			uint64_t n = cpu_exception_count(c, code);
			const char *name = cpu_exception_name(code);
			if (n == 0)
				continue;
			fprintf(d->out, " %s %" PRIu64, name ? name : "?", n);
			any = true;
		}
		fprintf(d->out, "%s\n", any ? "" : " none");
	}
	fprintf(d->out, "machine: instructions %" PRIu64 "\n",
		machine_insns(d->m));
	return DBG_OK;
}
