/*
 * dbg_tlb.c - tlb: every entry of the selected CPU's TLB, decoded, read
 * with cpu_tlb_get (which touches neither CP0 nor the TLB).
 *
 * An entry as tlbr reads it (R4000 User's Manual, chapter 4), 32-bit mode:
 *
 *   PageMask  31   25 24          13 12      0
 *            +-------+--------------+---------+
 *            |   0   |     MASK     |    0    |
 *            +-------+--------------+---------+
 *   EntryHi   31              13 12     8 7      0
 *            +------------------+--------+--------+
 *            |       VPN2       |   0    |  ASID  |
 *            +------------------+--------+--------+
 *   EntryLo   31 30 29            6 5   3 2 1 0
 *   (0 even, +-----+---------------+-----+-+-+-+
 *    1 odd)  |  0  |      PFN      |  C  |D|V|G|
 *            +-----+---------------+-----+-+-+-+
 *
 * One entry maps a pair of pages of (MASK|0x1fff)+1 bytes in all: the even
 * page through EntryLo0, the odd one through EntryLo1.  G is the AND of
 * both G bits.  Entries below Wired are never replaced by tlbwr.
 */
#include "machine/dbg_internal.h"

/* Write a page size like "4K" or "16M" into buf. */
static const char *dbg_page_size(uint32_t bytes, char *buf, size_t len)
{
	if (bytes >= (1u << 20))
		snprintf(buf, len, "%uM", bytes >> 20);
	else
		snprintf(buf, len, "%uK", bytes >> 10);
	return buf;
}

/* Print one half of an entry: physical address of its page, C, D, V. */
static void dbg_tlb_half(struct dbg *d, uint32_t lo, uint32_t page)
{
	uint64_t pa = ((uint64_t)(lo >> 6 & 0xffffff) << 12) & ~(uint64_t)
		      (page - 1);
	fprintf(d->out, "  0x%09llx %u %c %c", (unsigned long long)pa,
		lo >> 3 & 7, lo & 4 ? 'D' : '-', lo & 2 ? 'V' : '-');
}

/* tlb: all entries decoded; W marks the wired ones. */
int dbg_cmd_tlb(struct dbg *d, int argc, char **argv)
{
	const struct cpu *c = dbg_cpu(d);
	uint32_t wired = dbg_wired(d);
	(void)argv;
	if (argc > 1)
		return dbg_error(d, "tlb takes no argument");
	fprintf(d->out, "cpu %d: %d entries, wired %u\n", d->cpu,
		cpu_tlb_size(), wired);
	fprintf(d->out, "idx    vpn2  va-pair    asid g size   even: pa"
		"          c d v    odd: pa          c d v\n");
	for (int k = 0; k < cpu_tlb_size(); k++) {
		struct cpu_tlb_entry e;
		char size[16];
		if (!cpu_tlb_get(c, k, &e))
			continue;
		uint32_t mask = e.pagemask | 0x1fffu, page = (mask + 1) >> 1;
		fprintf(d->out, "%2d %c 0x%05x 0x%08x 0x%02x %c %-5s", k,
			(uint32_t)k < wired ? 'W' : ' ', e.entryhi >> 13,
			e.entryhi & ~mask, e.entryhi & 0xff,
			e.entrylo0 & e.entrylo1 & 1 ? 'G' : '-',
			dbg_page_size(page, size, sizeof size));
		dbg_tlb_half(d, e.entrylo0, page);
		fprintf(d->out, "  ");
		dbg_tlb_half(d, e.entrylo1, page);
		fputc('\n', d->out);
	}
	return DBG_OK;
}
