/*
 * halboot.c - the native HAL's boot: the boot information block, the
 * exception vectors, the CPUs' boot stacks and the release of the other
 * CPUs.  docs/machine.md, sections 3 and 4, describe the block.
 */
#include <stdint.h>

#include "hal.h"
#include "halasm.h"
#include "halint.h"
#include "klib.h"
#include "machine/bootinfo.h"

/* Each CPU's boot stack; it stays its scheduler's stack (entry.S). */
char hal_bootstacks[HAL_NCPU][1 << BOOTSTACK_SHIFT] __attribute__((aligned(16)));

static uint32_t bootinfo;        /* kseg0 address of the boot information block */
static volatile int ap_go;       /* set when the other CPUs may run */
static int ncpus;

extern char hal_genvec[], hal_genvec_end[];
extern char tlbrefill[], tlbrefill_end[];

/* One word of the boot information block. */
static uint32_t bi(uint32_t off)
{
	return *(volatile uint32_t *)(bootinfo + off);
}

/* Called by entry.S on every CPU, on its boot stack. */
void hal_start(int cpu, int n, uint32_t bootinfo_pa)
{
	if (cpu == 0) {
		ncpus = n;
		kmain(bootinfo_pa);
	}
	hal_ap_wait();
	kmain_ap();
}

/* Park this CPU (WAIT with only the IPI line open) until hal_start_cpus. */
void hal_ap_wait(void)
{
	hal_status_set(hal_status() | SR_IM_IPI);
	while (!ap_go)
		hal_idle();
	hal_ipi_take();
}

/* Release the other CPUs: they leave hal_ap_wait and call kmain_ap. */
void hal_start_cpus(void)
{
	__asm__ volatile("sync" ::: "memory");
	ap_go = 1;
	for (int c = 1; c < ncpus; c++)
		hal_ipi_send(c);
}

/* Copy code to an exception vector; the machine's caches are coherent. */
static void setvec(uint32_t vec, const char *lo, const char *hi, uint32_t max)
{
	uint32_t n = (uint32_t)(hi - lo);
	if (n > max)
		kpanic("hal: vector code at %p is %u bytes", (void *)lo, n);
	memcpy((void *)vec, lo, n);
}

/* Boot CPU: read the boot information block and install the vectors. */
void hal_init(uint32_t bootinfo_pa)
{
	bootinfo = (uint32_t)P2V(bootinfo_pa);
	if (bi(BI_MAGIC_OFF) != BI_MAGIC || bi(BI_VERSION_OFF) < 1)
		hal_poweroff(2);
	ncpus = (int)bi(BI_NCPUS);
	setvec(VEC_REFILL, tlbrefill, tlbrefill_end, 0x80);
	setvec(VEC_XREFILL, tlbrefill, tlbrefill_end, 0x80);
	setvec(VEC_GENERAL, hal_genvec, hal_genvec_end, 0x80);
	hal_intc_init();
	hal_cons_init();
}

/* This CPU's number, from Context.PTEBase (entry.S put it there). */
int hal_cpu_id(void)
{
	uint32_t ctx;
	__asm__ volatile("mfc0 %0, $4" : "=r"(ctx));
	return (int)(ctx >> CONTEXT_CPU_SHIFT);
}

/* Number of CPUs. */
int hal_ncpus(void)
{
	return ncpus;
}

/* Number of nodes. */
int hal_nnodes(void)
{
	return (int)bi(BI_NNODES);
}

/* The node of CPU cpu. */
int hal_cpu_node(int cpu)
{
	return cpu / (int)bi(BI_CPUS_PER_NODE);
}

/* Count register ticks per second: half the CPU clock. */
uint32_t hal_timer_hz(void)
{
	return bi(BI_CLOCK_MHZ) * 500000u;
}

/* The --append text, "" if none. */
const char *hal_cmdline(void)
{
	return (const char *)(bootinfo + bi(BI_CMDLINE_OFF));
}

/* Number of disks the machine has. */
int hal_bootinfo_disks(void)
{
	int n = 0;
	uint32_t t = bi(BI_DEV_OFF);
	for (uint32_t k = 0; k < bi(BI_DEV_COUNT); k++, t += BI_DEV_BYTES)
		if (bi(t + BI_DEV_TYPE) == BI_DEV_DISK)
			n++;
	return n;
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
