/*
 * string.c - klib's <string.h> functions.
 */
#include "ktest.h"

TEST(memset_all_alignments)
{
	static uint8_t buf[64];
	for (int off = 0; off < 4; off++) {
		for (int n = 0; n < 20; n++) {
			memset(buf, 0x11, sizeof buf);
			KEXPECT_TRUE(memset(buf + off, 0xab, n) == buf + off);
			for (int i = 0; i < 64; i++) {
				uint8_t want = (i >= off && i < off + n) ? 0xab : 0x11;
				if (buf[i] != want)
					KEXPECT_EQ(buf[i], want);
			}
		}
	}
}

TEST(memcpy_all_alignments)
{
	static uint8_t src[64], dst[64];
	for (int i = 0; i < 64; i++)
		src[i] = (uint8_t)(i * 7 + 1);
	for (int so = 0; so < 4; so++)
		for (int d = 0; d < 4; d++)
			for (int n = 0; n < 24; n++) {
				memset(dst, 0, sizeof dst);
				KEXPECT_TRUE(memcpy(dst + d, src + so, n) == dst + d);
				KEXPECT_EQ(memcmp(dst + d, src + so, n), 0);
				KEXPECT_EQ(dst[d + n], 0); /* no byte past the end */
			}
}

TEST(memmove_overlap)
{
	char a[16] = "0123456789";
	memmove(a + 2, a, 8); /* forward overlap */
	KEXPECT_STREQ(a, "0101234567");
	char b[16] = "0123456789";
	memmove(b, b + 2, 8); /* backward overlap */
	b[8] = '\0';
	KEXPECT_STREQ(b, "23456789");
	char c[16] = "abcd";
	KEXPECT_TRUE(memmove(c, c, 4) == c);
	KEXPECT_STREQ(c, "abcd");
}

TEST(memcmp_order)
{
	KEXPECT_EQ(memcmp("abc", "abc", 3), 0);
	KEXPECT_TRUE(memcmp("abc", "abd", 3) < 0);
	KEXPECT_TRUE(memcmp("abd", "abc", 3) > 0);
	KEXPECT_TRUE(memcmp("\x80", "\x01", 1) > 0); /* unsigned bytes */
	KEXPECT_EQ(memcmp("abc", "xyz", 0), 0);
}

TEST(strlen_strcmp)
{
	KEXPECT_EQ(strlen(""), 0);
	KEXPECT_EQ(strlen("hello"), 5);
	KEXPECT_EQ(strcmp("", ""), 0);
	KEXPECT_EQ(strcmp("abc", "abc"), 0);
	KEXPECT_TRUE(strcmp("abc", "abd") < 0);
	KEXPECT_TRUE(strcmp("abc", "ab") > 0);
	KEXPECT_TRUE(strcmp("ab", "abc") < 0);
	KEXPECT_TRUE(strcmp("\xff", "a") > 0); /* unsigned chars */
	KEXPECT_EQ(strncmp("abcx", "abcy", 3), 0);
	KEXPECT_TRUE(strncmp("abcx", "abcy", 4) < 0);
	KEXPECT_EQ(strncmp("ab", "ab", 10), 0);
	KEXPECT_TRUE(strncmp("ab", "abc", 10) < 0);
	KEXPECT_EQ(strncmp("x", "y", 0), 0);
}

TEST(strcpy_strncpy)
{
	char buf[12];
	memset(buf, 'z', sizeof buf);
	KEXPECT_TRUE(strcpy(buf, "hey") == buf);
	KEXPECT_STREQ(buf, "hey");
	KEXPECT_EQ(buf[4], 'z');
	memset(buf, 'z', sizeof buf);
	KEXPECT_TRUE(strncpy(buf, "hi", 6) == buf);
	KEXPECT_EQ(memcmp(buf, "hi\0\0\0\0z", 7), 0); /* padded with NULs */
	memset(buf, 'z', sizeof buf);
	strncpy(buf, "toolong", 3);
	KEXPECT_EQ(memcmp(buf, "tooz", 4), 0); /* no NUL when src is longer */
}

TEST(strchr_finds)
{
	const char *s = "hello";
	KEXPECT_TRUE(strchr(s, 'l') == s + 2);
	KEXPECT_TRUE(strchr(s, 'h') == s);
	KEXPECT_TRUE(strchr(s, 'z') == 0);
	KEXPECT_TRUE(strchr(s, '\0') == s + 5);
}

TEST(compiler_generated_calls)
{
	/* A large struct copy and zeroing make gcc call memcpy and memset. */
	struct big { uint32_t w[40]; } a, b;
	for (int i = 0; i < 40; i++)
		a.w[i] = (uint32_t)i * 3;
	b = a;
	KEXPECT_EQ(b.w[39], 117);
	struct big z = { { 0 } };
	KEXPECT_EQ(z.w[20], 0);
}

KTEST_MAIN("string")
