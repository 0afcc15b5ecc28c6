/*
 * console_wait.S - console receive by interrupt with the CPU parked in
 * WAIT between bursts of input: the machine, finding every CPU idle and
 * console input still possible, sleeps on the host input
 * (dev_console_wait_fd) until bytes come.  Echoes the input in upper case
 * like console_rx.S, then '\n' at the end of the input.
 */
#include "tests/asm/harness.h"
#include "devices/console.h"
#include "devices/intc.h"

#define CONSOLE	0xBF000000
#define INTC	0xBF000100
#define SRC	DEV_INTC_SRC_CONSOLE

TEST_MAIN
	li	$s0, CONSOLE
	li	$s2, INTC
	li	$t0, 1 << SRC
	sw	$t0, DEV_INTC_ENABLE($s2)
	li	$t0, DEV_CONSOLE_CTL_RXIE | DEV_CONSOLE_CTL_ENDIE
	sw	$t0, DEV_CONSOLE_CONTROL($s0)
	/* Park until the console interrupts (the handler leaves IE = 0). */
park:	EXC_EXPECT woke
	li	$t0, ST_IE | ST_IM(2)
	mtc0	$t0, C0_STATUS
	nop
	nop
	wait
	nop
	FAIL	10
woke:	CHECK_EXC EXC_INT, 11
	/* Drain the FIFO, echoing. */
1:	lw	$t0, DEV_CONSOLE_STATUS($s0)
	andi	$t1, $t0, DEV_CONSOLE_ST_AVAIL
	bne	$t1, $zero, 2f
	andi	$t1, $t0, DEV_CONSOLE_ST_END
	bne	$t1, $zero, 4f
	nop
	li	$t0, 1 << SRC			/* FIFO empty: line low, so */
	sw	$t0, DEV_INTC_PENDING($s2)	/* the controller ack sticks */
	b	park				/* nothing yet: sleep again */
	nop
2:	lw	$t0, DEV_CONSOLE_RXDATA($s0)
	sltiu	$t1, $t0, 'a'
	bne	$t1, $zero, 3f
	sltiu	$t1, $t0, 'z' + 1
	beq	$t1, $zero, 3f
	nop
	addiu	$t0, $t0, 'A' - 'a'
3:	sb	$t0, DEV_CONSOLE_TX($s0)
	b	1b
	nop
4:	li	$t0, '\n'
	sb	$t0, DEV_CONSOLE_TX($s0)
	sw	$zero, DEV_CONSOLE_CONTROL($s0)
	PASS
