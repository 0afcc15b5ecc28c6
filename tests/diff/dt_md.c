/*
 * dt_md.c - the minidisco side of the differential test.
 *
 * The stream runs in user mode from kuseg, as it would under an operating
 * system.  cpu.h cannot write CP0, so each run starts at a small kernel
 * prologue in kseg0 that writes two TLB entries, loads HI and LO, sets EPC
 * to the stream and Status to user mode with EXL=1, and executes eret.  A
 * breakpoint on the stream's first address stops the CPU there; the host then
 * writes r1..r31 (the prologue used k0) and runs the stream.
 *
 * Physical layout (RAM from 0, DT_RAM bytes):
 *
 *   0x00000000  TLB refill vector (EXL=0)    breakpoint, then "b ."
 *   0x00000180  general exception vector     breakpoint, then "b ."
 *   0x00001000  setup prologue               entered at kseg0 0x80001000
 *   0x00100000  code, even 16 KB page        user 0x00400000 (the
 *                                            end address holds a break,
 *                                            as on Unicorn; a breakpoint
 *                                            stops the CPU before it)
 *   0x00104000  code, odd 16 KB page         user 0x00404000
 *   0x00203000  scratch, even 4 KB page      user 0x10000000
 *
 * The 16 KB pages check PageMask too; the code pages are mapped read-only
 * (D=0), so a stray store there would show up as a Mod exception.
 */
#include "tests/diff/dt.h"

#include <stdlib.h>
#include <string.h>

#include "cpu/cpu.h"

#define DT_RAM        (4u << 20)
#define PA_PROLOGUE   0x00001000u
#define PA_CODE       0x00100000u
#define PA_SCRATCH    0x00203000u
#define CODE_BYTES    0x8000u
#define ASID          0x2Au
#define TLB_CODE      5
#define TLB_SCRATCH   17
#define STATUS_USER   0x00000012u /* KSU=10 (user), EXL=1, ERL=0, BEV=0 */

#define KSEG0(pa) ((uint64_t)(int64_t)(int32_t)(0x80000000u | (pa)))

/* CP0 register numbers the prologue writes. */
enum {
	CP0_INDEX = 0, CP0_ENTRYLO0 = 2, CP0_ENTRYLO1 = 3, CP0_PAGEMASK = 5,
	CP0_BADVADDR = 8, CP0_ENTRYHI = 10, CP0_STATUS = 12, CP0_CAUSE = 13,
	CP0_EPC = 14,
};

#define REG_K0 26

/* RAM, physical view and the CPU under test. */
struct dt_md {
	uint8_t *ram;
	struct cpu_phys *phys;
	struct cpu *cpu;
	uint32_t pro[64]; /* prologue being assembled */
	int npro;
};

/* Device read: nothing is there. */
static enum cpu_bus_result md_mmio_read(void *ctx, int cpu_id,
					uint32_t paddr, int size,
					uint64_t *val)
{
	(void)ctx, (void)cpu_id, (void)paddr, (void)size;
	*val = 0;
	return CPU_BUS_ERROR;
}

/* Device write: nothing is there. */
static enum cpu_bus_result md_mmio_write(void *ctx, int cpu_id,
					 uint32_t paddr, int size,
					 uint64_t val)
{
	(void)ctx, (void)cpu_id, (void)paddr, (void)size, (void)val;
	return CPU_BUS_ERROR;
}

static const struct cpu_mmio_ops md_mmio = { md_mmio_read, md_mmio_write };

/* Create the minidisco side (RAM, physical view, one CPU); NULL on failure. */
struct dt_md *dt_md_create(void)
{
	struct dt_md *m = calloc(1, sizeof(*m));

	if (m == NULL)
		return NULL;
	m->ram = calloc(1, DT_RAM);
	if (m->ram != NULL)
		m->phys = cpu_phys_create(m->ram, DT_RAM, &md_mmio, NULL);
	if (m->phys != NULL)
		m->cpu = cpu_create(m->phys, 0);
	if (m->cpu == NULL) {
		dt_md_destroy(m);
		return NULL;
	}
	return m;
}

/* Free the minidisco side. */
void dt_md_destroy(struct dt_md *m)
{
	if (m == NULL)
		return;
	if (m->cpu != NULL)
		cpu_destroy(m->cpu);
	if (m->phys != NULL)
		cpu_phys_destroy(m->phys);
	free(m->ram);
	free(m);
}

/* Store a word into RAM in big-endian order. */
static void md_put32(struct dt_md *m, uint32_t pa, uint32_t w)
{
	m->ram[pa] = (uint8_t)(w >> 24);
	m->ram[pa + 1] = (uint8_t)(w >> 16);
	m->ram[pa + 2] = (uint8_t)(w >> 8);
	m->ram[pa + 3] = (uint8_t)w;
}

/* Append one prologue instruction. */
static void pro(struct dt_md *m, uint32_t insn)
{
	m->pro[m->npro++] = insn;
}

/* Append "lui k0, hi; ori k0, k0, lo" loading v into k0. */
static void pro_li_k0(struct dt_md *m, uint32_t v)
{
	pro(m, 0x3C000000u | REG_K0 << 16 | v >> 16);
	pro(m, 0x34000000u | REG_K0 << 21 | REG_K0 << 16 | (v & 0xFFFF));
}

/* Append "li k0, v; mtc0 k0, reg; nop". */
static void pro_mtc0(struct dt_md *m, int reg, uint32_t v)
{
	pro_li_k0(m, v);
	pro(m, 0x40800000u | REG_K0 << 16 | (uint32_t)reg << 11);
	pro(m, 0);
}

/*
 * EntryLo for a valid, cacheable page at physical pa (G=0: ASID must match):
 *
 *   31 30 29                          6 5   3  2   1   0
 *  +-----+-----------------------------+-----+---+---+---+
 *  |  0  |           PFN               |  C  | D | V | G |
 *  +-----+-----------------------------+-----+---+---+---+
 */
static uint32_t md_entrylo(uint32_t pa, bool dirty)
{
	return (pa >> 12) << 6 | 3u << 3 | (dirty ? 4u : 0u) | 2u;
}

/* Append the writes of one TLB entry and tlbwi. */
static void pro_tlb(struct dt_md *m, int index, uint32_t pagemask,
		    uint32_t entryhi, uint32_t lo0, uint32_t lo1)
{
	pro_mtc0(m, CP0_PAGEMASK, pagemask);
	pro_mtc0(m, CP0_ENTRYHI, entryhi);
	pro_mtc0(m, CP0_ENTRYLO0, lo0);
	pro_mtc0(m, CP0_ENTRYLO1, lo1);
	pro_mtc0(m, CP0_INDEX, (uint32_t)index);
	pro(m, 0x42000002u); /* tlbwi */
	pro(m, 0);
	pro(m, 0);
}

/* Assemble the kernel prologue for s and write it to RAM. */
static void md_build_prologue(struct dt_md *m, const struct dt_stream *s)
{
	m->npro = 0;
	pro_tlb(m, TLB_CODE, 0x00006000u, DT_CODE_VA | ASID,
		md_entrylo(PA_CODE, false), md_entrylo(PA_CODE + 0x4000, false));
	pro_tlb(m, TLB_SCRATCH, 0, DT_SCRATCH_VA | ASID,
		md_entrylo(PA_SCRATCH, true), 0);
	pro_li_k0(m, s->hi);
	pro(m, 0x00000011u | REG_K0 << 21); /* mthi k0 */
	pro_li_k0(m, s->lo);
	pro(m, 0x00000013u | REG_K0 << 21); /* mtlo k0 */
	pro_mtc0(m, CP0_EPC, DT_CODE_VA);
	pro_mtc0(m, CP0_STATUS, STATUS_USER);
	pro(m, 0);
	pro(m, 0x42000018u); /* eret */
	for (int i = 0; i < m->npro; i++)
		md_put32(m, PA_PROLOGUE + 4u * (uint32_t)i, m->pro[i]);
}

/* Write code, scratch data, vectors and prologue for s into RAM. */
static void md_load(struct dt_md *m, const struct dt_stream *s)
{
	memset(m->ram + PA_CODE, 0, CODE_BYTES);
	for (int i = 0; i < s->len; i++)
		md_put32(m, PA_CODE + 4u * (uint32_t)i, s->code[i]);
	md_put32(m, PA_CODE + 4u * (uint32_t)s->len, 0x0000000Du); /* break */
	memcpy(m->ram + PA_SCRATCH, s->scratch, DT_SCRATCH);
	md_put32(m, 0x000, 0x1000FFFFu); /* b . */
	md_put32(m, 0x004, 0);
	md_put32(m, 0x180, 0x1000FFFFu);
	md_put32(m, 0x184, 0);
	md_build_prologue(m, s);
	cpu_phys_invalidate(m->phys, 0, PA_PROLOGUE + 0x1000);
	cpu_phys_invalidate(m->phys, PA_CODE, CODE_BYTES);
	cpu_phys_invalidate(m->phys, PA_SCRATCH, DT_SCRATCH);
}

/* Remove the breakpoints a run may have left. */
static void md_clear_breaks(struct dt_md *m, uint64_t end)
{
	cpu_break_remove(m->cpu, DT_CODE_VA);
	cpu_break_remove(m->cpu, end);
	cpu_break_remove(m->cpu, KSEG0(0x000));
	cpu_break_remove(m->cpu, KSEG0(0x180));
}

/* Run the prologue up to the stream's first instruction; false on error. */
static bool md_enter_user(struct dt_md *m, const struct dt_stream *s,
			  struct dt_state *out)
{
	enum cpu_stop why;

	cpu_reset(m->cpu, KSEG0(PA_PROLOGUE));
	if (!cpu_break_add(m->cpu, DT_CODE_VA)) {
		snprintf(out->error, sizeof(out->error), "cpu_break_add failed");
		return false;
	}
	why = cpu_run(m->cpu, (uint64_t)m->npro + 16);
	cpu_break_remove(m->cpu, DT_CODE_VA);
	if (why != CPU_STOP_BREAK || cpu_pc(m->cpu) != DT_CODE_VA) {
		snprintf(out->error, sizeof(out->error),
			 "setup prologue did not reach 0x%08x (stop %d, pc "
			 "0x%016llx)", DT_CODE_VA, (int)why,
			 (unsigned long long)cpu_pc(m->cpu));
		return false;
	}
	for (int r = 1; r < 32; r++)
		cpu_set_gpr(m->cpu, r, (uint64_t)(int64_t)(int32_t)s->regs[r]);
	return true;
}

/* Record where the stream stopped: end address or an exception vector. */
static void md_stop_state(struct dt_md *m, uint64_t end, enum cpu_stop why,
			  struct dt_state *out)
{
	uint64_t pc = cpu_pc(m->cpu);

	if (why == CPU_STOP_BREAK && pc == end) {
		uint32_t st = (uint32_t)cpu_cp0(m->cpu, CP0_STATUS);
		if ((st & 0x1Eu) != 0x10u) /* KSU, ERL, EXL */
			snprintf(out->error, sizeof(out->error),
				 "stream did not run in user mode (Status "
				 "0x%08x)", st);
		return;
	}
	if (why == CPU_STOP_BREAK &&
	    (pc == KSEG0(0x000) || pc == KSEG0(0x180))) {
		uint64_t cause = cpu_cp0(m->cpu, CP0_CAUSE);
		out->exc = (int)(cause >> 2 & 31);
		out->exc_bd = (cause >> 31 & 1) != 0;
		out->exc_pc = (uint32_t)cpu_cp0(m->cpu, CP0_EPC) +
			      (out->exc_bd ? 4u : 0u);
		out->badvaddr = (uint32_t)cpu_cp0(m->cpu, CP0_BADVADDR);
		return;
	}
	snprintf(out->error, sizeof(out->error),
		 "stream did not reach its end (stop %d, pc 0x%016llx)",
		 (int)why, (unsigned long long)pc);
}

/* Run s on minidisco in user mode and record the final state in out. */
void dt_md_run(struct dt_md *m, const struct dt_stream *s,
	       struct dt_state *out)
{
	uint64_t end = DT_CODE_VA + 4u * (uint32_t)s->len;
	uint64_t start;
	enum cpu_stop why;

	memset(out, 0, sizeof(*out));
	out->exc = DT_NO_EXC;
	md_load(m, s);
	md_clear_breaks(m, end);
	if (!md_enter_user(m, s, out))
		return;
	if (!cpu_break_add(m->cpu, end) ||
	    !cpu_break_add(m->cpu, KSEG0(0x000)) ||
	    !cpu_break_add(m->cpu, KSEG0(0x180))) {
		snprintf(out->error, sizeof(out->error), "cpu_break_add failed");
		md_clear_breaks(m, end);
		return;
	}
	start = cpu_insns(m->cpu);
	why = cpu_run(m->cpu, (uint64_t)s->len + 8);
	out->insns = cpu_insns(m->cpu) - start;
	md_stop_state(m, end, why, out);
	md_clear_breaks(m, end);
	for (int r = 0; r < 32; r++)
		out->regs[r] = cpu_gpr(m->cpu, r);
	out->hi = cpu_hi(m->cpu);
	out->lo = cpu_lo(m->cpu);
	out->pc = cpu_pc(m->cpu);
	memcpy(out->scratch, m->ram + PA_SCRATCH, DT_SCRATCH);
}

/* Name of an R4000 exception code for reports ("Ov", "Tr", ...). */
const char *dt_exc_name(int code)
{
	const char *name = NULL;

	if (code == DT_NO_EXC)
		return "none";
	if (code >= 0 && code < 32)
		name = cpu_exception_name(code);
	return name != NULL ? name : "other";
}
