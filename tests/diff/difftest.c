/*
 * difftest.c - randomized differential test of the minidisco CPU against
 * Unicorn (see docs/difftest.md).
 *
 *   difftest [--seed S] [--insns N] [--len L] [--stream I] [--keep-going]
 *            [--verbose]
 *
 * Streams 0, 1, 2, ... of campaign seed S run until N instructions have
 * been compared (--stream I runs stream I alone).  Every stream runs on both
 * engines from the same state; r1..r31, HI, LO, PC, the exception taken (if
 * any) and the scratch page must agree.  The last line of output is
 * "difftest: N passed, M failed", counting streams.
 */
#include "tests/diff/dt.h"

#include <capstone/capstone.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Command-line settings. */
struct opts {
	uint64_t seed;
	uint64_t insns;   /* compare at least this many instructions */
	int max_len;      /* streams are 16..max_len instructions long */
	int64_t only;     /* run this stream alone, or -1 */
	bool keep_going;
	bool verbose;
	const char *prog; /* argv[0], for the reproduce line */
};

/* Everything one campaign needs, passed to every helper. */
struct campaign {
	struct opts o;
	struct dt_md *md;
	struct dt_uc *uc;
	csh cs;
	struct dt_stream s;
	struct dt_state a, b; /* a: minidisco, b: unicorn */
	uint64_t passed, failed, compared, exc_streams;
	uint64_t exc_count[32];
};

/* Print usage to f. */
static void usage(FILE *f)
{
	fprintf(f, "usage: difftest [--seed S] [--insns N] [--len L] "
		   "[--stream I] [--keep-going] [--verbose]\n");
}

/* Parse an unsigned number (decimal or 0x hex) or exit with status 2. */
static uint64_t parse_u64(const char *opt, const char *arg)
{
	char *end;
	uint64_t v;

	errno = 0;
	v = arg != NULL ? strtoull(arg, &end, 0) : 0;
	if (arg == NULL || *arg == '\0' || *arg == '-' || *end != '\0' ||
	    errno != 0) {
		fprintf(stderr, "difftest: %s needs a number, got '%s'\n", opt,
			arg != NULL ? arg : "");
		exit(2);
	}
	return v;
}

/* Parse the command line into o (exits with status 2 on bad input). */
static void parse_opts(struct opts *o, int argc, char **argv)
{
	bool have_seed = false;

	*o = (struct opts){ .insns = 100000, .max_len = 256, .only = -1,
			    .prog = argv[0] };
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (strcmp(a, "--seed") == 0) {
			o->seed = parse_u64(a, v), have_seed = true, i++;
		} else if (strcmp(a, "--insns") == 0) {
			o->insns = parse_u64(a, v), i++;
		} else if (strcmp(a, "--len") == 0) {
			uint64_t l = parse_u64(a, v);
			i++;
			if (l < 16 || l > DT_MAX_LEN) {
				fprintf(stderr, "difftest: --len must be 16..%d\n",
					DT_MAX_LEN);
				exit(2);
			}
			o->max_len = (int)l;
		} else if (strcmp(a, "--stream") == 0) {
			o->only = (int64_t)(parse_u64(a, v) & INT64_MAX), i++;
		} else if (strcmp(a, "--keep-going") == 0) {
			o->keep_going = true;
		} else if (strcmp(a, "--verbose") == 0 || strcmp(a, "-v") == 0) {
			o->verbose = true;
		} else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			usage(stdout);
			exit(0);
		} else {
			fprintf(stderr, "difftest: unknown option '%s'\n", a);
			exit(2);
		}
	}
	if (!have_seed)
		o->seed = (uint64_t)time(NULL);
}

/* Length of stream index: 16..max_len, drawn from its own seed. */
static int stream_len(const struct opts *o, uint64_t sseed)
{
	struct dt_rng r;

	dt_rng_seed(&r, sseed ^ 0x6C656E67746821ull);
	return 16 + (int)dt_rng_below(&r, (uint32_t)(o->max_len - 15));
}

/* Print the stream's disassembly, one instruction a line. */
static void print_stream(struct campaign *k)
{
	const struct dt_stream *s = &k->s;

	for (int i = 0; i < s->len; i++) {
		uint8_t b[4] = { (uint8_t)(s->code[i] >> 24),
				 (uint8_t)(s->code[i] >> 16),
				 (uint8_t)(s->code[i] >> 8), (uint8_t)s->code[i] };
		uint32_t addr = DT_CODE_VA + 4u * (uint32_t)i;
		cs_insn *insn = NULL;
		size_t n = cs_disasm(k->cs, b, 4, addr, 1, &insn);
		printf("  %08x: %08x  %-8s %-28s%s\n", addr, s->code[i],
		       n ? insn->mnemonic : "?", n ? insn->op_str : "",
		       (s->flags[i] & DT_F_SLOT) ? " ; delay slot" : "");
		if (n)
			cs_free(insn, n);
	}
	printf("  %08x: (end)\n", DT_CODE_VA + 4u * (uint32_t)s->len);
}

/* Print the initial registers of the stream. */
static void print_initial(const struct dt_stream *s)
{
	printf("initial state (base register r%d):\n", s->base_reg);
	for (int r = 0; r < 32; r++)
		printf("  r%-2d 0x%08x%s", r, s->regs[r], r % 4 == 3 ? "\n" : "");
	printf("  hi  0x%08x  lo  0x%08x\n", s->hi, s->lo);
}

/* Report one differing 64-bit value on f (if not NULL); return 1. */
static int diff64(FILE *f, const char *name, uint64_t a, uint64_t b)
{
	if (f != NULL)
		fprintf(f, "  %-9s minidisco 0x%016" PRIx64 "  unicorn 0x%016"
			PRIx64 "\n", name, a, b);
	return 1;
}

/* After AdEL/AdES, BadVAddr must be base + offset of the faulting access
 * (the base register holds DT_BASE_VALUE throughout the stream). */
static int compare_badvaddr(FILE *f, uint32_t insn, const struct dt_state *a)
{
	uint32_t want = DT_BASE_VALUE + (uint32_t)(int32_t)(int16_t)insn;

	if ((a->exc != 4 && a->exc != 5) || a->badvaddr == want)
		return 0;
	if (f != NULL)
		fprintf(f, "  BadVAddr  minidisco 0x%08x, expected 0x%08x\n",
			a->badvaddr, want);
	return 1;
}

/* Compare how the stream ended (exception or end address) on f. */
static int compare_exc(FILE *f, const struct dt_stream *s,
		       const struct dt_state *a, const struct dt_state *b)
{
	int bad = 0;

	if (a->exc != b->exc) {
		if (f != NULL)
			fprintf(f, "  exception minidisco %s (%d)  unicorn %s "
				"(%d)\n", dt_exc_name(a->exc), a->exc,
				dt_exc_name(b->exc), b->exc);
		bad++;
	}
	if (a->exc == DT_NO_EXC || b->exc == DT_NO_EXC) {
		if (a->pc != b->pc)
			bad += diff64(f, "pc", a->pc, b->pc);
		return bad;
	}
	if (a->exc_pc != b->exc_pc)
		bad += diff64(f, "exc pc", a->exc_pc, b->exc_pc);
	uint32_t idx = (a->exc_pc - DT_CODE_VA) / 4;
	if (idx >= (uint32_t)s->len) {
		if (f != NULL)
			fprintf(f, "  exc pc 0x%08x is outside the stream\n",
				a->exc_pc);
		return bad + 1;
	}
	bool slot = (s->flags[idx] & DT_F_SLOT) != 0;
	if (a->exc_bd != slot) {
		if (f != NULL)
			fprintf(f, "  Cause.BD  minidisco %d, instruction at "
				"0x%08x is %sa delay slot\n", a->exc_bd,
				a->exc_pc, slot ? "" : "not ");
		bad++;
	}
	return bad + compare_badvaddr(f, s->code[idx], a);
}

/* Compare both end states, print differences on f; return their count. */
static int compare(FILE *f, const struct campaign *k)
{
	const struct dt_state *a = &k->a, *b = &k->b;
	int bad = 0;
	char name[16];

	for (int r = 1; r < 32; r++)
		if (a->regs[r] != b->regs[r]) {
			snprintf(name, sizeof(name), "r%d", r);
			bad += diff64(f, name, a->regs[r], b->regs[r]);
		}
	if (a->hi != b->hi)
		bad += diff64(f, "hi", a->hi, b->hi);
	if (a->lo != b->lo)
		bad += diff64(f, "lo", a->lo, b->lo);
	bad += compare_exc(f, &k->s, a, b);
	for (uint32_t i = 0; i < DT_SCRATCH; i++)
		if (a->scratch[i] != b->scratch[i]) {
			if (f != NULL && bad < 64)
				fprintf(f, "  mem 0x%08x minidisco 0x%02x  "
					"unicorn 0x%02x\n", DT_SCRATCH_VA + i,
					a->scratch[i], b->scratch[i]);
			bad++;
		}
	return bad;
}

/* Print how one engine's run ended: at the end address or an exception. */
static void print_end(const char *who, const struct dt_state *st)
{
	if (st->exc == DT_NO_EXC)
		printf("  %s ended at pc 0x%08" PRIx64 "\n", who, st->pc);
	else
		printf("  %s ended by %s at 0x%08x\n", who,
		       dt_exc_name(st->exc), st->exc_pc);
}

/* Print the full report of a failed stream. */
static void report(struct campaign *k, uint64_t index, int len)
{
	printf("difftest: MISMATCH seed 0x%016" PRIx64 " stream %" PRIu64
	       " (%d instructions)\n", k->o.seed, index, len);
	printf("reproduce: %s --seed 0x%016" PRIx64 " --stream %" PRIu64
	       " --len %d\n", k->o.prog, k->o.seed, index, k->o.max_len);
	print_initial(&k->s);
	printf("stream:\n");
	print_stream(k);
	printf("differences (minidisco ran %" PRIu64 " instructions):\n",
	       k->a.insns);
	if (k->a.error[0])
		printf("  minidisco: %s\n", k->a.error);
	if (k->b.error[0])
		printf("  unicorn: %s\n", k->b.error);
	print_end("minidisco", &k->a);
	print_end("unicorn", &k->b);
	compare(stdout, k);
	fflush(stdout);
}

/* Generate and run stream index on both engines; true if they agree. */
static bool run_stream(struct campaign *k, uint64_t index)
{
	uint64_t sseed = dt_stream_seed(k->o.seed, index);
	int len = stream_len(&k->o, sseed);
	bool ok;

	dt_generate(&k->s, sseed, len);
	dt_md_run(k->md, &k->s, &k->a);
	dt_uc_run(k->uc, &k->s, &k->b);
	ok = !k->a.error[0] && !k->b.error[0] && compare(NULL, k) == 0;
	if (k->o.verbose && ok) {
		printf("stream %" PRIu64 ": %d instructions, %" PRIu64
		       " executed, exception %s\n", index, len, k->a.insns,
		       dt_exc_name(k->a.exc));
		print_stream(k);
	}
	if (!ok)
		report(k, index, len);
	k->compared += k->a.insns;
	if (k->a.exc >= 0 && k->a.exc < 32) {
		k->exc_streams++;
		k->exc_count[k->a.exc]++;
	}
	return ok;
}

/* Print the closing lines: instructions compared, then passed/failed. */
static void summary(const struct campaign *k)
{
	printf("difftest: seed 0x%016" PRIx64 ", %" PRIu64
	       " instructions compared, %" PRIu64 " streams ended by an "
	       "exception", k->o.seed, k->compared, k->exc_streams);
	for (int c = 0; c < 32; c++)
		if (k->exc_count[c])
			printf(" %s:%" PRIu64, dt_exc_name(c), k->exc_count[c]);
	printf("\ndifftest: %" PRIu64 " passed, %" PRIu64 " failed\n",
	       k->passed, k->failed);
}

/* Set up both engines and the disassembler; false on failure. */
static bool campaign_open(struct campaign *k)
{
	k->md = dt_md_create();
	if (k->md == NULL) {
		fprintf(stderr, "difftest: cannot create the minidisco CPU\n");
		return false;
	}
	k->uc = dt_uc_create();
	if (k->uc == NULL)
		return false;
	if (cs_open(CS_ARCH_MIPS, CS_MODE_MIPS32 | CS_MODE_BIG_ENDIAN,
		    &k->cs) != CS_ERR_OK) {
		fprintf(stderr, "difftest: cannot open capstone\n");
		return false;
	}
	return true;
}

/* Run the campaign the command line asks for. */
int main(int argc, char **argv)
{
	struct campaign *k = calloc(1, sizeof(*k));
	int status = 1;

	if (k == NULL)
		return 1;
	parse_opts(&k->o, argc, argv);
	printf("difftest: seed 0x%016" PRIx64 "\n", k->o.seed);
	if (campaign_open(k)) {
		uint64_t i = k->o.only >= 0 ? (uint64_t)k->o.only : 0;
		do {
			if (run_stream(k, i++))
				k->passed++;
			else
				k->failed++;
		} while (k->o.only < 0 && k->compared < k->o.insns &&
			 (k->failed == 0 || k->o.keep_going));
		status = k->failed ? 1 : 0;
		summary(k);
	}
	if (k->cs)
		cs_close(&k->cs);
	dt_uc_destroy(k->uc);
	dt_md_destroy(k->md);
	free(k);
	return status;
}
