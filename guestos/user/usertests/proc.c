/* proc.c - usertests of processes: fork, exit, wait, kill, sleep, exec, procinfo. */
#include "ut.h"

/* fork/wait: ten children with distinct statuses; wait with none left fails. */
void t_forkwait(void)
{
	int pids[10];
	int me = getpid();
	for (int i = 0; i < 10; i++) {
		pids[i] = fork();
		CHECK(pids[i] >= 0);
		if (pids[i] == 0) {
			if (getpid() == me)
				exit(100);
			exit(10 + i);
		}
	}
	for (int n = 0; n < 10; n++) {
		int status = -1;
		int pid = wait(&status);
		int i = 0;
		while (i < 10 && pids[i] != pid)
			i++;
		CHECK(i < 10);
		CHECK(status == 10 + i);
		pids[i] = 0;
	}
	CHECK(wait(0) == -1);
	CHECK(getpid() == me);
}

/* A child body that exits with status 42. */
static void exit42(void)
{
	exit(42);
}

/* exit: the status reaches the parent, including 0 and 255. */
void t_exitstatus(void)
{
	CHECK(ut_fork_wait(exit42) == 42);
	int pid = fork();
	if (pid == 0)
		exit(255);
	int st = 0;
	CHECK(wait(&st) == pid && st == 255);
	pid = fork();
	if (pid == 0)
		exit(0);
	st = 1;
	CHECK(wait(&st) == pid && st == 0);
}

/* Fork until the process table is full, keeping every child alive; return the count. */
static int fill_proc_table(void)
{
	int p[2];
	CHECK(pipe(p) == 0);
	int n = 0;
	for (;;) {
		int pid = fork();
		if (pid < 0)
			break;
		if (pid == 0) {
			char c;
			close(p[1]);
			read(p[0], &c, 1);  /* returns 0 once the parent closes p[1] */
			exit(0);
		}
		n++;
		CHECK(n < 1000);
	}
	close(p[0]);
	close(p[1]);
	for (int i = 0; i < n; i++)
		CHECK(wait(0) > 0);
	CHECK(wait(0) == -1);
	return n;
}

/* Fork bomb: fork until it fails, reap all; the table must be fully reusable. */
void t_forkbomb(void)
{
	int n1 = fill_proc_table();
	int n2 = fill_proc_table();
	printf("  forkbomb: %d then %d processes\n", n1, n2);
	CHECK(n1 >= 8);
	CHECK(n2 >= n1 - 1 && n2 <= n1 + 1);
}

/* A child body that spins forever. */
static void spin(void)
{
	volatile int x = 0;
	for (;;)
		x++;
}

/* kill: a spinning child, a sleeping child, a child blocked on a pipe. */
void t_kill(void)
{
	int pids[3], p[2];
	CHECK(pipe(p) == 0);
	for (int i = 0; i < 3; i++) {
		pids[i] = fork();
		CHECK(pids[i] >= 0);
		if (pids[i] == 0) {
			if (i == 0)
				spin();
			if (i == 1)
				sleep(1000000);
			char c;
			close(p[1]);
			read(p[0], &c, 1);
			exit(0);
		}
	}
	sleep(3);
	for (int i = 0; i < 3; i++)
		CHECK(kill(pids[i]) == 0);
	int start = uptime();
	for (int i = 0; i < 3; i++) {
		int st = 0;
		int pid = wait(&st);
		CHECK(pid == pids[0] || pid == pids[1] || pid == pids[2]);
		CHECK(st != 0);
	}
	CHECK(uptime() - start < 200);
	CHECK(kill(99999) == -1);
	CHECK(kill(-1) == -1);
	CHECK(kill(1) == -1);    /* init cannot be killed */
	close(p[0]);
	close(p[1]);
}

/* sleep and uptime: time moves, and sleep waits at least as long as asked. */
void t_sleep(void)
{
	int t0 = uptime();
	CHECK(t0 >= 0);
	CHECK(sleep(5) == 0);
	int t1 = uptime();
	CHECK(t1 - t0 >= 5);
	CHECK(sleep(0) == 0);
}

/* exec: /bin/echo with arguments, output redirected to a file by the child. */
void t_exec(void)
{
	unlink("ut_exec.out");
	int pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		close(1);
		CHECK(open("ut_exec.out", O_CREATE | O_WRONLY) == 1);
		char *argv[] = { "echo", "exec", "works", "with", "args", 0 };
		exec("/bin/echo", argv);
		exit(99);
	}
	int st = -1;
	CHECK(wait(&st) == pid && st == 0);
	char buf[64];
	ut_read_file("ut_exec.out", buf, sizeof(buf));
	CHECK(strcmp(buf, "exec works with args\n") == 0);
	CHECK(unlink("ut_exec.out") == 0);
	/* main's return value is the exit status (crt0 calls exit) */
	pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		char *argv[] = { "grep", "no-such-line-anywhere", "/README", 0 };
		exec("/bin/grep", argv);
		exit(99);
	}
	CHECK(wait(&st) == pid && st == 1);
}

/* The body of t_execbad, in a child that ends with 77 if no exec succeeded. */
static void execbad_child(void)
{
	char *argv[] = { "x", 0 };
	CHECK(exec("/no/such/file", argv) == -1);
	CHECK(exec("/", argv) == -1);
	CHECK(exec("/bin", argv) == -1);
	ut_write_file("ut_text", "#!/bin/sh\necho hi\n", 18);
	CHECK(exec("ut_text", argv) == -1);
	/* an ELF header without the rest of the file */
	char head[200];
	int fd = open("/bin/echo", O_RDONLY);
	CHECK(fd >= 0 && read(fd, head, sizeof(head)) == sizeof(head));
	close(fd);
	ut_write_file("ut_trunc", head, sizeof(head));
	CHECK(exec("ut_trunc", argv) == -1);
	/* a bad entry in the program header: patch e_phoff to point past the end */
	head[28] = 0x7f;
	ut_write_file("ut_badph", head, sizeof(head));
	CHECK(exec("ut_badph", argv) == -1);
	/* too many arguments */
	char *many[64];
	for (int i = 0; i < 63; i++)
		many[i] = "arg";
	many[63] = 0;
	CHECK(exec("/bin/echo", many) == -1);
	CHECK(unlink("ut_text") == 0 && unlink("ut_trunc") == 0);
	CHECK(unlink("ut_badph") == 0);
	exit(77);
}

/* exec of things that are not programs fails and leaves the caller intact. */
void t_execbad(void)
{
	CHECK(ut_fork_wait(execbad_child) == 77);
}

/* procinfo: init and this test are listed with sane fields. */
void t_procinfo(void)
{
	static struct procinfo pi[256];
	int n = procinfo(pi, 256);
	CHECK(n >= 2 && n <= 256);
	int me = -1, init = -1;
	for (int i = 0; i < n; i++) {
		if (pi[i].pid == getpid())
			me = i;
		if (pi[i].pid == 1)
			init = i;
	}
	CHECK(me >= 0 && init >= 0);
	CHECK(pi[me].state == PI_RUNNING);
	CHECK(pi[me].cpu >= 0 && pi[me].cpu < ncpus());
	CHECK(pi[me].size > 0);
	CHECK(strncmp(pi[me].name, "usertests", 9) == 0);
	CHECK(pi[me].sgroup == pi[me].pid);
	CHECK(procinfo(pi, 1) == 1);
	CHECK(ncpus() >= 1 && ncpus() <= 32);
}
