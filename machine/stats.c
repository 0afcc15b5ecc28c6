/*
 * stats.c - the --stats FILE.json report, built with cJSON:
 *
 *   { "machine": { "nodes", "cpus_per_node", "mem_per_node_mb", "timing" },
 *     "cpus":  [ { "id", "node", "instructions", "cycles", "stall_cycles",
 *                  "exceptions": { "Int": n, "Mod": n, ... },
 *                  "tlb_refills" } ],
 *     "nodes": [ { "id", "mem_base", "mem_bytes" } ] }
 *
 * Counters are exact integers (below 2^53 they are exact in JSON numbers).
 * Cache-miss counters join when the memory system models caches.
 */
#include "machine/stats.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <string.h>

/* Open path for writing the report; NULL after a one-line error on err. */
FILE *stats_open(const char *path, FILE *err)
{
	FILE *f = fopen(path, "w");
	if (f == NULL)
		fprintf(err, "minidisco: --stats: cannot write '%s': %s\n", path,
			strerror(errno));
	return f;
}

/* The "exceptions" object of one CPU: a count for every named code. */
static cJSON *stats_exceptions(const struct cpu *c)
{
	cJSON *o = cJSON_CreateObject();
	for (int code = 0; code < 32; code++) {
		const char *name = cpu_exception_name(code);
		if (name != NULL)
			cJSON_AddNumberToObject(
				o, name, (double)cpu_exception_count(c, code));
	}
	return o;
}

/* The object describing one CPU. */
static cJSON *stats_cpu(const struct cpu *c)
{
	cJSON *o = cJSON_CreateObject();
	uint64_t insns = cpu_insns(c), cycles = cpu_cycles(c);
	cJSON_AddNumberToObject(o, "id", cpu_id(c));
	cJSON_AddNumberToObject(o, "node", 0);
	cJSON_AddNumberToObject(o, "instructions", (double)insns);
	cJSON_AddNumberToObject(o, "cycles", (double)cycles);
	cJSON_AddNumberToObject(o, "stall_cycles", (double)(cycles - insns));
	cJSON_AddItemToObject(o, "exceptions", stats_exceptions(c));
	cJSON_AddNumberToObject(o, "tlb_refills", (double)cpu_tlb_refills(c));
	return o;
}

/* The whole report as a cJSON tree. */
static cJSON *stats_tree(const struct machine *m)
{
	cJSON *root = cJSON_CreateObject();
	cJSON *mach = cJSON_AddObjectToObject(root, "machine");
	cJSON_AddNumberToObject(mach, "nodes", 1);
	cJSON_AddNumberToObject(mach, "cpus_per_node", m->ncpus);
	cJSON_AddNumberToObject(mach, "mem_per_node_mb",
				(double)(m->ram_bytes >> 20));
	cJSON_AddStringToObject(mach, "timing", "fast");
	cJSON *cpus = cJSON_AddArrayToObject(root, "cpus");
	for (int i = 0; i < m->ncpus; i++)
		cJSON_AddItemToArray(cpus, stats_cpu(m->cpus[i]));
	cJSON *nodes = cJSON_AddArrayToObject(root, "nodes");
	cJSON *n = cJSON_CreateObject();
	cJSON_AddNumberToObject(n, "id", 0);
	cJSON_AddNumberToObject(n, "mem_base", 0);
	cJSON_AddNumberToObject(n, "mem_bytes", (double)m->ram_bytes);
	cJSON_AddItemToArray(nodes, n);
	return root;
}

/* Write m's statistics as JSON to out (the caller closes it); 0 or -1. */
int stats_write(const struct machine *m, FILE *out, const char *path,
		FILE *err)
{
	cJSON *root = stats_tree(m);
	char *text = cJSON_Print(root);
	cJSON_Delete(root);
	int bad = text == NULL || fputs(text, out) == EOF ||
		  fputc('\n', out) == EOF;
	cJSON_free(text);
	bad |= fflush(out) != 0;
	if (bad)
		fprintf(err, "minidisco: --stats: error writing '%s'\n", path);
	return bad ? -1 : 0;
}
