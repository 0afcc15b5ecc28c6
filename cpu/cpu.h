/*
 * cpu.h - the only door into the R4000 CPU emulator.
 *
 * The rest of the emulator sees a CPU as an opaque object that runs for a
 * number of instructions, has interrupt lines, and can be inspected.  No MIPS
 * decoding detail is visible here; those live in cpu/cpu_internal.h.
 *
 * Physical memory is shared by all CPUs through a struct cpu_phys: RAM is one
 * host buffer holding guest bytes in big-endian order, starting at physical
 * address 0; every other physical address goes to the mmio callbacks.
 */
#ifndef CPU_CPU_H
#define CPU_CPU_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

struct cpu;
struct cpu_phys;
struct cpu_tlb_entry;

/* Result of an access to a physical address outside RAM. */
enum cpu_bus_result {
	CPU_BUS_OK = 0,
	CPU_BUS_ERROR = 1, /* no device there: the CPU takes a bus error */
};

/* Device callbacks for physical addresses outside RAM (size 1, 2, 4 or 8). */
struct cpu_mmio_ops {
	enum cpu_bus_result (*read)(void *ctx, int cpu_id, uint32_t paddr,
				    int size, uint64_t *val);
	enum cpu_bus_result (*write)(void *ctx, int cpu_id, uint32_t paddr,
				     int size, uint64_t val);
};

/* Why cpu_run returned. */
enum cpu_stop {
	CPU_STOP_BUDGET,  /* ran the cycles it was given */
	CPU_STOP_REQUEST, /* cpu_request_stop was called (e.g. power-off) */
	CPU_STOP_BREAK,   /* about to execute a breakpoint address */
	CPU_STOP_IDLE,    /* in WAIT with no interrupt that could wake it;
			     the cycles it was given passed all the same */
	CPU_STOP_WATCH,   /* a load or store touched a watchpoint (the
			     instruction completed): see cpu_watch_hit */
	CPU_STOP_TLB,     /* --check-tlb: a TLB write made two entries
			     overlap: see cpu_tlb_conflict */
};

/* Create the physical memory view over ram[0, ram_bytes). */
struct cpu_phys *cpu_phys_create(uint8_t *ram, uint64_t ram_bytes,
				 const struct cpu_mmio_ops *ops, void *ctx);
/* Add read-only memory (a boot PROM) at physical [base, base+bytes). */
void cpu_phys_add_rom(struct cpu_phys *p, uint32_t base, uint8_t *host,
		      uint32_t bytes);
/* Free the physical memory view and its decoded-code cache. */
void cpu_phys_destroy(struct cpu_phys *p);
/* Tell the CPUs that [paddr, paddr+len) changed behind their back (DMA). */
void cpu_phys_invalidate(struct cpu_phys *p, uint32_t paddr, uint32_t len);

/* Kinds of memory reference a timing model sees. */
enum cpu_ref {
	CPU_REF_IFETCH,   /* instruction fetch (cached) */
	CPU_REF_LOAD,     /* cached data load */
	CPU_REF_STORE,    /* cached data store (needs the line exclusive) */
	CPU_REF_UNCACHED, /* uncached load or store (kseg1, C=2, devices) */
};

/*
 * A memory timing model plugged into a CPU (numa/ provides one).  The CPU
 * checks its primary caches inline against the model's tag arrays and
 * calls miss() for every reference that does not hit there, and for every
 * uncached one; miss() updates the tags and returns the stall cycles.
 *
 * Primary cache tags (direct-mapped, indexed and tagged physically), one
 * 32-bit word per set:
 *
 *   | line number = pa >> line_shift (31:2) | state (1:0) |
 *   state: 0 invalid, 1 shared (loads hit), 3 exclusive (stores hit too)
 *
 * The word for a set holding no line is 0, which matches no reference
 * with state 1 or 3.
 */
struct cpu_timing {
	uint32_t *l1i, *l1d;      /* tag arrays: l1i_mask+1, l1d_mask+1 sets */
	uint32_t l1i_mask, l1d_mask;
	uint32_t line_shift;      /* log2 of the primary line size */
	uint32_t (*miss)(void *ctx, int cpu_id, uint32_t pa, enum cpu_ref ref);
	void *ctx;
};

/* Create CPU number id on the physical memory p, in cold-reset state. */
struct cpu *cpu_create(struct cpu_phys *p, int id);
/* Free a CPU. */
void cpu_destroy(struct cpu *c);
/* Cold reset: Status ERL=1 BEV=1, PC = pc, TLB and registers cleared. */
void cpu_reset(struct cpu *c, uint64_t pc);

/*
 * Run for up to max_cycles cycles and say why it stopped.  An instruction
 * takes one cycle plus its memory stalls (none with fast timing); a CPU
 * parked by WAIT lets cycles pass without instructions.
 */
enum cpu_stop cpu_run(struct cpu *c, uint64_t max_cycles);
/* Ask the CPU to leave cpu_run after the current instruction. */
void cpu_request_stop(struct cpu *c);
/* Use timing model t for every memory reference (NULL: no stalls). */
void cpu_set_timing(struct cpu *c, const struct cpu_timing *t);
/* Drive hardware interrupt line 0..4 (Cause.IP2..IP6). */
void cpu_set_irq(struct cpu *c, int line, bool level);

/* Kinds of access a watchpoint catches. */
enum cpu_watch_kind { CPU_WATCH_READ = 1, CPU_WATCH_WRITE = 2,
		      CPU_WATCH_ACCESS = 3 };
/*
 * Stop after a load or store (by the current mode's translation) that
 * touches virtual [va, va+len) with a matching kind (max 16 watchpoints);
 * false if full.  While any is set, data accesses take the slow path.
 */
bool cpu_watch_add(struct cpu *c, uint64_t va, uint32_t len,
		   enum cpu_watch_kind kind);
/* Remove a watchpoint added with the same arguments; false if none. */
bool cpu_watch_remove(struct cpu *c, uint64_t va, uint32_t len,
		      enum cpu_watch_kind kind);
/* After CPU_STOP_WATCH: the data address and the access kind that hit. */
bool cpu_watch_hit(const struct cpu *c, uint64_t *va,
		   enum cpu_watch_kind *kind);

/* What a trace hook is told (each only while its bit is in the mask). */
enum cpu_trace_bits { CPU_TRACE_INSN = 1, CPU_TRACE_EXC = 2, CPU_TRACE_TLB = 4 };
struct cpu_trace_ops {
	/* About to execute the instruction word at pc (delay slots too). */
	void (*insn)(void *ctx, int cpu_id, uint32_t pc, uint32_t word);
	/* An exception was delivered: code, EPC, BadVAddr, vector address. */
	void (*exc)(void *ctx, int cpu_id, int code, uint64_t epc,
		    uint32_t badvaddr, uint32_t vector);
	/* TLB entry index was written (tlbwi/tlbwr) by the instruction at pc. */
	void (*tlb)(void *ctx, int cpu_id, int index,
		    const struct cpu_tlb_entry *e, uint32_t pc);
};
/* Call ops for the events in mask (0: tracing off, no cost). */
void cpu_set_trace(struct cpu *c, const struct cpu_trace_ops *ops,
		   void *ctx, unsigned mask);

/*
 * The TLB checker: with it on, a tlbwi/tlbwr that leaves two entries able
 * to match the same address (overlapping VPN2 ranges, and G on either or
 * equal ASIDs; the R4000 shuts its TLB down on such a double match) stops
 * the CPU with CPU_STOP_TLB.
 */
void cpu_set_check_tlb(struct cpu *c, bool on);
/* After CPU_STOP_TLB: the entry just written and the one it overlaps. */
bool cpu_tlb_conflict(const struct cpu *c, int *written, int *other);
/* Address of the instruction that last wrote TLB entry k (0: reset). */
uint32_t cpu_tlb_writer(const struct cpu *c, int k);

/* Stop before executing virtual address pc (max 16); false if full. */
bool cpu_break_add(struct cpu *c, uint64_t pc);
/* Remove a breakpoint; false if it was not set. */
bool cpu_break_remove(struct cpu *c, uint64_t pc);

/* Number of instructions executed since reset. */
uint64_t cpu_insns(const struct cpu *c);
/* Number of cycles elapsed since reset (instructions plus stalls). */
uint64_t cpu_cycles(const struct cpu *c);
/* The CPU's number. */
int cpu_id(const struct cpu *c);

/* --- Inspection: these never change CPU or TLB state. --- */

/* True while the CPU is parked by WAIT. */
bool cpu_waiting(const struct cpu *c);
/* Program counter of the next instruction. */
uint64_t cpu_pc(const struct cpu *c);
/* Set the program counter (for loaders and debuggers). */
void cpu_set_pc(struct cpu *c, uint64_t pc);
/* General register n (0..31). */
uint64_t cpu_gpr(const struct cpu *c, int n);
/* Set general register n (writes to r0 are ignored). */
void cpu_set_gpr(struct cpu *c, int n, uint64_t v);
/* HI and LO. */
uint64_t cpu_hi(const struct cpu *c);
uint64_t cpu_lo(const struct cpu *c);
/* Name of CP0 register n (lower case R4000 name), or NULL if reserved. */
const char *cpu_cp0_name(int n);
/* Value of CP0 register n as software would read it, without side effects. */
uint64_t cpu_cp0(const struct cpu *c, int n);
/*
 * Write CP0 register n as dmtc0 would (debuggers): each register's
 * writable bits, with the core's own consequences (mode from Status, the
 * timer from Count/Compare, shortcuts dropped on an ASID change); read-only
 * registers and bits keep their values, and nothing raises an exception.
 */
void cpu_set_cp0(struct cpu *c, int n, uint64_t v);
/* Set HI or LO (for debuggers). */
void cpu_set_hi(struct cpu *c, uint64_t v);
void cpu_set_lo(struct cpu *c, uint64_t v);
/* Floating-point register n as a 64-bit image, FCSR (FCR31), FIR (FCR0). */
uint64_t cpu_fpr(const struct cpu *c, int n);
uint32_t cpu_fcsr(const struct cpu *c);
uint32_t cpu_fir(const struct cpu *c);
/* Set physical FP register n (0..31) or FCSR's writable bits (debuggers). */
void cpu_set_fpr(struct cpu *c, int n, uint64_t v);
void cpu_set_fcsr(struct cpu *c, uint32_t v);
/* Translate va as a load from the current mode would; 0 on success. */
int cpu_debug_translate(const struct cpu *c, uint64_t va, uint32_t *pa);

/* One TLB entry as tlbr would read it. */
struct cpu_tlb_entry {
	uint32_t pagemask, entryhi, entrylo0, entrylo1;
};
/* Number of TLB entries (48). */
int cpu_tlb_size(void);
/* Read TLB entry k (0..47) without touching CP0; false if k is bad. */
bool cpu_tlb_get(const struct cpu *c, int k, struct cpu_tlb_entry *e);

/* Kind of access for cpu_debug_where. */
enum cpu_where_access { CPU_WHERE_LOAD, CPU_WHERE_STORE, CPU_WHERE_FETCH };

/* How the CPU would translate one access right now (cpu_debug_where). */
struct cpu_where {
	const char *mode;    /* "kernel", "supervisor", "user", "kernel (ERL)" */
	const char *segment; /* "kuseg", "kseg0", "sseg", ... */
	bool mapped;         /* goes through the TLB */
	int tlb_index;       /* matching entry, or -1 */
	bool odd;            /* the odd page of that entry's pair */
	uint32_t page_size;  /* bytes, when an entry matched */
	bool ok;             /* translation succeeds: pa is valid */
	uint32_t pa;
	bool cached;         /* cacheable (kseg0 by Config.K0, TLB C field) */
	int exc_code;        /* exception it would raise (ok == false) */
	bool refill;         /* ... through a refill vector */
	const char *why;     /* one sentence: why that exception */
};
/* Walk va through segment and TLB as an access would, changing nothing. */
void cpu_debug_where(const struct cpu *c, uint64_t va,
		     enum cpu_where_access acc, struct cpu_where *w);
/* Print the --dump-regs block for this CPU: one "name 0xVALUE" a line. */
void cpu_dump_regs(const struct cpu *c, FILE *out);
/* Number of exceptions taken with ExcCode code (0..31) since reset. */
uint64_t cpu_exception_count(const struct cpu *c, int code);
/* Number of exceptions that went through a TLB refill vector. */
uint64_t cpu_tlb_refills(const struct cpu *c);
/* R4000 mnemonic of exception code (Int, Mod, TLBL, ...), or NULL. */
const char *cpu_exception_name(int code);

#endif
