/*
 * trap.c - exception vectors and the default exception handler.
 */
#include "klib.h"

void klib_trap(struct ktrapframe *tf);
void ktrap_install(void);

/* The vector stubs in trapasm.S, four instructions each. */
extern const uint32_t klib_vec_refill[4], klib_vec_xrefill[4];
extern const uint32_t klib_vec_general[4];

/* The program's handler, or 0 for the default report and power-off. */
static volatile ktrap_handler trap_handler;

/* Names of the R4000 exception codes (R4000 User's Manual, Cause register). */
static const char *const exc_names[32] = {
	"Int", "Mod", "TLBL", "TLBS", "AdEL", "AdES", "IBE", "DBE",
	"Sys", "Bp", "RI", "CpU", "Ov", "Tr", "VCEI", "FPE",
	[23] = "WATCH", [31] = "VCED",
};

/* Conventional names of the 32 general registers. */
static const char *const reg_names[32] = {
	"zero", "at", "v0", "v1", "a0", "a1", "a2", "a3",
	"t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7",
	"s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7",
	"t8", "t9", "k0", "k1", "gp", "sp", "fp", "ra",
};

/* Copy one vector stub to kseg0 address vec, writing through kseg1. */
static void vector_copy(uint32_t vec, const uint32_t *stub)
{
	volatile uint32_t *dst = (volatile uint32_t *)(vec - KSEG0_BASE + KSEG1_BASE);
	for (int i = 0; i < 4; i++)
		dst[i] = stub[i];
}

/* Put the BEV=0 exception vectors in place (called once, by CPU 0). */
void ktrap_install(void)
{
	vector_copy(KLIB_VEC_REFILL, klib_vec_refill);
	vector_copy(KLIB_VEC_XREFILL, klib_vec_xrefill);
	vector_copy(KLIB_VEC_GENERAL, klib_vec_general);
	kbarrier();
}

/* Install h as the exception handler of every CPU; return the old one. */
ktrap_handler ktrap_set_handler(ktrap_handler h)
{
	ktrap_handler old = trap_handler;
	trap_handler = h;
	kbarrier();
	return old;
}

/* The name of exception code exccode, such as "TLBL". */
const char *kexc_name(uint32_t exccode)
{
	const char *n = exccode < 32 ? exc_names[exccode] : 0;
	return n ? n : "reserved";
}

/* Print the exception and the registers of frame tf on the console. */
void ktrap_dump(const struct ktrapframe *tf)
{
	uint32_t code = CAUSE_EXCCODE(tf->cause);
	kprintf("klib: exception %s (code %u) at vector 0x%08x\n",
		kexc_name(code), code, tf->vector);
	kprintf("cause 0x%08x  epc 0x%08x  badvaddr 0x%08x  status 0x%08x%s\n",
		tf->cause, tf->epc, tf->badvaddr, tf->status,
		(tf->cause & CAUSE_BD) ? "  (in a delay slot)" : "");
	for (int i = 0; i < 32; i += 4)
		kprintf("%-4s 0x%08x  %-4s 0x%08x  %-4s 0x%08x  %-4s 0x%08x\n",
			reg_names[i], tf->r[i], reg_names[i + 1], tf->r[i + 1],
			reg_names[i + 2], tf->r[i + 2], reg_names[i + 3], tf->r[i + 3]);
	kprintf("hi   0x%08x  lo   0x%08x\n", tf->hi, tf->lo);
}

/* Called by klib_trap_entry: give the exception to the handler or die. */
void klib_trap(struct ktrapframe *tf)
{
	/* k1 carried the vector's offset; PROM stubs sit at 0x200 and up. */
	tf->vector += tf->vector < 0x200 ? KSEG0_BASE : 0xBFC00000;
	ktrap_handler h = trap_handler;
	if (h && h(tf))
		return;
	kconsole_panic();
	ktrap_dump(tf);
	kpoweroff(KLIB_EXIT_TRAP);
}
