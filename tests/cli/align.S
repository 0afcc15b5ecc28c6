/*
 * align.S - misaligned loads and stores in page 0 must raise address
 * errors (R4000 User's Manual, "Address Error Exception": a halfword,
 * word or doubleword access not aligned to its size raises AdEL for a
 * load, AdES for a store).
 *
 * Each access goes to the BEV=1 general vector 0xBFC00380 in the PROM,
 * which prints the ExcCode as one decimal digit and a newline and
 * continues at s7.  Expected output "4\n5\n4\n5\n" (AdEL=4, AdES=5), then
 * power-off with 0.  A missed exception shows as a missing line.
 *
 * This is the reproducer for a CPU bug found by the loader fuzz: the
 * software TLB marks empty entries with tag 1 (CPU_STLB_INVALID), and the
 * fast path compares va & ~(0xfff & ~(size-1)) with the tag, so a
 * misaligned access whose address is 1 modulo its size in page 0 "hits"
 * an empty entry and dereferences its null host pointer (segfault).
 */
#define CONSOLE	0xBF000000
#define POWER	0xBF000010

	.set	noreorder
	.text
	.globl	_start
_start:
	la	$s7, 1f
	nop
	lh	$t1, 1($zero)		# va 0x1: AdEL
1:	la	$s7, 2f
	nop
	sh	$zero, 1($zero)		# va 0x1: AdES
2:	la	$s7, 3f
	nop
	ld	$t1, 0x11($zero)	# va 0x11: AdEL
3:	la	$s7, 4f
	nop
	sd	$zero, 0x11($zero)	# va 0x11: AdES
4:	lui	$t0, 0xbf00
	ori	$t0, $t0, 0x10
	sw	$zero, 0($t0)		# power off, status 0
5:	b	5b
	nop

	.section .prom, "ax"
	.org	0x380
prom_general_vector:
	mfc0	$k0, $13		# Cause
	nop
	srl	$k0, $k0, 2
	andi	$k0, $k0, 0x1f		# ExcCode
	addiu	$k0, $k0, '0'
	lui	$k1, 0xbf00		# console
	sb	$k0, 0($k1)
	addiu	$k0, $zero, '\n'
	sb	$k0, 0($k1)
	jr	$s7
	nop
