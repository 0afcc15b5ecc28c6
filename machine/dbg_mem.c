/*
 * dbg_mem.c - reading guest memory for the console, and x/NFU ADDR.
 *
 * A virtual address goes through cpu_debug_translate of the selected CPU
 * (a load from its current mode, changing nothing); the physical address
 * is then read straight from the machine's RAM or boot PROM buffer (guest
 * bytes, big-endian).  Device space is never read: a device read can have
 * side effects (a console receive register would lose its byte).
 */
#include "machine/dbg_internal.h"

#include <ctype.h>
#include <string.h>

#define DBG_X_MAX 65536u  /* units one x command may show */
#define DBG_STR_MAX 256u  /* characters of one x/s string */

/* Physical byte pa from RAM or PROM into *b; false after a message unless
   quiet. */
static bool dbg_read_phys(struct dbg *d, uint64_t va, uint32_t pa,
			  uint8_t *b, bool quiet)
{
	const struct machine *m = d->m;
	if (pa < m->ram_bytes) {
		*b = m->ram[pa];
		return true;
	}
	if (pa >= MACHINE_PROM_BASE && pa - MACHINE_PROM_BASE <
	    MACHINE_PROM_BYTES) {
		*b = m->prom[pa - MACHINE_PROM_BASE];
		return true;
	}
	if (quiet)
		return false;
	if (pa >= MACHINE_DEV_BASE && pa < MACHINE_PROM_BASE)
		dbg_error(d, "0x%08x is device space (physical 0x%08x): the "
			  "debugger does not read devices", (uint32_t)va, pa);
	else
		dbg_error(d, "0x%08x: no memory at physical 0x%08x",
			  (uint32_t)va, pa);
	return false;
}

/* Read n bytes at virtual va of the selected CPU into buf; false (after a
   message unless quiet) if one cannot be read. */
bool dbg_read(struct dbg *d, uint64_t va, uint8_t *buf, size_t n,
	      bool quiet)
{
	return dbg_read_on(d, d->cpu, va, buf, n, quiet);
}

/* Read n bytes at virtual va of CPU i into buf; false (after a message
   unless quiet) if one cannot be read. */
bool dbg_read_on(struct dbg *d, int cpu, uint64_t va, uint8_t *buf,
		 size_t n, bool quiet)
{
	uint32_t pa = 0;
	for (size_t i = 0; i < n; i++) {
		uint32_t a = (uint32_t)(va + i);
		if (i == 0 || (a & 0xfffu) == 0) { /* a new 4 KB page */
			int code = cpu_debug_translate(d->m->cpus[cpu], a,
						       &pa);
			if (code != 0) {
				const char *e = cpu_exception_name(code);
				if (!quiet)
					dbg_error(d, "cannot read 0x%08x from "
						  "cpu %d's mode: a load would "
						  "raise %s (try where)", a,
						  cpu, e ? e : "?");
				return false;
			}
		} else {
			pa++;
		}
		if (!dbg_read_phys(d, a, pa, &buf[i], quiet))
			return false;
	}
	return true;
}

/* A parsed x/NFU: count, format letter, unit size in bytes. */
struct dbg_xfmt {
	uint64_t count;
	char fmt;
	int size;
};

/* Parse "x" or "x/NFU" into f; false after a message. */
static bool dbg_x_format(struct dbg *d, const char *word, struct dbg_xfmt *f)
{
	const char *p = strchr(word, '/');
	*f = (struct dbg_xfmt){1, 'x', 0};
	if (p == NULL)
		p = "";
	else
		p++;
	if (isdigit((unsigned char)*p)) {
		char num[24];
		size_t n = strspn(p, "0123456789");
		snprintf(num, sizeof num, "%.*s", (int)(n < 20 ? n : 20), p);
		if (!dbg_parse_count(d, num, 1, DBG_X_MAX, &f->count))
			return false;
		p += n;
	}
	for (; *p; p++) {
		const char *unit = strchr("bhwg", *p);
		if (strchr("xducsi", *p))
			f->fmt = *p;
		else if (unit != NULL)
			f->size = 1 << (unit - "bhwg");
		else {
			dbg_error(d, "bad x format '%c' (formats x d u c s i, "
				  "units b h w g)", *p);
			return false;
		}
	}
	if (f->fmt == 'c')
		f->size = 1;
	if (f->size == 0)
		f->size = 4;
	return true;
}

/* Print one unit of value v in format f. */
static void dbg_x_unit(struct dbg *d, const struct dbg_xfmt *f, uint64_t v)
{
	int bits = f->size * 8;
	int64_t s = bits == 64 ? (int64_t)v
			       : (int64_t)(v << (64 - bits)) >> (64 - bits);
	switch (f->fmt) {
	case 'd':
		fprintf(d->out, "\t%lld", (long long)s);
		break;
	case 'u':
		fprintf(d->out, "\t%llu", (unsigned long long)v);
		break;
	case 'c':
		if (isprint((int)v))
			fprintf(d->out, "\t%d '%c'", (int)v, (int)v);
		else
			fprintf(d->out, "\t%d '\\%03o'", (int)v, (unsigned)v);
		break;
	default:
		fprintf(d->out, "\t0x%0*llx", f->size * 2,
			(unsigned long long)v);
		break;
	}
}

/* Print "0xADDR <sym+off>:" starting a line of x output. */
static void dbg_x_label(struct dbg *d, uint64_t va)
{
	char sym[160];
	dbg_sym_suffix(d, va, sym, sizeof sym);
	fprintf(d->out, "0x%08x%s:", (uint32_t)va, sym);
}

/* x with a numeric format: count units, a few per line. */
static int dbg_x_units(struct dbg *d, const struct dbg_xfmt *f, uint64_t va)
{
	int per_line = f->size == 8 ? 2 : f->size == 4 ? 4 : 8;
	for (uint64_t i = 0; i < f->count; i++) {
		uint8_t b[8];
		uint64_t a = va + i * (uint64_t)f->size, v = 0;
		if (!dbg_read(d, a, b, (size_t)f->size, false))
			return DBG_ERROR;
		for (int k = 0; k < f->size; k++)
			v = v << 8 | b[k]; /* big-endian */
		if (i % (uint64_t)per_line == 0)
			dbg_x_label(d, a);
		dbg_x_unit(d, f, v);
		if (i % (uint64_t)per_line == (uint64_t)per_line - 1 ||
		    i + 1 == f->count)
			fputc('\n', d->out);
	}
	return DBG_OK;
}

/* x/s: count NUL-terminated strings, escaped, one a line. */
static int dbg_x_strings(struct dbg *d, const struct dbg_xfmt *f,
			 uint64_t va)
{
	for (uint64_t i = 0; i < f->count; i++) {
		uint8_t ch;
		unsigned n = 0;
		dbg_x_label(d, va);
		fputs("\t\"", d->out);
		for (; n < DBG_STR_MAX; n++) {
			if (!dbg_read(d, va + n, &ch, 1, false)) {
				fputs("\"\n", d->out);
				return DBG_ERROR;
			}
			if (ch == '\0')
				break;
			if (ch == '"' || ch == '\\')
				fprintf(d->out, "\\%c", ch);
			else if (isprint(ch))
				fputc(ch, d->out);
			else
				fprintf(d->out, "\\%03o", ch);
		}
		fprintf(d->out, "\"%s\n", n == DBG_STR_MAX ? "..." : "");
		va += n + 1;
	}
	return DBG_OK;
}

/* x/NFU ADDR: examine memory of the selected CPU's address space. */
int dbg_cmd_x(struct dbg *d, int argc, char **argv)
{
	struct dbg_xfmt f;
	uint64_t va;
	if (argc != 2)
		return dbg_error(d, "usage: x/NFU ADDR (e.g. x/4wx $sp)");
	if (!dbg_x_format(d, argv[0], &f) || !dbg_parse_addr(d, argv[1], &va))
		return DBG_ERROR;
	if (f.fmt == 's')
		return dbg_x_strings(d, &f, va);
	if (f.fmt == 'i') {
		for (uint64_t i = 0; i < f.count; i++)
			if (!dbg_disas_line(d, va + 4 * i, true))
				return DBG_ERROR;
		return DBG_OK;
	}
	return dbg_x_units(d, &f, va);
}
