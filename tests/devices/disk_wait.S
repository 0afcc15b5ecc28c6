/*
 * disk_wait.S - a CPU parked in WAIT is woken by the disk's completion
 * interrupt: the machine, finding every CPU idle, advances its time to
 * the disk's completion (dev_disk_busy).  Count (which runs at half the
 * cycle rate) must show at least the modelled latency of the read:
 * overhead 2,000 + seek 200,000 + 4/4 + one sector 2,048 = 204,049 cycles
 * (docs/dev-disk.md, default constants).  Needs an image of 8 sectors.
 */
#include "tests/asm/harness.h"
#include "devices/disk.h"
#include "devices/intc.h"

#define DISK0	0xBF001000
#define INTC	0xBF000100
#define SRC	DEV_INTC_SRC_DISK(0)

TEST_MAIN
	li	$s0, DISK0
	li	$s2, INTC
	li	$t0, 1 << SRC
	sw	$t0, DEV_INTC_ENABLE($s2)
	li	$t0, 1
	sw	$t0, DEV_DISK_IE($s0)
	la	$t0, buf
	PHYS	$t0
	sw	$t0, DEV_DISK_DMA($s0)
	li	$t0, 4
	sw	$t0, DEV_DISK_SECTOR($s0)
	li	$t0, 1
	sw	$t0, DEV_DISK_COUNT($s0)
	EXC_EXPECT woke
	mfc0	$s1, C0_COUNT
	li	$t0, DEV_DISK_CMD_READ
	sw	$t0, DEV_DISK_COMMAND($s0)
	li	$t0, ST_IE | ST_IM(2)
	mtc0	$t0, C0_STATUS
	nop
	nop
	wait
	nop
	FAIL	10
woke:	mfc0	$s3, C0_COUNT
	CHECK_EXC EXC_INT, 11
	REC_LOAD $t1, REC_CAUSE
	CHECK_BITS $t1, CAUSE_IP(2), CAUSE_IP(2), 12
	lw	$t1, DEV_DISK_STATUS($s0)
	CHECK_EQ $t1, DEV_DISK_ST_DONE, 13
	subu	$t0, $s3, $s1
	CHECK_RANGE $t0, 204049 / 2, 204049, 14
	la	$t0, buf			/* the image's line at 4*512 */
	lui	$t9, 0xA000
	or	$t0, $t0, $t9
	lbu	$t1, 0($t0)
	CHECK_EQ $t1, 'o', 15			/* 2048 % 20 = 8: "minidisc" + 'o' */
	sw	$zero, DEV_DISK_ACK($s0)
	PASS

	.section .bss
	.align	4
buf:	.space	512
