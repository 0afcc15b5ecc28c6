/*
 * gdb_run.c - the stub's session: who runs the machine when, and what
 * gdb is told when it stops.
 *
 *            no client                      client attached
 *   start ─► machine_run ──(connect)──► stopped: answer packets ◄──┐
 *   (--gdb-wait: straight to the right)     │ c, s, vCont          │
 *               ▲                           ▼                      │
 *               │                     machine_run, only the CPUs   │
 *               │                     gdb resumes (m->held: the    │
 *               │                     others) ── stop reply (T) ───┘
 *               └── D, or the client closes: points removed,
 *                   the machine runs on
 *
 * The machine stops on a breakpoint or watchpoint of any CPU, Ctrl-C
 * from gdb (or in the emulator's terminal), or the end of a step; a step
 * runs one instruction of its CPU, the others held (a CPU parked in WAIT
 * does not move).  A --stop-at breakpoint reached with no client waits
 * for one.  When the machine ends (power-off, --max-insns, every CPU
 * idle) gdb gets W with the exit status build/minidisco will return, and
 * the stub lets gdb close the connection before the program exits.
 * k (kill) ends the program at once, with status 0.
 *
 * Watchpoints: the CPU reports a hit after the access, but gdb's MIPS
 * target expects hardware that stops before it (have_nonsteppable_
 * watchpoint), so gdb steps the thread once more with its watchpoints
 * out before it looks at the value.  The stub answers that one step (the
 * next resume of that CPU alone) at once with a plain SIGTRAP, running
 * nothing, which gdb takes as the end of its step: the thread stays just
 * after the access, where gdb's report then places it.
 */
#include "machine/gdb_internal.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "machine/dbg_signal.h"

/* Listen on 127.0.0.1:port for m; NULL after a one-line error on err. */
struct gdb *gdb_create(struct machine *m, const struct sym_table *syms,
		       int port, FILE *err)
{
	struct gdb *g = calloc(1, sizeof *g);
	if (g == NULL) {
		fprintf(err, "minidisco: out of memory for the gdb stub\n");
		return NULL;
	}
	g->m = m;
	g->syms = syms;
	g->err = err;
	g->port = port;
	g->listen_fd = g->fd = -1;
	g->ccpu = -1;
	if (gdb_xml_build(g) != 0) {
		fprintf(err, "minidisco: out of memory for the gdb stub\n");
		gdb_destroy(g);
		return NULL;
	}
	if (gdb_net_listen(g, port) != 0) {
		gdb_destroy(g);
		return NULL;
	}
	m->agent = (struct machine_agent){gdb_agent_poll, gdb_agent_wait_fd,
					  g};
	return g;
}

/* Stop listening, drop any client and free the stub. */
void gdb_destroy(struct gdb *g)
{
	if (g == NULL)
		return;
	gdb_points_clear(g);
	gdb_net_drop(g);
	if (g->listen_fd >= 0)
		close(g->listen_fd);
	if (g->m->agent.ctx == g)
		g->m->agent = (struct machine_agent){0};
	free(g->xml);
	free(g);
}

/* Build the stop reply for g->stop into g->out: T, signal, reason,
   thread. */
void gdb_stop_reply(struct gdb *g)
{
	const struct gdb_stop *s = &g->stop;
	const char *what = s->what;
	gdb_reply(g, "T%02x", s->sig);
	if (what != NULL && strstr(what, "watch") != NULL)
		gdb_reply(g, "%s:%llx;", what,
			  (unsigned long long)(uint32_t)s->addr);
	else if (what != NULL && (what[0] == 's' ? g->swbreak : g->hwbreak))
		gdb_reply(g, "%s:;", what);
	gdb_reply(g, "thread:%x;", s->cpu + 1);
}

/* True if a run that returned end has ended the machine for good. */
static bool gdb_ended(const struct gdb *g, enum machine_end end)
{
	return end == MACHINE_POWER_OFF || end == MACHINE_IDLE ||
	       (end == MACHINE_LIMIT && g->max_insns != 0 &&
		machine_insns(g->m) >= g->max_insns);
}

/* Record why CPU who stopped (the run returned end) for the next reply,
   and select it, as gdb assumes. */
static void gdb_note_stop(struct gdb *g, enum machine_end end, int who)
{
	const struct cpu *c = g->m->cpus[who];
	g->stop = (struct gdb_stop){.sig = 5, .cpu = who};
	g->gcpu = who;
	if (end == MACHINE_BREAK && (g->interrupted || dbg_signal_pending())) {
		g->stop.sig = 2;
	} else if (end == MACHINE_WATCH) {
		enum cpu_watch_kind kind;
		if (cpu_watch_hit(c, &g->stop.addr, &kind))
			g->stop.what = gdb_watch_reason(g, &g->stop.addr,
							kind);
	} else if (end == MACHINE_BREAK) {
		int t = gdb_point_type_at(g, cpu_pc(c));
		g->stop.what = t == 1 ? "hwbreak" : t >= 0 ? "swbreak" : NULL;
	}
}

/* Run as g->resume says: the CPUs in it, or its step CPU alone for one
   instruction; how machine_run ended, *who the CPU that stopped. */
static enum machine_end gdb_go(struct gdb *g, int *who)
{
	struct machine *m = g->m;
	uint32_t all = (uint32_t)(((uint64_t)1 << m->ncpus) - 1);
	uint64_t limit = g->max_insns;
	int step = g->resume.step;
	m->held = all & ~g->resume.run;
	*who = __builtin_ctz(g->resume.run);
	if (step >= 0) {
		*who = step;
		m->held = all & ~(1u << step);
		uint64_t one = machine_insns(m) + 1;
		if (limit == 0 || one < limit)
			limit = one;
		if (cpu_waiting(m->cpus[step])) {
			m->held = 0;
			return MACHINE_LIMIT; /* a parked CPU does not move */
		}
	}
	g->interrupted = false;
	dbg_signal_clear();
	enum machine_end end = machine_run(m, limit, who);
	m->held = 0;
	return end;
}

/* Send W with the exit status main will return for end. */
static void gdb_send_exit(struct gdb *g, enum machine_end end)
{
	int status = end == MACHINE_POWER_OFF ? g->m->power.status
		   : end == MACHINE_LIMIT    ? 3
					     : 4;
	g->out_len = 0;
	gdb_reply(g, "W%02x", status);
	gdb_send(g, g->out, g->out_len);
}

/*
 * Run with no client until the machine ends or stops with a client
 * attached (false; g->stop says why).  A stop with nobody attached (a
 * --stop-at breakpoint) waits for a client.  True with *end when the
 * machine ended, or Ctrl-C in the terminal ended the session
 * (MACHINE_BREAK).
 */
static bool gdb_unattended(struct gdb *g, enum machine_end *end, int *who)
{
	dbg_signal_clear();
	*end = machine_run(g->m, g->max_insns, who);
	if (gdb_ended(g, *end))
		return true;
	if (dbg_signal_pending()) {
		*end = MACHINE_BREAK;
		return true;
	}
	gdb_note_stop(g, *end, *who);
	if (g->fd < 0)
		fprintf(g->err, "minidisco: cpu %d stopped at pc 0x%08x; waiting "
			"for gdb on 127.0.0.1:%d\n", *who,
			(uint32_t)cpu_pc(g->m->cpus[*who]), g->port);
	if (gdb_net_accept(g, true))
		return false;
	*end = MACHINE_BREAK;
	return true;
}

/* Answer packets until one resumes, detaches or kills (a client that
   goes away detaches). */
static enum gdb_act gdb_serve(struct gdb *g)
{
	for (;;) {
		if (gdb_recv(g) < 0)
			return GDB_ACT_DETACH;
		enum gdb_act a = gdb_handle(g);
		if (a == GDB_ACT_REPLY && !gdb_send(g, g->out, g->out_len))
			return GDB_ACT_DETACH;
		if (a == GDB_ACT_DETACH)
			gdb_send(g, "OK", 2);
		if (a != GDB_ACT_REPLY && a != GDB_ACT_DONE)
			return a;
	}
}

/* Let go of the client: its points out, the connection closed. */
static void gdb_let_go(struct gdb *g)
{
	gdb_points_clear(g);
	gdb_net_drop(g);
}

/* Whether g->resume is the step gdb takes over a watchpoint just hit
   (see the top of the file; gdb steps with a breakpoint at the next
   instruction and a continue of that CPU alone, or with s): then it is
   answered without running. */
static bool gdb_watch_step(const struct gdb *g, bool after_watch)
{
	return after_watch && g->resume.run == 1u << g->stop.cpu;
}

/* Serve an attached client until the machine ends or the session does;
   true with *end then, false when the client went away. */
static bool gdb_attached(struct gdb *g, enum machine_end *end, int *who)
{
	for (;;) {
		bool after_watch = g->stop.what && strstr(g->stop.what, "watch");
		enum gdb_act a = gdb_serve(g);
		if (a == GDB_ACT_KILL) {
			*who = g->gcpu;
			*end = MACHINE_BREAK;
			return true;
		}
		if (a == GDB_ACT_DETACH)
			return false;
		if (gdb_watch_step(g, after_watch)) {
			g->stop = (struct gdb_stop){.sig = 5, .cpu = g->stop.cpu};
		} else {
			*end = gdb_go(g, who);
			if (g->gone)
				return false;
			if (gdb_ended(g, *end)) {
				gdb_send_exit(g, *end);
				gdb_drain(g);
				return true;
			}
			gdb_note_stop(g, *end, *who);
		}
		g->out_len = 0;
		gdb_stop_reply(g);
		if (!gdb_send(g, g->out, g->out_len))
			return false;
	}
}

/* The session without the signal handling around it. */
static enum machine_end gdb_session(struct gdb *g, bool wait, int *who)
{
	enum machine_end end;
	*who = 0;
	g->stop = (struct gdb_stop){.sig = 5, .cpu = 0};
	fprintf(g->err, "minidisco: %s on 127.0.0.1:%d\n",
		wait ? "waiting for gdb" : "gdb stub listening", g->port);
	if (wait) {
		if (!gdb_net_accept(g, true))
			return MACHINE_BREAK;
	} else if (gdb_unattended(g, &end, who)) {
		return end;
	}
	for (;;) {
		if (gdb_attached(g, &end, who))
			return end;
		gdb_let_go(g);
		if (gdb_unattended(g, &end, who))
			return end;
	}
}

/* Run the machine under gdb's control until it ends; see gdb.h. */
enum machine_end gdb_session_run(struct gdb *g, const struct gdb_session *s,
				 int *who)
{
	struct sigaction old;
	g->max_insns = s->max_insns;
	dbg_signal_arm(&old);
	enum machine_end end = gdb_session(g, s->wait, who);
	dbg_signal_disarm(&old);
	dbg_signal_clear();
	gdb_let_go(g);
	return end;
}
