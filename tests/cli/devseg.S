/*
 * devseg.S - a data segment at physical 0x1F000000 (device space), which
 * the loader must refuse.
 */
	.text
	.globl	_start
_start:
1:	b	1b

	.section .dev, "aw"
	.word	1
