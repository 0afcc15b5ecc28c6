/*
 * config.c - defaults, the table of configuration keys, and the checks
 * that refuse impossible machines.
 *
 * Every key is one row of config_keys: its INI section and name, how its
 * text is parsed, where it is stored and its range.  The command line
 * options --nodes, --cpus-per-node, --mem-per-node and --timing go through
 * the same rows, so a value means the same wherever it is written.
 */
#include "machine/quote.h"
#include "machine/config.h"

#include <stddef.h>
#include <string.h>

/* How a key's text becomes a value. */
enum config_kind {
	CFG_INT,    /* int, decimal */
	CFG_U32,    /* uint32_t, decimal */
	CFG_U64,    /* uint64_t, decimal */
	CFG_MB,     /* uint32_t megabytes, decimal */
	CFG_BYTES,  /* uint32_t bytes, a power of two, suffix K or M allowed */
	CFG_BOOL,   /* bool: true/false, yes/no, on/off, 1/0 */
	CFG_TIMING, /* enum machine_timing: fast or numa */
};

/* One configuration key. */
struct config_key {
	const char *section, *name;
	enum config_kind kind;
	size_t off; /* in struct machine_config */
	uint64_t min, max;
};

#define NP(f) offsetof(struct machine_config, numa.f)
#define DK(f) offsetof(struct machine_config, disk.f)
#define MC(f) offsetof(struct machine_config, f)
#define BIG 0xFFFFFFFFFFull /* about 5,500 s at 200 MHz: ample */

static const struct config_key config_keys[] = {
	{"machine", "nodes", CFG_INT, MC(nodes), 1, CONFIG_MAX_CPUS},
	{"machine", "cpus_per_node", CFG_INT, MC(cpus_per_node), 1,
	 CONFIG_MAX_CPUS},
	{"machine", "mem_per_node", CFG_MB, MC(mem_per_node_mb), 1,
	 CONFIG_RAM_LIMIT >> 20},
	{"machine", "timing", CFG_TIMING, MC(timing), 0, 0},
	{"cache", "l1_size", CFG_BYTES, NP(l1_size), 16, 16u << 20},
	{"cache", "l1_line", CFG_BYTES, NP(l1_line), 4, 4096},
	{"cache", "l2_size", CFG_BYTES, NP(l2_size), 16, 64u << 20},
	{"cache", "l2_line", CFG_BYTES, NP(l2_line), 4, 4096},
	{"memory", "clock_mhz", CFG_U32, NP(clock_mhz), 1, 100000},
	{"memory", "local_latency", CFG_U32, NP(local_latency), 0, 1000000},
	{"memory", "remote_latency", CFG_U32, NP(remote_latency), 0, 1000000},
	{"memory", "uma", CFG_BOOL, NP(uma), 0, 1},
	{"hotpage", "threshold", CFG_U32, NP(hot_threshold), 1, 0xFFFFFFFFu},
	{"disk", "overhead", CFG_U64, DK(overhead), 0, BIG},
	{"disk", "seek_base", CFG_U64, DK(seek_base), 0, BIG},
	{"disk", "seek_div", CFG_U64, DK(seek_div), 1, BIG},
	{"disk", "seek_max", CFG_U64, DK(seek_max), 0, BIG},
	{"disk", "per_sector", CFG_U64, DK(per_sector), 0, BIG},
	{"disk", "flush", CFG_U64, DK(flush), 0, BIG},
};

#define CONFIG_NKEYS (sizeof config_keys / sizeof config_keys[0])
_Static_assert(CONFIG_NKEYS <= CONFIG_MAX_KEYS, "raise CONFIG_MAX_KEYS");

/* The defaults: one node, one CPU, 64 MB, numa timing, FLASH parameters. */
void config_defaults(struct machine_config *c)
{
	*c = (struct machine_config){
		.nodes = 1,
		.cpus_per_node = 1,
		.mem_per_node_mb = 64,
		.timing = MACHINE_TIMING_NUMA,
		/* The Disco paper's machine: 32 KB split L1, 1 MB L2 with
		 * 128-byte lines, 300 ns local / 900 ns remote at 200 MHz;
		 * the L1 line is the R4000's primary line (32 bytes). */
		.numa = {
			.l1_size = 16u << 10,
			.l1_line = 32,
			.l2_size = 1u << 20,
			.l2_line = 128,
			.local_latency = 60,
			.remote_latency = 180,
			.clock_mhz = 200,
			.hot_threshold = 128, /* our choice; software sets it */
			.uma = false,
		},
		.disk = dev_disk_default_timing(),
	};
}

/* The row of [section] key, or NULL. */
static const struct config_key *config_find(const char *section,
					    const char *name)
{
	for (size_t k = 0; k < CONFIG_NKEYS; k++)
		if (strcmp(config_keys[k].section, section) == 0 &&
		    strcmp(config_keys[k].name, name) == 0)
			return &config_keys[k];
	return NULL;
}

/* Whether [section] exists in the INI format. */
bool config_section_known(const char *section)
{
	for (size_t k = 0; k < CONFIG_NKEYS; k++)
		if (strcmp(config_keys[k].section, section) == 0)
			return true;
	return false;
}

/* Write "FILE:LINE: key" or "--key" (for the command line) into buf. */
static void config_where(const struct config_key *k,
			 const struct config_origin *o, char *buf, size_t len)
{
	if (o->file != NULL) {
		snprintf(buf, len, "%s:%d: %s", o->file, o->line, k->name);
		return;
	}
	size_t n = (size_t)snprintf(buf, len, "--%s", k->name);
	for (size_t i = 2; i < n && i < len; i++)
		if (buf[i] == '_')
			buf[i] = '-';
}

/* Parse decimal digits with an optional K or M suffix; false if bad. */
static bool config_number(const char *text, bool suffix, uint64_t *v)
{
	uint64_t n = 0;
	const char *p = text;
	if (*p < '0' || *p > '9')
		return false;
	for (; *p >= '0' && *p <= '9'; p++) {
		if (n > (UINT64_MAX - 9) / 10)
			return false;
		n = n * 10 + (uint64_t)(*p - '0');
	}
	unsigned shift = 0;
	if (suffix && (*p == 'K' || *p == 'k'))
		shift = 10, p++;
	else if (suffix && (*p == 'M' || *p == 'm'))
		shift = 20, p++;
	if (*p != '\0' || n > (UINT64_MAX >> shift))
		return false;
	*v = n << shift;
	return true;
}

/* Parse a boolean word; false if it is none. */
static bool config_bool(const char *text, uint64_t *v)
{
	static const char *const yes[] = {"true", "yes", "on", "1"};
	static const char *const no[] = {"false", "no", "off", "0"};
	for (size_t i = 0; i < 4; i++) {
		if (strcasecmp(text, yes[i]) == 0)
			return *v = 1, true;
		if (strcasecmp(text, no[i]) == 0)
			return *v = 0, true;
	}
	return false;
}

/* Turn text into k's value; false if it is malformed or out of range. */
static bool config_parse(const struct config_key *k, const char *text,
			 uint64_t *v)
{
	switch (k->kind) {
	case CFG_BOOL:
		return config_bool(text, v);
	case CFG_TIMING:
		if (strcmp(text, "fast") == 0)
			return *v = MACHINE_TIMING_FAST, true;
		if (strcmp(text, "numa") == 0)
			return *v = MACHINE_TIMING_NUMA, true;
		return false;
	case CFG_BYTES:
		if (!config_number(text, true, v) || (*v & (*v - 1)) != 0)
			return false;
		break;
	default:
		if (!config_number(text, false, v))
			return false;
	}
	return *v >= k->min && *v <= k->max;
}

/* Describe what k accepts, for an error message. */
static void config_expect(const struct config_key *k, char *buf, size_t len)
{
	unsigned long long lo = k->min, hi = k->max;
	switch (k->kind) {
	case CFG_BOOL:
		snprintf(buf, len, "true or false");
		break;
	case CFG_TIMING:
		snprintf(buf, len, "fast or numa");
		break;
	case CFG_MB:
		snprintf(buf, len, "a size in MB from %llu to %llu", lo, hi);
		break;
	case CFG_BYTES:
		snprintf(buf, len, "a power of two from %llu to %llu bytes "
			 "(suffix K or M allowed)", lo, hi);
		break;
	default:
		snprintf(buf, len, "a decimal number from %llu to %llu", lo,
			 hi);
	}
}

/* Store v into k's field of c. */
static void config_store(struct machine_config *c, const struct config_key *k,
			 uint64_t v)
{
	char *p = (char *)c + k->off;
	switch (k->kind) {
	case CFG_INT:
		*(int *)p = (int)v;
		break;
	case CFG_U64:
		*(uint64_t *)p = v;
		break;
	case CFG_BOOL:
		*(bool *)p = v != 0;
		break;
	case CFG_TIMING:
		*(enum machine_timing *)p = (enum machine_timing)v;
		break;
	default:
		*(uint32_t *)p = (uint32_t)v;
	}
}

/* Set key of [section] from its text value; 0, or -1 after a message. */
int config_set(struct machine_config *c, const char *section,
	       const char *key, const char *value, const char *file,
	       int line, FILE *err)
{
	const struct config_key *k = config_find(section, key);
	if (k == NULL) {
		char q[80];
		fprintf(err, "minidisco: %s:%d: unknown key '%s' in [%s]\n",
			file ? file : "-", line, quote_value(key, q, sizeof q),
			section);
		return -1;
	}
	struct config_origin *o = &c->at[k - config_keys];
	struct config_origin here = {.file = file, .line = line, .set = true};
	char where[300], expect[120];
	uint64_t v;
	if (!config_parse(k, value, &v)) {
		config_where(k, &here, where, sizeof where);
		config_expect(k, expect, sizeof expect);
		char q[80];
		fprintf(err, "minidisco: %s: '%s' is not %s\n", where,
			quote_value(value, q, sizeof q), expect);
		return -1;
	}
	if (file != NULL && o->set && o->file == file) {
		config_where(k, &here, where, sizeof where);
		fprintf(err, "minidisco: %s: set twice (first at line %d)\n",
			where, o->line);
		return -1;
	}
	config_store(c, k, v);
	*o = here;
	return 0;
}

/* Print "minidisco: WHERE: " for key name of section, as set in c. */
static void config_blame(const struct machine_config *c, const char *section,
			 const char *name, FILE *err)
{
	const struct config_key *k = config_find(section, name);
	char where[300];
	const struct config_origin *o = &c->at[k - config_keys];
	if (o->set)
		config_where(k, o, where, sizeof where);
	else
		snprintf(where, sizeof where, "default %s", name);
	fprintf(err, "minidisco: %s: ", where);
}

/* The last-set key of two shape keys of [machine] (the first if neither). */
static const char *config_culprit(const struct machine_config *c,
				  const char *a, const char *b)
{
	const struct config_origin *ob =
		&c->at[config_find("machine", b) - config_keys];
	return ob->set ? b : a;
}

/* Whether key name of [section] was set (by a file or an option). */
static bool config_is_set(const struct machine_config *c, const char *section,
			  const char *name)
{
	return c->at[config_find(section, name) - config_keys].set;
}

/* Refuse a size smaller than the line it must hold (a cache smaller than
 * its line, an L2 line smaller than an L1 line), blaming the key that was
 * set; 0 or -1. */
static int config_check_cache(const struct machine_config *c,
			      const char *size, uint32_t bytes,
			      const char *line, uint32_t line_bytes, FILE *err)
{
	if (bytes >= line_bytes)
		return 0;
	if (config_is_set(c, "cache", size) || !config_is_set(c, "cache", line)) {
		config_blame(c, "cache", size, err);
		fprintf(err, "%u bytes is smaller than %s (%u bytes)\n", bytes,
			line, line_bytes);
	} else {
		config_blame(c, "cache", line, err);
		fprintf(err, "%u bytes is larger than %s (%u bytes)\n",
			line_bytes, size, bytes);
	}
	return -1;
}

/* Refuse an impossible machine; 0, or -1 after a one-line error on err. */
int config_check(const struct machine_config *c, FILE *err)
{
	int ncpus = config_ncpus(c);
	uint64_t mb = (uint64_t)c->nodes * c->mem_per_node_mb;
	if (ncpus > CONFIG_MAX_CPUS) {
		config_blame(c, "machine",
			     config_culprit(c, "nodes", "cpus_per_node"), err);
		fprintf(err, "%d nodes x %d CPUs = %d CPUs, more than %d\n",
			c->nodes, c->cpus_per_node, ncpus, CONFIG_MAX_CPUS);
		return -1;
	}
	if (mb > (CONFIG_RAM_LIMIT >> 20)) {
		config_blame(c, "machine",
			     config_culprit(c, "nodes", "mem_per_node"), err);
		fprintf(err, "%d nodes x %u MB = %llu MB of RAM does not fit "
			"below 0x%08x (%u MB at most)\n", c->nodes,
			c->mem_per_node_mb, (unsigned long long)mb,
			CONFIG_RAM_LIMIT, CONFIG_RAM_LIMIT >> 20);
		return -1;
	}
	const struct numa_params *n = &c->numa;
	if (config_check_cache(c, "l1_size", n->l1_size, "l1_line",
			       n->l1_line, err) != 0 ||
	    config_check_cache(c, "l2_size", n->l2_size, "l2_line",
			       n->l2_line, err) != 0 ||
	    config_check_cache(c, "l2_line", n->l2_line, "l1_line",
			       n->l1_line, err) != 0)
		return -1;
	return 0;
}

/* "fast" or "numa". */
const char *config_timing_name(enum machine_timing t)
{
	return t == MACHINE_TIMING_FAST ? "fast" : "numa";
}

/* Number of CPUs in the machine. */
int config_ncpus(const struct machine_config *c)
{
	return c->nodes * c->cpus_per_node;
}

/* Bytes of RAM in all nodes. */
uint64_t config_ram_bytes(const struct machine_config *c)
{
	return (uint64_t)c->nodes * ((uint64_t)c->mem_per_node_mb << 20);
}
