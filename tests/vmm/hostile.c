/*
 * hostile.c - a hostile guest for the isolation test (tests/vmm/run.sh):
 * booted by the monitor in place of a guest kernel (supervisor mode,
 * linked at 0xC0010000), it tries to reach what is not its own, while
 * another VM runs usertests:
 *
 *   tlb.*     TLB entries naming PFNs past its memory, device space, the
 *             largest PFN, a 16 MB page reaching past its memory, and
 *             entries for the monitor's own segment (sseg, special page)
 *   special.* stores to its special page
 *   mc.*      monitor calls with console and DMA addresses outside its
 *             memory (kseg0: the monitor; kseg1: devices; past the end;
 *             wrapping), other disk unit numbers, other vCPU numbers
 *   priv.*    kseg0/kseg1 accesses, a Status that asks for kernel mode
 *
 * Each attempt must be refused (an exception forwarded to it, or a
 * negative monitor-call result) and leave no trace; positive controls
 * (ok.*) check that the same paths do work on its own memory.  It prints
 * one line per check and "hostile: N checks, F failed", repeats the
 * attacks ROUNDS times (so they overlap the other VM's run), and powers
 * off with 0 if nothing got through, else 1.
 */
#include "klib.h"
#include "vmm/include/mcall.h"
#include "machine/bootinfo.h"

#define ROUNDS 20
#define PAGE 4096
#define LO_V 0x2
#define LO_D 0x4
#define LO_G 0x1
#define LO_CACHED (3 << 3)
#define MASK_16M 0x01FFE000
#define TEST_VA 0x00400000u   /* suseg pages the attacks map */

/* hostile_asm.S */
uint32_t hostile_load(uint32_t va);
void hostile_store(uint32_t va, uint32_t value);
void hostile_tlbwi(uint32_t index, uint32_t hi, uint32_t lo0, uint32_t lo1,
		   uint32_t mask);
void hostile_set_status(uint32_t status);
int32_t hostile_mcall(uint32_t n, uint32_t a0, uint32_t a1, uint32_t a2,
		      uint32_t a3, uint32_t t0, uint32_t t1);
extern const uint32_t hostile_vec[], hostile_vec_end[];
extern volatile uint32_t hostile_nexc, hostile_cause, hostile_badva;

static uint32_t mem_bytes;     /* this VM's memory: gpa [0, mem_bytes) */
static int round, nchecks, nfailed;
static volatile uint32_t marker = 0x600DF00D;
static uint8_t dma_a[2 * PAGE] __attribute__((aligned(PAGE)));
static uint8_t dma_b[2 * PAGE] __attribute__((aligned(PAGE)));

/* Write a string to this VM's console. */
static void say(const char *s)
{
	hostile_mcall(MC_CONS_WRITE, (uint32_t)s, strlen(s), 0, 0, 0, 0);
}

/* Count one check; print it in the first round and whenever it fails. */
static void check(const char *name, int ok, const char *how, uint32_t detail)
{
	char line[160];

	nchecks++;
	if (!ok)
		nfailed++;
	if (round > 0 && ok)
		return;
	ksnprintf(line, sizeof line, "hostile: %-28s %s (%s 0x%x)\n", name,
		  ok ? "refused" : "NOT REFUSED", how, detail);
	say(line);
}

/* Print a positive control (a path that must work on its own memory). */
static void control(const char *name, int ok, uint32_t detail)
{
	char line[160];

	nchecks++;
	if (!ok)
		nfailed++;
	if (round > 0 && ok)
		return;
	ksnprintf(line, sizeof line, "hostile: %-28s %s (0x%x)\n", name,
		  ok ? "works" : "BROKEN", detail);
	say(line);
}

/* Did the access just made take an exception?  (Then it was refused.) */
static int faulted(uint32_t before)
{
	return hostile_nexc != before;
}

/* EntryLo of a 4 KB page at guest-physical page pfn, writable. */
static uint32_t lo(uint32_t pfn)
{
	return (pfn << 6) | LO_CACHED | LO_D | LO_V | LO_G;
}

/* Map TEST_VA + slot*8K to pfn (even page); load and store through it. */
static void tlb_attack(const char *name, int slot, uint32_t pfn)
{
	uint32_t va = TEST_VA + (uint32_t)slot * 2 * PAGE, n;

	hostile_tlbwi((uint32_t)slot, va, lo(pfn), 0, 0);
	n = hostile_nexc;
	uint32_t v = hostile_load(va + 0x10);
	check(name, faulted(n), "load, exc", (hostile_cause >> 2) & 31);
	n = hostile_nexc;
	hostile_store(va + 0x10, 0xBADBAD00);
	check(name, faulted(n), "store, exc", (hostile_cause >> 2) & 31);
	(void)v;
}

/* TLB entries with PFNs that are not this VM's memory. */
static void tlb_attacks(void)
{
	uint32_t mgpa = (uint32_t)&marker - GUEST_KERNBASE, n;
	uint32_t va = TEST_VA;

	hostile_tlbwi(1, va, lo(mgpa >> 12), 0, 0);     /* control */
	n = hostile_nexc;
	uint32_t got = hostile_load(va + (mgpa & (PAGE - 1)));
	control("ok.tlb_own_page", !faulted(n) && got == 0x600DF00D, got);
	tlb_attack("tlb.past_memory", 2, mem_bytes >> 12);
	tlb_attack("tlb.far_past_memory", 3, (mem_bytes >> 12) + 0x1000);
	tlb_attack("tlb.device_space", 4, 0x1F000);      /* console, power */
	tlb_attack("tlb.max_pfn", 5, 0xFFFFFF);
	tlb_attack("tlb.prom", 6, 0x1FC00);
	/* A 16 MB page pair: the odd half starts at 16 MB, past 16 MB of memory. */
	uint32_t big = 0x10000000u;
	hostile_tlbwi(7, big, (0u << 6) | LO_CACHED | LO_D | LO_V | LO_G,
		      ((mem_bytes >> 12) << 6) | LO_CACHED | LO_D | LO_V | LO_G,
		      MASK_16M);
	n = hostile_nexc;
	hostile_load(big + 0x01000000 + 0x100);
	check("tlb.large_page_past_memory", faulted(n), "load, exc",
	      (hostile_cause >> 2) & 31);
	hostile_tlbwi(7, 0x7F000000, 0, 0, 0);         /* drop it */
}

/* Stores to the special page, directly and through a guest TLB entry. */
static void special_attacks(void)
{
	uint32_t sp_vm = GUEST_SPECIAL + SP_VM, before = hostile_load(sp_vm), n;
	uint32_t mgpa = (uint32_t)&marker - GUEST_KERNBASE;

	n = hostile_nexc;
	hostile_store(sp_vm, 7);
	check("special.store", faulted(n) && hostile_load(sp_vm) == before,
	      "exc", (hostile_cause >> 2) & 31);
	/* A guest entry for the special page's own address (sseg). */
	hostile_tlbwi(8, GUEST_SPECIAL, lo(mgpa >> 12), lo(mgpa >> 12), 0);
	n = hostile_nexc;
	hostile_store(sp_vm, 7);
	check("special.remap_sseg", faulted(n) && hostile_load(sp_vm) == before,
	      "exc", (hostile_cause >> 2) & 31);
	/* A guest entry over its own kernel text pointing past its memory. */
	uint32_t word = hostile_load(GUEST_KERNLINK);
	hostile_tlbwi(9, GUEST_KERNLINK, lo(mem_bytes >> 12), 0, 0);
	check("tlb.remap_own_sseg", hostile_load(GUEST_KERNLINK) == word,
	      "text unchanged", word);
	hostile_tlbwi(8, 0x7F002000, 0, 0, 0);
	hostile_tlbwi(9, 0x7F004000, 0, 0, 0);
}

/* A monitor call that must be refused with a negative result. */
static void mc_refused(const char *name, uint32_t n, uint32_t a0, uint32_t a1,
		       uint32_t a2, uint32_t a3, uint32_t t0)
{
	int32_t r = hostile_mcall(n, a0, a1, a2, a3, t0, 0);
	check(name, r < 0, "result", (uint32_t)r);
}

/* Console and disk calls with addresses and units that are not its own. */
static void mc_attacks(void)
{
	uint32_t end = GUEST_KERNBASE + mem_bytes;

	mc_refused("mc.cons_kseg0", MC_CONS_WRITE, 0x80010000, 16, 0, 0, 0);
	mc_refused("mc.cons_kseg1_power", MC_CONS_WRITE, 0xBF000010, 4, 0, 0, 0);
	mc_refused("mc.cons_past_memory", MC_CONS_WRITE, end, 16, 0, 0, 0);
	mc_refused("mc.cons_across_end", MC_CONS_WRITE, end - 8, 16, 0, 0, 0);
	mc_refused("mc.cons_wrap", MC_CONS_WRITE, 0xFFFFFFF0, 0x20, 0, 0, 0);
	mc_refused("mc.cons_unmapped_suseg", MC_CONS_WRITE, 0x00700000, 8, 0, 0, 0);
	mc_refused("mc.disk_past_memory", MC_DISK_START, 0, 0, 0, 1, mem_bytes);
	mc_refused("mc.disk_across_end", MC_DISK_START, 0, 0, 0, 2,
		   mem_bytes - 512);
	mc_refused("mc.disk_wrap", MC_DISK_START, 0, 0, 0, 1, 0xFFFFFF00);
	mc_refused("mc.disk_nsect_overflow", MC_DISK_START, 0, 0, 0, 0x800000, 0);
	mc_refused("mc.disk_device_space", MC_DISK_START, 0, 1, 0, 1, 0x1F000000);
	mc_refused("mc.disk_other_unit", MC_DISK_START, 1, 0, 0, 1, 0x100000);
	mc_refused("mc.disk_unit_-1", MC_DISK_START, 0xFFFFFFFF, 0, 0, 1, 0x100000);
	mc_refused("mc.disk_info_other_unit", MC_DISK_INFO, 1, 0, 0, 0, 0);
	mc_refused("mc.disk_done_other_unit", MC_DISK_DONE, 3, 0, 0, 0, 0);
	mc_refused("mc.disk_flush_other_unit", MC_DISK_FLUSH, 2, 0, 0, 0, 0);
	mc_refused("mc.ipi_other_vcpu", MC_IPI_SEND, 99, 0, 0, 0, 0);
	mc_refused("mc.start_other_vcpu", MC_VCPU_START, 99, 0, 0, 0, 0);
	mc_refused("mc.page_zero_past_memory", MC_PAGE_ZERO, mem_bytes, 0, 0, 0, 0);
	mc_refused("mc.page_free_past_memory", MC_PAGE_FREE, 0xFFFFF000, 0, 0, 0, 0);
	mc_refused("mc.unknown_call", 99, 0, 0, 0, 0, 0);
	mc_refused("mc.call_zero", 0, 0, 0, 0, 0, 0);
}

/* Read nsect sectors at sector into guest-physical gpa; the DONE result. */
static int32_t disk_read(uint32_t sector, uint32_t nsect, uint32_t gpa)
{
	int32_t r = hostile_mcall(MC_DISK_START, 0, 0, sector, nsect, gpa, 0);
	if (r < 0)
		return r;
	while ((r = hostile_mcall(MC_DISK_DONE, 0, 0, 0, 0, 0, 0)) == MC_ERR_AGAIN)
		;
	return r;
}

/* Positive disk controls: a read into a page-aligned buffer and one that
 * straddles a page boundary agree; a read past the end fails with 2. */
static void disk_controls(void)
{
	uint32_t ga = (uint32_t)dma_a - GUEST_KERNBASE;
	uint32_t gb = (uint32_t)dma_b - GUEST_KERNBASE + PAGE - 0x300;
	int32_t cap = hostile_mcall(MC_DISK_INFO, 0, 0, 0, 0, 0, 0);
	uint32_t sum = 0;

	control("ok.disk_info", cap > 4, (uint32_t)cap);
	if (cap <= 4)
		return;
	int32_t ra = disk_read(2, 2, ga), rb = disk_read(2, 2, gb);
	for (int i = 0; i < 1024; i++)
		sum += dma_a[i];
	control("ok.disk_read_straddling", ra == 0 && rb == 0 && sum != 0 &&
		memcmp(dma_a, dma_b + PAGE - 0x300, 1024) == 0, sum);
	int32_t rc = disk_read((uint32_t)cap - 1, 2, ga);
	control("ok.disk_range_error", rc == 2, (uint32_t)rc);
}

/* Privileged segments and a Status asking for kernel mode. */
static void priv_attacks(void)
{
	uint32_t n = hostile_nexc;

	hostile_load(0x80010000);
	check("priv.load_kseg0", faulted(n), "exc", (hostile_cause >> 2) & 31);
	n = hostile_nexc;
	hostile_store(0xBF000010, 0);
	check("priv.store_kseg1_power", faulted(n), "exc",
	      (hostile_cause >> 2) & 31);
	hostile_set_status(0x10000000);       /* CU0, KSU = kernel, EXL = 0 */
	n = hostile_nexc;
	hostile_load(0x80010000);
	check("priv.kernel_status_kseg0", faulted(n), "exc",
	      (hostile_cause >> 2) & 31);
	n = hostile_nexc;
	hostile_load(0xBF000000 + 0x104); /* interrupt controller PENDING */
	check("priv.load_kseg1_intc", faulted(n), "exc",
	      (hostile_cause >> 2) & 31);
}

/* Install the vectors, then run every attack ROUNDS times and power off. */
void hostile_main(uint32_t vcpu, uint32_t nvcpus, uint32_t bootinfo)
{
	char line[96];

	(void)vcpu, (void)nvcpus;
	mem_bytes = *(volatile uint32_t *)(GUEST_KERNBASE + bootinfo + BI_MEM_BYTES);
	uint32_t len = (uint32_t)(hostile_vec_end - hostile_vec) * 4;
	memcpy((void *)GUEST_VEC_REFILL, hostile_vec, len);
	memcpy((void *)GUEST_VEC_GENERAL, hostile_vec, len);
	ksnprintf(line, sizeof line, "hostile: %u MB of memory, %d rounds\n",
		  mem_bytes >> 20, ROUNDS);
	say(line);
	for (round = 0; round < ROUNDS; round++) {
		tlb_attacks();
		special_attacks();
		mc_attacks();
		disk_controls();
		priv_attacks();
	}
	ksnprintf(line, sizeof line, "hostile: %d checks, %d failed\n", nchecks,
		  nfailed);
	say(line);
	hostile_mcall(MC_POWEROFF, nfailed ? 1 : 0, 0, 0, 0, 0, 0);
	for (;;)
		;
}
