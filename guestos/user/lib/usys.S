/*
 * usys.S - the system call stubs.  ABI (syscall.h): v0 = call number,
 * arguments already in a0..a3 (o32 passes the first four there), the
 * result comes back in v0 (-1 on error), so each stub is four words.
 */
#include "syscall.h"

	.set	noreorder
	.text

#define STUB(name, num)   \
	.globl	name;     \
	.ent	name;     \
name:	li	$v0, num; \
	syscall;          \
	jr	$ra;      \
	nop;              \
	.end	name

STUB(fork, SYS_fork)
STUB(exit, SYS_exit)
STUB(wait, SYS_wait)
STUB(pipe, SYS_pipe)
STUB(read, SYS_read)
STUB(kill, SYS_kill)
STUB(exec, SYS_exec)
STUB(fstat, SYS_fstat)
STUB(chdir, SYS_chdir)
STUB(dup, SYS_dup)
STUB(getpid, SYS_getpid)
STUB(sbrk, SYS_sbrk)
STUB(sleep, SYS_sleep)
STUB(uptime, SYS_uptime)
STUB(open, SYS_open)
STUB(write, SYS_write)
STUB(mknod, SYS_mknod)
STUB(unlink, SYS_unlink)
STUB(link, SYS_link)
STUB(mkdir, SYS_mkdir)
STUB(close, SYS_close)
STUB(sproc, SYS_sproc)
STUB(tsync, SYS_tsync)
STUB(ncpus, SYS_ncpus)
STUB(poweroff, SYS_poweroff)
STUB(procinfo, SYS_procinfo)
STUB(sync, SYS_sync)
