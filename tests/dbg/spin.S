/*
 * spin.S - loops for ever at the symbol spin, so that only Ctrl-C (or
 * --max-insns) stops it.
 */
	.set	noreorder
	.text
	.globl	_start
_start:
	addiu	$t0, $zero, 0
	.globl	spin
spin:
	b	spin
	addiu	$t0, $t0, 1
