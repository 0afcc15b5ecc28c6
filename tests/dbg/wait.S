/*
 * wait.S - two CPUs: cpu 1 parks in WAIT (nothing can wake it), cpu 0
 * counts to 1000, reaches cpu0_done and powers off with status 0.
 */
	.set	noreorder
	.text
	.globl	_start
_start:
	bnez	$a0, parked		# a0 = CPU number
	nop
	li	$t0, 1000
1:	addiu	$t0, $t0, -1
	bnez	$t0, 1b
	nop
	.globl	cpu0_done
cpu0_done:
	lui	$t1, 0xbf00
	sw	$zero, 0x10($t1)	# power off, status 0
	.globl	parked
parked:
	wait
	.globl	after_wait
after_wait:
	b	parked
	nop
