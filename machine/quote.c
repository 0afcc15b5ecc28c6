/*
 * quote.c - values from the command line or a config file may hold
 * newlines, terminal escapes or be very long; an error message quoting
 * one must still be a single readable line.
 */
#include "machine/quote.h"

#include <stdio.h>

/* Copy s into buf (len >= 8) with control bytes escaped; return buf. */
const char *quote_value(const char *s, char *buf, size_t len)
{
	size_t n = 0;
	for (; *s != '\0'; s++) {
		unsigned char ch = (unsigned char)*s;
		char esc[5];
		if (ch == '\n')
			snprintf(esc, sizeof esc, "\\n");
		else if (ch == '\t')
			snprintf(esc, sizeof esc, "\\t");
		else if (ch < 0x20 || ch == 0x7f)
			snprintf(esc, sizeof esc, "\\x%02x", ch);
		else
			esc[0] = (char)ch, esc[1] = '\0';
		size_t k = 0;
		while (esc[k] != '\0')
			k++;
		if (n + k + 4 > len) { /* room for "..." and the NUL */
			snprintf(buf + n, len - n, "...");
			return buf;
		}
		for (size_t j = 0; j < k; j++)
			buf[n++] = esc[j];
	}
	buf[n] = '\0';
	return buf;
}
