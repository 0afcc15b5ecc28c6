/*
 * config.h - the shape of the machine and every parameter of its memory
 * system, from three layers (later ones win):
 *
 *   1. built-in defaults: the Disco paper's FLASH machine (one node, one
 *      CPU until told otherwise), see config_defaults;
 *   2. --machine FILE, an INI file (config_ini.c; presets in images/);
 *   3. command line options (--nodes, --cpus-per-node, --mem-per-node,
 *      --timing), whatever their position relative to --machine.
 *
 * config_check then refuses impossible machines with a one-line error
 * naming the key and where it was set ("disco.ini:3: nodes" or "--nodes").
 * numa/ reads struct numa_params; the disks read struct dev_disk_timing.
 */
#ifndef MACHINE_CONFIG_H
#define MACHINE_CONFIG_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "devices/disk.h"

#define CONFIG_MAX_CPUS 32           /* CPUs in all nodes together */
#define CONFIG_RAM_LIMIT 0x1F000000u /* RAM must end at or below devices */

/* How memory accesses are timed. */
enum machine_timing {
	MACHINE_TIMING_FAST, /* 1 cycle per instruction, no cache model */
	MACHINE_TIMING_NUMA, /* caches by tags, local/remote miss latencies */
};

/* Parameters of the memory system (numa/ reads them; defaults in []). */
struct numa_params {
	uint32_t l1_size;        /* bytes of EACH split L1, I and D [16 KB] */
	uint32_t l1_line;        /* L1 line bytes [128] */
	uint32_t l2_size;        /* bytes of the unified L2 of one CPU [1 MB] */
	uint32_t l2_line;        /* L2 line bytes [128] */
	uint32_t local_latency;  /* cycles of an L2 miss to local memory [60] */
	uint32_t remote_latency; /* ... to another node's memory [180] */
	uint32_t clock_mhz;      /* CPU clock, for converting to time [200] */
	uint32_t hot_threshold;  /* hot-page unit trigger after reset [128] */
	bool uma;                /* every miss at local_latency [false] */
};

/* Where a key got its value, for error messages. */
struct config_origin {
	const char *file; /* INI file, or NULL: the command line */
	int line;         /* line in file */
	bool set;         /* false: still the default */
};

#define CONFIG_MAX_KEYS 32 /* rows of the key table in config.c, at most */

/* The whole configuration of one machine. */
struct machine_config {
	int nodes;                /* [1] */
	int cpus_per_node;        /* [1] */
	uint32_t mem_per_node_mb; /* [64] */
	enum machine_timing timing; /* [numa] */
	struct numa_params numa;
	struct dev_disk_timing disk; /* disk latencies, in cycles */
	struct config_origin at[CONFIG_MAX_KEYS]; /* per key of the table */
};

/* The defaults: one node, one CPU, 64 MB, numa timing, FLASH parameters. */
void config_defaults(struct machine_config *c);

/*
 * Set key of [section] from its text value.  file/line say where it comes
 * from (file NULL: the command line, where the key is named --key with
 * '-' for '_').  Returns 0, or -1 after a one-line error on err.
 */
int config_set(struct machine_config *c, const char *section,
	       const char *key, const char *value, const char *file,
	       int line, FILE *err);
/* Whether [section] exists in the INI format. */
bool config_section_known(const char *section);

/* Refuse an impossible machine; 0, or -1 after a one-line error on err. */
int config_check(const struct machine_config *c, FILE *err);
/* Read an INI file into c; 0, or -1 after a one-line error on err. */
int config_load_ini(struct machine_config *c, const char *path, FILE *err);

/* "fast" or "numa". */
const char *config_timing_name(enum machine_timing t);
/* Number of CPUs in the machine. */
int config_ncpus(const struct machine_config *c);
/* Bytes of RAM in all nodes. */
uint64_t config_ram_bytes(const struct machine_config *c);

#endif
