/*
 * ktestfail.c - the harness itself must be able to fail: two tests pass,
 * two fail, and the program powers off with 1 (ktestfail.expect checks,
 * with the line numbers of the failing expectations).
 */
#include "ktest.h"

TEST(passes_first)
{
	KEXPECT_EQ(2 + 2, 4);
}

TEST(wrong_sum)
{
	KEXPECT_EQ(1 + 1, 3); /* line 15 */
	KEXPECT_TRUE(1 > 2);  /* line 16 */
}

TEST(wrong_string)
{
	KEXPECT_STREQ("abc", "abd"); /* line 21 */
}

TEST(passes_last)
{
	KEXPECT_NE(1, 2);
}

KTEST_MAIN("ktestfail")
