/*
 * hello.S - the demo kernel `make run` boots: greet, say which CPU this
 * is, power off with status 0.
 *
 * Bare-metal contract (docs/usage.md): the CPU starts here in kernel mode
 * with a0 = CPU number and a1 = number of CPUs; the console transmit
 * register is at kseg1 0xBF000000 and the power register at 0xBF000010.
 */
	.set	noat

#define CONSOLE	0xBF000000
#define POWER	0xBF000010

	.text
	.globl	_start
	.ent	_start
_start:
	move	$s0, $a0		# CPU number
	move	$s1, $a1		# number of CPUs
	la	$a0, greeting
	jal	puts
	la	$a0, this_is
	jal	puts
	move	$a0, $s0
	jal	putdec
	la	$a0, of
	jal	puts
	move	$a0, $s1
	jal	putdec
	la	$a0, newline
	jal	puts
	li	$t0, POWER
	sw	$zero, 0($t0)		# power off, exit status 0
1:	b	1b			# not reached
	.end	_start

/* Write the NUL-terminated string at a0 to the console. */
	.globl	puts
	.ent	puts
puts:
	li	$t0, CONSOLE
1:	lbu	$t1, 0($a0)
	beqz	$t1, 2f
	sb	$t1, 0($t0)
	addiu	$a0, $a0, 1
	b	1b
2:	jr	$ra
	.end	puts

/* Write the unsigned number in a0 to the console in decimal. */
	.globl	putdec
	.ent	putdec
putdec:
	la	$t2, digits_end		# build the digits backwards
	li	$t3, 10
1:	divu	$zero, $a0, $t3
	mfhi	$t1
	mflo	$a0
	addiu	$t1, $t1, '0'
	addiu	$t2, $t2, -1
	sb	$t1, 0($t2)
	bnez	$a0, 1b
	li	$t0, CONSOLE
2:	lbu	$t1, 0($t2)
	beqz	$t1, 3f
	sb	$t1, 0($t0)
	addiu	$t2, $t2, 1
	b	2b
3:	jr	$ra
	.end	putdec

	.section .rodata
greeting:	.asciz	"minidisco: hello from the R4000\n"
this_is:	.asciz	"minidisco: this is cpu "
of:		.asciz	" of "
newline:	.asciz	"\n"

	.data
digits:		.space	10		# up to 4294967295
digits_end:	.byte	0
