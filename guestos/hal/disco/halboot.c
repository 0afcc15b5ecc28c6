/*
 * halboot.c - the virtualized HAL's boot: the virtual boot information
 * block (machine/bootinfo.h format, built by the monitor: the VM's vCPUs,
 * one node, its memory, no devices, its command line), the exception
 * vectors, the vCPUs' boot stacks and the start of the other vCPUs.
 */
#include <stdint.h>

#include "hal.h"
#include "halasm.h"
#include "halint.h"
#include "halmcall.h"
#include "klib.h"
#include "machine/bootinfo.h"

/* Each vCPU's boot stack; it stays its scheduler's stack (entry.S). */
char hal_bootstacks[HAL_NCPU][1 << BOOTSTACK_SHIFT] __attribute__((aligned(16)));

static uint32_t bootinfo;        /* sseg address of the boot information block */
static int ncpus;

extern char hal_genvec[], hal_genvec_end[];
extern char tlbrefill[], tlbrefill_end[];

/* One word of the boot information block. */
static uint32_t bi(uint32_t off)
{
	return *(volatile uint32_t *)(bootinfo + off);
}

/* Called by entry.S on every vCPU, on its boot stack. */
void hal_start(int cpu, int n, uint32_t bootinfo_pa)
{
	if (cpu == 0) {
		ncpus = n;
		kmain(bootinfo_pa);
	}
	kmain_ap();   /* the monitor starts the others only from hal_start_cpus */
}

/* Start the other vCPUs: each runs entry.S, then kmain_ap. */
void hal_start_cpus(void)
{
	__asm__ volatile("sync" ::: "memory");
	for (int c = 1; c < ncpus; c++) {
		int32_t r = mc_vcpu_start((uint32_t)c);
		if (r < 0)
			kpanic("hal: vcpu %d did not start: error %d", c, (int)r);
	}
}

/* Copy code to an exception vector in guest memory (read through sseg by the monitor's mapping). */
static void setvec(uint32_t vec, const char *lo, const char *hi, uint32_t max)
{
	uint32_t n = (uint32_t)(hi - lo);
	if (n > max)
		kpanic("hal: vector code at %p is %u bytes", (void *)lo, n);
	memcpy((void *)vec, lo, n);
}

/* Boot vCPU: read the boot information block and install the vectors. */
void hal_init(uint32_t bootinfo_pa)
{
	bootinfo = (uint32_t)P2V(bootinfo_pa);
	if (bi(BI_MAGIC_OFF) != BI_MAGIC || bi(BI_VERSION_OFF) < 1)
		hal_poweroff(2);
	ncpus = (int)bi(BI_NCPUS);
	setvec(VEC_REFILL, tlbrefill, tlbrefill_end, 0x80);
	setvec(VEC_GENERAL, hal_genvec, hal_genvec_end, 0x80);
}

/* hal_cpu_id (this vCPU's number, from the special page): halintr.S. */

/* Number of vCPUs. */
int hal_ncpus(void)
{
	return ncpus;
}

/* Number of nodes the VM sees (one). */
int hal_nnodes(void)
{
	return (int)bi(BI_NNODES);
}

/* The node of vCPU cpu. */
int hal_cpu_node(int cpu)
{
	uint32_t per = bi(BI_CPUS_PER_NODE);
	return per ? cpu / (int)per : 0;
}

/* The command line the monitor gave this VM, "" if none. */
const char *hal_cmdline(void)
{
	return (const char *)(bootinfo + bi(BI_CMDLINE_OFF));
}

/*
 * Free RAM range i: ranges 0 .. nnodes-1 are each node's RAM above
 * free_base (possibly empty: lo == hi), range nnodes the pages below the
 * kernel above the vector page.
 */
int hal_mem_range(int i, uint32_t *lo, uint32_t *hi, int *node)
{
	uint32_t pg = 4096, free = bi(BI_FREE_BASE), nn = bi(BI_NODE_COUNT);
	if (i < 0 || (uint32_t)i > nn)
		return 0;
	if ((uint32_t)i == nn) {
		*lo = pg;
		*hi = bi(BI_KERNEL_LO) & ~(pg - 1);
		*node = 0;
	} else {
		uint32_t t = bi(BI_NODE_OFF) + (uint32_t)i * BI_NODE_BYTES;
		uint32_t base = bi(t + BI_NODE_MEM_BASE);
		*hi = base + bi(t + BI_NODE_MEM_BYTES);
		*lo = base > free ? base : free;
		*node = i;
	}
	if (*lo > *hi)
		*lo = *hi;
	return 1;
}
