/*
 * bmap.c - the blocks of a file: mapping file block numbers to disk
 * blocks through the direct, indirect and double indirect addresses of
 * the inode (include/fs.h), reading, writing and truncating.
 *
 *   ip->addrs[0..10]  ---> data
 *   ip->addrs[11]     ---> [256 addresses] ---> data
 *   ip->addrs[12]     ---> [256 addresses] ---> [256 addresses] ---> data
 */
#include "klib.h"
#include "proc.h"
#include "kernel.h"
#include "sleeplock.h"
#include "buf.h"
#include "file.h"
#include "stat.h"
#include "vm.h"
#include "fsdefs.h"

/* Return address slot i of ip, allocating a block if it is empty; 0 if the disk is full. */
static uint32_t bmap_slot(struct inode *ip, int i)
{
	if (ip->addrs[i] == 0)
		ip->addrs[i] = balloc(ip->dev);
	return ip->addrs[i];
}

/* Return entry idx of indirect block ind, allocating a block if it is empty; 0 if the disk is full. */
static uint32_t bmap_entry(int dev, uint32_t ind, uint32_t idx)
{
	struct buf *bp = bread(dev, ind);
	uint32_t *a = (uint32_t *)bp->data;
	uint32_t addr = a[idx];

	if (addr == 0) {
		addr = balloc(dev);
		if (addr != 0) {
			a[idx] = addr;
			log_write(bp);
		}
	}
	brelse(bp);
	return addr;
}

/* Return the disk block of file block bn of locked ip, allocating as needed; 0 if the disk is full. */
uint32_t bmap(struct inode *ip, uint32_t bn)
{
	uint32_t ind;

	if (bn < NDIRECT)
		return bmap_slot(ip, bn);
	bn -= NDIRECT;
	if (bn < NINDIRECT) {
		ind = bmap_slot(ip, NDIRECT);
		return ind ? bmap_entry(ip->dev, ind, bn) : 0;
	}
	bn -= NINDIRECT;
	if (bn < NDINDIRECT) {
		ind = bmap_slot(ip, NDIRECT + 1);
		if (ind)
			ind = bmap_entry(ip->dev, ind, bn / NINDIRECT);
		return ind ? bmap_entry(ip->dev, ind, bn % NINDIRECT) : 0;
	}
	panic("bmap: file block %u beyond MAXFILE", bn + NDIRECT + NINDIRECT);
}

/* Free indirect block ind of dev and, depth levels down, every block it points at. */
static void bmap_free_tree(int dev, uint32_t ind, int depth)
{
	struct buf *bp = bread(dev, ind);
	uint32_t *a = (uint32_t *)bp->data;

	for (uint32_t i = 0; i < NINDIRECT; i++) {
		if (a[i] == 0)
			continue;
		if (depth > 1)
			bmap_free_tree(dev, a[i], depth - 1);
		else
			bfree(dev, a[i]);
	}
	brelse(bp);
	bfree(dev, ind);
}

/* Free every block of locked ip and make it empty; inside an operation. */
void itrunc(struct inode *ip)
{
	for (int i = 0; i < NDIRECT; i++) {
		if (ip->addrs[i])
			bfree(ip->dev, ip->addrs[i]);
		ip->addrs[i] = 0;
	}
	for (int depth = 1; depth <= 2; depth++) {
		uint32_t *slot = &ip->addrs[NDIRECT + depth - 1];
		if (*slot)
			bmap_free_tree(ip->dev, *slot, depth);
		*slot = 0;
	}
	ip->size = 0;
	iupdate(ip);
}

/* Copy locked ip's type, size and numbers to st. */
void stati(struct inode *ip, struct stat *st)
{
	st->dev = ip->dev;
	st->ino = ip->inum;
	st->type = ip->type;
	st->nlink = ip->nlink;
	st->size = ip->size;
}

/*
 * Read up to n bytes at offset off of locked ip to dst (a user address of
 * the current process if user_dst, else a kernel address); return the
 * bytes read, or -1 if dst is bad.
 */
int readi(struct inode *ip, int user_dst, uint32_t dst, uint32_t off,
	  uint32_t n)
{
	uint32_t tot, m;

	if (off > ip->size || off + n < off)
		return 0;
	if (off + n > ip->size)
		n = ip->size - off;
	for (tot = 0; tot < n; tot += m, off += m, dst += m) {
		uint32_t addr = bmap(ip, off / BSIZE);
		if (addr == 0)
			break;
		struct buf *bp = bread(ip->dev, addr);
		m = BSIZE - off % BSIZE;
		if (m > n - tot)
			m = n - tot;
		if (either_copyout(user_dst, dst, bp->data + off % BSIZE, m) < 0) {
			brelse(bp);
			return -1;
		}
		brelse(bp);
	}
	return tot;
}

/*
 * Write n bytes from src (user address if user_src) to locked ip at
 * offset off, growing the file; inside an operation.  Return the bytes
 * written (fewer when the disk fills up), or -1 for a bad offset.
 */
int writei(struct inode *ip, int user_src, uint32_t src, uint32_t off,
	   uint32_t n)
{
	uint32_t tot, m;

	if (off > ip->size || off + n < off)
		return -1;
	if ((uint64_t)off + n > (uint64_t)MAXFILE * BSIZE)
		return -1;
	for (tot = 0; tot < n; tot += m, off += m, src += m) {
		uint32_t addr = bmap(ip, off / BSIZE);
		if (addr == 0)
			break;
		struct buf *bp = bread(ip->dev, addr);
		m = BSIZE - off % BSIZE;
		if (m > n - tot)
			m = n - tot;
		if (either_copyin(bp->data + off % BSIZE, user_src, src, m) < 0) {
			brelse(bp);
			break;
		}
		log_write(bp);
		brelse(bp);
	}
	if (off > ip->size)
		ip->size = off;
	iupdate(ip);
	return tot;
}
