/*
 * dbg.c - the debugger console: its command table, splitting a line into
 * words, finding the command (full name, alias or unique prefix, as gdb
 * does), help, and the `info` subcommands.
 */
#include "machine/dbg_internal.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "machine/trace.h"

/* One console command: names, argument synopsis, help line, handler. */
struct dbg_command {
	const char *name;
	const char *alias; /* NULL: none */
	const char *args;
	const char *help;
	dbg_cmd_fn fn;
};

static int dbg_cmd_info(struct dbg *d, int argc, char **argv);
static int dbg_cmd_help(struct dbg *d, int argc, char **argv);
static int dbg_cmd_quit(struct dbg *d, int argc, char **argv);
static int dbg_cmd_trace(struct dbg *d, int argc, char **argv);

static const struct dbg_command dbg_commands[] = {
	{"continue", "c", "", "run until a breakpoint, Ctrl-C or the end",
	 dbg_cmd_continue},
	{"step", "s", "[N]", "run N instructions of the machine (default 1)",
	 dbg_cmd_step},
	{"break", "b", "ADDR", "stop every CPU before it executes ADDR",
	 dbg_cmd_break},
	{"delete", "d", "[N|ADDR]", "delete breakpoint N, the one at ADDR, "
	 "or all", dbg_cmd_delete},
	{"info", "i", "WHAT", "breakpoints | symbol ADDR | cpus | registers | "
	 "all-registers", dbg_cmd_info},
	{"regs", "r", "", "general registers, hi, lo and pc", dbg_cmd_regs},
	{"cp0", NULL, "", "every CP0 register; Status and Cause decoded",
	 dbg_cmd_cp0},
	{"fpu", NULL, "", "f0..f31 and fcsr", dbg_cmd_fpu},
	{"tlb", NULL, "", "the TLB entries decoded (W marks wired ones)",
	 dbg_cmd_tlb},
	{"x", NULL, "/NFU ADDR", "examine N units of memory: format F = x d "
	 "u c s i, unit U = b h w g", dbg_cmd_x},
	{"disas", NULL, "[ADDR [N]]", "disassemble N instructions (10 at pc)",
	 dbg_cmd_disas},
	{"sym", NULL, "ADDR", "the symbol holding ADDR", dbg_cmd_sym},
	{"cpu", NULL, "[N]", "select CPU N, or show the selected one",
	 dbg_cmd_cpu},
	{"stats", NULL, "", "instructions, cycles, exceptions, refills per CPU",
	 dbg_cmd_stats},
	{"where", NULL, "VA [load|store|fetch]", "walk VA through segment, "
	 "TLB, physical address and node", dbg_cmd_where},
	{"trace", NULL, "[CATS on|off]", "switch --trace categories (insn,exc,"
	 "tlb,irq,mem,dev,all); alone: show them", dbg_cmd_trace},
	{"help", "h", "", "this list", dbg_cmd_help},
	{"quit", "q", "", "leave the console", dbg_cmd_quit},
};

#define DBG_NCOMMANDS (sizeof dbg_commands / sizeof dbg_commands[0])

/* The `info` subcommands, found the same way as commands. */
static const struct dbg_command dbg_infos[] = {
	{"breakpoints", "b", "", "", dbg_cmd_info_breaks},
	{"symbol", NULL, "ADDR", "", dbg_cmd_sym},
	{"cpus", NULL, "", "", dbg_cmd_info_cpus},
	{"registers", "r", "", "", dbg_cmd_regs},
	{"all-registers", NULL, "", "", dbg_cmd_dump},
};

#define DBG_NINFOS (sizeof dbg_infos / sizeof dbg_infos[0])

/* Make a console over m (symbols may be empty); NULL after a message. */
struct dbg *dbg_create(struct machine *m, const struct sym_table *syms,
		       FILE *out, FILE *err)
{
	struct dbg *d = calloc(1, sizeof *d);
	if (d == NULL) {
		fprintf(err, "minidisco: out of memory for the console\n");
		return NULL;
	}
	d->m = m;
	d->syms = syms;
	d->out = out;
	d->err = err;
	d->next_break = 1;
	dbg_disas_open(d);
	return d;
}

/* Free the console (breakpoints it set stay in the CPUs). */
void dbg_destroy(struct dbg *d)
{
	if (d == NULL)
		return;
	dbg_disas_close(d);
	free(d);
}

/* Print a one-line error on err and return DBG_ERROR. */
int dbg_error(struct dbg *d, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfprintf(d->err, fmt, ap);
	va_end(ap);
	fputc('\n', d->err);
	fflush(d->err);
	return DBG_ERROR;
}

/* The selected CPU. */
struct cpu *dbg_cpu(const struct dbg *d)
{
	return d->m->cpus[d->cpu];
}

/* Name of command i, or NULL past the end (for completion). */
const char *dbg_command_name(int i)
{
	return i >= 0 && (size_t)i < DBG_NCOMMANDS ? dbg_commands[i].name
						   : NULL;
}

/* Find word (up to len characters) in table t of n rows; NULL (after a
   message, if d is not NULL) if it matches none or several. */
static const struct dbg_command *dbg_lookup(struct dbg *d,
					    const struct dbg_command *t,
					    size_t n, const char *word,
					    size_t len, const char *what)
{
	const struct dbg_command *found = NULL;
	int matches = 0;
	for (size_t i = 0; i < n; i++) {
		const char *name = t[i].name, *alias = t[i].alias;
		if ((strlen(name) == len && strncmp(name, word, len) == 0) ||
		    (alias && strlen(alias) == len &&
		     strncmp(alias, word, len) == 0))
			return &t[i];
		if (strncmp(name, word, len) == 0) {
			found = &t[i];
			matches++;
		}
	}
	if (matches == 1)
		return found;
	if (d != NULL)
		dbg_error(d, "%s %s '%.*s' (try help)",
		  matches ? "ambiguous" : "unknown", what, (int)len, word);
	return NULL;
}

/* Split line into at most DBG_MAX_ARGS words in buf; -1 if too many. */
static int dbg_split(const char *line, char *buf, size_t size, char **argv)
{
	int argc = 0;
	snprintf(buf, size, "%s", line);
	for (char *p = buf; *p;) {
		while (isspace((unsigned char)*p))
			*p++ = '\0';
		if (*p == '\0')
			break;
		if (argc == DBG_MAX_ARGS)
			return -1;
		argv[argc++] = p;
		while (*p && !isspace((unsigned char)*p))
			p++;
	}
	return argc;
}

/* Run one command line; returns an enum dbg_result. */
int dbg_exec(struct dbg *d, const char *line)
{
	char buf[DBG_LINE_MAX], *argv[DBG_MAX_ARGS];
	if (strlen(line) >= sizeof buf)
		return dbg_error(d, "command line too long (max %d characters)",
				 DBG_LINE_MAX - 1);
	int argc = dbg_split(line, buf, sizeof buf, argv);
	if (argc < 0)
		return dbg_error(d, "too many words (max %d)", DBG_MAX_ARGS);
	if (argc == 0 || argv[0][0] == '#')
		return DBG_OK; /* empty line or comment */
	size_t len = strcspn(argv[0], "/");
	const struct dbg_command *c =
		dbg_lookup(d, dbg_commands, DBG_NCOMMANDS, argv[0], len,
			   "command");
	if (c == NULL)
		return DBG_ERROR;
	if (argv[0][len] == '/' && c->fn != dbg_cmd_x)
		return dbg_error(d, "%s takes no /FORMAT", c->name);
	int r = c->fn(d, argc, argv);
	fflush(d->out);
	return r;
}

/* The handler of line's first word, or NULL (quietly) if none. */
static dbg_cmd_fn dbg_command_of(const char *line)
{
	char buf[DBG_LINE_MAX], *argv[DBG_MAX_ARGS];
	if (strlen(line) >= sizeof buf ||
	    dbg_split(line, buf, sizeof buf, argv) < 1)
		return NULL;
	const struct dbg_command *c =
		dbg_lookup(NULL, dbg_commands, DBG_NCOMMANDS, argv[0],
			   strcspn(argv[0], "/"), "command");
	return c ? c->fn : NULL;
}

/* True if line's command is step or continue, which an empty line repeats. */
bool dbg_repeatable(const char *line)
{
	dbg_cmd_fn fn = dbg_command_of(line);
	return fn == dbg_cmd_step || fn == dbg_cmd_continue;
}

/* True if line's command is info (for completing its subcommands). */
bool dbg_is_info(const char *line)
{
	return dbg_command_of(line) == dbg_cmd_info;
}

/* Name of info subcommand i, or NULL past the end (for completion). */
const char *dbg_info_name(int i)
{
	return i >= 0 && (size_t)i < DBG_NINFOS ? dbg_infos[i].name : NULL;
}

/* info WHAT: run the subcommand WHAT with the remaining words. */
static int dbg_cmd_info(struct dbg *d, int argc, char **argv)
{
	if (argc < 2)
		return dbg_error(d, "info what? (breakpoints, symbol ADDR, "
				 "cpus, registers, all-registers)");
	const struct dbg_command *c = dbg_lookup(
		d, dbg_infos, DBG_NINFOS, argv[1], strlen(argv[1]),
		"info subcommand");
	return c ? c->fn(d, argc - 1, argv + 1) : DBG_ERROR;
}

/* help: one line per command. */
static int dbg_cmd_help(struct dbg *d, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	for (size_t i = 0; i < DBG_NCOMMANDS; i++) {
		const struct dbg_command *c = &dbg_commands[i];
		char left[64];
		if (c->alias)
			snprintf(left, sizeof left, "%s (%s)", c->name,
				 c->alias);
		else
			snprintf(left, sizeof left, "%s", c->name);
		const char *args = c->args;
		if (args[0] == '/') { /* x/NFU: the format sticks to the name */
			size_t n = strcspn(args, " ");
			snprintf(left, sizeof left, "%s%.*s", c->name, (int)n,
				 args);
			args += n + (args[n] == ' ');
		}
		fprintf(d->out, "  %-14s %-22s %s\n", left, args, c->help);
	}
	fprintf(d->out, "ADDR: 0xHEX, DECIMAL, SYMBOL or $REG, with +/- "
		"terms: _start+0x10, $sp-8\n");
	return DBG_OK;
}

/* quit: leave the console. */
static int dbg_cmd_quit(struct dbg *d, int argc, char **argv)
{
	(void)d;
	(void)argc;
	(void)argv;
	return DBG_QUIT;
}

/* trace [CATS on|off]: switch trace categories, or show them all. */
static int dbg_cmd_trace(struct dbg *d, int argc, char **argv)
{
	struct trace *t = d->m->trace;
	unsigned mask;
	char why[160];
	if (argc == 1) {
		trace_show(t, d->out);
		return DBG_OK;
	}
	bool on = argc == 3 && strcmp(argv[2], "on") == 0;
	if (argc != 3 || (!on && strcmp(argv[2], "off") != 0))
		return dbg_error(d, "usage: trace [CATS on|off]");
	if (!trace_parse_cats(argv[1], &mask, why, sizeof why))
		return dbg_error(d, "trace: %s", why);
	trace_set(t, on ? trace_get(t) | mask : trace_get(t) & ~mask);
	return DBG_OK;
}
