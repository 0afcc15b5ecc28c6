/*
 * idle.S - execute WAIT with interrupts disabled (ERL=1 after reset), so
 * nothing can ever wake the CPU: minidisco must report it and exit 4.
 * If WAIT fell through, the program would power off with 1.
 */
	.set	noreorder
	.text
	.globl	_start
_start:
	.word	0x42000020		# wait (R4600 and later; gas refuses it for r4000)
	lui	$t0, 0xbf00
	ori	$t0, $t0, 0x10
	addiu	$t1, $zero, 1
	sw	$t1, 0($t0)
1:	b	1b
	nop
