/*
 * hostchan_flood.S - fills the host channel to its documented limits:
 * 64 committed records of 1 MiB each, every byte 0x01 (a control
 * character, which JSON must escape as \u0001: six bytes for one), then
 * powers off with 0.  Run with --stats FILE to see what writing the
 * statistics costs the host (docs/chaos.md, "hostchan_flood").
 */
	.set	noreorder
	.text
	.globl	_start
_start:
	lui	$t0, 0xbf00
	ori	$t0, $t0, 0x0200	# host channel DATA
	li	$t1, 1			# the byte
	li	$t3, 64			# records
2:	lui	$t2, 0x10		# 1 MiB
1:	sb	$t1, 0($t0)
	addiu	$t2, $t2, -1
	bnez	$t2, 1b
	nop
	li	$t4, 1
	sw	$t4, 4($t0)		# COMMIT
	addiu	$t3, $t3, -1
	bnez	$t3, 2b
	nop
	lui	$t0, 0xbf00
	sw	$zero, 0x10($t0)	# power off, status 0
1:	b	1b
	nop
