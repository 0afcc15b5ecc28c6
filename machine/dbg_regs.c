/*
 * dbg_regs.c - regs, cp0, fpu and info all-registers: the selected CPU's
 * registers, read through cpu.h without side effects.
 */
#include "machine/dbg_internal.h"

#include <inttypes.h>

/* CP0 register numbers the console decodes. */
enum { DBG_CP0_WIRED = 6, DBG_CP0_STATUS = 12, DBG_CP0_CAUSE = 13 };

/* regs: r0..r31 by ABI name, hi, lo, pc, and the symbols of pc and ra. */
int dbg_cmd_regs(struct dbg *d, int argc, char **argv)
{
	const struct cpu *c = dbg_cpu(d);
	char sym[160];
	(void)argv;
	if (argc > 1)
		return dbg_error(d, "regs takes no argument");
	for (int n = 0; n < 32; n++)
		fprintf(d->out, "%4s %016" PRIx64 "%s", dbg_reg_name(n),
			cpu_gpr(c, n), n % 4 == 3 ? "\n" : "  ");
	fprintf(d->out, "%4s %016" PRIx64 "  %4s %016" PRIx64 "\n", "hi",
		cpu_hi(c), "lo", cpu_lo(c));
	dbg_sym_suffix(d, cpu_pc(c), sym, sizeof sym);
	fprintf(d->out, "%4s %016" PRIx64 "%s\n", "pc", cpu_pc(c), sym);
	dbg_sym_suffix(d, cpu_gpr(c, 31), sym, sizeof sym);
	fprintf(d->out, "%4s %016" PRIx64 "%s\n", "ra", cpu_gpr(c, 31), sym);
	return DBG_OK;
}

/* Name of a KSU value (Status bits 4:3). */
static const char *dbg_ksu_name(unsigned ksu)
{
	static const char *const names[4] = {
		"kernel", "supervisor", "user", "reserved",
	};
	return names[ksu & 3];
}

/*
 * Print Status field by field (R4000 User's Manual, Status register):
 *
 *   31  28 27 26 25 24 23 22  21 20 19 18 17 16 15   8 7  6  5  4 3  2   1  0
 *  +------+--+--+--+-----+---+--+--+--+--+--+--+------+--+--+--+----+---+---+--+
 *  |  CU  |RP|FR|RE|  0  |BEV|TS|SR|0 |CH|CE|DE|  IM  |KX|SX|UX|KSU |ERL|EXL|IE|
 *  +------+--+--+--+-----+---+--+--+--+--+--+--+------+--+--+--+----+---+---+--+
 *                        '------ DS (diagnostic) -----'
 */
static void dbg_decode_status(struct dbg *d, uint32_t s)
{
	fprintf(d->out, "  status: CU=0x%x RP=%u FR=%u RE=%u BEV=%u TS=%u "
		"SR=%u CH=%u CE=%u DE=%u IM=0x%02x KX=%u SX=%u UX=%u KSU=%s "
		"ERL=%u EXL=%u IE=%u\n",
		s >> 28, s >> 27 & 1, s >> 26 & 1, s >> 25 & 1, s >> 22 & 1,
		s >> 21 & 1, s >> 20 & 1, s >> 18 & 1, s >> 17 & 1,
		s >> 16 & 1, s >> 8 & 0xff, s >> 7 & 1, s >> 6 & 1,
		s >> 5 & 1, dbg_ksu_name(s >> 3), s >> 2 & 1, s >> 1 & 1,
		s & 1);
}

/*
 * Print Cause field by field (R4000 User's Manual, Cause register):
 *
 *   31 30 29 28 27     16 15    8 7 6       2 1 0
 *  +--+--+-----+---------+-------+-+---------+---+
 *  |BD|0 | CE  |    0    |  IP   |0| ExcCode | 0 |
 *  +--+--+-----+---------+-------+-+---------+---+
 */
static void dbg_decode_cause(struct dbg *d, uint32_t c)
{
	unsigned code = c >> 2 & 31;
	const char *name = cpu_exception_name((int)code);
	fprintf(d->out, "  cause:  BD=%u CE=%u IP=0x%02x (", c >> 31,
		c >> 28 & 3, c >> 8 & 0xff);
	bool any = false;
	for (int ip = 7; ip >= 0; ip--)
		if (c >> (8 + ip) & 1) {
			fprintf(d->out, "%sIP%d", any ? " " : "", ip);
			any = true;
		}
	fprintf(d->out, "%s) ExcCode=%u (%s)\n", any ? "" : "none", code,
		name ? name : "reserved");
}

/* cp0: every CP0 register by name; Status and Cause decoded. */
int dbg_cmd_cp0(struct dbg *d, int argc, char **argv)
{
	const struct cpu *c = dbg_cpu(d);
	(void)argv;
	if (argc > 1)
		return dbg_error(d, "cp0 takes no argument");
	for (int n = 0; n < 32; n++) {
		const char *name = cpu_cp0_name(n);
		if (name != NULL)
			fprintf(d->out, "%2d %-9s 0x%016" PRIx64 "\n", n, name,
				cpu_cp0(c, n));
	}
	dbg_decode_status(d, (uint32_t)cpu_cp0(c, DBG_CP0_STATUS));
	dbg_decode_cause(d, (uint32_t)cpu_cp0(c, DBG_CP0_CAUSE));
	return DBG_OK;
}

/* Write the letters of the set bits of a V Z O U I (E) field into buf. */
static const char *dbg_fp_bits(uint32_t field, const char *letters,
			       char *buf)
{
	size_t n = 0, len = 0;
	while (letters[len])
		len++;
	for (size_t i = 0; i < len; i++)
		if (field >> (len - 1 - i) & 1)
			buf[n++] = letters[i];
	if (n == 0)
		buf[n++] = '-';
	buf[n] = '\0';
	return buf;
}

/*
 * Print FCSR (FCR31) field by field (R4000 User's Manual, FPU chapter):
 *
 *   31    25 24 23 22  18 17   12 11    7 6     2 1  0
 *  +--------+--+--+------+-------+-------+-------+----+
 *  |   0    |FS|C |  0   | Cause |Enables| Flags | RM |
 *  +--------+--+--+------+-------+-------+-------+----+
 *  Cause: E V Z O U I; Enables and Flags: V Z O U I.
 */
static void dbg_decode_fcsr(struct dbg *d, uint32_t f)
{
	static const char *const rm[4] = {"RN", "RZ", "RP", "RM"};
	char cause[8], en[8], fl[8];
	fprintf(d->out, "fcsr 0x%08x: FS=%u C=%u cause=%s enables=%s "
		"flags=%s RM=%s\n", f, f >> 24 & 1, f >> 23 & 1,
		dbg_fp_bits(f >> 12 & 0x3f, "EVZOUI", cause),
		dbg_fp_bits(f >> 7 & 0x1f, "VZOUI", en),
		dbg_fp_bits(f >> 2 & 0x1f, "VZOUI", fl), rm[f & 3]);
}

/* fpu: f0..f31 as 64-bit images, and FCSR decoded. */
int dbg_cmd_fpu(struct dbg *d, int argc, char **argv)
{
	const struct cpu *c = dbg_cpu(d);
	(void)argv;
	if (argc > 1)
		return dbg_error(d, "fpu takes no argument");
	for (int n = 0; n < 32; n++) {
		char name[16];
		snprintf(name, sizeof name, "f%d", n);
		fprintf(d->out, "%4s %016" PRIx64 "%s", name, cpu_fpr(c, n),
			n % 4 == 3 ? "\n" : "  ");
	}
	dbg_decode_fcsr(d, cpu_fcsr(c));
	return DBG_OK;
}

/* info all-registers: the --dump-regs block of the selected CPU. */
int dbg_cmd_dump(struct dbg *d, int argc, char **argv)
{
	(void)argv;
	if (argc > 1)
		return dbg_error(d, "info all-registers takes no argument");
	cpu_dump_regs(dbg_cpu(d), d->out);
	return DBG_OK;
}

/* Value of Wired for the TLB display. */
uint32_t dbg_wired(const struct dbg *d)
{
	return (uint32_t)cpu_cp0(dbg_cpu(d), DBG_CP0_WIRED);
}
