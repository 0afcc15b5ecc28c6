/*
 * ktest.c - the runner behind ktest.h.
 */
#include "ktest.h"

extern const struct ktest *const __ktest_start[], *const __ktest_end[];

static int ktest_failures; /* failed expectations in the running test */

/* Record a failed expectation at file:line and print why. */
void ktest_fail(const char *file, int line, const char *fmt, ...)
{
	char msg[256];
	va_list ap;
	ktest_failures++;
	va_start(ap, fmt);
	kvsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	kprintf("    %s:%d: %s\n", file, line, msg);
}

/* True if test a comes after test b in source order. */
static bool ktest_after(const struct ktest *a, const struct ktest *b)
{
	int c = strcmp(a->file, b->file);
	return c > 0 || (c == 0 && a->line > b->line);
}

/* Run test t; true if it passed. */
static bool ktest_one(const struct ktest *t)
{
	ktest_failures = 0;
	t->fn();
	kprintf("%s %s\n", ktest_failures ? "FAIL" : "PASS", t->name);
	return ktest_failures == 0;
}

/* Run every registered test in source order; 0 if all passed (and there was one), else 1. */
int ktest_run(const char *name)
{
	enum { MAX_TESTS = 256 };
	const struct ktest *list[MAX_TESTS];
	int n = 0, passed = 0;
	for (const struct ktest *const *p = __ktest_start; p < __ktest_end; p++) {
		kassert(n < MAX_TESTS);
		int i = n++;
		for (; i > 0 && ktest_after(list[i - 1], *p); i--)
			list[i] = list[i - 1];
		list[i] = *p;
	}
	for (int i = 0; i < n; i++)
		passed += ktest_one(list[i]);
	kprintf("bare %s: %d passed, %d failed\n", name, passed, n - passed);
	return passed == n && n > 0 ? 0 : 1;
}
