/*
 * halasm.h - names for the virtualized HAL's assembly: those of halregs.h
 * (registers, CP0, struct offsets, as natively), and the special page.
 */
#ifndef GUESTOS_HALASM_H
#define GUESTOS_HALASM_H

#include "halregs.h"
#include "mcall.h"

/*
 * The special page (mcall.h) from assembly, with one lui and no free
 * register: GUEST_SPECIAL = 0xDFFFE000 = (0xE000 << 16) - 0x2000, so
 *     lui  k0, SPECIAL_HI
 *     lw   k0, SPECIAL_LO(SP_STATUS)(k0)
 * reads the virtual Status.
 */
#define SPECIAL_HI     0xE000
#define SPECIAL_LO(off) ((off) - 0x2000)

/*
 * hal_vcpu[] (halint.h): the HAL's own per-vCPU words, one 128-byte line
 * each, indexed by the special page's vcpu number; +0 the soft IE.
 */
#define HALCPU_SHIFT 7
#define HALCPU_IE    0

#endif
