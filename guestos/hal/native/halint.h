/*
 * halint.h - the native HAL's private functions, shared by its files
 * (the kernel sees only hal.h), and the kernel entry points it calls.
 */
#ifndef GUESTOS_HALINT_H
#define GUESTOS_HALINT_H

#include <stdint.h>

/* Status.IM bits of the lines the kernel uses (docs/machine.md, 5). */
#define SR_IM_DEV   0x00000400 /* IP2: devices, through the controller */
#define SR_IM_IPI   0x00000800 /* IP3: inter-processor interrupts */
#define SR_IM_TIMER 0x00008000 /* IP7: Count = Compare */

/* The interrupt controller's registers (docs/machine.md, section 6). */
#define INTC_WHOAMI   0x00
#define INTC_PENDING  0x04
#define INTC_ENABLE   0x08
#define INTC_CAUSE    0x10
#define INTC_IMASK    0x14
#define INTC_IPI_SEND 0x18
#define INTC_IPI      0x1C
#define INTC_TARGET(s) (0x40 + 4 * (s))
#define INTC(off) DEVREG(PA_INTC + (off))

uint32_t hal_status(void);
void hal_status_set(uint32_t s);
void hal_intc_init(void);
void hal_cons_init(void);
void hal_ap_wait(void);
int hal_bootinfo_disks(void);

/* The kernel's entry points (kernel/main.c). */
void kmain(uint32_t bootinfo_pa) __attribute__((noreturn));
void kmain_ap(void) __attribute__((noreturn));

#endif
