/*
 * chaos_gen.c - random guest kernels as ELF32 big-endian MIPS files.
 *
 * A kernel is two PT_LOAD segments whose every word the generator
 * chooses: 68 KB of RAM from physical 0 (kseg0 0x80000000, holding the
 * RAM exception vectors and the code from 0x80001000) and the first 4 KB
 * of the boot PROM (kseg1 0xBFC00000, holding the BEV=1 vectors).  The
 * code is a sequence of snippets (random words, CP0/TLB writes, device
 * accesses, disk commands, ...) drawn for the kernel's mix; the vectors
 * hold random code too, or a handler that skips the faulting instruction
 * so that execution goes on through the snippets.
 *
 *   file:  ELF header (52 B) | 2 program headers (32 B each) | RAM image
 *          | PROM image
 *   RAM:   0x000 refill  0x080 XTLB refill  0x100 cache error
 *          0x180 general  0x200..0x1000 random  0x1000.. code, ends in
 *          "j 0x80001000"
 *   PROM:  0x000.. random or code  0x200/0x280/0x300/0x380 BEV vectors
 */
#include "tests/chaos/chaos.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RAM_IMAGE 0x11000u  /* bytes of the RAM segment */
#define PROM_IMAGE 0x1000u  /* bytes of the PROM segment */
#define CODE_START 0x1000u  /* first code byte in RAM */
#define KSEG0 0x80000000u
#define KSEG1 0xA0000000u
#define PROM_PA 0x1FC00000u
#define AT 24 /* $t8: address register of the snippets */
#define VAL 25 /* $t9: value register */
#define CNT 15 /* $t7: loop counter */

/* The two images being written and where the next word goes. */
struct gen {
	struct chaos_rng *r;
	const struct chaos_kernel *k;
	uint32_t *w;     /* current region */
	uint32_t pos, end; /* word indices in w */
	uint32_t ram[RAM_IMAGE / 4];
	uint32_t prom[PROM_IMAGE / 4];
};

/* Append one word if there is room. */
static void emit(struct gen *g, uint32_t word)
{
	if (g->pos < g->end)
		g->w[g->pos++] = word;
}

/* An I-type instruction. */
static uint32_t itype(unsigned op, unsigned rs, unsigned rt, uint32_t imm)
{
	return op << 26 | rs << 21 | rt << 16 | (imm & 0xFFFF);
}

/* Load the 32-bit value v into register reg (lui + ori). */
static void emit_li(struct gen *g, unsigned reg, uint32_t v)
{
	emit(g, itype(0x0F, 0, reg, v >> 16));
	emit(g, itype(0x0D, reg, reg, v & 0xFFFF));
}

/* A value with a bias towards the interesting ones. */
static uint32_t gen_value(struct gen *g)
{
	static const uint32_t special[] = {
		0, 1, 2, 3, 4, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF, 0xFFFFFFFE,
		0x1F000000, 0x1EFFFE00, 0x1FC00000, 0xFFFFFE00, 0x100, 0x1000,
		0xFFFF, 0x10000, 0x20, 31, 32, 64, 65, 512, 0x00200000,
	};
	switch (chaos_below(g->r, 4)) {
	case 0: return special[chaos_below(g->r, sizeof special / 4)];
	case 1: return chaos_below(g->r, 64);
	case 2: return g->k->ram_mb * 0x100000u - 512u * chaos_below(g->r, 4) -
		       chaos_below(g->r, 2);
	default: return (uint32_t)chaos_next(g->r);
	}
}

/* Random words. */
static void snip_random(struct gen *g)
{
	for (uint32_t n = 1 + chaos_below(g->r, 8); n > 0; n--)
		emit(g, (uint32_t)chaos_next(g->r));
}

/* A value for CP0 register reg: plausible bits more often than not. */
static uint32_t gen_cp0_value(struct gen *g, unsigned reg)
{
	static const uint32_t masks[] = {0, 0x6000, 0x1E000, 0x7E000,
					 0x1FE000, 0x7FE000, 0x1FFE000};
	uint32_t v = (uint32_t)chaos_next(g->r);
	if (chaos_pct(g->r, 30))
		return gen_value(g);
	switch (reg) {
	case 2: case 3: /* EntryLo: a PFN in RAM, device space or anywhere */
		if (chaos_pct(g->r, 50))
			v = (v & 0x3F) | (chaos_below(g->r, 0x1000) << 6);
		else if (chaos_pct(g->r, 50))
			v = (v & 0x3F) |
			    ((0x1F000u + chaos_below(g->r, 8)) << 6);
		return v;
	case 5: return masks[chaos_below(g->r, 7)];
	case 0: case 6: return chaos_below(g->r, 64);
	case 11: case 9: return chaos_below(g->r, 4000);
	case 12: return (v & ~0x00400000u) |
			 (chaos_pct(g->r, 50) ? 0x00400000u : 0);
	default: return v;
	}
}

/* mtc0/dmtc0/mfc0 with a random value, maybe followed by a TLB op. */
static void snip_cp0(struct gen *g)
{
	static const unsigned regs[] = {0, 2, 3, 4, 5, 6, 9, 10, 11, 12, 12,
					13, 14, 16, 17, 18, 19, 20, 28, 30};
	static const uint32_t ops[] = {0x42000001, 0x42000002, 0x42000006,
				       0x42000006, 0x42000008, 0x42000018,
				       0x42000020, 0x0000000F};
	unsigned reg = chaos_pct(g->r, 85) ? regs[chaos_below(g->r, 20)]
					   : chaos_below(g->r, 32);
	emit_li(g, VAL, gen_cp0_value(g, reg));
	uint32_t kind = chaos_below(g->r, 10);
	uint32_t base = kind < 7 ? 0x40800000u : kind < 8 ? 0x40A00000u
			: kind < 9 ? 0x40000000u : 0x40200000u;
	emit(g, base | VAL << 16 | reg << 11);
	uint32_t op = ops[chaos_below(g->r, 8)];
	if (op == 0x42000020 && chaos_pct(g->r, 60))
		op = 0x42000006; /* fewer WAITs: a parked machine ends early */
	if (chaos_pct(g->r, 60))
		emit(g, op);
}

/* A device-space address: a window base plus a biased offset. */
static uint32_t gen_dev_addr(struct gen *g)
{
	static const uint32_t bases[] = {
		0x1F000000, 0x1F000010, 0x1F000100, 0x1F000200, 0x1F001000,
		0x1F001100, 0x1F001200, 0x1F001700, 0x1F002000, 0x1FC00000,
		0x1F000020, 0x1F003000, 0x1FBFFFF0, 0x1FC0FFF8, 0x1EFFFFF8,
	};
	uint32_t pa = bases[chaos_below(g->r, sizeof bases / 4)];
	switch (chaos_below(g->r, 4)) {
	case 0: pa += 4 * chaos_below(g->r, 0x14); break;
	case 1: pa += chaos_below(g->r, 0x1000); break;
	case 2: pa += 0x100 - chaos_below(g->r, 8); break;
	default: pa = 0x1F000000u + chaos_below(g->r, 0x3000); break;
	}
	if (chaos_pct(g->r, 5))
		pa = g->k->ram_mb * 0x100000u - chaos_below(g->r, 16);
	return pa + (chaos_pct(g->r, 90) ? KSEG1 : KSEG0);
}

/* One random load or store through $t8 (stores to power: rarely). */
static void snip_dev(struct gen *g)
{
	static const unsigned mem_ops[] = {
		0x20, 0x21, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28, 0x29,
		0x2A, 0x2B, 0x2B, 0x23, 0x2E, 0x30, 0x38, 0x37, 0x3F, 0x1A,
		0x1B, 0x2C, 0x2D, 0x31, 0x39, 0x34, 0x3C,
	};
	uint32_t addr = gen_dev_addr(g);
	unsigned op = mem_ops[chaos_below(g->r, sizeof mem_ops / 4)];
	bool store = op >= 0x28 && op != 0x30 && op != 0x31 && op != 0x34 &&
		     op != 0x37;
	if ((addr & 0x1FFFFFF0u) == 0x1F000010u && store &&
	    !chaos_pct(g->r, 3))
		op = 0x23; /* powering off ends the run: rarely */
	emit_li(g, AT, addr);
	emit_li(g, VAL, gen_value(g));
	emit(g, itype(op, AT, VAL, 0));
}

/* Store v to the register at off of the window at kseg1 base. */
static void emit_store(struct gen *g, uint32_t base, uint32_t off, uint32_t v)
{
	emit_li(g, AT, KSEG1 + base);
	emit_li(g, VAL, v);
	emit(g, itype(0x2B, AT, VAL, off));
}

/* A whole disk command with biased SECTOR, COUNT, DMA and COMMAND. */
static void snip_disk(struct gen *g)
{
	uint32_t base = 0x1F001000u + 0x100u * (chaos_pct(g->r, 70) ? 0 :
						  chaos_below(g->r, 8));
	uint32_t cap = g->k->capacity;
	uint32_t sector = chaos_pct(g->r, 50) ? cap - chaos_below(g->r, 3)
					      : gen_value(g);
	uint32_t count = chaos_pct(g->r, 50) ? 1 + chaos_below(g->r, 4)
					     : gen_value(g);
	uint32_t dma = chaos_pct(g->r, 30)
			       ? 0x20000u + chaos_below(g->r, 0x10000)
			       : gen_value(g);
	uint32_t cmd = chaos_pct(g->r, 85) ? 1 + chaos_below(g->r, 3)
					   : gen_value(g);
	emit_store(g, base, 0x00, sector);
	emit_store(g, base, 0x04, count);
	emit_store(g, base, 0x08, dma);
	if (chaos_pct(g->r, 50))
		emit_store(g, base, 0x14, 1);
	emit_store(g, base, 0x0C, cmd);
	if (chaos_pct(g->r, 30))
		emit(g, 0x42000020); /* wait */
	if (chaos_pct(g->r, 50))
		emit_store(g, base, 0x18, 1); /* ACK */
}

/* Interrupt controller: routing, masks and IPIs to any CPU number. */
static void snip_intc(struct gen *g)
{
	static const uint32_t offs[] = {0x04, 0x08, 0x14, 0x18, 0x18, 0x1C,
					0x40, 0x44, 0x64, 0x7C, 0x80, 0xFC};
	for (uint32_t n = 1 + chaos_below(g->r, 3); n > 0; n--) {
		uint32_t off = offs[chaos_below(g->r, sizeof offs / 4)];
		if (off >= 0x40 && off < 0x80 && chaos_pct(g->r, 50))
			off = 0x40 + 4 * chaos_below(g->r, 16);
		uint32_t v = off >= 0x40 && off < 0x80 && chaos_pct(g->r, 50)
				     ? 31 - chaos_below(g->r, 3) : gen_value(g);
		emit_store(g, 0x1F000100u, off, v);
	}
	if (chaos_pct(g->r, 30))
		emit(g, 0x42000020);
}

/* A loop of n iterations around body words (clobbers $t7). */
static void emit_loop(struct gen *g, uint32_t n, const uint32_t *body,
		      unsigned len)
{
	emit_li(g, CNT, n);
	for (unsigned i = 0; i < len; i++)
		emit(g, body[i]);
	emit(g, itype(0x09, CNT, CNT, 0xFFFF));                 /* addiu -1 */
	emit(g, itype(0x05, CNT, 0, (uint32_t)-(int)(len + 2))); /* bnez */
	emit(g, 0);                                              /* nop */
}

/* Host channel: a record of random length, then a random command. */
static void snip_hostchan(struct gen *g)
{
	uint32_t sb = itype(0x28, AT, VAL, 0);
	uint32_t n = chaos_pct(g->r, 3) ? (1u << 20) + chaos_below(g->r, 64)
					: 1 + chaos_below(g->r, 300);
	emit_li(g, AT, KSEG1 + 0x1F000200u);
	emit_li(g, VAL, chaos_pct(g->r, 50) ? '\n'
						: 'a' + chaos_below(g->r, 26));
	emit_loop(g, n, &sb, 1);
	uint32_t cmd = chaos_pct(g->r, 80) ? 1 + chaos_below(g->r, 3)
					   : gen_value(g);
	emit(g, itype(0x0D, 0, VAL, cmd));            /* ori $t9, $0, cmd */
	emit(g, itype(0x2B, AT, VAL, 4));             /* sw COMMAND */
}

/* NUMA unit registers, then a sweep of cache lines to make pages hot. */
static void snip_numa(struct gen *g)
{
	for (uint32_t n = 1 + chaos_below(g->r, 3); n > 0; n--) {
		uint32_t off = 4 * chaos_below(g->r, 0x13);
		uint32_t v = off == 0x14 ? 1 + chaos_below(g->r, 3)
			     : off == 0x10 ? 3 : gen_value(g);
		emit_store(g, 0x1F002000u, off, v);
	}
	uint32_t body[2] = {itype(0x23, AT, VAL, 0),
			    itype(0x09, AT, AT, 128 << chaos_below(g->r, 6))};
	emit_li(g, AT, KSEG0 + 0x20000u + 0x1000u * chaos_below(g->r, 256));
	emit_loop(g, 1 + chaos_below(g->r, 2000), body, 2);
}

/* A jump through a register to a random or plausible address. */
static void snip_jump(struct gen *g)
{
	uint32_t t = (uint32_t)chaos_next(g->r) & ~3u;
	if (chaos_pct(g->r, 60))
		t = KSEG0 + CODE_START + 4 * chaos_below(g->r, 0x4000);
	else if (chaos_pct(g->r, 30))
		t = KSEG1 + PROM_PA + 4 * chaos_below(g->r, 0x4000);
	emit_li(g, VAL, t);
	emit(g, chaos_pct(g->r, 50) ? 0x03200008u : 0x0320F809u); /* jr/jalr */
	emit(g, chaos_pct(g->r, 80) ? 0 : (uint32_t)chaos_next(g->r));
}

/* Timer: Count and Compare close together, IM7, then WAIT. */
static void snip_timer(struct gen *g)
{
	emit_li(g, VAL, chaos_below(g->r, 1000));
	emit(g, 0x40800000u | VAL << 16 | 11u << 11); /* mtc0 Compare */
	emit(g, 0x40800000u | 0u << 16 | 9u << 11);   /* mtc0 Count = 0 */
	emit_li(g, VAL, 0x8000u | (chaos_pct(g->r, 50) ? 0x0C00u : 0) |
				(uint32_t)chaos_below(g->r, 2));
	emit(g, 0x40800000u | VAL << 16 | 12u << 11); /* mtc0 Status */
	emit(g, 0x42000020);
}

/* FPU: CU1 on, a random FCSR, random COP1 words. */
static void snip_fpu(struct gen *g)
{
	emit_li(g, VAL, 0x20000000u | (chaos_pct(g->r, 50) ? 0x04000000u : 0) |
				(uint32_t)chaos_below(g->r, 8));
	emit(g, 0x40800000u | VAL << 16 | 12u << 11);
	emit_li(g, VAL, (uint32_t)chaos_next(g->r));
	emit(g, 0x44C0F800u | VAL << 16); /* ctc1 $t9, $31 */
	for (uint32_t n = 1 + chaos_below(g->r, 6); n > 0; n--)
		emit(g, 0x44000000u |
			    ((uint32_t)chaos_next(g->r) & 0x03FFFFFF));
}

/* Traps, cache ops, LL/SC and SYNC with random operands. */
static void snip_misc(struct gen *g)
{
	uint32_t r = (uint32_t)chaos_next(g->r);
	static const uint32_t forms[] = {0x0000000C, 0x0000000D, 0x00000034,
					 0xBC000000, 0xC0000000, 0xE0000000,
					 0x0000000F, 0xD0000000, 0xF0000000};
	uint32_t f = forms[chaos_below(g->r, 9)];
	if (f < 0x40)
		emit(g, f | (r & 0x03FFFFC0));
	else
		emit(g, f | (r & 0x03FFFFFF));
}

/* Power off with a random value: ends the run, so it is rare. */
static void snip_power(struct gen *g)
{
	emit_store(g, 0x1F000010u, 0, gen_value(g));
}

/* Half the kernels start by opening every interrupt (IM, IE, ERL off),
 * a near timer and every controller source, so that handlers run. */
static void gen_prologue(struct gen *g)
{
	if (!chaos_pct(g->r, 50))
		return;
	emit_li(g, VAL, 0x0000FF01u | (chaos_pct(g->r, 30) ? 0x00400000u : 0) |
				(chaos_pct(g->r, 30) ? 0x20000000u : 0));
	emit(g, 0x40800000u | VAL << 16 | 12u << 11); /* mtc0 Status */
	emit_li(g, VAL, 1000 + chaos_below(g->r, 20000));
	emit(g, 0x40800000u | VAL << 16 | 11u << 11); /* mtc0 Compare */
	emit_store(g, 0x1F000100u, 0x08, 0xFFFF);     /* intc ENABLE */
	emit_store(g, 0x1F000000u, 0x0C, 3);          /* console RXIE ENDIE */
}

typedef void (*snip_fn)(struct gen *g);

/* Draw and emit one snippet for the kernel's mix. */
static void gen_snippet(struct gen *g)
{
	static const snip_fn all[] = {snip_random, snip_cp0, snip_dev,
				      snip_disk, snip_intc, snip_hostchan,
				      snip_numa, snip_jump, snip_timer,
				      snip_fpu, snip_misc, snip_dev, snip_cp0};
	switch (g->k->mix) {
	case CHAOS_MIX_RANDOM: snip_random(g); return;
	case CHAOS_MIX_CP0:
		(chaos_pct(g->r, 80) ? snip_cp0 : snip_random)(g);
		return;
	case CHAOS_MIX_DEVICES:
		(chaos_pct(g->r, 60) ? snip_dev : chaos_pct(g->r, 50)
		 ? snip_disk : snip_intc)(g);
		return;
	default:
		if (chaos_pct(g->r, 1))
			snip_power(g);
		else
			all[chaos_below(g->r, sizeof all / sizeof all[0])](g);
	}
}

/* Fill words [from, to) of image w with snippets. */
static void gen_fill(struct gen *g, uint32_t *w, uint32_t from, uint32_t to)
{
	g->w = w, g->pos = from, g->end = to;
	while (g->pos < g->end)
		gen_snippet(g);
}

/* A vector at byte off of w: a skipping handler or snippets. */
static void gen_vector(struct gen *g, uint32_t *w, uint32_t off)
{
	if (!g->k->skip_vectors) {
		gen_fill(g, w, off / 4, off / 4 + 32);
		return;
	}
	g->w = w, g->pos = off / 4, g->end = off / 4 + 32;
	emit(g, 0x401A7000);  /* mfc0 $k0, EPC */
	emit(g, 0x275A0004);  /* addiu $k0, $k0, 4 */
	emit(g, 0x409A7000);  /* mtc0 $k0, EPC */
	emit(g, 0x409AF000);  /* mtc0 $k0, ErrorEPC */
	emit(g, 0x42000018);  /* eret */
}

/* Put a big-endian 16- or 32-bit field at p. */
static void be(uint8_t *p, uint32_t v, int bytes)
{
	for (int i = 0; i < bytes; i++)
		p[i] = (uint8_t)(v >> (8 * (bytes - 1 - i)));
}

/* Write one program header at p for [paddr, +size) from file offset. */
static void gen_phdr(uint8_t *p, uint32_t off, uint32_t vaddr, uint32_t paddr,
		     uint32_t size)
{
	be(p, 1, 4);          /* PT_LOAD */
	be(p + 4, off, 4);
	be(p + 8, vaddr, 4);
	be(p + 12, paddr, 4);
	be(p + 16, size, 4);
	be(p + 20, size, 4);
	be(p + 24, 7, 4);     /* RWX */
	be(p + 28, 0x1000, 4);
}

/* Write the ELF file of g's images; 0 or -1. */
static int gen_write(const struct gen *g, uint32_t entry, const char *path)
{
	uint8_t hdr[0x100] = {0}, img[4];
	memcpy(hdr, "\x7f" "ELF\x01\x02\x01", 7);
	be(hdr + 16, 2, 2), be(hdr + 18, 8, 2), be(hdr + 20, 1, 4);
	be(hdr + 24, entry, 4), be(hdr + 28, 52, 4);
	be(hdr + 40, 52, 2), be(hdr + 42, 32, 2), be(hdr + 44, 2, 2);
	be(hdr + 46, 40, 2);
	gen_phdr(hdr + 52, 0x100, KSEG0, 0, RAM_IMAGE);
	gen_phdr(hdr + 84, 0x100 + RAM_IMAGE, KSEG1 + PROM_PA, PROM_PA,
		 PROM_IMAGE);
	FILE *f = fopen(path, "wb");
	if (f == NULL)
		return -1;
	fwrite(hdr, 1, sizeof hdr, f);
	for (uint32_t i = 0; i < RAM_IMAGE / 4; i++)
		be(img, g->ram[i], 4), fwrite(img, 1, 4, f);
	for (uint32_t i = 0; i < PROM_IMAGE / 4; i++)
		be(img, g->prom[i], 4), fwrite(img, 1, 4, f);
	return fclose(f) == 0 ? 0 : -1;
}

/* Pick a kernel shape for seed (mix, vectors, entry). */
struct chaos_kernel chaos_gen_shape(uint64_t seed)
{
	struct chaos_rng r = {seed ^ 0x5EED5EED5EEDull};
	return (struct chaos_kernel){
		.mix = (enum chaos_mix)(seed % CHAOS_MIX_COUNT),
		.skip_vectors = chaos_pct(&r, 60),
		.entry_in_prom = chaos_pct(&r, 10),
		.ram_mb = 64,
		.capacity = 128,
	};
}

/* Write the kernel of seed to path; 0, or -1 with errno set. */
int chaos_gen_kernel(uint64_t seed, const struct chaos_kernel *k,
		     const char *path)
{
	static const uint32_t vec[] = {0x000, 0x080, 0x100, 0x180};
	struct chaos_rng r = {seed};
	struct gen *g = calloc(1, sizeof *g);
	if (g == NULL)
		return -1;
	g->r = &r, g->k = k;
	gen_fill(g, g->ram, 0x200 / 4, CODE_START / 4);
	g->pos = CODE_START / 4, g->end = RAM_IMAGE / 4 - 2;
	gen_prologue(g);
	gen_fill(g, g->ram, g->pos, RAM_IMAGE / 4 - 2);
	gen_fill(g, g->prom, 0, PROM_IMAGE / 4);
	for (int i = 0; i < 4; i++) {
		gen_vector(g, g->ram, vec[i]);
		gen_vector(g, g->prom, 0x200 + vec[i]);
	}
	g->ram[RAM_IMAGE / 4 - 2] = 0x08000000u |
				    ((KSEG0 + CODE_START) >> 2 & 0x03FFFFFF);
	g->ram[RAM_IMAGE / 4 - 1] = 0;
	uint32_t entry = k->entry_in_prom ? KSEG1 + PROM_PA
					  : KSEG0 + CODE_START;
	int rc = gen_write(g, entry, path);
	free(g);
	return rc;
}

/* Write a kernel that powers off at once with status; 0, or -1. */
int chaos_gen_poweroff(const char *path, uint32_t status)
{
	struct gen *g = calloc(1, sizeof *g);
	struct chaos_rng r = {1};
	struct chaos_kernel k = {.mix = CHAOS_MIX_RANDOM, .ram_mb = 1};
	if (g == NULL)
		return -1;
	g->r = &r, g->k = &k;
	g->w = g->ram, g->pos = CODE_START / 4, g->end = RAM_IMAGE / 4;
	emit_store(g, 0x1F000010u, 0, status);
	emit(g, 0x1000FFFF); /* b . */
	emit(g, 0);
	int rc = gen_write(g, KSEG0 + CODE_START, path);
	free(g);
	return rc;
}
