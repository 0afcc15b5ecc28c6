/*
 * dt_rng.c - the differential test's random numbers: xorshift64* seeded
 * through splitmix64, so a seed gives the same streams on every host.
 */
#include "tests/diff/dt.h"

/* splitmix64 step, used for seeding and deriving stream seeds. */
static uint64_t splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9E3779B97F4A7C15ull);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

/* Seed rng from a 64-bit value (any value, including 0). */
void dt_rng_seed(struct dt_rng *r, uint64_t seed)
{
	r->s = splitmix64(&seed);
	if (r->s == 0)
		r->s = 1;
}

/* Next 64 random bits. */
uint64_t dt_rng_next(struct dt_rng *r)
{
	r->s ^= r->s >> 12;
	r->s ^= r->s << 25;
	r->s ^= r->s >> 27;
	return r->s * 0x2545F4914F6CDD1Dull;
}

/* Uniform value in [0, n). */
uint32_t dt_rng_below(struct dt_rng *r, uint32_t n)
{
	return (uint32_t)((dt_rng_next(r) >> 32) * n >> 32);
}

/* Seed of stream number index in the campaign seeded with seed. */
uint64_t dt_stream_seed(uint64_t seed, uint64_t index)
{
	uint64_t x = seed ^ (index * 0xD1B54A32D192ED03ull);

	return splitmix64(&x);
}
