/*
 * spin.S - writes "spinning" to the console, then loops for ever at the
 * symbol spin, so that only Ctrl-C (or --max-insns) stops it.  The line
 * tells a test that the machine is running (its Ctrl-C handler armed)
 * before the test sends Ctrl-C.
 */
	.set	noreorder
	.text
	.globl	_start
_start:
	la	$t1, banner
	lui	$t2, 0xbf00		# console TX register, kseg1 0xBF000000
1:	lbu	$t3, 0($t1)
	beq	$t3, $zero, 2f
	addiu	$t1, $t1, 1
	b	1b
	sb	$t3, 0($t2)
2:	addiu	$t0, $zero, 0
	.globl	spin
spin:
	b	spin
	addiu	$t0, $t0, 1

	.section .rodata
banner:
	.asciz	"spinning\n"
