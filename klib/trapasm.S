/*
 * trapasm.S - exception entry and exit.
 *
 * Every vector holds a four-instruction stub that jumps to klib_trap_entry
 * with k1 = the vector's offset: 0x000, 0x080, 0x180 in kseg0 (BEV=0,
 * copied there by ktrap_install), 0x200, 0x280, 0x380 in the boot PROM
 * (BEV=1, loaded from the ELF file through klib.ld's .prom section).
 *
 * klib_trap_entry builds a struct ktrapframe (klib.h) on the interrupted
 * stack, calls klib_trap(tf), and returns from the frame with eret, so a
 * handler may change any saved register, EPC or Status.  The stack must be
 * valid: klib programs run in kernel mode on their crt0 stacks.
 *
 *   sp+0    argument save area (o32), 16 bytes
 *   sp+16   r[0..31]   sp+144 hi   sp+148 lo   sp+152 status
 *   sp+156  cause      sp+160 epc  sp+164 badvaddr   sp+168 vector
 */
#include "kmemlayout.h"
#include "kmips.h"

#define TF       16
#define TF_R(n)  (TF + 4 * (n))
#define TF_HI    (TF + 128)
#define TF_LO    (TF + 132)
#define TF_STATUS (TF + 136)
#define TF_CAUSE (TF + 140)
#define TF_EPC   (TF + 144)
#define TF_BADVA (TF + 148)
#define TF_VEC   (TF + 152)
#define FRAME    176

	.set	noreorder
	.set	noat

/* A vector stub: jump to klib_trap_entry with k1 = off. */
#define VEC_STUB(name, off)		\
	.globl	name;			\
name:					\
	lui	$k0, %hi(klib_trap_entry); \
	addiu	$k0, $k0, %lo(klib_trap_entry); \
	jr	$k0;			\
	addiu	$k1, $zero, off

	.text
	.align	2
VEC_STUB(klib_vec_refill, 0x000)
VEC_STUB(klib_vec_xrefill, 0x080)
VEC_STUB(klib_vec_general, 0x180)

	.section .prom.refill, "ax"
VEC_STUB(klib_prom_refill, 0x200)
	.section .prom.xrefill, "ax"
VEC_STUB(klib_prom_xrefill, 0x280)
	.section .prom.general, "ax"
VEC_STUB(klib_prom_general, 0x380)

	.text
	.globl	klib_trap_entry
	.ent	klib_trap_entry
klib_trap_entry:
	move	$k0, $sp
	addiu	$sp, $sp, -FRAME
	sw	$zero, TF_R(0)($sp)
	sw	$1, TF_R(1)($sp)
	sw	$2, TF_R(2)($sp)
	sw	$3, TF_R(3)($sp)
	sw	$4, TF_R(4)($sp)
	sw	$5, TF_R(5)($sp)
	sw	$6, TF_R(6)($sp)
	sw	$7, TF_R(7)($sp)
	sw	$8, TF_R(8)($sp)
	sw	$9, TF_R(9)($sp)
	sw	$10, TF_R(10)($sp)
	sw	$11, TF_R(11)($sp)
	sw	$12, TF_R(12)($sp)
	sw	$13, TF_R(13)($sp)
	sw	$14, TF_R(14)($sp)
	sw	$15, TF_R(15)($sp)
	sw	$16, TF_R(16)($sp)
	sw	$17, TF_R(17)($sp)
	sw	$18, TF_R(18)($sp)
	sw	$19, TF_R(19)($sp)
	sw	$20, TF_R(20)($sp)
	sw	$21, TF_R(21)($sp)
	sw	$22, TF_R(22)($sp)
	sw	$23, TF_R(23)($sp)
	sw	$24, TF_R(24)($sp)
	sw	$25, TF_R(25)($sp)
	sw	$zero, TF_R(26)($sp)
	sw	$zero, TF_R(27)($sp)
	sw	$28, TF_R(28)($sp)
	sw	$k0, TF_R(29)($sp)	/* the interrupted sp */
	sw	$30, TF_R(30)($sp)
	sw	$31, TF_R(31)($sp)
	sw	$k1, TF_VEC($sp)
	mfhi	$t0
	sw	$t0, TF_HI($sp)
	mflo	$t0
	sw	$t0, TF_LO($sp)
	mfc0	$t0, $12	/* Status */
	sw	$t0, TF_STATUS($sp)
	mfc0	$t0, $13	/* Cause */
	sw	$t0, TF_CAUSE($sp)
	mfc0	$t0, $14	/* EPC */
	sw	$t0, TF_EPC($sp)
	mfc0	$t0, $8	/* BadVAddr */
	sw	$t0, TF_BADVA($sp)

	jal	klib_trap
	addiu	$a0, $sp, TF

	/* Back out through the frame; EXL stays set until eret. */
	lw	$t0, TF_HI($sp)
	mthi	$t0
	lw	$t0, TF_LO($sp)
	mtlo	$t0
	lw	$t0, TF_STATUS($sp)
	ori	$t0, $t0, ST_EXL
	mtc0	$t0, $12	/* Status */
	lw	$t0, TF_EPC($sp)
	mtc0	$t0, $14	/* EPC */
	lw	$1, TF_R(1)($sp)
	lw	$2, TF_R(2)($sp)
	lw	$3, TF_R(3)($sp)
	lw	$4, TF_R(4)($sp)
	lw	$5, TF_R(5)($sp)
	lw	$6, TF_R(6)($sp)
	lw	$7, TF_R(7)($sp)
	lw	$8, TF_R(8)($sp)
	lw	$9, TF_R(9)($sp)
	lw	$10, TF_R(10)($sp)
	lw	$11, TF_R(11)($sp)
	lw	$12, TF_R(12)($sp)
	lw	$13, TF_R(13)($sp)
	lw	$14, TF_R(14)($sp)
	lw	$15, TF_R(15)($sp)
	lw	$16, TF_R(16)($sp)
	lw	$17, TF_R(17)($sp)
	lw	$18, TF_R(18)($sp)
	lw	$19, TF_R(19)($sp)
	lw	$20, TF_R(20)($sp)
	lw	$21, TF_R(21)($sp)
	lw	$22, TF_R(22)($sp)
	lw	$23, TF_R(23)($sp)
	lw	$24, TF_R(24)($sp)
	lw	$25, TF_R(25)($sp)
	lw	$28, TF_R(28)($sp)
	lw	$30, TF_R(30)($sp)
	lw	$31, TF_R(31)($sp)
	lw	$sp, TF_R(29)($sp)
	eret
	.end	klib_trap_entry
