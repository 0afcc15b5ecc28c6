/*
 * console_rx.S - console receive end to end.  Waits for the console's
 * interrupt (receive data or end of input) on Cause.IP2 through the
 * interrupt controller, then echoes every received byte to TX with
 * lower-case letters turned to upper case, until STATUS.END; then prints
 * '\n', checks the end state and the END interrupt, and passes.
 * tests/devices/run.sh feeds it a pipe ("Hello\nworld" gives
 * "HELLO\nWORLD\n"), a file, and /dev/null (output "\n").
 *
 * Registers: devices/console.h, devices/intc.h, docs/dev-console.md.
 */
#include "tests/asm/harness.h"
#include "devices/console.h"
#include "devices/intc.h"

#define CONSOLE	0xBF000000
#define INTC	0xBF000100
#define SRC	DEV_INTC_SRC_CONSOLE

/*
 * Wait until Cause.IP2 is set, else fail id after 10^9 tries (input from
 * a pipe arrives whenever the host writes it, so the bound is generous).
 */
	.macro	WAIT_IP2 id
	li	$t2, 1000000000
.Lw\@:	mfc0	$t1, C0_CAUSE
	andi	$t1, $t1, CAUSE_IP(2)
	bne	$t1, $zero, .Ld\@
	addiu	$t2, $t2, -1
	bne	$t2, $zero, .Lw\@
	nop
	FAIL	\id
.Ld\@:
	.endm

TEST_MAIN
	li	$s0, CONSOLE
	li	$s2, INTC
	lw	$t0, DEV_CONSOLE_STATUS($s0)
	CHECK_BITS $t0, DEV_CONSOLE_ST_TXREADY, DEV_CONSOLE_ST_TXREADY, 10
	lw	$t0, DEV_CONSOLE_CONTROL($s0)
	CHECK_EQ $t0, 0, 11

	/* Interrupt on data or on the end of the input. */
	li	$t0, 1 << SRC
	sw	$t0, DEV_INTC_ENABLE($s2)
	li	$t0, DEV_CONSOLE_CTL_RXIE | DEV_CONSOLE_CTL_ENDIE
	sw	$t0, DEV_CONSOLE_CONTROL($s0)
	WAIT_IP2 12
	lw	$t1, DEV_INTC_CAUSE($s2)
	CHECK_EQ $t1, 1 << SRC, 13
	lw	$t0, DEV_CONSOLE_STATUS($s0)
	andi	$t0, $t0, DEV_CONSOLE_ST_AVAIL | DEV_CONSOLE_ST_END
	CHECK_NE $t0, 0, 14

	/* Echo until END; s1 counts bytes, s3 bounds the idle spins. */
	move	$s1, $zero
	li	$s3, 1000000000
1:	lw	$t0, DEV_CONSOLE_STATUS($s0)
	andi	$t1, $t0, DEV_CONSOLE_ST_AVAIL
	bne	$t1, $zero, 2f
	andi	$t1, $t0, DEV_CONSOLE_ST_END
	bne	$t1, $zero, 4f
	addiu	$s3, $s3, -1
	bne	$s3, $zero, 1b
	nop
	FAIL	15
2:	lw	$t0, DEV_CONSOLE_RXDATA($s0)
	CHECK_RANGE $t0, 0, 255, 16
	sltiu	$t1, $t0, 'a'
	bne	$t1, $zero, 3f
	sltiu	$t1, $t0, 'z' + 1
	beq	$t1, $zero, 3f
	nop
	addiu	$t0, $t0, 'A' - 'a'
3:	sb	$t0, DEV_CONSOLE_TX($s0)
	b	1b
	addiu	$s1, $s1, 1

	/* END: nothing more to read, the status says so. */
4:	li	$t0, '\n'
	sb	$t0, DEV_CONSOLE_TX($s0)
	lw	$t0, DEV_CONSOLE_RXDATA($s0)
	CHECK_EQ $t0, -1, 17
	lw	$t0, DEV_CONSOLE_STATUS($s0)
	CHECK_EQ $t0, DEV_CONSOLE_ST_TXREADY | DEV_CONSOLE_ST_END, 18

	/* The END interrupt holds the line until ENDIE is cleared. */
	mfc0	$t1, C0_CAUSE
	CHECK_BITS $t1, CAUSE_IP(2), CAUSE_IP(2), 19
	li	$t0, DEV_CONSOLE_CTL_RXIE
	sw	$t0, DEV_CONSOLE_CONTROL($s0)
	lw	$t1, DEV_INTC_LEVEL($s2)
	CHECK_EQ $t1, 0, 20
	li	$t0, 1 << SRC
	sw	$t0, DEV_INTC_PENDING($s2)		/* controller ack */
	nop
	mfc0	$t1, C0_CAUSE
	CHECK_BITS $t1, CAUSE_IP(2), 0, 21

	/* Bus errors: a byte load of STATUS, a store to RXDATA. */
	EXC_CLEAR
	lbu	$t0, DEV_CONSOLE_STATUS($s0)
	CHECK_EXC EXC_DBE, 22
	EXC_CLEAR
	sw	$zero, DEV_CONSOLE_RXDATA($s0)
	CHECK_EXC EXC_DBE, 23
	PASS
