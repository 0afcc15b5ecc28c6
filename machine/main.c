/*
 * main.c - build/minidisco: parse options, load the kernel, run, exit.
 *
 * Exit status:
 *   0..255  the value the guest wrote to the power register (& 0xff),
 *           or 0 when --stop-at was reached
 *   2       bad option, value or kernel image
 *   3       --max-insns ran out
 *   4       fatal machine condition (every CPU idle in WAIT), on stderr
 */
#include <stdlib.h>

#include "machine/elf.h"
#include "machine/machine.h"
#include "machine/options.h"
#include "machine/stats.h"
#include "machine/symbols.h"

enum {
	EXIT_USAGE = 2,
	EXIT_LIMIT = 3,
	EXIT_FATAL = 4,
};

/* Write " (symbol+0xOFF)" for pc into buf, or an empty string. */
static void main_where(const struct sym_table *syms, uint64_t pc, char *buf,
		       size_t len)
{
	char name[128];
	if (sym_describe(syms, pc, name, sizeof name))
		snprintf(buf, len, " (%s)", name);
	else
		buf[0] = '\0';
}

/* Set the --stop-at breakpoint on every CPU; 0, or -1 after a message. */
static int main_stop_at(struct machine *m, const struct options *o,
			const struct sym_table *syms)
{
	uint64_t addr = o->stop_addr;
	if (!o->stop)
		return 0;
	if (o->stop_sym != NULL) {
		uint32_t v;
		if (!sym_find(syms, o->stop_sym, &v)) {
			fprintf(stderr, "minidisco: --stop-at: no symbol '%s' "
				"in %s\n", o->stop_sym, o->kernel);
			return -1;
		}
		addr = (uint64_t)(int64_t)(int32_t)v;
	}
	for (int i = 0; i < m->ncpus; i++) {
		if (!cpu_break_add(m->cpus[i], addr)) {
			fprintf(stderr, "minidisco: --stop-at: no free "
				"breakpoint on cpu %d\n", i);
			return -1;
		}
	}
	return 0;
}

/* Report how the run ended on stderr and return the exit status. */
static int main_report(struct machine *m, const struct options *o,
		       const struct sym_table *syms, enum machine_end end,
		       int who)
{
	uint64_t pc = cpu_pc(m->cpus[who]);
	char where[160];
	main_where(syms, pc, where, sizeof where);
	switch (end) {
	case MACHINE_POWER_OFF:
		return m->power.status;
	case MACHINE_BREAK:
		fprintf(stderr, "minidisco: cpu %d stopped at pc 0x%08llx%s\n",
			who, (unsigned long long)(uint32_t)pc, where);
		return 0;
	case MACHINE_LIMIT:
		fprintf(stderr, "minidisco: --max-insns %llu reached at pc "
			"0x%08llx%s\n", (unsigned long long)o->max_insns,
			(unsigned long long)(uint32_t)pc, where);
		return EXIT_LIMIT;
	case MACHINE_IDLE:
		fprintf(stderr, "minidisco: fatal: every CPU is in WAIT with no "
			"interrupt that can wake it (cpu %d at pc 0x%08llx%s)\n",
			who, (unsigned long long)(uint32_t)pc, where);
		dev_dump_all(m, stderr);
		return EXIT_FATAL;
	}
	return EXIT_FATAL;
}

/* Load the kernel into m, run it and return the exit status. */
static int main_boot(struct machine *m, const struct options *o,
		     const struct elf_file *f, struct sym_table *syms,
		     FILE *stats)
{
	struct elf_target t = machine_elf_target(m);
	if (elf_load(f, &t, stderr) != 0 ||
	    sym_table_load(syms, f, stderr) != 0)
		return EXIT_USAGE;
	machine_reset(m, f->eh.e_entry); /* clears breakpoints: set them after */
	if (main_stop_at(m, o, syms) != 0)
		return EXIT_USAGE;
	int who = 0;
	enum machine_end end = machine_run(m, o->max_insns, &who);
	dev_flush(m);
	int status = main_report(m, o, syms, end, who);
	if (o->dump_regs) {
		machine_dump_regs(m, stdout);
		fflush(stdout);
	}
	if (stats != NULL && stats_write(m, stats, o->stats, stderr) != 0)
		return EXIT_USAGE;
	return status;
}

/* Parse the command line, boot the kernel, exit with the contract status. */
int main(int argc, char **argv)
{
	struct options o;
	switch (options_parse(&o, argc, argv, stdout, stderr)) {
	case OPTIONS_EXIT_OK:
		return 0;
	case OPTIONS_USAGE:
		return EXIT_USAGE;
	case OPTIONS_RUN:
		break;
	}
	struct elf_file f;
	if (elf_open(&f, o.kernel, stderr) != 0)
		return EXIT_USAGE;
	FILE *stats = NULL;
	if (o.stats != NULL && (stats = stats_open(o.stats, stderr)) == NULL) {
		elf_close(&f);
		return EXIT_USAGE;
	}
	struct machine *m = machine_create(o.mem_mb, 1, stdout, stderr);
	int status = EXIT_USAGE;
	struct sym_table syms = {0};
	if (m != NULL) {
		status = main_boot(m, &o, &f, &syms, stats);
		machine_destroy(m);
	}
	if (stats != NULL && fclose(stats) != 0 && status != EXIT_USAGE) {
		fprintf(stderr, "minidisco: --stats: error writing '%s'\n",
			o.stats);
		status = EXIT_USAGE;
	}
	sym_table_free(&syms);
	elf_close(&f);
	fflush(stdout);
	return status;
}
