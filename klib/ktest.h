/*
 * ktest.h - a small test harness for bare-metal programs.
 *
 *     #include "ktest.h"
 *     TEST(adds) { KEXPECT_EQ(1 + 1, 2); }
 *     KTEST_MAIN("arith")
 *
 * TEST puts a pointer to a struct ktest in the .ktest section (klib.ld
 * collects them between __ktest_start and __ktest_end).  ktest_run runs
 * them in source order on CPU 0, prints "PASS name" or "FAIL name" per
 * test with a "file:line: ..." line per failed expectation, and ends with
 * "bare NAME: N passed, M failed".  The program then powers off with 0
 * only if every test passed (1 otherwise).
 */
#ifndef KLIB_KTEST_H
#define KLIB_KTEST_H

#include "klib.h"

/* One registered test. */
struct ktest {
	const char *name;
	const char *file;
	int line;
	void (*fn)(void);
};

/* Define and register the test called name. */
#define TEST(name)							\
	static void ktest_fn_##name(void);				\
	static const struct ktest ktest_rec_##name =			\
		{ #name, __FILE__, __LINE__, ktest_fn_##name };		\
	static const struct ktest *const ktest_ptr_##name		\
		__attribute__((used, section(".ktest"))) = &ktest_rec_##name; \
	static void ktest_fn_##name(void)

/* Record a failed expectation at file:line. */
void ktest_fail(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Run every registered test; print the summary; 0 if all passed, else 1. */
int ktest_run(const char *name);

/* Expect a == b, compared as 64-bit integers. */
#define KEXPECT_EQ(a, b) do {						\
	uint64_t ka_ = (uint64_t)(a), kb_ = (uint64_t)(b);		\
	if (ka_ != kb_)							\
		ktest_fail(__FILE__, __LINE__,				\
			   "%s == %s: 0x%llx (%lld) != 0x%llx (%lld)",	\
			   #a, #b, ka_, (long long)ka_, kb_, (long long)kb_); \
} while (0)

/* Expect a != b, compared as 64-bit integers. */
#define KEXPECT_NE(a, b) do {						\
	uint64_t ka_ = (uint64_t)(a), kb_ = (uint64_t)(b);		\
	if (ka_ == kb_)							\
		ktest_fail(__FILE__, __LINE__, "%s != %s: both 0x%llx",	\
			   #a, #b, ka_);				\
} while (0)

/* Expect cond to be true. */
#define KEXPECT_TRUE(cond) do {						\
	if (!(cond))							\
		ktest_fail(__FILE__, __LINE__, "%s is false", #cond);	\
} while (0)

/* Expect two strings to be equal. */
#define KEXPECT_STREQ(a, b) do {					\
	const char *ka_ = (a), *kb_ = (b);				\
	if (strcmp(ka_, kb_) != 0)					\
		ktest_fail(__FILE__, __LINE__, "%s == %s: \"%s\" != \"%s\"", \
			   #a, #b, ka_, kb_);				\
} while (0)

/* A main that runs the tests on CPU 0 and lets the other CPUs park. */
#define KTEST_MAIN(name)						\
	int main(int cpu, int ncpus, uint32_t bootinfo)			\
	{								\
		(void)ncpus, (void)bootinfo;				\
		return cpu == 0 ? ktest_run(name) : 0;			\
	}

#endif
