/*
 * stats.c - the --stats FILE.json report, built with cJSON:
 *
 *   { "machine": { "nodes", "cpus_per_node", "mem_per_node_mb", "timing",
 *                  "cpus", "time_cycles", "quantum",
 *                  "memory_system": { "l1_size", "l1_line", "l2_size",
 *                     "l2_line", "local_latency", "remote_latency",
 *                     "clock_mhz", "hot_threshold", "uma" } },
 *     "cpus":  [ { "id", "node", "instructions", "cycles", "stall_cycles",
 *                  "exceptions": { "Int": n, "Mod": n, ... },
 *                  "tlb_refills", "idle",
 *                  + the memory system's counters of the CPU
 *                    (l2_misses_local, l2_misses_remote, ... numa.md) } ],
 *     "nodes": [ { "id", "mem_base", "mem_bytes", "first_cpu", "ncpus",
 *                  + its memory traffic as a home (requests_local, ...),
 *                  "hottest_pages": [ page ] } ],
 *     "hottest_pages": [ page ],
 *     "hostchan": [ { "name", "value" } ],
 *     "monitor": { ... } }
 *
 *   page = { "page", "address", "misses", "misses_by_node": [ n, ... ] }
 *
 * A CPU's cycles include the time it was parked in WAIT; stall_cycles =
 * cycles - instructions (memory stalls and parked time).  A host
 * channel record's value is its text parsed as JSON, or the text itself
 * as a string.  The record named "monitor" (the monitor's statistics,
 * vmm/vstats.c) also appears as the top-level "monitor" when its whole
 * text is valid JSON, and not at all otherwise.  Counters are exact integers (below 2^53 they are exact in
 * JSON numbers).  Two runs with the same inputs write the same file.
 */
#include "machine/stats.h"

#include <cjson/cJSON.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "devices/hostchan.h"
#include "numa/numa.h"

#define STATS_HOT_PAGES 16 /* hottest pages listed, machine and per node */
#define STATS_RECORD_MAX 65536 /* host-channel bytes kept per record */

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

/* Add (name, value) counters to object o. */
static void stats_counters(cJSON *o, const struct numa_counter *c, int n)
{
	for (int i = 0; i < n; i++)
		cJSON_AddNumberToObject(o, c[i].name, (double)c[i].value);
}

/* The hottest pages among pages[0..n), with their misses per node. */
static cJSON *stats_pages(const struct machine *m,
			  const struct numa_page_stat *pages, int n)
{
	cJSON *a = cJSON_CreateArray();
	for (int i = 0; i < n; i++) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddNumberToObject(o, "page", pages[i].page);
		cJSON_AddNumberToObject(o, "address",
					(double)pages[i].page * 4096);
		cJSON_AddNumberToObject(o, "misses", (double)pages[i].total);
		cJSON *by = cJSON_AddArrayToObject(o, "misses_by_node");
		for (int k = 0; k < m->cfg.nodes; k++)
			cJSON_AddItemToArray(by, cJSON_CreateNumber(
							 pages[i].misses[k]));
		cJSON_AddItemToArray(a, o);
	}
	return a;
}

/* The object describing CPU i. */
static cJSON *stats_cpu(const struct machine *m, int i)
{
	const struct cpu *c = m->cpus[i];
	cJSON *o = cJSON_CreateObject();
	uint64_t insns = cpu_insns(c), cycles = machine_cpu_clock(m, i);
	cJSON_AddNumberToObject(o, "id", cpu_id(c));
	cJSON_AddNumberToObject(o, "node", machine_cpu_node(m, i));
	cJSON_AddNumberToObject(o, "instructions", (double)insns);
	cJSON_AddNumberToObject(o, "cycles", (double)cycles);
	cJSON_AddNumberToObject(o, "stall_cycles", (double)(cycles - insns));
	cJSON_AddItemToObject(o, "exceptions", stats_exceptions(c));
	cJSON_AddNumberToObject(o, "tlb_refills", (double)cpu_tlb_refills(c));
	cJSON_AddBoolToObject(o, "idle", m->idle[i]);
	struct numa_counter k[NUMA_MAX_COUNTERS];
	stats_counters(o, k, numa_cpu_counters(m->numa, i, k));
	return o;
}

/* The object describing node i. */
static cJSON *stats_node(const struct machine *m, int i)
{
	uint64_t bytes = (uint64_t)m->cfg.mem_per_node_mb << 20;
	cJSON *o = cJSON_CreateObject();
	cJSON_AddNumberToObject(o, "id", i);
	cJSON_AddNumberToObject(o, "mem_base", (double)(bytes * (uint64_t)i));
	cJSON_AddNumberToObject(o, "mem_bytes", (double)bytes);
	cJSON_AddNumberToObject(o, "first_cpu", i * m->cfg.cpus_per_node);
	cJSON_AddNumberToObject(o, "ncpus", m->cfg.cpus_per_node);
	struct numa_counter c[NUMA_MAX_COUNTERS];
	stats_counters(o, c, numa_node_counters(m->numa, i, c));
	struct numa_page_stat hot[STATS_HOT_PAGES];
	int n = numa_hottest_pages_of_node(m->numa, i, STATS_HOT_PAGES, hot);
	cJSON_AddItemToObject(o, "hottest_pages", stats_pages(m, hot, n));
	return o;
}

/* The memory system's parameters, as configured. */
static cJSON *stats_memory_system(const struct numa_params *n)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddNumberToObject(o, "l1_size", n->l1_size);
	cJSON_AddNumberToObject(o, "l1_line", n->l1_line);
	cJSON_AddNumberToObject(o, "l2_size", n->l2_size);
	cJSON_AddNumberToObject(o, "l2_line", n->l2_line);
	cJSON_AddNumberToObject(o, "local_latency", n->local_latency);
	cJSON_AddNumberToObject(o, "remote_latency", n->remote_latency);
	cJSON_AddNumberToObject(o, "clock_mhz", n->clock_mhz);
	cJSON_AddNumberToObject(o, "hot_threshold", n->hot_threshold);
	cJSON_AddBoolToObject(o, "uma", n->uma);
	return o;
}

/* The "machine" object: the configuration and the machine's time. */
static cJSON *stats_machine(const struct machine *m)
{
	cJSON *o = cJSON_CreateObject();
	cJSON_AddNumberToObject(o, "nodes", m->cfg.nodes);
	cJSON_AddNumberToObject(o, "cpus_per_node", m->cfg.cpus_per_node);
	cJSON_AddNumberToObject(o, "mem_per_node_mb", m->cfg.mem_per_node_mb);
	cJSON_AddStringToObject(o, "timing", config_timing_name(m->cfg.timing));
	cJSON_AddNumberToObject(o, "cpus", m->ncpus);
	cJSON_AddNumberToObject(o, "time_cycles", (double)m->now);
	cJSON_AddNumberToObject(o, "quantum", MACHINE_QUANTUM);
	cJSON_AddItemToObject(o, "memory_system",
			      stats_memory_system(&m->cfg.numa));
	return o;
}

/*
 * One host-channel record: its JSON value if it is valid JSON, else its
 * text.  Records longer than STATS_RECORD_MAX keep only that many bytes,
 * as text, with "bytes" and "truncated", so that the report stays small
 * whatever software writes (64 records of 1 MiB would otherwise need
 * gigabytes as cJSON trees).
 */
static cJSON *stats_record(const char *name, const char *text)
{
	cJSON *r = cJSON_CreateObject();
	size_t len = strlen(text);
	cJSON_AddStringToObject(r, "name", name);
	if (len <= STATS_RECORD_MAX) {
		cJSON *v = cJSON_ParseWithOpts(text, NULL, 1);
		cJSON_AddItemToObject(r, "value", v ? v : cJSON_CreateString(text));
		return r;
	}
	char *head = strndup(text, STATS_RECORD_MAX);
	cJSON_AddItemToObject(r, "value", cJSON_CreateString(head ? head : ""));
	cJSON_AddNumberToObject(r, "bytes", (double)len);
	cJSON_AddTrueToObject(r, "truncated");
	free(head);
	return r;
}

/* The records software handed over through the host channel. */
static cJSON *stats_hostchan(const struct machine *m)
{
	cJSON *a = cJSON_CreateArray();
	const char **names, **texts;
	int n = m->hostchan ? dev_hostchan_records(m->hostchan, &names,
						   &texts) : 0;
	for (int i = 0; i < n; i++)
		cJSON_AddItemToArray(a, stats_record(names[i], texts[i]));
	return a;
}

/* The host-channel record named "monitor" parsed as JSON, or NULL. */
static cJSON *stats_monitor(const struct machine *m)
{
	const char **names, **texts;
	int n = m->hostchan ? dev_hostchan_records(m->hostchan, &names,
						   &texts) : 0;
	for (int i = 0; i < n; i++)
		if (strcmp(names[i], "monitor") == 0)
			return cJSON_ParseWithOpts(texts[i], NULL, 1);
	return NULL;
}

/* The whole report as a cJSON tree. */
static cJSON *stats_tree(const struct machine *m)
{
	cJSON *root = cJSON_CreateObject();
	cJSON_AddItemToObject(root, "machine", stats_machine(m));
	cJSON *cpus = cJSON_AddArrayToObject(root, "cpus");
	for (int i = 0; i < m->ncpus; i++)
		cJSON_AddItemToArray(cpus, stats_cpu(m, i));
	cJSON *nodes = cJSON_AddArrayToObject(root, "nodes");
	for (int i = 0; i < m->cfg.nodes; i++)
		cJSON_AddItemToArray(nodes, stats_node(m, i));
	struct numa_page_stat hot[STATS_HOT_PAGES];
	int n = numa_hottest_pages(m->numa, STATS_HOT_PAGES, hot);
	cJSON_AddItemToObject(root, "hottest_pages", stats_pages(m, hot, n));
	cJSON_AddItemToObject(root, "hostchan", stats_hostchan(m));
	cJSON *mon = stats_monitor(m);
	if (mon != NULL)
		cJSON_AddItemToObject(root, "monitor", mon);
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
