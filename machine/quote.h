/*
 * quote.h - make a user-supplied value safe to show inside a one-line
 * error message.
 */
#ifndef MACHINE_QUOTE_H
#define MACHINE_QUOTE_H

#include <stddef.h>

/* Copy s into buf (len >= 8) with control bytes escaped; return buf. */
const char *quote_value(const char *s, char *buf, size_t len);

#endif
