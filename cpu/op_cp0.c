/*
 * op_cp0.c - the system control coprocessor: mfc0/mtc0, the TLB
 * instructions, eret, wait and cache.  All need kernel mode or Status.CU0.
 */
#include "cpu/ops.h"

/* Coprocessor Unusable (CE=0) unless in kernel mode or CU0 is set. */
#define NEED_CP0()                                                   \
	do {                                                         \
		if (unlikely((c->mode == CPU_MODE_SUPER ||           \
			      c->mode == CPU_MODE_USER) &&           \
			     !(c->cp0.status & ST_CU0)))             \
			return cpu_exc_cop(c, i, 0);                 \
	} while (0)

/* Continue at the next instruction through a fresh fetch (state changed). */
static struct dinsn *cp0_refetch(struct cpu *c, struct dinsn *i)
{
	uint32_t next = cpu_pc_of(c, i) + 4;
	cpu_end_chunk(c);
	return cpu_fetch(c, next);
}

/* Write v to CP0 register n (mtc0 or dmtc0), with each register's mask. */
static void cp0_write(struct cpu *c, int n, uint64_t v)
{
	struct cpu_cp0 *cp = &c->cp0;
	uint32_t w = (uint32_t)v;
	switch (n) {
	case CP0_INDEX: cp->index = (cp->index & 0x80000000u) | (w & 0x3fu); break;
	case CP0_ENTRYLO0: cp->entrylo0 = w & 0x3fffffffu; break;
	case CP0_ENTRYLO1: cp->entrylo1 = w & 0x3fffffffu; break;
	case CP0_CONTEXT:
		cp->context = (cp->context & 0x007ffff0u) | (w & 0xff800000u);
		break;
	case CP0_PAGEMASK: cp->pagemask = w & 0x01ffe000u; break;
	case CP0_WIRED:
		cp->wired = w & 0x3fu;
		c->random_at = cpu_now_insns(c);
		break;
	case CP0_COUNT:
		c->count_base = w;
		c->count_at = cpu_now_cycles(c);
		cpu_timer_reschedule(c);
		break;
	case CP0_ENTRYHI: cpu_set_entryhi(c, w); break;
	case CP0_COMPARE:
		cp->compare = w;
		cp->cause &= ~CAUSE_IP7;
		cpu_timer_reschedule(c);
		break;
	case CP0_STATUS:
		cp->status = w & ST_WRITABLE;
		cpu_update_mode(c);
		break;
	case CP0_CAUSE:
		cp->cause = (cp->cause & ~CAUSE_SW) | (w & CAUSE_SW);
		break;
	case CP0_EPC: cp->epc = v; break;
	case CP0_CONFIG: cp->config = (cp->config & ~0xfu) | (w & 0xfu); break;
	case CP0_LLADDR: cp->lladdr = w; break;
	case CP0_WATCHLO:
		cp->watchlo = w & 0xfffffffbu;
		cpu_stlb_flush_all(c);
		break;
	case CP0_WATCHHI: cp->watchhi = w & 0xfu; break;
	case CP0_ECC: cp->ecc = w & 0xffu; break;
	case CP0_TAGLO: cp->taglo = w; break;
	case CP0_TAGHI: cp->taghi = w; break;
	case CP0_ERROREPC: cp->errorepc = v; break;
	default: break; /* read-only or reserved: ignored */
	}
}

/* Write CP0 register n as dmtc0 would, outside any instruction. */
void cpu_set_cp0(struct cpu *c, int n, uint64_t v)
{
	cp0_write(c, n, v);
	cpu_end_chunk(c); /* should a run be under way: see the new state */
}

/* Move from CP0 (32 bits, sign-extended). */
OP(mfc0)
{
	NEED_CP0();
	RD = sx32((uint32_t)cpu_cp0(c, i->sa));
	return i + 1;
}
/* Doubleword move from CP0. */
OP(dmfc0)
{
	NEED_CP0();
	NEED64();
	RD = cpu_cp0(c, i->sa);
	return i + 1;
}
/* Move to CP0 (the 32-bit value is sign-extended for 64-bit registers). */
OP(mtc0)
{
	NEED_CP0();
	cp0_write(c, i->sa, sx32((uint32_t)RT));
	return cp0_refetch(c, i);
}
/* Doubleword move to CP0. */
OP(dmtc0)
{
	NEED_CP0();
	NEED64();
	cp0_write(c, i->sa, RT);
	return cp0_refetch(c, i);
}

/* Read the TLB entry that Index selects. */
OP(tlbr)
{
	NEED_CP0();
	cpu_tlb_read(c, (int)(c->cp0.index & 0x3fu));
	return cp0_refetch(c, i);
}
/* Write the TLB entry that Index selects. */
OP(tlbwi)
{
	NEED_CP0();
	cpu_tlb_write(c, (int)(c->cp0.index & 0x3fu), cpu_pc_of(c, i));
	return cp0_refetch(c, i);
}
/* Write the TLB entry that Random selects. */
OP(tlbwr)
{
	NEED_CP0();
	cpu_tlb_write(c, (int)cpu_random(c), cpu_pc_of(c, i));
	return cp0_refetch(c, i);
}
/* Probe the TLB for EntryHi. */
OP(tlbp)
{
	NEED_CP0();
	cpu_tlb_probe(c);
	return i + 1;
}

/* Return from exception: to ErrorEPC if ERL, else EPC; clears LLbit. */
OP(eret)
{
	NEED_CP0();
	uint32_t target;
	if (c->cp0.status & ST_ERL) {
		target = (uint32_t)c->cp0.errorepc;
		c->cp0.status &= ~ST_ERL;
	} else {
		target = (uint32_t)c->cp0.epc;
		c->cp0.status &= ~ST_EXL;
	}
	c->llbit = false;
	cpu_update_mode(c);
	cpu_end_chunk(c);
	return cpu_fetch(c, target);
}

/* Park the CPU until an interrupt is pending (R4600 WAIT). */
OP(wait)
{
	NEED_CP0();
	c->waiting = true;
	cpu_end_chunk(c);
	return i + 1;
}

/* Cache operation: caches are not modelled, so only the privilege check. */
OP(cache) { NEED_CP0(); return i + 1; }

/* An undefined COP0 encoding: CpU if CP0 is unusable, else RI. */
OP(cop0_ri) { NEED_CP0(); return cpu_exc(c, i, EXC_RI); }
