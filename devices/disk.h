/*
 * disk.h - a disk with DMA backed by an image file: 512-byte sectors, one
 * command at a time, completion after a modelled latency, an interrupt on
 * completion.  Registers: docs/dev-disk.md.
 *
 *   window 0x1F001000 + 0x100*k, 256 bytes, big-endian 32-bit registers
 *   (lw/sw at these offsets only; anything else is a bus error)
 *
 *   +0x00 SECTOR    RW first sector of the next command
 *   +0x04 COUNT     RW number of sectors of the next command
 *   +0x08 DMA       RW physical address of the RAM buffer
 *   +0x0C COMMAND   W  1 READ (disk to RAM), 2 WRITE (RAM to disk),
 *                      3 FLUSH (the image reaches stable storage); reads 0
 *   +0x10 STATUS    R  31        16 15     8 7       3   2    1    0
 *                      +-----------+--------+---------+----+----+----+
 *                      |     0     | ERROR  |    0    |REJ |DONE|BUSY|
 *                      +-----------+--------+---------+----+----+----+
 *                      BUSY a command is in flight
 *                      DONE the last command finished (ERROR = its result)
 *                      REJ  a command was written while BUSY and ignored
 *                           (cleared by the next accepted command)
 *   +0x14 IE        RW bit 0: interrupt while DONE
 *   +0x18 ACK       W  any value clears DONE (lowers the interrupt); reads 0
 *   +0x1C CAPACITY  R  size of the image in sectors
 *
 * ERROR: 0 none, 1 bad command (unknown code, or COUNT 0), 2 sectors out of
 * range, 3 DMA buffer not entirely in RAM, 4 host I/O error.
 *
 * Latency of READ/WRITE, in cycles of the machine's time (svc->now):
 *   overhead + seek + COUNT * per_sector, where seek is 0 when SECTOR is
 *   the sector after the previous transfer, else
 *   min(seek_base + |SECTOR - that sector| / seek_div, seek_max).
 * FLUSH takes overhead + flush.  Bad commands finish at once.
 */
#ifndef DEVICES_DISK_H
#define DEVICES_DISK_H

#define DEV_DISK_SIZE 0x100u
#define DEV_DISK_SECTOR_BYTES 512u

#define DEV_DISK_SECTOR 0x00u
#define DEV_DISK_COUNT 0x04u
#define DEV_DISK_DMA 0x08u
#define DEV_DISK_COMMAND 0x0Cu
#define DEV_DISK_STATUS 0x10u
#define DEV_DISK_IE 0x14u
#define DEV_DISK_ACK 0x18u
#define DEV_DISK_CAPACITY 0x1Cu

#define DEV_DISK_CMD_READ 1u
#define DEV_DISK_CMD_WRITE 2u
#define DEV_DISK_CMD_FLUSH 3u

#define DEV_DISK_ST_BUSY 0x1u
#define DEV_DISK_ST_DONE 0x2u
#define DEV_DISK_ST_REJECTED 0x4u
#define DEV_DISK_ST_ERROR_SHIFT 8

#define DEV_DISK_ERR_NONE 0u
#define DEV_DISK_ERR_COMMAND 1u
#define DEV_DISK_ERR_RANGE 2u
#define DEV_DISK_ERR_DMA 3u
#define DEV_DISK_ERR_IO 4u

#if !defined(__ASSEMBLER__) && !defined(DEV_REGS_ONLY)
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "devices/device.h"

/* Latency constants, in cycles (defaults at 200 MHz in the comment). */
struct dev_disk_timing {
	uint64_t overhead;   /* every command: 2,000 (10 us) */
	uint64_t seek_base;  /* non-sequential access: 200,000 (1 ms) */
	uint64_t seek_div;   /* sectors of distance per extra cycle: 4 */
	uint64_t seek_max;   /* longest seek: 2,000,000 (10 ms) */
	uint64_t per_sector; /* transfer: 2,048 (512 B in 10.24 us) */
	uint64_t flush;      /* FLUSH: 100,000 (0.5 ms) */
};

/*
 * Create disk with interrupt source irq (-1: none) on the image at path,
 * opened read-write and locked; NULL after a one-line error on err
 * ("minidisco: --disk FILE: cannot open: Permission denied").
 */
struct device *dev_disk_create(const struct dev_services *svc, uint32_t base,
			       int irq, const char *path, FILE *err);
/* Whether a command is in flight; *due = the cycle it completes at. */
bool dev_disk_busy(const struct device *d, uint64_t *due);
/* The default latency constants. */
struct dev_disk_timing dev_disk_default_timing(void);
/* Use other latency constants (seek_div 0 counts as 1); for --machine. */
void dev_disk_set_timing(struct device *d, const struct dev_disk_timing *t);
#endif

#endif
