/*
 * dbg_where.c - where VA [load|store|fetch]: walk one access of the
 * selected CPU, from its current mode, through segment, TLB, physical
 * address and node, and say which exception it would raise and why.
 * Everything comes from cpu_debug_where, which changes nothing.
 *
 * The 32-bit segments (R4000 User's Manual, chapter 4):
 *
 *   0x00000000 kuseg/suseg/useg  mapped (unmapped while ERL=1), all modes
 *   0x80000000 kseg0             unmapped, cached (Config.K0), kernel
 *   0xA0000000 kseg1             unmapped, uncached, kernel
 *   0xC0000000 ksseg/sseg        mapped, supervisor and kernel
 *   0xE0000000 kseg3             mapped, kernel
 */
#include "machine/dbg_internal.h"

#include <string.h>

/* What exception code means, in a few words (Cause.ExcCode table). */
static const char *dbg_exc_meaning(int code)
{
	switch (code) {
	case 1: return "TLB modification";
	case 2: return "TLB miss or invalid entry, load or fetch";
	case 3: return "TLB miss or invalid entry, store";
	case 4: return "address error, load or fetch";
	case 5: return "address error, store";
	case 6: return "bus error, fetch";
	case 7: return "bus error, load or store";
	default: return "exception";
	}
}

/* Parse the access kind word; false after a message. */
static bool dbg_where_kind(struct dbg *d, const char *word,
			   enum cpu_where_access *acc)
{
	if (strcmp(word, "load") == 0)
		*acc = CPU_WHERE_LOAD;
	else if (strcmp(word, "store") == 0)
		*acc = CPU_WHERE_STORE;
	else if (strcmp(word, "fetch") == 0)
		*acc = CPU_WHERE_FETCH;
	else
		return dbg_error(d, "where: '%s' is not load, store or fetch",
				 word), false;
	return true;
}

/* Print the node owning physical address pa, or what else lives there. */
static void dbg_where_node(struct dbg *d, uint32_t pa)
{
	const struct machine *m = d->m;
	/* Node i owns RAM [i*M, (i+1)*M), M = --mem-per-node (machine.h). */
	uint64_t per_node = (uint64_t)m->cfg.mem_per_node_mb << 20;
	if (per_node == 0)
		per_node = m->ram_bytes; /* not configured: one node */
	if (pa < m->ram_bytes) {
		uint64_t node = pa / per_node;
		fprintf(d->out, "  node:     %llu (its memory: 0x%08llx-"
			"0x%08llx)\n", (unsigned long long)node,
			(unsigned long long)(node * per_node),
			(unsigned long long)((node + 1) * per_node - 1));
	} else if (pa >= MACHINE_PROM_BASE &&
		   pa - MACHINE_PROM_BASE < MACHINE_PROM_BYTES) {
		fprintf(d->out, "  node:     none: boot PROM (read-only)\n");
	} else if (pa >= MACHINE_DEV_BASE && pa < MACHINE_PROM_BASE) {
		fprintf(d->out, "  node:     none: device space (an access "
			"goes to a device, or is a bus error if none is "
			"there)\n");
	} else {
		fprintf(d->out, "  node:     none: no memory there (an access "
			"is a bus error)\n");
	}
}

/* Print the TLB line of w for va. */
static void dbg_where_tlb(struct dbg *d, const struct cpu_where *w,
			  uint32_t va)
{
	uint32_t asid = (uint32_t)cpu_cp0(dbg_cpu(d), 10) & 0xff;
	if (!w->mapped)
		fprintf(d->out, "  tlb:      not used (unmapped segment)\n");
	else if (w->tlb_index < 0)
		fprintf(d->out, "  tlb:      no entry matches VPN2 0x%05x with "
			"ASID 0x%02x or G\n", va >> 13, asid);
	else
		fprintf(d->out, "  tlb:      entry %d, %s page of %u KB\n",
			w->tlb_index, w->odd ? "odd" : "even",
			w->page_size >> 10);
}

/* where VA [load|store|fetch]: explain one access from the current mode. */
int dbg_cmd_where(struct dbg *d, int argc, char **argv)
{
	static const char *const kinds[] = {"load", "store", "fetch"};
	enum cpu_where_access acc = CPU_WHERE_LOAD;
	struct cpu_where w;
	uint64_t va;
	if (argc < 2 || argc > 3)
		return dbg_error(d, "usage: where VA [load|store|fetch]");
	if (!dbg_parse_addr(d, argv[1], &va) ||
	    (argc == 3 && !dbg_where_kind(d, argv[2], &acc)))
		return DBG_ERROR;
	cpu_debug_where(dbg_cpu(d), dbg_sext(va), acc, &w);
	fprintf(d->out, "where 0x%08x: %s by cpu %d in %s mode\n",
		(uint32_t)va, kinds[acc], d->cpu, w.mode);
	fprintf(d->out, "  segment:  %s, %s\n", w.segment,
		w.mapped ? "mapped through the TLB" : "unmapped");
	dbg_where_tlb(d, &w, (uint32_t)va);
	if (w.ok) {
		fprintf(d->out, "  physical: 0x%08x\n", w.pa);
		dbg_where_node(d, w.pa);
		fprintf(d->out, "  cached:   %s\n", w.cached ? "yes" : "no");
		fprintf(d->out, "  result:   no exception\n");
		return DBG_OK;
	}
	const char *name = cpu_exception_name(w.exc_code);
	fprintf(d->out, "  result:   %s (%s)%s: %s\n", name ? name : "?",
		dbg_exc_meaning(w.exc_code),
		w.refill ? " through the TLB refill vector" : "",
		w.why ? w.why : "");
	return DBG_OK;
}
