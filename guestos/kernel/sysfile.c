/*
 * sysfile.c - the system calls on file descriptors: dup, read, write,
 * close, fstat, pipe, plus exec and sync.  Calls that take path names
 * are in syspath.c.  Arguments are checked here; each call returns -1 on
 * any error.
 */
#include "klib.h"
#include "proc.h"
#include "kernel.h"
#include "sleeplock.h"
#include "file.h"
#include "vm.h"
#include "fsdefs.h"
#include "syscall.h"

/* Fetch argument n as a file descriptor of the current process; -1 if it is not open. */
static int argfd(int n, int *pfd, struct file **pf)
{
	int fd = -1;
	struct file *f;

	argint(n, &fd);
	if (fd < 0 || fd >= NOFILE || (f = myproc()->ofile[fd]) == 0)
		return -1;
	if (pfd)
		*pfd = fd;
	if (pf)
		*pf = f;
	return 0;
}

/* Give f the lowest free descriptor of the current process; -1 if none is free. */
int fdalloc(struct file *f)
{
	struct proc *p = myproc();

	for (int fd = 0; fd < NOFILE; fd++) {
		if (p->ofile[fd] == 0) {
			p->ofile[fd] = f;
			return fd;
		}
	}
	return -1;
}

/* dup(fd): a second descriptor for the same open file. */
int sys_dup(void)
{
	struct file *f;
	int fd;

	if (argfd(0, 0, &f) < 0 || (fd = fdalloc(f)) < 0)
		return -1;
	filedup(f);
	return fd;
}

/* read(fd, buf, n): bytes read, 0 at end of file. */
int sys_read(void)
{
	struct file *f;
	uint32_t addr = 0;
	int n = -1;

	argaddr(1, &addr);
	argint(2, &n);
	if (argfd(0, 0, &f) < 0 || n < 0)
		return -1;
	return fileread(f, addr, n);
}

/* write(fd, buf, n): n, or -1. */
int sys_write(void)
{
	struct file *f;
	uint32_t addr = 0;
	int n = -1;

	argaddr(1, &addr);
	argint(2, &n);
	if (argfd(0, 0, &f) < 0 || n < 0)
		return -1;
	return filewrite(f, addr, n);
}

/* close(fd). */
int sys_close(void)
{
	struct file *f;
	int fd;

	if (argfd(0, &fd, &f) < 0)
		return -1;
	myproc()->ofile[fd] = 0;
	fileclose(f);
	return 0;
}

/* fstat(fd, struct stat *st). */
int sys_fstat(void)
{
	struct file *f;
	uint32_t st = 0;

	argaddr(1, &st);
	if (argfd(0, 0, &f) < 0)
		return -1;
	return filestat(f, st);
}

/* pipe(int fds[2]): fds[0] reads, fds[1] writes. */
int sys_pipe(void)
{
	struct proc *p = myproc();
	struct file *rf, *wf;
	uint32_t fdarray = 0;
	int fd[2];

	argaddr(0, &fdarray);
	if (pipealloc(&rf, &wf) < 0)
		return -1;
	fd[0] = fdalloc(rf);
	fd[1] = fd[0] < 0 ? -1 : fdalloc(wf);
	if (fd[1] < 0 ||
	    either_copyout(1, fdarray, fd, sizeof fd) < 0) {
		if (fd[0] >= 0)
			p->ofile[fd[0]] = 0;
		if (fd[1] >= 0)
			p->ofile[fd[1]] = 0;
		fileclose(rf);
		fileclose(wf);
		return -1;
	}
	return 0;
}

/* Free the argument pages of a failed or finished exec. */
static void exec_freeargs(char **argv)
{
	for (int i = 0; i < MAXARG && argv[i]; i++)
		kfree(argv[i]);
}

/* exec(path, argv): argv is a user array of string pointers ending in 0. */
int sys_exec(void)
{
	char path[MAXPATH], *argv[MAXARG];
	uint32_t uargv = 0, uarg;
	int r = -1;

	memset(argv, 0, sizeof argv);
	argaddr(1, &uargv);
	if (argstr(0, path, MAXPATH) < 0)
		return -1;
	for (int i = 0;; i++) {
		if (i >= MAXARG)
			goto out;
		if (fetchaddr(uargv + 4 * i, &uarg) < 0)
			goto out;
		if (uarg == 0)
			break;
		if ((argv[i] = kalloc()) == 0)
			goto out;
		if (fetchstr(uarg, argv[i], PGSIZE) < 0)
			goto out;
	}
	r = exec(path, argv);
out:
	exec_freeargs(argv);
	return r;
}

/* sync(): every finished operation reaches stable storage. */
int sys_sync(void)
{
	fs_sync();
	return 0;
}
