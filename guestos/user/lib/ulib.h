/*
 * ulib.h - the user library: system call stubs (usys.S), stdio and
 * printf (stdio.c, printf.c), memory (malloc.c), strings (string.c here,
 * plus klib/string.c), and threads with their locks (thread.c, sync.c).
 * Every user program includes this one header.
 */
#ifndef GUESTOS_ULIB_H
#define GUESTOS_ULIB_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "fcntl.h"
#include "procinfo.h"
#include "stat.h"
#include "tsync.h"

// usys.S: one stub per call of syscall.h; -1 means the call failed
int fork(void);
void exit(int status) __attribute__((noreturn));
int wait(int *status);
int pipe(int fds[2]);
int read(int fd, void *buf, int n);
int kill(int pid);
int exec(const char *path, char **argv);
int fstat(int fd, struct stat *st);
int chdir(const char *path);
int dup(int fd);
int getpid(void);
char *sbrk(int n);
int sleep(int ticks);
int uptime(void);
int open(const char *path, int flags);
int write(int fd, const void *buf, int n);
int mknod(const char *path, short major, short minor);
int unlink(const char *path);
int link(const char *old, const char *new);
int mkdir(const char *path);
int close(int fd);
int sproc(void (*entry)(void *), void *arg, void *stacktop);
int tsync(int op, volatile int *addr, int val);
int ncpus(void);
int poweroff(int status);
int procinfo(struct procinfo *buf, int max);
int sync(void);

// printf.c
int printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int fprintf(int fd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int vfprintf(int fd, const char *fmt, va_list ap);

// stdio.c
int putchar(int c);
int puts(const char *s);
int getchar(void);
char *gets(char *buf, int max);
int fgetline(int fd, char *buf, int max);
int stat(const char *path, struct stat *st);
int writeall(int fd, const void *buf, int n);
#define EOF (-1)

// malloc.c
void *malloc(size_t n);
void free(void *p);
void *calloc(size_t n, size_t size);
void *realloc(void *p, size_t n);

// string.c (klib/string.c gives the mem* ones and strlen..strchr)
void *memset(void *dst, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strcpy(char *dst, const char *src);
char *strncpy(char *dst, const char *src, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strcat(char *dst, const char *src);
char *strstr(const char *hay, const char *needle);
char *strdup(const char *s);
int atoi(const char *s);
int isdigit(int c);
int isspace(int c);

// sync.c: LL/SC atomics and blocking locks built on tsync
int atomic_add(volatile int *p, int v);        /* returns the new value */
int atomic_swap(volatile int *p, int v);       /* returns the old value */
int atomic_cas(volatile int *p, int old, int new); /* returns the old value */

struct mutex {
	volatile int state;   /* 0 free, 1 held, 2 held with waiters */
};
#define MUTEX_INIT { 0 }
void mutex_init(struct mutex *m);
void mutex_lock(struct mutex *m);
int mutex_trylock(struct mutex *m);
void mutex_unlock(struct mutex *m);

struct sem {
	volatile int count;   /* units available */
	volatile int waiters; /* threads blocked (a hint for sem_up) */
};
void sem_init(struct sem *s, int count);
void sem_down(struct sem *s);
void sem_up(struct sem *s);

struct barrier {
	volatile int arrived; /* threads in this round so far */
	volatile int gen;     /* round number: bumped by the last arrival */
	int n;                /* threads per round */
};
void barrier_init(struct barrier *b, int n);
void barrier_wait(struct barrier *b);

// thread.c: share-group threads over sproc
#define THREAD_STACK (64 * 1024)
int thread_create(void (*fn)(void *), void *arg);
int thread_join(int tid);
int thread_join_any(void);

#endif
