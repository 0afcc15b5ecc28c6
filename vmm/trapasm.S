/*
 * trapasm.S - the monitor's exception entry and exit.
 *
 * The real vectors hold short stubs (boot.S, copied there at boot):
 * each saves k1 in ErrorEPC (a plain 64-bit CP0 register that nothing
 * else uses: the machine has no cache or ECC errors) and jumps here.
 * The guest's k0 and k1 are preserved across every trap, since the guest
 * kernel's own exception code may be interrupted by a monitor trap (an
 * sseg miss, a privileged instruction) while it holds values in them:
 *
 *   vector: dmtc0 k1, ErrorEPC; jr entry k1 free
 *   entry:  mtc0  k0, TagLo              k0 free (TagLo: the cache tag
 *                                        register, unused otherwise)
 *           k1 = vmm_pcpu_tab[Context >> 23]   (PTEBase = CPU number)
 *           k0 = pcpu->regs                    (the current vCPU's vregs)
 *           pcpu->refill = 1 for the refill vector, else 0,
 *           pcpu->enter_count = Count (monitor_cycles start here),
 *           save r1..r31, hi, lo, EPC, Cause, BadVAddr, mode there,
 *           the guest's k0/k1 from TagLo/ErrorEPC,
 *           sp = pcpu->ksp, Status: kernel mode, EXL = IE = 0,
 *           vmm_trap(pcpu, refill)             never returns
 *
 * A trap taken in kernel mode (KSU = 0 before it) is a fault inside the
 * monitor: its registers go to pcpu->fault, sp to pcpu->fsp and
 * vmm_monitor_fault reports it and powers off.
 *
 * vmm_trap_return(regs, status) loads a vCPU's registers and erets into
 * it: Status (with EXL set, so nothing interrupts the restore), EPC =
 * regs->pc, every GPR with k1 last; the Count just before its eret goes
 * to regs->exit_count, so that the next vmm_trap adds the restore to
 * monitor_cycles (from regs->exit_base, where the C path stopped counting).
 *
 *   struct vregs (vmm.h):
 *   +0 r0..r31 (+104 k0, +108 k1)  +128 hi  +132 lo  +136 pc
 *   +140 cause  +144 badvaddr  +148 mode  +152 exit_base  +156 exit_count
 */
#include "kmips.h"

#include "mcall.h"
#include "vcpuasm.h"

#define C0_TAGLO    $28
#define C0_ERROREPC $30

/* Every GPR but zero, k0 and k1, saved and restored as one list. */
#define GPRS 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,28,29,30,31

	.set	noreorder
	.set	noat
	.text

/* k1 = this CPU's struct pcpu (k0 is free; from the delay slot: Context). */
#define PCPU_FROM_CONTEXT		\
	srl	$k0, $k0, 23;		\
	sll	$k0, $k0, 2;		\
	lui	$k1, %hi(vmm_pcpu_tab);	\
	addu	$k1, $k1, $k0;		\
	lw	$k1, %lo(vmm_pcpu_tab)($k1)

/* The refill vector: a TLB miss with EXL = 0 (from the guest, or a monitor bug). */
	.globl	vmm_refill_entry
	.ent	vmm_refill_entry
vmm_refill_entry:
	mtc0	$k0, C0_TAGLO
	mfc0	$k0, $12
	andi	$k0, $k0, ST_KSU
	beqz	$k0, vmm_monitor_trap
	mfc0	$k0, $4
	PCPU_FROM_CONTEXT
	li	$k0, 1
	b	vmm_guest_save
	sw	$k0, PCPU_REFILL($k1)
	.end	vmm_refill_entry

/*
 * The general vector.  Fast paths first, for the two privileged
 * instructions a guest kernel executes most (Coprocessor Unusable, CE = 0,
 * not in a delay slot, from supervisor mode), with t0..t3 borrowed (saved
 * in the vregs) and no C:
 *
 *   mtc0 rt, Status  when the real mode (user, or supervisor for the rest)
 *                    and CU1/FR stay as they are: store the virtual Status,
 *                    EPC += 4
 *   eret             (ERL = 0): virtual EXL = 0, EPC = virtual EPC, real
 *                    KSU = user if the virtual KSU is user, else super
 *
 * Either goes to the C path (vmm_fast_undo) if virtual interrupts end up
 * enabled while one may be pending, so that vmm_resched delivers it.  The
 * hardware TLB maps the instruction at EPC: it was just fetched through it.
 */
	.globl	vmm_general_entry
	.ent	vmm_general_entry
vmm_general_entry:
	mtc0	$k0, C0_TAGLO
	mfc0	$k0, $12
	andi	$k0, $k0, ST_KSU
	beqz	$k0, vmm_monitor_trap
	addiu	$k0, $k0, -8			# (delay) 0: from supervisor mode
	bnez	$k0, vmm_general_slow
	mfc0	$k0, $13			# (delay) Cause
	bltz	$k0, vmm_general_slow		# BD
	srl	$k1, $k0, 28
	bnez	$k1, vmm_general_slow		# CE != 0
	andi	$k0, $k0, 0x7C
	xori	$k0, $k0, EXC_CPU << 2
	bnez	$k0, vmm_general_slow
	mfc0	$k0, $4				# (delay) Context
	PCPU_FROM_CONTEXT
	lw	$k0, PCPU_REGS($k1)
	sw	$t0, VR_R(8)($k0)
	sw	$t1, VR_R(9)($k0)
	sw	$t2, VR_R(10)($k0)
	sw	$t3, VR_R(11)($k0)
	mfc0	$t0, $9
	sw	$t0, VR_MODE($k0)		# Count at entry (the slot is free here)
	mfc0	$t0, $14
	lw	$t1, 0($t0)			# the instruction
	lw	$t3, PCPU_CUR($k1)		# t3 = the vCPU from here on
	lui	$t2, 0x4200
	ori	$t2, $t2, 0x18			# eret
	beq	$t1, $t2, vmm_fast_eret
	lui	$t2, 0xFFE0
	ori	$t2, $t2, 0xFFFF
	and	$t2, $t1, $t2
	lui	$k1, 0x4080
	ori	$k1, $k1, 0x6000		# mtc0 $0, $12
	bne	$t2, $k1, vmm_fast_undo
	srl	$t1, $t1, 13
	andi	$t1, $t1, 0xF8			# rt * 8
	la	$t2, vmm_fast_rt
	addu	$t1, $t1, $t2
	jr	$t1
	nop

/* Whether a virtual interrupt may be pending for the vCPU at t3 (special page t1): k1 != 0. */
#define FAST_PENDING				\
	lw	$k1, VCPU_TIMER_PENDING($t3);	\
	lw	$t0, VCPU_SOFT_IP($t3);		\
	or	$k1, $k1, $t0;			\
	lw	$t0, SP_IPIPEND($t1);		\
	or	$k1, $k1, $t0;			\
	lw	$t0, SP_DEVPEND($t1);		\
	or	$k1, $k1, $t0

/* t0 = 0 if virtual Status s puts the vCPU in real user mode (EXL = ERL = 0, KSU = user). */
#define FAST_USER(s)				\
	andi	$t0, s, ST_KSU | ST_ERL | ST_EXL; \
	xori	$t0, $t0, 0x10

vmm_fast_have:					# t2 = the new virtual Status
	lw	$t1, VCPU_SPECIAL($t3)
	lw	$k1, SP_STATUS($t1)
	xor	$t0, $k1, $t2
	srl	$t0, $t0, 26
	andi	$t0, $t0, (ST_CU1 | ST_FR) >> 26
	bnez	$t0, vmm_fast_undo		# CU1 or FR changes
	FAST_USER($k1)
	sltiu	$k1, $t0, 1
	FAST_USER($t2)
	sltiu	$t0, $t0, 1
	bne	$t0, $k1, vmm_fast_undo		# the real mode changes
	andi	$t0, $t2, ST_IE | ST_EXL | ST_ERL
	xori	$t0, $t0, ST_IE
	bnez	$t0, 2f				# interrupts stay off: nothing to deliver
	nop
	FAST_PENDING
	bnez	$k1, vmm_fast_undo		# maybe one to deliver: the C path
	nop
2:	sw	$t2, SP_STATUS($t1)
	lw	$t0, VCPU_FAST_MTC0($t3)
	addiu	$t0, $t0, 1
	sw	$t0, VCPU_FAST_MTC0($t3)
	mfc0	$t0, $14
	addiu	$t0, $t0, 4
	b	vmm_fast_done
	mtc0	$t0, $14

vmm_fast_eret:					# t3 = vCPU
	lw	$t1, VCPU_SPECIAL($t3)
	lw	$t2, SP_STATUS($t1)
	andi	$t0, $t2, ST_ERL
	bnez	$t0, vmm_fast_undo		# ErrorEPC: the C path
	li	$t0, ~ST_EXL
	and	$t2, $t2, $t0			# the new virtual Status
	andi	$t0, $t2, ST_IE
	beqz	$t0, 3f
	nop
	FAST_PENDING
	bnez	$k1, vmm_fast_undo
	nop
3:	sw	$t2, SP_STATUS($t1)
	lw	$t0, SP_EPC($t1)
	mtc0	$t0, $14
	FAST_USER($t2)				# t0 = 0: back to user mode
	mfc0	$k1, $12
	li	$t2, ~ST_KSU
	and	$k1, $k1, $t2
	bnez	$t0, 4f
	ori	$k1, $k1, 0x08			# (delay) supervisor
	xori	$k1, $k1, 0x18			# user
4:	mtc0	$k1, $12
	lw	$t0, VCPU_FAST_ERET($t3)
	addiu	$t0, $t0, 1
	sw	$t0, VCPU_FAST_ERET($t3)

vmm_fast_done:					# t3 = vCPU: count the cycles, resume
	mfc0	$t0, $9
	lw	$t1, VR_MODE($k0)
	subu	$t0, $t0, $t1
	sll	$t0, $t0, 1			# Count ticks every other cycle
	lw	$t1, VCPU_FAST_CYCLES($t3)
	addu	$t0, $t0, $t1
	sw	$t0, VCPU_FAST_CYCLES($t3)
	lw	$t0, VR_R(8)($k0)
	lw	$t1, VR_R(9)($k0)
	lw	$t2, VR_R(10)($k0)
	lw	$t3, VR_R(11)($k0)
	mfc0	$k0, C0_TAGLO
	dmfc0	$k1, C0_ERROREPC
	eret
vmm_fast_undo:					# not for a fast path after all
	lw	$t0, VR_R(8)($k0)
	lw	$t1, VR_R(9)($k0)
	lw	$t2, VR_R(10)($k0)
	lw	$t3, VR_R(11)($k0)
vmm_general_slow:
	mfc0	$k0, $4
	PCPU_FROM_CONTEXT
	sw	$zero, PCPU_REFILL($k1)
vmm_guest_save:
	mfc0	$k0, $9
	sw	$k0, PCPU_ENTER($k1)		# Count at entry: monitor_cycles from here
	lw	$k0, PCPU_REGS($k1)
	.irp r, GPRS
	sw	$\r, VR_R(\r)($k0)
	.endr
	sw	$zero, VR_R(0)($k0)
	mfc0	$t3, $12
	srl	$t2, $t3, 3
	andi	$t2, $t2, 3
	sw	$t2, VR_MODE($k0)		# the mode the guest ran in
	move	$a0, $k1
	bal	vmm_save_cp0
	move	$a1, $k0			# (delay)
	lw	$sp, PCPU_KSP($a0)
	lw	$a1, PCPU_REFILL($a0)
	move	$ra, $zero
	la	$t9, vmm_trap
	jalr	$t9				# vmm_trap(pcpu, refill)
	nop
	b	vmm_monitor_trap		# (it never returns)
	nop
	.end	vmm_general_entry

/*
 * Save k0/k1 (from TagLo/ErrorEPC), hi, lo, EPC, Cause, BadVAddr into the
 * vregs at a1 (t3 = Status) and drop to kernel mode with EXL = IE = 0.
 */
	.ent	vmm_save_cp0
vmm_save_cp0:
	mfc0	$t0, C0_TAGLO
	dmfc0	$t1, C0_ERROREPC
	sw	$t0, VR_R(26)($a1)
	sw	$t1, VR_R(27)($a1)
	mfhi	$t0
	mflo	$t1
	sw	$t0, VR_HI($a1)
	sw	$t1, VR_LO($a1)
	mfc0	$t0, $14
	mfc0	$t1, $13
	mfc0	$t2, $8
	sw	$t0, VR_PC($a1)
	sw	$t1, VR_CAUSE($a1)
	sw	$t2, VR_BADVADDR($a1)
	li	$t1, ~(ST_KSU | ST_EXL | ST_IE)
	and	$t3, $t3, $t1
	jr	$ra
	mtc0	$t3, $12
	.end	vmm_save_cp0

/* A trap inside the monitor: report it and power off. */
	.globl	vmm_monitor_trap
	.ent	vmm_monitor_trap
vmm_monitor_trap:
	mfc0	$k0, $4
	PCPU_FROM_CONTEXT
	addiu	$k0, $k1, PCPU_FAULT
	.irp r, GPRS
	sw	$\r, VR_R(\r)($k0)
	.endr
	sw	$zero, VR_R(0)($k0)
	sw	$zero, VR_MODE($k0)
	mfc0	$t3, $12
	move	$a0, $k1
	bal	vmm_save_cp0
	move	$a1, $k0			# (delay)
	lw	$sp, PCPU_FSP($a0)
	la	$t9, vmm_monitor_fault
	jalr	$t9
	nop
1:	wait
	b	1b
	nop
	.end	vmm_monitor_trap

/* void vmm_trap_return(struct vregs *regs, uint32_t status): into the guest. */
	.globl	vmm_trap_return
	.ent	vmm_trap_return
vmm_trap_return:
	ori	$a1, $a1, ST_EXL
	mtc0	$a1, $12
	lw	$t0, VR_PC($a0)
	mtc0	$t0, $14
	lw	$t0, VR_HI($a0)
	lw	$t1, VR_LO($a0)
	mthi	$t0
	mtlo	$t1
	move	$k1, $a0
	.irp r, GPRS
	lw	$\r, VR_R(\r)($k1)
	.endr
	mfc0	$k0, $9
	sw	$k0, VR_EXIT($k1)		# Count at exit: the next vmm_trap adds the restore
	lw	$k0, VR_R(26)($k1)
	lw	$k1, VR_R(27)($k1)
	eret
	.end	vmm_trap_return

/*
 * The fast path's table: entry rt (8 bytes) puts GPR rt of the guest in
 * t2 (t0..t3 from the vregs at k0, k0/k1 from TagLo/ErrorEPC).
 */
#define RT_REG(n)  b vmm_fast_have; move $t2, $n
#define RT_SAVED(n) b vmm_fast_have; lw $t2, VR_R(n)($k0)
	.align	3
vmm_fast_rt:
	RT_REG(0); RT_REG(1); RT_REG(2); RT_REG(3)
	RT_REG(4); RT_REG(5); RT_REG(6); RT_REG(7)
	RT_SAVED(8); RT_SAVED(9); RT_SAVED(10); RT_SAVED(11)
	RT_REG(12); RT_REG(13); RT_REG(14); RT_REG(15)
	RT_REG(16); RT_REG(17); RT_REG(18); RT_REG(19)
	RT_REG(20); RT_REG(21); RT_REG(22); RT_REG(23)
	RT_REG(24); RT_REG(25)
	b vmm_fast_have; mfc0 $t2, C0_TAGLO
	b vmm_fast_have; dmfc0 $t2, C0_ERROREPC
	RT_REG(28); RT_REG(29); RT_REG(30); RT_REG(31)
