/* pipe.c - usertests of pipes: data through a pipe, several writers, closing ends. */
#include "ut.h"

#define PIPEBYTES (64 * 1024)

/* Pipe: a child sends 64 KB in odd-sized writes; the parent checks each byte. */
void t_pipe(void)
{
	int p[2];
	CHECK(pipe(p) == 0);
	int pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		char buf[777];
		close(p[0]);
		for (int sent = 0; sent < PIPEBYTES;) {
			int n = PIPEBYTES - sent < (int)sizeof(buf) ? PIPEBYTES - sent : (int)sizeof(buf);
			for (int i = 0; i < n; i++)
				buf[i] = (char)((sent + i) % 251);
			CHECK(write(p[1], buf, n) == n);
			sent += n;
		}
		exit(0);
	}
	close(p[1]);
	char buf[1000];
	int got = 0, n;
	while ((n = read(p[0], buf, sizeof(buf))) > 0) {
		for (int i = 0; i < n; i++)
			CHECK(buf[i] == (char)((got + i) % 251));
		got += n;
	}
	CHECK(n == 0 && got == PIPEBYTES);
	close(p[0]);
	int st = -1;
	CHECK(wait(&st) == pid && st == 0);
}

#define WRITERS 5
#define PER_WRITER 3000

/* Several writers: each sends its id PER_WRITER times; the reader counts them. */
void t_pipewriters(void)
{
	int p[2];
	CHECK(pipe(p) == 0);
	for (int w = 0; w < WRITERS; w++) {
		int pid = fork();
		CHECK(pid >= 0);
		if (pid == 0) {
			char buf[100];
			close(p[0]);
			memset(buf, 'a' + w, sizeof(buf));
			for (int sent = 0; sent < PER_WRITER; sent += sizeof(buf))
				CHECK(write(p[1], buf, sizeof(buf)) == sizeof(buf));
			exit(0);
		}
	}
	close(p[1]);
	int count[WRITERS] = { 0 }, n;
	char buf[512];
	while ((n = read(p[0], buf, sizeof(buf))) > 0)
		for (int i = 0; i < n; i++) {
			CHECK(buf[i] >= 'a' && buf[i] < 'a' + WRITERS);
			count[buf[i] - 'a']++;
		}
	close(p[0]);
	for (int w = 0; w < WRITERS; w++) {
		CHECK(count[w] == PER_WRITER);
		int st = -1;
		CHECK(wait(&st) > 0 && st == 0);
	}
}

/* Closing ends: readers see end of file, writers with no reader get -1. */
void t_pipeclose(void)
{
	int p[2];
	char c;
	CHECK(pipe(p) == 0 && p[0] >= 0 && p[1] >= 0 && p[0] != p[1]);
	CHECK(write(p[1], "z", 1) == 1 && close(p[1]) == 0);
	CHECK(read(p[0], &c, 1) == 1 && c == 'z' && read(p[0], &c, 1) == 0);
	CHECK(write(p[0], "z", 1) == -1);
	close(p[0]);
	CHECK(pipe(p) == 0 && close(p[0]) == 0);
	CHECK(write(p[1], "z", 1) == -1);
	CHECK(read(p[1], &c, 1) == -1);
	close(p[1]);
	/* a reader blocked in read wakes up when the last writer goes away */
	CHECK(pipe(p) == 0);
	int pid = fork();
	if (pid == 0) {
		close(p[1]);
		exit(read(p[0], &c, 1) == 0 ? 0 : 1);
	}
	sleep(2);
	close(p[1]);
	int st = -1;
	CHECK(wait(&st) == pid && st == 0);
	close(p[0]);
	/* many pipes at once, until the file table or descriptors run out */
	int fds[40], n = 0;
	while (n + 2 <= 40 && pipe(fds + n) == 0)
		n += 2;
	CHECK(n >= 8);
	for (int i = 0; i < n; i++)
		CHECK(close(fds[i]) == 0);
}
