/*
 * fs.c - the file system's lower half: the superblock, the free-block
 * bitmap and the table of in-memory inodes.  The disk layout is drawn in
 * include/fs.h; bmap.c maps file blocks to disk blocks, dir.c does
 * directories and path names.
 *
 * Inodes in memory: itable.lock guards each entry's identity and ref (the
 * number of pointers to the entry).  An entry with ref > 0 stays for its
 * (dev, inum); ilock reads the dinode the first time and holds the inode's
 * sleep lock, which guards the copied fields.  iput drops a reference;
 * the last reference to an inode no directory names frees it on the disk,
 * so iput must run inside begin_op/end_op.  When all NINODE entries are
 * referenced, iget returns 0 and the system call that needed one more
 * fails with -1; nothing is printed.
 */
#include "klib.h"
#include "proc.h"
#include "kernel.h"
#include "spinlock.h"
#include "sleeplock.h"
#include "buf.h"
#include "file.h"
#include "stat.h"
#include "fsdefs.h"

static struct superblock sb; /* of the root file system */
static int fs_ready;         /* fsinit has run */

static struct {
	struct spinlock lock;
	struct inode inode[NINODE];
} itable;

/* Read and check the superblock of dev, then recover its log. */
void fsinit(int dev)
{
	struct buf *bp;

	if (disk_blocks(dev) <= SUPERBLOCK)
		panic("fsinit: no root disk %d (give one with --disk IMAGE)", dev);
	bp = bread(dev, SUPERBLOCK);
	memmove(&sb, bp->data, sizeof sb);
	brelse(bp);
	if (sb.magic != FSMAGIC)
		panic("fsinit: disk%d holds no file system (magic %x)", dev,
		      sb.magic);
	if (sb.size > disk_blocks(dev))
		panic("fsinit: file system of %u blocks on disk%d of %u blocks",
		      sb.size, dev, disk_blocks(dev));
	initlog(dev, &sb);
	fs_ready = 1;
	kprintf("fs: %u blocks, %u inodes, %u data blocks\n", sb.size,
		sb.ninodes, sb.nblocks);
}

/* Make everything synced so far durable: wait for the log, flush the disk. */
void fs_sync(void)
{
	if (!fs_ready)
		return;
	log_sync();
	disk_flush(ROOTDEV);
}

/* Fill block b of dev with zeroes, through the log. */
static void bzero(int dev, uint32_t b)
{
	struct buf *bp = bread(dev, b);

	memset(bp->data, 0, BSIZE);
	log_write(bp);
	brelse(bp);
}

/*
 * Allocate a zeroed block of dev and return its number, or 0 when the disk
 * is full.  Bitmap: block b is bit b % 8 (LSB first) of byte (b % BPB) / 8
 * of bitmap block BBLOCK(b).
 */
uint32_t balloc(int dev)
{
	for (uint32_t base = 0; base < sb.size; base += BPB) {
		struct buf *bp = bread(dev, BBLOCK(base, sb));
		for (uint32_t bi = 0; bi < BPB && base + bi < sb.size; bi++) {
			if (bp->data[bi / 8] == 0xFF) {
				bi |= 7;
				continue;
			}
			uint8_t m = 1 << (bi % 8);
			if (bp->data[bi / 8] & m)
				continue;
			bp->data[bi / 8] |= m;
			log_write(bp);
			brelse(bp);
			bzero(dev, base + bi);
			return base + bi;
		}
		brelse(bp);
	}
	return 0;
}

/* Mark block b of dev free. */
void bfree(int dev, uint32_t b)
{
	struct buf *bp = bread(dev, BBLOCK(b, sb));
	uint32_t bi = b % BPB;
	uint8_t m = 1 << (bi % 8);

	if ((bp->data[bi / 8] & m) == 0)
		panic("bfree: block %u is already free", b);
	bp->data[bi / 8] &= ~m;
	log_write(bp);
	brelse(bp);
}

/* Build the empty inode table. */
void iinit(void)
{
	initlock(&itable.lock, "itable");
	for (int i = 0; i < NINODE; i++)
		initsleeplock(&itable.inode[i].lock, "inode");
}

/*
 * Return the unlocked in-memory inode (dev, inum), with a new reference;
 * 0 if it is not in memory and every entry is in use (the caller's system
 * call fails, as ENFILE would in UNIX).
 */
struct inode *iget(int dev, uint32_t inum)
{
	struct inode *ip, *empty = 0;

	acquire(&itable.lock);
	for (ip = &itable.inode[0]; ip < &itable.inode[NINODE]; ip++) {
		if (ip->ref > 0 && ip->dev == dev && ip->inum == inum) {
			ip->ref++;
			release(&itable.lock);
			return ip;
		}
		if (empty == 0 && ip->ref == 0)
			empty = ip;
	}
	if (empty == 0) {
		release(&itable.lock);
		return 0;
	}
	empty->dev = dev;
	empty->inum = inum;
	empty->ref = 1;
	empty->valid = 0;
	release(&itable.lock);
	return empty;
}

/*
 * Give free dinode dip (inode inum of dev, in locked buffer bp) the type,
 * release bp and return the inode; take the in-memory entry first, so
 * that with none free (0) the dinode stays free.
 */
static struct inode *iclaim(struct buf *bp, struct dinode *dip, int dev,
			    uint32_t inum, short type)
{
	struct inode *ip = iget(dev, inum);

	if (ip) {
		memset(dip, 0, sizeof *dip);
		dip->type = type;
		log_write(bp);
	}
	brelse(bp);
	return ip;
}

/* Allocate a free inode of dev with the given type; 0 when none is left on the disk or in memory. */
struct inode *ialloc(int dev, short type)
{
	for (uint32_t base = 0; base < sb.ninodes; base += IPB) {
		struct buf *bp = bread(dev, IBLOCK(base, sb));
		struct dinode *dip = (struct dinode *)bp->data;
		for (uint32_t i = 0; i < IPB && base + i < sb.ninodes; i++)
			if (base + i > 0 && dip[i].type == FT_FREE)
				return iclaim(bp, &dip[i], dev, base + i, type);
		brelse(bp);
	}
	return 0;
}

/* Copy locked ip's fields to its dinode, through the log. */
void iupdate(struct inode *ip)
{
	struct buf *bp = bread(ip->dev, IBLOCK(ip->inum, sb));
	struct dinode *dip = (struct dinode *)bp->data + ip->inum % IPB;

	dip->type = ip->type;
	dip->major = ip->major;
	dip->minor = ip->minor;
	dip->nlink = ip->nlink;
	dip->size = ip->size;
	memmove(dip->addrs, ip->addrs, sizeof ip->addrs);
	log_write(bp);
	brelse(bp);
}

/* Add a reference to ip and return it. */
struct inode *idup(struct inode *ip)
{
	acquire(&itable.lock);
	ip->ref++;
	release(&itable.lock);
	return ip;
}

/* Lock ip, reading its dinode from the disk the first time. */
void ilock(struct inode *ip)
{
	if (ip == 0 || ip->ref < 1)
		panic("ilock: no such inode");
	acquiresleep(&ip->lock);
	if (ip->valid)
		return;
	struct buf *bp = bread(ip->dev, IBLOCK(ip->inum, sb));
	struct dinode *dip = (struct dinode *)bp->data + ip->inum % IPB;
	ip->type = dip->type;
	ip->major = dip->major;
	ip->minor = dip->minor;
	ip->nlink = dip->nlink;
	ip->size = dip->size;
	memmove(ip->addrs, dip->addrs, sizeof ip->addrs);
	brelse(bp);
	ip->valid = 1;
	if (ip->type == FT_FREE)
		panic("ilock: inode %u is free on the disk", ip->inum);
}

/* Unlock ip. */
void iunlock(struct inode *ip)
{
	if (ip == 0 || !holdingsleep(&ip->lock) || ip->ref < 1)
		panic("iunlock: inode not locked");
	releasesleep(&ip->lock);
}

/* Drop a reference to ip; free it on the disk if it was the last one to an unnamed inode. */
void iput(struct inode *ip)
{
	acquire(&itable.lock);
	if (ip->ref == 1 && ip->valid && ip->nlink == 0) {
		/* No one else can reach ip: the lock cannot block. */
		acquiresleep(&ip->lock);
		release(&itable.lock);
		itrunc(ip);
		ip->type = FT_FREE;
		iupdate(ip);
		ip->valid = 0;
		releasesleep(&ip->lock);
		acquire(&itable.lock);
	}
	ip->ref--;
	release(&itable.lock);
}

/* Unlock ip, then drop a reference. */
void iunlockput(struct inode *ip)
{
	iunlock(ip);
	iput(ip);
}
