/*
 * halfpu.c - the FPU for the lazy switch (kernel/fpu.c), the same in both
 * HALs.  The kernel runs with Status.CU1 clear, so it opens the FPU only
 * around a save or a restore, through hal_status/hal_status_set: the real
 * Status natively; the virtual one under the monitor, which follows the
 * virtual CU1 with the real one (an mtc0 Status, emulated), so the FPU
 * instructions (klib's kfpu_save/kfpu_load) run without trapping.  o32 uses Status.FR = 0: 32
 * registers of 32 bits, $f0..$f31, and the control/status register FCSR
 * ($31 of CP1).
 */
#include <stdint.h>

#include "hal.h"
#include "halasm.h"
#include "halint.h"
#include "klib.h"

/* Let the kernel use the FPU (CU1 on). */
void hal_fpu_enable(void)
{
	hal_status_set(hal_status() | SR_CU1);
}

/* Close the FPU to the kernel again. */
void hal_fpu_disable(void)
{
	hal_status_set(hal_status() & ~(uint32_t)SR_CU1);
}

/* Store the 32 FPU registers and FCSR (the FPU must be enabled). */
void hal_fpu_save(uint32_t *regs32, uint32_t *fcsr)
{
	*fcsr = kfpu_save(regs32);
}

/* Load the 32 FPU registers and FCSR (the FPU must be enabled). */
void hal_fpu_restore(const uint32_t *regs32, uint32_t fcsr)
{
	kfpu_load(regs32, fcsr);
}
