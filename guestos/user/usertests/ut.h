/*
 * ut.h - shared by the files of usertests: the check macro, helpers and
 * the list of tests each file provides.
 */
#ifndef USERTESTS_UT_H
#define USERTESTS_UT_H

#include "ulib.h"

/* Kernel and device addresses no user pointer may reach. */
#define KADDR  ((void *)0x80010000)
#define DEVADDR ((void *)0xBF000000)
#define HOLE   ((void *)0x30000000) /* between heap and stack: unmapped */

/* Stop the current test (it runs in its own process) if cond is false. */
#define CHECK(cond) \
	do { if (!(cond)) ut_fail(__FILE__, __LINE__, #cond); } while (0)

void ut_fail(const char *file, int line, const char *what)
	__attribute__((noreturn));
int ut_fork_wait(void (*fn)(void));
int ut_read_file(const char *path, char *buf, int max);
void ut_write_file(const char *path, const char *buf, int n);

// proc.c
void t_forkwait(void);
void t_exitstatus(void);
void t_forkbomb(void);
void t_kill(void);
void t_sleep(void);
void t_exec(void);
void t_execbad(void);
void t_procinfo(void);

// mem.c
void t_sbrk(void);
void t_oom(void);
void t_cow(void);
void t_stack(void);
void t_protect(void);

// bad.c
void t_badptr(void);
void t_badargs(void);

// fs.c
void t_files(void);
void t_bigfile(void);
void t_manyfiles(void);
void t_dirs(void);
void t_link(void);
void t_dup(void);
void t_fsconcurrent(void);

// limits.c
void t_inodetable(void);
void t_filetable(void);

// pipe.c
void t_pipe(void);
void t_pipewriters(void);
void t_pipeclose(void);

// thread.c
void t_threads(void);
void t_manythreads(void);
void t_sem(void);
void t_barrier(void);
void t_tsync(void);
void t_fpu(void);
void t_threadexit(void);

// vmshare.c
void t_cowthreads(void);
void t_sbrkthreads(void);

#endif
