/*
 * options.h - the command line of build/minidisco.
 *
 * options_parse turns argv into a struct options and says whether to run,
 * to exit successfully (--help, --version) or to exit with a usage error.
 * A --stop-at symbol needs the kernel's symbol table, so it is kept as text
 * and resolved by main once the image is loaded.
 */
#ifndef MACHINE_OPTIONS_H
#define MACHINE_OPTIONS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "machine/config.h"

#define OPTIONS_VERSION "0.2"
#define OPTIONS_MAX_MODULES 16
#define OPTIONS_MAX_DISKS 8
#define OPTIONS_MAX_APPEND 4095 /* bytes of --append text */
#define OPTIONS_MAX_EX 64       /* -ex commands */
#define OPTIONS_MAX_TRACE 16    /* --trace specs */

/* What the command line asked for. */
struct options {
	const char *kernel;     /* --kernel FILE (required) */
	const char *machine;    /* --machine FILE.ini, or NULL */
	/* Shape options as text (checked; applied over --machine by
	 * options_apply_config), NULL when not given. */
	const char *nodes, *cpus_per_node, *mem_per_node, *timing;
	const char *modules[OPTIONS_MAX_MODULES]; /* --module FILE ... */
	int nmodules;
	const char *disks[OPTIONS_MAX_DISKS];     /* --disk FILE ... */
	int ndisks;
	const char *append;     /* --append "ARGS", or NULL */
	const char *ex[OPTIONS_MAX_EX]; /* -ex CMD ..., for the debugger */
	int nex;
	bool batch;             /* --batch: never enter the debugger console */
	uint64_t max_insns;     /* --max-insns N; 0 = no limit */
	bool stop;              /* --stop-at given */
	const char *stop_sym;   /* --stop-at SYMBOL, or NULL for an address */
	uint64_t stop_addr;     /* --stop-at 0xADDR, sign-extended from 32 bits */
	bool dump_regs;         /* --dump-regs */
	const char *stats;      /* --stats FILE.json, or NULL */
	const char *trace[OPTIONS_MAX_TRACE]; /* --trace CATS[:FILE] ... */
	int ntrace;
	bool check_tlb;         /* --check-tlb */
	uint64_t gdb_port;      /* --gdb PORT; 0 = no gdb stub */
	bool gdb_wait;          /* --gdb-wait: halted until gdb attaches */
};

/* What main should do after parsing. */
enum options_result {
	OPTIONS_RUN,     /* options are complete: boot the machine */
	OPTIONS_EXIT_OK, /* --help or --version was printed */
	OPTIONS_USAGE,   /* a one-line error was printed on err */
};

/* Parse argv into o; print help/version on out and errors on err. */
enum options_result options_parse(struct options *o, int argc, char **argv,
				  FILE *out, FILE *err);
/* Build the machine's configuration: defaults, --machine, then options. */
int options_config(const struct options *o, struct machine_config *c,
		   FILE *err);

#endif
