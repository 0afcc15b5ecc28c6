/*
 * string.c - the string and character functions that klib/string.c
 * (linked into libu.a as well) does not have.
 */
#include "ulib.h"

/* Return the last occurrence of c in s, or 0. */
char *strrchr(const char *s, int c)
{
	const char *last = 0;
	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (!*s)
			return (char *)last;
	}
}

/* Append src to the string dst; return dst. */
char *strcat(char *dst, const char *src)
{
	strcpy(dst + strlen(dst), src);
	return dst;
}

/* Return the first occurrence of needle in hay, or 0. */
char *strstr(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (; *hay; hay++)
		if (strncmp(hay, needle, n) == 0)
			return (char *)hay;
	return n == 0 ? (char *)hay : 0;
}

/* Return a malloc'ed copy of s, or 0 when memory runs out. */
char *strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = malloc(n);
	if (d)
		memcpy(d, s, n);
	return d;
}

/* True if c is a decimal digit. */
int isdigit(int c)
{
	return c >= '0' && c <= '9';
}

/* True if c is a space, tab, newline, carriage return, vtab or form feed. */
int isspace(int c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Convert a decimal number with optional leading blanks and sign. */
int atoi(const char *s)
{
	int neg = 0, v = 0;
	while (isspace(*s))
		s++;
	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	while (isdigit(*s))
		v = v * 10 + (*s++ - '0');
	return neg ? -v : v;
}
