/*
 * dbg_run.c - running the machine from the console (continue, step) and
 * breakpoints (break, delete, info breakpoints).
 *
 * The machine runs only through machine_run.  `step N` asks it for N more
 * instructions of the whole machine (machine_run's limit counts every CPU),
 * which with one CPU is N instructions of that CPU.  Breakpoints are set on
 * every CPU; a CPU stopped at one steps over it when it runs again (the
 * CPU remembers that it stopped there).
 */
#include "machine/dbg_internal.h"
#include "machine/dbg_signal.h"

#include <ctype.h>
#include <stdlib.h>

/* Print why the machine ended (power-off, limit, idle) on out. */
static void dbg_say_end(struct dbg *d)
{
	switch (d->end) {
	case MACHINE_POWER_OFF:
		fprintf(d->out, "the machine powered off (status %u, cpu %d)\n",
			d->m->power.status, d->who);
		break;
	case MACHINE_LIMIT:
		fprintf(d->out, "--max-insns %llu reached (cpu %d)\n",
			(unsigned long long)d->max_insns, d->who);
		break;
	case MACHINE_IDLE:
		fprintf(d->out, "every CPU waits with no interrupt that can "
			"wake it\n");
		break;
	case MACHINE_TLB_CHECK:
		fprintf(d->out, "--check-tlb: cpu %d made two TLB entries "
			"overlap\n", d->who);
		break;
	default:
		fprintf(d->out, "the machine ended (reason %d)\n", (int)d->end);
		break;
	}
}

/* Number of the listed breakpoint at addr, or 0. */
static int dbg_break_at(const struct dbg *d, uint32_t addr)
{
	for (int k = 0; k < d->nbreaks; k++)
		if (d->breaks[k].addr == addr)
			return d->breaks[k].num;
	return 0;
}

/* Add addr to the list (set elsewhere, e.g. --stop-at); its number or 0. */
int dbg_break_adopt(struct dbg *d, uint32_t addr)
{
	int num = dbg_break_at(d, addr);
	if (num != 0 || d->nbreaks == DBG_MAX_BREAKS)
		return num;
	d->breaks[d->nbreaks++] = (struct dbg_break){d->next_break, addr};
	return d->next_break++;
}

/* Print where and why the machine stopped: a breakpoint, Ctrl-C or the
   end of a step (then only the next instruction). */
void dbg_say_where(struct dbg *d)
{
	uint64_t pc = cpu_pc(dbg_cpu(d));
	char sym[160];
	dbg_sym_suffix(d, pc, sym, sizeof sym);
	if (d->stop == DBG_STOP_BREAK)
		fprintf(d->out, "cpu %d stopped at breakpoint %d, pc 0x%08x%s\n",
			d->cpu, dbg_break_at(d, (uint32_t)pc), (uint32_t)pc,
			sym);
	else if (d->stop == DBG_STOP_INTR)
		fprintf(d->out, "cpu %d interrupted at pc 0x%08x%s\n", d->cpu,
			(uint32_t)pc, sym);
	else if (d->stop == DBG_STOP_OTHER)
		fprintf(d->out, "cpu %d stopped at pc 0x%08x%s\n", d->cpu,
			(uint32_t)pc, sym);
	dbg_disas_line(d, pc, true);
}

/* Make sense of machine_run's answer; DBG_OK (stopped) or DBG_ENDED. */
static int dbg_after_run(struct dbg *d, enum machine_end end, int who,
			 bool intr, int quiet)
{
	bool global = d->max_insns != 0 &&
		      machine_insns(d->m) >= d->max_insns;
	d->who = who;
	if (end == MACHINE_POWER_OFF || end == MACHINE_IDLE ||
	    end == MACHINE_TLB_CHECK ||
	    (end == MACHINE_LIMIT && global)) {
		d->ended = true;
		d->end = end;
		if (!(quiet & DBG_QUIET_END))
			dbg_say_end(d);
		return DBG_ENDED;
	}
	d->cpu = who;
	uint32_t pc = (uint32_t)cpu_pc(dbg_cpu(d));
	if (end == MACHINE_LIMIT)
		d->stop = DBG_STOP_STEP;
	else if (end == MACHINE_BREAK && dbg_break_at(d, pc) != 0)
		d->stop = DBG_STOP_BREAK;
	else if (intr)
		d->stop = DBG_STOP_INTR; /* Ctrl-C, whatever machine_run said */
	else
		d->stop = DBG_STOP_OTHER; /* e.g. a device asked to stop */
	if (!(quiet & DBG_QUIET_STOP))
		dbg_say_where(d);
	return DBG_OK;
}

/* Run the machine up to limit instructions in all (0 = none); DBG_OK when
   it stopped, DBG_ENDED when it ended; quiet: DBG_QUIET_* flags. */
int dbg_go(struct dbg *d, uint64_t limit, int quiet)
{
	struct sigaction old;
	if (d->ended)
		return dbg_error(d, "the machine has ended; nothing to run");
	if (!d->batch)
		dbg_signal_arm(&old);
	int who = d->cpu;
	enum machine_end end = machine_run(d->m, limit, &who);
	bool intr = dbg_signal_pending();
	if (!d->batch)
		dbg_signal_disarm(&old);
	dbg_signal_clear();
	return dbg_after_run(d, end, who, intr, quiet);
}

/* continue: run until a breakpoint, Ctrl-C, or the end of the machine. */
int dbg_cmd_continue(struct dbg *d, int argc, char **argv)
{
	(void)argv;
	if (argc > 1)
		return dbg_error(d, "continue takes no argument");
	return dbg_go(d, d->max_insns, 0);
}

/* step [N]: run N instructions of the machine (default 1). */
int dbg_cmd_step(struct dbg *d, int argc, char **argv)
{
	uint64_t n = 1;
	if (argc > 2)
		return dbg_error(d, "usage: step [N]");
	if (argc == 2 && !dbg_parse_count(d, argv[1], 1, UINT32_MAX, &n))
		return DBG_ERROR;
	uint64_t limit = machine_insns(d->m) + n;
	if (d->max_insns != 0 && limit > d->max_insns)
		limit = d->max_insns;
	return dbg_go(d, limit, 0);
}

/* Set a breakpoint at addr on every CPU; false if one has no room. */
static bool dbg_break_set(struct dbg *d, uint32_t addr)
{
	for (int i = 0; i < d->m->ncpus; i++) {
		if (cpu_break_add(d->m->cpus[i], dbg_sext(addr)))
			continue;
		while (--i >= 0)
			cpu_break_remove(d->m->cpus[i], dbg_sext(addr));
		return false;
	}
	return true;
}

/* break ADDR: stop every CPU before it executes ADDR. */
int dbg_cmd_break(struct dbg *d, int argc, char **argv)
{
	uint64_t v;
	char sym[160];
	if (argc != 2)
		return dbg_error(d, "usage: break ADDR|SYMBOL");
	if (!dbg_parse_addr(d, argv[1], &v))
		return DBG_ERROR;
	uint32_t addr = (uint32_t)v;
	if (addr & 3u)
		return dbg_error(d, "0x%08x is not word-aligned", addr);
	int num = dbg_break_at(d, addr);
	if (num != 0)
		return dbg_error(d, "breakpoint %d is already at 0x%08x", num,
				 addr);
	if (d->nbreaks == DBG_MAX_BREAKS || !dbg_break_set(d, addr))
		return dbg_error(d, "no room for another breakpoint (max %d)",
				 DBG_MAX_BREAKS);
	num = dbg_break_adopt(d, addr);
	dbg_sym_suffix(d, addr, sym, sizeof sym);
	fprintf(d->out, "breakpoint %d at 0x%08x%s\n", num, addr, sym);
	return DBG_OK;
}

/* Remove listed breakpoint k from the CPUs and the list. */
static void dbg_break_drop(struct dbg *d, int k)
{
	for (int i = 0; i < d->m->ncpus; i++)
		cpu_break_remove(d->m->cpus[i], dbg_sext(d->breaks[k].addr));
	d->breaks[k] = d->breaks[--d->nbreaks];
}

/* True if text is all decimal digits (a breakpoint number). */
static bool dbg_all_digits(const char *text)
{
	for (; *text; text++)
		if (!isdigit((unsigned char)*text))
			return false;
	return true;
}

/* Delete the breakpoint at addr, listed or not (--stop-at); DBG_OK. */
static int dbg_delete_addr(struct dbg *d, uint32_t addr)
{
	bool any = false;
	for (int k = 0; k < d->nbreaks; k++)
		if (d->breaks[k].addr == addr) {
			fprintf(d->out, "deleted breakpoint %d\n",
				d->breaks[k].num);
			dbg_break_drop(d, k);
			return DBG_OK;
		}
	for (int i = 0; i < d->m->ncpus; i++)
		any |= cpu_break_remove(d->m->cpus[i], dbg_sext(addr));
	if (!any)
		return dbg_error(d, "no breakpoint at 0x%08x", addr);
	fprintf(d->out, "deleted the breakpoint at 0x%08x\n", addr);
	return DBG_OK;
}

/* delete [N|ADDR]: delete breakpoint number N, the one at ADDR, or all. */
int dbg_cmd_delete(struct dbg *d, int argc, char **argv)
{
	uint64_t v;
	if (argc > 2)
		return dbg_error(d, "usage: delete [N|ADDR]");
	if (argc == 1) {
		while (d->nbreaks > 0)
			dbg_break_drop(d, d->nbreaks - 1);
		fprintf(d->out, "deleted every breakpoint\n");
		return DBG_OK;
	}
	if (!dbg_all_digits(argv[1])) {
		if (!dbg_parse_addr(d, argv[1], &v))
			return DBG_ERROR;
		return dbg_delete_addr(d, (uint32_t)v);
	}
	for (int k = 0; k < d->nbreaks; k++)
		if ((uint64_t)d->breaks[k].num == strtoull(argv[1], NULL, 10)) {
			fprintf(d->out, "deleted breakpoint %d\n",
				d->breaks[k].num);
			dbg_break_drop(d, k);
			return DBG_OK;
		}
	return dbg_error(d, "no breakpoint number %s", argv[1]);
}

/* info breakpoints: list them in the order they were set. */
int dbg_cmd_info_breaks(struct dbg *d, int argc, char **argv)
{
	(void)argv;
	if (argc > 1)
		return dbg_error(d, "info breakpoints takes no argument");
	if (d->nbreaks == 0) {
		fprintf(d->out, "no breakpoints\n");
		return DBG_OK;
	}
	fprintf(d->out, "num  address     symbol\n");
	for (int num = 1; num < d->next_break; num++)
		for (int k = 0; k < d->nbreaks; k++) {
			char sym[160];
			if (d->breaks[k].num != num)
				continue;
			dbg_sym_suffix(d, d->breaks[k].addr, sym, sizeof sym);
			fprintf(d->out, "%-4d 0x%08x %s\n", num,
				d->breaks[k].addr, sym);
		}
	return DBG_OK;
}
