/*
 * bad.c - usertests of system calls given bad pointers and bad
 * arguments: each must fail with -1 and leave the caller running.
 */
#include "ut.h"
#include "syscall.h"

/* Pointers no system call may read or write through. */
static void *const badptrs[] = { 0, KADDR, DEVADDR, HOLE, (void *)0xFFFFF000 };
#define NBAD (int)(sizeof(badptrs) / sizeof(badptrs[0]))

/* Make a raw system call with a number the library has no stub for. */
static int raw_syscall(int num, int a0)
{
	register int v0 __asm__("$2") = num;
	register int r4 __asm__("$4") = a0;
	__asm__ volatile("syscall" : "+r"(v0) : "r"(r4)
			 : "$1", "$3", "$5", "$6", "$7", "$8", "$9", "$10",
			   "$11", "$12", "$13", "$14", "$15", "$24", "$25",
			   "hi", "lo", "memory");
	return v0;
}

/* Calls that take a path, each given the bad pointer p. */
static void bad_paths(char *p)
{
	char *argv[] = { "echo", 0 };
	CHECK(open(p, O_RDONLY) == -1);
	CHECK(open(p, O_CREATE | O_RDWR) == -1);
	CHECK(mkdir(p) == -1);
	CHECK(chdir(p) == -1);
	CHECK(unlink(p) == -1);
	CHECK(link(p, "ut_l") == -1);
	CHECK(link("/bin/echo", p) == -1);
	CHECK(mknod(p, CONSOLE, 0) == -1);
	CHECK(exec(p, argv) == -1);
}

/* Calls that take a buffer or a result pointer, each given p. */
static void bad_buffers(void *p, int fd)
{
	char *argv[] = { "echo", p, 0 };
	CHECK(read(fd, p, 64) == -1);
	CHECK(write(fd, p, 64) == -1);
	CHECK(pipe(p) == -1);
	CHECK(fstat(fd, p) == -1);
	CHECK(procinfo(p, 4) == -1);
	CHECK(tsync(TSYNC_WAIT, p, 0) == -1);
	if (p != 0) {  /* a null argv (element) would be a valid empty list */
		CHECK(exec("/bin/echo", p) == -1);
		CHECK(exec("/bin/echo", argv) == -1);
	}
}

/* Bad pointers: every pointer-taking call fails cleanly. */
void t_badptr(void)
{
	ut_write_file("ut_bad", "0123456789abcdef0123456789abcdef"
		      "0123456789abcdef0123456789abcdef", 64);
	int fd = open("ut_bad", O_RDWR);
	CHECK(fd >= 0);
	for (int i = 0; i < NBAD; i++) {
		bad_paths(badptrs[i]);
		bad_buffers(badptrs[i], fd);
	}
	/* a buffer that starts in the heap and runs off its end */
	char *end = sbrk(0);
	read(fd, end - 16, 8192);  /* may fill what fits; must not crash */
	CHECK(write(fd, end - 16, 8192) == -1);
	/* a path with no terminating NUL before the end of the heap */
	char *tail = end - 8;
	memset(tail, 'a', 8);
	CHECK(open(tail, O_RDONLY) == -1);
	/* wait's status pointer: the call fails; the child can still be reaped */
	int pid = fork();
	if (pid == 0)
		exit(3);
	sleep(1);
	CHECK(wait(KADDR) == -1);
	int w = wait(0);
	CHECK(w == pid || w == -1);
	close(fd);
	CHECK(unlink("ut_bad") == 0);
	CHECK(getpid() > 0);
}

/* Bad arguments: file descriptors, numbers and names the kernel must refuse. */
void t_badargs(void)
{
	char buf[8];
	int p[2];
	int words[2] = { 1, 1 };  /* non-zero: a tsync accepting them returns */
	CHECK(read(-1, buf, 1) == -1 && read(16, buf, 1) == -1);
	CHECK(read(1000, buf, 1) == -1 && write(15, buf, 1) == -1);
	CHECK(close(-1) == -1 && close(99) == -1 && close(15) == -1);
	CHECK(dup(-1) == -1 && dup(20) == -1);
	struct stat st;
	CHECK(fstat(14, &st) == -1);
	CHECK(pipe(p) == 0);
	CHECK(close(p[0]) == 0 && close(p[0]) == -1 && close(p[1]) == 0);
	CHECK(raw_syscall(0, 0) == -1);
	CHECK(raw_syscall(SYS_MAX + 1, 0) == -1);
	CHECK(raw_syscall(1000, 0) == -1);
	CHECK(raw_syscall(-1, 0) == -1);
	CHECK(tsync(0, words, 0) == -1);
	CHECK(tsync(99, words, 0) == -1);
	CHECK(tsync(TSYNC_WAIT, (volatile int *)((char *)words + 1), 0) == -1);
	CHECK(procinfo(&(struct procinfo){ 0 }, -1) <= 0);
	CHECK(open("", O_RDONLY) == -1 || close(3) == 0);
	CHECK(open("/no/such/dir/file", O_CREATE | O_RDWR) == -1);
	CHECK(mkdir("/") == -1 && mkdir("/bin") == -1);
	CHECK(unlink("/") == -1 && unlink("/bin/.") == -1 && unlink("/bin/..") == -1);
	CHECK(kill(0) == -1);
}
