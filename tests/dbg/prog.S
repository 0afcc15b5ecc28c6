/*
 * prog.S - the program the debugger tests inspect.
 *
 * In order: a known instruction sequence (_start .. seq_end) that the
 * tests disassemble and step through; a call to func; at kernel_stop it
 * leaves the reset state (Status = 0: kernel mode, ERL = EXL = BEV = 0);
 * at kmapped_stop kuseg is mapped and empty; it writes TLB entry 5
 * (VA 0x00400000 even page -> PA 0x00020000, C=3 D V; odd page invalid)
 * and Wired = 6; at tlb_done it erets to user mode at user_start, where
 * user_stop makes a system call; the general exception vector powers the
 * machine off with a0 = 9.  Data to examine: msg, words, dwords, bytes.
 */
	.set	noreorder
	.text
	.globl	_start
_start:
	lui	$t0, 0x1234
	ori	$t0, $t0, 0x5678	# t0 = 0x12345678
	addiu	$t1, $zero, -1		# t1 = -1
	mfc0	$t3, $12		# t3 = Status
	beq	$t0, $t1, func		# not taken
	nop
	.globl	seq_end
seq_end:
	jal	func
	nop
	.globl	kernel_stop
kernel_stop:
	mtc0	$zero, $12		# kernel mode, ERL = EXL = BEV = 0
	nop
	nop
	.globl	kmapped_stop
kmapped_stop:
	li	$t2, 5
	mtc0	$t2, $0			# Index = 5
	mtc0	$zero, $5		# PageMask: 4 KB pages
	li	$t2, 0x00400000		# EntryHi: VPN2 of 0x00400000, ASID 0
	mtc0	$t2, $10
	li	$t2, (0x20 << 6) | (3 << 3) | 6	# PFN 0x20, C=3, D, V
	mtc0	$t2, $2			# EntryLo0
	mtc0	$zero, $3		# EntryLo1: odd page invalid
	li	$t2, 6
	mtc0	$t2, $6			# Wired = 6
	nop
	tlbwi
	nop
	.globl	tlb_done
tlb_done:
	li	$t2, 0x00400000
	mtc0	$t2, $14		# EPC = user_start
	li	$t2, 0x12		# KSU = user, EXL = 1
	mtc0	$t2, $12
	nop
	nop
	eret
	.globl	func
func:
	jr	$ra
	addiu	$v0, $zero, 42

	.section .user, "ax"
	.globl	user_start
user_start:
	addiu	$a0, $zero, 9
	.globl	user_stop
user_stop:
	syscall
	nop

	.section .vec, "ax"
	.globl	general_vector
general_vector:
	lui	$k0, 0xbf00
	sw	$a0, 0x10($k0)		# power off, status a0
1:	b	1b
	nop

	.data
	.globl	msg
msg:	.asciz	"hello, debugger"
	.align	2
	.globl	words
words:	.word	0x11223344, 0x55667788, 0x99aabbcc, 0xddeeff00
	.align	3
	.globl	dwords
dwords:	.dword	0x0123456789abcdef, 0xfedcba9876543210
	.globl	bytes
bytes:	.byte	0x41, 0x42, 0xff, 0x00
