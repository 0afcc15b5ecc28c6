/*
 * gdb.h - the gdb remote stub: `--gdb PORT` serves the GDB Remote Serial
 * Protocol on 127.0.0.1:PORT to one client at a time (docs/debugging.md).
 *
 * Every emulated CPU is a gdb thread (thread id = CPU number + 1).  The
 * stub reads and writes the machine through cpu/cpu.h's inspection
 * functions and the machine's RAM, and runs it only through machine_run
 * (with m->held naming the CPUs gdb keeps still).  main wires it in
 * instead of the debugger console:
 *
 *   struct gdb *g = gdb_create(m, syms, port, stderr);    (listens)
 *   end = gdb_session_run(g, &session, &who);             (runs, serves)
 *   gdb_destroy(g);
 *
 * The session runs the machine freely while no client is attached; a
 * client that connects stops it (as would --gdb-wait at reset, or a
 * --stop-at breakpoint, which then waits for a client).  It returns how
 * the machine ended (power-off, --max-insns, idle: gdb was told with a
 * W packet) or MACHINE_BREAK (*who = a CPU) when gdb killed it or Ctrl-C
 * in the emulator's terminal ended a run no client was watching.
 */
#ifndef MACHINE_GDB_H
#define MACHINE_GDB_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "machine/machine.h"
#include "machine/symbols.h"

struct gdb;

/* How main wants the session run (--gdb-wait, --max-insns). */
struct gdb_session {
	bool wait;          /* stay halted at reset until a client attaches */
	uint64_t max_insns; /* limit on all CPUs, 0 = none */
};

/* Listen on 127.0.0.1:port for m; NULL after a one-line error on err. */
struct gdb *gdb_create(struct machine *m, const struct sym_table *syms,
		       int port, FILE *err);
/* Stop listening, drop any client and free the stub. */
void gdb_destroy(struct gdb *g);
/* Run the machine under gdb's control until it ends; see above. */
enum machine_end gdb_session_run(struct gdb *g, const struct gdb_session *s,
				 int *who);

#endif
