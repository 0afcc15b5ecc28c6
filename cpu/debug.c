/*
 * debug.c - reading CPU state for loaders, debuggers and statistics.  None
 * of these functions changes CPU or TLB state.
 */
#include <inttypes.h>

#include "cpu/cpu_internal.h"

/* Lower-case R4000 names of the CP0 registers; NULL where reserved. */
static const char *const cp0_names[32] = {
	"index", "random", "entrylo0", "entrylo1", "context", "pagemask",
	"wired", NULL, "badvaddr", "count", "entryhi", "compare", "status",
	"cause", "epc", "prid", "config", "lladdr", "watchlo", "watchhi",
	"xcontext", NULL, NULL, NULL, NULL, NULL, "ecc", "cacheerr", "taglo",
	"taghi", "errorepc", NULL,
};

/* Name of CP0 register n (lower case R4000 name), or NULL if reserved. */
const char *cpu_cp0_name(int n)
{
	return n >= 0 && n < 32 ? cp0_names[n] : NULL;
}

/*
 * XContext as the R4000 forms it (fig. 5-?): PTEBase (63:33), R (32:31),
 * BadVPN2 (30:4).  Only PTEBase is writable; in 32-bit mode the hardware
 * still fills BadVPN2 from BadVAddr, which we derive here.
 */
static uint64_t debug_xcontext(const struct cpu *c)
{
	uint64_t bad = sx32(c->cp0.badvaddr);
	return ((bad >> 13) << 4 & 0x7ffffff0ull) | ((bad >> 62) << 31);
}

/* Value of CP0 register n as software would read it, without side effects. */
uint64_t cpu_cp0(const struct cpu *c, int n)
{
	const struct cpu_cp0 *cp = &c->cp0;
	switch (n) {
	case CP0_INDEX: return cp->index;
	case CP0_RANDOM: return cpu_random(c);
	case CP0_ENTRYLO0: return cp->entrylo0;
	case CP0_ENTRYLO1: return cp->entrylo1;
	case CP0_CONTEXT: return sx32(cp->context);
	case CP0_PAGEMASK: return cp->pagemask;
	case CP0_WIRED: return cp->wired;
	case CP0_BADVADDR: return sx32(cp->badvaddr);
	case CP0_COUNT: return cpu_count(c);
	case CP0_ENTRYHI: return sx32(cp->entryhi);
	case CP0_COMPARE: return cp->compare;
	case CP0_STATUS: return cp->status;
	case CP0_CAUSE: return cp->cause;
	case CP0_EPC: return cp->epc;
	case CP0_PRID: return cp->prid;
	case CP0_CONFIG: return cp->config;
	case CP0_LLADDR: return cp->lladdr;
	case CP0_WATCHLO: return cp->watchlo;
	case CP0_WATCHHI: return cp->watchhi;
	case CP0_XCONTEXT: return debug_xcontext(c);
	case CP0_ECC: return cp->ecc;
	case CP0_CACHEERR: return cp->cacheerr;
	case CP0_TAGLO: return cp->taglo;
	case CP0_TAGHI: return cp->taghi;
	case CP0_ERROREPC: return cp->errorepc;
	default: return 0;
	}
}

/* True while the CPU is parked by WAIT. */
bool cpu_waiting(const struct cpu *c)
{
	return c->waiting;
}

/* Program counter of the next instruction. */
uint64_t cpu_pc(const struct cpu *c)
{
	return sx32(c->pc);
}

/* Set the program counter (for loaders and debuggers). */
void cpu_set_pc(struct cpu *c, uint64_t pc)
{
	c->pc = (uint32_t)pc;
	c->waiting = false;
	c->branch_pending = false;
}

/* General register n (0..31). */
uint64_t cpu_gpr(const struct cpu *c, int n)
{
	return n > 0 && n < 32 ? c->gpr[n] : 0;
}

/* Set general register n (writes to r0 are ignored). */
void cpu_set_gpr(struct cpu *c, int n, uint64_t v)
{
	if (n > 0 && n < 32)
		c->gpr[n] = v;
}

/* HI. */
uint64_t cpu_hi(const struct cpu *c)
{
	return c->hi;
}

/* LO. */
uint64_t cpu_lo(const struct cpu *c)
{
	return c->lo;
}

/* Floating-point register n as a 64-bit image. */
uint64_t cpu_fpr(const struct cpu *c, int n)
{
	return n >= 0 && n < 32 ? c->fpr[n] : 0;
}

/* FCSR (FCR31). */
uint32_t cpu_fcsr(const struct cpu *c)
{
	return c->fcsr;
}

/* FIR (FCR0), the FPU's implementation and revision. */
uint32_t cpu_fir(const struct cpu *c)
{
	return c->fir;
}

/* Set HI (for debuggers). */
void cpu_set_hi(struct cpu *c, uint64_t v)
{
	c->hi = v;
}

/* Set LO (for debuggers). */
void cpu_set_lo(struct cpu *c, uint64_t v)
{
	c->lo = v;
}

/* Set physical FP register n (for debuggers). */
void cpu_set_fpr(struct cpu *c, int n, uint64_t v)
{
	if (n >= 0 && n < 32)
		c->fpr[n] = v;
}

/* Set FCSR's writable bits, as ctc1 would but raising nothing. */
void cpu_set_fcsr(struct cpu *c, uint32_t v)
{
	c->fcsr = v & 0x0183ffffu; /* FS, C, cause, enables, flags, RM */
}

/* Number of instructions executed since reset. */
uint64_t cpu_insns(const struct cpu *c)
{
	return cpu_now_insns(c);
}

/* Number of cycles elapsed since reset (instructions plus stalls). */
uint64_t cpu_cycles(const struct cpu *c)
{
	return cpu_now_cycles(c);
}

/* The CPU's number. */
int cpu_id(const struct cpu *c)
{
	return c->id;
}

/* Translate va as a load from the current mode would; 0 on success. */
int cpu_debug_translate(const struct cpu *c, uint64_t va, uint32_t *pa)
{
	bool refill, cacheable;
	return cpu_translate(c, (uint32_t)va, CPU_LOAD, pa, &refill,
			     &cacheable);
}

/* Print the --dump-regs block for this CPU: one "name 0xVALUE" a line. */
void cpu_dump_regs(const struct cpu *c, FILE *out)
{
	fprintf(out, "cpu %d\n", c->id);
	fprintf(out, "pc 0x%016" PRIx64 "\n", cpu_pc(c));
	for (int n = 0; n < 32; n++)
		fprintf(out, "r%d 0x%016" PRIx64 "\n", n, cpu_gpr(c, n));
	fprintf(out, "hi 0x%016" PRIx64 "\n", c->hi);
	fprintf(out, "lo 0x%016" PRIx64 "\n", c->lo);
	for (int n = 0; n < 32; n++)
		if (cp0_names[n])
			fprintf(out, "%s 0x%016" PRIx64 "\n", cp0_names[n],
				cpu_cp0(c, n));
}
