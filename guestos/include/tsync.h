/*
 * tsync.h - the thread synchronization call, in the spirit of a futex:
 * the user library builds locks, semaphores and barriers on LL/SC and
 * uses tsync only to block and to wake.  Addresses are user addresses of
 * aligned 32-bit words; waiters are matched by (address space, address).
 *
 *   tsync(TSYNC_WAIT, addr, val)  sleep while *addr == val (checked under
 *                                 the kernel's lock, so no wakeup is lost);
 *                                 returns 0 when woken, or at once when
 *                                 *addr != val; -1 on a bad address or
 *                                 when the process is killed
 *   tsync(TSYNC_WAKE, addr, n)    wake up to n threads waiting on addr;
 *                                 returns how many were woken
 */
#ifndef GUESTOS_TSYNC_H
#define GUESTOS_TSYNC_H

#define TSYNC_WAIT 1
#define TSYNC_WAKE 2

#endif
