/*
 * boot.h - what the machine puts in RAM besides the kernel: the --module
 * files and the boot information block (layout in machine/bootinfo.h).
 *
 *   kernel_lo      kernel_hi   page-aligned from here up
 *   +--------------+  ...  +----------+----------+-----------+------------
 *   | kernel (ELF) |       | module 0 | module 1 | boot info | free RAM
 *   +--------------+  ...  +----------+----------+-----------+------------
 *                                                 ^ a2        ^ free_base
 */
#ifndef MACHINE_BOOT_H
#define MACHINE_BOOT_H

#include <stdint.h>
#include <stdio.h>

#include "machine/machine.h"

#define BOOT_FLOOR 0x1000u /* nothing is placed in page 0 (vectors) */

/* What to load besides the kernel. */
struct boot_params {
	const char *const *modules; /* file names, loaded in this order */
	int nmodules;
	const char *append;         /* command line, or NULL for "" */
	bool kernel_in_ram;         /* kernel_lo/hi are valid */
	uint32_t kernel_lo, kernel_hi; /* physical RAM of the kernel, [lo, hi) */
};

/* Load the modules and write the block; sets m->bootinfo_pa.  0, or -1
 * after a one-line error on err. */
int boot_load(struct machine *m, const struct boot_params *p, FILE *err);

#endif
