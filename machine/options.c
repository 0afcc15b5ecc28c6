/*
 * options.c - command line parsing for build/minidisco (getopt_long).
 *
 * Every option is one row of options_table; --help prints that table, so the
 * help text cannot fall out of step with what is accepted.  gdb's "-ex CMD"
 * is accepted as the long option --ex (argv is copied with "-ex" turned
 * into "--ex").
 *
 * The machine's shape options (--nodes, --cpus-per-node, --mem-per-node,
 * --timing) are checked here with the rows of the configuration key table
 * (config.c) and applied by options_config over the --machine file, so
 * the command line wins wherever it stands.
 */
#include "machine/quote.h"
#include "machine/options.h"
#include "machine/trace.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>

/* Option codes returned by getopt_long (above any character). */
enum options_code {
	OPT_HELP = 'h',
	OPT_KERNEL = 256,
	OPT_MEM,
	OPT_MAX_INSNS,
	OPT_STOP_AT,
	OPT_DUMP_REGS,
	OPT_VERSION,
	OPT_STATS,
	OPT_NODES,
	OPT_CPUS,
	OPT_TIMING,
	OPT_MACHINE,
	OPT_MODULE,
	OPT_APPEND,
	OPT_DISK,
	OPT_EX,
	OPT_BATCH,
	OPT_TRACE,
	OPT_CHECK_TLB,
	OPT_GDB,
	OPT_GDB_WAIT,
};

/* One command line option: its name, argument and help line. */
struct options_row {
	const char *name;
	const char *arg; /* NULL: takes no argument */
	enum options_code code;
	const char *help;
};

static const struct options_row options_table[] = {
	{"kernel", "FILE", OPT_KERNEL,
	 "ELF32 big-endian MIPS executable to boot (required)"},
	{"machine", "FILE.ini", OPT_MACHINE,
	 "machine description: shape, caches, latencies (images/*.ini)"},
	{"nodes", "N", OPT_NODES, "number of nodes, 1..32 (default 1)"},
	{"cpus-per-node", "K", OPT_CPUS,
	 "CPUs in each node, 1..32, at most 32 in all (default 1)"},
	{"mem-per-node", "MB", OPT_MEM,
	 "RAM of each node in MB; all RAM below 496 MB (default 64)"},
	{"timing", "fast|numa", OPT_TIMING,
	 "fast: no cache model; numa: caches and latencies (default)"},
	{"module", "FILE", OPT_MODULE,
	 "load FILE into RAM above the kernel (repeatable, up to 16)"},
	{"append", "ARGS", OPT_APPEND,
	 "command line passed in the boot information block"},
	{"disk", "FILE", OPT_DISK,
	 "disk image for the next disk unit (repeatable, up to 8)"},
	{"ex", "CMD", OPT_EX,
	 "run debugger command CMD after reset (repeatable; also -ex)"},
	{"batch", NULL, OPT_BATCH,
	 "never enter the debugger console (exit after the -ex commands)"},
	{"max-insns", "N", OPT_MAX_INSNS,
	 "stop with exit status 3 after N instructions"},
	{"stop-at", "SYMBOL|ADDR", OPT_STOP_AT,
	 "stop (exit 0) when a CPU is about to execute SYMBOL or 0xADDR"},
	{"stats", "FILE.json", OPT_STATS,
	 "write the run's statistics as JSON to FILE when it ends"},
	{"dump-regs", NULL, OPT_DUMP_REGS,
	 "print every CPU's registers on stdout when the run ends"},
	{"trace", "CATS[:FILE]", OPT_TRACE,
	 "trace insn,exc,tlb,irq,mem,dev or all to FILE (default stderr; "
	 "repeatable; docs/tracing.md)"},
	{"check-tlb", NULL, OPT_CHECK_TLB,
	 "stop with a report (exit 4) when a TLB write makes two entries "
	 "overlap"},
	{"gdb", "PORT", OPT_GDB,
	 "serve the gdb remote protocol on 127.0.0.1:PORT (docs/debugging.md)"},
	{"gdb-wait", NULL, OPT_GDB_WAIT,
	 "with --gdb: stay halted at reset until gdb attaches"},
	{"help", NULL, OPT_HELP, "print this list and exit"},
	{"version", NULL, OPT_VERSION, "print the version and exit"},
};

#define OPTIONS_COUNT (sizeof options_table / sizeof options_table[0])

/* Print the usage line and one line per option. */
static void options_help(FILE *out)
{
	fprintf(out, "usage: minidisco [options] --kernel FILE.elf\n");
	for (size_t i = 0; i < OPTIONS_COUNT; i++) {
		const struct options_row *r = &options_table[i];
		char left[40];
		snprintf(left, sizeof left, "--%s%s%s", r->name,
			 r->arg ? " " : "", r->arg ? r->arg : "");
		fprintf(out, "  %-26s %s\n", left, r->help);
	}
}

/* Parse a decimal number in [min, max] made only of digits; false if bad. */
static bool options_number(const char *text, uint64_t min, uint64_t max,
			   uint64_t *v)
{
	uint64_t n = 0;
	if (*text == '\0')
		return false;
	for (const char *p = text; *p; p++) {
		if (*p < '0' || *p > '9')
			return false;
		unsigned d = (unsigned)(*p - '0');
		if (n > (UINT64_MAX - d) / 10)
			return false;
		n = n * 10 + d;
	}
	if (n < min || n > max)
		return false;
	*v = n;
	return true;
}

/* Parse 0xHEX as a 32-bit MIPS address, sign-extended; false if bad. */
static bool options_address(const char *text, uint64_t *v)
{
	uint64_t n = 0;
	const char *p = text + 2;
	if (*p == '\0' || strlen(p) > 16)
		return false;
	for (; *p; p++) {
		unsigned d;
		if (*p >= '0' && *p <= '9')
			d = (unsigned)(*p - '0');
		else if (*p >= 'a' && *p <= 'f')
			d = (unsigned)(*p - 'a' + 10);
		else if (*p >= 'A' && *p <= 'F')
			d = (unsigned)(*p - 'A' + 10);
		else
			return false;
		n = n << 4 | d;
	}
	/* Accept 0x80010000 and its sign-extended form 0xffffffff80010000. */
	uint64_t ext = (uint64_t)(int64_t)(int32_t)(uint32_t)n;
	if (n > 0xffffffffu && n != ext)
		return false;
	*v = ext;
	return true;
}

/* Record --stop-at as a hex address or a symbol name; false if bad. */
static bool options_stop_at(struct options *o, const char *arg, FILE *err)
{
	o->stop = true;
	o->stop_sym = NULL;
	if (arg[0] == '0' && (arg[1] == 'x' || arg[1] == 'X')) {
		if (options_address(arg, &o->stop_addr))
			return true;
		char q[80];
		fprintf(err, "minidisco: --stop-at: '%s' is not a 32-bit "
			"hex address\n", quote_value(arg, q, sizeof q));
		return false;
	}
	if (arg[0] == '\0') {
		fprintf(err, "minidisco: --stop-at: empty symbol name\n");
		return false;
	}
	o->stop_sym = arg;
	return true;
}

/* Record a file name option; false (after a message) if it is empty. */
static bool options_file(const char **slot, const char *name, const char *arg,
			 FILE *err)
{
	*slot = arg;
	if (arg[0] != '\0')
		return true;
	fprintf(err, "minidisco: --%s: empty file name\n", name);
	return false;
}

/* Add a file to a repeatable option's list; false if empty or full. */
static bool options_list(const char **list, int *n, int max, const char *name,
			 const char *arg, FILE *err)
{
	if (*n >= max) {
		fprintf(err, "minidisco: --%s: more than %d given\n", name, max);
		return false;
	}
	return options_file(&list[(*n)++], name, arg, err);
}

/* Check a shape option's value with the configuration key table. */
static bool options_shape(const char **slot, const char *key, const char *arg,
			  FILE *err)
{
	struct machine_config scratch;
	config_defaults(&scratch);
	if (config_set(&scratch, "machine", key, arg, NULL, 0, err) != 0)
		return false;
	*slot = arg;
	return true;
}

/* Record --append, which must fit the boot information block. */
static bool options_append(struct options *o, const char *arg, FILE *err)
{
	if (strlen(arg) > OPTIONS_MAX_APPEND) {
		fprintf(err, "minidisco: --append: longer than %d bytes\n",
			OPTIONS_MAX_APPEND);
		return false;
	}
	o->append = arg;
	return true;
}

/* Record a --trace spec once its categories and file name are checked. */
static bool options_trace(struct options *o, const char *arg, FILE *err)
{
	unsigned mask;
	const char *file;
	char why[160];
	if (!trace_parse(arg, &mask, &file, why, sizeof why)) {
		fprintf(err, "minidisco: --trace: %s\n", why);
		return false;
	}
	if (o->ntrace == OPTIONS_MAX_TRACE) {
		fprintf(err, "minidisco: --trace: more than %d given\n",
			OPTIONS_MAX_TRACE);
		return false;
	}
	o->trace[o->ntrace++] = arg;
	return true;
}

/* Apply one option with its argument; false (after a message) if bad. */
static bool options_apply(struct options *o, int code, const char *arg,
			  FILE *err)
{
	char q[80]; /* the value, quoted for an error message */
	switch (code) {
	case OPT_KERNEL:
		return options_file(&o->kernel, "kernel", arg, err);
	case OPT_NODES:
		return options_shape(&o->nodes, "nodes", arg, err);
	case OPT_CPUS:
		return options_shape(&o->cpus_per_node, "cpus_per_node", arg,
				     err);
	case OPT_MEM:
		return options_shape(&o->mem_per_node, "mem_per_node", arg,
				     err);
	case OPT_TIMING:
		return options_shape(&o->timing, "timing", arg, err);
	case OPT_MACHINE:
		return options_file(&o->machine, "machine", arg, err);
	case OPT_APPEND:
		return options_append(o, arg, err);
	case OPT_MODULE:
		return options_list(o->modules, &o->nmodules,
				    OPTIONS_MAX_MODULES, "module", arg, err);
	case OPT_DISK:
		return options_list(o->disks, &o->ndisks, OPTIONS_MAX_DISKS,
				    "disk", arg, err);
	case OPT_EX:
		if (o->nex < OPTIONS_MAX_EX) {
			o->ex[o->nex++] = arg;
			return true;
		}
		fprintf(err, "minidisco: -ex: more than %d given\n",
			OPTIONS_MAX_EX);
		return false;
	case OPT_BATCH:
		o->batch = true;
		return true;
	case OPT_MAX_INSNS:
		if (options_number(arg, 1, UINT64_MAX, &o->max_insns))
			return true;
		fprintf(err, "minidisco: --max-insns: '%s' is not a positive "
			"decimal number\n", quote_value(arg, q, sizeof q));
		return false;
	case OPT_STOP_AT:
		return options_stop_at(o, arg, err);
	case OPT_DUMP_REGS:
		o->dump_regs = true;
		return true;
	case OPT_STATS:
		return options_file(&o->stats, "stats", arg, err);
	case OPT_TRACE:
		return options_trace(o, arg, err);
	case OPT_CHECK_TLB:
		o->check_tlb = true;
		return true;
	case OPT_GDB:
		if (options_number(arg, 1, 65535, &o->gdb_port))
			return true;
		fprintf(err, "minidisco: --gdb: '%s' is not a TCP port "
			"(1..65535)\n", quote_value(arg, q, sizeof q));
		return false;
	case OPT_GDB_WAIT:
		o->gdb_wait = true;
		return true;
	}
	fprintf(err, "minidisco: internal error: option code %d\n", code);
	return false;
}

/* --gdb-wait needs --gdb; gdb drives the run, so no -ex or --batch. */
static bool options_gdb_check(const struct options *o, FILE *err)
{
	if (o->gdb_wait && o->gdb_port == 0)
		fprintf(err, "minidisco: --gdb-wait needs --gdb PORT\n");
	else if (o->gdb_port != 0 && (o->nex > 0 || o->batch))
		fprintf(err, "minidisco: --gdb cannot be combined with -ex or "
			"--batch (use gdb's own -ex)\n");
	else
		return true;
	return false;
}

/* Report the option getopt_long could not accept. */
static void options_bad(int c, char **argv, FILE *err)
{
	char q[80];
	const char *word = quote_value(optind > 0 ? argv[optind - 1] : "?", q,
				       sizeof q);
	if (c == ':')
		fprintf(err, "minidisco: option '%s' needs a value\n", word);
	else if (optopt != 0 && optopt < 256)
		fprintf(err, "minidisco: unknown option '-%c'\n", optopt);
	else
		fprintf(err, "minidisco: unknown or ambiguous option '%s' "
			"(see --help)\n", word);
}

/* Parse args (argv with "-ex" as "--ex") into o. */
static enum options_result options_scan(struct options *o, int argc,
					char **argv, FILE *out, FILE *err)
{
	struct option longs[OPTIONS_COUNT + 1];
	for (size_t i = 0; i < OPTIONS_COUNT; i++) {
		longs[i] = (struct option){
			.name = options_table[i].name,
			.has_arg = options_table[i].arg ? required_argument
						       : no_argument,
			.val = (int)options_table[i].code,
		};
	}
	longs[OPTIONS_COUNT] = (struct option){0};
	*o = (struct options){0};

	opterr = 0; /* messages are ours, one line each */
	optind = 0; /* GNU: restart scanning, so parsing can be repeated */
	int c;
	while ((c = getopt_long(argc, argv, ":h", longs, NULL)) != -1) {
		if (c == OPT_HELP) {
			options_help(out);
			return OPTIONS_EXIT_OK;
		}
		if (c == OPT_VERSION) {
			fprintf(out, "minidisco %s\n", OPTIONS_VERSION);
			return OPTIONS_EXIT_OK;
		}
		if (c == '?' || c == ':') {
			options_bad(c, argv, err);
			return OPTIONS_USAGE;
		}
		if (!options_apply(o, c, optarg, err))
			return OPTIONS_USAGE;
	}
	if (optind < argc) {
		char q[80];
		fprintf(err, "minidisco: unexpected argument '%s' (see --help)"
			"\n", quote_value(argv[optind], q, sizeof q));
		return OPTIONS_USAGE;
	}
	if (o->kernel == NULL) {
		fprintf(err, "minidisco: missing --kernel FILE (see --help)\n");
		return OPTIONS_USAGE;
	}
	return options_gdb_check(o, err) ? OPTIONS_RUN : OPTIONS_USAGE;
}

/* Parse argv into o; print help/version on out and errors on err. */
enum options_result options_parse(struct options *o, int argc, char **argv,
				  FILE *out, FILE *err)
{
	char ex[] = "--ex"; /* getopt permutes args, never the strings */
	char **args = calloc((size_t)argc + 1, sizeof *args);
	if (args == NULL) {
		fprintf(err, "minidisco: out of memory\n");
		return OPTIONS_USAGE;
	}
	for (int i = 0; i < argc; i++)
		args[i] = strcmp(argv[i], "-ex") == 0 && i > 0 ? ex : argv[i];
	enum options_result r = options_scan(o, argc, args, out, err);
	free(args);
	return r;
}

/* Build the machine's configuration: defaults, --machine, then options. */
int options_config(const struct options *o, struct machine_config *c,
		   FILE *err)
{
	static const char *const keys[] = {"nodes", "cpus_per_node",
					    "mem_per_node", "timing"};
	const char *vals[] = {o->nodes, o->cpus_per_node, o->mem_per_node,
			      o->timing};
	config_defaults(c);
	if (o->machine != NULL && config_load_ini(c, o->machine, err) != 0)
		return -1;
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		if (vals[i] != NULL && config_set(c, "machine", keys[i],
						  vals[i], NULL, 0, err) != 0)
			return -1;
	return config_check(c, err);
}
