/*
 * disk_dma.S - disk 0 end to end: DMA reads and writes, errors, the
 * interrupt through the controller, bus errors.  Run by
 * tests/devices/run.sh on an 8-sector image whose bytes are the line
 * "minidisco disk test\n" repeated; the script then checks that sectors
 * 5 and 6 hold the line "written by the guest\n" repeated (1024 bytes)
 * and that every other byte of the image is unchanged.
 *
 * Registers: devices/disk.h, devices/intc.h, docs/dev-disk.md.
 */
#include "tests/asm/harness.h"
#include "devices/disk.h"
#include "devices/intc.h"

#define DISK0	0xBF001000
#define INTC	0xBF000100
#define SRC	DEV_INTC_SRC_DISK(0)

/* Write SECTOR, COUNT, DMA (a register) and COMMAND of the disk at $s0. */
	.macro	DCMD cmd, sector, count, dmareg
	li	$t0, \sector
	sw	$t0, DEV_DISK_SECTOR($s0)
	li	$t0, \count
	sw	$t0, DEV_DISK_COUNT($s0)
	sw	\dmareg, DEV_DISK_DMA($s0)
	li	$t0, \cmd
	sw	$t0, DEV_DISK_COMMAND($s0)
	.endm

/* $t1 = STATUS once DONE is set (bounded wait), else fail id. */
	.macro	WAIT_DONE id
	li	$t2, 2000000
.Lw\@:	lw	$t1, DEV_DISK_STATUS($s0)
	andi	$t3, $t1, DEV_DISK_ST_DONE
	bne	$t3, $zero, .Ld\@
	addiu	$t2, $t2, -1
	bne	$t2, $zero, .Lw\@
	nop
	FAIL	\id
.Ld\@:
	.endm

/* reg = physical address of label. */
	.macro	PA reg, label
	la	\reg, \label
	PHYS	\reg
	.endm

/* reg = uncached (kseg1) address of label (clobbers $t9). */
	.macro	UNCACHED reg, label
	la	\reg, \label
	PHYS	\reg
	lui	$t9, 0xA000
	or	\reg, \reg, $t9
	.endm

TEST_MAIN
	li	$s0, DISK0
	/* Reset state and capacity. */
	lw	$t0, DEV_DISK_CAPACITY($s0)
	CHECK_EQ $t0, 8, 10
	lw	$t0, DEV_DISK_STATUS($s0)
	CHECK_EQ $t0, 0, 11

	/* READ sectors 0..1 into buf_a and compare with the image's text. */
	PA	$s1, buf_a
	DCMD	DEV_DISK_CMD_READ, 0, 2, $s1
	lw	$t1, DEV_DISK_STATUS($s0)
	CHECK_EQ $t1, DEV_DISK_ST_BUSY, 12
	WAIT_DONE 13
	CHECK_EQ $t1, DEV_DISK_ST_DONE, 14
	UNCACHED $a0, buf_a
	la	$a1, line_img
	li	$a2, 1024
	li	$a3, 20
	jal	cmp_lines
	nop
	CHECK_EQ $v0, 0, 15

	/* WRITE 1024 bytes of the guest's text to sectors 5..6, FLUSH. */
	UNCACHED $a0, buf_b
	la	$a1, line_guest
	li	$a2, 1024
	li	$a3, 21
	jal	fill_lines
	nop
	PA	$s1, buf_b
	DCMD	DEV_DISK_CMD_WRITE, 5, 2, $s1
	WAIT_DONE 16
	CHECK_EQ $t1, DEV_DISK_ST_DONE, 17
	DCMD	DEV_DISK_CMD_FLUSH, 0, 0, $zero
	WAIT_DONE 18
	CHECK_EQ $t1, DEV_DISK_ST_DONE, 19

	/* READ them back into buf_c. */
	PA	$s1, buf_c
	DCMD	DEV_DISK_CMD_READ, 5, 2, $s1
	WAIT_DONE 20
	CHECK_EQ $t1, DEV_DISK_ST_DONE, 21
	UNCACHED $a0, buf_c
	la	$a1, line_guest
	li	$a2, 1024
	li	$a3, 21
	jal	cmp_lines
	nop
	CHECK_EQ $v0, 0, 22

	/* Bad commands finish at once with their error code. */
	PA	$s1, buf_a
	DCMD	DEV_DISK_CMD_READ, 7, 2, $s1		/* past the end */
	lw	$t1, DEV_DISK_STATUS($s0)
	CHECK_EQ $t1, DEV_DISK_ST_DONE | (DEV_DISK_ERR_RANGE << 8), 23
	li	$s1, 0x1F000000				/* device space */
	DCMD	DEV_DISK_CMD_READ, 0, 1, $s1
	lw	$t1, DEV_DISK_STATUS($s0)
	CHECK_EQ $t1, DEV_DISK_ST_DONE | (DEV_DISK_ERR_DMA << 8), 24
	DCMD	DEV_DISK_CMD_WRITE, 0, 0, $zero		/* COUNT 0 */
	lw	$t1, DEV_DISK_STATUS($s0)
	CHECK_EQ $t1, DEV_DISK_ST_DONE | (DEV_DISK_ERR_COMMAND << 8), 25
	sw	$zero, DEV_DISK_ACK($s0)
	lw	$t1, DEV_DISK_STATUS($s0)
	CHECK_EQ $t1, DEV_DISK_ERR_COMMAND << 8, 26

	/* Completion interrupt: disk -> controller -> Cause.IP2 (IE=0). */
	li	$s2, INTC
	li	$t0, 1 << SRC
	sw	$t0, DEV_INTC_ENABLE($s2)
	li	$t0, 1
	sw	$t0, DEV_DISK_IE($s0)
	mfc0	$t1, C0_CAUSE
	CHECK_BITS $t1, CAUSE_IP(2), 0, 27
	PA	$s1, buf_a
	DCMD	DEV_DISK_CMD_READ, 3, 1, $s1
	li	$t2, 2000000
1:	mfc0	$t1, C0_CAUSE
	andi	$t1, $t1, CAUSE_IP(2)
	bne	$t1, $zero, 2f
	addiu	$t2, $t2, -1
	bne	$t2, $zero, 1b
	nop
	FAIL	28
2:	lw	$t1, DEV_DISK_STATUS($s0)
	CHECK_EQ $t1, DEV_DISK_ST_DONE, 29
	lw	$t1, DEV_INTC_CAUSE($s2)
	CHECK_EQ $t1, 1 << SRC, 30
	sw	$zero, DEV_DISK_ACK($s0)		/* device line low */
	li	$t0, 1 << SRC
	sw	$t0, DEV_INTC_PENDING($s2)		/* controller ack */
	nop
	mfc0	$t1, C0_CAUSE
	CHECK_BITS $t1, CAUSE_IP(2), 0, 31

	/* Wrong sizes and offsets are bus errors (DBE). */
	EXC_CLEAR
	lb	$t0, DEV_DISK_STATUS($s0)
	CHECK_EXC EXC_DBE, 32
	EXC_CLEAR
	sw	$zero, 0x20($s0)
	CHECK_EXC EXC_DBE, 33
	EXC_CLEAR
	sw	$zero, DEV_DISK_CAPACITY($s0)
	CHECK_EXC EXC_DBE, 34
	lw	$t0, DEV_DISK_CAPACITY($s0)
	CHECK_EQ $t0, 8, 35
	PASS

/*
 * cmp_lines(a0 = bytes, a1 = line, a2 = n, a3 = line length): v0 = 0 if
 * the n bytes are the line repeated, else 1 + the offset of the first
 * difference.
 */
	.type	cmp_lines, @function
cmp_lines:
	move	$t0, $zero		/* offset */
	move	$t1, $zero		/* offset in the line */
1:	beq	$t0, $a2, 3f
	addu	$t2, $a0, $t0
	lbu	$t2, 0($t2)
	addu	$t3, $a1, $t1
	lbu	$t3, 0($t3)
	bne	$t2, $t3, 2f
	addiu	$t1, $t1, 1
	bne	$t1, $a3, 1b
	addiu	$t0, $t0, 1
	b	1b
	move	$t1, $zero
2:	jr	$ra
	addiu	$v0, $t0, 1
3:	jr	$ra
	move	$v0, $zero

/* fill_lines(a0 = bytes, a1 = line, a2 = n, a3 = line length). */
	.type	fill_lines, @function
fill_lines:
	move	$t0, $zero
	move	$t1, $zero
1:	beq	$t0, $a2, 2f
	addu	$t3, $a1, $t1
	lbu	$t3, 0($t3)
	addu	$t2, $a0, $t0
	sb	$t3, 0($t2)
	addiu	$t1, $t1, 1
	bne	$t1, $a3, 1b
	addiu	$t0, $t0, 1
	b	1b
	move	$t1, $zero
2:	jr	$ra
	nop

	.section .rodata
line_img:	.ascii	"minidisco disk test\n"		/* 20 bytes */
line_guest:	.ascii	"written by the guest\n"	/* 21 bytes */

	.section .bss
	.align	4
buf_a:	.space	1024
buf_b:	.space	1024
buf_c:	.space	1024
