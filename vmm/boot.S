/*
 * boot.S - the monitor's reset entry (the ELF entry, in kseg0), on every
 * CPU: the only code that runs before the monitor's text is mapped.
 *
 * With the reset state of docs/usage.md ("Boot": kernel mode, ERL = 1,
 * a0..a2 the boot arguments, left untouched here), it empties the TLB
 * (each entry gets a kseg0 VPN2 of its own, which never matches), writes
 * the wired entry TEXT_TLB_INDEX that maps TEXT_VA to node 0's copy
 * (textrep.h), sets Wired and jumps to klib's _start in kseg3.  Later,
 * textrep_map_cpu points the entry at the CPU's own node.
 */
#include "kmips.h"
#include "textrep.h"

	.set	noreorder
	.section .text.boot, "ax"
	.globl	vmm_reset
	.ent	vmm_reset
vmm_reset:
	mtc0	$zero, $5			# PageMask: 4 KB
	mtc0	$zero, $2			# EntryLo0
	mtc0	$zero, $3			# EntryLo1
	li	$t0, 0				# t0 = index
	li	$t1, 0x80000000			# t1 = its unmatchable VPN2
1:	mtc0	$t1, $10			# EntryHi
	mtc0	$t0, $0				# Index
	nop
	tlbwi
	addiu	$t0, $t0, 1
	sltiu	$t2, $t0, 48
	bnez	$t2, 1b
	addiu	$t1, $t1, 0x2000		# (delay) next VPN2
	li	$t0, TEXT_PAGEMASK
	mtc0	$t0, $5
	li	$t0, TEXT_VA
	mtc0	$t0, $10
	li	$t0, ((TEXT_PA >> 12) << 6) | TEXT_LO_FLAGS
	mtc0	$t0, $2
	li	$t0, (((TEXT_PA + TEXT_HALF) >> 12) << 6) | TEXT_LO_FLAGS
	mtc0	$t0, $3
	li	$t0, TEXT_TLB_INDEX
	mtc0	$t0, $0
	nop
	tlbwi
	nop
	nop
	mtc0	$zero, $5
	mtc0	$zero, $10
	li	$t0, TEXT_TLB_INDEX + 1
	mtc0	$t0, $6				# Wired: entries 0 and 1
	la	$t0, _start
	jr	$t0
	nop
	.end	vmm_reset

/*
 * The stubs main_vectors_install copies to the real vectors (0x80000000
 * refill, 0x80000080 and 0x80000180 general).  The entry code is in
 * kseg3, beyond a j's 256 MB region, so each stub frees k1 (saved in
 * ErrorEPC, as trapasm.S expects) and jumps through it.
 */
#define VEC_STUB(name, entry)			\
	.globl	name;				\
name:						\
	dmtc0	$k1, $30;	/* ErrorEPC */	\
	lui	$k1, %hi(entry);		\
	addiu	$k1, $k1, %lo(entry);		\
	jr	$k1;				\
	nop

VEC_STUB(vmm_vec_refill, vmm_refill_entry)
VEC_STUB(vmm_vec_general, vmm_general_entry)
	.globl	vmm_vec_end
vmm_vec_end:
