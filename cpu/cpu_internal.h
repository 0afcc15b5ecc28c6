/*
 * cpu_internal.h - the R4000 emulator's private state and helpers.
 *
 * Only the files in cpu/ and the CPU's own unit tests include this file.
 *
 * Execution model (threaded code, in the style of TinyEMU and gxemul):
 * every 4 KB physical page that holds code gets a struct cpu_dpage, an array
 * of 1024 pre-decoded instructions (struct dinsn) plus two end sentinels.
 * Each dinsn points at the function that executes it; the function returns
 * the next dinsn to run.  Straight-line code is `return i + 1`; a branch
 * executes its delay slot itself and then returns the target's dinsn.  The
 * program counter is never stored while running: it is derived from the
 * dinsn pointer and the virtual base of the page being executed
 * (cpu_pc_of).  Entries start as op_decode, which decodes the instruction in
 * place the first time it runs; a store to a code page puts op_decode back.
 *
 * Loads and stores go through a software TLB of host pointers per mode
 * (struct cpu_stlb); a hit is one index and one compare.  Everything else
 * (R4000 TLB lookup, exceptions, devices) is out of line.
 */
#ifndef CPU_CPU_INTERNAL_H
#define CPU_CPU_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "cpu/cpu.h"

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)

#define CPU_MAX 32
#define CPU_PAGE_SHIFT 12
#define CPU_PAGE_SIZE 4096u
#define CPU_PAGE_INSNS 1024
#define CPU_GPR_SINK 32 /* decoded destination for writes to r0 */
#define CPU_TLB_ENTRIES 48
#define CPU_STLB_N 512 /* software TLB entries per mode and kind */
#define CPU_STLB_INVALID 0xfffu /* no masked address has bits 3-11 set */
#define CPU_MAX_BREAKS 16

struct cpu;
struct dinsn;

/* Execute one decoded instruction; return the next one to execute. */
typedef struct dinsn *(*cpu_op_fn)(struct cpu *c, struct dinsn *i);

/*
 * One pre-decoded instruction.  d is the destination register (a write to
 * r0 is decoded as a write to CPU_GPR_SINK), s and t are source registers,
 * sa is the shift amount or a small sub-field (CP0 register, FPU format),
 * imm is the immediate already extended as the instruction wants it
 * (branch offsets already shifted left by 2 and sign-extended).
 */
struct dinsn {
	cpu_op_fn fn;
	uint8_t d, s, t, sa;
	uint32_t imm;
};

/* The decoded form of one physical page of code. */
struct cpu_dpage {
	struct dinsn insn[CPU_PAGE_INSNS + 2]; /* + two end sentinels */
	uint8_t *host;                         /* the page's bytes */
	uint32_t paddr;
};

/* A host-backed physical memory range (RAM, or a read-only PROM). */
struct cpu_region {
	uint32_t base, bytes;
	uint8_t *host;
	bool rom;
	struct cpu_dpage **dpages; /* per page, NULL until code runs there */
	uint8_t *llwatch;          /* per page: some CPU did LL there */
};

/* Physical memory as all CPUs see it. */
struct cpu_phys {
	struct cpu_region reg[2];
	int nreg;
	const struct cpu_mmio_ops *ops;
	void *ctx;
	struct cpu *cpus[CPU_MAX];
	int ncpus;
};

/* Software TLB entry: tag is the page's virtual base, host its bytes. */
struct cpu_stlb {
	uint32_t tag;
	uint32_t pa; /* physical address of the page, for the cache model */
	uint8_t *host;
};

/* Software instruction TLB entry: virtual page to decoded page. */
struct cpu_itlb {
	uint32_t tag;
	struct cpu_dpage *page;
};

/*
 * R4000 TLB entry, kept as the register images software wrote
 * (User's Manual ch. 4, "TLB entry format"):
 *
 *   pagemask  | 0 |   MASK (24:13)   |      0       |
 *   entryhi   |   VPN2 (31:13)   | 0 (12:8) | ASID (7:0) |
 *   entrylo   | 0 (31:30) | PFN (29:6) | C (5:3) | D | V | G |
 *
 * G is stored once, as the AND of both EntryLo G bits at write time.
 */
struct cpu_tlbe {
	uint32_t pagemask, entryhi, lo0, lo1;
	bool g;
};

/* CP0 register numbers (R4000 User's Manual, table 4-2 and ch. 5). */
enum {
	CP0_INDEX = 0, CP0_RANDOM = 1, CP0_ENTRYLO0 = 2, CP0_ENTRYLO1 = 3,
	CP0_CONTEXT = 4, CP0_PAGEMASK = 5, CP0_WIRED = 6, CP0_BADVADDR = 8,
	CP0_COUNT = 9, CP0_ENTRYHI = 10, CP0_COMPARE = 11, CP0_STATUS = 12,
	CP0_CAUSE = 13, CP0_EPC = 14, CP0_PRID = 15, CP0_CONFIG = 16,
	CP0_LLADDR = 17, CP0_WATCHLO = 18, CP0_WATCHHI = 19,
	CP0_XCONTEXT = 20, CP0_ECC = 26, CP0_CACHEERR = 27, CP0_TAGLO = 28,
	CP0_TAGHI = 29, CP0_ERROREPC = 30,
};

/*
 * Status register (R4000 User's Manual, fig. 5-11):
 *
 *  31  28 27 26 25 24     16 15    8  7  6  5  4 3  2   1   0
 * | CU3-0|RP|FR|RE|   DS    |  IM   |KX|SX|UX| KSU |ERL|EXL|IE|
 *   DS: ITS(24) 0 BEV(22) TS(21) SR(20) 0 CH(18) CE(17) DE(16)
 */
#define ST_IE (1u << 0)
#define ST_EXL (1u << 1)
#define ST_ERL (1u << 2)
#define ST_KSU_SHIFT 3
#define ST_KSU (3u << 3)
#define ST_UX (1u << 5)
#define ST_SX (1u << 6)
#define ST_KX (1u << 7)
#define ST_IM (0xffu << 8)
#define ST_IM7 (1u << 15)
#define ST_DE (1u << 16)
#define ST_CE (1u << 17)
#define ST_CH (1u << 18)
#define ST_SR (1u << 20)
#define ST_TS (1u << 21)
#define ST_BEV (1u << 22)
#define ST_RE (1u << 25)
#define ST_FR (1u << 26)
#define ST_RP (1u << 27)
#define ST_CU0 (1u << 28)
#define ST_CU1 (1u << 29)
/* Bits software can write (ITS, bit 24, and bits 19 and 23 read as 0). */
#define ST_WRITABLE 0xff77ffffu

/*
 * Cause register (fig. 5-13):
 *
 *  31  30 29 28 27     16 15    8  7  6      2 1 0
 * | BD | 0 |  CE | 0     |  IP   | 0 | ExcCode | 0 |
 */
#define CAUSE_BD (1u << 31)
#define CAUSE_CE_SHIFT 28
#define CAUSE_IP_SHIFT 8
#define CAUSE_IP (0xffu << 8)
#define CAUSE_SW (3u << 8) /* IP1..IP0: the software-writable bits */
#define CAUSE_IP7 (1u << 15)

/* Exception codes (table 5-? "Cause register ExcCode field"). */
enum cpu_exc_code {
	EXC_INT = 0, EXC_MOD = 1, EXC_TLBL = 2, EXC_TLBS = 3, EXC_ADEL = 4,
	EXC_ADES = 5, EXC_IBE = 6, EXC_DBE = 7, EXC_SYS = 8, EXC_BP = 9,
	EXC_RI = 10, EXC_CPU = 11, EXC_OV = 12, EXC_TR = 13, EXC_VCEI = 14,
	EXC_FPE = 15, EXC_WATCH = 23, EXC_VCED = 31,
};

/* Operating modes, as indexes of the per-mode software TLBs. */
enum cpu_mode {
	CPU_MODE_KERNEL = 0, /* KSU=0, or EXL=1 */
	CPU_MODE_SUPER = 1,  /* KSU=1, EXL=ERL=0 */
	CPU_MODE_USER = 2,   /* KSU=2 (or 3), EXL=ERL=0 */
	CPU_MODE_ERL = 3,    /* ERL=1: kernel, with kuseg unmapped */
	CPU_NMODES = 4,
};

/* Kind of memory access, for translation and exceptions. */
enum cpu_access { CPU_LOAD = 0, CPU_STORE = 1, CPU_FETCH = 2 };

/* CP0 state, kept as the values software reads unless noted. */
struct cpu_cp0 {
	uint32_t index, entrylo0, entrylo1, context, pagemask, wired;
	uint32_t badvaddr, entryhi, compare, status, cause, prid, config;
	uint32_t lladdr, watchlo, watchhi, ecc, cacheerr, taglo, taghi;
	uint64_t epc, errorepc;
};

/* One R4000 CPU. */
struct cpu {
	uint64_t gpr[33]; /* r0..r31 and the write sink */
	uint64_t hi, lo;

	/* Execution state while running (see the comment at the top). */
	struct cpu_dpage *cur_page; /* page being executed */
	uint32_t cur_vbase;         /* its virtual base address */
	int64_t left;               /* cycles left in this chunk */
	bool in_delay;              /* executing a branch delay slot */
	bool branch_pending;        /* stopped between branch and delay slot */
	uint32_t branch_target;     /* where that branch continues */
	struct dinsn *exc_ip;       /* where an exception continues */
	enum cpu_mode mode;
	bool ops64;    /* 64-bit operations allowed in this mode */
	uint32_t pc;   /* valid between chunks */
	bool llbit;
	uint32_t ll_pa; /* physical address of the last LL */
	bool waiting;  /* parked by WAIT */
	enum cpu_stop pending; /* why to leave cpu_run (BUDGET: no reason) */

	/*
	 * Time.  `left` counts the cycles left in the current chunk: each
	 * instruction takes one, a memory stall takes more (and adds them to
	 * `stall`).  Instructions = cycles - stall.
	 */
	uint64_t cycles;     /* valid between chunks; see cpu_now_cycles */
	int64_t chunk;       /* size of the current chunk, in cycles */
	uint64_t stall;      /* cycles that were not instructions */
	uint64_t count_base; /* Count = count_base + (cycles - count_at)/2 */
	uint64_t count_at;
	uint64_t timer_due;  /* cycle at which Count next equals Compare */
	uint64_t random_at;  /* instruction count when Random was 47 */
	uint32_t irq_lines;  /* hardware lines 0..4 (IP2..IP6) */

	const struct cpu_timing *timing; /* NULL: no memory stalls */

	struct cpu_cp0 cp0;
	struct cpu_tlbe tlb[CPU_TLB_ENTRIES];

	/* FPU (CP1): 32 64-bit registers, FCSR (fcr31) and FIR (fcr0). */
	uint64_t fpr[32];
	uint32_t fcsr, fir;

	struct cpu_stlb rd[CPU_NMODES][CPU_STLB_N];
	struct cpu_stlb wr[CPU_NMODES][CPU_STLB_N];
	struct cpu_itlb it[CPU_NMODES][CPU_STLB_N];

	/* Debugger watchpoints (virtual ranges) and the last hit. */
	struct cpu_watch {
		uint32_t va, len;
		enum cpu_watch_kind kind;
	} watches[CPU_MAX_BREAKS];
	int nwatches;
	uint32_t watch_va;
	enum cpu_watch_kind watch_kind;

	/* Tracing hooks and the TLB checker. */
	const struct cpu_trace_ops *trace;
	void *trace_ctx;
	unsigned trace_mask;
	bool check_tlb;
	int tlb_written, tlb_other; /* the last conflict found */
	uint32_t tlb_writer[CPU_TLB_ENTRIES];

	uint32_t breaks[CPU_MAX_BREAKS];
	int nbreaks;
	bool at_break; /* stopped at a breakpoint: step over it next run */

	/* A fetch that failed: executing fault_insn raises the exception. */
	struct dinsn fault_insn;
	uint32_t fault_va;
	int fault_code;
	bool fault_tlb, fault_refill;

	uint64_t exc_count[32];
	uint64_t tlb_refills; /* exceptions through a refill vector */
	struct cpu_phys *phys;
	int id;
};

/* Address of the instruction i, which belongs to the page being executed. */
static inline uint32_t cpu_pc_of(const struct cpu *c, const struct dinsn *i)
{
	return c->cur_vbase + (uint32_t)((i - c->cur_page->insn) << 2);
}

/* Address of the instruction ip, which may be the fetch-fault marker. */
static inline uint32_t cpu_ip_pc(const struct cpu *c, const struct dinsn *ip)
{
	return ip == &c->fault_insn ? c->fault_va : cpu_pc_of(c, ip);
}

/* Cycles elapsed so far, valid in the middle of a chunk too. */
static inline uint64_t cpu_now_cycles(const struct cpu *c)
{
	return c->cycles + (uint64_t)(c->chunk - c->left);
}

/* Instructions executed so far, valid in the middle of a chunk too. */
static inline uint64_t cpu_now_insns(const struct cpu *c)
{
	return cpu_now_cycles(c) - c->stall;
}

/* Leave cpu_run with reason why after this instruction (first one wins). */
static inline void cpu_stop_with(struct cpu *c, enum cpu_stop why)
{
	if (c->pending == CPU_STOP_BUDGET)
		c->pending = why;
	if (c->left > 0)
		c->chunk -= c->left, c->left = 0;
}

/* End the chunk after this instruction (so the run loop sees new state). */
static inline void cpu_end_chunk(struct cpu *c)
{
	if (c->left > 0)
		c->chunk -= c->left, c->left = 0;
}

/* Sign-extend a 32-bit value to 64 bits. */
static inline uint64_t sx32(uint32_t v)
{
	return (uint64_t)(int64_t)(int32_t)v;
}

/* --- exc.c --- */
struct dinsn *cpu_raise(struct cpu *c, uint32_t pc, int code, int ce);
struct dinsn *cpu_raise_addr(struct cpu *c, uint32_t pc, int code,
			     uint32_t va, bool tlb, bool refill);
struct dinsn *cpu_exc(struct cpu *c, struct dinsn *i, int code);
struct dinsn *cpu_exc_cop(struct cpu *c, struct dinsn *i, int cop);
bool cpu_irq_ready(const struct cpu *c);
void cpu_take_interrupt(struct cpu *c);
void cpu_update_mode(struct cpu *c);

/* --- tlb.c --- */
int cpu_translate(const struct cpu *c, uint32_t va, enum cpu_access acc,
		  uint32_t *pa, bool *refill, bool *cacheable);
void cpu_stlb_flush_all(struct cpu *c);
void cpu_stlb_flush_range(struct cpu *c, uint32_t lo, uint32_t hi);
void cpu_tlb_write(struct cpu *c, int index, uint32_t pc);
void cpu_tlb_read(struct cpu *c, int index);
void cpu_tlb_probe(struct cpu *c);
uint32_t cpu_random(const struct cpu *c);
void cpu_set_entryhi(struct cpu *c, uint32_t v);
int cpu_tlb_match(const struct cpu *c, uint32_t va);

/* --- phys.c --- */
uint8_t *cpu_phys_host(struct cpu_phys *p, uint32_t pa, bool write);
struct cpu_dpage *cpu_phys_dpage(struct cpu_phys *p, uint32_t pa);
void cpu_phys_code_write(struct cpu_phys *p, uint32_t pa, int size);
bool cpu_phys_is_code(struct cpu_phys *p, uint32_t pa);
bool cpu_phys_ll_watched(struct cpu_phys *p, uint32_t pa);
void cpu_phys_ll_watch(struct cpu_phys *p, uint32_t pa);
void cpu_phys_ll_break(struct cpu_phys *p, const struct cpu *writer,
		       uint32_t pa, uint32_t len);

/* --- debugpoints.c --- */
void cpu_trace_insn(struct cpu *c, struct dinsn *ip);

/* --- core.c --- */
struct dinsn *cpu_fetch_slow(struct cpu *c, uint32_t va);
struct dinsn *cpu_branch(struct cpu *c, struct dinsn *i, uint32_t target);
struct dinsn *cpu_not_taken(struct cpu *c, struct dinsn *i);
struct dinsn *cpu_jump_reg(struct cpu *c, struct dinsn *i, uint64_t target);
void cpu_timer_reschedule(struct cpu *c);
uint32_t cpu_count(const struct cpu *c);

/* Continue at virtual address va: same page fast, otherwise look it up. */
static inline struct dinsn *cpu_fetch(struct cpu *c, uint32_t va)
{
	struct cpu_itlb *e = &c->it[c->mode][(va >> 12) & (CPU_STLB_N - 1)];
	if (likely(e->tag == (va & ~0xffcu))) {
		c->cur_page = e->page;
		c->cur_vbase = e->tag;
		return &e->page->insn[(va & 0xfff) >> 2];
	}
	return cpu_fetch_slow(c, va);
}

/* --- mem.c: loads and stores; nonzero means an exception was raised. --- */
int cpu_load_slow(struct cpu *c, struct dinsn *i, uint32_t va, int size,
		  uint64_t *val);
int cpu_store_slow(struct cpu *c, struct dinsn *i, uint32_t va, int size,
		   uint64_t val);

/* A reference missed the primary cache: ask the model, add its stall. */
void cpu_timing_miss(struct cpu *c, uint32_t pa, enum cpu_ref ref);

/* Check the primary cache for a cached reference (timed mode only). */
static inline void cpu_l1(struct cpu *c, uint32_t pa, enum cpu_ref ref)
{
	const struct cpu_timing *t = c->timing;
	uint32_t line = pa >> t->line_shift;
	uint32_t want = ref == CPU_REF_STORE ? 3u : 1u;
	uint32_t tag = ref == CPU_REF_IFETCH ? t->l1i[line & t->l1i_mask]
					     : t->l1d[line & t->l1d_mask];
	if (likely((tag >> 2) == line && (tag & want) == want))
		return;
	cpu_timing_miss(c, pa, ref);
}

/* Load size bytes (1, 2, 4, 8) from va, big-endian, zero-extended. */
static inline int cpu_load(struct cpu *c, struct dinsn *i, uint32_t va,
			   int size, uint64_t *val)
{
	struct cpu_stlb *e = &c->rd[c->mode][(va >> 12) & (CPU_STLB_N - 1)];
	if (likely(e->tag == (va & ~(0xfffu & ~(uint32_t)(size - 1))))) {
		const uint8_t *h = e->host + (va & 0xfff);
		if (unlikely(c->timing != NULL))
			cpu_l1(c, e->pa + (va & 0xfff), CPU_REF_LOAD);
		switch (size) {
		case 1: *val = *h; break;
		case 2: { uint16_t v; memcpy(&v, h, 2);
			*val = __builtin_bswap16(v); break; }
		case 4: { uint32_t v; memcpy(&v, h, 4);
			*val = __builtin_bswap32(v); break; }
		default: { uint64_t v; memcpy(&v, h, 8);
			*val = __builtin_bswap64(v); break; }
		}
		return 0;
	}
	return cpu_load_slow(c, i, va, size, val);
}

/* Store the low size bytes of val at va, big-endian. */
static inline int cpu_store(struct cpu *c, struct dinsn *i, uint32_t va,
			    int size, uint64_t val)
{
	struct cpu_stlb *e = &c->wr[c->mode][(va >> 12) & (CPU_STLB_N - 1)];
	if (likely(e->tag == (va & ~(0xfffu & ~(uint32_t)(size - 1))))) {
		uint8_t *h = e->host + (va & 0xfff);
		if (unlikely(c->timing != NULL))
			cpu_l1(c, e->pa + (va & 0xfff), CPU_REF_STORE);
		switch (size) {
		case 1: *h = (uint8_t)val; break;
		case 2: { uint16_t v = __builtin_bswap16((uint16_t)val);
			memcpy(h, &v, 2); break; }
		case 4: { uint32_t v = __builtin_bswap32((uint32_t)val);
			memcpy(h, &v, 4); break; }
		default: { uint64_t v = __builtin_bswap64(val);
			memcpy(h, &v, 8); break; }
		}
		return 0;
	}
	return cpu_store_slow(c, i, va, size, val);
}

/* --- decode.c --- */
void cpu_decode(struct dinsn *d, uint32_t w);
struct dinsn *op_decode(struct cpu *c, struct dinsn *i);
struct dinsn *op_page_end(struct cpu *c, struct dinsn *i);
struct dinsn *op_ri(struct cpu *c, struct dinsn *i);

/* --- fpu.c: decoding of COP1 and the FPU loads/stores --- */
void cpu_fpu_decode(struct dinsn *d, uint32_t w);
struct dinsn *op_lwc1(struct cpu *c, struct dinsn *i);
struct dinsn *op_ldc1(struct cpu *c, struct dinsn *i);
struct dinsn *op_swc1(struct cpu *c, struct dinsn *i);
struct dinsn *op_sdc1(struct cpu *c, struct dinsn *i);
void cpu_fpu_reset(struct cpu *c);

#endif
