/*
 * init.c - the first user program.  The kernel runs it as
 *     /init WORD...
 * with the words of the kernel command line (--append).  init opens the
 * console as file descriptors 0, 1 and 2 (making /console first if the
 * disk has none), then:
 *   - with a word run=PROG[,ARG...] (arguments separated by commas, since
 *     the command line splits at blanks), runs PROG with those arguments,
 *     waits for it, syncs the disk and powers off with its exit status
 *     (127 if PROG could not be started): the batch runs of `make test`;
 *   - otherwise runs /bin/sh, again whenever it exits, and collects every
 *     orphan that ends up as its child; when the shell exits because the
 *     console's input has ended for good (the host's stdin was a file or
 *     a pipe), init syncs and powers off with the shell's status.
 * Other words are ignored.
 */
#include "ulib.h"

#define MAXRUNARGS 16
#define RETRY_TICKS 100 /* ticks to pause before trying again */

/* Make fds 0, 1 and 2 the console. */
static void open_console(void)
{
	int fd = open("/console", O_RDWR);
	if (fd < 0) {
		mknod("/console", CONSOLE, 0);
		fd = open("/console", O_RDWR);
	}
	if (fd < 0)
		exit(1);
	while (fd < 2)
		fd = dup(fd);
}

/* Split the comma-separated run= value into argv (modifies s). */
static int split_run(char *s, char **argv)
{
	int n = 0;
	while (n < MAXRUNARGS) {
		argv[n++] = s;
		char *c = strchr(s, ',');
		if (!c)
			break;
		*c = 0;
		s = c + 1;
	}
	argv[n] = 0;
	return n;
}

/* Start argv[0] in a child; return its pid, or -1. */
static int start(char **argv)
{
	int pid = fork();
	if (pid == 0) {
		exec(argv[0], argv);
		fprintf(2, "init: cannot run %s\n", argv[0]);
		exit(127);
	}
	return pid;
}

/* Wait for pid, reaping other children on the way; return its status. */
static int wait_for(int pid)
{
	for (;;) {
		int status = 0;
		int w = wait(&status);
		if (w == pid)
			return status;
		if (w < 0)
			return -1;
	}
}

/* Run one program, then power off with its exit status. */
static void batch(char *spec)
{
	char *argv[MAXRUNARGS + 1];
	split_run(spec, argv);
	int pid = start(argv);
	int status = pid < 0 ? 127 : wait_for(pid);
	printf("init: %s exited with status %d\n", argv[0], status);
	sync();
	poweroff(status);
	exit(status);
}

/* Copy /etc/motd, if there is one, to the console. */
static void motd(void)
{
	char buf[256];
	int n, fd = open("/etc/motd", O_RDONLY);
	if (fd < 0)
		return;
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		writeall(1, buf, n);
	close(fd);
}

/* Run the shell forever. */
static void interactive(void)
{
	char *argv[] = { "/bin/sh", 0 };
	motd();
	for (;;) {
		int pid = start(argv);
		if (pid < 0) {
			fprintf(2, "init: fork failed\n");
			sleep(RETRY_TICKS);
			continue;
		}
		int status = wait_for(pid);
		if (read(0, 0, 0) < 0) {  /* the console says: no more input */
			sync();
			poweroff(status);
		}
	}
}

/* Set up the console and run the batch program or the shell. */
int main(int argc, char **argv)
{
	open_console();
	for (int i = 1; i < argc; i++)
		if (strncmp(argv[i], "run=", 4) == 0)
			batch(argv[i] + 4);
	interactive();
	return 0;
}
