/*
 * gdb_regs.c - registers for gdb: the target description (qXfer
 * target.xml) and the g, G, p and P packets.
 *
 * gdb's MIPS target (gdb/mips-tdep.c) wants the features
 * org.gnu.gdb.mips.cpu, .cp0 and .fpu with these register numbers; the
 * stub serves them 64 bits wide, as the R4000 holds them, so gdb treats
 * the target as a 64-bit MIPS running o32 code and shows exact values.
 * Numbers past 71 are the other CP0 registers, in a feature of our own,
 * 32 bits wide (exact in 32-bit addressing mode), so that `info
 * registers` lists them in its table rather than one per line.
 *
 *   regnum  0..31  r0..r31          38..69  f0..f31
 *           32     status           70      fcsr
 *           33     lo               71      fir
 *           34     hi
 *           35     badvaddr         72..    index, random, entrylo0, ...
 *           36     cause                    (every named CP0 register
 *           37     pc                       but status/badvaddr/cause)
 *
 * In a g packet each register is 16 hex digits (8 for the extra CP0
 * registers), big-endian (the target's byte order), in regnum order.
 * FPRs with Status.FR = 0: the R4000 keeps the 32-bit FGR 2k+1 in the
 * upper half of the 64-bit register 2k (docs/fpu.md); gdb reads a single
 * from the low half of each register and a double from the whole even
 * one, so f2k is served whole and f2k+1 as FGR 2k+1 in its low half.
 *
 * Writes (G, P) are accepted for every register and mean what software
 * could do: r1..r31, pc, hi, lo and the FPRs take the value; fcsr its
 * writable bits; status and cause are written as dmtc0 would write them,
 * the extra CP0 registers (32 bits) as mtc0 would (cpu_set_cp0: Status's
 * writable bits with the mode recomputed, Cause's IP1..IP0 only, EntryHi's
 * ASID dropping stale shortcuts, Compare clearing the timer interrupt,
 * ...), so the bits and registers the hardware owns (Cause.IP7, BadVAddr,
 * Random, PRId, ...) keep their live values; r0 and fir ignore writes.
 * A register written its current value is left alone (pc keeps a pending
 * delay slot, Compare its pending interrupt).  gdb saves every register
 * before an inferior call and writes back those that differ afterwards,
 * and that restore must succeed while Random and Cause.IP7 have moved;
 * Count is marked save-restore="no", so that a call does not turn its
 * clock back.  A write may wake a CPU the run loop has parked in WAIT
 * (gdb_regs_recheck).
 */
#include "machine/gdb_internal.h"

#include <stdlib.h>

#define GDB_REG_STATUS 32
#define GDB_REG_CAUSE 36
#define GDB_REG_PC 37
#define GDB_REG_F0 38
#define GDB_REG_FCSR 70
#define GDB_REG_FIR 71
#define GDB_REG_EXTRA 72
#define CP0_BADVADDR 8
#define CP0_COUNT 9
#define CP0_STATUS 12
#define CP0_CAUSE 13
#define ST_FR (1u << 26) /* Status.FR: 32 64-bit FPRs */

/* The CP0 register number of extra register k (regnum 72 + k), or -1. */
static int gdb_extra_cp0(int k)
{
	for (int n = 0; n < 32; n++) {
		if (cpu_cp0_name(n) == NULL || n == CP0_BADVADDR ||
		    n == CP0_STATUS || n == CP0_CAUSE)
			continue;
		if (k-- == 0)
			return n;
	}
	return -1;
}

/* Size of register n on the wire, in hex digits. */
static int gdb_reg_digits(int n)
{
	return n >= GDB_REG_EXTRA ? 8 : 16;
}

/* Number of registers in the target description. */
static int gdb_nregs(void)
{
	int k = 0;
	while (gdb_extra_cp0(k) >= 0)
		k++;
	return GDB_REG_EXTRA + k;
}

/* FPR n as gdb reads it (see the top of the file). */
static uint64_t gdb_fpr(const struct cpu *c, int n)
{
	if (cpu_cp0(c, CP0_STATUS) & ST_FR)
		return cpu_fpr(c, n);
	if (n & 1)
		return cpu_fpr(c, n - 1) >> 32;
	return cpu_fpr(c, n);
}

/* Register n of CPU c into *v: 1, 0 if unavailable, -1 if no such one. */
static int gdb_reg_get(const struct cpu *c, int n, uint64_t *v)
{
	static const int cp0_of[6] = {CP0_STATUS, -1, -1, CP0_BADVADDR,
				      CP0_CAUSE, -1};
	if (n >= 0 && n < 32)
		*v = cpu_gpr(c, n);
	else if (n >= GDB_REG_STATUS && n < GDB_REG_F0 && cp0_of[n - 32] >= 0)
		*v = cpu_cp0(c, cp0_of[n - 32]);
	else if (n == 33)
		*v = cpu_lo(c);
	else if (n == 34)
		*v = cpu_hi(c);
	else if (n == GDB_REG_PC)
		*v = cpu_pc(c);
	else if (n >= GDB_REG_F0 && n < GDB_REG_FCSR)
		*v = gdb_fpr(c, n - GDB_REG_F0);
	else if (n == GDB_REG_FCSR)
		*v = cpu_fcsr(c);
	else if (n == GDB_REG_FIR)
		*v = cpu_fir(c);
	else if (n >= GDB_REG_EXTRA && gdb_extra_cp0(n - GDB_REG_EXTRA) >= 0)
		*v = (uint32_t)cpu_cp0(c, gdb_extra_cp0(n - GDB_REG_EXTRA));
	else
		return -1;
	return 1;
}

/* Set FPR n as gdb names it (the inverse of gdb_fpr). */
static void gdb_set_fpr(struct cpu *c, int n, uint64_t v)
{
	if ((cpu_cp0(c, CP0_STATUS) & ST_FR) || !(n & 1)) {
		cpu_set_fpr(c, n, v);
		return;
	}
	uint64_t pair = cpu_fpr(c, n - 1);
	cpu_set_fpr(c, n - 1, (pair & 0xffffffffull) | (v << 32));
}

/* Set register n of c to v, if it changes, as the top of the file says. */
static void gdb_reg_set(struct cpu *c, int n, uint64_t v)
{
	uint64_t now;
	if (gdb_reg_get(c, n, &now) == 1 && now == v)
		return; /* e.g. keeps a pending delay slot: pc is not touched */
	if (n > 0 && n < 32)
		cpu_set_gpr(c, n, v);
	else if (n == GDB_REG_PC)
		cpu_set_pc(c, v);
	else if (n == 33)
		cpu_set_lo(c, v);
	else if (n == 34)
		cpu_set_hi(c, v);
	else if (n == GDB_REG_STATUS)
		cpu_set_cp0(c, CP0_STATUS, v);
	else if (n == GDB_REG_CAUSE)
		cpu_set_cp0(c, CP0_CAUSE, v);
	else if (n >= GDB_REG_F0 && n < GDB_REG_FCSR)
		gdb_set_fpr(c, n - GDB_REG_F0, v);
	else if (n == GDB_REG_FCSR)
		cpu_set_fcsr(c, (uint32_t)v);
	else if (n >= GDB_REG_EXTRA)
		cpu_set_cp0(c, gdb_extra_cp0(n - GDB_REG_EXTRA),
			    (uint64_t)(int64_t)(int32_t)v);
	/* r0, badvaddr (CP0 8: read-only) and fir: nothing to write */
}

/* After a write to the Hg CPU: a CPU the run loop parked in WAIT runs
   again if it no longer waits or an interrupt now gets through (run.c). */
static void gdb_regs_recheck(struct gdb *g)
{
	machine_cpu_changed(g->m, g->gcpu);
}

/* Append register n of c to the reply: its hex digits, or x's. */
static void gdb_put_reg(struct gdb *g, const struct cpu *c, int n)
{
	uint64_t v;
	int digits = gdb_reg_digits(n);
	if (gdb_reg_get(c, n, &v) != 1) {
		gdb_reply(g, "%.*s", digits, "xxxxxxxxxxxxxxxx");
		return;
	}
	gdb_reply(g, "%0*llx", digits, (unsigned long long)v);
}

/* Parse register n's hex digits at p (x's: unavailable, *v untouched);
   false if bad. */
static bool gdb_get_reg_text(const char *p, int n, uint64_t *v, bool *avail)
{
	char digits[17];
	const char *q = digits;
	int len = gdb_reg_digits(n);
	for (int k = 0; k < len; k++)
		if ((digits[k] = p[k]) == '\0')
			return false;
	digits[len] = '\0';
	*avail = digits[0] != 'x';
	if (!*avail)
		return true;
	return gdb_parse_hex(&q, v) && *q == '\0';
}

/* g: every register of the Hg CPU. */
void gdb_cmd_g(struct gdb *g)
{
	const struct cpu *c = g->m->cpus[g->gcpu];
	int n = gdb_nregs();
	for (int k = 0; k < n; k++)
		gdb_put_reg(g, c, k);
}

/* Whether G DATA is well formed: the right length, every register hex
   digits or x's. */
static bool gdb_G_ok(const struct gdb *g, int n)
{
	size_t need = 1;
	uint64_t v;
	bool avail;
	for (int k = 0; k < n; k++)
		need += (size_t)gdb_reg_digits(k);
	if (g->pkt_len != need)
		return false;
	for (int k = 0, at = 1; k < n; at += gdb_reg_digits(k++))
		if (!gdb_get_reg_text(g->pkt + at, k, &v, &avail))
			return false;
	return true;
}

/* Set register k of c from its digits in G DATA (at: their offset). */
static void gdb_G_set(struct gdb *g, struct cpu *c, int k, int at)
{
	uint64_t v;
	bool avail;
	if (gdb_get_reg_text(g->pkt + at, k, &v, &avail) && avail)
		gdb_reg_set(c, k, v);
}

/* G DATA: write every register, all checked before any is set; status
   last, so that the FPRs are placed by the Status.FR gdb read them
   under. */
void gdb_cmd_G(struct gdb *g)
{
	struct cpu *c = g->m->cpus[g->gcpu];
	int n = gdb_nregs(), status_at = 0;
	if (!gdb_G_ok(g, n)) {
		gdb_reply(g, "E01");
		return;
	}
	for (int k = 0, at = 1; k < n; at += gdb_reg_digits(k++)) {
		if (k == GDB_REG_STATUS)
			status_at = at;
		else
			gdb_G_set(g, c, k, at);
	}
	gdb_G_set(g, c, GDB_REG_STATUS, status_at);
	gdb_regs_recheck(g);
	gdb_reply(g, "OK");
}

/* p N: register N of the Hg CPU. */
void gdb_cmd_p(struct gdb *g)
{
	const struct cpu *c = g->m->cpus[g->gcpu];
	const char *p = g->pkt + 1;
	uint64_t n, v;
	if (!gdb_parse_hex(&p, &n) || *p != '\0' || n > 1000 ||
	    gdb_reg_get(c, (int)n, &v) < 0) {
		gdb_reply(g, "E01");
		return;
	}
	gdb_put_reg(g, c, (int)n);
}

/* P N=VALUE: write register N of the Hg CPU. */
void gdb_cmd_P(struct gdb *g)
{
	struct cpu *c = g->m->cpus[g->gcpu];
	const char *p = g->pkt + 1;
	uint64_t n, v;
	bool avail;
	if (!gdb_parse_hex(&p, &n) || *p++ != '=' || n > 1000 ||
	    g->pkt_len != (size_t)(p - g->pkt) + (size_t)gdb_reg_digits((int)n) ||
	    gdb_reg_get(c, (int)n, &v) < 0 ||
	    !gdb_get_reg_text(p, (int)n, &v, &avail) || !avail) {
		gdb_reply(g, "E01");
		return;
	}
	gdb_reg_set(c, (int)n, v);
	gdb_regs_recheck(g);
	gdb_reply(g, "OK");
}

/* Write one <reg> element but its closing "/>". */
static void gdb_xml_reg_open(FILE *f, const char *name, int regnum,
			     const char *type, const char *group)
{
	fprintf(f, "<reg name=\"%s\" bitsize=\"%d\" regnum=\"%d\"", name,
		gdb_reg_digits(regnum) * 4, regnum);
	if (type != NULL)
		fprintf(f, " type=\"%s\"", type);
	if (group != NULL)
		fprintf(f, " group=\"%s\"", group);
}

/* Write one <reg> element. */
static void gdb_xml_reg(FILE *f, const char *name, int regnum,
			const char *type, const char *group)
{
	gdb_xml_reg_open(f, name, regnum, type, group);
	fprintf(f, "/>\n");
}

/* Write extra CP0 register k's <reg>; Count is not restored after an
   inferior call (see the top of the file). */
static void gdb_xml_extra(FILE *f, int k)
{
	int n = gdb_extra_cp0(k);
	gdb_xml_reg_open(f, cpu_cp0_name(n), GDB_REG_EXTRA + k, NULL,
			 "system");
	fprintf(f, "%s/>\n", n == CP0_COUNT ? " save-restore=\"no\"" : "");
}

/* Write the three features gdb's MIPS target requires. */
static void gdb_xml_mips(FILE *f)
{
	char name[16];
	fprintf(f, "<feature name=\"org.gnu.gdb.mips.cpu\">\n");
	for (int k = 0; k < 32; k++) {
		snprintf(name, sizeof name, "r%d", k);
		gdb_xml_reg(f, name, k, NULL, NULL);
	}
	gdb_xml_reg(f, "lo", 33, NULL, NULL);
	gdb_xml_reg(f, "hi", 34, NULL, NULL);
	gdb_xml_reg(f, "pc", GDB_REG_PC, NULL, NULL);
	fprintf(f, "</feature>\n<feature name=\"org.gnu.gdb.mips.cp0\">\n");
	gdb_xml_reg(f, "status", GDB_REG_STATUS, NULL, NULL);
	gdb_xml_reg(f, "badvaddr", 35, NULL, NULL);
	gdb_xml_reg(f, "cause", 36, NULL, NULL);
	fprintf(f, "</feature>\n<feature name=\"org.gnu.gdb.mips.fpu\">\n");
	for (int k = 0; k < 32; k++) {
		snprintf(name, sizeof name, "f%d", k);
		gdb_xml_reg(f, name, GDB_REG_F0 + k, "ieee_double", NULL);
	}
	gdb_xml_reg(f, "fcsr", GDB_REG_FCSR, NULL, "float");
	gdb_xml_reg(f, "fir", GDB_REG_FIR, NULL, "float");
	fprintf(f, "</feature>\n");
}

/* Build the target description into g->xml; 0, or -1 if out of memory. */
int gdb_xml_build(struct gdb *g)
{
	FILE *f = open_memstream(&g->xml, &g->xml_len);
	if (f == NULL)
		return -1;
	fprintf(f, "<?xml version=\"1.0\"?>\n<!DOCTYPE target SYSTEM "
		"\"gdb-target.dtd\">\n<target version=\"1.0\">\n"
		"<architecture>mips:4000</architecture>\n");
	gdb_xml_mips(f);
	fprintf(f, "<feature name=\"org.minidisco.cp0\">\n");
	for (int k = 0; gdb_extra_cp0(k) >= 0; k++)
		gdb_xml_extra(f, k);
	fprintf(f, "</feature>\n</target>\n");
	return fclose(f) == 0 ? 0 : -1;
}
