/*
 * dbg_signal.c - the Ctrl-C flag shared by the SIGINT handler, machine_run
 * and the debugger console.
 */
#include "machine/dbg_signal.h"

#include <string.h>

#include "devices/termguard.h"

/*
 * A mutable global (like devices/termguard.c's): a signal handler has no
 * other way to reach the program's state.  1 = Ctrl-C pressed, not yet
 * seen.
 */
static volatile sig_atomic_t dbg_sigint;

/* While the machine runs: set the flag; a second Ctrl-C kills as usual. */
static void dbg_signal_on_run(int sig)
{
	if (dbg_sigint) {
		termguard_restore(); /* a raw console terminal goes back */
		signal(sig, SIG_DFL);
		raise(sig);
		return;
	}
	dbg_sigint = 1;
}

/* At the console prompt: set the flag (the prompt abandons its line). */
static void dbg_signal_on_prompt(int sig)
{
	(void)sig;
	dbg_sigint = 1;
}

/* True if Ctrl-C was pressed since the flag was last cleared. */
bool dbg_signal_pending(void)
{
	return dbg_sigint != 0;
}

/* Forget a pending Ctrl-C. */
void dbg_signal_clear(void)
{
	dbg_sigint = 0;
}

/* Install handler h for SIGINT with flags; the old action goes to *old. */
static void dbg_signal_install(void (*h)(int), int flags,
			       struct sigaction *old)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = h;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, old);
}

/* Install the run-time SIGINT handler; the previous action goes to *old. */
void dbg_signal_arm(struct sigaction *old)
{
	dbg_signal_clear();
	dbg_signal_install(dbg_signal_on_run, SA_RESTART, old);
}

/* Install the console-prompt handler (no restart: readline sees EINTR). */
void dbg_signal_arm_prompt(struct sigaction *old)
{
	dbg_signal_clear();
	dbg_signal_install(dbg_signal_on_prompt, 0, old);
}

/* Put back the SIGINT action saved by an arm call. */
void dbg_signal_disarm(const struct sigaction *old)
{
	sigaction(SIGINT, old, NULL);
}
