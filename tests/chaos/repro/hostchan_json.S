/*
 * hostchan_json.S - 64 committed host-channel records, each a valid JSON
 * array of 524,287 zeros ("[0,0,...,0]", 1,048,575 bytes, just under the
 * 1 MiB record limit), then power off with 0.  With --stats FILE the
 * emulator parses every record into a cJSON tree: the host memory that
 * costs is what this program measures (docs/chaos.md, "hostchan_json").
 */
	.set	noreorder
	.text
	.globl	_start
_start:
	lui	$t0, 0xbf00
	ori	$t0, $t0, 0x0200	# host channel DATA
	li	$t5, '0'
	li	$t6, ','
	li	$t7, '['
	li	$t8, ']'
	li	$t3, 64			# records
2:	sb	$t7, 0($t0)		# [
	lui	$t2, 0x7		# 0x7fffe = 524286 times "0,"
	ori	$t2, $t2, 0xfffe
1:	sb	$t5, 0($t0)
	sb	$t6, 0($t0)
	addiu	$t2, $t2, -1
	bnez	$t2, 1b
	nop
	sb	$t5, 0($t0)		# 0]
	sb	$t8, 0($t0)
	li	$t4, 1
	sw	$t4, 4($t0)		# COMMIT
	addiu	$t3, $t3, -1
	bnez	$t3, 2b
	nop
	lui	$t0, 0xbf00
	sw	$zero, 0x10($t0)	# power off, status 0
1:	b	1b
	nop
