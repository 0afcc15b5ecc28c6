/*
 * textrep.c - the monitor's code and read-only data replicated on every
 * node, as Disco's was, so that a CPU's instruction fetches and constant
 * loads stay on its own node.  Layout and TLB entry: textrep.h.
 */
#include "memint.h"
#include "textrep.h"

#define TEXT_NODES 32

/* Machine address of each node's copy (TEXT_PA for node 0, or when a
   node had no room for one); written by CPU 0 before the others run. */
static uint32_t textrep_copies[TEXT_NODES];

/* Machine address of node's copy of the monitor's text. */
uint32_t textrep_pa(int node)
{
	if (node < 0 || node >= TEXT_NODES || textrep_copies[node] == 0)
		return TEXT_PA;
	return textrep_copies[node];
}

/* CPU 0, after mem_init: copy the text window into a block of every other node. */
void textrep_init(void)
{
	textrep_copies[0] = TEXT_PA;
	for (int n = 1; n < vmm_nnodes && n < TEXT_NODES; n++) {
		uint32_t pa = mem_alloc_block_high(n, TEXT_BYTES / MEM_PAGE);
		if (pa == ~0u) {
			kprintf("vmm: node %d has no room for the monitor's text; "
				"its CPUs use node 0's\n", n);
			continue;
		}
		memcpy((void *)(pa | KSEG0_BASE), (const void *)TEXT_VA, TEXT_BYTES);
		for (uint32_t off = 0; off < TEXT_BYTES; off += MEM_PAGE)
			memmap_set(pa + off, MEMMAP_MONITOR);
		textrep_copies[n] = pa;
	}
	kbarrier();
}

/* Point this CPU's wired text entry at node's copy (identical bytes, so
   the instructions around the switch read the same either way). */
void textrep_map_cpu(int node)
{
	uint32_t pa = textrep_pa(node);
	KCP0_WRITE(5, TEXT_PAGEMASK);
	KCP0_WRITE(10, TEXT_VA);
	KCP0_WRITE(2, TLB_PAGE_LO(pa >> 12) | TEXT_LO_FLAGS);
	KCP0_WRITE(3, TLB_PAGE_LO((pa + TEXT_HALF) >> 12) | TEXT_LO_FLAGS);
	KCP0_WRITE(0, TEXT_TLB_INDEX);
	__asm__ volatile("tlbwi\n\tnop\n\tnop" : : : "memory");
	KCP0_WRITE(5, 0);
	KCP0_WRITE(10, mem_cpu_here()->cur_asid);
}
