/* sysproc.c - the process system calls: argument decoding around proc.c. */
#include "fs.h"
#include "fsdefs.h"
#include "hal.h"
#include "kernel.h"
#include "proc.h"
#include "syscall.h"
#include "vm.h"

/* fork(): the child's pid, 0 in the child. */
int sys_fork(void)
{
	return fork();
}

/* exit(status): never returns. */
int sys_exit(void)
{
	int status;
	argint(0, &status);
	exit(status);
}

/* wait(&status): a finished child's pid, or -1 with none. */
int sys_wait(void)
{
	uint32_t addr;
	argaddr(0, &addr);
	return wait(addr);
}

/* kill(pid). */
int sys_kill(void)
{
	int pid;
	argint(0, &pid);
	return kill(pid);
}

/* getpid(). */
int sys_getpid(void)
{
	return myproc()->pid;
}

/* sbrk(n): grow (or shrink) the heap; the old break. */
int sys_sbrk(void)
{
	int n;
	uint32_t old;
	argint(0, &n);
	if (vm_sbrk(myproc()->vm, n, &old) < 0)
		return -1;
	return (int)old;
}

/* sleep(n): wait n clock ticks; -1 if killed meanwhile. */
int sys_sleep(void)
{
	int n;
	argint(0, &n);
	acquire(&tickslock);
	uint32_t t0 = ticks;
	while ((int)(ticks - t0) < n) {
		if (killed(myproc())) {
			release(&tickslock);
			return -1;
		}
		sleep(&ticks, &tickslock);
	}
	release(&tickslock);
	return 0;
}

/* uptime(): clock ticks since boot. */
int sys_uptime(void)
{
	acquire(&tickslock);
	uint32_t t = ticks;
	release(&tickslock);
	return (int)t;
}

/* sproc(entry, arg, stacktop): a new thread of my share group; its pid. */
int sys_sproc(void)
{
	uint32_t entry, arg, stack;
	argaddr(0, &entry);
	argaddr(1, &arg);
	argaddr(2, &stack);
	return sproc(entry, arg, stack);
}

/* tsync(op, addr, val): block on or wake a user word (tsync.h). */
int sys_tsync(void)
{
	int op;
	uint32_t addr, val;
	argint(0, &op);
	argaddr(1, &addr);
	argaddr(2, &val);
	return tsync(op, addr, val);
}

/* ncpus(): the number of CPUs. */
int sys_ncpus(void)
{
	return hal_ncpus();
}

/* poweroff(status): write every dirty block back, then power off. */
int sys_poweroff(void)
{
	int status;
	argint(0, &status);
	fs_sync();
	hal_poweroff(status);
}

/* procinfo(buf, max): fill buf with up to max processes; how many. */
int sys_procinfo(void)
{
	uint32_t addr;
	int max;
	argaddr(0, &addr);
	argint(1, &max);
	return procinfo(addr, max);
}
