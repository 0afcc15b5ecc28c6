/*
 * trapframe.h - the registers saved by trap entry (hal/native/trapasm.S)
 * on the kernel stack, in register-number order (halasm.h has the
 * offsets).  k0/k1 are not saved: trap entry owns them.
 *
 *   +0    zero at v0 v1 a0 a1 a2 a3      r0..r7
 *   +32   t0 .. t7                       r8..r15
 *   +64   s0 .. s7                       r16..r23
 *   +96   t8 t9 k0 k1 gp sp fp ra        r24..r31
 *   +128  hi lo status cause epc badvaddr
 */
#ifndef GUESTOS_TRAPFRAME_H
#define GUESTOS_TRAPFRAME_H

#include <stdint.h>

struct trapframe {
	uint32_t zero, at, v0, v1, a0, a1, a2, a3;
	uint32_t t0, t1, t2, t3, t4, t5, t6, t7;
	uint32_t s0, s1, s2, s3, s4, s5, s6, s7;
	uint32_t t8, t9, k0, k1, gp, sp, fp, ra;
	uint32_t hi, lo;
	uint32_t status;   /* Status at the trap (EXL set; KSU = previous mode) */
	uint32_t cause;
	uint32_t epc;      /* where to resume */
	uint32_t badvaddr;
};

#endif
