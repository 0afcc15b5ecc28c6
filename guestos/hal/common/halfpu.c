/*
 * halfpu.c - the FPU for the lazy switch (kernel/fpu.c), the same in both
 * HALs.  The kernel runs with Status.CU1 clear, so it opens the FPU only
 * around a save or a restore, through hal_status/hal_status_set: the real
 * Status natively; the virtual one under the monitor, which follows the
 * virtual CU1 with the real one (an mtc0 Status, emulated), so the FPU
 * instructions below run without trapping.  o32 uses Status.FR = 0: 32
 * registers of 32 bits, $f0..$f31, and the control/status register FCSR
 * ($31 of CP1).
 */
#include <stdint.h>

#include "hal.h"
#include "halasm.h"
#include "halint.h"

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

#define FP_EACH(op) \
	op(0) op(1) op(2) op(3) op(4) op(5) op(6) op(7) op(8) op(9) op(10) \
	op(11) op(12) op(13) op(14) op(15) op(16) op(17) op(18) op(19) \
	op(20) op(21) op(22) op(23) op(24) op(25) op(26) op(27) op(28) \
	op(29) op(30) op(31)
#define FP_SAVE(n) "swc1 $f" #n ", " #n "*4(%1)\n\t"
#define FP_LOAD(n) "lwc1 $f" #n ", " #n "*4(%1)\n\t"

/* Store the 32 FPU registers and FCSR (the FPU must be enabled). */
void hal_fpu_save(uint32_t *regs32, uint32_t *fcsr)
{
	uint32_t c;
	__asm__ volatile(".set push\n\t.set hardfloat\n\t.set fp=32\n\t"
			 FP_EACH(FP_SAVE)
			 "cfc1 %0, $31\n\t.set pop"
			 : "=r"(c) : "r"(regs32) : "memory");
	*fcsr = c;
}

/* Load the 32 FPU registers and FCSR (the FPU must be enabled). */
void hal_fpu_restore(const uint32_t *regs32, uint32_t fcsr)
{
	__asm__ volatile(".set push\n\t.set hardfloat\n\t.set fp=32\n\t"
			 FP_EACH(FP_LOAD)
			 "ctc1 %0, $31\n\t.set pop"
			 : : "r"(fcsr), "r"(regs32) : "memory");
}
