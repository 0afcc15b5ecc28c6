/*
 * smp_lib.c - console output, LL/SC atomics, locks and the exception
 * dispatcher of the bare-metal SMP test programs (see smp.h).
 */
#include "tests/smp/smp.h"

static volatile uint32_t smp_print_lock;
static volatile int smp_fault_wanted[SMP_MAX_CPUS];
static volatile int smp_fault_seen[SMP_MAX_CPUS];

/* Write one byte to the console. */
static void smp_putc(char c)
{
	*(volatile uint8_t *)KSEG1(CONSOLE_PA) = (uint8_t)c;
}

/* Write a string to the console. */
static void smp_puts(const char *s)
{
	while (*s)
		smp_putc(*s++);
}

/* Write v in base 10 or 16. */
static void smp_putnum(uint32_t v, unsigned base)
{
	char buf[12];
	int n = 0;
	do {
		buf[n++] = "0123456789abcdef"[v % base];
		v /= base;
	} while (v != 0);
	while (n > 0)
		smp_putc(buf[--n]);
}

/* Print fmt with its arguments, without taking the lock. */
static void smp_vprintf(const char *fmt, va_list ap)
{
	for (; *fmt; fmt++) {
		if (*fmt != '%' || fmt[1] == '\0') {
			smp_putc(*fmt);
			continue;
		}
		switch (*++fmt) {
		case 'd': {
			int v = va_arg(ap, int);
			if (v < 0)
				smp_putc('-'), v = -v;
			smp_putnum((uint32_t)v, 10);
			break;
		}
		case 'u': smp_putnum(va_arg(ap, uint32_t), 10); break;
		case 'x': smp_putnum(va_arg(ap, uint32_t), 16); break;
		case 's': smp_puts(va_arg(ap, const char *)); break;
		case 'c': smp_putc((char)va_arg(ap, int)); break;
		default: smp_putc(*fmt);
		}
	}
}

/* printf with %d %u %x %s %c, one call printed whole (a lock). */
void smp_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	smp_lock(&smp_print_lock);
	smp_vprintf(fmt, ap);
	smp_unlock(&smp_print_lock);
	va_end(ap);
}

/* Power the machine off with status (never returns). */
void smp_power_off(int status)
{
	mmio_write32(POWER_PA, (uint32_t)status);
	for (;;)
		;
}

/* Print "FAIL cpu N: what" and power off with 1. */
void smp_fail(const char *file, int line, const char *what)
{
	smp_printf("FAIL cpu %d: %s:%d: %s\n", smp_whoami(), file, line, what);
	smp_power_off(1);
}

/* The number of the CPU running this code (interrupt controller). */
int smp_whoami(void)
{
	return (int)(intc_read(DEV_INTC_WHOAMI) & 0xff);
}

/* Atomically add v to *p with LL/SC; the new value. */
uint32_t smp_atomic_add(volatile uint32_t *p, uint32_t v, uint32_t *fails)
{
	uint32_t old, ok, n = 0;
	for (;;) {
		__asm__ volatile("ll %0, 0(%2)\n\t"
				 "addu %1, %0, %3\n\t"
				 "sc %1, 0(%2)"
				 : "=&r"(old), "=&r"(ok)
				 : "r"(p), "r"(v)
				 : "memory");
		if (ok)
			break;
		n++;
	}
	if (fails != 0)
		*fails += n;
	return old + v;
}

/* Spin until *lock is ours (LL/SC). */
void smp_lock(volatile uint32_t *lock)
{
	uint32_t old, t;
	do {
		__asm__ volatile("ll %0, 0(%2)\n\t"
				 "li %1, 1\n\t"
				 "bnez %0, 1f\n\t"
				 "sc %1, 0(%2)\n\t"
				 "b 2f\n"
				 "1:\tmove %1, $0\n"
				 "2:"
				 : "=&r"(old), "=&r"(t)
				 : "r"(lock)
				 : "memory");
	} while (t == 0);
}

/* Release *lock. */
void smp_unlock(volatile uint32_t *lock)
{
	__asm__ volatile("sync" ::: "memory");
	*lock = 0;
}

/* Spin until *p >= v. */
void smp_wait_until(volatile uint32_t *p, uint32_t v)
{
	while (*p < v)
		;
}

/* The next exception on this CPU is expected: record it and skip it. */
void smp_expect_fault(void)
{
	int cpu = smp_whoami();
	smp_fault_seen[cpu] = -1;
	smp_fault_wanted[cpu] = 1;
}

/* ExcCode of the expected exception taken since smp_expect_fault, or -1. */
int smp_fault_code(void)
{
	int cpu = smp_whoami();
	smp_fault_wanted[cpu] = 0;
	return smp_fault_seen[cpu];
}

/* Default interrupt handler: no test expects one. */
__attribute__((weak)) void smp_interrupt(int cpu, uint32_t cause)
{
	smp_printf("FAIL cpu %d: unexpected interrupt, cause 0x%x\n", cpu,
		   cause);
	smp_power_off(1);
}

/* Called by crt0 for every exception; returns where to resume. */
uint32_t smp_exception(uint32_t cause, uint32_t epc)
{
	int cpu = smp_whoami();
	uint32_t code = CAUSE_EXC(cause);
	if (code == 0) {
		smp_interrupt(cpu, cause);
		return epc;
	}
	if (smp_fault_wanted[cpu]) {
		smp_fault_wanted[cpu] = 0;
		smp_fault_seen[cpu] = (int)code;
		return epc + 4;
	}
	smp_printf("FAIL cpu %d: unexpected exception %u at 0x%x (cause "
		   "0x%x)\n", cpu, code, epc, cause);
	smp_power_off(1);
}

/* memset, which the compiler may call for struct initialisers. */
void *memset(void *dst, int c, unsigned long n)
{
	unsigned char *d = dst;
	while (n--)
		*d++ = (unsigned char)c;
	return dst;
}

/* memcpy, which the compiler may call for struct copies. */
void *memcpy(void *dst, const void *src, unsigned long n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;
	while (n--)
		*d++ = *s++;
	return dst;
}
