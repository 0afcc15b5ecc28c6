/*
 * boot.c - load --module files into RAM and write the boot information
 * block (machine/bootinfo.h, docs/machine.md "Boot information").
 *
 * Modules are raw bytes, each on a 4 KB boundary, in command line order,
 * from the first page above the kernel's highest RAM byte (and never in
 * page 0).  The block follows the last module on the next page.  A
 * module or block that does not fit is a configuration error (exit 2).
 */
#include "machine/boot.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "machine/bootinfo.h"

/* One module as loaded. */
struct boot_mod {
	uint32_t pa, size;
	const char *name; /* basename of the file */
};

/* Round up to the next 4 KB boundary (in 64 bits: no wrap). */
static uint64_t boot_page_up(uint64_t a)
{
	return (a + BI_PAGE - 1) & ~(uint64_t)(BI_PAGE - 1);
}

/* Store a big-endian word at RAM address pa. */
static void boot_put(struct machine *m, uint32_t pa, uint32_t v)
{
	uint8_t *p = m->ram + pa;
	p[0] = (uint8_t)(v >> 24);
	p[1] = (uint8_t)(v >> 16);
	p[2] = (uint8_t)(v >> 8);
	p[3] = (uint8_t)v;
}

/* The file name without its directories. */
static const char *boot_basename(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash != NULL ? slash + 1 : path;
}

/* Load module path at *at (page-aligned); advance *at; 0, or -1. */
static int boot_module(struct machine *m, const char *path, uint64_t *at,
		       struct boot_mod *mod, FILE *err)
{
	FILE *in = fopen(path, "rb");
	struct stat st;
	const char *why = NULL;
	if (in == NULL)
		why = strerror(errno);
	else if (fstat(fileno(in), &st) != 0 || !S_ISREG(st.st_mode))
		why = "not a regular file";
	else if (*at + (uint64_t)st.st_size > m->ram_bytes) {
		fprintf(err, "minidisco: --module %s: %llu bytes at 0x%08llx "
			"do not fit in RAM (it ends at 0x%08llx)\n", path,
			(unsigned long long)st.st_size,
			(unsigned long long)*at,
			(unsigned long long)m->ram_bytes);
		fclose(in);
		return -1;
	} else if (fread(m->ram + *at, 1, (size_t)st.st_size, in) !=
		   (size_t)st.st_size)
		why = "read error";
	if (in != NULL)
		fclose(in);
	if (why != NULL) {
		fprintf(err, "minidisco: --module %s: %s\n", path, why);
		return -1;
	}
	*mod = (struct boot_mod){.pa = (uint32_t)*at,
				 .size = (uint32_t)st.st_size,
				 .name = boot_basename(path)};
	*at = boot_page_up(*at + (uint64_t)st.st_size);
	return 0;
}

/* Bytes of the block for this machine, modules and command line. */
static uint32_t boot_info_bytes(const struct machine *m,
				const struct boot_mod *mods, int nmods,
				const char *cmdline)
{
	uint64_t n = BI_HDR_BYTES + (uint64_t)m->cfg.nodes * BI_NODE_BYTES +
		     (uint64_t)(m->ndevs + 1) * BI_DEV_BYTES +
		     (uint64_t)nmods * BI_MOD_BYTES + strlen(cmdline) + 1;
	for (int k = 0; k < nmods; k++)
		n += strlen(mods[k].name) + 1;
	return (uint32_t)((n + 3) & ~3ull);
}

/* Write one device entry at pa (its last word stays 0). */
static void boot_dev_entry(struct machine *m, uint32_t pa, int type,
			   int unit, uint32_t base, uint32_t size, int irq)
{
	boot_put(m, pa + BI_DEV_TYPE, (uint32_t)type);
	boot_put(m, pa + BI_DEV_UNIT, (uint32_t)unit);
	boot_put(m, pa + BI_DEV_BASE, base);
	boot_put(m, pa + BI_DEV_SIZE_OFF, size);
	boot_put(m, pa + BI_DEV_IRQ, irq < 0 ? BI_IRQ_NONE : (uint32_t)irq);
}

/* Write the node and device tables from offset *off of the block at bi. */
static void boot_tables(struct machine *m, uint32_t bi, uint32_t *off)
{
	const struct machine_config *c = &m->cfg;
	boot_put(m, bi + BI_NODE_OFF, *off);
	boot_put(m, bi + BI_NODE_COUNT, (uint32_t)c->nodes);
	for (int i = 0; i < c->nodes; i++, *off += BI_NODE_BYTES) {
		uint32_t e = bi + *off, mb = c->mem_per_node_mb;
		boot_put(m, e + BI_NODE_MEM_BASE, (uint32_t)i * (mb << 20));
		boot_put(m, e + BI_NODE_MEM_BYTES, mb << 20);
		boot_put(m, e + BI_NODE_FIRST_CPU,
			 (uint32_t)(i * c->cpus_per_node));
		boot_put(m, e + BI_NODE_NCPUS, (uint32_t)c->cpus_per_node);
	}
	boot_put(m, bi + BI_DEV_OFF, *off);
	boot_put(m, bi + BI_DEV_COUNT, (uint32_t)m->ndevs + 1);
	for (int i = 0; i < m->ndevs; i++, *off += BI_DEV_BYTES) {
		const struct machine_dev *md = &m->devs[i];
		boot_dev_entry(m, bi + *off, md->type, md->unit, md->dev->base,
			       md->dev->size, md->dev->irq);
	}
	boot_dev_entry(m, bi + *off, BI_DEV_PROM, 0, MACHINE_PROM_BASE,
		       MACHINE_PROM_BYTES, -1);
	*off += BI_DEV_BYTES;
}

/* Copy a string into the block at offset *off; return where it went. */
static uint32_t boot_string(struct machine *m, uint32_t bi, uint32_t *off,
			    const char *s)
{
	uint32_t at = *off;
	size_t n = strlen(s) + 1;
	memcpy(m->ram + bi + at, s, n);
	*off += (uint32_t)n;
	return at;
}

/* Write the header fields that describe the machine itself. */
static void boot_header(struct machine *m, uint32_t bi,
			const struct boot_params *p)
{
	const struct machine_config *c = &m->cfg;
	boot_put(m, bi + BI_MAGIC_OFF, BI_MAGIC);
	boot_put(m, bi + BI_VERSION_OFF, BI_VERSION);
	boot_put(m, bi + BI_NCPUS, (uint32_t)m->ncpus);
	boot_put(m, bi + BI_NNODES, (uint32_t)c->nodes);
	boot_put(m, bi + BI_CPUS_PER_NODE, (uint32_t)c->cpus_per_node);
	boot_put(m, bi + BI_MEM_BYTES, (uint32_t)m->ram_bytes);
	boot_put(m, bi + BI_CLOCK_MHZ, c->numa.clock_mhz);
	boot_put(m, bi + BI_TIMING, c->timing == MACHINE_TIMING_FAST
					    ? BI_TIMING_FAST
					    : BI_TIMING_NUMA);
	boot_put(m, bi + BI_KERNEL_LO, p->kernel_in_ram ? p->kernel_lo : 0);
	boot_put(m, bi + BI_KERNEL_HI, p->kernel_in_ram ? p->kernel_hi : 0);
}

/* Write the whole block at bi (size bytes, known to fit). */
static void boot_info(struct machine *m, uint32_t bi, uint32_t size,
		      const struct boot_params *p, const struct boot_mod *mods,
		      const char *cmdline)
{
	memset(m->ram + bi, 0, size);
	boot_header(m, bi, p);
	boot_put(m, bi + BI_SIZE, size);
	boot_put(m, bi + BI_FREE_BASE, (uint32_t)boot_page_up(bi + size));
	uint32_t off = BI_HDR_BYTES;
	boot_tables(m, bi, &off);
	uint32_t mod_off = off;
	boot_put(m, bi + BI_MOD_OFF, mod_off);
	boot_put(m, bi + BI_MOD_COUNT, (uint32_t)p->nmodules);
	off += (uint32_t)p->nmodules * BI_MOD_BYTES;
	boot_put(m, bi + BI_CMDLINE_LEN, (uint32_t)strlen(cmdline));
	boot_put(m, bi + BI_CMDLINE_OFF, boot_string(m, bi, &off, cmdline));
	for (int k = 0; k < p->nmodules; k++) {
		uint32_t e = bi + mod_off + (uint32_t)k * BI_MOD_BYTES;
		boot_put(m, e + BI_MOD_ADDR, mods[k].pa);
		boot_put(m, e + BI_MOD_SIZE, mods[k].size);
		boot_put(m, e + BI_MOD_NAME,
			 boot_string(m, bi, &off, mods[k].name));
	}
}

/* Load the modules and write the block; sets m->bootinfo_pa.  0, or -1
 * after a one-line error on err. */
int boot_load(struct machine *m, const struct boot_params *p, FILE *err)
{
	const char *cmdline = p->append != NULL ? p->append : "";
	uint64_t at = p->kernel_in_ram ? boot_page_up(p->kernel_hi) : 0;
	if (at < BOOT_FLOOR)
		at = BOOT_FLOOR;
	struct boot_mod *mods = calloc((size_t)p->nmodules + 1, sizeof *mods);
	if (mods == NULL) {
		fprintf(err, "minidisco: out of memory\n");
		return -1;
	}
	int rc = 0;
	for (int k = 0; k < p->nmodules && rc == 0; k++)
		rc = boot_module(m, p->modules[k], &at, &mods[k], err);
	uint32_t size = rc == 0 ? boot_info_bytes(m, mods, p->nmodules,
						  cmdline) : 0;
	if (rc == 0 && at + size > m->ram_bytes) {
		fprintf(err, "minidisco: the boot information block (%u bytes "
			"at 0x%08llx) does not fit in RAM\n", size,
			(unsigned long long)at);
		rc = -1;
	}
	if (rc == 0) {
		boot_info(m, (uint32_t)at, size, p, mods, cmdline);
		m->bootinfo_pa = (uint32_t)at;
	}
	free(mods);
	return rc;
}
