/*
 * options.c - command line parsing for build/minidisco (getopt_long).
 *
 * Every option is one row of options_table; --help prints that table, so the
 * help text cannot fall out of step with what is accepted.  Options of the
 * design contract that later issues implement (--nodes, --gdb, ...) are not
 * in the table yet and are therefore rejected as unknown.
 */
#include "machine/options.h"

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
	{"mem-per-node", "MB", OPT_MEM,
	 "RAM size in MB, 1..496 (default 64)"},
	{"max-insns", "N", OPT_MAX_INSNS,
	 "stop with exit status 3 after N instructions"},
	{"stop-at", "SYMBOL|ADDR", OPT_STOP_AT,
	 "stop (exit 0) when a CPU is about to execute SYMBOL or 0xADDR"},
	{"stats", "FILE.json", OPT_STATS,
	 "write the run's statistics as JSON to FILE when it ends"},
	{"dump-regs", NULL, OPT_DUMP_REGS,
	 "print every CPU's registers on stdout when the run ends"},
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
		fprintf(err, "minidisco: --stop-at: '%s' is not a 32-bit "
			"hex address\n", arg);
		return false;
	}
	if (arg[0] == '\0') {
		fprintf(err, "minidisco: --stop-at: empty symbol name\n");
		return false;
	}
	o->stop_sym = arg;
	return true;
}

/* Apply one option with its argument; false (after a message) if bad. */
static bool options_apply(struct options *o, int code, const char *arg,
			  FILE *err)
{
	uint64_t n;
	switch (code) {
	case OPT_KERNEL:
		o->kernel = arg;
		if (arg[0] != '\0')
			return true;
		fprintf(err, "minidisco: --kernel: empty file name\n");
		return false;
	case OPT_MEM:
		if (options_number(arg, 1, OPTIONS_MEM_MAX_MB, &n)) {
			o->mem_mb = (uint32_t)n;
			return true;
		}
		fprintf(err, "minidisco: --mem-per-node: '%s' is not a size "
			"in MB from 1 to %d\n", arg, OPTIONS_MEM_MAX_MB);
		return false;
	case OPT_MAX_INSNS:
		if (options_number(arg, 1, UINT64_MAX, &o->max_insns))
			return true;
		fprintf(err, "minidisco: --max-insns: '%s' is not a positive "
			"decimal number\n", arg);
		return false;
	case OPT_STOP_AT:
		return options_stop_at(o, arg, err);
	case OPT_DUMP_REGS:
		o->dump_regs = true;
		return true;
	case OPT_STATS:
		o->stats = arg;
		if (arg[0] != '\0')
			return true;
		fprintf(err, "minidisco: --stats: empty file name\n");
		return false;
	}
	fprintf(err, "minidisco: internal error: option code %d\n", code);
	return false;
}

/* Report the option getopt_long could not accept. */
static void options_bad(int c, char **argv, FILE *err)
{
	const char *word = optind > 0 ? argv[optind - 1] : "?";
	if (c == ':')
		fprintf(err, "minidisco: option '%s' needs a value\n", word);
	else if (optopt != 0 && optopt < 256)
		fprintf(err, "minidisco: unknown option '-%c'\n", optopt);
	else
		fprintf(err, "minidisco: unknown or ambiguous option '%s' "
			"(see --help)\n", word);
}

/* Parse argv into o; print help/version on out and errors on err. */
enum options_result options_parse(struct options *o, int argc, char **argv,
				  FILE *out, FILE *err)
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
	*o = (struct options){.mem_mb = OPTIONS_MEM_DEFAULT_MB};

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
		fprintf(err, "minidisco: unexpected argument '%s' (see --help)"
			"\n", argv[optind]);
		return OPTIONS_USAGE;
	}
	if (o->kernel == NULL) {
		fprintf(err, "minidisco: missing --kernel FILE (see --help)\n");
		return OPTIONS_USAGE;
	}
	return OPTIONS_RUN;
}
