/*
 * crt0.S - where every user program starts (ELF entry _start).
 *
 * The kernel's exec leaves a0 = argc, a1 = argv and sp 8-byte aligned
 * below the argument strings.  _start keeps o32's 16-byte argument save
 * area for main, and turns main's return value into exit's status.
 */
	.set	noreorder
	.text
	.globl	_start
	.ent	_start
_start:
	addiu	$sp, $sp, -16
	move	$fp, $zero
	jal	main
	nop
	jal	exit
	move	$a0, $v0
1:	b	1b
	nop
	.end	_start
