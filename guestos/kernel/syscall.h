/*
 * syscall.h (kernel) - the system call handlers the dispatch table in
 * syscall.c calls; numbers are in include/syscall.h.  Each returns the
 * value for v0, -1 on error.
 */
#ifndef GUESTOS_KSYSCALL_H
#define GUESTOS_KSYSCALL_H

#include "../include/syscall.h"

// sysproc.c
int sys_fork(void);
int sys_exit(void);
int sys_wait(void);
int sys_kill(void);
int sys_getpid(void);
int sys_sbrk(void);
int sys_sleep(void);
int sys_uptime(void);
int sys_sproc(void);
int sys_tsync(void);
int sys_ncpus(void);
int sys_poweroff(void);
int sys_procinfo(void);

// sysfile.c (storage)
int sys_pipe(void);
int sys_read(void);
int sys_write(void);
int sys_close(void);
int sys_fstat(void);
int sys_chdir(void);
int sys_dup(void);
int sys_open(void);
int sys_mknod(void);
int sys_unlink(void);
int sys_link(void);
int sys_mkdir(void);
int sys_exec(void);
int sys_sync(void);

#endif
