/*
 * dt_uc.c - the reference side of the differential test: Unicorn's MIPS32
 * (QEMU's MIPS target, default CPU model 74Kf) in big-endian mode.
 *
 * Unicorn starts its MIPS CPU in kernel mode with Status.ERL=1, so kuseg is
 * unmapped there and the user addresses of the stream are also Unicorn's
 * physical addresses; uc_mem_map gives it the code and scratch pages at
 * exactly the user virtual addresses that minidisco maps through its TLB.
 * The stream's instructions do not depend on the mode, so they execute the
 * same way.
 *
 * The end address holds a `break` (the generator never emits one), and the
 * run stops in the interrupt hook when it executes.  Stopping with
 * uc_emu_start's `until` instead is not reliable: Unicorn 2.0.1 then reports
 * the PC of the last instruction executed, not the end address.
 *
 * When an instruction raises an exception, Unicorn calls the interrupt hook
 * with a QEMU exception number but without a usable PC, so the stream is run
 * a second time with a code hook that remembers the last instruction started.
 * Every run starts from the CPU context saved right after uc_open, so that
 * nothing (such as the branch state of a stop in a delay slot) leaks from
 * one stream into the next.
 *
 * Unicorn 2.0.1 crashes (SIGSEGV in tb_set_jmp_target) after some tens of
 * thousands of streams on one engine when each replaces the code and drops
 * its translations with uc_ctl_remove_cache; flushing everything with
 * uc_ctl_flush_tlb instead costs about 40 ms a stream.  So the engine is
 * replaced by a fresh one every UC_REOPEN streams (0.4 ms each time).
 */
#include "tests/diff/dt.h"

#include <stdlib.h>
#include <string.h>
#include <unicorn/unicorn.h>

#define UC_CODE_BYTES 0x8000u
#define UC_BREAK      0x0000000Du /* break 0 */
#define EXCP_BREAK    18          /* QEMU's number for a break exception */
#define UC_REOPEN     256         /* streams between two fresh engines */

/* Unicorn engine plus what its hooks found out during the last run. */
struct dt_uc {
	uc_engine *uc;
	uc_hook intr_hook;
	uc_context *fresh; /* CPU state right after uc_open */
	unsigned runs;     /* streams run on this engine */
	int intno;        /* QEMU exception number, or -1 */
	uint32_t last_pc; /* last instruction started (trace runs only) */
	uint8_t code[UC_CODE_BYTES]; /* big-endian image of the code pages */
};

/* QEMU exception numbers (target/mips/cpu.h) and R4000 ExcCodes. */
static const struct {
	int qemu, r4k;
} exc_map[] = {
	{ 12, 4 },  /* EXCP_AdEL -> AdEL */
	{ 13, 5 },  /* EXCP_AdES -> AdES */
	{ 17, 8 },  /* EXCP_SYSCALL -> Sys */
	{ 18, 9 },  /* EXCP_BREAK -> Bp */
	{ 20, 10 }, /* EXCP_RI -> RI */
	{ 21, 12 }, /* EXCP_OVERFLOW -> Ov */
	{ 22, 13 }, /* EXCP_TRAP -> Tr */
};

/* Interrupt hook: remember the exception and stop the engine. */
static void uc_on_intr(uc_engine *uc, uint32_t intno, void *ctx)
{
	struct dt_uc *u = ctx;

	u->intno = (int)intno;
	uc_emu_stop(uc);
}

/* Code hook for trace runs: remember the address of each instruction. */
static void uc_on_code(uc_engine *uc, uint64_t addr, uint32_t size,
		       void *ctx)
{
	struct dt_uc *u = ctx;

	(void)uc;
	(void)size;
	u->last_pc = (uint32_t)addr;
}

/* Open a fresh engine with the code and scratch pages mapped. */
static bool uc_open_engine(struct dt_uc *u)
{
	uc_err e = uc_open(UC_ARCH_MIPS, UC_MODE_MIPS32 | UC_MODE_BIG_ENDIAN,
			   &u->uc);

	if (e == UC_ERR_OK)
		e = uc_mem_map(u->uc, DT_CODE_VA, UC_CODE_BYTES, UC_PROT_ALL);
	if (e == UC_ERR_OK)
		e = uc_mem_map(u->uc, DT_SCRATCH_VA, DT_SCRATCH,
			       UC_PROT_READ | UC_PROT_WRITE);
	if (e == UC_ERR_OK)
		e = uc_hook_add(u->uc, &u->intr_hook, UC_HOOK_INTR,
				(void *)uc_on_intr, u, 1, 0);
	if (e == UC_ERR_OK)
		e = uc_context_alloc(u->uc, &u->fresh);
	if (e == UC_ERR_OK)
		e = uc_context_save(u->uc, u->fresh);
	if (e != UC_ERR_OK) {
		fprintf(stderr, "difftest: unicorn: %s\n", uc_strerror(e));
		return false;
	}
	return true;
}

/* Create the Unicorn side; NULL (with a message on stderr) on failure. */
struct dt_uc *dt_uc_create(void)
{
	struct dt_uc *u = calloc(1, sizeof(*u));

	if (u == NULL || !uc_open_engine(u)) {
		dt_uc_destroy(u);
		return NULL;
	}
	return u;
}

/* Free the Unicorn side. */
void dt_uc_destroy(struct dt_uc *u)
{
	if (u == NULL)
		return;
	if (u->fresh != NULL)
		uc_context_free(u->fresh);
	if (u->uc != NULL)
		uc_close(u->uc);
	free(u);
}

/* Load code, scratch data and registers of s into the engine. */
static uc_err uc_load(struct dt_uc *u, const struct dt_stream *s)
{
	uint8_t *code = u->code;
	uc_err e;

	e = uc_context_restore(u->uc, u->fresh);
	if (e != UC_ERR_OK)
		return e;
	memset(code, 0, UC_CODE_BYTES);
	for (int i = 0; i <= s->len; i++) {
		uint32_t w = i < s->len ? s->code[i] : UC_BREAK;
		code[4 * i] = (uint8_t)(w >> 24);
		code[4 * i + 1] = (uint8_t)(w >> 16);
		code[4 * i + 2] = (uint8_t)(w >> 8);
		code[4 * i + 3] = (uint8_t)w;
	}
	e = uc_mem_write(u->uc, DT_CODE_VA, code, UC_CODE_BYTES);
	if (e == UC_ERR_OK)
		e = uc_ctl_remove_cache(u->uc, (uint64_t)DT_CODE_VA,
					(uint64_t)DT_CODE_VA + UC_CODE_BYTES);
	if (e == UC_ERR_OK)
		e = uc_mem_write(u->uc, DT_SCRATCH_VA, s->scratch, DT_SCRATCH);
	for (int r = 1; r < 32 && e == UC_ERR_OK; r++)
		e = uc_reg_write(u->uc, UC_MIPS_REG_0 + r, &s->regs[r]);
	if (e == UC_ERR_OK)
		e = uc_reg_write(u->uc, UC_MIPS_REG_HI, &s->hi);
	if (e == UC_ERR_OK)
		e = uc_reg_write(u->uc, UC_MIPS_REG_LO, &s->lo);
	return e;
}

/* Run s once from its first instruction to the end address. */
static uc_err uc_run_once(struct dt_uc *u, const struct dt_stream *s,
			  bool trace)
{
	uc_hook code_hook;
	uc_err e = uc_load(u, s);

	u->intno = -1;
	u->last_pc = 0;
	if (e == UC_ERR_OK && trace)
		e = uc_hook_add(u->uc, &code_hook, UC_HOOK_CODE,
				(void *)uc_on_code, u, 1, 0);
	if (e == UC_ERR_OK)
		e = uc_emu_start(u->uc, DT_CODE_VA, 0, 0,
				 4u * (uint32_t)s->len + 16);
	if (trace)
		uc_hook_del(u->uc, code_hook);
	return e;
}

/* Copy registers, PC and the scratch page out of the engine. */
static void uc_collect(struct dt_uc *u, struct dt_state *out)
{
	uint32_t v;

	out->regs[0] = 0;
	for (int r = 1; r < 32; r++) {
		uc_reg_read(u->uc, UC_MIPS_REG_0 + r, &v);
		out->regs[r] = (uint64_t)(int64_t)(int32_t)v;
	}
	uc_reg_read(u->uc, UC_MIPS_REG_HI, &v);
	out->hi = (uint64_t)(int64_t)(int32_t)v;
	uc_reg_read(u->uc, UC_MIPS_REG_LO, &v);
	out->lo = (uint64_t)(int64_t)(int32_t)v;
	uc_reg_read(u->uc, UC_MIPS_REG_PC, &v);
	out->pc = (uint64_t)(int64_t)(int32_t)v;
	uc_mem_read(u->uc, DT_SCRATCH_VA, out->scratch, DT_SCRATCH);
}

/* Translate a QEMU exception number into an R4000 ExcCode (or 100+n). */
static int uc_exc_code(int intno)
{
	for (size_t i = 0; i < sizeof(exc_map) / sizeof(exc_map[0]); i++)
		if (exc_map[i].qemu == intno)
			return exc_map[i].r4k;
	return 100 + intno;
}

/* Replace the engine by a fresh one; false (noted in out) on failure. */
static bool uc_reopen(struct dt_uc *u, struct dt_state *out)
{
	uc_context_free(u->fresh);
	uc_close(u->uc);
	u->fresh = NULL;
	u->uc = NULL;
	if (uc_open_engine(u))
		return true;
	snprintf(out->error, sizeof(out->error),
		 "unicorn: cannot reopen the engine");
	return false;
}

/* Run s on Unicorn and record the final state in out. */
void dt_uc_run(struct dt_uc *u, const struct dt_stream *s,
	       struct dt_state *out)
{
	uc_err e;

	memset(out, 0, sizeof(*out));
	out->exc = DT_NO_EXC;
	if (u->uc == NULL || (++u->runs % UC_REOPEN == 0 && !uc_reopen(u, out)))
		return;
	e = uc_run_once(u, s, false);
	if (e == UC_ERR_OK && u->intno >= 0 && u->intno != EXCP_BREAK) {
		e = uc_run_once(u, s, true);
		out->exc = uc_exc_code(u->intno);
		out->exc_pc = u->last_pc;
	}
	if (e != UC_ERR_OK)
		snprintf(out->error, sizeof(out->error), "unicorn: %s",
			 uc_strerror(e));
	else if (u->intno < 0)
		snprintf(out->error, sizeof(out->error),
			 "unicorn: stopped before the end of the stream");
	uc_collect(u, out);
	if (u->intno == EXCP_BREAK)
		out->pc = DT_CODE_VA + 4u * (uint32_t)s->len;
}
