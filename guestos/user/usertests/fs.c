/* fs.c - usertests of the file system: files, big files, many files, directories, links, dup. */
#include "ut.h"
#include "fs.h"

/* Files: create, write, read back, stat, truncate, modes, unlink. */
void t_files(void)
{
	char buf[128];
	unlink("ut_f");
	CHECK(open("ut_f", O_RDONLY) == -1);
	int fd = open("ut_f", O_CREATE | O_RDWR);
	CHECK(fd >= 0);
	CHECK(write(fd, "hello, file system", 18) == 18);
	CHECK(close(fd) == 0);
	CHECK(ut_read_file("ut_f", buf, sizeof(buf)) == 18);
	CHECK(strcmp(buf, "hello, file system") == 0);
	struct stat st;
	CHECK(stat("ut_f", &st) == 0);
	CHECK(st.type == T_FILE && st.size == 18 && st.nlink == 1 && st.ino > 1);
	fd = open("ut_f", O_RDONLY);
	CHECK(fd >= 0 && write(fd, "x", 1) == -1);
	CHECK(read(fd, buf, 5) == 5 && read(fd, buf + 5, 100) == 13);
	CHECK(read(fd, buf, 10) == 0);
	close(fd);
	fd = open("ut_f", O_WRONLY);
	CHECK(fd >= 0 && read(fd, buf, 1) == -1);
	CHECK(write(fd, "HE", 2) == 2);
	close(fd);
	CHECK(ut_read_file("ut_f", buf, sizeof(buf)) == 18 && buf[0] == 'H');
	fd = open("ut_f", O_WRONLY | O_TRUNC);
	CHECK(fd >= 0 && fstat(fd, &st) == 0 && st.size == 0);
	close(fd);
	CHECK(unlink("ut_f") == 0 && unlink("ut_f") == -1);
	/* an unlinked file stays readable while open */
	ut_write_file("ut_g", "still here", 10);
	fd = open("ut_g", O_RDONLY);
	CHECK(fd >= 0 && unlink("ut_g") == 0);
	CHECK(read(fd, buf, sizeof(buf)) == 10 && memcmp(buf, "still here", 10) == 0);
	close(fd);
	/* a device node for the console */
	CHECK(mknod("ut_cons", CONSOLE, 0) == 0);
	fd = open("ut_cons", O_RDWR);
	CHECK(fd >= 0 && fstat(fd, &st) == 0 && st.type == T_DEVICE);
	close(fd);
	CHECK(unlink("ut_cons") == 0);
	CHECK(sync() == 0);
}

#define BIGSIZE (500 * 1024)

/* Fill buf with the pattern bytes of the file at offset off. */
static void pattern(char *buf, int off, int n)
{
	for (int i = 0; i < n; i++)
		buf[i] = (char)((off + i) * 7 + (off + i) / 1021);
}

/* A 500 KB file (through the double indirect block), written and read back. */
void t_bigfile(void)
{
	static char buf[4096], want[4096];
	unlink("ut_big");
	int fd = open("ut_big", O_CREATE | O_WRONLY);
	CHECK(fd >= 0);
	for (int off = 0; off < BIGSIZE; off += sizeof(buf)) {
		pattern(buf, off, sizeof(buf));
		CHECK(write(fd, buf, sizeof(buf)) == sizeof(buf));
	}
	close(fd);
	struct stat st;
	CHECK(stat("ut_big", &st) == 0 && st.size == BIGSIZE);
	fd = open("ut_big", O_RDONLY);
	CHECK(fd >= 0);
	int off = 0, n;
	while ((n = read(fd, buf, 1000)) > 0) {
		pattern(want, off, n);
		CHECK(memcmp(buf, want, n) == 0);
		off += n;
	}
	CHECK(n == 0 && off == BIGSIZE);
	close(fd);
	CHECK(unlink("ut_big") == 0);
}

/* Many files in one directory, then the directory removed when empty. */
void t_manyfiles(void)
{
	char name[32], buf[32];
	CHECK(mkdir("ut_many") == 0);
	for (int i = 0; i < 80; i++) {
		snprintf(name, sizeof(name), "ut_many/f%d", i);
		snprintf(buf, sizeof(buf), "file %d", i);
		ut_write_file(name, buf, strlen(buf) + 1);
	}
	CHECK(unlink("ut_many") == -1);
	int fd = open("ut_many", O_RDONLY), entries = 0;
	struct dirent de;
	while (read(fd, &de, sizeof(de)) == sizeof(de))
		entries += de.inum != 0;
	close(fd);
	CHECK(entries == 82);  /* with . and .. */
	for (int i = 0; i < 80; i++) {
		snprintf(name, sizeof(name), "ut_many/f%d", i);
		char want[32];
		snprintf(want, sizeof(want), "file %d", i);
		ut_read_file(name, buf, sizeof(buf));
		CHECK(strcmp(buf, want) == 0);
		CHECK(unlink(name) == 0);
	}
	CHECK(unlink("ut_many") == 0);
	CHECK(chdir("ut_many") == -1);
}

/* Directories: nesting, chdir, "." and "..", and what may not be done to them. */
void t_dirs(void)
{
	CHECK(mkdir("ut_d") == 0 && mkdir("ut_d/a") == 0 && mkdir("ut_d/a/b") == 0);
	CHECK(mkdir("ut_d") == -1);
	CHECK(chdir("ut_d/a/b") == 0);
	ut_write_file("../../x", "xx", 2);
	CHECK(chdir("../..") == 0);
	struct stat st;
	CHECK(stat("x", &st) == 0 && st.size == 2);
	CHECK(stat("a/b/../../x", &st) == 0);
	CHECK(stat(".", &st) == 0 && st.type == T_DIR);
	CHECK(open(".", O_WRONLY) == -1 && open("a", O_RDWR) == -1);
	CHECK(chdir("x") == -1);
	CHECK(open("x/y", O_CREATE | O_RDWR) == -1 && mkdir("x/y") == -1);
	CHECK(unlink("a") == -1);
	CHECK(unlink("a/b/.") == -1 && unlink("a/b/..") == -1);
	CHECK(link("a", "a2") == -1);
	CHECK(unlink("a/b") == 0 && unlink("a") == 0 && unlink("x") == 0);
	CHECK(chdir("/") == 0 && unlink("ut_d") == 0);
	CHECK(stat("/ut_d", &st) == -1);
}

/* Links: two names for one inode; it lives until the last name goes. */
void t_link(void)
{
	char buf[16];
	ut_write_file("ut_l1", "linked", 6);
	CHECK(link("ut_l1", "ut_l2") == 0);
	CHECK(link("ut_l1", "ut_l2") == -1 && link("ut_nope", "ut_l3") == -1);
	struct stat a, b;
	CHECK(stat("ut_l1", &a) == 0 && stat("ut_l2", &b) == 0);
	CHECK(a.ino == b.ino && a.nlink == 2);
	CHECK(unlink("ut_l1") == 0);
	CHECK(ut_read_file("ut_l2", buf, sizeof(buf)) == 6 && strcmp(buf, "linked") == 0);
	CHECK(stat("ut_l2", &b) == 0 && b.nlink == 1);
	CHECK(unlink("ut_l2") == 0);
}

/* dup: the copies share the offset; the descriptor table fills up and empties. */
void t_dup(void)
{
	char buf[16];
	int fd = open("ut_dup", O_CREATE | O_RDWR);
	CHECK(fd >= 0);
	int fd2 = dup(fd);
	CHECK(fd2 > fd);
	CHECK(write(fd, "ab", 2) == 2 && write(fd2, "cd", 2) == 2);
	CHECK(close(fd) == 0 && write(fd2, "e", 1) == 1 && close(fd2) == 0);
	CHECK(ut_read_file("ut_dup", buf, sizeof(buf)) == 5 && strcmp(buf, "abcde") == 0);
	int fds[32], n = 0;
	while (n < 32 && (fds[n] = open("ut_dup", O_RDONLY)) >= 0)
		n++;
	CHECK(n >= 10 && n < 32);
	CHECK(dup(0) == -1);
	for (int i = 0; i < n; i++)
		CHECK(close(fds[i]) == 0);
	CHECK(unlink("ut_dup") == 0);
}

/* One of the concurrent file system workers: its own files in a shared directory. */
static void fs_worker(int id)
{
	char name[32], buf[600], got[600];
	for (int round = 0; round < 10; round++) {
		snprintf(name, sizeof(name), "ut_cc/w%d_%d", id, round);
		for (int i = 0; i < (int)sizeof(buf); i++)
			buf[i] = (char)(id * 31 + round + i);
		ut_write_file(name, buf, sizeof(buf));
		int fd = open(name, O_RDONLY);
		CHECK(fd >= 0 && read(fd, got, sizeof(got)) == sizeof(got));
		close(fd);
		CHECK(memcmp(buf, got, sizeof(buf)) == 0);
		if (round % 2)
			CHECK(unlink(name) == 0);
	}
	exit(0);
}

/* Four processes create, read and remove files in one directory at once. */
void t_fsconcurrent(void)
{
	CHECK(mkdir("ut_cc") == 0);
	for (int id = 0; id < 4; id++) {
		int pid = fork();
		CHECK(pid >= 0);
		if (pid == 0)
			fs_worker(id);
	}
	for (int i = 0; i < 4; i++) {
		int st = -1;
		CHECK(wait(&st) > 0 && st == 0);
	}
	char name[32];
	for (int id = 0; id < 4; id++)
		for (int round = 0; round < 10; round += 2) {
			snprintf(name, sizeof(name), "ut_cc/w%d_%d", id, round);
			CHECK(unlink(name) == 0);
		}
	CHECK(unlink("ut_cc") == 0);
}
