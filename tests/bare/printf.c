/*
 * printf.c - kformat's conversions, checked through ksnprintf, and the
 * console functions (printf.expect checks what they print).
 */
#include "ktest.h"

/* Format into a static buffer and return it, for KEXPECT_STREQ. */
static const char *fmt(const char *f, ...) __attribute__((format(printf, 1, 2)));
static const char *fmt(const char *f, ...)
{
	static char buf[128];
	va_list ap;
	va_start(ap, f);
	kvsnprintf(buf, sizeof buf, f, ap);
	va_end(ap);
	return buf;
}

TEST(decimal)
{
	KEXPECT_STREQ(fmt("%d", 0), "0");
	KEXPECT_STREQ(fmt("%d", 42), "42");
	KEXPECT_STREQ(fmt("%i", -42), "-42");
	KEXPECT_STREQ(fmt("%d", 2147483647), "2147483647");
	KEXPECT_STREQ(fmt("%d", (int)-2147483647 - 1), "-2147483648");
	KEXPECT_STREQ(fmt("%u", 4294967295u), "4294967295");
	KEXPECT_STREQ(fmt("%u", 0u), "0");
	KEXPECT_STREQ(fmt("a%db%dc", 1, -2), "a1b-2c");
}

TEST(hex_and_pointer)
{
	KEXPECT_STREQ(fmt("%x", 0xdeadbeefu), "deadbeef");
	KEXPECT_STREQ(fmt("%X", 0xdeadbeefu), "DEADBEEF");
	KEXPECT_STREQ(fmt("%x", 0u), "0");
	KEXPECT_STREQ(fmt("%08x", 0x1234u), "00001234");
	KEXPECT_STREQ(fmt("%p", (void *)0x80010000), "0x80010000");
	KEXPECT_STREQ(fmt("%p", (void *)0x10), "0x00000010");
	KEXPECT_STREQ(fmt("%12p|", (void *)0x10), "  0x00000010|");
	KEXPECT_STREQ(fmt("%-12p|", (void *)0x10), "0x00000010  |");
}

TEST(long_and_size)
{
	KEXPECT_STREQ(fmt("%ld", -123456789L), "-123456789");
	KEXPECT_STREQ(fmt("%lu", 4000000000UL), "4000000000");
	KEXPECT_STREQ(fmt("%lx", 0xcafef00dUL), "cafef00d");
	KEXPECT_STREQ(fmt("%zu", sizeof(uint64_t)), "8");
	KEXPECT_STREQ(fmt("%hd", 70000), "4464");   /* 70000 as short */
	KEXPECT_STREQ(fmt("%hhu", 0x1ff), "255"); /* 0x1ff as unsigned char */
}

TEST(sixty_four_bit)
{
	KEXPECT_STREQ(fmt("%lld", 0LL), "0");
	KEXPECT_STREQ(fmt("%lld", 9223372036854775807LL), "9223372036854775807");
	KEXPECT_STREQ(fmt("%lld", -9223372036854775807LL - 1),
		      "-9223372036854775808");
	KEXPECT_STREQ(fmt("%llu", 18446744073709551615ULL),
		      "18446744073709551615");
	KEXPECT_STREQ(fmt("%llu", 4294967296ULL), "4294967296");
	KEXPECT_STREQ(fmt("%llu", 10000000000000000000ULL),
		      "10000000000000000000");
	KEXPECT_STREQ(fmt("%llx", 0x0123456789abcdefULL), "123456789abcdef");
	KEXPECT_STREQ(fmt("%016llx", 0xfULL), "000000000000000f");
	KEXPECT_STREQ(fmt("%lld|%d", -1LL, 7), "-1|7"); /* argument alignment */
}

TEST(width_and_flags)
{
	KEXPECT_STREQ(fmt("%5d|", 42), "   42|");
	KEXPECT_STREQ(fmt("%-5d|", 42), "42   |");
	KEXPECT_STREQ(fmt("%05d", 42), "00042");
	KEXPECT_STREQ(fmt("%05d", -42), "-0042");
	KEXPECT_STREQ(fmt("%5d|", -42), "  -42|");
	const char *left_zero = "%-05d|"; /* gcc would warn about it inline */
	KEXPECT_STREQ(fmt(left_zero, -42), "-42  |"); /* '-' beats '0' */
	KEXPECT_STREQ(fmt("%2d", 12345), "12345");    /* width is a minimum */
	KEXPECT_STREQ(fmt("%*d|", 4, 7), "   7|");
	KEXPECT_STREQ(fmt("%*d|", -4, 7), "7   |");
	KEXPECT_STREQ(fmt("%.3d", 7), "007");
	KEXPECT_STREQ(fmt("%6.3d|", -7), "  -007|");
	KEXPECT_STREQ(fmt("%-20lld|", -5LL), "-5                  |");
	KEXPECT_STREQ(fmt("%020llu", 18446744073709551615ULL),
		      "18446744073709551615");
}

TEST(strings_and_chars)
{
	KEXPECT_STREQ(fmt("%s", "abc"), "abc");
	KEXPECT_STREQ(fmt("%5s|", "abc"), "  abc|");
	KEXPECT_STREQ(fmt("%-5s|", "abc"), "abc  |");
	KEXPECT_STREQ(fmt("%.2s", "abc"), "ab");
	KEXPECT_STREQ(fmt("%.*s|", 1, "abc"), "a|");
	const char *volatile null = 0; /* hidden from gcc's format checks */
	KEXPECT_STREQ(fmt("%s", null), "(null)");
	KEXPECT_STREQ(fmt("%c%c%c", 'x', 'y', 'z'), "xyz");
	KEXPECT_STREQ(fmt("%3c|%-3c|", 'a', 'b'), "  a|b  |");
	KEXPECT_STREQ(fmt("100%%"), "100%");
	KEXPECT_STREQ(fmt("%s", ""), "");
}

TEST(buffer_limits)
{
	char buf[8];
	KEXPECT_EQ(ksnprintf(buf, sizeof buf, "%s", "0123456789"), 10);
	KEXPECT_STREQ(buf, "0123456");
	KEXPECT_EQ(ksnprintf(buf, sizeof buf, "%d", 1234567), 7);
	KEXPECT_STREQ(buf, "1234567");
	buf[0] = 'q';
	KEXPECT_EQ(ksnprintf(buf, 0, "%d", 5), 1);
	KEXPECT_EQ(buf[0], 'q'); /* size 0: nothing written */
	KEXPECT_EQ(ksnprintf(buf, 1, "%d", 5), 1);
	KEXPECT_EQ(buf[0], '\0');
}

TEST(console_count)
{
	/* kprintf returns what it printed: also a smoke test of the console. */
	KEXPECT_EQ(kprintf("printf: %s %d %llx\n", "console", -1, 0x1ULL << 40),
		   (int)strlen("printf: console -1 10000000000\n"));
}

TEST(console_puts)
{
	/* printf.expect checks that these reach the console. */
	kputs("printf: kputs adds a newline");
	kputc('<');
	kputc('>');
	kputc('\n');
}

KTEST_MAIN("printf")
