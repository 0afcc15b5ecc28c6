/*
 * regswitch.S - software switches insn tracing on for exactly five
 * instructions through the trace-control register (devices/tracectl.h):
 * the trace shows those five and the store that switches it off again
 * (six lines; the store that switched it on is not traced).  The program
 * checks the register too: MASK reads back what was written, CATS reads
 * 0x3F.  Power off: 0, or the number of the check that failed.
 */
#include "tests/trace/trace.h"

	.set	noreorder
	.text
	.globl	_start
_start:
	li	$s0, TRACECTL
	lw	$s7, DEV_TRACECTL_MASK($s0)	# the categories of --trace
	li	$t0, DEV_TRACECTL_INSN
	.globl	trace_on
trace_on:
	sw	$t0, DEV_TRACECTL_MASK($s0)
	addiu	$t1, $zero, 1			# traced: 1
	addiu	$t1, $t1, 1			# 2
	addiu	$t1, $t1, 1			# 3
	lw	$t2, DEV_TRACECTL_MASK($s0)	# 4
	lw	$t3, DEV_TRACECTL_CATS($s0)	# 5
	.globl	trace_off
trace_off:
	sw	$s7, DEV_TRACECTL_MASK($s0)	# 6: restores --trace's
	lw	$t4, DEV_TRACECTL_MASK($s0)
	li	$v0, 5
	bne	$t2, $t0, fail			# MASK read back
	li	$t0, DEV_TRACECTL_ALL
	li	$v0, 6
	bne	$t3, $t0, fail			# CATS
	nop
	li	$v0, 7
	bne	$t4, $s7, fail			# MASK restored
	li	$t0, 3
	li	$v0, 8
	bne	$t1, $t0, fail
	nop
	POWEROFF $zero
fail:	POWEROFF $v0
