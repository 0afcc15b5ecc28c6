/*
 * bio.c - the buffer cache: NBUF copies of disk blocks, kept on a list
 * from most to least recently released.  A block is cached in at most one
 * buffer; one user at a time holds a buffer's sleep lock and may read or
 * change its data.  bcache.lock guards the list, the identities and the
 * reference counts.
 *
 * bread a block, change it, log_write it (inside begin_op/end_op), brelse
 * it.  The log pins changed buffers (an extra reference) until they are
 * installed, so a pinned buffer is never recycled.
 */
#include "klib.h"
#include "proc.h"
#include "kernel.h"
#include "spinlock.h"
#include "sleeplock.h"
#include "buf.h"
#include "fsdefs.h"

static struct {
	struct spinlock lock;
	struct buf buf[NBUF];
	struct buf head;  /* list sentinel: head.next is the most recent */
	int waiting;      /* processes sleeping for a free buffer */
} bcache;

/* Unlink b from the LRU list; bcache.lock is held. */
static void bio_unlink(struct buf *b)
{
	b->next->prev = b->prev;
	b->prev->next = b->next;
}

/* Put b at the most recently used end of the list; bcache.lock is held. */
static void bio_push_front(struct buf *b)
{
	b->next = bcache.head.next;
	b->prev = &bcache.head;
	bcache.head.next->prev = b;
	bcache.head.next = b;
}

/* Build the empty cache. */
void binit(void)
{
	initlock(&bcache.lock, "bcache");
	bcache.head.prev = bcache.head.next = &bcache.head;
	for (int i = 0; i < NBUF; i++) {
		initsleeplock(&bcache.buf[i].lock, "buffer");
		bcache.buf[i].dev = -1;
		bio_push_front(&bcache.buf[i]);
	}
}

/*
 * Return the locked buffer of block (dev, blockno), recycling the least
 * recently used free buffer if the block is not cached; sleep while every
 * buffer is in use.
 */
static struct buf *bget(int dev, uint32_t blockno)
{
	struct buf *b;

	acquire(&bcache.lock);
	for (;;) {
		for (b = bcache.head.next; b != &bcache.head; b = b->next) {
			if (b->dev == dev && b->blockno == blockno) {
				b->refcnt++;
				release(&bcache.lock);
				acquiresleep(&b->lock);
				return b;
			}
		}
		for (b = bcache.head.prev; b != &bcache.head; b = b->prev) {
			if (b->refcnt == 0) {
				b->dev = dev;
				b->blockno = blockno;
				b->valid = 0;
				b->refcnt = 1;
				release(&bcache.lock);
				acquiresleep(&b->lock);
				return b;
			}
		}
		bcache.waiting++;
		sleep(&bcache, &bcache.lock);
		bcache.waiting--;
	}
}

/* Return a locked buffer holding the contents of block blockno of dev. */
struct buf *bread(int dev, uint32_t blockno)
{
	struct buf *b = bget(dev, blockno);

	if (!b->valid) {
		disk_rw(b, 0);
		b->valid = 1;
	}
	return b;
}

/* Write b's data to its block now; b must be locked. */
void bwrite(struct buf *b)
{
	if (!holdingsleep(&b->lock))
		panic("bwrite: buffer not locked");
	disk_rw(b, 1);
}

/* Unlock b and drop a reference; an unused buffer becomes the most recent. */
void brelse(struct buf *b)
{
	if (!holdingsleep(&b->lock))
		panic("brelse: buffer not locked");
	releasesleep(&b->lock);
	acquire(&bcache.lock);
	if (--b->refcnt == 0) {
		bio_unlink(b);
		bio_push_front(b);
		if (bcache.waiting)
			wakeup(&bcache);
	}
	release(&bcache.lock);
}

/* Keep b in the cache until bunpin (the log holds it until installed). */
void bpin(struct buf *b)
{
	acquire(&bcache.lock);
	b->refcnt++;
	release(&bcache.lock);
}

/* Drop bpin's reference. */
void bunpin(struct buf *b)
{
	acquire(&bcache.lock);
	if (--b->refcnt == 0) {
		bio_unlink(b);
		bio_push_front(b);
		if (bcache.waiting)
			wakeup(&bcache);
	}
	release(&bcache.lock);
}
