/*
 * halintr.S - the soft IE of this vCPU (halint.h), swapped atomically
 * with respect to migration.  The kernel thread that calls it may be
 * preempted, and resume on another vCPU, between finding its vCPU's word
 * and storing to it; LL/SC rules that out: the vCPU number is read again
 * after the LL, and any exception in between (the monitor erets back,
 * which clears LLbit) fails the SC, so the loop retries.
 */
#include "halasm.h"

	.set	noreorder
	.set	noat
	.text

/* Set this vCPU's soft IE to a0 (0 or SR_IE); return the old value. */
LEAF(hal_softie_swap)
	lui	t0, SPECIAL_HI
	lui	t1, %hi(hal_vcpu)
	addiu	t1, t1, %lo(hal_vcpu)
1:	lw	t2, SPECIAL_LO(SP_VCPU)(t0)	# the vCPU we run on
	sll	t3, t2, HALCPU_SHIFT
	addu	t3, t3, t1
	ll	v0, HALCPU_IE(t3)		# its soft IE
	lw	t4, SPECIAL_LO(SP_VCPU)(t0)
	bne	t2, t4, 1b			# moved before the LL: again
	move	t5, a0				# (delay)
	sc	t5, HALCPU_IE(t3)
	beqz	t5, 1b				# an exception came between: again
	nop
	jr	ra
	nop
END(hal_softie_swap)

/* Return this vCPU's soft IE (the same LL/SC loop, storing it back unchanged). */
LEAF(hal_softie_get)
	lui	t0, SPECIAL_HI
	lui	t1, %hi(hal_vcpu)
	addiu	t1, t1, %lo(hal_vcpu)
1:	lw	t2, SPECIAL_LO(SP_VCPU)(t0)
	sll	t3, t2, HALCPU_SHIFT
	addu	t3, t3, t1
	ll	v0, HALCPU_IE(t3)
	lw	t4, SPECIAL_LO(SP_VCPU)(t0)
	bne	t2, t4, 1b
	move	t5, v0				# (delay)
	sc	t5, HALCPU_IE(t3)
	beqz	t5, 1b
	nop
	jr	ra
	nop
END(hal_softie_get)
