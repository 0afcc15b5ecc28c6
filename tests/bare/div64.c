/*
 * div64.c - klib's 64-bit division helpers (__udivdi3 and friends), which
 * gcc calls for '/' and '%' on 64-bit operands.
 */
#include "ktest.h"

/* Defeat constant folding, so that the division runs on the machine. */
static uint64_t opaque(uint64_t v)
{
	__asm__ volatile("" : "+r"(v));
	return v;
}

TEST(unsigned_quotients)
{
	KEXPECT_EQ(opaque(100) / opaque(7), 14);
	KEXPECT_EQ(opaque(100) % opaque(7), 2);
	KEXPECT_EQ(opaque(0xffffffffffffffffULL) / opaque(10),
		   1844674407370955161ULL);
	KEXPECT_EQ(opaque(0xffffffffffffffffULL) % opaque(10), 5);
	KEXPECT_EQ(opaque(0x123456789abcdef0ULL) / opaque(0x100000000ULL),
		   0x12345678);
	KEXPECT_EQ(opaque(0x123456789abcdef0ULL) % opaque(0x100000000ULL),
		   0x9abcdef0);
	KEXPECT_EQ(opaque(5) / opaque(0x100000000ULL), 0);
	KEXPECT_EQ(opaque(0x8000000000000000ULL) / opaque(0x8000000000000000ULL), 1);
	KEXPECT_EQ(opaque(1000000000000ULL) / opaque(1000000), 1000000);
}

TEST(signed_quotients)
{
	int64_t m7 = (int64_t)opaque((uint64_t)-7), two = (int64_t)opaque(2);
	KEXPECT_EQ(m7 / two, -3); /* toward zero */
	KEXPECT_EQ(m7 % two, -1); /* sign of the dividend */
	KEXPECT_EQ((int64_t)opaque(7) / (int64_t)opaque((uint64_t)-2), -3);
	KEXPECT_EQ((int64_t)opaque(7) % (int64_t)opaque((uint64_t)-2), 1);
	int64_t big = -9000000000000000000LL;
	KEXPECT_EQ((int64_t)opaque((uint64_t)big) / 1000, -9000000000000000LL);
	int64_t min = (int64_t)opaque(0x8000000000000000ULL);
	KEXPECT_EQ(min % (int64_t)opaque(10), -8);
}

TEST(matches_repeated_subtraction)
{
	/* Cross-check a spread of values against q*d + r == n, r < d. */
	uint64_t n = 0x9e3779b97f4a7c15ULL;
	for (int i = 0; i < 200; i++) {
		uint64_t d = (n >> (i % 61)) | 1;
		uint64_t q = n / d, r = n % d;
		KEXPECT_TRUE(r < d);
		KEXPECT_EQ(q * d + r, n);
		n = n * 6364136223846793005ULL + 1442695040888963407ULL;
	}
}

static uint32_t first_trap; /* ExcCode of the first trap, plus one */

/* Remember the first exception's code and step over the instruction. */
static int note_trap(struct ktrapframe *tf)
{
	if (!first_trap)
		first_trap = CAUSE_EXCCODE(tf->cause) + 1;
	tf->epc += 4;
	return 1;
}

TEST(divide_by_zero_traps)
{
	ktrap_set_handler(note_trap);
	volatile uint64_t q = opaque(0x100000000ULL) / opaque(0);
	(void)q;
	ktrap_set_handler(0);
	KEXPECT_EQ(first_trap, EXC_TR + 1);
}

KTEST_MAIN("div64")
