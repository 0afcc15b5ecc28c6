/*
 * log.c - the write-ahead log that makes file system operations atomic
 * and durable.  An operation runs between begin_op and end_op and changes
 * blocks only through log_write, which pins the changed buffer in the
 * cache.  When the last running operation ends, the group commits:
 *
 *   1. each changed block is written to its slot in the log area;
 *   2. the header (count + home block numbers) is written: the commit
 *      point -- from now on a crash replays the group;
 *   3. each block is written to its home location (install);
 *   4. the header is written again with count 0.
 *
 * Every step waits for the disk, so when end_op returns the operation is
 * in the image file.  At boot, initlog replays a committed group.  Writes
 * go straight from the pinned cache buffers to the disk, so a commit
 * needs no buffer of its own.
 *
 * begin_op reserves MAXOPBLOCKS log slots per running operation and waits
 * while the log could overflow or a commit is in progress.
 */
#include "klib.h"
#include "proc.h"
#include "kernel.h"
#include "spinlock.h"
#include "buf.h"
#include "fsdefs.h"

static struct {
	struct spinlock lock;
	int dev;
	uint32_t start;            /* block of the log header */
	int size;                  /* log slots in use: min(LOGSIZE, sb.nlog) */
	int outstanding;           /* operations between begin_op and end_op */
	int committing;            /* a commit is running: no begin_op */
	int n;                     /* blocks changed by the current group */
	struct buf *bufs[LOGSIZE]; /* those blocks' pinned buffers */
	struct logheader hdr;      /* the header block, written by DMA */
} log;

_Static_assert(sizeof(struct logheader) == BSIZE, "log header is one block");
_Static_assert(LOGSIZE <= LOGHDRMAX, "LOGSIZE exceeds the log header");

static uint8_t log_recbuf[BSIZE]; /* one block in transit during recovery */

/* Copy every block of a committed group to its home; then empty the log. */
static void log_recover(void)
{
	disk_xfer(log.dev, 0, log.start, &log.hdr);
	if (log.hdr.n > (uint32_t)LOGHDRMAX)
		panic("log_recover: corrupt log header (%u blocks)", log.hdr.n);
	if (log.hdr.n == 0)
		return;
	kprintf("fs: replaying %u logged blocks\n", log.hdr.n);
	for (uint32_t i = 0; i < log.hdr.n; i++) {
		disk_xfer(log.dev, 0, log.start + 1 + i, log_recbuf);
		disk_xfer(log.dev, 1, log.hdr.block[i], log_recbuf);
	}
	log.hdr.n = 0;
	disk_xfer(log.dev, 1, log.start, &log.hdr);
}

/* Set the log up from the superblock and replay what a crash left. */
void initlog(int dev, const struct superblock *sb)
{
	initlock(&log.lock, "log");
	log.dev = dev;
	log.start = sb->logstart;
	log.size = sb->nlog < LOGSIZE ? (int)sb->nlog : LOGSIZE;
	if (log.size < MAXOPBLOCKS)
		panic("initlog: log of %u blocks is smaller than an operation",
		      sb->nlog);
	log_recover();
}

/* Write the current group to the disk and install it (steps 1 to 4). */
static void log_commit(void)
{
	int n = log.n;

	if (n == 0)
		return;
	for (int i = 0; i < n; i++)
		disk_xfer(log.dev, 1, log.start + 1 + i, log.bufs[i]->data);
	log.hdr.n = n;
	for (int i = 0; i < n; i++)
		log.hdr.block[i] = log.bufs[i]->blockno;
	disk_xfer(log.dev, 1, log.start, &log.hdr);
	for (int i = 0; i < n; i++) {
		disk_xfer(log.dev, 1, log.bufs[i]->blockno, log.bufs[i]->data);
		bunpin(log.bufs[i]);
		log.bufs[i] = 0;
	}
	log.hdr.n = 0;
	disk_xfer(log.dev, 1, log.start, &log.hdr);
	log.n = 0;
}

/* Start a file system operation: wait until the log has room for it. */
void begin_op(void)
{
	acquire(&log.lock);
	while (log.committing ||
	       log.n + (log.outstanding + 1) * MAXOPBLOCKS > log.size)
		sleep(&log, &log.lock);
	log.outstanding++;
	release(&log.lock);
}

/* End an operation; the last one of a group commits the group. */
void end_op(void)
{
	int commit = 0;

	acquire(&log.lock);
	if (log.committing)
		panic("end_op: a commit is running");
	if (--log.outstanding == 0) {
		commit = 1;
		log.committing = 1;
	} else {
		wakeup(&log); /* the reservation of this operation is free */
	}
	release(&log.lock);
	if (!commit)
		return;
	log_commit();
	acquire(&log.lock);
	log.committing = 0;
	wakeup(&log);
	release(&log.lock);
}

/* Record that locked buffer b changed: it goes to the disk at commit. */
void log_write(struct buf *b)
{
	int i;

	acquire(&log.lock);
	if (log.outstanding < 1)
		panic("log_write: outside of begin_op/end_op");
	for (i = 0; i < log.n; i++)
		if (log.bufs[i] == b)
			break;
	if (i == log.n) {
		if (log.n >= log.size)
			panic("log_write: operation too big for the log");
		log.bufs[log.n++] = b;
		bpin(b);
	}
	release(&log.lock);
}

/* Wait until no operation runs: every ended operation is then installed. */
void log_sync(void)
{
	acquire(&log.lock);
	while (log.outstanding > 0 || log.committing)
		sleep(&log, &log.lock);
	release(&log.lock);
}
