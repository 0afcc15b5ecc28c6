/*
 * trace_internal.h - the tracer's state, shared by machine/trace*.c only.
 *
 *   trace.c         categories, files, switching on and off, `trace` show
 *   trace_events.c  formatting one line per event
 *   trace_tlb.c     TLB entries decoded, the --check-tlb report
 */
#ifndef MACHINE_TRACE_INTERNAL_H
#define MACHINE_TRACE_INTERNAL_H

#include <capstone/capstone.h>

#include "machine/machine.h"
#include "machine/trace.h"

/* A file opened for --trace ...:FILE, shared by every category sent there. */
struct trace_file {
	char *path;
	FILE *f;
};

/* The tracer of one machine. */
struct trace {
	struct machine *m;
	FILE *err;                        /* for the one-time mem warning */
	unsigned mask;                    /* categories that are on */
	FILE *out[TRACE_NCATS];           /* where category bit i writes */
	const char *where[TRACE_NCATS];   /* its name: "stderr" or a path */
	struct trace_file files[TRACE_NCATS];
	int nfiles;
	bool mem_warned;                  /* said mem sees nothing (fast) */
	csh cs;                           /* capstone, for insn */
	cs_insn *insn;                    /* capstone's scratch instruction */
	bool cs_ok;
};

#endif
