/*
 * memmap.c - the memmap (Disco, section 4.2.2): for every machine page of
 * RAM, who owns it.  One word per page, in a table carved from node 0:
 *
 *   31        24 23                      0
 *  +------------+-------------------------+
 *  |   owner    |  guest-physical page    |   owner 0: free
 *  +------------+-------------------------+         1: the monitor
 *                                                  2 + i: VM i (page gpn)
 *
 * A page is owned by one VM at one guest-physical address today; read-only
 * replicas and pages shared between VMs (section 4.2.3 of the paper) would
 * chain further owners from here.  The memory allocator records every
 * page it hands out, so a translation can be checked against it.
 */
#include "memint.h"

static uint32_t *memmap;          /* kseg0 address of the table, 0 before memmap_init */
static uint32_t memmap_npages;

/* Carve the table for ram_bytes of RAM (pages taken before it exist are the monitor's). */
void memmap_init(uint32_t ram_bytes)
{
	uint32_t n = ram_bytes / MEM_PAGE;
	uint32_t *t = mem_alloc_pages(0, (n * 4 + MEM_PAGE - 1) / MEM_PAGE);
	if (!t)
		kpanic("memmap_init: no memory for %u pages", n);
	memmap_npages = n;
	memmap = t;
	for (uint32_t i = 0; i < (n * 4 + MEM_PAGE - 1) / MEM_PAGE; i++)
		memmap_set(((uint32_t)t & ~KSEG0_BASE) + i * MEM_PAGE, MEMMAP_MONITOR);
}

/* Record owner as the owner of the machine page at pa. */
void memmap_set(uint32_t pa, uint32_t owner)
{
	uint32_t pn = pa / MEM_PAGE;
	if (memmap && pn < memmap_npages)
		memmap[pn] = owner;
}

/* The owner word of the machine page at pa (MEMMAP_MONITOR outside RAM or before the table). */
uint32_t memmap_get(uint32_t pa)
{
	uint32_t pn = pa / MEM_PAGE;
	if (!memmap || pn >= memmap_npages)
		return MEMMAP_MONITOR;
	return memmap[pn];
}
