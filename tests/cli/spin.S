/*
 * spin.S - loop forever, for --max-insns exhaustion.
 */
	.set	noreorder
	.text
	.globl	_start
_start:
	nop
	.globl	spin_loop
spin_loop:
	b	spin_loop
	nop
