/*
 * power.h - the power device (the bare-metal contract's power-off).
 *
 *   window 0x1F000010, 16 bytes
 *
 *   +0x0 OFF   W  sw: power the machine off; bits 7..0 of the value are
 *                 the exit status of build/minidisco.  The storing CPU
 *                 stops after this instruction, the others at once.
 *   any   R  loads of 1, 2 or 4 bytes anywhere in the window read 0
 *
 * Any other store (other sizes, other offsets) is a bus error.

 *
 * MIPS C and assembly may include this file for the offsets alone:
 * define DEV_REGS_ONLY first (or let __ASSEMBLER__ do it).
 */
#ifndef DEVICES_POWER_H
#define DEVICES_POWER_H

#define DEV_POWER_SIZE 16
#define DEV_POWER_OFF 0x0

#if !defined(__ASSEMBLER__) && !defined(DEV_REGS_ONLY)
#include <stdbool.h>
#include <stdint.h>

#include "devices/device.h"

/* Create the power device at base; NULL if out of memory. */
struct device *dev_power_create(const struct dev_services *svc,
				uint32_t base);
/* Whether the machine was powered off; if so its status and CPU. */
bool dev_power_is_off(const struct device *d, int *status, int *cpu);
#endif

#endif
