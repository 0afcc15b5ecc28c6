/*
 * dbgdrv.c - unit-level driver of the debugger console: builds a machine
 * from the machine objects, loads a kernel, and runs console commands
 * through the same dbg_session_run that build/minidisco uses, as
 * `minidisco --kernel KERNEL --batch -ex CMD...` would.
 *
 *   dbgdrv [--cpus N] [--max-insns N] [--fast] [--console] [--pure] KERNEL
 *          [CMD...]
 *
 * --fast: --timing fast (the default is the machine's, numa).
 * A CMD may also be given as "-ex CMD", so that the same words work for
 * build/minidisco and for dbgdrv.
 * --console leaves out --batch: after the commands comes the console,
 * reading stdin (readline on a terminal), and Ctrl-C stops the machine.
 *
 * --pure instead runs each CMD with dbg_exec and checks that the commands
 * after a "--" argument (all of them if there is none) leave the machine
 * bit for bit as it was: every CPU's registers (the
 * --dump-regs block), FPU registers, TLB entries, instruction, cycle and
 * exception counts, and a hash of RAM and PROM.  It prints "pure: ok" or
 * "pure: CHANGED" with the first differing line, and exits 0 or 1.
 *
 * Exit status as build/minidisco: the power-off value, 3 (limit), 4 (idle),
 * 0 when the machine is still stopped; 2 for a bad argument or kernel.
 */
#include <stdlib.h>
#include <string.h>

#include "machine/config.h"
#include "machine/dbg.h"
#include "machine/elf.h"
#include "machine/machine.h"
#include "machine/symbols.h"

#define DRV_MAX_EX 64

/* FNV-1a hash of n bytes, to compare memory before and after. */
static uint64_t drv_hash(const uint8_t *p, uint64_t n, uint64_t h)
{
	for (uint64_t i = 0; i < n; i++)
		h = (h ^ p[i]) * 0x100000001b3ull;
	return h;
}

/* Write everything inspection must leave alone into a malloc'd string. */
static char *drv_snapshot(const struct machine *m)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (f == NULL)
		return NULL;
	for (int i = 0; i < m->ncpus; i++) {
		const struct cpu *c = m->cpus[i];
		cpu_dump_regs(c, f);
		for (int n = 0; n < 32; n++)
			fprintf(f, "f%d 0x%016llx\n", n,
				(unsigned long long)cpu_fpr(c, n));
		fprintf(f, "fcsr 0x%08x\n", cpu_fcsr(c));
		for (int k = 0; k < cpu_tlb_size(); k++) {
			struct cpu_tlb_entry e;
			cpu_tlb_get(c, k, &e);
			fprintf(f, "tlb %d %08x %08x %08x %08x\n", k, e.pagemask,
				e.entryhi, e.entrylo0, e.entrylo1);
		}
		fprintf(f, "insns %llu cycles %llu refills %llu\n",
			(unsigned long long)cpu_insns(c),
			(unsigned long long)cpu_cycles(c),
			(unsigned long long)cpu_tlb_refills(c));
		for (int code = 0; code < 32; code++)
			fprintf(f, "exc %d %llu\n", code, (unsigned long long)
				cpu_exception_count(c, code));
	}
	uint64_t h = drv_hash(m->ram, m->ram_bytes, 0xcbf29ce484222325ull);
	fprintf(f, "memory %016llx\n", (unsigned long long)
		drv_hash(m->prom, MACHINE_PROM_BYTES, h));
	fclose(f);
	return buf;
}

/* Print the first line where a and b differ. */
static void drv_first_difference(const char *a, const char *b)
{
	while (*a && *b) {
		size_t la = strcspn(a, "\n"), lb = strcspn(b, "\n");
		if (la != lb || memcmp(a, b, la) != 0) {
			printf("before: %.*s\nafter:  %.*s\n", (int)la, a,
			       (int)lb, b);
			return;
		}
		a += la + (a[la] != 0);
		b += lb + (b[lb] != 0);
	}
	printf("lengths differ\n");
}

/* Run the commands with dbg_exec and compare snapshots taken after the
   "--" and at the end; exit status. */
static int drv_pure(struct machine *m, struct dbg *d, char **cmds, int n)
{
	int first = 0;
	for (int i = 0; i < n; i++)
		if (strcmp(cmds[i], "--") == 0)
			first = i + 1;
	for (int i = 0; i + 1 < first; i++)
		dbg_exec(d, cmds[i]);
	char *before = drv_snapshot(m);
	for (int i = first; i < n; i++)
		dbg_exec(d, cmds[i]);
	char *after = drv_snapshot(m);
	int bad = before == NULL || after == NULL || strcmp(before, after);
	fflush(stdout);
	printf("pure: %s\n", bad ? "CHANGED" : "ok");
	if (bad && before && after)
		drv_first_difference(before, after);
	free(before);
	free(after);
	return bad;
}

/* The exit status build/minidisco gives for how the session ended. */
static int drv_status(const struct machine *m, enum machine_end end)
{
	switch (end) {
	case MACHINE_POWER_OFF:
		return m->power.status;
	case MACHINE_LIMIT:
		return 3;
	case MACHINE_IDLE:
		return 4;
	default:
		return 0;
	}
}

/* Load path into m and its symbols into syms, reset; 0 or -1. */
static int drv_boot(struct machine *m, const char *path,
		    struct sym_table *syms)
{
	struct elf_file f;
	struct elf_target t = machine_elf_target(m);
	if (elf_open(&f, path, stderr) != 0)
		return -1;
	int r = elf_load(&f, &t, stderr) != 0 ||
		sym_table_load(syms, &f, stderr) != 0 ? -1 : 0;
	if (r == 0)
		machine_reset(m, f.eh.e_entry);
	elf_close(&f);
	return r;
}

/* Gather the commands after the kernel, dropping "-ex" words; count. */
static int drv_commands(int argc, char **argv, char **cmds)
{
	int n = 0;
	for (int i = 0; i < argc && n < DRV_MAX_EX; i++)
		if (strcmp(argv[i], "-ex") != 0 ||
		    (i > 0 && strcmp(argv[i - 1], "-ex") == 0))
			cmds[n++] = argv[i];
	return n;
}

/* Parse the arguments, build the machine, run the commands. */
int main(int argc, char **argv)
{
	char *cmds[DRV_MAX_EX];
	int ncpus = 1, i = 1;
	int pure = 0, console = 0, fast = 0;
	uint64_t max_insns = 0;
	for (; i < argc && argv[i][0] == '-'; i++) {
		if (strcmp(argv[i], "--pure") == 0)
			pure = 1;
		else if (strcmp(argv[i], "--console") == 0)
			console = 1;
		else if (strcmp(argv[i], "--fast") == 0)
			fast = 1;
		else if (strcmp(argv[i], "--cpus") == 0 && i + 1 < argc)
			ncpus = atoi(argv[++i]);
		else if (strcmp(argv[i], "--max-insns") == 0 && i + 1 < argc)
			max_insns = strtoull(argv[++i], NULL, 10);
		else
			break;
	}
	if (i >= argc || argc - i - 1 > 2 * DRV_MAX_EX || ncpus < 1) {
		fprintf(stderr, "usage: dbgdrv [--cpus N] [--max-insns N] "
			"[--fast] [--console] [--pure] KERNEL [CMD...]\n");
		return 2;
	}
	struct machine_config cfg;
	config_defaults(&cfg);
	cfg.cpus_per_node = ncpus;
	if (fast)
		cfg.timing = MACHINE_TIMING_FAST;
	struct machine_io io = {.in_fd = -1, .out = stdout, .err = stderr};
	struct machine *m = machine_create(&cfg, &io);
	struct sym_table syms = {0};
	struct dbg *d = NULL;
	int status = 2;
	if (m != NULL && drv_boot(m, argv[i], &syms) == 0 &&
	    (d = dbg_create(m, &syms, stdout, stderr)) != NULL) {
		int n = drv_commands(argc - i - 1, argv + i + 1, cmds);
		struct dbg_session s = {
			.ex = (const char *const *)cmds,
			.nex = n,
			.batch = !console,
			.max_insns = max_insns,
		};
		int who = 0;
		if (pure)
			status = drv_pure(m, d, cmds, n);
		else
			status = drv_status(m, dbg_session_run(d, &s, &who));
	}
	fflush(stdout);
	dbg_destroy(d);
	sym_table_free(&syms);
	machine_destroy(m);
	return status;
}
