/*
 * dbg_signal.h - Ctrl-C while the machine runs: stop it and enter the
 * debugger console.
 *
 * The console arms a SIGINT handler around each machine_run; the handler
 * only sets a flag, which machine_run polls between quanta:
 *
 *   if (dbg_signal_pending())
 *           return MACHINE_BREAK;   (the console sees the flag and says
 *                                    "interrupted")
 *
 * A second Ctrl-C before the first one is noticed ends the program as an
 * unhandled SIGINT would, so a machine that never polls can still be
 * stopped.
 */
#ifndef MACHINE_DBG_SIGNAL_H
#define MACHINE_DBG_SIGNAL_H

#include <signal.h>
#include <stdbool.h>

/* True if Ctrl-C was pressed since the flag was last cleared. */
bool dbg_signal_pending(void);
/* Forget a pending Ctrl-C. */
void dbg_signal_clear(void);
/* Install the run-time SIGINT handler; the previous action goes to *old. */
void dbg_signal_arm(struct sigaction *old);
/* Install the console-prompt handler (no restart: readline sees EINTR). */
void dbg_signal_arm_prompt(struct sigaction *old);
/* Put back the SIGINT action saved by an arm call. */
void dbg_signal_disarm(const struct sigaction *old);

#endif
