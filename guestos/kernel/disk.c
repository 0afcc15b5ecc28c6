/*
 * disk.c - the disk driver.  Each unit has a queue of requests; the
 * device runs one command at a time, moving sectors by DMA straight to or
 * from the caller's memory, and interrupts when it is done
 * (docs/dev-disk.md).  A caller queues its request and sleeps; the
 * interrupt (disk_intr, on whichever CPU the source is routed to) finishes
 * the head request, wakes its owner and starts the next one.  A failed
 * command is a hardware fault: the kernel panics.
 *
 *   unit queue:  head (on the device) -> next -> ... -> tail
 */
#include "klib.h"
#include "proc.h"
#include "kernel.h"
#include "spinlock.h"
#include "hal.h"
#include "buf.h"
#include "fsdefs.h"

#define NDISK 8 /* the machine has at most eight disk units */

enum disk_op { DISK_READ, DISK_WRITE, DISK_FLUSH };

/* One command waiting for, or on, a unit; lives on its caller's stack. */
struct diskreq {
	enum disk_op op;
	uint32_t sector;
	uint32_t nsect;
	uint32_t pa;          /* DMA address (physical) */
	int done;             /* set by disk_intr under the unit's lock */
	struct diskreq *next;
};

struct disk {
	struct spinlock lock;
	struct diskreq *head; /* the request on the device, or 0 */
	struct diskreq *tail;
	uint32_t sectors;     /* capacity */
};

static struct disk disks[NDISK];
static int ndisks;

static const char *const disk_opname[] = { "read", "write", "flush" };

/* STATUS.ERROR codes of the device (docs/dev-disk.md). */
static const char *const disk_errname[] = {
	"none", "bad command", "out of range", "DMA address not RAM",
	"host I/O error",
};

/* Find every disk unit and its size. */
void disk_init(void)
{
	ndisks = hal_disk_count();
	if (ndisks > NDISK)
		ndisks = NDISK;
	for (int u = 0; u < ndisks; u++) {
		initlock(&disks[u].lock, "disk");
		disks[u].sectors = hal_disk_sectors(u);
		kprintf("disk%d: %u KB\n", u, disks[u].sectors / 2);
	}
}

/* Return the number of 1 KB blocks on unit, 0 if there is no such unit. */
uint32_t disk_blocks(int unit)
{
	if (unit < 0 || unit >= ndisks)
		return 0;
	return disks[unit].sectors / BSECTORS;
}

/* Give the head request of d to the device; d->lock is held. */
static void disk_start(struct disk *d, int unit)
{
	struct diskreq *r = d->head;

	if (r->op == DISK_FLUSH)
		hal_disk_flush(unit);
	else
		hal_disk_start(unit, r->op == DISK_WRITE, r->sector, r->nsect,
			       r->pa);
}

/* Queue r on unit, start it if the unit is idle, and sleep until it is done. */
static void disk_submit(int unit, struct diskreq *r)
{
	struct disk *d;

	if (unit < 0 || unit >= ndisks)
		panic("disk_submit: no disk unit %d", unit);
	d = &disks[unit];
	r->done = 0;
	r->next = 0;
	acquire(&d->lock);
	if (d->head == 0) {
		d->head = d->tail = r;
		disk_start(d, unit);
	} else {
		d->tail->next = r;
		d->tail = r;
	}
	while (!r->done)
		sleep(r, &d->lock);
	release(&d->lock);
}

/* Move one 1 KB block between data (a kernel address) and block blockno. */
void disk_xfer(int unit, int write, uint32_t blockno, void *data)
{
	struct diskreq r;

	r.op = write ? DISK_WRITE : DISK_READ;
	r.sector = blockno * BSECTORS;
	r.nsect = BSECTORS;
	r.pa = V2P(data);
	if (unit >= 0 && unit < ndisks &&
	    r.sector + r.nsect > disks[unit].sectors)
		panic("disk_xfer: block %u beyond the end of disk%d", blockno,
		      unit);
	disk_submit(unit, &r);
}

/* Read or write buffer b from or to its block; b's sleep lock is held. */
void disk_rw(struct buf *b, int write)
{
	if (!holdingsleep(&b->lock))
		panic("disk_rw: buffer not locked");
	disk_xfer(b->dev, write, b->blockno, b->data);
}

/* Wait until everything written to unit is on stable storage. */
void disk_flush(int unit)
{
	struct diskreq r;

	r.op = DISK_FLUSH;
	r.sector = r.nsect = r.pa = 0;
	disk_submit(unit, &r);
}

/* The interrupt of unit: finish the head request and start the next. */
void disk_intr(int unit)
{
	struct disk *d;
	struct diskreq *r;
	int err;

	if (unit < 0 || unit >= ndisks)
		return;
	d = &disks[unit];
	acquire(&d->lock);
	if (!hal_disk_done(unit, &err) || d->head == 0) {
		release(&d->lock);
		return;
	}
	r = d->head;
	if (err != 0)
		panic("disk%d: %s of %u sectors at sector %u failed: %s",
		      unit, disk_opname[r->op], r->nsect, r->sector,
		      (unsigned)err < 5 ? disk_errname[err] : "unknown error");
	d->head = r->next;
	if (d->head == 0)
		d->tail = 0;
	r->done = 1;
	wakeup(r);
	if (d->head)
		disk_start(d, unit);
	release(&d->lock);
}
