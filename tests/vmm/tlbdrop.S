/*
 * tlbdrop.S - a tiny guest kernel (booted by the monitor like
 * kernel-disco.elf, linked by hostile.ld) that checks MC_TLB_DROP: it
 * must leave the virtual TLB and registers as the guest's own sequence
 * (tlbp; if found, tlbwi of an unmatchable invalid entry; EntryHi back)
 * would, and drop the monitor's copies (L2TLB, hardware TLB) so that the
 * next access misses.  Each failed check adds a bit to s0; the guest
 * powers its VM off with s0 (0: all passed):
 *   1    the mapping works before the drop: a supervisor load through
 *        user va 0x00400000 (ASID 3) reads what sseg wrote at gpa 0x100000
 *   2    MC_TLB_DROP(va, 3) returns 1
 *   4    then Index = 5 (the entry tlbp found)
 *   8    EntryLo0 = EntryLo1 = 0 (what the tlbwi wrote), and EntryHi is
 *        what it was before the call
 *   16   tlbr 5 reads the unmatchable entry: EntryHi 0x80000000 + 5 << 13,
 *        EntryLo0/1 0
 *   32   tlbp of (va, 3) finds nothing (Index.P); MC_TLB_DROP again
 *        returns 0 and leaves Index.P
 *   64   right after the call, the same load takes a TLB miss, forwarded
 *        to the guest's refill vector (the hardware and L2TLB entries
 *        are gone)
 *   128  a drop with another ASID (7) leaves an ASID-3 entry alone
 * (The VM's exit status has 8 bits.)
 * The vectors (gpa 0x000 and 0x180) hold one handler: k1 = 0x77, EPC += 4,
 * eret.
 */
#include "mcall.h"
	.set noreorder
	.set noat
	.text
	.globl _start
_start:
	li	$s0, 0				# failures
	/* the handler, copied to both vectors */
	li	$t0, GUEST_VEC_REFILL
	jal	copyvec
	nop
	li	$t0, GUEST_VEC_GENERAL
	jal	copyvec
	nop
	/* sseg write of gpa 0x100000; entry 5: va 0x00400000 ASID 3 -> gpa 0x100000, 0x101000 */
	li	$t0, GUEST_KERNBASE + 0x100000
	li	$t1, 0x1234abcd
	sw	$t1, 0($t0)
	li	$t2, 0x00400003
	mtc0	$t2, $10			# EntryHi (ASID 3: the current one)
	li	$t2, (0x100 << 6) | 0x1E	# PFN, C = 3, D, V
	mtc0	$t2, $2
	li	$t2, (0x101 << 6) | 0x1E
	mtc0	$t2, $3
	mtc0	$zero, $5			# PageMask
	li	$t2, 5
	mtc0	$t2, $0				# Index
	tlbwi
	li	$t2, 0x00002003			# EntryHi elsewhere, same ASID
	mtc0	$t2, $10
	/* 1: the mapping works */
	li	$k1, 0
	li	$t3, 0x00400000
	lw	$t4, 0($t3)
	bnez	$k1, 1f
	nop
	beq	$t4, $t1, 2f
	nop
1:	ori	$s0, $s0, 1
	/* 128: a drop with ASID 7 leaves it */
2:	li	$v0, MC_TLB_DROP
	li	$a0, 0x00400000
	li	$a1, 7
	syscall
	bnez	$v0, 3f
	nop
	li	$k1, 0
	lw	$t4, 0($t3)
	bnez	$k1, 3f
	nop
	beq	$t4, $t1, 4f
	nop
3:	ori	$s0, $s0, 128
	/* 2: the drop */
4:	li	$v0, MC_TLB_DROP
	li	$a0, 0x00400123
	li	$a1, 3
	syscall
	li	$t5, 1
	beq	$v0, $t5, 5f
	nop
	ori	$s0, $s0, 2
	/* 4: Index */
5:	mfc0	$t5, $0
	li	$t6, 5
	beq	$t5, $t6, 6f
	nop
	ori	$s0, $s0, 4
	/* 8: EntryLo0/1, EntryHi */
6:	mfc0	$t5, $2
	mfc0	$t6, $3
	or	$t5, $t5, $t6
	beqz	$t5, 7f
	nop
	ori	$s0, $s0, 8
7:	mfc0	$t5, $10
	beq	$t5, $t2, 8f
	nop
	ori	$s0, $s0, 8
	/* 64: the load misses now (before any tlbp of ours could drop it) */
8:	li	$k1, 0
	lw	$t4, 0($t3)
	li	$t5, 0x77
	beq	$k1, $t5, 81f
	nop
	ori	$s0, $s0, 64
	/* 16: tlbr 5 */
81:	tlbr
	mfc0	$t5, $10
	li	$t6, 0x8000A000
	bne	$t5, $t6, 9f
	nop
	mfc0	$t5, $2
	mfc0	$t6, $3
	or	$t5, $t5, $t6
	beqz	$t5, 10f
	nop
9:	ori	$s0, $s0, 16
10:	li	$t5, 0x00400003			# back to ASID 3 (tlbr set ASID 0)
	mtc0	$t5, $10
	/* 32: tlbp finds nothing */
	tlbp
	mfc0	$t5, $0
	bltz	$t5, 11f
	nop
	ori	$s0, $s0, 32
	/* 32: a second drop finds nothing */
11:	li	$v0, MC_TLB_DROP
	li	$a0, 0x00400000
	li	$a1, 3
	syscall
	mfc0	$t5, $0
	bnez	$v0, 12f
	nop
	bltz	$t5, 13f
	nop
12:	ori	$s0, $s0, 32
13:	move	$a0, $s0
	li	$v0, MC_POWEROFF
	syscall
15:	b	15b
	nop

/* Copy the handler (vec .. vec_end) to the vector at t0. */
copyvec:
	la	$t1, vec
	la	$t2, vec_end
1:	lw	$t3, 0($t1)
	sw	$t3, 0($t0)
	addiu	$t1, $t1, 4
	bne	$t1, $t2, 1b
	addiu	$t0, $t0, 4
	jr	$ra
	nop

/* The exception handler: note it in k1, skip the faulting instruction. */
vec:
	li	$k1, 0x77
	mfc0	$k0, $14
	addiu	$k0, $k0, 4
	mtc0	$k0, $14
	eret
vec_end:
