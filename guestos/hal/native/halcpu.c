/*
 * halcpu.c - the native HAL's CPU services: Status.IE, the Count/Compare
 * timer, WAIT, inter-processor interrupts and device interrupt routing
 * through the interrupt controller, and the power switch.
 *
 * Status (CP0 12), the bits used here (R4000 User's Manual, 4.11):
 *
 *   31  28 27            16 15      8 7      5 4   3   2     1     0
 *  +------+-------....-----+---------+--------+------+-----+-----+----+
 *  |CU3..0|                | IM7..0  |        | KSU  | ERL | EXL | IE |
 *  +------+-------....-----+---------+--------+------+-----+-----+----+
 */
#include <stdint.h>

#include "hal.h"
#include "halasm.h"
#include "halint.h"

/* The Status register. */
uint32_t hal_status(void)
{
	uint32_t s;
	__asm__ volatile("mfc0 %0, $12" : "=r"(s));
	return s;
}

/* Replace the Status register. */
void hal_status_set(uint32_t s)
{
	__asm__ volatile("mtc0 %0, $12\n\tnop\n\tnop" : : "r"(s) : "memory");
}

/* Disable interrupts; return whether they were enabled. */
uint32_t hal_intr_off(void)
{
	uint32_t s = hal_status();
	hal_status_set(s & ~(uint32_t)SR_IE);
	return s & SR_IE;
}

/* Restore the interrupt state hal_intr_off returned. */
void hal_intr_restore(uint32_t state)
{
	if (state)
		hal_intr_on();
}

/* Enable interrupts. */
void hal_intr_on(void)
{
	hal_status_set(hal_status() | SR_IE);
}

/* Are interrupts enabled? */
int hal_intr_enabled(void)
{
	return (hal_status() & SR_IE) != 0;
}

/* Open this CPU's interrupt lines (devices, IPIs, timer); IE stays as is. */
void hal_intr_init_cpu(void)
{
	hal_status_set(hal_status() | SR_IM_DEV | SR_IM_IPI | SR_IM_TIMER);
}

/* The Status a new user thread starts with: user mode, interrupts on. */
uint32_t hal_user_status(void)
{
	return SR_USER | SR_EXL | SR_IE | SR_IM_DEV | SR_IM_IPI | SR_IM_TIMER;
}

/* The Count register. */
uint32_t hal_count(void)
{
	uint32_t c;
	__asm__ volatile("mfc0 %0, $9" : "=r"(c));
	return c;
}

/* Interrupt when Count reaches compare; also acknowledges the timer. */
void hal_timer_set(uint32_t compare)
{
	__asm__ volatile("mtc0 %0, $11" : : "r"(compare) : "memory");
}

/* Park the CPU until an interrupt is pending (R4600 WAIT). */
void hal_idle(void)
{
	__asm__ volatile(".set push\n\t.set mips3\n\twait\n\t.set pop" ::: "memory");
}

/* Interrupt CPU cpu (IP3). */
void hal_ipi_send(int cpu)
{
	INTC(INTC_IPI_SEND) = 1u << cpu;
}

/* Clear this CPU's pending IPIs; return the senders' bits. */
uint32_t hal_ipi_take(void)
{
	uint32_t from = INTC(INTC_IPI);
	INTC(INTC_IPI) = from;
	return from;
}

/* Route the console and the disks to CPU 0 and enable them. */
void hal_intc_init(void)
{
	uint32_t en = 1u << IRQ_CONSOLE;
	for (int k = 0; k < hal_bootinfo_disks(); k++)
		en |= 1u << IRQ_DISK(k);
	for (int s = 0; s < 16; s++)
		INTC(INTC_TARGET(s)) = 0;
	INTC(INTC_ENABLE) = en;
}

/* Device sources interrupting this CPU (bit s = source s). */
uint32_t hal_dev_pending(void)
{
	return INTC(INTC_CAUSE);
}

/* Acknowledge serviced sources at the controller. */
void hal_dev_ack(uint32_t sources)
{
	INTC(INTC_PENDING) = sources;
}

/* Power the machine off with an exit status. */
void hal_poweroff(int status)
{
	DEVREG(PA_POWER) = (uint32_t)status;
	for (;;)
		;
}
