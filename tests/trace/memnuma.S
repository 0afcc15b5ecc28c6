/*
 * memnuma.S - misses for the mem trace check, on two nodes of 16 MB
 * (--nodes 2 --mem-per-node 16 --timing numa): a cached load from node
 * 1's memory (remote), one from node 0's (local), the same line again (a
 * hit: no miss), an uncached load of node 0's memory, and the power-off
 * store (a device reference).
 */
#include "tests/trace/trace.h"

	.set	noreorder
	.text
	.globl	_start
_start:
	li	$t1, 0x81000100		# kseg0, physical 0x01000100: node 1
	lw	$t0, 0($t1)
	li	$t1, 0x80200200		# physical 0x00200200: node 0
	lw	$t0, 0($t1)
	lw	$t0, 4($t1)		# same primary line: hits
	li	$t1, 0xA0300300		# kseg1: uncached, node 0
	lw	$t0, 0($t1)
	POWEROFF $zero
