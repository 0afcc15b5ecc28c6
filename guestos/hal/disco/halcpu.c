/*
 * halcpu.c - the virtualized HAL's CPU services: the virtual Status.IE,
 * the virtual timer, the idle hint, virtual IPIs and device interrupts,
 * and power-off, through the special page and monitor calls.
 *
 * Status (CP0 12), the bits used here (R4000 User's Manual, 4.11); the
 * guest reads its virtual copy from the special page (a plain load) and
 * writes it with mtc0, which traps and which the monitor emulates:
 *
 *   31  28 27            16 15      8 7      5 4   3   2     1     0
 *  +------+-------....-----+---------+--------+------+-----+-----+----+
 *  |CU3..0|                | IM7..0  |        | KSU  | ERL | EXL | IE |
 *  +------+-------....-----+---------+--------+------+-----+-----+----+
 *
 * The kernel's interrupt enable is lazy, a soft IE per vCPU (halint.h).
 *
 * hal_count reads Count with mfc0 (a trap): the special page's count word
 * is only the value at the vCPU's last entry to the monitor, too old for
 * the tick arithmetic of kernel/trap.c.  It runs a few times per tick.
 */
#include <stdint.h>

#include "hal.h"
#include "halasm.h"
#include "halint.h"
#include "halmcall.h"

_Static_assert(((uint32_t)SPECIAL_HI << 16) + (uint32_t)SPECIAL_LO(0) == GUEST_SPECIAL,
	       "halasm.h: SPECIAL_HI/LO must reach GUEST_SPECIAL");

/* The virtual Status register, from the special page. */
uint32_t hal_status(void)
{
	return SPECIAL(SP_STATUS);
}

/* Replace the virtual Status register (mtc0: the monitor emulates it). */
void hal_status_set(uint32_t s)
{
	__asm__ volatile("mtc0 %0, $12" : : "r"(s) : "memory");
}

/* hal_intr_off, hal_intr_on and hal_intr_enabled: halintr.S. */

/* Restore the interrupt state hal_intr_off returned. */
void hal_intr_restore(uint32_t state)
{
	if (state)
		hal_intr_on();
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

/* Virtual Count ticks per second, as the monitor says. */
uint32_t hal_timer_hz(void)
{
	return SPECIAL(SP_HZ);
}

/* The virtual Count register (mfc0: emulated, exact). */
uint32_t hal_count(void)
{
	uint32_t c;
	__asm__ volatile("mfc0 %0, $9" : "=r"(c));
	return c;
}

/* Interrupt when the virtual Count reaches compare; also acknowledges the timer. */
void hal_timer_set(uint32_t compare)
{
	mc_timer_set(compare);
}

/* Give the physical CPU away until an interrupt is pending for this vCPU. */
void hal_idle(void)
{
	mc_idle();
}

/* Send a virtual IPI to vCPU cpu (IP3 there). */
void hal_ipi_send(int cpu)
{
	mc_ipi_send((uint32_t)cpu);
}

/* Clear this vCPU's pending IPIs; return the senders' bits. */
uint32_t hal_ipi_take(void)
{
	return (uint32_t)mc_ipi_take();
}

/* Virtual device sources interrupting this vCPU (bit s = source s). */
uint32_t hal_dev_pending(void)
{
	return SPECIAL(SP_DEVPEND);
}

/* Acknowledge serviced sources. */
void hal_dev_ack(uint32_t sources)
{
	if (sources)
		mc_dev_ack(sources);
}

/* This VM is done: power it off with an exit status. */
void hal_poweroff(int status)
{
	mc_poweroff((uint32_t)status);
	for (;;)
		;
}
