/*
 * fpu.c - the 32 FPU registers and FCSR stored and loaded as 32-bit
 * words (Status.FR = 0, o32 code), for the guest kernel's lazy FPU
 * switching and the monitor's.  The caller has made CP1 usable (CU1).
 */
#include "klib.h"

#define KFPU_EACH(op) \
	op(0) op(1) op(2) op(3) op(4) op(5) op(6) op(7) op(8) op(9) op(10) \
	op(11) op(12) op(13) op(14) op(15) op(16) op(17) op(18) op(19) \
	op(20) op(21) op(22) op(23) op(24) op(25) op(26) op(27) op(28) \
	op(29) op(30) op(31)
#define KFPU_SAVE(n) "swc1 $f" #n ", " #n "*4(%1)\n\t"
#define KFPU_LOAD(n) "lwc1 $f" #n ", " #n "*4(%1)\n\t"

/* Store f0..f31 into regs32[0..31]; return FCSR. */
uint32_t kfpu_save(uint32_t *regs32)
{
	uint32_t c;
	__asm__ volatile(".set push\n\t.set hardfloat\n\t.set fp=32\n\t"
			 KFPU_EACH(KFPU_SAVE)
			 "cfc1 %0, $31\n\t.set pop"
			 : "=r"(c) : "r"(regs32) : "memory");
	return c;
}

/* Load f0..f31 from regs32[0..31] and FCSR from fcsr. */
void kfpu_load(const uint32_t *regs32, uint32_t fcsr)
{
	__asm__ volatile(".set push\n\t.set hardfloat\n\t.set fp=32\n\t"
			 KFPU_EACH(KFPU_LOAD)
			 "ctc1 %0, $31\n\t.set pop"
			 : : "r"(fcsr), "r"(regs32) : "memory");
}
