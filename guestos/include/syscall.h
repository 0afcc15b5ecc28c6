/*
 * syscall.h - system call numbers, shared by the kernel and the user
 * library.  ABI (o32, docs/guestos.md): `syscall` with v0 = number,
 * arguments in a0..a3; the result comes back in v0, -1 on any error
 * (as in xv6: no errno).  Every other register except k0/k1, v1, at and
 * t0..t9 is preserved.
 */
#ifndef GUESTOS_SYSCALL_H
#define GUESTOS_SYSCALL_H

/* The xv6 set. */
#define SYS_fork     1
#define SYS_exit     2
#define SYS_wait     3
#define SYS_pipe     4
#define SYS_read     5
#define SYS_kill     6
#define SYS_exec     7
#define SYS_fstat    8
#define SYS_chdir    9
#define SYS_dup     10
#define SYS_getpid  11
#define SYS_sbrk    12
#define SYS_sleep   13
#define SYS_uptime  14
#define SYS_open    15
#define SYS_write   16
#define SYS_mknod   17
#define SYS_unlink  18
#define SYS_link    19
#define SYS_mkdir   20
#define SYS_close   21

/* IRIX-flavoured additions. */
#define SYS_sproc    22 /* sproc(entry, arg, stacktop): a thread in my share group */
#define SYS_tsync    23 /* tsync(op, addr, val): block/wake on a user word (tsync.h) */
#define SYS_ncpus    24 /* number of CPUs the kernel runs on */
#define SYS_poweroff 25 /* poweroff(status): sync the disks, power off */
#define SYS_procinfo 26 /* procinfo(buf, max): fill struct procinfo[] (procinfo.h) */
#define SYS_sync     27 /* sync(): every dirty block reaches the disk */

#define SYS_MAX      27

#endif
