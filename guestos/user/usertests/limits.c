/*
 * limits.c - usertests of the kernel's fixed tables: with every in-memory
 * inode (NINODE, 100) or every open file (NFILE, 100) in use, the system
 * calls that need one more fail with -1; the kernel keeps running, and
 * the entries come back when their holders let go.
 *
 * Holders are threads (sproc): each has a descriptor table of its own
 * (NOFILE, 16) but shares memory, so they meet at barriers without using
 * a file for it.  HOLDERS x PER_HOLDER descriptors are more than either
 * table holds; the holders fill the table under test together, so their
 * own calls hit the limit too.  For the inode table each holder works in a small directory
 * of its own (directory scans stay short, and its working directory
 * takes an inode but no file, so the inode table fills first).
 */
#include "ut.h"
#include "fs.h"

#define HOLDERS 8
#define PER_HOLDER 13 /* NOFILE less stdin, stdout and stderr */

static volatile int held[HOLDERS];  /* descriptors holder k got */
static const char *hold_path;       /* the file to open, or 0: new files */
static struct barrier hold_bar;     /* holders and the test, twice */

/* Open up to PER_HOLDER files into fds: hold_path each time, or new files f0, f1, ...; return how many opened. */
static int hold_open(int *fds)
{
	char name[16];
	int n;

	for (n = 0; n < PER_HOLDER; n++) {
		snprintf(name, sizeof(name), "f%d", n);
		fds[n] = hold_path ? open(hold_path, O_RDONLY)
				   : open(name, O_CREATE | O_RDWR);
		if (fds[n] < 0)
			break;
	}
	return n;
}

/* Close the n files of fds, removing them if they were new. */
static void hold_close(int *fds, int n)
{
	char name[16];

	for (int j = 0; j < n; j++) {
		close(fds[j]);
		snprintf(name, sizeof(name), "f%d", j);
		if (!hold_path)
			unlink(name);
	}
}

/* Holder k of hold_path: hold its files until the test has checked. */
static void file_holder(void *arg)
{
	int fds[PER_HOLDER], n = hold_open(fds);

	held[(intptr_t)arg] = n;
	barrier_wait(&hold_bar);  /* every holder is full */
	barrier_wait(&hold_bar);  /* the test has checked */
	hold_close(fds, n);
}

/* Holder k of new files, in a directory dK of its own: its working directory is one more inode, with no open file. */
static void dir_holder(void *arg)
{
	int k = (int)(intptr_t)arg, fds[PER_HOLDER], n = 0;
	char dir[16];

	snprintf(dir, sizeof(dir), "d%d", k);
	int in = mkdir(dir) == 0 && chdir(dir) == 0;
	if (in)
		n = hold_open(fds);
	held[k] = n;
	barrier_wait(&hold_bar);
	barrier_wait(&hold_bar);
	hold_close(fds, n);
	if (in)
		chdir("..");
	unlink(dir);
}

/* Start the holders on path (0: new files) and wait until they are full; return how many files they hold. */
static int hold_start(const char *path, int *tids)
{
	int total = 0;

	hold_path = path;
	barrier_init(&hold_bar, HOLDERS + 1);
	for (int k = 0; k < HOLDERS; k++) {
		tids[k] = thread_create(path ? file_holder : dir_holder,
					(void *)(intptr_t)k);
		CHECK(tids[k] > 0);
	}
	barrier_wait(&hold_bar);
	for (int k = 0; k < HOLDERS; k++)
		total += held[k];
	return total;
}

/* Let the holders go and collect them. */
static void hold_end(int *tids)
{
	barrier_wait(&hold_bar);
	for (int k = 0; k < HOLDERS; k++)
		CHECK(thread_join(tids[k]) == 0);
}

/* Return how many entries of the current directory are in use; *nx counts those named x. */
static int dir_entries(int *nx)
{
	struct dirent de;
	int fd = open(".", O_RDONLY), n = 0;

	CHECK(fd >= 0);
	*nx = 0;
	while (read(fd, &de, sizeof(de)) == sizeof(de)) {
		n += de.inum != 0;
		*nx += de.inum != 0 && strcmp(de.name, "x") == 0;
	}
	close(fd);
	return n;
}

/* The calls that need one more in-memory inode fail while all are in use; the rest work. */
static void itable_full_checks(void)
{
	char *argv[] = { "echo", 0 };
	struct stat st;
	char h[16] = "d0/f0";
	int fd;

	for (int k = 0; k < HOLDERS; k++)
		if (held[k] > 0)
			snprintf(h, sizeof(h), "d%d/f0", k);
	CHECK(open("x", O_RDONLY) == -1);
	CHECK(open("x", O_CREATE | O_RDWR) == -1);
	CHECK(open("y", O_CREATE | O_RDWR) == -1 && mkdir("y") == -1);
	CHECK(chdir("/bin") == -1 && exec("/bin/echo", argv) == -1);
	CHECK(unlink("x") == -1);
	CHECK(link(h, "x") == -1);  /* x exists, though not in memory */
	CHECK(stat(h, &st) == 0 && st.nlink == 1);  /* h is in memory */
	CHECK((fd = open(h, O_RDONLY)) >= 0 && close(fd) == 0);
}

/* A full inode table: open, create, mkdir, chdir, exec, link, unlink fail; all works again after. */
void t_inodetable(void)
{
	int tids[HOLDERS], nx, fd;
	struct stat st;

	CHECK(mkdir("ut_it") == 0 && chdir("ut_it") == 0);
	ut_write_file("x", "x", 1);
	int total = hold_start(0, tids);
	CHECK(total >= 50 && total < HOLDERS * PER_HOLDER);
	itable_full_checks();
	hold_end(tids);
	CHECK((fd = open("x", O_RDONLY)) >= 0 && close(fd) == 0);
	CHECK(stat("y", &st) == -1);
	CHECK(dir_entries(&nx) == 3 && nx == 1);  /* ".", "..", one x */
	CHECK(unlink("x") == 0 && chdir("..") == 0 && unlink("ut_it") == 0);
}

/* A full file table: open and pipe fail; dup, which needs no new file, works; all works again after. */
void t_filetable(void)
{
	int tids[HOLDERS], p[2], fd;

	int total = hold_start("/README", tids);
	CHECK(total >= 50 && total < HOLDERS * PER_HOLDER);
	CHECK(open("/README", O_RDONLY) == -1 && open("/etc/motd", O_RDONLY) == -1);
	CHECK(pipe(p) == -1);
	CHECK((fd = dup(1)) >= 0 && close(fd) == 0);
	hold_end(tids);
	CHECK((fd = open("/README", O_RDONLY)) >= 0 && close(fd) == 0);
	CHECK(pipe(p) == 0 && close(p[0]) == 0 && close(p[1]) == 0);
}
