/*
 * div64.c - 64-bit division for gcc.  With -mabi=32, gcc turns a 64-bit
 * '/' or '%' into calls to these libgcc functions, and the toolchain's
 * libgcc is built for MIPS32r2 (its __udivdi3 uses clz and three-operand
 * mul, which the R4000 lacks), so klib provides its own.  Division by
 * zero traps like gcc's inline check for 32-bit division: teq with code
 * 7, a Trap exception.
 */
#include "klib.h"

uint64_t __udivdi3(uint64_t n, uint64_t d);
uint64_t __umoddi3(uint64_t n, uint64_t d);
int64_t __divdi3(int64_t n, int64_t d);
int64_t __moddi3(int64_t n, int64_t d);

/* Divide n by d; store the remainder in *rem and return the quotient. */
static uint64_t udivmod(uint64_t n, uint64_t d, uint64_t *rem)
{
	if (d == 0)
		__asm__ volatile("teq $0, $0, 7");
	if ((n >> 32) == 0 && (d >> 32) == 0) {
		*rem = (uint32_t)n % (uint32_t)d;
		return (uint32_t)n / (uint32_t)d;
	}
	/* Schoolbook binary long division, from n's highest set bit down. */
	uint64_t q = 0, r = 0;
	int i = 63;
	while (i > 0 && !((n >> i) & 1))
		i--;
	for (; i >= 0; i--) {
		r = (r << 1) | ((n >> i) & 1);
		if (r >= d) {
			r -= d;
			q |= (uint64_t)1 << i;
		}
	}
	*rem = r;
	return q;
}

/* Unsigned 64-bit quotient. */
uint64_t __udivdi3(uint64_t n, uint64_t d)
{
	uint64_t r;
	return udivmod(n, d, &r);
}

/* Unsigned 64-bit remainder. */
uint64_t __umoddi3(uint64_t n, uint64_t d)
{
	uint64_t r;
	udivmod(n, d, &r);
	return r;
}

/* The magnitude of v as an unsigned number (also right for INT64_MIN). */
static uint64_t mag(int64_t v)
{
	return v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
}

/* Signed 64-bit quotient, rounded toward zero as C requires. */
int64_t __divdi3(int64_t n, int64_t d)
{
	uint64_t r, q = udivmod(mag(n), mag(d), &r);
	return (int64_t)((n < 0) != (d < 0) ? 0 - q : q);
}

/* Signed 64-bit remainder, with the sign of the dividend. */
int64_t __moddi3(int64_t n, int64_t d)
{
	uint64_t r;
	udivmod(mag(n), mag(d), &r);
	return (int64_t)(n < 0 ? 0 - r : r);
}
