/*
 * syscall.c - system call dispatch and argument fetching.  ABI
 * (include/syscall.h): v0 = number, arguments in a0..a3, result in v0.
 */
#include "hal.h"
#include "kernel.h"
#include "klib.h"
#include "proc.h"
#include "syscall.h"
#include "trapframe.h"
#include "vm.h"

static int (*const syscalls[SYS_MAX + 1])(void) = {
	[SYS_fork] = sys_fork,         [SYS_exit] = sys_exit,
	[SYS_wait] = sys_wait,         [SYS_pipe] = sys_pipe,
	[SYS_read] = sys_read,         [SYS_kill] = sys_kill,
	[SYS_exec] = sys_exec,         [SYS_fstat] = sys_fstat,
	[SYS_chdir] = sys_chdir,       [SYS_dup] = sys_dup,
	[SYS_getpid] = sys_getpid,     [SYS_sbrk] = sys_sbrk,
	[SYS_sleep] = sys_sleep,       [SYS_uptime] = sys_uptime,
	[SYS_open] = sys_open,         [SYS_write] = sys_write,
	[SYS_mknod] = sys_mknod,       [SYS_unlink] = sys_unlink,
	[SYS_link] = sys_link,         [SYS_mkdir] = sys_mkdir,
	[SYS_close] = sys_close,       [SYS_sproc] = sys_sproc,
	[SYS_tsync] = sys_tsync,       [SYS_ncpus] = sys_ncpus,
	[SYS_poweroff] = sys_poweroff, [SYS_procinfo] = sys_procinfo,
	[SYS_sync] = sys_sync,
};

/* Fetch the word at user address addr. */
int fetchaddr(uint32_t addr, uint32_t *ip)
{
	return copyin(myproc()->vm, ip, addr, sizeof(*ip));
}

/* Fetch the NUL-terminated string at user addr; return its length or -1. */
int fetchstr(uint32_t addr, char *buf, int max)
{
	if (copyinstr(myproc()->vm, buf, addr, (uint32_t)max) < 0)
		return -1;
	return (int)strlen(buf);
}

/* The raw n-th argument register (a0..a3). */
static int argraw(int n, uint32_t *v)
{
	struct trapframe *tf = myproc()->tf;
	if (n < 0 || n > 3)
		return -1;
	*v = (&tf->a0)[n];
	return 0;
}

/* The n-th argument as an int. */
int argint(int n, int *ip)
{
	uint32_t v = 0;
	int r = argraw(n, &v);
	*ip = (int)v;
	return r;
}

/* The n-th argument as a user address (checked when it is used). */
int argaddr(int n, uint32_t *ap)
{
	*ap = 0;
	return argraw(n, ap);
}

/* The n-th argument as a string copied into buf; its length or -1. */
int argstr(int n, char *buf, int max)
{
	uint32_t addr;
	if (argaddr(n, &addr) < 0)
		return -1;
	return fetchstr(addr, buf, max);
}

/* Run the system call the current process asked for; result in v0. */
void syscall(void)
{
	struct proc *p = myproc();
	uint32_t num = p->tf->v0;
	if (num > 0 && num <= SYS_MAX && syscalls[num]) {
		int r = syscalls[num]();
		if (num == SYS_exec && r >= 0)
			fpu_reset(p);
		p->tf->v0 = (uint32_t)r;
	} else {
		kprintf("pid %d %s: unknown system call %d\n", p->pid, p->name,
			(int)num);
		p->tf->v0 = (uint32_t)-1;
	}
}
