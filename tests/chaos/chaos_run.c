/*
 * chaos_run.c - run build/minidisco as a child with piped input, a
 * wall-clock limit and (without sanitizers) an address-space limit, and
 * tell how it ended: exit status, signal, timeout, and what its stderr
 * said (first line, number of lines, any sanitizer report).
 */
#include "tests/chaos/chaos.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* Seconds of a monotonic clock. */
double chaos_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* In the child: wire stdin, stdout, stderr and limits, then exec. */
static void chaos_child(const struct chaos_cmd *cmd, int in_fd)
{
	signal(SIGPIPE, SIG_DFL); /* the parent ignores it; minidisco must not */
	int out = open("/dev/null", O_WRONLY);
	int err = open(cmd->err_path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (out < 0 || err < 0 || dup2(in_fd, 0) < 0 || dup2(out, 1) < 0 ||
	    dup2(err, 2) < 0)
		_exit(125);
	if (cmd->mem_limit != 0) {
		struct rlimit rl = {cmd->mem_limit, cmd->mem_limit};
		setrlimit(RLIMIT_AS, &rl);
	}
	struct rlimit core = {0, 0};
	setrlimit(RLIMIT_CORE, &core);
	execv(cmd->argv[0], cmd->argv);
	_exit(126);
}

/* Start cmd; returns the child's pid, or -1. */
int chaos_spawn(const struct chaos_cmd *cmd)
{
	int p[2] = {-1, -1};
	if (cmd->input != NULL) {
		if (cmd->input_len > 4096 || pipe2(p, O_CLOEXEC) != 0)
			return -1;
	} else if ((p[0] = open("/dev/null", O_RDONLY | O_CLOEXEC)) < 0) {
		return -1;
	}
	pid_t pid = fork();
	if (pid == 0)
		chaos_child(cmd, p[0]);
	close(p[0]);
	if (p[1] >= 0) {
		/* At most a pipe buffer: the write never blocks. */
		if (pid > 0 && cmd->input_len > 0 &&
		    write(p[1], cmd->input, cmd->input_len) < 0)
			perror("chaos: write to child");
		close(p[1]);
	}
	return pid;
}

/* Read the child's stderr file into res (first line, lines, sanitizer). */
static void chaos_read_err(const char *path, struct chaos_result *res)
{
	FILE *f = fopen(path, "r");
	char line[4096];
	res->first[0] = '\0';
	res->err_lines = 0;
	res->sanitizer = false;
	if (f == NULL)
		return;
	while (fgets(line, sizeof line, f) != NULL) {
		if (res->err_lines++ == 0) {
			snprintf(res->first, sizeof res->first, "%.255s", line);
			res->first[strcspn(res->first, "\n")] = '\0';
		}
		if (strstr(line, "Sanitizer") != NULL ||
		    strstr(line, "runtime error:") != NULL)
			res->sanitizer = true;
	}
	fclose(f);
}

/* If pid ended (or overran cmd's timeout: killed), fill *res; true. */
bool chaos_poll(int pid, double started, const struct chaos_cmd *cmd,
		struct chaos_result *res)
{
	int st = 0;
	pid_t w = waitpid(pid, &st, WNOHANG);
	if (w == 0 || (w < 0 && errno == EINTR)) {
		if (chaos_now() - started <= cmd->timeout)
			return false;
		kill(pid, SIGKILL);
		waitpid(pid, &st, 0);
		memset(res, 0, sizeof *res);
		res->timed_out = true;
	} else {
		memset(res, 0, sizeof *res);
		if (WIFSIGNALED(st)) {
			res->signaled = true;
			res->sig = WTERMSIG(st);
		} else {
			res->status = WEXITSTATUS(st);
		}
	}
	res->seconds = chaos_now() - started;
	chaos_read_err(cmd->err_path, res);
	return true;
}

/* Wait for pid until cmd's timeout (then kill it); fill *res. */
void chaos_wait(int pid, double started, const struct chaos_cmd *cmd,
		struct chaos_result *res)
{
	struct timespec nap = {0, 1000000};
	while (!chaos_poll(pid, started, cmd, res))
		nanosleep(&nap, NULL);
}

/* Run cmd to its end; fill *res. */
void chaos_run(const struct chaos_cmd *cmd, struct chaos_result *res)
{
	double t0 = chaos_now();
	int pid = chaos_spawn(cmd);
	if (pid < 0) {
		memset(res, 0, sizeof *res);
		res->status = 125;
		snprintf(res->first, sizeof res->first, "chaos: cannot start");
		return;
	}
	chaos_wait(pid, t0, cmd, res);
}

/* Describe res on one line into buf. */
void chaos_describe(const struct chaos_result *res, char *buf, size_t len)
{
	if (res->timed_out)
		snprintf(buf, len, "TIMEOUT after %.1f s", res->seconds);
	else if (res->signaled)
		snprintf(buf, len, "killed by signal %d (%s); stderr: %s",
			 res->sig, strsignal(res->sig), res->first);
	else
		snprintf(buf, len, "exit %d, %d stderr line(s)%s: %s",
			 res->status, res->err_lines,
			 res->sanitizer ? " WITH A SANITIZER REPORT" : "",
			 res->first);
}

/* Whether res is a crash or a hang: never acceptable. */
bool chaos_broken(const struct chaos_result *res)
{
	return res->timed_out || res->signaled || res->sanitizer;
}
