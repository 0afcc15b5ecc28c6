/*
 * halintr.S - the kernel's interrupt enable (the soft IE, halint.h) and
 * its vCPU number: the HAL calls every spinlock makes, a few
 * instructions each (a 2-round pmake calls hal_cpu_id 4.6 million times,
 * hal_intr_off 1.3 million).
 *
 * The soft IE is the word PV_IE of the private page, whose address means
 * the vCPU the code runs on, so plain loads and stores are enough even
 * though the calling thread may be preempted and resume on another vCPU
 * between two of them: a preemption needs interrupts on, and the thread
 * gets them on again wherever it resumes, so a value read before the
 * move is still its value, and a store after it goes to its new vCPU.
 */
#include "halasm.h"

	.set	noreorder
	.set	noat
	.text

/* This vCPU's number, from the special page. */
LEAF(hal_cpu_id)
	lui	v0, SPECIAL_HI
	jr	ra
	lw	v0, SPECIAL_LO(SP_VCPU)(v0)
END(hal_cpu_id)

/* Disable interrupts (the soft IE only: no trap); return whether they were enabled. */
LEAF(hal_intr_off)
	lui	t0, SPECIAL_HI
	lw	v0, PRIVATE_LO(PV_IE)(t0)
	jr	ra
	sw	zero, PRIVATE_LO(PV_IE)(t0)
END(hal_intr_off)

/* Are interrupts enabled (as the kernel sees them: the soft IE)? */
LEAF(hal_intr_enabled)
	lui	t0, SPECIAL_HI
	lw	v0, PRIVATE_LO(PV_IE)(t0)
	jr	ra
	sltu	v0, zero, v0
END(hal_intr_enabled)

/*
 * Enable interrupts; if the virtual IE went off meanwhile, one mtc0 turns
 * it on (and in come the waiting ones).  With the virtual IE off nothing
 * can preempt the thread between the Status load and the mtc0.
 */
LEAF(hal_intr_on)
	lui	t0, SPECIAL_HI
	li	t1, SR_IE
	sw	t1, PRIVATE_LO(PV_IE)(t0)
	lw	t2, SPECIAL_LO(SP_STATUS)(t0)	# the virtual Status
	andi	t3, t2, SR_IE
	bnez	t3, 1f
	ori	t2, t2, SR_IE			# (delay)
	mtc0	t2, C0_STATUS			# traps: the monitor delivers
1:	jr	ra
	nop
END(hal_intr_on)
