/*
 * chaos.h - the chaos tester: random guest kernels, random machine
 * descriptions and command lines thrown at build/minidisco, each run
 * bounded in instructions and wall-clock time and checked for the only
 * outcomes the emulator may have (docs/chaos.md).
 *
 * Built with the host compiler only (no Python, no cross toolchain at
 * test time): chaos_gen.c writes the ELF images itself.
 */
#ifndef TESTS_CHAOS_CHAOS_H
#define TESTS_CHAOS_CHAOS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A splitmix64 generator: the whole state of one random stream. */
struct chaos_rng {
	uint64_t s;
};

/* Next 64 random bits of r. */
static inline uint64_t chaos_next(struct chaos_rng *r)
{
	uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

/* A random number in [0, n) (n > 0). */
static inline uint32_t chaos_below(struct chaos_rng *r, uint32_t n)
{
	return (uint32_t)(chaos_next(r) % n);
}

/* True with probability pct percent. */
static inline bool chaos_pct(struct chaos_rng *r, unsigned pct)
{
	return chaos_below(r, 100) < pct;
}

/* Kinds of guest code the generator writes. */
enum chaos_mix {
	CHAOS_MIX_RANDOM,  /* random 32-bit words everywhere */
	CHAOS_MIX_CP0,     /* CP0/TLB instructions with random values */
	CHAOS_MIX_DEVICES, /* loads and stores to device space and PROM */
	CHAOS_MIX_ALL,     /* every snippet kind mixed */
	CHAOS_MIX_COUNT
};

/* What one generated kernel looks like. */
struct chaos_kernel {
	enum chaos_mix mix;
	bool skip_vectors;  /* vectors skip the faulting instruction */
	bool entry_in_prom; /* e_entry in the boot PROM */
	uint32_t ram_mb;    /* RAM of the target machine (for DMA bias) */
	uint32_t capacity;  /* sectors of disk 0, for sector bias */
};

/* Write the kernel of seed to path; 0, or -1 with errno set. */
int chaos_gen_kernel(uint64_t seed, const struct chaos_kernel *k,
		     const char *path);
/* Write a kernel that powers off at once with status; 0, or -1. */
int chaos_gen_poweroff(const char *path, uint32_t status);
/* Pick a kernel shape for seed (mix, vectors, entry). */
struct chaos_kernel chaos_gen_shape(uint64_t seed);

/* How one run of build/minidisco ended. */
struct chaos_result {
	bool timed_out;
	bool signaled;
	int sig;         /* the signal when signaled */
	int status;      /* exit status otherwise */
	double seconds;  /* wall time */
	char first[256]; /* first line of stderr ("" when empty) */
	int err_lines;   /* lines of stderr */
	bool sanitizer;  /* stderr mentions a sanitizer report */
};

/* One command to run: argv, stdin bytes (piped), where stderr goes. */
struct chaos_cmd {
	char *const *argv;
	const uint8_t *input; /* NULL: stdin is /dev/null */
	size_t input_len;
	const char *err_path; /* file that receives stderr */
	double timeout;       /* seconds of wall time */
	uint64_t mem_limit;   /* RLIMIT_AS bytes, 0 for none (sanitizers) */
};

/* Start cmd; returns the child's pid, or -1. */
int chaos_spawn(const struct chaos_cmd *cmd);
/* If pid ended (or overran cmd's timeout: killed), fill *res; true. */
bool chaos_poll(int pid, double started, const struct chaos_cmd *cmd,
		struct chaos_result *res);
/* Wait for pid until cmd's timeout (then kill it); fill *res. */
void chaos_wait(int pid, double started, const struct chaos_cmd *cmd,
		struct chaos_result *res);
/* Run cmd to its end; fill *res. */
void chaos_run(const struct chaos_cmd *cmd, struct chaos_result *res);
/* Seconds of a monotonic clock. */
double chaos_now(void);
/* Describe res on one line into buf. */
void chaos_describe(const struct chaos_result *res, char *buf, size_t len);
/* Whether res is a crash or a hang: never acceptable. */
bool chaos_broken(const struct chaos_result *res);

/* Subcommands (chaos_guest.c, chaos_cfg.c). */
int chaos_cmd_guests(int argc, char **argv);
int chaos_cmd_ini(int argc, char **argv);
int chaos_cmd_args(int argc, char **argv);

#endif
