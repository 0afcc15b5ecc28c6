/*
 * exc.c - R4000 exception processing (User's Manual, ch. 5): one routine
 * that delivers every exception, the interrupt check, and the mode that
 * Status selects.
 */
#include "cpu/cpu_internal.h"

/* R4000 mnemonics of the exception codes (table 5-?, Cause.ExcCode). */
static const char *const exc_names[32] = {
	[EXC_INT] = "Int",   [EXC_MOD] = "Mod",   [EXC_TLBL] = "TLBL",
	[EXC_TLBS] = "TLBS", [EXC_ADEL] = "AdEL", [EXC_ADES] = "AdES",
	[EXC_IBE] = "IBE",   [EXC_DBE] = "DBE",   [EXC_SYS] = "Sys",
	[EXC_BP] = "Bp",     [EXC_RI] = "RI",     [EXC_CPU] = "CpU",
	[EXC_OV] = "Ov",     [EXC_TR] = "Tr",     [EXC_VCEI] = "VCEI",
	[EXC_FPE] = "FPE",   [EXC_WATCH] = "WATCH", [EXC_VCED] = "VCED",
};

/* R4000 mnemonic of exception code (Int, Mod, TLBL, ...), or NULL. */
const char *cpu_exception_name(int code)
{
	return code >= 0 && code < 32 ? exc_names[code] : NULL;
}

/* Number of exceptions taken with ExcCode code (0..31) since reset. */
uint64_t cpu_exception_count(const struct cpu *c, int code)
{
	return code >= 0 && code < 32 ? c->exc_count[code] : 0;
}

/* Number of exceptions that went through a TLB refill vector. */
uint64_t cpu_tlb_refills(const struct cpu *c)
{
	return c->tlb_refills;
}

/* Recompute the operating mode and 64-bit permission from Status. */
void cpu_update_mode(struct cpu *c)
{
	uint32_t st = c->cp0.status;
	uint32_t ksu = (st & ST_KSU) >> ST_KSU_SHIFT;
	if (st & ST_ERL)
		c->mode = CPU_MODE_ERL;
	else if ((st & ST_EXL) || ksu == 0)
		c->mode = CPU_MODE_KERNEL;
	else if (ksu == 1)
		c->mode = CPU_MODE_SUPER;
	else
		c->mode = CPU_MODE_USER;
	c->ops64 = c->mode == CPU_MODE_KERNEL || c->mode == CPU_MODE_ERL ||
		   (c->mode == CPU_MODE_SUPER && (st & ST_SX)) ||
		   (c->mode == CPU_MODE_USER && (st & ST_UX));
}

/*
 * Deliver exception code (coprocessor ce for CpU) raised by the instruction
 * at pc; return the first instruction of the handler.  With EXL already set
 * EPC and Cause.BD keep their values and the general vector is used
 * (User's Manual 5.4).  offset is 0x000 for a TLB refill, 0x080 for an
 * XTLB refill, 0x180 for everything else; the base is 0x80000000, or
 * 0xBFC00200 when Status.BEV = 1.
 */
static struct dinsn *exc_deliver(struct cpu *c, uint32_t pc, int code, int ce,
				 uint32_t offset)
{
	struct cpu_cp0 *cp = &c->cp0;
	uint32_t cause = cp->cause & ~(CAUSE_BD | (3u << CAUSE_CE_SHIFT) | 0x7cu);
	cause |= (uint32_t)code << 2 | (uint32_t)ce << CAUSE_CE_SHIFT;
	if (!(cp->status & ST_EXL)) {
		if (c->in_delay) {
			cp->epc = sx32(pc - 4);
			cause |= CAUSE_BD;
		} else {
			cp->epc = sx32(pc);
		}
	} else {
		cause |= cp->cause & CAUSE_BD;
		offset = 0x180; /* nested: never the refill vectors */
	}
	cp->cause = cause;
	c->in_delay = false;
	uint32_t base = (cp->status & ST_BEV) ? 0xBFC00200u : 0x80000000u;
	cp->status |= ST_EXL;
	cpu_update_mode(c);
	c->exc_count[code]++;
	c->tlb_refills += offset != 0x180;
	if (unlikely(c->trace_mask & CPU_TRACE_EXC))
		c->trace->exc(c->trace_ctx, c->id, code, cp->epc, cp->badvaddr,
			      base + offset);
	c->exc_ip = cpu_fetch(c, base + offset);
	return c->exc_ip;
}

/* Raise exception code (with CE = ce) for the instruction at pc. */
struct dinsn *cpu_raise(struct cpu *c, uint32_t pc, int code, int ce)
{
	return exc_deliver(c, pc, code, ce, 0x180);
}

/*
 * Offset of the refill vector for a miss in the current mode: the XTLB
 * refill (0x080) when the mode's 64-bit addressing bit (KX, SX or UX) is
 * set, the 32-bit refill (0x000) otherwise (User's Manual 5.4).
 */
static uint32_t exc_refill_offset(const struct cpu *c)
{
	static const uint32_t bit[CPU_NMODES] = {
		[CPU_MODE_KERNEL] = ST_KX, [CPU_MODE_SUPER] = ST_SX,
		[CPU_MODE_USER] = ST_UX, [CPU_MODE_ERL] = ST_KX,
	};
	return (c->cp0.status & bit[c->mode]) ? 0x080 : 0x000;
}

/*
 * Raise an address exception (AdEL/AdES, TLB refill/invalid/modified, bus
 * error) at va.  BadVAddr gets va; TLB exceptions also set Context.BadVPN2
 * and EntryHi.VPN2, keeping the current ASID (User's Manual 5.4):
 *
 *   Context  | PTEBase (31:23) | BadVPN2 (22:4) | 0 (3:0) |
 *   EntryHi  |   VPN2 (31:13)  | 0 (12:8)  | ASID (7:0)  |
 */
struct dinsn *cpu_raise_addr(struct cpu *c, uint32_t pc, int code,
			     uint32_t va, bool tlb, bool refill)
{
	struct cpu_cp0 *cp = &c->cp0;
	if (code != EXC_IBE && code != EXC_DBE)
		cp->badvaddr = va;
	if (tlb) {
		cp->context = (cp->context & 0xff800000u) |
			      ((va >> 13) << 4 & 0x007ffff0u);
		cp->entryhi = (va & 0xffffe000u) | (cp->entryhi & 0xffu);
	}
	return exc_deliver(c, pc, code, 0, tlb && refill ? exc_refill_offset(c)
							: 0x180);
}

/* Raise exception code for the executing instruction i. */
struct dinsn *cpu_exc(struct cpu *c, struct dinsn *i, int code)
{
	return exc_deliver(c, cpu_pc_of(c, i), code, 0, 0x180);
}

/* Raise Coprocessor Unusable for coprocessor cop at instruction i. */
struct dinsn *cpu_exc_cop(struct cpu *c, struct dinsn *i, int cop)
{
	return exc_deliver(c, cpu_pc_of(c, i), EXC_CPU, cop, 0x180);
}

/* True if an interrupt is pending, enabled and not blocked by EXL/ERL. */
bool cpu_irq_ready(const struct cpu *c)
{
	uint32_t st = c->cp0.status;
	if (!(st & ST_IE) || (st & (ST_EXL | ST_ERL)))
		return false;
	return (c->cp0.cause & st & ST_IM) != 0;
}

/*
 * Take the interrupt exception at the current PC (between instructions).
 * Stopped between a branch and its delay slot, EPC is the branch and BD is
 * set, so that the branch runs again after the handler.
 */
void cpu_take_interrupt(struct cpu *c)
{
	c->in_delay = c->branch_pending;
	c->branch_pending = false;
	c->pc = cpu_ip_pc(c, exc_deliver(c, c->pc, EXC_INT, 0, 0x180));
}
