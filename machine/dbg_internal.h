/*
 * dbg_internal.h - what the debugger console's files share.
 *
 *   dbg.c          create, command table, parsing a line, help, info
 *   dbg_expr.c     addresses and numbers: 0x.., decimal, symbols, $regs
 *   dbg_run.c      continue, step, break, delete
 *   dbg_session.c  how main runs the machine: -ex, --batch, the console
 *   dbg_regs.c     regs, cp0, fpu, info all-registers
 *   dbg_tlb.c      tlb
 *   dbg_mem.c      reading guest memory, x/Nfu
 *   dbg_disas.c    disassembly through capstone, disas
 *   dbg_info.c     sym, cpu, info cpus, stats
 *   dbg_where.c    where VA
 *   dbg_repl.c     the interactive loop (readline, completion)
 *   dbg_signal.c   the Ctrl-C flag
 */
#ifndef MACHINE_DBG_INTERNAL_H
#define MACHINE_DBG_INTERNAL_H

#include <capstone/capstone.h>

#include "machine/dbg.h"

#define DBG_MAX_BREAKS 16 /* as many as a CPU holds (cpu_break_add) */
#define DBG_MAX_ARGS 8    /* words in one command line */
#define DBG_LINE_MAX 512  /* characters in one command line */

/* One breakpoint: its number (from 1) and 32-bit virtual address. */
struct dbg_break {
	int num;
	uint32_t addr;
};

/* The console's state; the machine is only ever read, or run. */
struct dbg {
	struct machine *m;
	const struct sym_table *syms;
	FILE *out, *err;
	int cpu;                 /* the selected CPU */
	struct dbg_break breaks[DBG_MAX_BREAKS];
	int nbreaks, next_break; /* next_break: number of the next one */
	uint64_t max_insns;      /* --max-insns, 0 = none */
	bool batch;              /* --batch: leave SIGINT alone */
	bool ended;              /* the machine powered off, ran out, idled */
	enum machine_end end;    /* ... how */
	int who;                 /* CPU of the last stop or end */
	enum { DBG_STOP_RESET, DBG_STOP_BREAK, DBG_STOP_INTR, DBG_STOP_STEP,
	       DBG_STOP_OTHER } stop; /* why the machine last stopped */
	csh cs;                  /* capstone handle; cs_ok if it opened */
	bool cs_ok;
};

/* A command: handler of argc words (argv[0] as typed, e.g. "x/4wx"). */
typedef int (*dbg_cmd_fn)(struct dbg *d, int argc, char **argv);

/* dbg.c */
int dbg_error(struct dbg *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
struct cpu *dbg_cpu(const struct dbg *d);
const char *dbg_command_name(int i);
bool dbg_repeatable(const char *line);
bool dbg_is_info(const char *line);
const char *dbg_info_name(int i);

/* dbg_expr.c */
bool dbg_parse_addr(struct dbg *d, const char *text, uint64_t *v);
bool dbg_parse_count(struct dbg *d, const char *text, uint64_t min,
		     uint64_t max, uint64_t *v);
const char *dbg_reg_name(int n);
const char *dbg_cp0_move(uint32_t w, char *ops, size_t len);
void dbg_sym_suffix(const struct dbg *d, uint64_t addr, char *buf,
		    size_t len);
uint64_t dbg_sext(uint64_t addr);

/* dbg_run.c */
int dbg_cmd_continue(struct dbg *d, int argc, char **argv);
int dbg_cmd_step(struct dbg *d, int argc, char **argv);
int dbg_cmd_break(struct dbg *d, int argc, char **argv);
int dbg_cmd_delete(struct dbg *d, int argc, char **argv);
int dbg_cmd_info_breaks(struct dbg *d, int argc, char **argv);
int dbg_break_adopt(struct dbg *d, uint32_t addr);
enum { DBG_QUIET_END = 1, DBG_QUIET_STOP = 2 }; /* dbg_go: say nothing */
int dbg_go(struct dbg *d, uint64_t limit, int quiet);
void dbg_say_where(struct dbg *d);

/* dbg_regs.c */
int dbg_cmd_regs(struct dbg *d, int argc, char **argv);
int dbg_cmd_cp0(struct dbg *d, int argc, char **argv);
int dbg_cmd_fpu(struct dbg *d, int argc, char **argv);
int dbg_cmd_dump(struct dbg *d, int argc, char **argv);
uint32_t dbg_wired(const struct dbg *d);

/* dbg_tlb.c */
int dbg_cmd_tlb(struct dbg *d, int argc, char **argv);

/* dbg_mem.c */
bool dbg_read(struct dbg *d, uint64_t va, uint8_t *buf, size_t n,
	      bool quiet);
bool dbg_read_on(struct dbg *d, int cpu, uint64_t va, uint8_t *buf,
		 size_t n, bool quiet);
int dbg_cmd_x(struct dbg *d, int argc, char **argv);

/* dbg_disas.c */
void dbg_disas_open(struct dbg *d);
void dbg_disas_close(struct dbg *d);
bool dbg_disas_line(struct dbg *d, uint64_t va, bool mark_pc);
int dbg_cmd_disas(struct dbg *d, int argc, char **argv);

/* dbg_info.c */
int dbg_cmd_sym(struct dbg *d, int argc, char **argv);
int dbg_cmd_cpu(struct dbg *d, int argc, char **argv);
int dbg_cmd_info_cpus(struct dbg *d, int argc, char **argv);
int dbg_cmd_stats(struct dbg *d, int argc, char **argv);
bool dbg_cpu_waiting(struct dbg *d, int i);

/* dbg_where.c */
int dbg_cmd_where(struct dbg *d, int argc, char **argv);

#endif
