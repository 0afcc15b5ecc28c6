/*
 * stats.h - the --stats FILE.json report (DESIGN.md section 2): the
 * machine's configuration, then per-CPU and per-node counters.
 */
#ifndef MACHINE_STATS_H
#define MACHINE_STATS_H

#include <stdio.h>

#include "machine/machine.h"

/* Open path for writing the report; NULL after a one-line error on err. */
FILE *stats_open(const char *path, FILE *err);
/* Write m's statistics as JSON to out (the caller closes it); 0 or -1. */
int stats_write(const struct machine *m, FILE *out, const char *path,
		FILE *err);

#endif
