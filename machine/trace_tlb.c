/*
 * trace_tlb.c - TLB entries decoded for traces, and --check-tlb's report.
 *
 * An entry as cpu_tlb_get gives it (R4000 User's Manual, chapter 4;
 * machine/dbg_tlb.c draws the same registers):
 *
 *   EntryHi   | VPN2 (31:13) | 0 | ASID (7:0) |    PageMask | MASK (24:13) |
 *   EntryLo   | 0 | PFN (29:6) | C (5:3) | D | V | G |   (0 even, 1 odd)
 *
 * One entry maps two pages of (MASK | 0x1fff) + 1 bytes in all; G is the
 * AND of both G bits.  The R4000 shuts its TLB down when two entries
 * match one address (same VPN2 range, and G on either or equal ASIDs);
 * the CPU's checker (cpu_set_check_tlb) stops the CPU just after the
 * tlbwi/tlbwr that made such a pair, and this file says which.
 */
#include "machine/trace_internal.h"

#include "machine/symbols.h"

/* Write a page size like "4K" or "16M" into buf. */
static void trace_page_size(uint32_t bytes, char *buf, size_t len)
{
	if (bytes >= (1u << 20))
		snprintf(buf, len, "%uM", bytes >> 20);
	else
		snprintf(buf, len, "%uK", bytes >> 10);
}

/* Write one half (physical address of its page, C, D, V) into buf. */
static void trace_tlb_half(uint32_t lo, uint32_t page, char *buf, size_t len)
{
	uint64_t pa = ((uint64_t)(lo >> 6 & 0xffffff) << 12) &
		      ~(uint64_t)(page - 1);
	snprintf(buf, len, "0x%09llx c%u %c %c", (unsigned long long)pa,
		 lo >> 3 & 7, lo & 4 ? 'D' : '-', lo & 2 ? 'V' : '-');
}

/* Write entry e decoded ("vpn2 0x.. va 0x.. asid 0x.. g size ...") to buf. */
void trace_tlb_entry(const struct cpu_tlb_entry *e, char *buf, size_t len)
{
	uint32_t mask = e->pagemask | 0x1fffu, page = (mask + 1) >> 1;
	char size[16], even[48], odd[48];
	trace_page_size(page, size, sizeof size);
	trace_tlb_half(e->entrylo0, page, even, sizeof even);
	trace_tlb_half(e->entrylo1, page, odd, sizeof odd);
	snprintf(buf, len, "vpn2 0x%05x va 0x%08x asid 0x%02x %c size %s "
		 "even %s odd %s", e->entryhi >> 13, e->entryhi & ~mask,
		 e->entryhi & 0xff, e->entrylo0 & e->entrylo1 & 1 ? 'G' : '-',
		 size, even, odd);
}

/* Turn the TLB checker on or off on every CPU of m. */
void trace_check_tlb(struct machine *m, bool on)
{
	for (int i = 0; i < m->ncpus; i++)
		cpu_set_check_tlb(m->cpus[i], on);
}

/* Write "0x80010020 <name+0x4>" for addr into buf (no symbol: address). */
static void trace_where(const struct sym_table *syms, uint32_t addr,
			char *buf, size_t len)
{
	char name[128];
	if (syms != NULL &&
	    sym_describe(syms, (uint64_t)(int64_t)(int32_t)addr, name,
			 sizeof name))
		snprintf(buf, len, "0x%08x <%s>", addr, name);
	else
		snprintf(buf, len, "0x%08x", addr);
}

/* Print entry k of c and the instruction that last wrote it. */
static void trace_report_entry(const struct cpu *c, int k,
			       const struct sym_table *syms, const char *note,
			       FILE *out)
{
	struct cpu_tlb_entry e = {0};
	char text[200], where[180];
	cpu_tlb_get(c, k, &e);
	trace_tlb_entry(&e, text, sizeof text);
	fprintf(out, "  entry %d: %s\n", k, text);
	uint32_t pc = cpu_tlb_writer(c, k);
	if (pc == 0) {
		fprintf(out, "    written by: nothing since reset (its reset "
			"value)\n");
		return;
	}
	trace_where(syms, pc, where, sizeof where);
	fprintf(out, "    written by: %s%s\n", where, note);
}

/* Print the report of CPU cpu's TLB conflict (after MACHINE_TLB_CHECK). */
void trace_tlb_report(const struct machine *m, int cpu,
		      const struct sym_table *syms, FILE *out)
{
	const struct cpu *c = m->cpus[cpu];
	int written, other;
	char where[180], pc[180];
	trace_where(syms, (uint32_t)cpu_pc(c), pc, sizeof pc);
	if (!cpu_tlb_conflict(c, &written, &other)) {
		fprintf(out, "minidisco: fatal: --check-tlb: cpu %d stopped at "
			"pc %s on a TLB conflict it cannot name\n", cpu, pc);
		return;
	}
	trace_where(syms, cpu_tlb_writer(c, written), where, sizeof where);
	fprintf(out, "minidisco: fatal: --check-tlb: cpu %d: the TLB write at "
		"%s made entry %d overlap entry %d (an R4000 would shut its TLB "
		"down)\n", cpu, where, written, other);
	trace_report_entry(c, written, syms, " (the write that just ran)",
			   out);
	trace_report_entry(c, other, syms, "", out);
	fprintf(out, "  cpu %d stopped at pc %s\n", cpu, pc);
}
