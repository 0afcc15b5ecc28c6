/*
 * devirq.S - device accesses and interrupt lines for the dev and irq
 * trace check (run with standard input at its end: /dev/null).
 *
 *   1. wait for the console's STATUS.END (no more input will come);
 *   2. enable interrupt source 0 (console) and set CONTROL.ENDIE: the
 *      console raises its source, the controller CPU 0's line 0;
 *   3. read CAUSE (must be 1), clear CONTROL (the source falls), and
 *      acknowledge it at PENDING (the latched line 0 falls);
 *   4. send CPU 0 an IPI (line 1 rises), read IPI (must be 1), clear it;
 *   5. power off with 0 (1 if a read was wrong, 2 if END never came).
 *
 * Registers: devices/console.h, devices/intc.h.
 */
#include "tests/trace/trace.h"
#include "devices/console.h"
#include "devices/intc.h"

	.set	noreorder
	.text
	.globl	_start
_start:
	li	$s0, CONSOLE
	li	$s2, INTC
	li	$t2, 100000
1:	lw	$t0, DEV_CONSOLE_STATUS($s0)
	andi	$t0, $t0, DEV_CONSOLE_ST_END
	bne	$t0, $zero, 2f
	addiu	$t2, $t2, -1
	bne	$t2, $zero, 1b
	nop
	li	$t0, 2
	POWEROFF $t0
2:	li	$t0, 1 << DEV_INTC_SRC_CONSOLE
	sw	$t0, DEV_INTC_ENABLE($s2)
	li	$t0, DEV_CONSOLE_CTL_ENDIE
	sw	$t0, DEV_CONSOLE_CONTROL($s0)
	lw	$t1, DEV_INTC_CAUSE($s2)
	sw	$zero, DEV_CONSOLE_CONTROL($s0)
	li	$t0, 1
	sw	$t0, DEV_INTC_PENDING($s2)	# acknowledge: line 0 falls
	bne	$t1, $t0, bad
	nop
	sw	$t0, DEV_INTC_IPI_SEND($s2)	# IPI to CPU 0 (itself)
	lw	$t1, DEV_INTC_IPI($s2)
	sw	$t0, DEV_INTC_IPI($s2)		# clear it
	bne	$t1, $t0, bad
	nop
	POWEROFF $zero
bad:	li	$t0, 1
	POWEROFF $t0
