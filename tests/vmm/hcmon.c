/*
 * hcmon.c - commits a host-channel record named "monitor" (bare metal,
 * klib): valid JSON, or with --append "bad" text that is not JSON, or
 * with --append "big" valid JSON longer than 64 KiB.  tests/vmm/run.sh
 * checks the top-level "monitor" key of the --stats report for each.
 */
#include "klib.h"
#include "machine/bootinfo.h"

#define HC_DATA    (*(volatile uint8_t *)0xBF000200u)
#define HC_COMMAND (*(volatile uint32_t *)0xBF000204u)

/* Append s to the current record. */
static void hc_puts(const char *s)
{
	while (*s)
		HC_DATA = (uint8_t)*s++;
}

/* The --append text. */
static const char *hc_cmdline(uint32_t bi)
{
	const volatile uint32_t *w = (const volatile uint32_t *)(bi | KSEG0_BASE);
	return (const char *)((bi + w[BI_CMDLINE_OFF / 4]) | KSEG0_BASE);
}

/* Commit the record the command line asks for; power off with 0. */
int main(int cpu, int ncpus, uint32_t bootinfo)
{
	const char *how = hc_cmdline(bootinfo);

	(void)ncpus;
	if (cpu != 0)
		return 0;
	hc_puts("monitor\n");
	if (strcmp(how, "bad") == 0) {
		hc_puts("{\"vms\": [1, 2");
	} else if (strcmp(how, "big") == 0) {
		hc_puts("{\"pad\": \"");
		for (int i = 0; i < 70000; i++)
			HC_DATA = 'x';
		hc_puts("\", \"vms\": 3}");
	} else {
		hc_puts("{\"vms\": [1, 2], \"tlb\": \"asid\"}");
	}
	HC_COMMAND = 1;
	return 0;
}
