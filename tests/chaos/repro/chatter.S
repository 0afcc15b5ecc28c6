/*
 * chatter.S - prints "x\n" to the console forever (a guest whose output
 * outlives the reader of the emulator's standard output).
 */
	.set	noreorder
	.text
	.globl	_start
_start:
	lui	$t0, 0xbf00
	li	$t1, 'x'
	li	$t2, '\n'
1:	sb	$t1, 0($t0)
	sb	$t2, 0($t0)
	b	1b
	nop
