/*
 * dbg.h - the debugger console: gdb-like commands over a stopped machine.
 *
 * The console inspects the machine through cpu/cpu.h's read-only functions
 * and the machine's RAM and PROM buffers; inspection never changes CPU or
 * TLB state.  It runs the machine only through machine_run.  Device space
 * (0x1F000000 up to the PROM) is never read: a device read can have side
 * effects.  docs/debugger.md describes every command.
 *
 * main wires it in like this (see dbg_session_run):
 *
 *   struct dbg *d = dbg_create(m, syms, stdout, stderr);
 *   end = dbg_session_run(d, &session, &who);   (instead of machine_run)
 *   dbg_destroy(d);
 *
 * and machine_run polls dbg_signal_pending() (machine/dbg_signal.h).
 */
#ifndef MACHINE_DBG_H
#define MACHINE_DBG_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "machine/machine.h"
#include "machine/symbols.h"

struct dbg;

/* What a command (or a whole console) ended with. */
enum dbg_result {
	DBG_OK,    /* the command ran; the machine is stopped */
	DBG_ERROR, /* bad command or argument: a one-line message on err */
	DBG_QUIT,  /* quit, or end of input at the console */
	DBG_ENDED, /* the machine powered off, ran out of --max-insns or went
		      idle during continue or step */
};

/* How main wants the machine run: -ex, --batch, --max-insns, --stop-at. */
struct dbg_session {
	const char *const *ex; /* -ex commands, run in order after reset */
	int nex;
	bool batch;         /* --batch: never enter the console, keep Ctrl-C */
	uint64_t max_insns; /* --max-insns: limit on all CPUs, 0 = none */
	/* --stop-at, which main has set on the CPUs (the console lists it as
	 * breakpoint 1): its symbol, or NULL for the address stop_addr. */
	bool stop;
	const char *stop_sym;
	uint64_t stop_addr;
};

/* Make a console over m (symbols may be empty); NULL after a message. */
struct dbg *dbg_create(struct machine *m, const struct sym_table *syms,
		       FILE *out, FILE *err);
/* Free the console (breakpoints it set stay in the CPUs). */
void dbg_destroy(struct dbg *d);
/* Run one command line; returns an enum dbg_result. */
int dbg_exec(struct dbg *d, const char *line);
/* Read and run commands (readline on a terminal) until quit, EOF or the
   machine ends; returns DBG_QUIT or DBG_ENDED. */
int dbg_repl(struct dbg *d);

/*
 * Run the machine the way main's options ask and return how the run ended,
 * for main's exit status: MACHINE_POWER_OFF, MACHINE_LIMIT or MACHINE_IDLE
 * when the machine ended, MACHINE_BREAK (*who = the selected CPU) when the
 * user quit, or --batch finished, with the machine still stopped.
 *   no -ex:  run; a breakpoint (--stop-at) or Ctrl-C enters the console
 *            unless --batch;
 *   -ex:     run the commands in order on the reset machine, then enter the
 *            console unless --batch or the machine ended.
 * Ctrl-C stops a running machine (unless --batch) through dbg_signal.h.
 */
enum machine_end dbg_session_run(struct dbg *d, const struct dbg_session *s,
				 int *who);

#endif
