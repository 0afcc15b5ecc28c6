/*
 * haldisk.c - the VM's disks through monitor calls, all of a command's
 * arguments in one trap.  The monitor checks and translates the DMA's
 * guest-physical address, runs the transfer on the machine's disk that
 * backs unit, and posts the virtual device source IRQ_DISK(unit) when it
 * is done; MC_DISK_DONE then returns its error and acknowledges it:
 *
 *   MC_DISK_INFO  (unit)                          -> sectors | NODEV
 *   MC_DISK_START (unit, write, sector, nsect, gpa)
 *   MC_DISK_FLUSH (unit)
 *   MC_DISK_DONE  (unit)                          -> AGAIN | error (0 ok)
 */
#include <stdint.h>

#include "hal.h"
#include "halint.h"
#include "halmcall.h"
#include "klib.h"

#define DISK_MAXUNITS 8   /* devpend has room for IRQ_DISK(0..7) in kernel/trap.c */

static int ndisks = -1;   /* units 0 .. ndisks-1 exist; -1: not asked yet */

/* Number of disk units the VM has, numbered from 0. */
int hal_disk_count(void)
{
	if (ndisks < 0) {
		int n = 0;
		while (n < DISK_MAXUNITS && mc_disk_info((uint32_t)n) >= 0)
			n++;
		ndisks = n;
	}
	return ndisks;
}

/* Capacity of unit in 512-byte sectors. */
uint32_t hal_disk_sectors(int unit)
{
	int32_t r = mc_disk_info((uint32_t)unit);
	return r < 0 ? 0 : (uint32_t)r;
}

/* Start a transfer of nsect sectors between sector and guest-physical pa. */
void hal_disk_start(int unit, int write, uint32_t sector, uint32_t nsect,
		    uint32_t pa)
{
	int32_t r = mc_disk_start((uint32_t)unit, write != 0, sector, nsect, pa);
	if (r < 0)
		kpanic("hal: disk %d refused sector %u x %u at 0x%x: error %d", unit,
		       sector, nsect, pa, (int)r);
}

/* Start a FLUSH of unit; its completion interrupts like a transfer's. */
void hal_disk_flush(int unit)
{
	int32_t r = mc_disk_flush((uint32_t)unit);
	if (r < 0)
		kpanic("hal: disk %d refused a flush: error %d", unit, (int)r);
}

/* If unit's command finished: acknowledge it, set *err, return 1; else 0. */
int hal_disk_done(int unit, int *err)
{
	int32_t r = mc_disk_done((uint32_t)unit);
	if (r == MC_ERR_AGAIN)
		return 0;
	*err = (int)r;
	return 1;
}
