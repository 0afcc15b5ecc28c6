/*
 * pipe.c - pipes: a ring buffer in one page with a reader and a writer
 * file.  nread and nwrite count bytes ever read and written (they wrap
 * around at 2^32, which the ring's power-of-two size tolerates): the ring
 * is empty when they are equal and full when they differ by PIPESIZE.
 * User memory is copied through a small buffer on the kernel stack,
 * outside the pipe's spin lock.
 */
#include "klib.h"
#include "proc.h"
#include "kernel.h"
#include "spinlock.h"
#include "sleeplock.h"
#include "file.h"
#include "vm.h"
#include "fsdefs.h"

#define PIPESIZE  2048 /* a power of two */
#define PIPECHUNK 256  /* bytes copied from or to user memory at once */

struct pipe {
	struct spinlock lock;
	uint32_t nread;    /* bytes read */
	uint32_t nwrite;   /* bytes written */
	int readopen;      /* the read end is open */
	int writeopen;     /* the write end is open */
	char data[PIPESIZE];
};

_Static_assert(sizeof(struct pipe) <= PGSIZE, "a pipe fits in a page");

/* Make a pipe and its two files (*f0 reads, *f1 writes); 0, or -1. */
int pipealloc(struct file **f0, struct file **f1)
{
	struct pipe *pi = 0;

	*f0 = *f1 = 0;
	if ((*f0 = filealloc()) == 0 || (*f1 = filealloc()) == 0)
		goto bad;
	if ((pi = (struct pipe *)kalloc()) == 0)
		goto bad;
	initlock(&pi->lock, "pipe");
	pi->nread = pi->nwrite = 0;
	pi->readopen = pi->writeopen = 1;
	(*f0)->type = FD_PIPE;
	(*f0)->readable = 1;
	(*f0)->writable = 0;
	(*f0)->pipe = pi;
	(*f1)->type = FD_PIPE;
	(*f1)->readable = 0;
	(*f1)->writable = 1;
	(*f1)->pipe = pi;
	return 0;

bad:
	if (*f0)
		fileclose(*f0);
	if (*f1)
		fileclose(*f1);
	return -1;
}

/* Close one end of pi; the second close frees it. */
void pipeclose(struct pipe *pi, int writable)
{
	acquire(&pi->lock);
	if (writable) {
		pi->writeopen = 0;
		wakeup(&pi->nread);
	} else {
		pi->readopen = 0;
		wakeup(&pi->nwrite);
	}
	if (!pi->readopen && !pi->writeopen) {
		release(&pi->lock);
		kfree((char *)pi);
		return;
	}
	release(&pi->lock);
}

/* Put m bytes of buf into pi, sleeping while it is full; 0, or -1 if no one reads. */
static int pipe_put(struct pipe *pi, const char *buf, int m)
{
	acquire(&pi->lock);
	for (int k = 0; k < m;) {
		if (!pi->readopen || killed(myproc())) {
			release(&pi->lock);
			return -1;
		}
		if (pi->nwrite - pi->nread == PIPESIZE) {
			wakeup(&pi->nread);
			sleep(&pi->nwrite, &pi->lock);
			continue;
		}
		pi->data[pi->nwrite++ % PIPESIZE] = buf[k++];
	}
	wakeup(&pi->nread);
	release(&pi->lock);
	return 0;
}

/* Write n bytes from user address addr to pi; return the count, or -1 if no one reads. */
int pipewrite(struct pipe *pi, uint32_t addr, int n)
{
	char buf[PIPECHUNK];
	int i = 0;

	while (i < n) {
		int m = n - i < PIPECHUNK ? n - i : PIPECHUNK;
		if (either_copyin(buf, 1, addr + i, m) < 0)
			break;
		if (pipe_put(pi, buf, m) < 0)
			return -1;
		i += m;
	}
	return i;
}

/* Read up to n bytes (at most PIPECHUNK) from pi to user address addr, sleeping while it is empty and open. */
int piperead(struct pipe *pi, uint32_t addr, int n)
{
	char buf[PIPECHUNK];
	int m;

	acquire(&pi->lock);
	while (pi->nread == pi->nwrite && pi->writeopen) {
		if (killed(myproc())) {
			release(&pi->lock);
			return -1;
		}
		sleep(&pi->nread, &pi->lock);
	}
	for (m = 0; m < n && m < PIPECHUNK && pi->nread != pi->nwrite; m++)
		buf[m] = pi->data[pi->nread++ % PIPESIZE];
	wakeup(&pi->nwrite);
	release(&pi->lock);
	if (m > 0 && either_copyout(1, addr, buf, m) < 0)
		return -1;
	return m;
}
