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
 * The private page (mcall.h), read-write, right after the special page:
 * the running vCPU's own words, reached the same way,
 *     lui  k0, SPECIAL_HI
 *     lw   k1, PRIVATE_LO(PV_IE)(k0)
 * +0 the soft IE (halint.h).
 */
#define PRIVATE_LO(off) ((off) - 0x1000)
#define PV_IE          0x00

#endif
