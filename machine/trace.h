/*
 * trace.h - --trace: one text line per machine event, and --check-tlb's
 * report.  docs/tracing.md is the reference; this is the line format:
 *
 *   CYCLE cpuN CATEGORY FIELDS...
 *
 *   CYCLE     decimal: the CPU's cycle counter (cpu_cycles) for insn, exc,
 *             tlb, mem and dev; the machine's time for irq
 *   cpuN      the CPU the event belongs to ("cpu-" for an interrupt source
 *             routed to no CPU)
 *   insn      PC WORD TEXT                    (capstone's disassembly)
 *   exc       NAME code N epc 0x.. badvaddr 0x.. vector 0x..
 *   tlb       write IDX ENTRY pc 0x..         (ENTRY: trace_tlb_entry)
 *             refill NAME badvaddr 0x.. epc 0x.. vector 0x..
 *   irq       line L level V                  (the CPU's line 0 or 1)
 *             source S NAME level V           (cpuN: where it is routed)
 *             ipi to 0xMASK                   (cpuN: the sender)
 *   mem       KIND 0xPA home H page 0xP from SRC latency L
 *   dev       r|w NAME +0xOFF size N 0xVALUE  (or bus-error)
 *
 * The category bits are those of the trace-control register
 * (devices/tracectl.h) and of the console's `trace` command.  insn, exc
 * and tlb are CPU hooks (cpu_set_trace: the CPU pays only while its mask
 * is not 0); irq, dev and mem cost one predictable branch each while off.
 */
#ifndef MACHINE_TRACE_H
#define MACHINE_TRACE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "cpu/cpu.h"

struct machine;
struct device;
struct sym_table;

/* The categories, one bit each (also the trace-control register's). */
enum trace_cat {
	TRACE_INSN = 1,
	TRACE_EXC = 2,
	TRACE_TLB = 4,
	TRACE_IRQ = 8,
	TRACE_MEM = 16,
	TRACE_DEV = 32,
};
#define TRACE_NCATS 6
#define TRACE_ALL 0x3fu

struct trace;

/* Parse "CATS[:FILE]" (CATS a comma list, or "all"; *file NULL without
 * FILE); false with the reason in why. */
bool trace_parse(const char *spec, unsigned *mask, const char **file,
		 char *why, size_t len);
/* Parse a comma list of categories; false with the reason in why. */
bool trace_parse_cats(const char *cats, unsigned *mask, char *why,
		      size_t len);

/* Make the tracer of machine m, everything off, output on stderr; err
 * gets warnings.  NULL if out of memory. */
struct trace *trace_create(struct machine *m, FILE *err);
/* Close the trace files and free the tracer (NULL: nothing). */
void trace_destroy(struct trace *t);
/* Apply one --trace spec: open FILE, turn CATS on; -1 after a message. */
int trace_add(struct trace *t, const char *spec, FILE *err);
/* Turn exactly the categories in mask on (the others off). */
void trace_set(struct trace *t, unsigned mask);
/* The categories that are on. */
unsigned trace_get(const struct trace *t);
/* Print one line per category: name, on/off, where it goes. */
void trace_show(const struct trace *t, FILE *out);

/* trace_events.c: the machine-level events (called only while on). */

/* A device register access by cpu (d NULL: no device answers there). */
void trace_dev(struct trace *t, int cpu, const struct device *d,
	       uint32_t paddr, int size, uint64_t val, bool write,
	       enum cpu_bus_result r);
/* The interrupt controller drove line (0 or 1) of cpu to level. */
void trace_irq_line(struct trace *t, int cpu, int line, bool level);
/* A device drove interrupt source source to level. */
void trace_irq_source(struct trace *t, int source, bool level);
/* The CPU hooks (insn, exc, tlb) for cpu_set_trace; ctx is the tracer. */
extern const struct cpu_trace_ops trace_cpu_ops;
/* The interrupt controller's IPI hook; ctx is the tracer. */
void trace_ipi(void *ctx, int from, uint32_t mask);
/* The memory system's miss hook (numa_set_trace); ctx is the tracer. */
void trace_mem(void *ctx, int cpu, uint32_t pa, enum cpu_ref ref,
	       const char *from, uint32_t latency);
/* Capstone's text for instruction word w at pc, into buf. */
void trace_disas(struct trace *t, uint32_t w, uint32_t pc, char *buf,
		 size_t len);
/* The stream category cat (one bit) writes to. */
FILE *trace_out(const struct trace *t, unsigned cat);

/* trace_tlb.c: decoding entries, and the --check-tlb report. */

/* Write entry e decoded ("vpn2 0x.. va 0x.. asid 0x.. g size ...") to buf. */
void trace_tlb_entry(const struct cpu_tlb_entry *e, char *buf, size_t len);
/* Turn the TLB checker on or off on every CPU of m. */
void trace_check_tlb(struct machine *m, bool on);
/* Print the report of CPU cpu's TLB conflict (after MACHINE_TLB_CHECK). */
void trace_tlb_report(const struct machine *m, int cpu,
		      const struct sym_table *syms, FILE *out);

#endif
