/*
 * dt.h - randomized differential test of the CPU against Unicorn.
 *
 * A stream is a block of random user-mode MIPS I/II instructions that runs
 * forward only (every branch and jump goes forward inside the stream) and
 * ends when the PC reaches DT_CODE_VA + 4 * len.  Both engines start with the
 * same registers, HI, LO and scratch page, and are compared afterwards.
 *
 * User virtual layout shared by both engines:
 *
 *   0x00400000  code page pair (2 x 16 KB), stream at the start
 *   0x10000000  scratch page (4 KB); one register (base_reg) holds
 *               0x10000800 during the whole stream, every load and store
 *               addresses base_reg + offset with offset in [-2048, 2047]
 */
#ifndef TESTS_DIFF_DT_H
#define TESTS_DIFF_DT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#define DT_CODE_VA     0x00400000u
#define DT_SCRATCH_VA  0x10000000u
#define DT_SCRATCH     4096u
#define DT_BASE_VALUE  (DT_SCRATCH_VA + DT_SCRATCH / 2)
#define DT_MAX_LEN     2048
#define DT_NO_EXC      (-1)

/* Per-instruction flags set by the generator. */
enum dt_flag {
	DT_F_START = 1, /* a branch may land here (start of a unit) */
	DT_F_SLOT = 2,  /* this instruction sits in a delay slot */
};

/* A generated stream and the initial state both engines start from. */
struct dt_stream {
	uint32_t code[DT_MAX_LEN];
	uint8_t flags[DT_MAX_LEN + 1];
	int len;
	int base_reg;
	uint32_t regs[32];
	uint32_t hi, lo;
	uint8_t scratch[DT_SCRATCH];
};

/* The state one engine ended in. */
struct dt_state {
	uint64_t regs[32]; /* Unicorn's 32-bit values are sign-extended */
	uint64_t hi, lo, pc;
	int exc;          /* R4000 ExcCode of the exception taken, or DT_NO_EXC */
	uint32_t exc_pc;  /* address of the instruction that raised it */
	bool exc_bd;      /* minidisco only: Cause.BD */
	uint32_t badvaddr; /* minidisco only: BadVAddr after the exception */
	uint64_t insns;   /* minidisco only: user instructions executed */
	uint8_t scratch[DT_SCRATCH];
	char error[160];  /* set when the run itself went wrong */
};

/* xorshift64* generator, seeded through splitmix64. */
struct dt_rng {
	uint64_t s;
};

/* Seed rng from a 64-bit value (any value, including 0). */
void dt_rng_seed(struct dt_rng *r, uint64_t seed);
/* Next 64 random bits. */
uint64_t dt_rng_next(struct dt_rng *r);
/* Uniform value in [0, n). */
uint32_t dt_rng_below(struct dt_rng *r, uint32_t n);
/* Seed of stream number index in the campaign seeded with seed. */
uint64_t dt_stream_seed(uint64_t seed, uint64_t index);

/* Fill s with a stream of len instructions generated from seed. */
void dt_generate(struct dt_stream *s, uint64_t seed, int len);

struct dt_md;
struct dt_uc;

/* Create the minidisco side (RAM, physical view, one CPU); NULL on failure. */
struct dt_md *dt_md_create(void);
/* Free the minidisco side. */
void dt_md_destroy(struct dt_md *m);
/* Run s on minidisco in user mode and record the final state in out. */
void dt_md_run(struct dt_md *m, const struct dt_stream *s,
	       struct dt_state *out);

/* Create the Unicorn side; NULL (with a message on stderr) on failure. */
struct dt_uc *dt_uc_create(void);
/* Free the Unicorn side. */
void dt_uc_destroy(struct dt_uc *u);
/* Run s on Unicorn and record the final state in out. */
void dt_uc_run(struct dt_uc *u, const struct dt_stream *s,
	       struct dt_state *out);

/* Name of an R4000 exception code for reports ("Ov", "Tr", ...). */
const char *dt_exc_name(int code);

#endif
