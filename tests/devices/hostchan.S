/*
 * hostchan.S - the host channel end to end: commit a record named
 * "monitor" holding JSON twice (the second replaces the first), an unnamed
 * record "hello", and a cleared record that must not appear.
 * tests/devices/run.sh checks the records in the --stats file.
 *
 * Registers: devices/hostchan.h, docs/dev-hostchan.md.
 */
#include "tests/asm/harness.h"
#include "devices/hostchan.h"

#define HOSTCHAN 0xBF000200

/* Append the NUL-terminated string at label with byte stores. */
	.macro	SAY label
	la	$a0, \label
	jal	say
	nop
	.endm

/* Write the COMMAND register. */
	.macro	CMD c
	li	$t0, \c
	sw	$t0, DEV_HOSTCHAN_COMMAND($s0)
	.endm

TEST_MAIN
	li	$s0, HOSTCHAN
	lw	$t0, DEV_HOSTCHAN_STATUS($s0)
	CHECK_EQ $t0, 0, 10
	SAY	rec_old
	CMD	DEV_HOSTCHAN_CMD_COMMIT
	SAY	rec_hello
	lw	$t0, DEV_HOSTCHAN_LENGTH($s0)
	CHECK_EQ $t0, 5, 11
	CMD	DEV_HOSTCHAN_CMD_COMMIT
	SAY	rec_new
	CMD	DEV_HOSTCHAN_CMD_COMMIT
	SAY	rec_drop
	CMD	DEV_HOSTCHAN_CMD_CLEAR
	lw	$t0, DEV_HOSTCHAN_STATUS($s0)
	CHECK_EQ $t0, 2 << DEV_HOSTCHAN_ST_RECORDS_SHIFT, 12
	lw	$t0, DEV_HOSTCHAN_LENGTH($s0)
	CHECK_EQ $t0, 0, 13
	/* An unknown command is a bus error. */
	EXC_CLEAR
	CMD	7
	CHECK_EXC EXC_DBE, 14
	PASS

/* say(a0 = string): append it to the current record. */
	.type	say, @function
say:
1:	lbu	$t0, 0($a0)
	beq	$t0, $zero, 2f
	addiu	$a0, $a0, 1
	b	1b
	sb	$t0, DEV_HOSTCHAN_DATA($s0)
2:	jr	$ra
	nop

	.section .rodata
rec_old:	.asciz	"monitor\n{\"version\": 1}"
rec_hello:	.asciz	"hello"
rec_new:	.asciz	"monitor\n{\"version\": 2, \"vms\": [1, 2]}"
rec_drop:	.asciz	"dropped\nnot committed"
