/*
 * main.c - build/minidisco: parse options, load the kernel, run, exit.
 *
 * The machine runs through the debugger console's session
 * (machine/dbg.h): without -ex, --stop-at or Ctrl-C that is a plain
 * machine_run; with them, the console (docs/debugger.md).  With --gdb it
 * runs through the gdb stub's session instead (machine/gdb.h).
 *
 * Exit status:
 *   0..255  the value the guest wrote to the power register (& 0xff),
 *           or 0 when the machine is left stopped (--stop-at, quit)
 *   2       bad option, value or kernel image
 *   3       --max-insns ran out
 *   4       fatal machine condition (every CPU idle in WAIT, or a
 *           --check-tlb conflict), on stderr
 */
#include <stdlib.h>
#include <unistd.h>

#include "machine/boot.h"
#include "machine/dbg.h"
#include "machine/elf.h"
#include "machine/gdb.h"
#include "machine/machine.h"
#include "machine/options.h"
#include "machine/stats.h"
#include "machine/symbols.h"
#include "machine/trace.h"

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
	case MACHINE_WATCH:
		fprintf(stderr, "minidisco: cpu %d stopped at a watchpoint, pc "
			"0x%08llx%s\n", who, (unsigned long long)(uint32_t)pc,
			where);
		return 0;
	case MACHINE_TLB_CHECK:
		trace_tlb_report(m, who, syms, stderr);
		return EXIT_FATAL;
	case MACHINE_IDLE:
		fprintf(stderr, "minidisco: fatal: every CPU is in WAIT with no "
			"interrupt that can wake it (cpu %d at pc 0x%08llx%s)\n",
			who, (unsigned long long)(uint32_t)pc, where);
		machine_dump_devices(m, stderr);
		return EXIT_FATAL;
	}
	return EXIT_FATAL;
}

/* Load the kernel and modules into m and reset it; 0, or -1 after a message. */
static int main_load(struct machine *m, const struct options *o,
		     const struct elf_file *f, struct sym_table *syms)
{
	struct elf_target t = machine_elf_target(m);
	if (elf_load(f, &t, stderr) != 0 ||
	    sym_table_load(syms, f, stderr) != 0)
		return -1;
	struct boot_params bp = {
		.modules = o->modules,
		.nmodules = o->nmodules,
		.append = o->append,
	};
	bp.kernel_in_ram = elf_ram_extent(f, &t, &bp.kernel_lo, &bp.kernel_hi);
	if (boot_load(m, &bp, stderr) != 0)
		return -1;
	machine_reset(m, f->eh.e_entry); /* clears breakpoints: set them after */
	return main_stop_at(m, o, syms);
}

/* Run the loaded machine through the debugger console's session (or the
   gdb stub's, with --gdb) into *end and *who; -1 after a message. */
static int main_run(struct machine *m, const struct options *o,
		    const struct sym_table *syms, enum machine_end *end,
		    int *who)
{
	if (o->gdb_port != 0) {
		struct gdb *g = gdb_create(m, syms, (int)o->gdb_port, stderr);
		if (g == NULL)
			return -1;
		struct gdb_session gs = {o->gdb_wait, o->max_insns};
		*end = gdb_session_run(g, &gs, who);
		gdb_destroy(g);
		return 0;
	}
	struct dbg *d = dbg_create(m, syms, stdout, stderr);
	if (d == NULL)
		return -1;
	struct dbg_session session = {
		.ex = o->ex,
		.nex = o->nex,
		.batch = o->batch,
		.max_insns = o->max_insns,
		.stop = o->stop,
		.stop_sym = o->stop_sym,
		.stop_addr = o->stop_addr,
	};
	*end = dbg_session_run(d, &session, who);
	dbg_destroy(d);
	return 0;
}

/* Load the kernel into m, run it and return the exit status. */
static int main_boot(struct machine *m, const struct options *o,
		     const struct elf_file *f, struct sym_table *syms,
		     FILE *stats)
{
	if (main_load(m, o, f, syms) != 0)
		return EXIT_USAGE;
	int who = 0;
	enum machine_end end;
	if (main_run(m, o, syms, &end, &who) != 0)
		return EXIT_USAGE;
	fflush(stdout);
	int status = main_report(m, o, syms, end, who);
	if (o->dump_regs) {
		machine_dump_regs(m, stdout);
		fflush(stdout);
	}
	if (stats != NULL && stats_write(m, stats, o->stats, stderr) != 0)
		return EXIT_USAGE;
	return status;
}

/*
 * The guest console's input: standard input, unless the debugger console
 * will read its commands from it (-ex without --batch, stdin not a
 * terminal: a script drives the debugger, docs/debugger.md).
 */
static int main_console_input(const struct options *o)
{
	if (o->nex > 0 && !o->batch && !isatty(STDIN_FILENO))
		return -1;
	return STDIN_FILENO;
}

/* Apply --trace and --check-tlb to m; 0, or -1 after a message. */
static int main_trace(struct machine *m, const struct options *o)
{
	for (int i = 0; i < o->ntrace; i++)
		if (trace_add(m->trace, o->trace[i], stderr) != 0)
			return -1;
	trace_check_tlb(m, o->check_tlb);
	return 0;
}

/* Build the configured machine, boot it and return the exit status. */
static int main_machine(const struct options *o, const struct elf_file *f,
			FILE *stats)
{
	struct machine_config cfg;
	if (options_config(o, &cfg, stderr) != 0)
		return EXIT_USAGE;
	struct machine_io io = {
		.in_fd = main_console_input(o),
		.out = stdout,
		.err = stderr,
		.disks = o->disks,
		.ndisks = o->ndisks,
	};
	struct machine *m = machine_create(&cfg, &io);
	if (m == NULL)
		return EXIT_USAGE;
	struct sym_table syms = {0};
	int status = main_trace(m, o) != 0 ? EXIT_USAGE
					   : main_boot(m, o, f, &syms, stats);
	machine_destroy(m); /* restores the terminal */
	sym_table_free(&syms);
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
	int status = main_machine(&o, &f, stats);
	if (stats != NULL && fclose(stats) != 0 && status != EXIT_USAGE) {
		fprintf(stderr, "minidisco: --stats: error writing '%s'\n",
			o.stats);
		status = EXIT_USAGE;
	}
	elf_close(&f);
	fflush(stdout);
	return status;
}
