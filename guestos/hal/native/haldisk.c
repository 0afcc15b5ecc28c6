/*
 * haldisk.c - the native HAL's disks: the DMA disk controllers at
 * PA_DISK(k), one 256-byte window per unit (docs/dev-disk.md).
 *
 *   +0x00 SECTOR   +0x04 COUNT   +0x08 DMA (physical)   +0x0C COMMAND
 *   +0x10 STATUS   +0x14 IE      +0x18 ACK              +0x1C CAPACITY
 *
 *   STATUS  31      16 15    8 7     3  2     1     0
 *          +----------+-------+-------+-----+-----+-----+
 *          |    0     | ERROR |   0   | REJ |DONE |BUSY |
 *          +----------+-------+-------+-----+-----+-----+
 *
 * A command latches SECTOR, COUNT and DMA; the device raises its
 * interrupt source (IRQ_DISK(k)) while IE and DONE are set, until ACK.
 */
#include <stdint.h>

#include "hal.h"
#include "halint.h"
#define DEV_REGS_ONLY
#include "devices/disk.h"

#define DISK_ST_ERROR(s) (((s) >> DEV_DISK_ST_ERROR_SHIFT) & 0xFF)

#define DISKREG(k, off) DEVREG(PA_DISK(k) + (off))

/* Number of disk units (the --disk options), numbered from 0. */
int hal_disk_count(void)
{
	return hal_bootinfo_disks();
}

/* Capacity of unit in 512-byte sectors. */
uint32_t hal_disk_sectors(int unit)
{
	return DISKREG(unit, DEV_DISK_CAPACITY);
}

/* Start a transfer of nsect sectors between sector and physical pa; interrupt when done. */
void hal_disk_start(int unit, int write, uint32_t sector, uint32_t nsect,
		    uint32_t pa)
{
	DISKREG(unit, DEV_DISK_SECTOR) = sector;
	DISKREG(unit, DEV_DISK_COUNT) = nsect;
	DISKREG(unit, DEV_DISK_DMA) = pa;
	DISKREG(unit, DEV_DISK_IE) = 1;
	DISKREG(unit, DEV_DISK_COMMAND) = write ? DEV_DISK_CMD_WRITE : DEV_DISK_CMD_READ;
}

/* Start a FLUSH of unit; interrupt when the image is on stable storage. */
void hal_disk_flush(int unit)
{
	DISKREG(unit, DEV_DISK_IE) = 1;
	DISKREG(unit, DEV_DISK_COMMAND) = DEV_DISK_CMD_FLUSH;
}

/* If unit's command finished: acknowledge it, set *err, return 1; else 0. */
int hal_disk_done(int unit, int *err)
{
	uint32_t st = DISKREG(unit, DEV_DISK_STATUS);

	if (!(st & DEV_DISK_ST_DONE))
		return 0;
	*err = (int)DISK_ST_ERROR(st);
	DISKREG(unit, DEV_DISK_ACK) = 1;
	return 1;
}
