/*
 * chaos_cfg.c - `chaos ini` and `chaos args`: random --machine files and
 * random command lines for build/minidisco, with a kernel that powers off
 * at once with status 7.
 *
 *   chaos ini  BIN DIR FIRST_SEED COUNT
 *   chaos args BIN DIR FIRST_SEED COUNT
 *
 * Every run must end in one of: status 2 with exactly one stderr line
 * "minidisco: ..." (refused); status 7 with an empty stderr (accepted and
 * booted); status 3 with the --max-insns line; status 0 with an empty
 * stderr (--help, --version).  Anything else, a signal, a sanitizer
 * report or a run longer than 20 s is a failure, printed with the file or
 * the command line that caused it.
 */
#include "tests/chaos/chaos.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define CFG_ARGS 48
#define CFG_OPTS 6      /* options of one command line, at most */
#define CFG_VAL 100001  /* longest value (--append of 100 KB) */
#define CFG_TIMEOUT 20.0

/* The files every run may name, made once in DIR. */
struct cfg_files {
	char dir[256];
	char kernel[300], garbage[300], empty[300], odd[300], small[300];
	char sparse[300], subdir[300], ini[300], err[300], stats[300];
	char disks[4][300];
};

/* A random text for one value: numbers at the edges, garbage, long. */
static void cfg_value(struct chaos_rng *r, char *buf, size_t len)
{
	static const char *const edge[] = {
		"", "0", "1", "-1", "2", "4", "16", "32", "33", "64", "128",
		"496", "497", "4294967295", "4294967296",
		"18446744073709551615",
		"18446744073709551616", "99999999999999999999999999", "0x10",
		" 4", "4 ", "4x", "1e3", "+4", "16K", "1M", "64M", "128M", "1G",
		"4096", "8192", "3", "fast", "numa", "true", "no", "off", "on",
		"FAST", "1000000", "1000001", "0xFFFFFFFFFF", "1099511627775",
		"1099511627776", "00000000000000000000000000000000001", "-0",
	};
	size_t n;
	switch (chaos_below(r, 5)) {
	case 0:
	case 1:
	case 2:
		snprintf(buf, len, "%s", edge[chaos_below(r, sizeof edge /
							  sizeof edge[0])]);
		return;
	case 3:
		n = chaos_below(r, 12);
		break;
	default:
		n = chaos_pct(r, 50) ? 190 + chaos_below(r, 20)
				     : chaos_below(r, (uint32_t)len - 1);
		break;
	}
	if (n >= len)
		n = len - 1;
	for (size_t i = 0; i < n; i++)
		buf[i] = (char)(chaos_pct(r, 70) ? '0' + chaos_below(r, 75)
						 : 1 + chaos_below(r, 255));
	for (size_t i = 0; i < n; i++)
		if (buf[i] == '\n')
			buf[i] = ' '; /* quoted, a newline makes 2 lines */
	buf[n] = '\0';
}

/* One INI line: section, key = value, comment, garbage. */
static void cfg_ini_line(struct chaos_rng *r, FILE *f)
{
	static const char *const sections[] = {"machine", "cache", "memory",
					       "hotpage", "disk", "caches",
					       "", "Machine"};
	static const char *const keys[] = {
		"nodes", "cpus_per_node", "mem_per_node", "timing", "l1_size",
		"l1_line", "l2_size", "l2_line", "clock_mhz", "local_latency",
		"remote_latency", "uma", "threshold", "overhead", "seek_base",
		"seek_div", "seek_max", "per_sector", "flush", "l3_size", "",
	};
	char v[6000];
	switch (chaos_below(r, 8)) {
	case 0:
		fprintf(f, "[%s]\n", sections[chaos_below(r, 8)]);
		return;
	case 1:
		cfg_value(r, v, 600);
		fprintf(f, "%s\n", v);
		return;
	case 2:
		fprintf(f, chaos_pct(r, 50) ? "; comment\n" : "\n");
		return;
	case 3:
		cfg_value(r, v, sizeof v);
		fprintf(f, "%s = %s\n", keys[chaos_below(r, 21)], v);
		return;
	default:
		cfg_value(r, v, 64);
		fprintf(f, "%s%s=%s%s\n", chaos_pct(r, 10) ? "  " : "",
			keys[chaos_below(r, 21)], v,
			chaos_pct(r, 10) ? " ; trailing" : "");
	}
}

/* Write seed's random --machine file to path; false on error. */
static bool cfg_write_ini(uint64_t seed, const char *path)
{
	struct chaos_rng r = {seed * 0x9E3779B97F4A7C15ull + 3};
	FILE *f = fopen(path, "wb");
	if (f == NULL)
		return false;
	if (chaos_pct(&r, 5))
		fputs("\xEF\xBB\xBF", f);
	for (uint32_t n = chaos_below(&r, 14); n > 0; n--)
		cfg_ini_line(&r, f);
	if (chaos_pct(&r, 10))
		fputs("[disk]\noverhead = 7", f); /* no final newline */
	return fclose(f) == 0;
}

/* Whether a run ended in one of the allowed ways. */
static bool cfg_ok(const struct chaos_result *res)
{
	if (chaos_broken(res))
		return false;
	if (res->status == 2)
		return res->err_lines == 1 &&
		       strncmp(res->first, "minidisco: ", 11) == 0;
	if (res->status == 3)
		return res->err_lines == 1 &&
		       strncmp(res->first, "minidisco: --max-insns ", 23) == 0;
	return (res->status == 7 || res->status == 0) && res->err_lines == 0;
}

/* Make a file of size bytes (sparse when big); false on error. */
static bool cfg_make(const char *path, off_t size)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return false;
	bool ok = size <= 0 || ftruncate(fd, size) == 0;
	if (size > 0 && size < 65536) {
		char junk[512];
		memset(junk, 0x5A, sizeof junk);
		ok = ok && write(fd, junk, (size_t)size % 512) >= 0;
	}
	return close(fd) == 0 && ok;
}

/* Create the shared files in dir; false on error. */
static bool cfg_setup(const char *dir, struct cfg_files *fs)
{
	struct chaos_rng r = {42};
	snprintf(fs->dir, sizeof fs->dir, "%s", dir);
#define P(field, name) snprintf(fs->field, sizeof fs->field, "%s/%s", dir, name)
	P(kernel, "power7.elf"), P(garbage, "garbage.elf"), P(empty, "empty");
	P(odd, "odd700"), P(small, "small4k"), P(sparse, "sparse600m");
	P(subdir, "adir"), P(ini, "m.ini"), P(err, "err"), P(stats, "s.json");
	for (int i = 0; i < 4; i++)
		snprintf(fs->disks[i], sizeof fs->disks[i], "%s/disk%d", dir,
			 i);
#undef P
	mkdir(fs->subdir, 0755);
	bool ok = chaos_gen_poweroff(fs->kernel, 7) == 0 &&
		  cfg_make(fs->empty, 0) && cfg_make(fs->odd, 700) &&
		  cfg_make(fs->small, 4096) &&
		  cfg_make(fs->sparse, (off_t)600 << 20);
	for (int i = 0; i < 4; i++)
		ok = ok && cfg_make(fs->disks[i], 4096);
	FILE *g = fopen(fs->garbage, "wb");
	if (g == NULL)
		return false;
	fputs("\x7f" "ELF\x01\x02\x01", g);
	for (int i = 0; i < 3000; i++)
		fputc((int)(chaos_next(&r) & 0xFF), g);
	return fclose(g) == 0 && ok;
}

/* Print the failing run's command line (and INI file) and what happened. */
static void cfg_report(uint64_t seed, char *const *argv,
		       const struct chaos_result *res, const char *ini)
{
	char what[512];
	chaos_describe(res, what, sizeof what);
	printf("chaos: seed %llu: %s\n  command:", (unsigned long long)seed,
	       what);
	for (int i = 0; argv[i] != NULL; i++)
		printf(" '%.120s%s'", argv[i], strlen(argv[i]) > 120 ? "..." :
		       "");
	printf("\n");
	if (ini != NULL)
		printf("  (rerun `chaos ini BIN DIR %llu 1` to get %s back)\n",
		       (unsigned long long)seed, ini);
}

/* A file argument: one of the shared files or a missing one. */
static const char *cfg_file(struct chaos_rng *r, const struct cfg_files *fs)
{
	const char *const pick[] = {
		fs->kernel, fs->garbage, fs->empty, fs->odd, fs->small,
		fs->sparse, fs->subdir, "/dev/null", "/nonexistent/x",
		fs->disks[0], fs->disks[1], fs->disks[2], fs->disks[3], "",
		"/dev/zero", "/dev/full", "/proc/self/status",
	};
	return pick[chaos_below(r, sizeof pick / sizeof pick[0])];
}

/* Append one random option (and its value) to argv at *n. */
static void cfg_option(struct chaos_rng *r, const struct cfg_files *fs,
		       char **argv, int *n, char *vals, size_t vlen)
{
	static const char *const opts[] = {
		"--nodes", "--cpus-per-node", "--mem-per-node", "--timing",
		"--module", "--append", "--disk", "--max-insns", "--stats",
		"--machine", "--dump-regs", "--kernel", "--bogus", "-x",
		"--nodes=", "--mem", "--disk", "--module", "--help",
		"--version",
	};
	int k = (int)chaos_below(r, sizeof opts / sizeof opts[0]);
	if (k >= 18 && !chaos_pct(r, 10))
		k = 0;
	argv[(*n)++] = (char *)opts[k];
	if (k == 10 || k >= 18)
		return;
	if (k == 8) { /* --stats writes: never over a shared input file */
		const char *const out[] = {fs->stats, fs->subdir, "/dev/full",
					   "/nonexistent/x", "/dev/null", ""};
		argv[(*n)++] = (char *)out[chaos_below(r, 6)];
		return;
	}
	if (k == 4 || k == 6 || k == 9 || k == 11) {
		argv[(*n)++] = (char *)cfg_file(r, fs);
		return;
	}
	if (k == 5 && chaos_pct(r, 50)) {
		size_t len = chaos_pct(r, 50) ? 4095 + chaos_below(r, 3)
					      : 100000;
		len = len < vlen - 1 ? len : vlen - 1;
		memset(vals, 'a' + (int)chaos_below(r, 26), len);
		vals[len] = '\0';
	} else {
		cfg_value(r, vals, 300);
	}
	argv[(*n)++] = vals;
}

/* Run argv (kernel already in it) and judge it; true if it passed. */
static bool cfg_try(uint64_t seed, char **argv, const struct cfg_files *fs,
		    const char *ini)
{
	struct chaos_result res;
	struct chaos_cmd cmd = {.argv = argv, .err_path = fs->err,
				.timeout = CFG_TIMEOUT};
	chaos_run(&cmd, &res);
	if (cfg_ok(&res))
		return true;
	cfg_report(seed, argv, &res, ini);
	return false;
}

/* Parse BIN DIR FIRST COUNT and set up DIR; false if bad. */
static bool cfg_start(int argc, char **argv, struct cfg_files *fs,
		      uint64_t *first, uint64_t *count)
{
	if (argc != 4 || access(argv[0], X_OK) != 0) {
		fprintf(stderr, "usage: chaos ini|args BIN DIR FIRST_SEED "
			"COUNT\n");
		return false;
	}
	*first = strtoull(argv[2], NULL, 0);
	*count = strtoull(argv[3], NULL, 0);
	if (!cfg_setup(argv[1], fs)) {
		perror("chaos: setting up");
		return false;
	}
	return true;
}

/* `chaos ini BIN DIR FIRST_SEED COUNT`: random --machine files. */
int chaos_cmd_ini(int argc, char **argv)
{
	struct cfg_files fs;
	uint64_t first, count, failed = 0;
	if (!cfg_start(argc, argv, &fs, &first, &count))
		return 2;
	double t0 = chaos_now();
	for (uint64_t s = first; s < first + count; s++) {
		char *av[] = {argv[0], "--machine", fs.ini, "--kernel",
			      fs.kernel, "--max-insns", "100000", NULL};
		if (!cfg_write_ini(s, fs.ini))
			return 2;
		failed += !cfg_try(s, av, &fs, fs.ini);
	}
	printf("chaos ini: seeds %llu..%llu, %llu files, %llu failed, %.1f s\n",
	       (unsigned long long)first,
	       (unsigned long long)(first + count - 1),
	       (unsigned long long)count, (unsigned long long)failed,
	       chaos_now() - t0);
	return failed ? 1 : 0;
}

/* `chaos args BIN DIR FIRST_SEED COUNT`: random command lines. */
int chaos_cmd_args(int argc, char **argv)
{
	struct cfg_files fs;
	uint64_t first, count, failed = 0;
	if (!cfg_start(argc, argv, &fs, &first, &count))
		return 2;
	char (*vals)[CFG_VAL] = calloc(CFG_OPTS, sizeof *vals);
	if (vals == NULL)
		return 2;
	double t0 = chaos_now();
	for (uint64_t s = first; s < first + count; s++) {
		struct chaos_rng r = {s * 0xD1B54A32D192ED03ull + 11};
		char *av[CFG_ARGS + 8];
		int n = 0;
		av[n++] = argv[0];
		for (int k = (int)chaos_below(&r, CFG_OPTS); k >= 0; k--)
			cfg_option(&r, &fs, av, &n, vals[k], sizeof vals[k]);
		if (chaos_pct(&r, 90))
			av[n++] = "--kernel", av[n++] = fs.kernel;
		av[n] = NULL;
		failed += !cfg_try(s, av, &fs, NULL);
	}
	free(vals);
	printf("chaos args: seeds %llu..%llu, %llu command lines, %llu "
	       "failed, %.1f s\n", (unsigned long long)first,
	       (unsigned long long)(first + count - 1),
	       (unsigned long long)count, (unsigned long long)failed,
	       chaos_now() - t0);
	return failed ? 1 : 0;
}
