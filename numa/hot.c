/*
 * hot.c - per-page miss counters and the hot-page unit's queue.
 *
 * Like the FLASH node controller, the model counts every secondary-cache
 * miss to every 4 KB page from every node.  When the count of (page, node)
 * reaches the trigger threshold and the unit is enabled, the pair is queued
 * once; it can be queued again only after its counter is reset.  A hot pair
 * that finds the queue full is dropped: the sticky overflow bit is set and
 * the dropped count goes up.  The interrupt is asserted while the unit and
 * its interrupt are enabled and the queue is not empty (docs/dev-numa.md).
 *
 * A queue entry, as the QPOP register reads it:
 *
 *   31  30                              8 7        0
 *   +---+---------------------------------+----------+
 *   | V | page number (physical >> 12)    |   node   |
 *   +---+---------------------------------+----------+
 *   V = 1 for an entry; an empty queue reads 0.
 */
#include <string.h>

#include "numa/numa_internal.h"

/* Count one L2 miss to line from node; may make its page hot. */
void numa_hot_count(struct numa *n, uint32_t line, int node)
{
	uint32_t page = line >> n->page_lines_shift;
	uint32_t *cnt = &n->page_counts[(size_t)page * (size_t)n->nodes + node];

	if (*cnt == UINT32_MAX)
		return;
	if (++*cnt == n->hot.threshold)
		numa_hot_trigger(n, page, node);
}

/* Queue (page, node) as hot, or note the overflow. */
void numa_hot_trigger(struct numa *n, uint32_t page, int node)
{
	struct numa_hot *h = &n->hot;

	if (!h->enable)
		return;
	if (h->count == NUMA_HOTQ_SIZE) {
		h->overflow = true;
		if (h->dropped != UINT32_MAX)
			h->dropped++;
		return;
	}
	h->q[(h->head + h->count) % NUMA_HOTQ_SIZE] =
		1u << 31 | page << 8 | (uint32_t)node;
	h->count++;
	h->queued++;
	numa_hot_update_irq(n);
}

/* Remove and return the oldest queue entry (0 when empty). */
uint32_t numa_hot_pop(struct numa *n)
{
	struct numa_hot *h = &n->hot;
	uint32_t e;

	if (h->count == 0)
		return 0;
	e = h->q[h->head];
	h->head = (h->head + 1) % NUMA_HOTQ_SIZE;
	h->count--;
	numa_hot_update_irq(n);
	return e;
}

/* Signal the interrupt level the unit's state calls for, if it changed. */
void numa_hot_update_irq(struct numa *n)
{
	struct numa_hot *h = &n->hot;
	bool level = h->enable && h->irq_enable && h->count > 0;

	if (level == h->level)
		return;
	h->level = level;
	if (h->irq)
		h->irq(h->irq_ctx, level);
}

/* Zero every node's counter of one page. */
void numa_hot_reset_page(struct numa *n, uint32_t page)
{
	if (page < n->pages)
		memset(&n->page_counts[(size_t)page * (size_t)n->nodes], 0,
		       sizeof(uint32_t) * (size_t)n->nodes);
}

/* Zero every counter of every page. */
void numa_hot_reset_all(struct numa *n)
{
	memset(n->page_counts, 0,
	       sizeof(uint32_t) * (size_t)n->pages * (size_t)n->nodes);
}

/* Let the device hear about interrupt level changes. */
void numa_hot_set_irq(struct numa *n, void (*fn)(void *ctx, bool level),
		      void *ctx)
{
	n->hot.irq = fn;
	n->hot.irq_ctx = ctx;
	n->hot.level = false;
}

/* Miss counter of page page from node node (0 if out of range). */
uint32_t numa_page_count(const struct numa *n, uint32_t page, int node)
{
	if (page >= n->pages || node < 0 || node >= n->nodes)
		return 0;
	return n->page_counts[(size_t)page * (size_t)n->nodes + node];
}

/* Set the hot-page trigger threshold (0: never trigger). */
void numa_set_threshold(struct numa *n, uint32_t threshold)
{
	n->hot.threshold = threshold;
}
