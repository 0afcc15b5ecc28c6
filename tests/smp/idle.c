/*
 * idle.c - every CPU parked in WAIT at once, and what can end it.
 *
 * The command line (--append) picks the case:
 *   disk L CPU 0 starts a disk read of 8 sectors, routed to it as source 1,
 *          and waits with only IM2 set (IE=0: WAIT just returns); the
 *          other CPUs park for good.  With every CPU parked the machine
 *          must move time to the disk's completion instead of giving up,
 *          and CPU 0's Count must have passed the command's latency L
 *          (cycles, from the test's [disk] settings) at half the clock,
 *          less one quantum (the command is timed from the machine's time,
 *          which may lag CPU 0's clock by up to a quantum).
 *          The sectors must hold bytes 0, 1, 2, ... (the test writes them).
 *   rx     console input wakes CPU 1 (RXIE, source 0 routed to CPU 1):
 *          it prints the line it reads; the machine waits for the host.
 *   hang   every CPU waits with IM2 and IM3 but nothing is enabled at
 *          the controller: nothing can wake one (exit 4 expected).
 */
#include "tests/smp/smp.h"

#define CON_STATUS 0x4u
#define CON_RXDATA 0x8u
#define CON_CONTROL 0xCu
#define CON_RXIE 0x1u
#define DISK_SECTOR 0x00u
#define DISK_COUNT 0x04u
#define DISK_DMA 0x08u
#define DISK_COMMAND 0x0Cu
#define DISK_STATUS 0x10u
#define DISK_IE 0x14u
#define DISK_ACK 0x18u

static uint8_t buf[8 * 512] __attribute__((aligned(512)));

/* Whether the command line's first word is word. */
static int is(const char *cmdline, const char *word)
{
	while (*word && *cmdline == *word)
		cmdline++, word++;
	return *word == '\0' && (*cmdline == '\0' || *cmdline == ' ');
}

/* The decimal number after the first word of the command line. */
static uint32_t arg(const char *cmdline)
{
	uint32_t v = 0;
	while (*cmdline && *cmdline != ' ')
		cmdline++;
	while (*cmdline == ' ')
		cmdline++;
	while (*cmdline >= '0' && *cmdline <= '9')
		v = v * 10 + (uint32_t)(*cmdline++ - '0');
	return v;
}

/* CPU 0: a disk read of latency cycles completes while every CPU waits. */
static void disk_case(uint32_t latency)
{
	intc_write(DEV_INTC_TARGET(1), 0);
	intc_write(DEV_INTC_ENABLE, 1u << 1);
	mmio_write32(DISK_PA(0) + DISK_SECTOR, 0);
	mmio_write32(DISK_PA(0) + DISK_COUNT, 8);
	mmio_write32(DISK_PA(0) + DISK_DMA, (uint32_t)(uintptr_t)buf & 0x1FFFFFFF);
	mmio_write32(DISK_PA(0) + DISK_IE, 1);
	uint32_t before = MFC0(9);
	mmio_write32(DISK_PA(0) + DISK_COMMAND, 1);
	CHECK_EQ(mmio_read32(DISK_PA(0) + DISK_STATUS) & 3, 1); /* BUSY */
	smp_set_status(ST_IM(2));
	smp_wait();
	uint32_t after = MFC0(9);
	CHECK_EQ(mmio_read32(DISK_PA(0) + DISK_STATUS) & 0xFF03, 2); /* DONE */
	CHECK_EQ(intc_read(DEV_INTC_CAUSE), 1u << 1);
	mmio_write32(DISK_PA(0) + DISK_ACK, 1);
	intc_write(DEV_INTC_PENDING, 1u << 1);
	CHECK_EQ(intc_read(DEV_INTC_CAUSE), 0);
	for (uint32_t i = 0; i < sizeof buf; i++)
		CHECK_EQ(((volatile uint8_t *)buf)[i], i & 0xFF);
	CHECK(latency > 0);
	CHECK(after - before >= (latency - 2000) / 2);
	CHECK(after - before <= (latency + 4000) / 2);
	smp_printf("idle: disk read done while every cpu waited (count "
		   "advanced %u)\n", after - before);
	smp_power_off(0);
}

/* CPU 1: sleep until console input arrives, print the line, power off. */
static void rx_case(void)
{
	char line[64];
	uint32_t n = 0;
	mmio_write32(CONSOLE_PA + CON_CONTROL, CON_RXIE);
	smp_set_status(ST_IM(2));
	for (;;) {
		smp_wait();
		uint32_t c;
		while ((c = mmio_read32(CONSOLE_PA + CON_RXDATA)) != 0xFFFFFFFF) {
			if (c == '\n' || n == sizeof line - 1) {
				line[n] = '\0';
				smp_printf("idle: cpu 1 woke and read '%s'\n",
					   line);
				smp_power_off(0);
			}
			line[n++] = (char)c;
		}
	}
}

/* Every CPU: play its part of the case on the command line. */
void smp_main(int cpu, int ncpus, uint32_t bootinfo)
{
	const char *cmdline = (const char *)KSEG0(
		bootinfo + bi_word(bootinfo, BI_CMDLINE_OFF));
	CHECK(ncpus >= 2);
	if (cpu == 0 && is(cmdline, "disk"))
		disk_case(arg(cmdline));
	if (cpu == 0 && is(cmdline, "rx")) {
		intc_write(DEV_INTC_TARGET(0), 1);
		intc_write(DEV_INTC_ENABLE, 1);
	}
	if (cpu == 1 && is(cmdline, "rx"))
		rx_case();
	if (is(cmdline, "hang"))
		smp_set_status(ST_IM(2) | ST_IM(3));
	for (;;)
		smp_wait();
}
