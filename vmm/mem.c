/*
 * mem.c - machine memory: pages by node for the monitor and the VMs, a
 * VM's memory and pmap, guest-physical to machine addresses, copies
 * through a vCPU's guest virtual addresses, and the memory hints.
 *
 * Free machine memory is what the boot information block leaves free
 * (docs/machine.md, section 3), cut by node:
 *
 *   0x0000 page 0: the monitor's exception vectors       (kept)
 *   0x1000 .. kernel_lo: free
 *   kernel_lo .. free_base: the monitor, its stacks, the guest kernel
 *          module, the boot information block           (kept)
 *   free_base .. end of RAM: free, node i = [i M, (i+1) M)
 *
 * Each node keeps its free memory as a sorted list of ranges; a request
 * takes the lowest block of the size and alignment it asks for, so
 * consecutive single pages are adjacent (mem_alloc_block_high takes the
 * highest instead: the copies of the monitor's text, textrep.c).
 *
 * A VM's memory is blocks of up to 16 MB aligned like its gpa, except
 * that the first megabyte of its first block is rotated by 256 KB: the
 * L2 is direct-mapped, 1 MB, indexed by machine address mod 1 MB, and the
 * guest kernel's hot text and data (gpa 0x10000 up) would otherwise sit
 * on the lines of the monitor's (machine 0x10000 up) and evict them at
 * every trap.  Large pages of up to 256 KB still fit the rotated part:
 *
 *   gpa   0 .. 768 KB  ->  block + 256 KB .. 1 MB
 *   gpa 768 KB .. 1 MB ->  block + 0 .. 256 KB
 *
 * RAM is zero at reset and the monitor never gives pages back, so every
 * page handed out reads as zero.
 */
#include "memint.h"
#include "machine/bootinfo.h"

#define MEM_MAXNODE  32
#define MEM_MAXRANGE 32
#define MEM_CHUNK_ORDER 12    /* VM memory comes in blocks of up to 16 MB */
#define MEM_COLOUR_SPAN  256   /* pages: the 1 MB direct-mapped L2 */
#define MEM_COLOUR_SHIFT 64    /* guest page g < SPAN of the first block -> page (g + SHIFT) % SPAN */

struct mem_node {
	uint32_t lo[MEM_MAXRANGE], hi[MEM_MAXRANGE];  /* sorted free ranges */
	int n;
};

static struct mem_node mem_nodes[MEM_MAXNODE];
static int mem_nnodes;
static struct kspinlock mem_lock;
static struct pmap mem_pmaps[VMM_MAXVM];

static int32_t mem_mc_page_zero(struct vcpu *v, uint32_t a0, uint32_t a1,
				uint32_t a2, uint32_t a3, uint32_t t0, uint32_t t1);
static int32_t mem_mc_page_free(struct vcpu *v, uint32_t a0, uint32_t a1,
				uint32_t a2, uint32_t a3, uint32_t t0, uint32_t t1);

/* Add [lo, hi) (page-rounded inward) to node's free ranges, kept sorted. */
static void mem_range_add(struct mem_node *nd, uint32_t lo, uint32_t hi)
{
	lo = (lo + MEM_PAGE - 1) & ~(MEM_PAGE - 1);
	hi &= ~(MEM_PAGE - 1);
	if (lo >= hi || nd->n == MEM_MAXRANGE)
		return;
	int i = nd->n;
	while (i > 0 && nd->lo[i - 1] > lo) {
		nd->lo[i] = nd->lo[i - 1];
		nd->hi[i] = nd->hi[i - 1];
		i--;
	}
	nd->lo[i] = lo;
	nd->hi[i] = hi;
	nd->n++;
}

/* Remove range i of node, then give back the parts [lo, a) and [b, hi) around a taken block. */
static void mem_range_cut(struct mem_node *nd, int i, uint32_t a, uint32_t b)
{
	uint32_t lo = nd->lo[i], hi = nd->hi[i];
	for (int j = i; j + 1 < nd->n; j++) {
		nd->lo[j] = nd->lo[j + 1];
		nd->hi[j] = nd->hi[j + 1];
	}
	nd->n--;
	mem_range_add(nd, lo, a);
	mem_range_add(nd, b, hi);
}

/* Take npages pages aligned to align pages from node: machine address, or ~0u. */
static uint32_t mem_take(int node, uint32_t npages, uint32_t align)
{
	struct mem_node *nd = &mem_nodes[node];
	uint32_t bytes = npages * MEM_PAGE, amask = align * MEM_PAGE - 1;
	for (int i = 0; i < nd->n; i++) {
		uint32_t a = (nd->lo[i] + amask) & ~amask;
		if (a >= nd->lo[i] && a < nd->hi[i] && nd->hi[i] - a >= bytes) {
			mem_range_cut(nd, i, a, a + bytes);
			return a;
		}
	}
	return ~0u;
}

/* Take an aligned block of npages (a power of two) from node only; machine address or ~0u. */
uint32_t mem_alloc_block(int node, uint32_t npages)
{
	if (node < 0 || node >= mem_nnodes)
		return ~0u;
	kspin_lock(&mem_lock);
	uint32_t pa = mem_take(node, npages, npages);
	kspin_unlock(&mem_lock);
	return pa;
}

/* npages contiguous zeroed pages for the monitor, node first then the others; kseg0 address or 0. */
void *mem_alloc_pages(int node, uint32_t npages)
{
	uint32_t pa = ~0u;
	if (node < 0 || node >= mem_nnodes)
		node = 0;
	kspin_lock(&mem_lock);
	for (int k = 0; k < mem_nnodes && pa == ~0u; k++)
		pa = mem_take((node + k) % mem_nnodes, npages, 1);
	kspin_unlock(&mem_lock);
	if (pa == ~0u)
		return 0;
	for (uint32_t i = 0; i < npages; i++)
		memmap_set(pa + i * MEM_PAGE, MEMMAP_MONITOR);
	return (void *)(pa | KSEG0_BASE);
}

/* A zeroed machine page for the monitor, from node if it has one (kseg0 address), or 0. */
void *mem_alloc_page(int node)
{
	return mem_alloc_pages(node, 1);
}

/* Read the free memory of every node from the boot information block; set up the memmap. */
void mem_init(void)
{
	uint32_t klo = vmm_bi(BI_KERNEL_LO), fb = vmm_bi(BI_FREE_BASE);
	uint32_t t = vmm_bi(BI_NODE_OFF);
	mem_nnodes = (int)vmm_bi(BI_NODE_COUNT);
	if (mem_nnodes > MEM_MAXNODE)
		mem_nnodes = MEM_MAXNODE;
	for (int i = 0; i < mem_nnodes; i++, t += BI_NODE_BYTES) {
		uint32_t lo = vmm_bi(t + BI_NODE_MEM_BASE);
		uint32_t hi = lo + vmm_bi(t + BI_NODE_MEM_BYTES);
		struct mem_node *nd = &mem_nodes[i];
		mem_range_add(nd, lo < MEM_PAGE ? MEM_PAGE : lo, hi < klo ? hi : klo);
		mem_range_add(nd, lo < fb ? fb : lo, hi);
	}
	memmap_init(vmm_bi(BI_MEM_BYTES));
	for (uint32_t pa = 0; pa < fb; pa += MEM_PAGE)
		if (pa < MEM_PAGE || pa >= klo)
			memmap_set(pa, MEMMAP_MONITOR);
	vmm_mcall_register(MC_PAGE_ZERO, mem_mc_page_zero);
	vmm_mcall_register(MC_PAGE_FREE, mem_mc_page_free);
	vmm_mcall_register(MC_TLB_DROP, mem_mc_tlb_drop);
}

/* Page i of a VM block that starts at guest page gpn: the colour rotation of the first L2 span. */
static uint32_t mem_vm_colour(uint32_t gpn, uint32_t n, uint32_t i)
{
	if (gpn != 0 || n < MEM_COLOUR_SPAN || i >= MEM_COLOUR_SPAN)
		return i;
	return (i + MEM_COLOUR_SHIFT) % MEM_COLOUR_SPAN;
}

/* Back guest pages [gpn, gpn + n) with the machine block at pa. */
static void mem_vm_back(struct vm *vm, struct pmap *pm, uint32_t gpn,
			uint32_t n, uint32_t pa)
{
	for (uint32_t i = 0; i < n; i++) {
		uint32_t m = pa + mem_vm_colour(gpn, n, i) * MEM_PAGE;
		pmap_set(pm, gpn + i, m);
		memmap_set(m, MEMMAP_VM(vm->id, gpn + i));
	}
}

/* A block of 2^k pages for the VM from its home node h, then its other homes, then any node. */
static uint32_t mem_vm_block(struct vm *vm, int h, int k)
{
	int nh = vm->nhome > 0 ? vm->nhome : 0;
	for (int j = 0; j < nh; j++) {
		uint32_t pa = mem_alloc_block(vm->home_nodes[(h + j) % nh], 1u << k);
		if (pa != ~0u)
			return pa;
	}
	for (int j = 0; j < mem_nnodes; j++) {
		uint32_t pa = mem_alloc_block((vm->id + j) % mem_nnodes, 1u << k);
		if (pa != ~0u)
			return pa;
	}
	return ~0u;
}

/*
 * Give the VM mem_bytes of machine memory: blocks of up to 16 MB, each
 * aligned in machine memory as in guest-physical memory (so that large
 * pages can map them; the first megabyte rotated, above), spread over
 * the home nodes in turn.
 */
static int mem_vm_fill(struct vm *vm, struct pmap *pm)
{
	uint32_t gpn = 0, h = 0;
	while (gpn < pm->npages) {
		int k = MEM_CHUNK_ORDER;
		while (k > 0 && ((gpn & ((1u << k) - 1)) || gpn + (1u << k) > pm->npages))
			k--;
		uint32_t pa = ~0u;
		for (; k >= 0 && pa == ~0u; k--)
			pa = mem_vm_block(vm, (int)h, k);
		if (pa == ~0u)
			return -1;
		k++;
		mem_vm_back(vm, pm, gpn, 1u << k, pa);
		gpn += 1u << k;
		h++;
	}
	pmap_order_compute(pm);
	return 0;
}

/* Set up vCPU v's special and private pages (adjacent) and its memory state, on node. */
static int mem_vcpu_create(struct vcpu *v, int node)
{
	struct mem_vcpu *mv = mem_alloc_pages(node, (sizeof *mv + MEM_PAGE - 1) / MEM_PAGE);
	if (!mv)
		return -1;
	mv->last_cpu = -1;
	mv->nvalid = 0;
	v->l2tlb = mv;
	for (int i = 0; i < VMM_VTLB; i++)     /* as at reset: distinct, unmatchable */
		vtlb_write(&v->vtlb[i], KSEG0_BASE + ((uint32_t)i << 13), 0, 0, 0);
	if (!v->special) {
		v->special = mem_alloc_pages(node, 2);   /* + the private page */
		if (!v->special)
			return -1;
		v->special_pa = (uint32_t)v->special & ~KSEG0_BASE;
	}
	return 0;
}

/* Build VM vm's pmap and memory (mem_bytes from its home nodes) and its vCPUs' memory state; 0 or -1. */
int mem_vm_create(struct vm *vm)
{
	struct pmap *pm = &mem_pmaps[vm->id];
	int node = vm->nhome > 0 ? vm->home_nodes[0] : 0;
	uint32_t bytes = vm->mem_bytes & ~(2 * MEM_PAGE - 1);
	if (bytes == 0 || bytes > GUEST_MEMMAX || pmap_init(pm, bytes / MEM_PAGE, node) < 0)
		return -1;
	vm->mem_bytes = bytes;
	if (mem_vm_fill(vm, pm) < 0)
		return -1;
	vm->pmap = pm;
	for (int i = 0; i < vm->nvcpus; i++)
		if (mem_vcpu_create(vm->vcpu[i], vm->vcpu[i]->home_node) < 0)
			return -1;
	return 0;
}

/* Machine address of guest-physical gpa of vm, or ~0u if gpa is outside its memory. */
uint32_t mem_gpa_to_pa(struct vm *vm, uint32_t gpa)
{
	struct pmap *pm = vm->pmap;
	if (!pm || gpa >= pm->npages * MEM_PAGE)
		return ~0u;
	return TLB_LO_PAGE(pm->lo[gpa >> 12]) * MEM_PAGE + (gpa & (MEM_PAGE - 1));
}

/* Machine address of guest virtual gva of v's current context (write: must be writable), or ~0u. */
static uint32_t mem_gva_to_pa(struct vcpu *v, uint32_t gva, int write)
{
	if (gva >= GUEST_KERNBASE)
		return mem_gpa_to_pa(v->vm, gva - GUEST_KERNBASE);
	if (gva >= MEM_SUSEG_TOP)
		return ~0u;
	uint32_t lo0, lo1;
	if (mem_user_pair(v, gva, mem_guest_asid(v), &lo0, &lo1) < 0)
		return ~0u;
	uint32_t lo = (gva & MEM_PAGE) ? lo1 : lo0;
	if (!(lo & TLB_V) || (lo & TLB_LO_BAD) || (write && !(lo & TLB_D)))
		return ~0u;
	return TLB_LO_PAGE(lo) * MEM_PAGE + (gva & (MEM_PAGE - 1));
}

/* Copy len bytes between the monitor's buffer buf and guest virtual gva, page by page; 0 or -1. */
static int mem_copy(struct vcpu *v, uint32_t gva, void *buf, uint32_t len, int out)
{
	char *p = buf;
	while (len > 0) {
		uint32_t n = MEM_PAGE - (gva & (MEM_PAGE - 1));
		if (n > len)
			n = len;
		uint32_t pa = mem_gva_to_pa(v, gva, out);
		if (pa == ~0u)
			return -1;
		void *m = (void *)(pa | KSEG0_BASE);
		if (out)
			memcpy(m, p, n);
		else
			memcpy(p, m, n);
		p += n;
		gva += n;
		len -= n;
	}
	return 0;
}

/* Copy len bytes from guest virtual gva of v's current context to dst; 0, or -1 if not mapped. */
int mem_copyin(struct vcpu *v, void *dst, uint32_t gva, uint32_t len)
{
	return mem_copy(v, gva, dst, len, 0);
}

/* Copy len bytes from src to guest virtual gva of v's current context; 0, or -1 if not writable. */
int mem_copyout(struct vcpu *v, uint32_t gva, const void *src, uint32_t len)
{
	return mem_copy(v, gva, (void *)src, len, 1);
}

/* Zero the 4 KB machine page at kseg0 address p with doubleword stores. */
static void mem_zero_page(void *p)
{
	char *q = p;
	for (uint32_t off = 0; off < MEM_PAGE; off += 64)
		__asm__ volatile(
			"sd $0, 0(%0)\n\tsd $0, 8(%0)\n\tsd $0, 16(%0)\n\t"
			"sd $0, 24(%0)\n\tsd $0, 32(%0)\n\tsd $0, 40(%0)\n\t"
			"sd $0, 48(%0)\n\tsd $0, 56(%0)" : : "r"(q + off) : "memory");
}

/* The hint MC_PAGE_ZERO: the monitor zeroes guest page gpa (in place, its mapping unchanged). */
void mem_page_zero(struct vm *vm, uint32_t gpa)
{
	uint32_t pa = mem_gpa_to_pa(vm, gpa & ~(MEM_PAGE - 1));
	if (pa == ~0u)
		return;
	mem_zero_page((void *)(pa | KSEG0_BASE));
	((struct pmap *)vm->pmap)->zeroed++;
}

/* The hint MC_PAGE_FREE: guest page gpa's contents are garbage now (counted; kept mapped). */
void mem_page_free(struct vm *vm, uint32_t gpa)
{
	struct pmap *pm = vm->pmap;
	if (gpa < pm->npages * MEM_PAGE)
		pm->freed++;
}

/* MC_PAGE_ZERO (gpa): 0, or MC_ERR_INVAL outside the VM's memory. */
static int32_t mem_mc_page_zero(struct vcpu *v, uint32_t a0, uint32_t a1,
				uint32_t a2, uint32_t a3, uint32_t t0, uint32_t t1)
{
	(void)a1, (void)a2, (void)a3, (void)t0, (void)t1;
	if (a0 >= v->vm->mem_bytes)
		return MC_ERR_INVAL;
	mem_page_zero(v->vm, a0);
	return 0;
}

/* MC_PAGE_FREE (gpa): 0, or MC_ERR_INVAL outside the VM's memory. */
static int32_t mem_mc_page_free(struct vcpu *v, uint32_t a0, uint32_t a1,
				uint32_t a2, uint32_t a3, uint32_t t0, uint32_t t1)
{
	(void)a1, (void)a2, (void)a3, (void)t0, (void)t1;
	if (a0 >= v->vm->mem_bytes)
		return MC_ERR_INVAL;
	mem_page_free(v->vm, a0);
	return 0;
}

/* A zeroed page for the monitor from the top of node's free memory (the
   next below the text copy: not on the L2 lines of the vectors or of the
   per-CPU pages at the node's base), else any; kseg0 address or 0. */
void *mem_alloc_page_high(int node)
{
	uint32_t pa = mem_alloc_block_high(node, 1);
	if (pa == ~0u)
		return mem_alloc_page(node);
	memmap_set(pa, MEMMAP_MONITOR);
	return (void *)(pa | KSEG0_BASE);
}

/* Take an aligned block of npages (a power of two) from the top of node's
   free memory, leaving its low, large-page-aligned blocks to the VMs;
   machine address or ~0u. */
uint32_t mem_alloc_block_high(int node, uint32_t npages)
{
	uint32_t bytes = npages * MEM_PAGE, pa = ~0u;
	if (node < 0 || node >= mem_nnodes)
		return ~0u;
	kspin_lock(&mem_lock);
	struct mem_node *nd = &mem_nodes[node];
	for (int i = nd->n - 1; i >= 0 && pa == ~0u; i--) {
		uint32_t a = (nd->hi[i] - bytes) & ~(bytes - 1);
		if (nd->hi[i] >= bytes && a >= nd->lo[i]) {
			mem_range_cut(nd, i, a, a + bytes);
			pa = a;
		}
	}
	kspin_unlock(&mem_lock);
	return pa;
}
