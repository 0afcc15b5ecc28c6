/*
 * main.c - usertests: every test runs in a child process of its own, so
 * a test that crashes or is killed shows up as a failure, not a hang.
 *
 *     usertests            run all tests in order
 *     usertests NAME...    run only the named tests
 *
 * Prints "test NAME: ok" per test and "ALL TESTS PASSED" (status 0), or
 * stops at the first failure naming it (status 1).
 */
#include "ut.h"

/* One entry of the test table. */
struct utest {
	const char *name;
	void (*fn)(void);
};

static const struct utest tests[] = {
	{ "forkwait", t_forkwait },     { "exitstatus", t_exitstatus },
	{ "sleep", t_sleep },           { "procinfo", t_procinfo },
	{ "exec", t_exec },             { "execbad", t_execbad },
	{ "sbrk", t_sbrk },             { "cow", t_cow },
	{ "stack", t_stack },           { "protect", t_protect },
	{ "badptr", t_badptr },         { "badargs", t_badargs },
	{ "files", t_files },           { "dirs", t_dirs },
	{ "link", t_link },             { "dup", t_dup },
	{ "bigfile", t_bigfile },       { "manyfiles", t_manyfiles },
	{ "fsconcurrent", t_fsconcurrent },
	{ "inodetable", t_inodetable }, { "filetable", t_filetable },
	{ "pipe", t_pipe },             { "pipewriters", t_pipewriters },
	{ "pipeclose", t_pipeclose },   { "kill", t_kill },
	{ "threads", t_threads },       { "manythreads", t_manythreads },
	{ "sem", t_sem },               { "barrier", t_barrier },
	{ "tsync", t_tsync },           { "fpu", t_fpu },
	{ "threadexit", t_threadexit }, { "cowthreads", t_cowthreads },
	{ "sbrkthreads", t_sbrkthreads }, { "forkbomb", t_forkbomb },
	{ "oom", t_oom },
};
#define NTESTS (int)(sizeof(tests) / sizeof(tests[0]))

/* Report a failed check and end the test's process with status 1. */
void ut_fail(const char *file, int line, const char *what)
{
	printf("  check failed at %s:%d: %s\n", file, line, what);
	exit(1);
}

/* Run fn in a child; return the child's exit status. */
int ut_fork_wait(void (*fn)(void))
{
	int pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		fn();
		exit(0);
	}
	int status = -1;
	CHECK(wait(&status) == pid);
	return status;
}

/* Read up to max-1 bytes of path into buf (NUL-terminated); return the count. */
int ut_read_file(const char *path, char *buf, int max)
{
	int fd = open(path, O_RDONLY);
	CHECK(fd >= 0);
	int n = 0, r;
	while (n < max - 1 && (r = read(fd, buf + n, max - 1 - n)) > 0)
		n += r;
	buf[n] = 0;
	close(fd);
	return n;
}

/* Create (or truncate) path holding the n bytes of buf. */
void ut_write_file(const char *path, const char *buf, int n)
{
	int fd = open(path, O_CREATE | O_TRUNC | O_WRONLY);
	CHECK(fd >= 0);
	CHECK(write(fd, buf, n) == n);
	CHECK(close(fd) == 0);
}

/* Run one test in its own process; return 1 if it passed. */
static int run(const struct utest *t)
{
	int start = uptime();
	int status = ut_fork_wait(t->fn);
	if (status != 0) {
		printf("test %s: FAILED (status %d)\n", t->name, status);
		return 0;
	}
	printf("test %s: ok (%d ticks)\n", t->name, uptime() - start);
	return 1;
}

/* True if the test called name was asked for. */
static int wanted(const char *name, int argc, char **argv)
{
	if (argc < 2)
		return 1;
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], name) == 0)
			return 1;
	return 0;
}

/* Run the chosen tests; stop at the first failure. */
int main(int argc, char **argv)
{
	printf("usertests starting on %d cpus\n", ncpus());
	int start = uptime();
	for (int i = 0; i < NTESTS; i++) {
		if (!wanted(tests[i].name, argc, argv))
			continue;
		if (!run(&tests[i])) {
			printf("usertests: FAILED in test %s\n", tests[i].name);
			return 1;
		}
	}
	printf("ALL TESTS PASSED (%d ticks)\n", uptime() - start);
	return 0;
}
