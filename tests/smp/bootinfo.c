/*
 * bootinfo.c - the boot information block (machine/bootinfo.h) against
 * what the test asked for on the command line.  tests/smp/run.sh passes
 * the expected values in --append, which the block carries itself:
 *
 *   nodes=N cpus_per_node=K mem_mb=M timing=0|1 disks=D
 *   mod=NAME:SIZE:SUM ... end=1
 *
 * (SUM: the sum of the module's bytes), and the modules with --module in
 * the same order.  CPU 0 checks every field; the other CPUs check that
 * they were given the same a2 and park.
 */
#include "tests/smp/smp.h"

extern char _end[];

#define MAX_MODS 8
#define PAGE 4096u

/* What the command line says the block must hold. */
struct want {
	uint32_t nodes, per, mem_mb, timing, disks, end;
	uint32_t nmods;
	const char *mod_name[MAX_MODS];
	uint32_t mod_size[MAX_MODS], mod_sum[MAX_MODS];
};

static volatile uint32_t bi_seen[SMP_MAX_CPUS];

/* Parse a decimal number at *p, advancing it. */
static uint32_t num(const char **p)
{
	uint32_t v = 0;
	while (**p >= '0' && **p <= '9')
		v = v * 10 + (uint32_t)(*(*p)++ - '0');
	return v;
}

/* Whether the word at p starts with key (which ends in '='). */
static int starts(const char *p, const char *key)
{
	while (*key && *p == *key)
		p++, key++;
	return *key == '\0';
}

/* Parse mod=NAME:SIZE:SUM at p (past "mod="). */
static void parse_mod(struct want *w, const char **p)
{
	CHECK(w->nmods < MAX_MODS);
	w->mod_name[w->nmods] = *p;
	while (**p && **p != ':')
		(*p)++;
	CHECK(**p == ':');
	(*p)++;
	w->mod_size[w->nmods] = num(p);
	CHECK(**p == ':');
	(*p)++;
	w->mod_sum[w->nmods++] = num(p);
}

/* Parse the command line into w. */
static void parse(const char *p, struct want *w)
{
	static const char *const keys[] = {"nodes=", "cpus_per_node=",
					   "mem_mb=", "timing=", "disks=",
					   "end="};
	uint32_t *slots[] = {&w->nodes, &w->per, &w->mem_mb, &w->timing,
			     &w->disks, &w->end};
	while (*p) {
		while (*p == ' ')
			p++;
		int k = 0;
		while (k < 6 && !starts(p, keys[k]))
			k++;
		if (k < 6) {
			while (*p++ != '=')
				;
			*slots[k] = num(&p);
		} else if (starts(p, "mod=")) {
			p += 4;
			parse_mod(w, &p);
		} else {
			smp_printf("bootinfo: bad word in '%s'\n", p);
			CHECK(0);
		}
		CHECK(*p == ' ' || *p == '\0');
	}
}

/* Whether the NUL-terminated a equals b up to b's ':' or NUL. */
static int same_name(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == '\0' && (*b == ':' || *b == '\0');
}

/* The header against w and the registers. */
static void check_header(uint32_t bi, int ncpus, const struct want *w)
{
	uint32_t kernel_hi = (uint32_t)(uintptr_t)_end & 0x1FFFFFFFu;
	CHECK_EQ(bi % PAGE, 0);
	CHECK_EQ(bi_word(bi, BI_MAGIC_OFF), BI_MAGIC);
	CHECK_EQ(bi_word(bi, BI_VERSION_OFF), BI_VERSION);
	uint32_t size = bi_word(bi, BI_SIZE);
	CHECK(size >= BI_HDR_BYTES && size < 16 * PAGE);
	CHECK_EQ(bi_word(bi, BI_FREE_BASE), (bi + size + PAGE - 1) & ~(PAGE - 1));
	CHECK_EQ(bi_word(bi, BI_NCPUS), (uint32_t)ncpus);
	CHECK_EQ(bi_word(bi, BI_NCPUS), w->nodes * w->per);
	CHECK_EQ(bi_word(bi, BI_NNODES), w->nodes);
	CHECK_EQ(bi_word(bi, BI_CPUS_PER_NODE), w->per);
	CHECK_EQ(bi_word(bi, BI_MEM_BYTES), w->nodes * (w->mem_mb << 20));
	CHECK_EQ(bi_word(bi, BI_CLOCK_MHZ), 200);
	CHECK_EQ(bi_word(bi, BI_TIMING), w->timing);
	CHECK_EQ(bi_word(bi, BI_KERNEL_LO), 0);
	CHECK_EQ(bi_word(bi, BI_KERNEL_HI), kernel_hi);
	CHECK(bi >= kernel_hi);
	CHECK_EQ(bi_word(bi, BI_NODE_COUNT), w->nodes);
	CHECK_EQ(bi_word(bi, BI_MOD_COUNT), w->nmods);
	CHECK_EQ(bi_word(bi, BI_DEV_COUNT), 7 + w->disks);
}

/* The node table. */
static void check_nodes(uint32_t bi, const struct want *w)
{
	uint32_t t = bi + bi_word(bi, BI_NODE_OFF);
	for (uint32_t i = 0; i < w->nodes; i++, t += BI_NODE_BYTES) {
		CHECK_EQ(bi_word(t, BI_NODE_MEM_BASE), i * (w->mem_mb << 20));
		CHECK_EQ(bi_word(t, BI_NODE_MEM_BYTES), w->mem_mb << 20);
		CHECK_EQ(bi_word(t, BI_NODE_FIRST_CPU), i * w->per);
		CHECK_EQ(bi_word(t, BI_NODE_NCPUS), w->per);
	}
}

/* One device entry. */
static void check_dev(uint32_t e, uint32_t type, uint32_t unit,
		      uint32_t base, uint32_t size, uint32_t irq)
{
	CHECK_EQ(bi_word(e, BI_DEV_TYPE), type);
	CHECK_EQ(bi_word(e, BI_DEV_UNIT), unit);
	CHECK_EQ(bi_word(e, BI_DEV_BASE), base);
	CHECK_EQ(bi_word(e, BI_DEV_SIZE_OFF), size);
	CHECK_EQ(bi_word(e, BI_DEV_IRQ), irq);
}

/* The device table, in address order. */
static void check_devices(uint32_t bi, const struct want *w)
{
	uint32_t e = bi + bi_word(bi, BI_DEV_OFF);
	check_dev(e, BI_DEV_CONSOLE, 0, 0x1F000000, 16, 0);
	check_dev(e += BI_DEV_BYTES, BI_DEV_POWER, 0, 0x1F000010, 16,
		  BI_IRQ_NONE);
	check_dev(e += BI_DEV_BYTES, BI_DEV_INTC, 0, 0x1F000100, 256,
		  BI_IRQ_NONE);
	check_dev(e += BI_DEV_BYTES, BI_DEV_HOSTCHAN, 0, 0x1F000200, 16,
		  BI_IRQ_NONE);
	check_dev(e += BI_DEV_BYTES, BI_DEV_TRACECTL, 0, 0x1F000300, 16,
		  BI_IRQ_NONE);
	for (uint32_t k = 0; k < w->disks; k++)
		check_dev(e += BI_DEV_BYTES, BI_DEV_DISK, k, DISK_PA(k), 256,
			  1 + k);
	check_dev(e += BI_DEV_BYTES, BI_DEV_NUMA, 0, 0x1F002000, 4096, 9);
	check_dev(e += BI_DEV_BYTES, BI_DEV_PROM, 0, 0x1FC00000, 0x10000,
		  BI_IRQ_NONE);
}

/* The module table: placement, names and contents. */
static void check_modules(uint32_t bi, const struct want *w)
{
	uint32_t e = bi + bi_word(bi, BI_MOD_OFF);
	uint32_t low = bi_word(bi, BI_KERNEL_HI);
	for (uint32_t k = 0; k < w->nmods; k++, e += BI_MOD_BYTES) {
		uint32_t pa = bi_word(e, BI_MOD_ADDR);
		uint32_t size = bi_word(e, BI_MOD_SIZE), sum = 0;
		const char *name = (const char *)KSEG0(
			bi + bi_word(e, BI_MOD_NAME));
		CHECK(same_name(name, w->mod_name[k]));
		CHECK_EQ(size, w->mod_size[k]);
		CHECK_EQ(pa % PAGE, 0);
		CHECK(pa >= low && pa + size <= bi);
		for (uint32_t i = 0; i < size; i++)
			sum += *(volatile uint8_t *)KSEG0(pa + i);
		CHECK_EQ(sum, w->mod_sum[k]);
		low = pa + size;
	}
}

/* Every CPU: a2 must be the same; CPU 0 checks the block. */
void smp_main(int cpu, int ncpus, uint32_t bootinfo)
{
	bi_seen[cpu] = bootinfo + 1;
	if (cpu != 0)
		for (;;)
			smp_wait();
	const char *cmdline = (const char *)KSEG0(
		bootinfo + bi_word(bootinfo, BI_CMDLINE_OFF));
	struct want w = {0};
	CHECK(bootinfo != 0);
	parse(cmdline, &w);
	CHECK_EQ(w.end, 1);
	uint32_t len = 0;
	while (cmdline[len])
		len++;
	CHECK_EQ(bi_word(bootinfo, BI_CMDLINE_LEN), len);
	check_header(bootinfo, ncpus, &w);
	check_nodes(bootinfo, &w);
	check_devices(bootinfo, &w);
	check_modules(bootinfo, &w);
	for (int i = 1; i < ncpus; i++) {
		smp_wait_until(&bi_seen[i], 1);
		CHECK_EQ(bi_seen[i], bootinfo + 1);
	}
	smp_printf("bootinfo: at 0x%x, %u bytes, %d cpus, %u nodes, %u "
		   "modules, cmdline '%s'\n", bootinfo,
		   bi_word(bootinfo, BI_SIZE), ncpus, w.nodes, w.nmods,
		   cmdline);
	smp_power_off(0);
}
