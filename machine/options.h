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

#define OPTIONS_VERSION "0.1"
#define OPTIONS_MEM_DEFAULT_MB 64
#define OPTIONS_MEM_MAX_MB 496 /* RAM must end below device space 0x1F000000 */

/* What the command line asked for. */
struct options {
	const char *kernel;     /* --kernel FILE (required) */
	uint32_t mem_mb;        /* --mem-per-node MB */
	uint64_t max_insns;     /* --max-insns N; 0 = no limit */
	bool stop;              /* --stop-at given */
	const char *stop_sym;   /* --stop-at SYMBOL, or NULL for an address */
	uint64_t stop_addr;     /* --stop-at 0xADDR, sign-extended from 32 bits */
	bool dump_regs;         /* --dump-regs */
	const char *stats;      /* --stats FILE.json, or NULL */
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

#endif
