/*
 * dbg_disas.c - disassembly through capstone (CS_ARCH_MIPS, MIPS64 mode,
 * big-endian: the MIPS III instruction set plus the R4000's CP0 and FPU
 * instructions), and the disas command.
 *
 * Two things are added to capstone's text, from the instruction word
 * itself (MIPS encoding, R4000 User's Manual appendix A):
 *   - branch and jump targets get the symbol they land on: <name+0xOFF>;
 *   - mfc0/mtc0/dmfc0/dmtc0 name their CP0 register (capstone prints it
 *     as if it were a general register).
 */
#include "machine/dbg_internal.h"

#include <string.h>

#define DBG_DISAS_DEFAULT 10     /* instructions disas shows by default */
#define DBG_DISAS_MAX 100000u    /* at most, in one command */

/* Open the capstone handle; without it disassembly says so and fails. */
void dbg_disas_open(struct dbg *d)
{
	d->cs_ok = cs_open(CS_ARCH_MIPS,
			   (cs_mode)(CS_MODE_MIPS64 | CS_MODE_BIG_ENDIAN),
			   &d->cs) == CS_ERR_OK;
}

/* Close the capstone handle. */
void dbg_disas_close(struct dbg *d)
{
	if (d->cs_ok)
		cs_close(&d->cs);
	d->cs_ok = false;
}

/*
 * Target of the branch or jump w at va; false if w is neither.
 *
 *   J/JAL   31  26 25                     0    target = (va+4)[31:28] |
 *          +------+------------------------+            instr_index << 2
 *          |  op  |      instr_index       |
 *          +------+------------------------+
 *   branch  31  26 25 21 20 16 15          0    target = va + 4 +
 *          +------+-----+-----+-------------+            sext(offset) << 2
 *          |  op  | rs  | rt  |   offset    |
 *          +------+-----+-----+-------------+
 *   op 1 (REGIMM) with rt = BLTZ/BGEZ(L)(AL); op 4-7 and 20-23 (BEQ..BGTZ,
 *   and their -likely forms); op 16-19 (COPz) with rs = 8 (BCzF/BCzT).
 */
static bool dbg_branch_target(uint32_t w, uint32_t va, uint32_t *target)
{
	unsigned op = w >> 26, rs = w >> 21 & 31, rt = w >> 16 & 31;
	uint32_t rel = va + 4 + (uint32_t)((int32_t)(int16_t)(w & 0xffff) * 4);
	if (op == 2 || op == 3) {
		*target = ((va + 4) & 0xf0000000u) | (w & 0x3ffffffu) << 2;
		return true;
	}
	if ((op == 1 && ((rt & 0x1c) == 0 || (rt & 0x1c) == 0x10)) ||
	    (op >= 4 && op <= 7) ||
	    (op >= 20 && op <= 23) || (op >= 16 && op <= 19 && rs == 8)) {
		*target = rel;
		return true;
	}
	return false;
}

/*
 * If w moves to or from CP0 (MFC0, DMFC0, MTC0, DMTC0: COP0 with rs 0, 1,
 * 4, 5 and bits 10..0 zero), write "$rt, $rd" into ops and return the
 * CP0 register's name (capstone would name rd as a general register);
 * NULL otherwise.  Shared with the insn trace.
 *
 *   31  26 25 21 20 16 15 11 10      0
 *  +------+-----+-----+-----+---------+
 *  |  16  | rs  | rt  | rd  |    0    |
 *  +------+-----+-----+-----+---------+
 */
const char *dbg_cp0_move(uint32_t w, char *ops, size_t len)
{
	unsigned rs = w >> 21 & 31, rt = w >> 16 & 31, rd = w >> 11 & 31;
	if (w >> 26 != 0x10 || (w & 0x7ff) != 0 ||
	    (rs != 0 && rs != 1 && rs != 4 && rs != 5))
		return NULL;
	const char *name = cpu_cp0_name((int)rd);
	snprintf(ops, len, "$%s, $%u", dbg_reg_name((int)rt), rd);
	return name ? name : "reserved";
}

/* Write capstone's text for w at va, with our notes, into buf. */
static void dbg_disas_text(struct dbg *d, uint32_t w, uint32_t va,
			   char *buf, size_t len)
{
	uint8_t b[4] = {w >> 24, w >> 16, w >> 8, w};
	char ops[160], note[200] = "";
	cs_insn *in = NULL;
	uint32_t target;
	if (!d->cs_ok || cs_disasm(d->cs, b, 4, va, 1, &in) != 1) {
		snprintf(buf, len, ".word 0x%08x", w);
		return;
	}
	snprintf(ops, sizeof ops, "%s", in->op_str);
	const char *cp0 = dbg_cp0_move(w, ops, sizeof ops);
	if (cp0 != NULL)
		snprintf(note, sizeof note, "\t# %s", cp0);
	else if (dbg_branch_target(w, va, &target))
		dbg_sym_suffix(d, target, note, sizeof note);
	snprintf(buf, len, "%s%s%s%s", in->mnemonic, ops[0] ? " " : "", ops,
		 note);
	cs_free(in, 1);
}

/* Print the instruction at va ("=>" if the selected CPU's pc is there);
   false after a message if it cannot be read. */
bool dbg_disas_line(struct dbg *d, uint64_t va, bool mark_pc)
{
	uint8_t b[4];
	char sym[160], text[400];
	if (!dbg_read(d, va, b, 4, false))
		return false;
	uint32_t w = (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 |
		     (uint32_t)b[2] << 8 | b[3];
	bool at_pc = mark_pc && (uint32_t)va == (uint32_t)cpu_pc(dbg_cpu(d));
	dbg_sym_suffix(d, va, sym, sizeof sym);
	dbg_disas_text(d, w, (uint32_t)va, text, sizeof text);
	fprintf(d->out, "%s0x%08x%s:\t%08x\t%s\n", at_pc ? "=> " : "   ",
		(uint32_t)va, sym, w, text);
	return true;
}

/* disas [ADDR [N]]: N instructions from ADDR (default: 10 from pc). */
int dbg_cmd_disas(struct dbg *d, int argc, char **argv)
{
	uint64_t va = cpu_pc(dbg_cpu(d)), n = DBG_DISAS_DEFAULT;
	if (argc > 3)
		return dbg_error(d, "usage: disas [ADDR [N]]");
	if (!d->cs_ok)
		return dbg_error(d, "capstone could not open MIPS64 big-endian");
	if (argc >= 2 && !dbg_parse_addr(d, argv[1], &va))
		return DBG_ERROR;
	if (argc == 3 && !dbg_parse_count(d, argv[2], 1, DBG_DISAS_MAX, &n))
		return DBG_ERROR;
	if (va & 3u)
		return dbg_error(d, "0x%08x is not word-aligned", (uint32_t)va);
	for (uint64_t i = 0; i < n; i++)
		if (!dbg_disas_line(d, va + 4 * i, true))
			return DBG_ERROR;
	return DBG_OK;
}
