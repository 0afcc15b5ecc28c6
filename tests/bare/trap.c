/*
 * trap.c - the exception path: a handler installed with ktrap_set_handler
 * sees the right frame and resumes the program with its changes.
 */
#include "ktest.h"

static struct ktrapframe seen; /* the last frame the handler saw */
static int traps;

/* Record the frame, skip the faulting instruction, and resume. */
static int skip_handler(struct ktrapframe *tf)
{
	seen = *tf;
	traps++;
	tf->epc += 4;
	return 1;
}

TEST(breakpoint)
{
	ktrap_handler old = ktrap_set_handler(skip_handler);
	traps = 0;
	__asm__ volatile("break 7");
	ktrap_set_handler(old);
	KEXPECT_EQ(traps, 1);
	KEXPECT_EQ(CAUSE_EXCCODE(seen.cause), EXC_BP);
	KEXPECT_EQ(seen.vector, KLIB_VEC_GENERAL);
	KEXPECT_STREQ(kexc_name(EXC_BP), "Bp");
	uint32_t insn = *(uint32_t *)seen.epc;
	KEXPECT_EQ(insn & 0xfc00003f, 0x0000000d); /* EPC points at the break */
}

TEST(syscall_passes_registers)
{
	ktrap_set_handler(skip_handler);
	register uint32_t a0 __asm__("$4") = 0x1234;
	register uint32_t v0 __asm__("$2") = 0;
	__asm__ volatile("syscall" : "+r"(v0) : "r"(a0) : "memory");
	ktrap_set_handler(0);
	KEXPECT_EQ(CAUSE_EXCCODE(seen.cause), EXC_SYS);
	KEXPECT_EQ(seen.r[4], 0x1234);
	KEXPECT_EQ(seen.r[0], 0);
	KEXPECT_TRUE(seen.r[29] > (uint32_t)_end - KLIB_MAX_CPUS * KLIB_STACK_SIZE);
	KEXPECT_TRUE(seen.r[29] <= (uint32_t)_end);
}

/* Put 77 in v0 of the interrupted program, then resume past the syscall. */
static int set_v0_handler(struct ktrapframe *tf)
{
	tf->r[2] = 77;
	tf->epc += 4;
	return 1;
}

TEST(handler_changes_registers)
{
	ktrap_set_handler(set_v0_handler);
	register uint32_t v0 __asm__("$2") = 0;
	__asm__ volatile("syscall" : "+r"(v0) : : "memory");
	uint32_t got = v0; /* before a call reuses $2 */
	ktrap_set_handler(0);
	KEXPECT_EQ(got, 77);
}

TEST(address_error_badvaddr)
{
	static uint32_t words[2];
	uint32_t bad = (uint32_t)words + 2, v;
	ktrap_set_handler(skip_handler);
	traps = 0;
	/* An lw of our own: gcc would split a known-misaligned load into lwl/lwr. */
	__asm__ volatile("lw %0, 0(%1)" : "=r"(v) : "r"(bad) : "memory");
	ktrap_set_handler(0);
	KEXPECT_EQ(traps, 1);
	KEXPECT_EQ(CAUSE_EXCCODE(seen.cause), EXC_ADEL);
	KEXPECT_EQ(seen.badvaddr, bad);
}

TEST(tlb_refill_vector)
{
	ktrap_set_handler(skip_handler);
	(void)*(volatile uint32_t *)0x00400000; /* kuseg, no TLB entry */
	ktrap_set_handler(0);
	KEXPECT_EQ(CAUSE_EXCCODE(seen.cause), EXC_TLBL);
	KEXPECT_EQ(seen.vector, KLIB_VEC_REFILL);
	KEXPECT_EQ(seen.badvaddr, 0x00400000);
}

TEST(callee_saved_survive)
{
	/* Every register the handler's C code might use comes back intact. */
	ktrap_set_handler(skip_handler);
	register uint32_t s0 __asm__("$16") = 0x5a5a0001;
	register uint32_t s7 __asm__("$23") = 0x5a5a0007;
	register uint32_t t9 __asm__("$25") = 0x5a5a0025;
	register uint32_t fp __asm__("$30") = 0x5a5a0030;
	__asm__ volatile("mthi %4\n\tmtlo %5\n\tbreak 1"
			 : "+r"(s0), "+r"(s7), "+r"(t9), "+r"(fp)
			 : "r"(0x11110000), "r"(0x22220000) : "memory");
	uint32_t hi, lo;
	__asm__ volatile("mfhi %0\n\tmflo %1" : "=r"(hi), "=r"(lo));
	ktrap_set_handler(0);
	KEXPECT_EQ(s0, 0x5a5a0001);
	KEXPECT_EQ(s7, 0x5a5a0007);
	KEXPECT_EQ(t9, 0x5a5a0025);
	KEXPECT_EQ(fp, 0x5a5a0030);
	KEXPECT_EQ(hi, 0x11110000);
	KEXPECT_EQ(lo, 0x22220000);
	KEXPECT_EQ(seen.hi, 0x11110000);
	KEXPECT_EQ(seen.r[16], 0x5a5a0001);
}

TEST(prom_vectors)
{
	/* With BEV=1 the CPU uses the boot PROM's vectors, as right after reset. */
	ktrap_set_handler(skip_handler);
	uint32_t st = kcp0_status();
	kcp0_set_status(st | ST_BEV);
	__asm__ volatile("break 2" : : : "memory");
	kcp0_set_status(st);
	ktrap_set_handler(0);
	KEXPECT_EQ(CAUSE_EXCCODE(seen.cause), EXC_BP);
	KEXPECT_EQ(seen.vector, 0xBFC00380);
	KEXPECT_EQ(seen.status & ST_BEV, ST_BEV);
}

TEST(exception_names)
{
	KEXPECT_STREQ(kexc_name(EXC_INT), "Int");
	KEXPECT_STREQ(kexc_name(EXC_TLBS), "TLBS");
	KEXPECT_STREQ(kexc_name(EXC_WATCH), "WATCH");
	KEXPECT_STREQ(kexc_name(EXC_VCED), "VCED");
	KEXPECT_STREQ(kexc_name(20), "reserved");
}

KTEST_MAIN("trap")
