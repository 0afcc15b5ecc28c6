/*
 * power42.S - power off with status 42 in exactly four instructions, so
 * the test can check that --max-insns 3 stops before the store and
 * --max-insns 4 lets it happen.
 */
	.set	noreorder
	.text
	.globl	_start
_start:
	lui	$t0, 0xbf00		# 1
	ori	$t0, $t0, 0x10		# 2: t0 = power register (kseg1)
	addiu	$t1, $zero, 42		# 3
	sw	$t1, 0($t0)		# 4: power off, status 42
1:	b	1b
	nop
