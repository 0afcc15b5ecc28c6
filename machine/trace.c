/*
 * trace.c - the tracer: category names, the files of --trace, and turning
 * categories on and off wherever their events come from.
 *
 *   insn, exc, tlb   cpu_set_trace on every CPU (tlb needs the CPU's exc
 *                    hook too: refills are exceptions)
 *   irq              m->trace_mask (machine_set_line, the device irq
 *                    service) and the interrupt controller's IPI hook
 *   dev              m->trace_mask (the mmio dispatch, devices.c)
 *   mem              the memory system's miss hook (numa_set_trace)
 *
 * Each category writes to its own stream: standard error until a --trace
 * spec names a file for it.  Specs naming the same path share one file.
 */
#include "machine/trace_internal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "devices/intc.h"
#include "numa/numa.h"

static const char *const trace_cat_names[TRACE_NCATS] = {
	"insn", "exc", "tlb", "irq", "mem", "dev",
};

/* The category bit named by s[0..len), "all" for every one; 0 if none. */
static unsigned trace_cat_bit(const char *s, size_t len)
{
	if (len == 3 && strncmp(s, "all", 3) == 0)
		return TRACE_ALL;
	for (int i = 0; i < TRACE_NCATS; i++)
		if (strlen(trace_cat_names[i]) == len &&
		    strncmp(trace_cat_names[i], s, len) == 0)
			return 1u << i;
	return 0;
}

/* Parse the comma list s[0..len) into *mask; false with why if bad. */
static bool trace_cats_n(const char *s, size_t len, unsigned *mask,
			 char *why, size_t wlen)
{
	unsigned m = 0;
	if (len == 0) {
		snprintf(why, wlen, "no category given (insn, exc, tlb, irq, "
			 "mem, dev or all)");
		return false;
	}
	for (size_t at = 0; at <= len;) {
		size_t n = 0;
		while (at + n < len && s[at + n] != ',')
			n++;
		unsigned bit = trace_cat_bit(s + at, n);
		if (bit == 0) {
			snprintf(why, wlen, "unknown category '%.*s' (insn, exc, "
				 "tlb, irq, mem, dev or all)", (int)n, s + at);
			return false;
		}
		m |= bit;
		at += n + 1;
	}
	*mask = m;
	return true;
}

/* Parse a comma list of categories; false with the reason in why. */
bool trace_parse_cats(const char *cats, unsigned *mask, char *why,
		      size_t len)
{
	return trace_cats_n(cats, strlen(cats), mask, why, len);
}

/* Parse "CATS[:FILE]"; false with the reason in why. */
bool trace_parse(const char *spec, unsigned *mask, const char **file,
		 char *why, size_t len)
{
	const char *colon = strchr(spec, ':');
	size_t n = colon ? (size_t)(colon - spec) : strlen(spec);
	if (!trace_cats_n(spec, n, mask, why, len))
		return false;
	*file = colon ? colon + 1 : NULL;
	if (colon && colon[1] == '\0') {
		snprintf(why, len, "empty file name after ':'");
		return false;
	}
	return true;
}

/* Make the tracer of machine m, everything off, output on stderr. */
struct trace *trace_create(struct machine *m, FILE *err)
{
	struct trace *t = calloc(1, sizeof *t);
	if (t == NULL)
		return NULL;
	t->m = m;
	t->err = err;
	for (int i = 0; i < TRACE_NCATS; i++) {
		t->out[i] = stderr;
		t->where[i] = "stderr";
	}
	t->cs_ok = cs_open(CS_ARCH_MIPS,
			   (cs_mode)(CS_MODE_MIPS64 | CS_MODE_BIG_ENDIAN),
			   &t->cs) == CS_ERR_OK;
	if (t->cs_ok && (t->insn = cs_malloc(t->cs)) == NULL) {
		cs_close(&t->cs);
		t->cs_ok = false;
	}
	return t;
}

/* Close the trace files and free the tracer (NULL: nothing). */
void trace_destroy(struct trace *t)
{
	if (t == NULL)
		return;
	for (int k = 0; k < t->nfiles; k++) {
		if (fclose(t->files[k].f) != 0)
			fprintf(t->err, "minidisco: --trace: error writing "
				"'%s'\n", t->files[k].path);
		free(t->files[k].path);
	}
	fflush(stderr);
	if (t->cs_ok) {
		cs_free(t->insn, 1);
		cs_close(&t->cs);
	}
	free(t);
}

/* The open file for path, opening it the first time; NULL after a
   message. */
static struct trace_file *trace_file(struct trace *t, const char *path,
				     FILE *err)
{
	for (int k = 0; k < t->nfiles; k++)
		if (strcmp(t->files[k].path, path) == 0)
			return &t->files[k];
	if (t->nfiles == TRACE_NCATS) {
		fprintf(err, "minidisco: --trace: more than %d files\n",
			TRACE_NCATS);
		return NULL;
	}
	struct trace_file *f = &t->files[t->nfiles];
	if ((f->path = strdup(path)) == NULL) {
		fprintf(err, "minidisco: out of memory\n");
		return NULL;
	}
	if ((f->f = fopen(path, "w")) == NULL) {
		fprintf(err, "minidisco: --trace: cannot open '%s': %s\n", path,
			strerror(errno));
		free(f->path);
		return NULL;
	}
	t->nfiles++;
	return f;
}

/* Apply one --trace spec: open FILE, turn CATS on; -1 after a message. */
int trace_add(struct trace *t, const char *spec, FILE *err)
{
	unsigned mask;
	const char *path;
	char why[160];
	if (!trace_parse(spec, &mask, &path, why, sizeof why)) {
		fprintf(err, "minidisco: --trace: %s\n", why);
		return -1;
	}
	struct trace_file *f = NULL;
	if (path != NULL && (f = trace_file(t, path, err)) == NULL)
		return -1;
	for (int i = 0; f != NULL && i < TRACE_NCATS; i++)
		if (mask >> i & 1) {
			t->out[i] = f->f;
			t->where[i] = f->path;
		}
	trace_set(t, t->mask | mask);
	return 0;
}

/* The CPU hook mask for the categories in mask. */
static unsigned trace_cpu_mask(unsigned mask)
{
	unsigned c = 0;
	if (mask & TRACE_INSN)
		c |= CPU_TRACE_INSN;
	if (mask & (TRACE_EXC | TRACE_TLB))
		c |= CPU_TRACE_EXC; /* TLB refills are exceptions */
	if (mask & TRACE_TLB)
		c |= CPU_TRACE_TLB;
	return c;
}

/* Say once that mem sees nothing without a cache model. */
static void trace_mem_warn(struct trace *t)
{
	if (t->mem_warned || t->m->cfg.timing == MACHINE_TIMING_NUMA)
		return;
	t->mem_warned = true;
	fprintf(t->err, "minidisco: --trace mem: --timing fast has no cache "
		"model, so there are no misses to trace (use --timing numa)\n");
}

/* Turn exactly the categories in mask on (the others off). */
void trace_set(struct trace *t, unsigned mask)
{
	struct machine *m = t->m;
	unsigned cpu = trace_cpu_mask(mask & TRACE_ALL);
	t->mask = mask & TRACE_ALL;
	m->trace_mask = t->mask;
	for (int i = 0; i < m->ncpus; i++)
		cpu_set_trace(m->cpus[i], cpu ? &trace_cpu_ops : NULL, t, cpu);
	if (m->intc != NULL)
		dev_intc_set_ipi_hook(m->intc,
				      t->mask & TRACE_IRQ ? trace_ipi : NULL, t);
	if (m->numa != NULL)
		numa_set_trace(m->numa, t->mask & TRACE_MEM ? trace_mem : NULL,
			       t);
	if (t->mask & TRACE_MEM)
		trace_mem_warn(t);
}

/* The categories that are on. */
unsigned trace_get(const struct trace *t)
{
	return t->mask;
}

/* The stream category cat (one bit) writes to. */
FILE *trace_out(const struct trace *t, unsigned cat)
{
	return t->out[__builtin_ctz(cat)];
}

/* Print one line per category: name, on/off, where it goes. */
void trace_show(const struct trace *t, FILE *out)
{
	for (int i = 0; i < TRACE_NCATS; i++)
		fprintf(out, "%-5s %-4s %s\n", trace_cat_names[i],
			t->mask >> i & 1 ? "on" : "off", t->where[i]);
}
