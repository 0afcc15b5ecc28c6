/*
 * console.S - write "sb ok\n" with byte stores, then 'W' as the low byte
 * of a word store and '\n'; power off with 0 if the console and power
 * registers read as 0 (byte and word loads), 1 otherwise.
 */
#define CONSOLE	0xBF000000
#define POWER	0xBF000010

	.text
	.globl	_start
_start:
	li	$t0, CONSOLE
	la	$a0, msg
1:	lbu	$t1, 0($a0)
	beqz	$t1, 2f
	sb	$t1, 0($t0)
	addiu	$a0, $a0, 1
	b	1b
2:	li	$t1, 0x12345657		# low byte 0x57 = 'W'
	sw	$t1, 0($t0)
	li	$t1, '\n'
	sb	$t1, 0($t0)
	li	$t3, POWER
	lw	$t2, 0($t0)
	lbu	$t4, 0($t0)
	or	$t2, $t2, $t4
	lw	$t4, 0($t3)
	or	$t2, $t2, $t4
	sltu	$t2, $zero, $t2		# 1 if any read was not 0
	sw	$t2, 0($t3)
3:	b	3b

	.section .rodata
msg:	.asciz	"sb ok\n"
