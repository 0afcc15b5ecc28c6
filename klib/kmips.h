/*
 * kmips.h - R4000 coprocessor 0 registers and bits, and inline helpers to
 * read and write them (R4000 User's Manual, chapters 4 and 5).
 *
 * Status (CP0 register 12), the fields klib uses:
 *
 *   31    28    26     22            15       8 7       5 4   3   2     1     0
 *  +--------+--+----+--+----+---------+--------+---------+-----+-----+-----+----+
 *  | CU3..0 |  | FR |  | BEV|         | IM7..0 | KX SX UX| KSU | ERL | EXL | IE |
 *  +--------+--+----+--+----+---------+--------+---------+-----+-----+-----+----+
 *
 * Cause (CP0 register 13):
 *
 *   31  30 29 28 27 ...... 16 15     8  7  6       2  1 0
 *  +---+--+-----+------------+--------+---+---------+----+
 *  |BD | 0| CE  |     0      |  IP7-0 | 0 | ExcCode | 0  |
 *  +---+--+-----+------------+--------+---+---------+----+
 */
#ifndef KLIB_KMIPS_H
#define KLIB_KMIPS_H

#define CP0_INDEX    0
#define CP0_RANDOM   1
#define CP0_ENTRYLO0 2
#define CP0_ENTRYLO1 3
#define CP0_CONTEXT  4
#define CP0_PAGEMASK 5
#define CP0_WIRED    6
#define CP0_BADVADDR 8
#define CP0_COUNT    9
#define CP0_ENTRYHI  10
#define CP0_COMPARE  11
#define CP0_STATUS   12
#define CP0_CAUSE    13
#define CP0_EPC      14
#define CP0_PRID     15
#define CP0_CONFIG   16
#define CP0_LLADDR   17
#define CP0_ERROREPC 30

#define ST_IE    0x00000001 /* interrupts enabled */
#define ST_EXL   0x00000002 /* exception level */
#define ST_ERL   0x00000004 /* error level (set at reset) */
#define ST_KSU   0x00000018 /* mode: 0 kernel, 1 supervisor, 2 user */
#define ST_IM(n) (0x100 << (n)) /* interrupt mask bit for IP n */
#define ST_BEV   0x00400000 /* bootstrap exception vectors */
#define ST_FR    0x04000000 /* 32 64-bit FPU registers */
#define ST_CU0   0x10000000
#define ST_CU1   0x20000000 /* FPU usable */

#define CAUSE_BD         0x80000000 /* exception in a branch delay slot */
#define CAUSE_CE(c)      (((c) >> 28) & 3) /* coprocessor of a CpU */
#define CAUSE_IP(c)      (((c) >> 8) & 0xff) /* pending interrupts */
#define CAUSE_EXCCODE(c) (((c) >> 2) & 0x1f)

/* Exception codes (Cause.ExcCode). */
#define EXC_INT  0
#define EXC_MOD  1
#define EXC_TLBL 2
#define EXC_TLBS 3
#define EXC_ADEL 4
#define EXC_ADES 5
#define EXC_IBE  6
#define EXC_DBE  7
#define EXC_SYS  8
#define EXC_BP   9
#define EXC_RI   10
#define EXC_CPU  11
#define EXC_OV   12
#define EXC_TR   13
#define EXC_VCEI 14
#define EXC_FPE  15
#define EXC_WATCH 23
#define EXC_VCED 31

#ifndef __ASSEMBLER__
#include <stdint.h>

/* Read CP0 register n (a compile-time constant). */
#define KCP0_READ(n) ({ uint32_t v_; \
	__asm__ volatile("mfc0 %0, $" #n : "=r"(v_)); v_; })

/*
 * Write CP0 register n, then three nops: the R4000 does not interlock on
 * CP0, and a write to Status or EPC needs two instructions before an eret
 * or an interrupt sees it (NEC VR4100 manual, "Coprocessor 0 hazards",
 * whose table is no stricter than the R4000's).
 */
#define KCP0_WRITE(n, v) __asm__ volatile("mtc0 %0, $" #n "\n\tnop\n\tnop\n\tnop" \
	: : "r"((uint32_t)(v)) : "memory")

/* The free-running cycle counter, CP0 Count. */
static inline uint32_t kcp0_count(void) { return KCP0_READ(9); }
/* The Status register. */
static inline uint32_t kcp0_status(void) { return KCP0_READ(12); }
/* Replace the Status register. */
static inline void kcp0_set_status(uint32_t v) { KCP0_WRITE(12, v); }
/* The Cause register. */
static inline uint32_t kcp0_cause(void) { return KCP0_READ(13); }
/* The Compare register (its write clears the timer interrupt). */
static inline void kcp0_set_compare(uint32_t v) { KCP0_WRITE(11, v); }

/* Disable interrupts and return the previous Status.IE. */
static inline uint32_t kintr_off(void)
{
	uint32_t s = kcp0_status();
	kcp0_set_status(s & ~(uint32_t)ST_IE);
	return s & ST_IE;
}

/* Restore Status.IE to the value kintr_off returned. */
static inline void kintr_restore(uint32_t ie)
{
	if (ie)
		kcp0_set_status(kcp0_status() | ST_IE);
}

/* A full memory barrier: the CPU's sync and the compiler's. */
static inline void kbarrier(void) { __asm__ volatile("sync" : : : "memory"); }

#endif /* !__ASSEMBLER__ */
#endif
