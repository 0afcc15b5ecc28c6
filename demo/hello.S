/*
 * hello.S - the demo kernel `make run` boots: greet, then every CPU in
 * turn says which CPU it is and on which node; CPU 0 powers off with 0
 * once all have spoken.
 *
 * Bare-metal contract (docs/machine.md): every CPU starts here in kernel
 * mode with a0 = CPU number and a1 = number of CPUs; the console transmit
 * register is at kseg1 0xBF000000, the power register at 0xBF000010, and
 * the interrupt controller's WHOAMI register at 0xBF000100 tells the
 * reading CPU its node and the number of nodes.  CPUs take turns through
 * the word `turn`: CPU i speaks when it holds i, then stores i + 1.
 */
	.set	noat

#define CONSOLE	0xBF000000
#define POWER	0xBF000010
#define WHOAMI	0xBF000100

	.text
	.globl	_start
	.ent	_start
_start:
	move	$s0, $a0		# CPU number
	move	$s1, $a1		# number of CPUs
	la	$s2, turn
1:	lw	$t0, 0($s2)		# wait for our turn
	bne	$t0, $s0, 1b
	bnez	$s0, 2f
	la	$a0, greeting		# CPU 0 greets first
	jal	puts
2:	la	$a0, this_is
	jal	puts
	move	$a0, $s0
	jal	putdec
	la	$a0, of
	jal	puts
	move	$a0, $s1
	jal	putdec
	li	$t0, WHOAMI
	lw	$s3, 0($t0)		# nnodes | ncpus | node | cpu
	la	$a0, on_node
	jal	puts
	srl	$a0, $s3, 8
	andi	$a0, $a0, 0xff
	jal	putdec
	la	$a0, of
	jal	puts
	srl	$a0, $s3, 24
	jal	putdec
	la	$a0, newline
	jal	puts
	addiu	$t0, $s0, 1
	sw	$t0, 0($s2)		# next CPU's turn
	bnez	$s0, 4f
3:	lw	$t0, 0($s2)		# CPU 0: wait for everyone
	bne	$t0, $s1, 3b
	li	$t0, POWER
	sw	$zero, 0($t0)		# power off, exit status 0
4:	b	4b			# the others spin until power-off
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
on_node:	.asciz	", on node "
newline:	.asciz	"\n"

	.data
turn:		.word	0		# the CPU whose turn it is to speak
digits:		.space	10		# up to 4294967295
digits_end:	.byte	0
