/*
 * halint.h - the virtualized HAL's private functions, shared by its files
 * (the kernel sees only hal.h), and the kernel entry points it calls.
 */
#ifndef GUESTOS_HALINT_H
#define GUESTOS_HALINT_H

#include <stdint.h>

/* Virtual Status.IM bits of the lines the kernel uses (mcall.h, the contract). */
#define SR_IM_DEV   0x00000400 /* IP2: virtual devices (devpend) */
#define SR_IM_IPI   0x00000800 /* IP3: virtual IPIs (ipipend) */
#define SR_IM_TIMER 0x00008000 /* IP7: virtual Count = Compare */

/*
 * Lazy interrupt disabling.  The kernel's "interrupts off" is a word per
 * vCPU, the soft IE, so that spinlocks cost no trap; the virtual
 * Status.IE (the real one, as far as the guest goes) stays on until an
 * interrupt actually arrives while the soft IE is off (halintr.S reads
 * and swaps it).  trapasm.S then turns the virtual IE off and returns at
 * once; hal_intr_on turns it on again (one mtc0) and the monitor delivers
 * what waited:
 *
 *   soft IE  virtual IE   meaning
 *      1         1        interrupts on
 *      0         1        off, nothing arrived yet (no trap was spent)
 *      0         0        off, an interrupt waits (or just after a trap)
 *
 * The soft IE (0 or SR_IE) is the word PV_IE of the vCPU's private page
 * (halasm.h), at a fixed address that always means the vCPU the code
 * runs on.
 */

uint32_t hal_status(void);
void hal_status_set(uint32_t s);

/* The kernel's entry points (kernel/main.c). */
void kmain(uint32_t bootinfo_pa) __attribute__((noreturn));
void kmain_ap(void) __attribute__((noreturn));

#endif
