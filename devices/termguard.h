/*
 * termguard.h - put a terminal back the way it was if a signal (SIGTERM,
 * SIGHUP, SIGQUIT, SIGPIPE) ends the program while a device has it in raw mode.
 */
#ifndef DEVICES_TERMGUARD_H
#define DEVICES_TERMGUARD_H

#include <termios.h>

/* From now on, a terminating signal first restores fd to mode saved. */
void termguard_arm(int fd, const struct termios *saved);
/* Restore the guarded terminal now (async-signal-safe, for handlers). */
void termguard_restore(void);
/* The terminal was restored normally: stop guarding it. */
void termguard_disarm(void);

#endif
