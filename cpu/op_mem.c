/*
 * op_mem.c - loads and stores, including the unaligned pairs (lwl/lwr,
 * ldl/ldr, swl/swr, sdl/sdr) and load-linked/store-conditional.
 * Effective addresses are 32-bit (32-bit addressing mode).
 */
#include "cpu/ops.h"

/* Effective address rs + offset. */
static inline uint32_t mem_ea(struct cpu *c, struct dinsn *i)
{
	return (uint32_t)RS + i->imm;
}

/* Define a load of size bytes whose value is converted by ext(v). */
#define LOAD(name, size, ext, need64)                          \
	OP(name)                                               \
	{                                                      \
		uint64_t v;                                    \
		if (need64)                                    \
			NEED64();                              \
		if (unlikely(cpu_load(c, i, mem_ea(c, i), size, &v))) \
			return c->exc_ip;                      \
		RD = ext;                                      \
		return i + 1;                                  \
	}

/* Load byte, sign-extended. */
LOAD(lb, 1, (uint64_t)(int64_t)(int8_t)v, 0)
/* Load byte unsigned. */
LOAD(lbu, 1, v, 0)
/* Load halfword, sign-extended. */
LOAD(lh, 2, (uint64_t)(int64_t)(int16_t)v, 0)
/* Load halfword unsigned. */
LOAD(lhu, 2, v, 0)
/* Load word, sign-extended. */
LOAD(lw, 4, sx32((uint32_t)v), 0)
/* Load word unsigned (MIPS III). */
LOAD(lwu, 4, v, 1)
/* Load doubleword (MIPS III). */
LOAD(ld, 8, v, 1)

/* Define a store of the low size bytes of rt. */
#define STORE(name, size, need64)                                    \
	OP(name)                                                     \
	{                                                            \
		if (need64)                                          \
			NEED64();                                    \
		if (unlikely(cpu_store(c, i, mem_ea(c, i), size, RT))) \
			return c->exc_ip;                            \
		return i + 1;                                        \
	}

/* Store byte. */
STORE(sb, 1, 0)
/* Store halfword. */
STORE(sh, 2, 0)
/* Store word. */
STORE(sw, 4, 0)
/* Store doubleword (MIPS III). */
STORE(sd, 8, 1)

/*
 * Unaligned loads, big-endian (User's Manual, LWL/LWR).  For a unit of w
 * bytes (4 or 8) at byte offset b = ea mod w:
 *
 *   left  (lwl/ldl): memory bytes ea .. unit end  -> the top w-b bytes
 *   right (lwr/ldr): memory bytes unit start .. ea -> the low b+1 bytes
 *
 * The other bytes of rt are kept.  Bytes are fetched one at a time from ea
 * outwards, so a fault reports ea itself in BadVAddr.
 */
static int mem_load_part(struct cpu *c, struct dinsn *i, int w, bool left,
			 uint64_t *val)
{
	uint32_t ea = mem_ea(c, i), b = ea & (uint32_t)(w - 1);
	uint32_t n = left ? (uint32_t)w - b : b + 1;
	uint64_t got = 0, byte;
	for (uint32_t k = 0; k < n; k++) {
		uint32_t a = left ? ea + k : ea - k;
		if (cpu_load(c, i, a, 1, &byte))
			return 1;
		if (left)
			got = got << 8 | byte;
		else
			got |= byte << (8 * k);
	}
	uint64_t full = w == 8 ? ~0ull : 0xffffffffull;
	uint64_t old = RT;
	if (left) {
		unsigned sh = 8 * (unsigned)(w - (int)n);
		uint64_t keep = sh ? (1ull << sh) - 1 : 0;
		*val = ((got << sh) & full) | (old & keep);
	} else {
		uint64_t mask = n * 8 >= 64 ? ~0ull : (1ull << (8 * n)) - 1;
		*val = (old & ~mask & full) | got;
		if (w == 4 && n < 4)
			*val |= old & ~full; /* upper word kept, see op_lwr */
	}
	return 0;
}

/* Load word left: sign-extend the merged word. */
OP(lwl)
{
	uint64_t v;
	if (mem_load_part(c, i, 4, true, &v))
		return c->exc_ip;
	RD = sx32((uint32_t)v);
	return i + 1;
}
/* Load word right: sign-extend only when the whole word was loaded. */
OP(lwr)
{
	uint64_t v;
	if (mem_load_part(c, i, 4, false, &v))
		return c->exc_ip;
	RD = (mem_ea(c, i) & 3) == 3 ? sx32((uint32_t)v) : v;
	return i + 1;
}
/* Load doubleword left. */
OP(ldl)
{
	uint64_t v;
	NEED64();
	if (mem_load_part(c, i, 8, true, &v))
		return c->exc_ip;
	RD = v;
	return i + 1;
}
/* Load doubleword right. */
OP(ldr)
{
	uint64_t v;
	NEED64();
	if (mem_load_part(c, i, 8, false, &v))
		return c->exc_ip;
	RD = v;
	return i + 1;
}

/*
 * Unaligned stores: the mirror image of mem_load_part.  Left stores the
 * top w-b bytes of rt at ea .. unit end; right stores the low b+1 bytes
 * at unit start .. ea.  The first byte stored is at ea.
 */
static int mem_store_part(struct cpu *c, struct dinsn *i, int w, bool left)
{
	uint32_t ea = mem_ea(c, i), b = ea & (uint32_t)(w - 1);
	uint32_t n = left ? (uint32_t)w - b : b + 1;
	uint64_t v = RT;
	for (uint32_t k = 0; k < n; k++) {
		uint32_t a = left ? ea + k : ea - k;
		unsigned sh = left ? 8 * (unsigned)(w - 1 - (int)k) : 8 * k;
		if (cpu_store(c, i, a, 1, v >> sh))
			return 1;
	}
	return 0;
}

/* Store word left. */
OP(swl) { return mem_store_part(c, i, 4, true) ? c->exc_ip : i + 1; }
/* Store word right. */
OP(swr) { return mem_store_part(c, i, 4, false) ? c->exc_ip : i + 1; }
/* Store doubleword left. */
OP(sdl)
{
	NEED64();
	return mem_store_part(c, i, 8, true) ? c->exc_ip : i + 1;
}
/* Store doubleword right. */
OP(sdr)
{
	NEED64();
	return mem_store_part(c, i, 8, false) ? c->exc_ip : i + 1;
}

/* Set LLbit and LLAddr (physical address bits 35:4) after a load-linked. */
static void mem_link(struct cpu *c, uint32_t ea)
{
	uint32_t pa = 0;
	bool refill, cacheable;
	cpu_translate(c, ea, CPU_LOAD, &pa, &refill, &cacheable);
	c->llbit = true;
	c->ll_pa = pa;
	c->cp0.lladdr = pa >> 4;
	cpu_phys_ll_watch(c->phys, pa);
}

/* Load linked word. */
OP(ll)
{
	uint64_t v;
	if (unlikely(cpu_load(c, i, mem_ea(c, i), 4, &v)))
		return c->exc_ip;
	mem_link(c, mem_ea(c, i));
	RD = sx32((uint32_t)v);
	return i + 1;
}
/* Load linked doubleword. */
OP(lld)
{
	uint64_t v;
	NEED64();
	if (unlikely(cpu_load(c, i, mem_ea(c, i), 8, &v)))
		return c->exc_ip;
	mem_link(c, mem_ea(c, i));
	RD = v;
	return i + 1;
}

/* Store conditional of size bytes: store and rt = 1 if LLbit, else rt = 0. */
static struct dinsn *mem_sc(struct cpu *c, struct dinsn *i, int size)
{
	if (!c->llbit) {
		RD = 0;
		return i + 1;
	}
	if (unlikely(cpu_store(c, i, mem_ea(c, i), size, RT)))
		return c->exc_ip;
	c->llbit = false;
	RD = 1;
	return i + 1;
}
/* Store conditional word. */
OP(sc) { return mem_sc(c, i, 4); }
/* Store conditional doubleword. */
OP(scd) { NEED64(); return mem_sc(c, i, 8); }
