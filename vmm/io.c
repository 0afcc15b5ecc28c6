/*
 * io.c - the monitor's devices as a whole: finding the disks, opening
 * the interrupt lines, and dispatching the real device interrupts to the
 * console (vcons.c) and the disks (vdisk.c).
 *
 * Interrupt controller (docs/machine.md section 6), the registers used:
 *
 *   +0x04 PENDING  W1C: acknowledge sources
 *   +0x08 ENABLE   bit s: source s may interrupt (0 console, 1+u disk u)
 *   +0x40+4s TARGET[s]: left at reset's CPU 0
 *
 * Every device source goes to CPU 0, whose Status.IM2 the vcpu part keeps
 * open while guests run; io_intr is called there with the CAUSE bits.
 */
#include "vmm.h"
#include "machine/bootinfo.h"

#define INTC_REG(off) (*(volatile uint32_t *)(0xBF000100u + (off)))
#define INTC_PENDING 0x04
#define INTC_ENABLE  0x08
#define SRC_CONSOLE  0
#define SRC_DISK(u)  (1 + (u))
#define IO_UNITS     8

/* Note every disk unit the boot information block lists. */
static void io_find_disks(void)
{
	uint32_t t = vmm_bi(BI_DEV_OFF);

	for (uint32_t k = 0; k < vmm_bi(BI_DEV_COUNT); k++, t += BI_DEV_BYTES)
		if (vmm_bi(t + BI_DEV_TYPE) == BI_DEV_DISK)
			vdisk_found((int)vmm_bi(t + BI_DEV_UNIT));
}

/* Set up the consoles and disks and open their interrupts (boot CPU). */
void io_init(void)
{
	uint32_t enable = 1u << SRC_CONSOLE;

	io_find_disks();
	vdisk_init();
	vcons_init();
	for (int id = 0; id < vmm_nvms; id++)
		for (int k = 0; k < vmm_vms[id].ndisks; k++)
			enable |= 1u << SRC_DISK(vmm_vms[id].disks[k]);
	INTC_REG(INTC_ENABLE) |= enable;
}

/* Service the device sources interrupting this CPU, then acknowledge them. */
void io_intr(uint32_t sources)
{
	if (sources & (1u << SRC_CONSOLE))
		vcons_intr();
	for (int u = 0; u < IO_UNITS; u++)
		if (sources & (1u << SRC_DISK(u)))
			vdisk_intr(u);
	INTC_REG(INTC_PENDING) = sources;
}

/* Periodic device work from the scheduler: old partial lines, input room. */
void io_poll(void)
{
	vcons_flush_old(0);
	vcons_poll_input();
}
