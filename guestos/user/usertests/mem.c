/* mem.c - usertests of memory: sbrk, running out of memory, copy-on-write, stack, protection. */
#include "ut.h"

#define PG 4096

static volatile char *volatile touch_at; /* hides the address from the optimizer */

/* Touch the page at p in a child; return the child's exit status. */
static __attribute__((noinline)) int touch_in_child(volatile char *p, int write)
{
	touch_at = p;
	p = touch_at;
	int pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		if (write)
			*p = 1;
		else
			(void)*p;
		exit(0);
	}
	int st = 0;
	CHECK(wait(&st) == pid);
	return st;
}

/* sbrk: grow, use, shrink; memory past the break faults; regrown memory is zero. */
void t_sbrk(void)
{
	char *old = sbrk(0);
	CHECK(sbrk(3 * PG) == old);
	CHECK(sbrk(0) == old + 3 * PG);
	memset(old, 0x5a, 3 * PG);
	CHECK(old[3 * PG - 1] == 0x5a);
	char *top = (char *)(((uintptr_t)old + 3 * PG + PG - 1) & ~(uintptr_t)(PG - 1));
	CHECK(touch_in_child(top + PG, 0) != 0);
	CHECK(sbrk(-3 * PG) == old + 3 * PG);
	CHECK(sbrk(0) == old);
	char *page = (char *)(((uintptr_t)old + PG) & ~(uintptr_t)(PG - 1));
	CHECK(touch_in_child(page + PG, 1) != 0);
	CHECK(sbrk(3 * PG) == old);
	for (int i = page - old; i < 3 * PG; i++)
		CHECK(old[i] == 0);
	CHECK(sbrk(-0x7000000) == (char *)-1);
	CHECK(sbrk(0x7FFFFFFF) == (char *)-1);
	CHECK(sbrk(0) == old + 3 * PG);
	/* lots of small mallocs and frees */
	void *ptrs[200];
	for (int i = 0; i < 200; i++) {
		ptrs[i] = malloc(i * 37 + 1);
		CHECK(ptrs[i] != 0);
		memset(ptrs[i], i, i * 37 + 1);
	}
	for (int i = 0; i < 200; i += 2)
		free(ptrs[i]);
	for (int i = 1; i < 200; i += 2)
		CHECK(((unsigned char *)ptrs[i])[i * 37] == (unsigned char)i);
}

/* In a child: sbrk and touch 1 MB at a time until it fails, reporting MB to fd. */
static void eat_memory(int fd)
{
	for (int mb = 1;; mb++) {
		char *p = sbrk(1 << 20);
		if (p == (char *)-1)
			exit(0);
		for (int off = 0; off < (1 << 20); off += PG)
			p[off] = (char)mb;
		write(fd, &mb, sizeof(mb));
	}
}

/* Run eat_memory in a child; return how many MB it got before running out. */
static int oom_round(void)
{
	int p[2];
	CHECK(pipe(p) == 0);
	int pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		close(p[0]);
		eat_memory(p[1]);
	}
	close(p[1]);
	int mb = 0, v;
	while (read(p[0], &v, sizeof(v)) == sizeof(v))
		mb = v;
	close(p[0]);
	CHECK(wait(0) == pid);
	return mb;
}

/* Out of memory: twice, a child takes all it can; the kernel survives and gets it back. */
void t_oom(void)
{
	int a = oom_round();
	int b = oom_round();
	printf("  oom: %d MB then %d MB\n", a, b);
	CHECK(a >= 16);
	CHECK(b >= a - 2);
	char *p = sbrk(1 << 20);
	CHECK(p != (char *)-1);
	memset(p, 1, 1 << 20);
}

#define COWPAGES 16
static char cowbuf[COWPAGES * PG];

/* Copy-on-write: parent and child write the same pages and each sees its own. */
void t_cow(void)
{
	for (int i = 0; i < COWPAGES * PG; i += 512)
		cowbuf[i] = 'o';
	int go[2], done[2];
	CHECK(pipe(go) == 0 && pipe(done) == 0);
	int pid = fork();
	CHECK(pid >= 0);
	if (pid == 0) {
		char c;
		CHECK(read(go[0], &c, 1) == 1);   /* parent has written by now */
		for (int i = 0; i < COWPAGES * PG; i += 512)
			CHECK(cowbuf[i] == 'o');
		for (int i = 0; i < COWPAGES * PG; i += 512)
			cowbuf[i] = 'c';
		for (int i = 0; i < COWPAGES * PG; i += 512)
			CHECK(cowbuf[i] == 'c');
		CHECK(write(done[1], "x", 1) == 1);
		exit(0);
	}
	for (int i = 0; i < COWPAGES * PG; i += 1024)
		cowbuf[i] = 'p';
	CHECK(write(go[1], "x", 1) == 1);
	char c;
	CHECK(read(done[0], &c, 1) == 1);
	for (int i = 0; i < COWPAGES * PG; i += 1024)
		CHECK(cowbuf[i] == 'p' && cowbuf[i + 512] == 'o');
	int st = -1;
	CHECK(wait(&st) == pid && st == 0);
	close(go[0]); close(go[1]); close(done[0]); close(done[1]);
	/* after the child is gone, the page is ours alone: still writable */
	cowbuf[0] = 'q';
	CHECK(cowbuf[0] == 'q');
}

/* Recurse depth times with a page-sized frame; return a checksum. */
static int deep(int depth)
{
	volatile char frame[PG];
	frame[0] = (char)depth;
	frame[PG - 1] = (char)depth;
	if (depth == 0)
		return 0;
	return deep(depth - 1) + frame[0] + frame[PG - 1] - 2 * (char)depth + 1;
}

/* Recurse far past the 1 MB stack limit (must be killed, not hang). */
static void overflow(void)
{
	deep(2000);
	exit(0);
}

/* Stack: grows on demand to 512 KB; a 8 MB recursion kills only the child. */
void t_stack(void)
{
	CHECK(deep(128) == 128);
	int pid = fork();
	CHECK(pid >= 0);
	if (pid == 0)
		overflow();
	int st = 0;
	CHECK(wait(&st) == pid && st != 0);
}

/* Protection: user code cannot write its text, read kernel memory or devices. */
void t_protect(void)
{
	CHECK(touch_in_child((volatile char *)(uintptr_t)t_protect, 1) != 0);
	CHECK(touch_in_child(KADDR, 0) != 0);
	CHECK(touch_in_child(DEVADDR, 1) != 0);
	CHECK(touch_in_child(0, 0) != 0);
	CHECK(touch_in_child(HOLE, 1) != 0);
	/* the kernel must not write the text for us either */
	int fd = open("/bin/echo", O_RDONLY);
	CHECK(fd >= 0);
	CHECK(read(fd, (void *)(uintptr_t)t_protect, 16) == -1);
	close(fd);
}
