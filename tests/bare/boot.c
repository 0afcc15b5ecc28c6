/*
 * boot.c - what crt0 and klib_boot leave behind for main.
 */
#include "ktest.h"
#include "machine/bootinfo.h"

extern char klib_stacks[], __bss_start[], __bss_end[];
extern volatile uint32_t klib_released;
extern const uint32_t klib_vec_general[4], klib_vec_refill[4];

static int main_ncpus = -1;
static uint32_t main_bootinfo = 0xffffffff;
static uint32_t zeroed[1024]; /* in .bss */

TEST(arguments_reach_globals)
{
	KEXPECT_EQ(klib_ncpus, main_ncpus);
	KEXPECT_TRUE(klib_ncpus >= 1 && klib_ncpus <= KLIB_MAX_CPUS);
	KEXPECT_EQ(klib_bootinfo, main_bootinfo);
	KEXPECT_EQ(klib_released, 1);
}

TEST(stack_is_cpu0s)
{
	char here;
	uintptr_t sp = (uintptr_t)&here, base = (uintptr_t)klib_stacks;
	KEXPECT_TRUE(sp >= base && sp < base + KLIB_STACK_SIZE);
	KEXPECT_EQ(base % 16, 0);
	KEXPECT_TRUE((uintptr_t)_end >= base + KLIB_MAX_CPUS * KLIB_STACK_SIZE);
}

TEST(bss_is_clear)
{
	KEXPECT_EQ((uintptr_t)__bss_start % 4, 0);
	KEXPECT_EQ((uintptr_t)__bss_end % 4, 0);
	KEXPECT_TRUE((char *)zeroed >= __bss_start && (char *)(zeroed + 1024) <= __bss_end);
	uint32_t any = 0;
	for (int i = 0; i < 1024; i++)
		any |= zeroed[i];
	KEXPECT_EQ(any, 0);
}

TEST(vectors_installed)
{
	const uint32_t *general = (const uint32_t *)KLIB_VEC_GENERAL;
	const uint32_t *refill = (const uint32_t *)KLIB_VEC_REFILL;
	for (int i = 0; i < 4; i++) {
		KEXPECT_EQ(general[i], klib_vec_general[i]);
		KEXPECT_EQ(refill[i], klib_vec_refill[i]);
	}
}

/* Word off of the boot information block. */
static uint32_t bi_word(uint32_t off)
{
	return *(volatile uint32_t *)((klib_bootinfo | KSEG0_BASE) + off);
}

TEST(bootinfo_above_program)
{
	if (klib_bootinfo == 0) {
		kprintf("boot: no boot information block (a2 = 0)\n");
		return;
	}
	/* The machine puts it above the loaded image, stacks included. */
	KEXPECT_TRUE(klib_bootinfo >= (uint32_t)_end - KSEG0_BASE);
	KEXPECT_EQ(klib_bootinfo % BI_PAGE, 0);
	KEXPECT_EQ(bi_word(BI_MAGIC_OFF), BI_MAGIC);
	KEXPECT_EQ(bi_word(BI_NCPUS), (uint32_t)klib_ncpus);
	KEXPECT_TRUE(bi_word(BI_KERNEL_HI) >= (uint32_t)_end - KSEG0_BASE);
}

TEST(program_placement)
{
	KEXPECT_EQ((uintptr_t)main & 0xfff00000, KLIB_LOAD_ADDR & 0xfff00000);
	KEXPECT_TRUE((uintptr_t)main >= KLIB_LOAD_ADDR);
}

/* Record main's arguments, then run the tests on CPU 0. */
int main(int cpu, int ncpus, uint32_t bootinfo)
{
	if (cpu != 0)
		return 0;
	main_ncpus = ncpus;
	main_bootinfo = bootinfo;
	return ktest_run("boot");
}
