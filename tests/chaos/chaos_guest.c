/*
 * chaos_guest.c - `chaos guests`: random kernels (chaos_gen.c) on a
 * rotation of machines, with disks of awkward sizes and console input
 * from a pipe, several runs at a time.
 *
 *   chaos guests BIN WORKDIR FIRST_SEED COUNT [options]
 *     --jobs J       runs at a time (default 2)
 *     --insns N      --max-insns of each run (default 200000)
 *     --timeout S    wall-clock seconds before a run counts as hung (30)
 *     --mem-limit MB address-space limit of each run, 0 for none (0)
 *     --machine K    use only machine K of the rotation (0..4)
 *
 * A run passes when it was not killed by a signal, did not time out, and
 * either powered off (any status, stderr empty: a guest may power off with
 * any value) or ended with status 3 and the --max-insns line, or status 4
 * and the fatal idle message.  A failing seed's files stay in WORKDIR as
 * fail-SEED.* with the command line in fail-SEED.cmd.
 */
#include "tests/chaos/chaos.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MAX_JOBS 16
#define NARGS 40

/* The machines of the rotation: shape options and RAM in MB. */
struct chaos_machine {
	const char *name;
	const char *opts[8];
	uint32_t ram_mb;
};

static const struct chaos_machine chaos_machines[] = {
	{"1 cpu numa", {NULL}, 64},
	{"8 cpus numa (4x2)", {"--nodes", "4", "--cpus-per-node", "2", NULL},
	 256},
	{"1 cpu fast 1 MB", {"--timing", "fast", "--mem-per-node", "1", NULL},
	 1},
	{"2 cpus numa 2x1 MB", {"--nodes", "2", "--mem-per-node", "1", NULL},
	 2},
	{"8 cpus fast", {"--cpus-per-node", "8", "--timing", "fast", NULL}, 64},
};
#define NMACHINES (int)(sizeof chaos_machines / sizeof chaos_machines[0])

/* Options of the campaign. */
struct guest_opts {
	const char *bin, *dir;
	uint64_t first, count, insns;
	int jobs, machine;
	double timeout;
	uint64_t mem_limit;
};

/* One run in flight: its files, argv and input. */
struct guest_job {
	int pid;
	uint64_t seed;
	double started;
	char kernel[512], disk[3][512], err[512], stats[512];
	char insns[32];
	char *argv[NARGS];
	uint8_t input[4096];
	struct chaos_cmd cmd;
};

/* Write n random bytes of r to path; false on error. */
static bool guest_file(const char *path, struct chaos_rng *r, size_t n)
{
	FILE *f = fopen(path, "wb");
	if (f == NULL)
		return false;
	for (size_t i = 0; i < n; i++)
		fputc((int)(chaos_next(r) & 0xFF), f);
	return fclose(f) == 0;
}

/* Prepare job j for seed: kernel, disks, input, argv; false on error. */
static bool guest_prepare(const struct guest_opts *o, struct guest_job *j,
			  uint64_t seed, int slot)
{
	struct chaos_rng r = {seed * 0x2545F4914F6CDD1Dull + 7};
	static const size_t disk_sizes[] = {65536, 700, 0, 512, 1536};
	int mi = o->machine >= 0 ? o->machine : (int)(seed / 4 % NMACHINES);
	const struct chaos_machine *m = &chaos_machines[mi];
	struct chaos_kernel k = chaos_gen_shape(seed);
	int n = 0, ndisks = (int)chaos_below(&r, 4);
	k.ram_mb = m->ram_mb;
	k.capacity = 128;
	j->seed = seed;
	snprintf(j->kernel, sizeof j->kernel, "%s/s%d.elf", o->dir, slot);
	snprintf(j->err, sizeof j->err, "%s/s%d.err", o->dir, slot);
	snprintf(j->stats, sizeof j->stats, "%s/s%d.json", o->dir, slot);
	snprintf(j->insns, sizeof j->insns, "%llu",
		 (unsigned long long)o->insns);
	if (chaos_gen_kernel(seed, &k, j->kernel) != 0)
		return false;
	j->argv[n++] = (char *)o->bin;
	for (int i = 0; m->opts[i] != NULL; i++)
		j->argv[n++] = (char *)m->opts[i];
	j->argv[n++] = "--kernel", j->argv[n++] = j->kernel;
	j->argv[n++] = "--max-insns", j->argv[n++] = j->insns;
	for (int d = 0; d < ndisks; d++) {
		size_t sz = d == 0 ? 65536 : disk_sizes[chaos_below(&r, 5)];
		snprintf(j->disk[d], sizeof j->disk[d], "%s/s%d.disk%d", o->dir,
			 slot, d);
		if (!guest_file(j->disk[d], &r, sz))
			return false;
		j->argv[n++] = "--disk", j->argv[n++] = j->disk[d];
	}
	if (chaos_pct(&r, 30))
		j->argv[n++] = "--stats", j->argv[n++] = j->stats;
	if (chaos_pct(&r, 10))
		j->argv[n++] = "--dump-regs";
	j->argv[n] = NULL;
	j->cmd = (struct chaos_cmd){.argv = j->argv, .err_path = j->err,
				    .timeout = o->timeout,
				    .mem_limit = o->mem_limit};
	if (chaos_pct(&r, 70)) {
		j->cmd.input_len = chaos_below(&r, 400);
		for (size_t i = 0; i < j->cmd.input_len; i++)
			j->input[i] = (uint8_t)chaos_next(&r);
		j->cmd.input = j->input;
	}
	return true;
}

/* Whether a run that was not a crash ended in an allowed way. */
static bool guest_ok(const struct chaos_result *res)
{
	if (chaos_broken(res))
		return false;
	if (res->err_lines == 0)
		return true; /* powered off, any value */
	if (res->status == 3)
		return res->err_lines == 1 &&
		       strncmp(res->first, "minidisco: --max-insns ", 23) == 0;
	if (res->status == 4)
		return strncmp(res->first, "minidisco: fatal: ", 18) == 0;
	return false;
}

/* Keep a failing run's kernel and command line as fail-SEED.*. */
static void guest_keep(const struct guest_opts *o, const struct guest_job *j,
		       const char *what)
{
	char path[600];
	snprintf(path, sizeof path, "%s/fail-%llu.elf", o->dir,
		 (unsigned long long)j->seed);
	rename(j->kernel, path);
	snprintf(path, sizeof path, "%s/fail-%llu.cmd", o->dir,
		 (unsigned long long)j->seed);
	FILE *f = fopen(path, "w");
	if (f != NULL) {
		fprintf(f, "# %s\n# rerun: chaos guests %s %s %llu 1\n", what,
			o->bin, o->dir, (unsigned long long)j->seed);
		for (int i = 0; j->argv[i] != NULL; i++)
			fprintf(f, "%s ", j->argv[i]);
		fputc('\n', f);
		fclose(f);
	}
}

/* Parse the options after the four positional arguments; false if bad. */
static bool guest_parse(int argc, char **argv, struct guest_opts *o)
{
	if (argc < 4)
		return false;
	*o = (struct guest_opts){.bin = argv[0], .dir = argv[1],
				 .first = strtoull(argv[2], NULL, 0),
				 .count = strtoull(argv[3], NULL, 0),
				 .insns = 200000, .jobs = 2, .machine = -1,
				 .timeout = 30};
	for (int i = 4; i + 1 < argc; i += 2) {
		uint64_t v = strtoull(argv[i + 1], NULL, 0);
		if (strcmp(argv[i], "--jobs") == 0 && v >= 1 && v <= MAX_JOBS)
			o->jobs = (int)v;
		else if (strcmp(argv[i], "--insns") == 0 && v > 0)
			o->insns = v;
		else if (strcmp(argv[i], "--timeout") == 0 && v > 0)
			o->timeout = (double)v;
		else if (strcmp(argv[i], "--mem-limit") == 0)
			o->mem_limit = v << 20;
		else if (strcmp(argv[i], "--machine") == 0 && v < NMACHINES)
			o->machine = (int)v;
		else
			return false;
	}
	return (argc - 4) % 2 == 0 && access(o->bin, X_OK) == 0;
}

/* Collect job j if it ended; 1 if it failed, 0 if fine, -1 running. */
static int guest_collect(const struct guest_opts *o, struct guest_job *j,
			 double *worst, uint64_t *ends)
{
	struct chaos_result res;
	if (!chaos_poll(j->pid, j->started, &j->cmd, &res))
		return -1;
	j->pid = 0;
	if (res.seconds > *worst)
		*worst = res.seconds;
	if (getenv("CHAOS_VERBOSE") != NULL) {
		char line[512];
		chaos_describe(&res, line, sizeof line);
		printf("seed %llu: %.2f s: %s\n", (unsigned long long)j->seed,
		       res.seconds, line);
	}
	ends[chaos_broken(&res) ? 3 : res.err_lines == 0 ? 0
	     : res.status == 3 ? 1 : res.status == 4 ? 2 : 3]++;
	if (guest_ok(&res))
		return 0;
	char what[512];
	chaos_describe(&res, what, sizeof what);
	printf("chaos: seed %llu: %s\n", (unsigned long long)j->seed, what);
	fflush(stdout);
	guest_keep(o, j, what);
	return 1;
}

/* `chaos guests BIN WORKDIR FIRST_SEED COUNT [options]`. */
int chaos_cmd_guests(int argc, char **argv)
{
	struct guest_opts o;
	if (!guest_parse(argc, argv, &o)) {
		fprintf(stderr, "usage: chaos guests BIN WORKDIR FIRST_SEED "
			"COUNT [--jobs J] [--insns N] [--timeout S] "
			"[--mem-limit MB] [--machine K]\n");
		return 2;
	}
	struct guest_job *jobs = calloc(MAX_JOBS, sizeof *jobs);
	if (jobs == NULL)
		return 2;
	uint64_t next = o.first, end = o.first + o.count, failed = 0;
	double t0 = chaos_now(), worst = 0;
	uint64_t ends[4] = {0, 0, 0, 0};
	int running = 0;
	struct timespec nap = {0, 1000000};
	while (next < end || running > 0) {
		for (int s = 0; s < o.jobs && next < end; s++) {
			if (jobs[s].pid != 0)
				continue;
			if (!guest_prepare(&o, &jobs[s], next, s)) {
				perror("chaos: preparing a run");
				free(jobs);
				return 2;
			}
			jobs[s].started = chaos_now();
			jobs[s].pid = chaos_spawn(&jobs[s].cmd);
			if (jobs[s].pid < 0) {
				perror("chaos: fork");
				free(jobs);
				return 2;
			}
			next++, running++;
		}
		for (int s = 0; s < o.jobs; s++) {
			if (jobs[s].pid <= 0)
				continue;
			int rc = guest_collect(&o, &jobs[s], &worst, ends);
			if (rc >= 0)
				running--, failed += (uint64_t)rc;
		}
		nanosleep(&nap, NULL);
	}
	free(jobs);
	printf("chaos guests: seeds %llu..%llu, %llu runs, %llu failed, "
	       "%.1f s, slowest run %.2f s; power-off %llu, limit %llu, "
	       "idle %llu\n",
	       (unsigned long long)o.first,
	       (unsigned long long)(end - 1), (unsigned long long)o.count,
	       (unsigned long long)failed, chaos_now() - t0, worst,
	       (unsigned long long)ends[0],
	       (unsigned long long)ends[1], (unsigned long long)ends[2]);
	return failed ? 1 : 0;
}
