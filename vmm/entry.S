/*
 * entry.S - where every CPU enters the monitor (the ELF entry _start).
 *
 * Reset state (docs/machine.md, section 3): kernel mode, ERL = BEV = 1,
 * a0 = CPU number, a1 = number of CPUs, a2 = physical address of the boot
 * information block.  Each CPU takes its boot stack from .kstack; CPU 0
 * clears .bss and enters klib_boot, which installs klib's vectors (so an
 * early fault is reported), leaves the reset state and releases the other
 * CPUs through klib_released; klib_boot then calls main (main.c) on every
 * CPU with a0..a2 unchanged.
 *
 *   vmm_bootstack: VMM_MAXCPU slots of BOOTSTACK bytes, CPU n uses slot n
 *   +-----------+-----------+-- ... --+
 *   |  CPU 0    |  CPU 1    |         |   sp = top of the slot - 16
 *   +-----------+-----------+-- ... --+
 */
#define BOOTSTACK_SHIFT 13
#define MAXCPU 32

	.set	noreorder
	.section .text.start, "ax"
	.globl	_start
	.ent	_start
_start:
	sltiu	$t0, $a0, MAXCPU
	beqz	$t0, 3f				# no stack slot: park
	addiu	$t0, $a0, 1
	sll	$t0, $t0, BOOTSTACK_SHIFT
	la	$t1, vmm_bootstack
	addu	$sp, $t1, $t0
	addiu	$sp, $sp, -16
	move	$fp, $zero
	bnez	$a0, 2f
	nop
	la	$t0, __bss_start		# CPU 0: clear .bss
	la	$t1, __bss_end
	beq	$t0, $t1, 1f
	nop
0:	sw	$zero, 0($t0)
	addiu	$t0, $t0, 4
	bne	$t0, $t1, 0b
	nop
1:	jal	klib_boot
	nop
	b	3f
	nop
2:	la	$t0, klib_released		# the others wait for CPU 0
4:	lw	$t1, 0($t0)
	beqz	$t1, 4b
	nop
	sync
	jal	klib_boot
	nop
3:	wait
	b	3b
	nop
	.end	_start

	/* Set by klib_boot on CPU 0 once .bss is clear and the vectors are in. */
	.data
	.align	2
	.globl	klib_released
klib_released:
	.word	0

	.section .kstack, "aw", @nobits
	.align	4
	.globl	vmm_bootstack
vmm_bootstack:
	.space	MAXCPU << BOOTSTACK_SHIFT
