/*
 * trapasm.S - trap entry and exit, as natively, but reading the virtual
 * privileged registers from the special page (GUEST_SPECIAL) with plain
 * loads instead of mfc0; the writes (mtc0 Status, EPC) and eret remain
 * instructions, which trap into the monitor and are emulated there.
 *
 * Entry (the monitor forwarded an exception: virtual EXL = 1, k0/k1 free;
 * the monitor preserves them across its own traps, such as a TLB miss on
 * this stack):
 *   from user mode (virtual Status.KSU = user): switch to the kernel stack
 *     top of the CPU's running process, cpus[Context >> 23].ksp;
 *   from kernel mode: stay on the current stack.
 * Then push a trap frame (struct trapframe, kernel/trapframe.h) below the
 * stack pointer, drop to plain kernel mode (KSU = EXL = IE = CU1 = 0) and
 * call trap(tf).  Interrupts are lazily disabled (halint.h): the frame's
 * Status.IE is the soft IE, which trap() runs with off; an interrupt that
 * arrives while the soft IE is off goes straight back with the virtual IE
 * off (one mtc0) without a frame.  After an exception that is not an
 * interrupt the virtual IE stays on (only the soft IE is off), so the
 * kernel's hal_intr_on costs no trap.
 *
 *        old sp (or ksp) -> +---------------------------+
 *                           | struct trapframe (152 B)  |
 *        sp + TF_OFF     -> +---------------------------+
 *                           | argument area (16 B)      |
 *        sp              -> +---------------------------+
 *
 * Exit reloads every register from the frame, Status with EXL set (so
 * nothing interrupts the restore) and the soft IE from it, EPC (unless
 * the virtual EPC is that already), and erets: two or three monitor traps.
 */
#include "halasm.h"

	.set noreorder
	.set noat
	.text

/* Every register but zero, k0, k1 and sp, saved and restored as one list. */
#define GPRS 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,28,30,31

LEAF(trapentry)
	lui	k0, SPECIAL_HI
	lw	k1, SPECIAL_LO(SP_CAUSE)(k0)
	andi	k1, k1, 0x7c			# ExcCode
	bnez	k1, 2f				# an exception: take it
	lw	k1, PRIVATE_LO(PV_IE)(k0)	# (delay) the soft IE
	bnez	k1, 2f				# soft IE on: take the interrupt
	nop
	/*
	 * An interrupt while the kernel has interrupts (softly) off: turn the
	 * virtual IE off too and go straight back (EXL = 0, kernel mode, pc =
	 * EPC; interrupted kernel code never holds anything in k0/k1).  The
	 * next hal_intr_on turns IE on and the monitor delivers it again.
	 */
	lw	k1, SPECIAL_LO(SP_STATUS)(k0)
	lw	k0, SPECIAL_LO(SP_EPC)(k0)
	ori	k1, k1, SR_EXL | SR_IE
	xori	k1, k1, SR_EXL | SR_IE
	mtc0	k1, C0_STATUS			# (traps) IE = EXL = 0
	jr	k0
	nop
2:	lui	k0, SPECIAL_HI
	lw	k0, SPECIAL_LO(SP_STATUS)(k0)	# virtual Status
	andi	k0, k0, SR_USER
	beqz	k0, 1f				# from kernel mode: keep sp
	move	k1, sp				# (delay) the interrupted sp
	lui	k0, SPECIAL_HI
	lw	k0, SPECIAL_LO(SP_CONTEXT)(k0)	# virtual Context
	srl	k0, k0, CONTEXT_CPU_SHIFT
	sll	k0, k0, CPU_SHIFT
	lui	sp, %hi(cpus)
	addiu	sp, sp, %lo(cpus)
	addu	sp, sp, k0
	lw	sp, CPU_KSP(sp)			# this CPU's process kernel stack
1:	addiu	sp, sp, -TRAPFRAME_BYTES
	sw	zero, TF_OFF + TF_REG(0)(sp)
	sw	k1, TF_OFF + TF_REG(29)(sp)
	.irp r, GPRS
	sw	$\r, TF_OFF + 4 * \r(sp)
	.endr
	mfhi	t0
	mflo	t1
	sw	t0, TF_OFF + TF_HI(sp)
	sw	t1, TF_OFF + TF_LO(sp)
	lui	t4, SPECIAL_HI
	lw	t0, SPECIAL_LO(SP_STATUS)(t4)
	lw	t1, SPECIAL_LO(SP_CAUSE)(t4)
	lw	t2, SPECIAL_LO(SP_EPC)(t4)
	lw	t3, SPECIAL_LO(SP_BADVADDR)(t4)
	lw	t7, PRIVATE_LO(PV_IE)(t4)	# the kernel's IE: the soft one
	ori	t0, t0, SR_IE
	xori	t0, t0, SR_IE
	or	t0, t0, t7			# frame Status.IE = soft IE
	sw	zero, PRIVATE_LO(PV_IE)(t4)	# trap() runs with interrupts off
	sw	t0, TF_OFF + TF_STATUS(sp)
	sw	t1, TF_OFF + TF_CAUSE(sp)
	sw	t2, TF_OFF + TF_EPC(sp)
	sw	t3, TF_OFF + TF_BADVADDR(sp)
	lw	t2, TF_OFF + TF_CAUSE(sp)
	li	t1, ~(SR_KSU | SR_EXL | SR_IE | SR_CU1)
	and	t0, t0, t1
	andi	t2, t2, 0x7c			# ExcCode
	sltu	t2, zero, t2			# not an interrupt: leave the virtual
	or	t0, t0, t2			#  IE on (SR_IE = 1), the soft IE is off
	mtc0	t0, C0_STATUS			# kernel mode, interrupts off (traps)
	move	ra, zero			# (backtraces stop at the trap)
	la	t9, trap
	jalr	t9
	addiu	a0, sp, TF_OFF			# (delay) trap(tf)
	b	trapexit
	nop
END(trapentry)

/* Resume the frame tf (a0): hal_trapret(tf) never returns. */
LEAF(hal_trapret)
	addiu	sp, a0, -TF_OFF
trapexit:
	lw	t0, TF_OFF + TF_STATUS(sp)
	ori	t0, t0, SR_EXL
	mtc0	t0, C0_STATUS			# EXL: no interrupt until eret (traps)
	lui	t3, SPECIAL_HI
	andi	t0, t0, SR_IE
	sw	t0, PRIVATE_LO(PV_IE)(t3)	# soft IE = the frame's IE
	lw	t1, TF_OFF + TF_EPC(sp)
	lui	t2, SPECIAL_HI
	lw	t2, SPECIAL_LO(SP_EPC)(t2)
	beq	t1, t2, 3f			# the virtual EPC is right already
	nop
	mtc0	t1, C0_EPC			# (traps)
3:
	lw	t0, TF_OFF + TF_HI(sp)
	lw	t1, TF_OFF + TF_LO(sp)
	mthi	t0
	mtlo	t1
	.irp r, GPRS
	lw	$\r, TF_OFF + 4 * \r(sp)
	.endr
	lw	sp, TF_OFF + TF_REG(29)(sp)
	eret					# (traps: pc = virtual EPC, EXL = 0)
END(hal_trapret)
