/*
 * malloc.c - a first-fit allocator over sbrk, with a circular free list
 * kept in address order so that neighbouring free blocks merge.  Every
 * block starts with a header; sizes count header-sized units:
 *
 *     +--------+--------+---------------------------+
 *     | next   | units  | the caller's bytes ...    |
 *     +--------+--------+---------------------------+
 *     ^ header (8 bytes) ^ pointer malloc returns (8-byte aligned)
 *
 * One mutex makes it safe for the threads of a share group.
 */
#include "ulib.h"

union header {
	struct {
		union header *next; /* next free block (free list only) */
		uint32_t units;     /* size of this block, header included */
	} h;
	double align;               /* forces 8-byte alignment */
};

static union header base;          /* empty list's anchor */
static union header *freep;        /* where the last search stopped */
static struct mutex heap_lock;

#define MIN_GROW 1024              /* units asked of sbrk at a time (8 KB) */

/* Put block bp on the free list, merging it with its neighbours. */
static void insert_free(union header *bp)
{
	union header *p = freep;
	while (!(bp > p && bp < p->h.next)) {
		if (p >= p->h.next && (bp > p || bp < p->h.next))
			break;  /* at the wrap-around point */
		p = p->h.next;
	}
	if (bp + bp->h.units == p->h.next) {
		bp->h.units += p->h.next->h.units;
		bp->h.next = p->h.next->h.next;
	} else {
		bp->h.next = p->h.next;
	}
	if (p + p->h.units == bp) {
		p->h.units += bp->h.units;
		p->h.next = bp->h.next;
	} else {
		p->h.next = bp;
	}
	freep = p;
}

/* Ask sbrk for at least units more; return 0 when memory is exhausted. */
static int grow(uint32_t units)
{
	if (units < MIN_GROW)
		units = MIN_GROW;
	char *p = sbrk((int)(units * sizeof(union header)));
	if (p == (char *)-1)
		return 0;
	union header *hp = (union header *)p;
	hp->h.units = units;
	insert_free(hp);
	return 1;
}

/* Carve units out of the free list (first fit); 0 if nothing fits. */
static void *take(uint32_t units)
{
	union header *prev = freep;
	for (union header *p = prev->h.next;; prev = p, p = p->h.next) {
		if (p->h.units >= units) {
			if (p->h.units == units) {
				prev->h.next = p->h.next;
			} else {
				p->h.units -= units;
				p += p->h.units;
				p->h.units = units;
			}
			freep = prev;
			return p + 1;
		}
		if (p == freep)
			return 0;
	}
}

/* Allocate n bytes (8-byte aligned); 0 when memory runs out. */
void *malloc(size_t n)
{
	if (n > 0x7FFF0000u)
		return 0;
	uint32_t units = (n + sizeof(union header) - 1) / sizeof(union header) + 1;
	mutex_lock(&heap_lock);
	if (!freep) {
		base.h.next = freep = &base;
		base.h.units = 0;
	}
	void *p;
	while (!(p = take(units)))
		if (!grow(units))
			break;
	mutex_unlock(&heap_lock);
	return p;
}

/* Give back a block from malloc (0 is ignored). */
void free(void *ap)
{
	if (!ap)
		return;
	mutex_lock(&heap_lock);
	insert_free((union header *)ap - 1);
	mutex_unlock(&heap_lock);
}

/* Allocate n zeroed elements of size bytes. */
void *calloc(size_t n, size_t size)
{
	if (size && n > 0x7FFF0000u / size)
		return 0;
	void *p = malloc(n * size);
	if (p)
		memset(p, 0, n * size);
	return p;
}

/* Resize the block p to n bytes, moving it if needed. */
void *realloc(void *p, size_t n)
{
	if (!p)
		return malloc(n);
	size_t old = (((union header *)p - 1)->h.units - 1) * sizeof(union header);
	if (n <= old)
		return p;
	void *q = malloc(n);
	if (q) {
		memcpy(q, p, old);
		free(p);
	}
	return q;
}
