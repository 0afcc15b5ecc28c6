/*
 * cpu_fixture.h - a CPU over a small RAM for unit tests, and a way to run
 * a few hand-assembled instructions on it.
 */
#ifndef TESTS_UNIT_CPU_FIXTURE_H
#define TESTS_UNIT_CPU_FIXTURE_H

#include <stdlib.h>
#include <string.h>

#include "cpu/cpu_internal.h"

#define FIX_RAM (1u << 20)

/* One CPU and its memory. */
struct fix {
	uint8_t *ram;
	struct cpu_phys *p;
	struct cpu *c;
};

/* Make a CPU over 1 MB of zeroed RAM, with no devices. */
static inline struct fix fix_make(void)
{
	struct fix f;
	f.ram = calloc(1, FIX_RAM);
	f.p = cpu_phys_create(f.ram, FIX_RAM, NULL, NULL);
	f.c = cpu_create(f.p, 0);
	return f;
}

/* Free the fixture. */
static inline void fix_free(struct fix *f)
{
	cpu_destroy(f->c);
	cpu_phys_destroy(f->p);
	free(f->ram);
}

/* Store instruction words big-endian at physical pa. */
static inline void fix_code(struct fix *f, uint32_t pa, const uint32_t *w,
			    int n)
{
	for (int k = 0; k < n; k++) {
		f->ram[pa + 4 * k] = (uint8_t)(w[k] >> 24);
		f->ram[pa + 4 * k + 1] = (uint8_t)(w[k] >> 16);
		f->ram[pa + 4 * k + 2] = (uint8_t)(w[k] >> 8);
		f->ram[pa + 4 * k + 3] = (uint8_t)w[k];
	}
	cpu_phys_invalidate(f->p, pa, (uint32_t)(4 * n));
}

#define FIX_CODE 0x1000u  /* physical address of the test code */
#define FIX_KCODE 0x80001000u /* the same, through kseg0 */

/* Load w at FIX_CODE and spin loops at both vectors; kernel mode with
   Status = status, pc at FIX_KCODE. */
static inline void fix_boot_into(struct fix *f, const uint32_t *w, int n,
				 uint32_t status)
{
	static const uint32_t spin[2] = {0x1000ffffu /* b . */, 0};
	fix_code(f, 0x000, spin, 2);
	fix_code(f, 0x180, spin, 2);
	fix_code(f, FIX_CODE, w, n);
	f->c->cp0.status = status;
	cpu_update_mode(f->c);
	cpu_set_pc(f->c, FIX_KCODE);
}

/* A fresh fixture booted with fix_boot_into. */
static inline struct fix fix_boot(const uint32_t *w, int n, uint32_t status)
{
	struct fix f = fix_make();
	fix_boot_into(&f, w, n, status);
	return f;
}

/* Encodings used by the tests. */
#define I_R(rs, rt, rd, sa, fn) \
	((uint32_t)(rs) << 21 | (uint32_t)(rt) << 16 | (uint32_t)(rd) << 11 | \
	 (uint32_t)(sa) << 6 | (uint32_t)(fn))
#define I_I(op, rs, rt, imm) \
	((uint32_t)(op) << 26 | (uint32_t)(rs) << 21 | (uint32_t)(rt) << 16 | \
	 ((uint32_t)(imm) & 0xffffu))
#define I_ADDIU(rt, rs, imm) I_I(9, rs, rt, imm)
#define I_LW(rt, off, base) I_I(35, base, rt, off)
#define I_SW(rt, off, base) I_I(43, base, rt, off)
#define I_BEQ(rs, rt, off) I_I(4, rs, rt, off)
#define I_MTC0(rt, rd) (0x40800000u | (uint32_t)(rt) << 16 | (uint32_t)(rd) << 11)
#define I_MFC0(rt, rd) (0x40000000u | (uint32_t)(rt) << 16 | (uint32_t)(rd) << 11)
#define I_ERET 0x42000018u
#define I_TLBWI 0x42000002u
#define I_SYSCALL 0x0000000cu
#define I_NOP 0u

#endif
