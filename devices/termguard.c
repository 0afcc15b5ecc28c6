/*
 * termguard.c - restore a raw terminal when a signal ends the program.
 *
 * A signal handler gets no context argument, so the terminal to restore
 * lives in file-scope state: with the debugger's Ctrl-C flag, the only
 * mutable globals of the host code, for the same reason.  The handler
 * uses only async-signal-safe calls (tcsetattr, signal, raise) and then
 * lets the signal do what it would have done, so the exit status says
 * the program was killed.
 */
#include "devices/termguard.h"

#include <signal.h>

static struct termios termguard_mode;            /* mode to put back */
static volatile sig_atomic_t termguard_fd = -1;  /* -1: nothing to do */

/* Restore the guarded terminal now (async-signal-safe, for handlers). */
void termguard_restore(void)
{
	if (termguard_fd >= 0)
		tcsetattr(termguard_fd, TCSANOW, &termguard_mode);
}

/* Restore the terminal, then die of sig as if nobody had caught it. */
static void termguard_on_signal(int sig)
{
	termguard_restore();
	signal(sig, SIG_DFL);
	raise(sig);
}

/* From now on, a terminating signal first restores fd to mode saved. */
void termguard_arm(int fd, const struct termios *saved)
{
	static const int sigs[] = {SIGTERM, SIGHUP, SIGQUIT, SIGPIPE};
	termguard_mode = *saved;
	termguard_fd = fd;
	for (unsigned k = 0; k < sizeof(sigs) / sizeof(sigs[0]); k++) {
		struct sigaction sa = {.sa_handler = termguard_on_signal};
		sigemptyset(&sa.sa_mask);
		sigaction(sigs[k], &sa, NULL);
	}
}

/* The terminal was restored normally: stop guarding it. */
void termguard_disarm(void)
{
	termguard_fd = -1;
}
