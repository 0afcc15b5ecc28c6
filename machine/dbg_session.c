/*
 * dbg_session.c - how build/minidisco runs the machine with the console,
 * following gdb's -ex and --batch:
 *
 *   no -ex   run as before; a breakpoint (--stop-at) or Ctrl-C enters the
 *            console, unless --batch (then the run just ends there);
 *   -ex CMD  the commands run in order on the freshly reset machine (the
 *            machine runs only when one of them says continue or step);
 *            then the console, unless --batch or the machine has ended.
 *
 * The plain run prints nothing of its own, so output stays what the guest
 * wrote; main reports how the run ended, as without the console.
 */
#include "machine/dbg_internal.h"

/* Run the machine the way main's options ask; see dbg.h. */
enum machine_end dbg_session_run(struct dbg *d, const struct dbg_session *s,
				 int *who)
{
	int r = DBG_OK;
	uint32_t v;
	d->max_insns = s->max_insns;
	d->batch = s->batch;
	if (s->stop && s->stop_sym == NULL)
		dbg_break_adopt(d, (uint32_t)s->stop_addr);
	else if (s->stop && sym_find(d->syms, s->stop_sym, &v))
		dbg_break_adopt(d, v);
	if (s->nex == 0) {
		r = dbg_go(d, d->max_insns, DBG_QUIET_END | DBG_QUIET_STOP);
		if (r == DBG_OK && !s->batch)
			dbg_say_where(d);
	}
	for (int i = 0; i < s->nex && r != DBG_QUIT; i++)
		r = dbg_exec(d, s->ex[i]);
	fflush(d->out);
	if (!d->ended && r != DBG_QUIT && !s->batch)
		dbg_repl(d);
	if (d->ended) {
		*who = d->who;
		return d->end;
	}
	*who = d->cpu;
	return MACHINE_BREAK; /* still stopped: main exits with 0 */
}
