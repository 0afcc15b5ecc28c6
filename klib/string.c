/*
 * string.c - the <string.h> functions klib programs use.  gcc may call
 * memset, memcpy, memmove and memcmp on its own (struct copies and
 * initialisers), so these keep their standard names.  rules.mk compiles
 * klib with -fno-tree-loop-distribute-patterns, so that gcc does not turn
 * these loops back into calls to themselves.
 */
#include "klib.h"

/* True if every pointer and the length are multiples of 4. */
static bool aligned4(const void *a, const void *b, size_t n)
{
	return (((uintptr_t)a | (uintptr_t)b | n) & 3) == 0;
}

/* Fill n bytes at dst with the byte c; return dst. */
void *memset(void *dst, int c, size_t n)
{
	uint8_t *d = dst;
	if (aligned4(dst, 0, n)) {
		uint32_t w = (uint8_t)c * 0x01010101u;
		for (uint32_t *p = dst; n; n -= 4)
			*p++ = w;
		return dst;
	}
	while (n--)
		*d++ = (uint8_t)c;
	return dst;
}

/* Copy n bytes from src to dst, which must not overlap; return dst. */
void *memcpy(void *dst, const void *src, size_t n)
{
	if (aligned4(dst, src, n)) {
		uint32_t *d = dst;
		const uint32_t *s = src;
		for (; n; n -= 4)
			*d++ = *s++;
		return dst;
	}
	uint8_t *d = dst;
	const uint8_t *s = src;
	while (n--)
		*d++ = *s++;
	return dst;
}

/* Copy n bytes from src to dst, which may overlap; return dst. */
void *memmove(void *dst, const void *src, size_t n)
{
	uint8_t *d = dst;
	const uint8_t *s = src;
	if (d <= s || d >= s + n)
		return memcpy(dst, src, n);
	while (n--)
		d[n] = s[n];
	return dst;
}

/* Compare n bytes as unsigned chars: <0, 0 or >0. */
int memcmp(const void *a, const void *b, size_t n)
{
	const uint8_t *x = a, *y = b;
	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

/* The length of the string s. */
size_t strlen(const char *s)
{
	size_t n = 0;
	while (s[n])
		n++;
	return n;
}

/* Compare two strings as unsigned chars: <0, 0 or >0. */
int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return (uint8_t)*a - (uint8_t)*b;
}

/* Compare at most n characters of two strings. */
int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++)
		if (*a != *b || !*a)
			return (uint8_t)*a - (uint8_t)*b;
	return 0;
}

/* Copy the string src, with its NUL, to dst; return dst. */
char *strcpy(char *dst, const char *src)
{
	char *d = dst;
	while ((*d++ = *src++))
		;
	return dst;
}

/* Copy at most n characters of src to dst and pad with NULs to n; return dst. */
char *strncpy(char *dst, const char *src, size_t n)
{
	size_t i = 0;
	for (; i < n && src[i]; i++)
		dst[i] = src[i];
	for (; i < n; i++)
		dst[i] = '\0';
	return dst;
}

/* The first c in s (the terminating NUL counts), or NULL. */
char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return 0;
	}
}
