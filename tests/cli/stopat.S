/*
 * stopat.S - set known values in t0 and t1, then reach the symbol target.
 * With --stop-at target the run ends there with t2 still 0; without it
 * the program powers off with status 7.
 */
	.set	noreorder
	.text
	.globl	_start
_start:
	lui	$t0, 0x1234
	ori	$t0, $t0, 0x5678	# t0 = 0x12345678
	addiu	$t1, $zero, -1		# t1 = 0xffffffffffffffff
	.globl	target
target:
	lui	$t2, 0xbf00
	ori	$t2, $t2, 0x10
	addiu	$t3, $zero, 7
	sw	$t3, 0($t2)		# power off, status 7
1:	b	1b
	nop
