/*
 * smp.h - the small runtime of the bare-metal SMP test programs
 * (tests/smp/crt0.S, tests/smp/smp_lib.c), in MIPS C.
 *
 * Every CPU enters crt0's _start at reset (a0 = CPU number, a1 = number of
 * CPUs, a2 = physical address of the boot information block), gets its own
 * 8 KB stack and calls
 *
 *	void smp_main(int cpu, int ncpus, uint32_t bootinfo);
 *
 * with Status = 0 (kernel mode, BEV = 0, interrupts off).  The loader
 * zero-fills .bss (tests/smp/link.ld keeps it a loadable segment), so no
 * CPU has to clear it while the others run.  Exceptions go to
 * smp_exception (smp_lib.c): interrupts call the program's smp_interrupt;
 * an exception announced with smp_expect_fault is recorded and skipped;
 * anything else fails the test.  A test passes by powering off with 0.
 */
#ifndef TESTS_SMP_SMP_H
#define TESTS_SMP_SMP_H

#include <stdarg.h>
#include <stdint.h>

#define DEV_REGS_ONLY
#include "devices/intc.h"
#include "machine/bootinfo.h"

#define SMP_MAX_CPUS 32
#define KSEG0(pa) ((uintptr_t)(pa) | 0x80000000u)
#define KSEG1(pa) ((uintptr_t)(pa) | 0xA0000000u)

#define CONSOLE_PA 0x1F000000u
#define POWER_PA 0x1F000010u
#define INTC_PA 0x1F000100u
#define DISK_PA(k) (0x1F001000u + 0x100u * (k))

#define ST_IE 0x1u
#define ST_IM(n) (0x100u << (n)) /* n = 2: device line, 3: IPI line */
#define CAUSE_IP(n) (0x100u << (n))
#define CAUSE_EXC(c) (((c) >> 2) & 31u)

/* Read a CP0 register by number. */
#define MFC0(reg)                                                       \
	({                                                              \
		uint32_t v_;                                            \
		__asm__ volatile("mfc0 %0, $" #reg : "=r"(v_));         \
		v_;                                                     \
	})
/* Write a CP0 register by number. */
#define MTC0(reg, v)                                                    \
	__asm__ volatile("mtc0 %0, $" #reg "\n\tnop\n\tnop" ::"r"(v)    \
			 : "memory")

/* Read a 32-bit device register at physical address pa. */
static inline uint32_t mmio_read32(uint32_t pa)
{
	return *(volatile uint32_t *)KSEG1(pa);
}

/* Write a 32-bit device register at physical address pa. */
static inline void mmio_write32(uint32_t pa, uint32_t v)
{
	*(volatile uint32_t *)KSEG1(pa) = v;
}

/* Read an interrupt controller register. */
static inline uint32_t intc_read(uint32_t off)
{
	return mmio_read32(INTC_PA + off);
}

/* Write an interrupt controller register. */
static inline void intc_write(uint32_t off, uint32_t v)
{
	mmio_write32(INTC_PA + off, v);
}

/* A word of the boot information block at physical bi. */
static inline uint32_t bi_word(uint32_t bi, uint32_t off)
{
	return *(volatile uint32_t *)KSEG0(bi + off);
}

/* Park the CPU until an interrupt is pending (WAIT, R4600 and later). */
static inline void smp_wait(void)
{
	__asm__ volatile(".word 0x42000020" ::: "memory");
}

/* Set Status (interrupt enable and mask bits). */
static inline void smp_set_status(uint32_t st)
{
	MTC0(12, st);
}

/* The program's entry on every CPU. */
void smp_main(int cpu, int ncpus, uint32_t bootinfo);
/* The program's interrupt handler (Cause as taken); the default fails. */
void smp_interrupt(int cpu, uint32_t cause);

/* Atomically add v to *p with LL/SC; the new value.  *fails counts SCs
 * that failed (may be NULL). */
uint32_t smp_atomic_add(volatile uint32_t *p, uint32_t v, uint32_t *fails);
/* Spin until *lock is ours (LL/SC). */
void smp_lock(volatile uint32_t *lock);
/* Release *lock. */
void smp_unlock(volatile uint32_t *lock);
/* Spin until *p >= v. */
void smp_wait_until(volatile uint32_t *p, uint32_t v);

/* printf with %d %u %x %s %c, one call printed whole (a lock). */
void smp_printf(const char *fmt, ...);
/* Power the machine off with status (never returns). */
void smp_power_off(int status) __attribute__((noreturn));
/* Print "FAIL cpu N: what" and power off with 1. */
void smp_fail(const char *file, int line, const char *what)
	__attribute__((noreturn));
/* The number of the CPU running this code (interrupt controller). */
int smp_whoami(void);

/* The next exception on this CPU is expected: record it and skip the
 * faulting instruction.  smp_fault_code says which it was (-1: none). */
void smp_expect_fault(void);
/* ExcCode of the expected exception taken since smp_expect_fault, or -1. */
int smp_fault_code(void);
/* Load size bytes (1, 2 or 4) from kseg1 physical pa (crt0.S). */
uint32_t smp_probe_read(uint32_t pa, int size);

/* Fail the test unless cond holds. */
#define CHECK(cond)                                                     \
	do {                                                            \
		if (!(cond))                                            \
			smp_fail(__FILE__, __LINE__, #cond);            \
	} while (0)

/* Fail unless a == b, printing both. */
#define CHECK_EQ(a, b)                                                  \
	do {                                                            \
		uint32_t a_ = (uint32_t)(a), b_ = (uint32_t)(b);        \
		if (a_ != b_) {                                         \
			smp_printf("cpu %d: %s = 0x%x, want 0x%x\n",    \
				   smp_whoami(), #a, a_, b_);           \
			smp_fail(__FILE__, __LINE__, #a " == " #b);     \
		}                                                       \
	} while (0)

#endif
