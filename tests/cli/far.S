/*
 * far.S - a data segment at physical 8 MB: power off with 0 if the word
 * there was loaded, 1 if not.  With --mem-per-node 8 the loader refuses it.
 */
#define POWER	0xBF000010

	.text
	.globl	_start
_start:
	la	$t0, farword
	lw	$t1, 0($t0)
	li	$t2, 0xCAFEF00D
	xor	$t1, $t1, $t2
	sltu	$t1, $zero, $t1
	li	$t0, POWER
	sw	$t1, 0($t0)
1:	b	1b

	.section .far, "aw"
farword:
	.word	0xCAFEF00D
