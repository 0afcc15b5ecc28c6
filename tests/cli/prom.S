/*
 * prom.S - boot from the PROM and take bus errors to its BEV vector.
 *
 * The entry is kseg1 0xBFC00000: it prints "prom\n" and jumps to RAM.
 * The RAM code then makes two bus errors (DBE, ExcCode 7), each of which
 * goes to the BEV=1 general exception vector 0xBFC00380, also in the PROM;
 * the handler prints "dbe\n" and continues at the address in s7:
 *   1. a load from physical 0x1E000000, where there is neither RAM nor a
 *      device;
 *   2. a store to the PROM itself, which is read-only.
 * Finally the program checks that the PROM word it tried to overwrite is
 * unchanged and powers off with 0.  Any other path powers off non-zero.
 */
#define CONSOLE	0xBF000000
#define POWER	0xBF000010

	.section .prom, "ax"
	.globl	_start
_start:
	li	$t0, CONSOLE
	li	$t1, 'p'
	sb	$t1, 0($t0)
	li	$t1, 'r'
	sb	$t1, 0($t0)
	li	$t1, 'o'
	sb	$t1, 0($t0)
	li	$t1, 'm'
	sb	$t1, 0($t0)
	li	$t1, '\n'
	sb	$t1, 0($t0)
	la	$t0, in_ram
	jr	$t0

	.org	0x380
	.globl	prom_general_vector
prom_general_vector:
	mfc0	$k0, $13		# Cause
	nop
	srl	$k0, $k0, 2
	andi	$k0, $k0, 0x1f		# ExcCode
	li	$k1, 7			# DBE
	li	$t0, POWER
	bne	$k0, $k1, 1f
	li	$t1, 'd'
	li	$t2, CONSOLE
	sb	$t1, 0($t2)
	li	$t1, 'b'
	sb	$t1, 0($t2)
	li	$t1, 'e'
	sb	$t1, 0($t2)
	li	$t1, '\n'
	sb	$t1, 0($t2)
	jr	$s7
1:	addiu	$k0, $k0, 100		# wrong exception: 100 + ExcCode
	sw	$k0, 0($t0)
2:	b	2b

	.text
	.globl	in_ram
in_ram:
	la	$s7, store_to_prom
	li	$t0, 0xBE000000		# physical 0x1E000000: nothing there
	lw	$t1, 0($t0)
	li	$t1, 2			# no bus error: status 2
	b	power_off
store_to_prom:
	la	$s7, check_prom
	li	$t0, 0xBFC00000
	lw	$s6, 0($t0)		# the PROM's first word
	sw	$zero, 0($t0)
	li	$t1, 3			# no bus error: status 3
	b	power_off
check_prom:
	li	$t0, 0xBFC00000
	lw	$t1, 0($t0)
	xor	$t1, $t1, $s6
	sltu	$t1, $zero, $t1		# 1 if the store changed the PROM
power_off:
	li	$t0, POWER
	sw	$t1, 0($t0)
1:	b	1b
