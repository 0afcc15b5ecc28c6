/*
 * klib.h - everything klib offers a bare-metal program, grouped by the
 * file that implements it (the way xv6's defs.h lists its kernel).
 *
 * A program defines
 *     int main(int cpu, int ncpus, uint32_t bootinfo);
 * which crt0 calls on every CPU; see docs/klib.md.
 */
#ifndef KLIB_KLIB_H
#define KLIB_KLIB_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "kmemlayout.h"
#include "kmips.h"

/* A lock taken with LL/SC; initialise with KSPINLOCK_INIT or zeroes. */
struct kspinlock {
	volatile uint32_t locked; /* 0 free, 1 held */
};
#define KSPINLOCK_INIT { 0 }

/* Registers saved by the exception entry, in the order trapasm.S stores them. */
struct ktrapframe {
	uint32_t r[32];     /* r[0] is 0; r[26], r[27] (k0, k1) are not saved */
	uint32_t hi, lo;
	uint32_t status, cause, epc, badvaddr;
	uint32_t vector;    /* address of the vector that was taken */
};

/*
 * An exception handler: return nonzero if the exception was handled, and
 * the CPU resumes from the (possibly changed) frame; zero gets the default
 * handler's report and a power-off.
 */
typedef int (*ktrap_handler)(struct ktrapframe *tf);

/* The program's entry point, called by boot.c on every CPU. */
int main(int cpu, int ncpus, uint32_t bootinfo);

// boot.c
extern int klib_ncpus;          /* number of CPUs, from a1 at reset */
extern uint32_t klib_bootinfo;  /* physical address of the boot info block */
extern char _end[];             /* first free byte after the program */
void klib_park(void) __attribute__((noreturn));

// console.c
void kputc(int c);
void kputs(const char *s);
void kconsole_lock(void);
void kconsole_unlock(void);
void kputc_locked(int c);
void kconsole_panic(void);

// printf.c
int kprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int kvprintf(const char *fmt, va_list ap);
int ksnprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap);
int kformat(void (*put)(void *arg, char c), void *arg, const char *fmt,
	    va_list ap);

// string.c
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

// spinlock.c
void kspin_init(struct kspinlock *l);
void kspin_lock(struct kspinlock *l);
bool kspin_trylock(struct kspinlock *l);
void kspin_unlock(struct kspinlock *l);
bool kspin_held(const struct kspinlock *l);

// atomic.c
uint32_t katomic_add(volatile uint32_t *p, uint32_t v);
bool katomic_cas(volatile uint32_t *p, uint32_t old, uint32_t new);
uint32_t katomic_swap(volatile uint32_t *p, uint32_t v);

/* fpu.c: the FPU registers as 32-bit words (CU1 set by the caller) */
uint32_t kfpu_save(uint32_t *regs32);
void kfpu_load(const uint32_t *regs32, uint32_t fcsr);

// power.c
void kpoweroff(int status) __attribute__((noreturn));
void kpanic(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

// trap.c
ktrap_handler ktrap_set_handler(ktrap_handler h);
const char *kexc_name(uint32_t exccode);
void ktrap_dump(const struct ktrapframe *tf);

/* Stop with "file:line: assertion failed: expr" unless expr holds. */
#define kassert(expr) ((expr) ? (void)0 : \
	kpanic("%s:%d: assertion failed: %s", __FILE__, __LINE__, #expr))

#endif
