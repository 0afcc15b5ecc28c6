/*
 * gdb_mem.c - memory (m, M, X) and break/watchpoints (Z, z) for gdb.
 *
 * Memory goes through the Hg CPU's current translation, as a load from
 * its current mode would (cpu_debug_translate: no exception, no TLB or
 * CP0 change), then straight to the machine's RAM buffer, or the boot
 * PROM's for reads.  Device space is never touched (a device read can
 * have side effects): such an access gets E01, as does one that does not
 * translate.  Writes use the load translation too, so gdb can patch code
 * on pages whose TLB entry has D = 0; after a write, cpu_phys_invalidate
 * makes the CPUs decode the changed code again.
 *
 * Points: Z0 (software) and Z1 (hardware) breakpoints are the same thing
 * here, cpu_break_add on every CPU; Z2 write, Z3 read and Z4 access
 * watchpoints are cpu_watch_add on every CPU.  A CPU holds 16 of each
 * kind; when one is full the Z packet gets E01 and nothing is set.
 *
 * Without Z0 (`set remote software-breakpoint-packet off`), gdb inserts
 * a breakpoint by writing a BREAK instruction over the code.  A guest
 * that executed it would take a Breakpoint exception into its own
 * handler, which knows nothing of gdb; so an aligned 4-byte write of a
 * BREAK word becomes a CPU breakpoint instead (memory keeps the code),
 * and any later write over it (gdb putting the code back) removes it.
 */
#include "machine/gdb_internal.h"

#include <string.h>

#define GDB_PAGE 0x1000u /* translations can change every 4 KB */
#define GDB_POINT_MEM 5  /* a BREAK gdb wrote into memory */

/* Whether a point of this type is a breakpoint (else a watchpoint). */
static bool gdb_is_break(int type)
{
	return type <= 1 || type == GDB_POINT_MEM;
}

/* Host pointer to physical [pa, pa+n): RAM, or the boot PROM for reads;
   NULL if not all of it is there. */
static uint8_t *gdb_phys(struct gdb *g, uint32_t pa, uint32_t n, bool write)
{
	struct machine *m = g->m;
	if ((uint64_t)pa + n <= m->ram_bytes)
		return m->ram + pa;
	if (!write && pa >= MACHINE_PROM_BASE &&
	    (uint64_t)pa + n <= (uint64_t)MACHINE_PROM_BASE +
				 MACHINE_PROM_BYTES)
		return m->prom + (pa - MACHINE_PROM_BASE);
	return NULL;
}

/* Copy up to n bytes at va to buf (or, if write, from buf) through the
   Hg CPU's translation, a page at a time; the number of bytes that could
   be reached (a write copies nothing unless all n can be). */
static size_t gdb_mem_copy(struct gdb *g, uint64_t va, uint8_t *buf,
			   size_t n, bool write)
{
	const struct cpu *c = g->m->cpus[g->gcpu];
	size_t done = 0;
	for (int pass = write ? 0 : 1; pass < 2; pass++) {
		for (done = 0; done < n;) {
			uint32_t a = (uint32_t)va + (uint32_t)done, pa;
			uint32_t chunk = GDB_PAGE - (a & (GDB_PAGE - 1));
			if (chunk > n - done)
				chunk = (uint32_t)(n - done);
			uint8_t *h;
			if (cpu_debug_translate(c, (uint64_t)(int64_t)(int32_t)a,
						&pa) != 0 ||
			    (h = gdb_phys(g, pa, chunk, write)) == NULL)
				break;
			if (pass == 1 && write) {
				memcpy(h, buf + done, chunk);
				cpu_phys_invalidate(g->m->phys, pa, chunk);
			} else if (pass == 1) {
				memcpy(buf + done, h, chunk);
			}
			done += chunk;
		}
		if (done < n && write)
			return 0;
	}
	return done;
}

/* Parse "ADDR,LENGTH" at *p; false if bad. */
static bool gdb_addr_len(const char **p, uint64_t *va, uint64_t *len)
{
	return gdb_parse_addr(p, va) && *(*p)++ == ',' &&
	       gdb_parse_hex(p, len);
}

/* m ADDR,LENGTH: read memory (a shorter reply if only a part can be). */
void gdb_cmd_m(struct gdb *g)
{
	const char *p = g->pkt + 1;
	uint64_t va, len;
	uint8_t buf[GDB_OUT_MAX / 2];
	if (!gdb_addr_len(&p, &va, &len) || *p != '\0') {
		gdb_reply(g, "E01");
		return;
	}
	if (len > sizeof buf - 1)
		len = sizeof buf - 1;
	size_t n = gdb_mem_copy(g, va, buf, len, false);
	if (n == 0 && len > 0)
		gdb_reply(g, "E01");
	else
		gdb_hex(g, buf, n);
}

static bool gdb_point_add(struct gdb *g, const struct gdb_point *pt);
static void gdb_point_drop(struct gdb *g, int k);

/* Whether 4 bytes at d are a MIPS BREAK instruction (SPECIAL, funct 13). */
static bool gdb_break_word(const uint8_t *d)
{
	uint32_t w = (uint32_t)d[0] << 24 | (uint32_t)d[1] << 16 |
		     (uint32_t)d[2] << 8 | d[3];
	return (w & 0xfc00003fu) == 0x0000000du;
}

/* Write len bytes of data to va (a BREAK word: a breakpoint, see the top
   of the file); reply OK or E01. */
static void gdb_mem_write(struct gdb *g, uint64_t va, uint8_t *data,
			  uint64_t len)
{
	uint32_t lo = (uint32_t)va;
	for (int k = g->npoints - 1; k >= 0; k--) {
		uint32_t a = (uint32_t)g->points[k].addr;
		if (g->points[k].type == GDB_POINT_MEM && a < lo + len &&
		    lo < a + 4)
			gdb_point_drop(g, k);
	}
	if (len == 4 && (lo & 3) == 0 && gdb_break_word(data)) {
		uint8_t code[4];
		struct gdb_point pt = {GDB_POINT_MEM, va, 4};
		bool ok = gdb_mem_copy(g, va, code, 4, false) == 4 &&
			  gdb_point_add(g, &pt);
		gdb_reply(g, ok ? "OK" : "E01");
		return;
	}
	if (len == 0 || gdb_mem_copy(g, va, data, len, true) == len)
		gdb_reply(g, "OK");
	else
		gdb_reply(g, "E01");
}

/* M ADDR,LENGTH:HEX: write memory. */
void gdb_cmd_M(struct gdb *g)
{
	const char *p = g->pkt + 1;
	uint64_t va, len;
	uint8_t buf[GDB_PKT_MAX / 2];
	if (!gdb_addr_len(&p, &va, &len) || *p++ != ':' || len > sizeof buf ||
	    strlen(p) != 2 * len) {
		gdb_reply(g, "E01");
		return;
	}
	for (uint64_t k = 0; k < len; k++) {
		char two[3] = {p[2 * k], p[2 * k + 1], '\0'};
		const char *q = two;
		uint64_t v;
		if (!gdb_parse_hex(&q, &v) || *q != '\0') {
			gdb_reply(g, "E01");
			return;
		}
		buf[k] = (uint8_t)v;
	}
	gdb_mem_write(g, va, buf, len);
}

/* X ADDR,LENGTH:BINARY: write memory (the data is already unescaped). */
void gdb_cmd_X(struct gdb *g)
{
	const char *p = g->pkt + 1;
	uint64_t va, len;
	if (!gdb_addr_len(&p, &va, &len) || *p++ != ':' ||
	    (size_t)(p - g->pkt) + len != g->pkt_len) {
		gdb_reply(g, "E01");
		return;
	}
	gdb_mem_write(g, va, (uint8_t *)p, len);
}

/* The watch kind of Z type t (2 write, 3 read, 4 access). */
static enum cpu_watch_kind gdb_kind(int t)
{
	return t == 2 ? CPU_WATCH_WRITE : t == 3 ? CPU_WATCH_READ
						 : CPU_WATCH_ACCESS;
}

/* Add (or remove) point p on every CPU; false (and nothing changed) if
   a CPU has no room. */
static bool gdb_point_cpus(struct gdb *g, const struct gdb_point *p, bool add)
{
	for (int i = 0; i < g->m->ncpus; i++) {
		struct cpu *c = g->m->cpus[i];
		bool ok;
		if (gdb_is_break(p->type))
			ok = add ? cpu_break_add(c, p->addr)
				 : cpu_break_remove(c, p->addr);
		else
			ok = add ? cpu_watch_add(c, p->addr, p->len,
						 gdb_kind(p->type))
				 : cpu_watch_remove(c, p->addr, p->len,
						    gdb_kind(p->type));
		if (!ok && add) {
			while (--i >= 0)
				gdb_point_cpus(g, p, false);
			return false;
		}
	}
	return true;
}

/* Index of the recorded point equal to p, or -1. */
static int gdb_point_find(const struct gdb *g, const struct gdb_point *p)
{
	for (int k = 0; k < g->npoints; k++) {
		const struct gdb_point *q = &g->points[k];
		if (q->type == p->type && q->addr == p->addr &&
		    (gdb_is_break(p->type) || q->len == p->len))
			return k;
	}
	return -1;
}

/* Forget recorded point k, taking it out of the CPUs unless another
   breakpoint (Z0, Z1 and memory ones share the CPUs' list) stays at its
   address. */
static void gdb_point_drop(struct gdb *g, int k)
{
	struct gdb_point p = g->points[k];
	g->points[k] = g->points[--g->npoints];
	if (gdb_is_break(p.type) && gdb_point_type_at(g, p.addr) >= 0)
		return;
	gdb_point_cpus(g, &p, false);
}

/* Record point pt (new) and set it in the CPUs; false if there is no
   room. */
static bool gdb_point_add(struct gdb *g, const struct gdb_point *pt)
{
	bool shared = gdb_is_break(pt->type) &&
		      gdb_point_type_at(g, pt->addr) >= 0;
	if (g->npoints == GDB_MAX_POINTS ||
	    (!shared && !gdb_point_cpus(g, pt, true)))
		return false;
	g->points[g->npoints++] = *pt;
	return true;
}

/* Z/z TYPE,ADDR,KIND: insert or remove a point (idempotent). */
void gdb_cmd_Z(struct gdb *g)
{
	const char *p = g->pkt + 1;
	struct gdb_point pt;
	uint64_t type = 0, len;
	if (!gdb_parse_hex(&p, &type) || type > 4 || *p++ != ',' ||
	    !gdb_addr_len(&p, &pt.addr, &len) || len == 0 || len > 0xffff) {
		gdb_reply(g, type > 4 ? "" : "E01");
		return;
	}
	pt.type = (int)type;
	pt.len = (uint32_t)len;
	int k = gdb_point_find(g, &pt);
	if (g->pkt[0] == 'z') {
		if (k >= 0)
			gdb_point_drop(g, k);
		gdb_reply(g, "OK");
		return;
	}
	gdb_reply(g, k >= 0 || gdb_point_add(g, &pt) ? "OK" : "E01");
}

/* Take every point gdb inserted out of the CPUs (gdb left, or detached). */
void gdb_points_clear(struct gdb *g)
{
	while (g->npoints > 0)
		gdb_point_drop(g, g->npoints - 1);
}

/* The type (0, 1, or 5 for one written into memory) of a breakpoint gdb
   has at pc, or -1. */
int gdb_point_type_at(const struct gdb *g, uint64_t pc)
{
	for (int k = 0; k < g->npoints; k++)
		if (gdb_is_break(g->points[k].type) &&
		    (uint32_t)g->points[k].addr == (uint32_t)pc)
			return g->points[k].type;
	return -1;
}

/*
 * The stop reason for a watchpoint hit of kind at *addr ("watch",
 * "rwatch" or "awatch", after the Z type of a point it touched), moving
 * *addr into that point's range, where gdb looks for it; NULL if none of
 * gdb's points matches (an access is at most 8 bytes long).
 */
const char *gdb_watch_reason(const struct gdb *g, uint64_t *addr,
			     enum cpu_watch_kind kind)
{
	static const char *const names[] = {"watch", "rwatch", "awatch"};
	uint32_t va = (uint32_t)*addr;
	for (int k = 0; k < g->npoints; k++) {
		const struct gdb_point *p = &g->points[k];
		uint32_t lo = (uint32_t)p->addr;
		if (gdb_is_break(p->type) || !(gdb_kind(p->type) & kind) ||
		    va >= lo + p->len || lo >= va + 8)
			continue;
		if (va < lo)
			*addr = p->addr;
		return names[p->type - 2];
	}
	return NULL;
}
