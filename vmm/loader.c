/*
 * loader.c - a VM's creation: its vCPUs, its memory (mem part), the guest
 * kernel loaded from the first --module, and the virtual boot information
 * block the guest kernel reads at boot.
 *
 * Guest-physical memory of a VM after loading (gpa = vaddr - 0xC0000000):
 *
 *   0x00000000 +---------------------------+ vectors (the guest copies them)
 *   kernel_lo  | PT_LOAD segments (ELF),   |
 *              | .bss zeroed               |
 *   kernel_hi  +---------------------------+
 *   bootinfo   | boot information block,   |  next 4 KB boundary; format of
 *              | one page: header, 1 node, |  machine/bootinfo.h, version 1
 *              | the VM's command line     |
 *   free_base  +---------------------------+  bootinfo + 4 KB
 *              | free                      |
 *   mem_bytes  +---------------------------+
 */
#include "vmm.h"
#include "machine/bootinfo.h"

/* ELF32 header and program header fields used here (big-endian words). */
#define ELF_MAGIC    0x7F454C46u
#define ELF_E_ENTRY  0x18
#define ELF_E_PHOFF  0x1C
#define ELF_E_PHENTSIZE 0x2A
#define ELF_E_PHNUM  0x2C
#define ELF_P_TYPE   0x00
#define ELF_P_OFFSET 0x04
#define ELF_P_VADDR  0x08
#define ELF_P_FILESZ 0x10
#define ELF_P_MEMSZ  0x14
#define ELF_PT_LOAD  1

/* Fail a VM's creation: one line and power-off with status 2. */
static void ld_fail(struct vm *vm, const char *why)
{
	kprintf("vmm: vm%d: %s\n", vm->id, why);
	kpoweroff(2);
}

/* Machine address and size of vm's guest kernel (its --module). */
static uint32_t ld_mod(const struct vm *vm, uint32_t *size)
{
	uint32_t t = vmm_bi(BI_MOD_OFF) + (uint32_t)vm->module * BI_MOD_BYTES;
	*size = vmm_bi(t + BI_MOD_SIZE);
	return vmm_bi(t + BI_MOD_ADDR);
}

/* A big-endian 32-bit word of the module at machine address mod + off. */
static uint32_t ld_w(uint32_t mod, uint32_t off)
{
	return *(volatile uint32_t *)((mod + off) | KSEG0_BASE);
}

/* A big-endian 16-bit half of the module at machine address mod + off. */
static uint32_t ld_h(uint32_t mod, uint32_t off)
{
	return *(volatile uint16_t *)((mod + off) | KSEG0_BASE);
}

/* Copy len bytes from src (0: zeroes) into vm's memory at gpa, page by page. */
static void ld_copy(struct vm *vm, uint32_t gpa, const uint8_t *src, uint32_t len)
{
	while (len) {
		uint32_t pa = mem_gpa_to_pa(vm, gpa);
		uint32_t n = 4096 - (gpa & 4095);
		if (n > len)
			n = len;
		if (pa == ~0u)
			ld_fail(vm, "the guest kernel does not fit in its memory");
		if (src) {
			memcpy((void *)(pa | KSEG0_BASE), src, n);
			src += n;
		} else {
			memset((void *)(pa | KSEG0_BASE), 0, n);
		}
		gpa += n;
		len -= n;
	}
}

/* Load the guest kernel's PT_LOAD segments into vm; its [lo, hi) in *lo, *hi. */
static void ld_elf(struct vm *vm, uint32_t *lo, uint32_t *hi)
{
	uint32_t size, mod = ld_mod(vm, &size);
	if (size < 0x34 || ld_w(mod, 0) != ELF_MAGIC)
		ld_fail(vm, "the guest kernel (its --module) is not an ELF file");
	uint32_t ph = ld_w(mod, ELF_E_PHOFF), n = ld_h(mod, ELF_E_PHNUM);
	uint32_t sz = ld_h(mod, ELF_E_PHENTSIZE);
	*lo = ~0u;
	*hi = 0;
	for (uint32_t i = 0; i < n; i++, ph += sz) {
		if (ph + 0x20 > size || ld_w(mod, ph + ELF_P_TYPE) != ELF_PT_LOAD)
			continue;
		uint32_t va = ld_w(mod, ph + ELF_P_VADDR), fsz = ld_w(mod, ph + ELF_P_FILESZ);
		uint32_t msz = ld_w(mod, ph + ELF_P_MEMSZ), off = ld_w(mod, ph + ELF_P_OFFSET);
		uint32_t gpa = va - GUEST_KERNBASE;
		if (va < GUEST_KERNBASE || msz < fsz || gpa + msz > vm->mem_bytes ||
		    gpa + msz < gpa || off + fsz > size || off + fsz < off)
			ld_fail(vm, "a guest kernel segment lies outside the VM's memory");
		ld_copy(vm, gpa, (const uint8_t *)((mod + off) | KSEG0_BASE), fsz);
		ld_copy(vm, gpa + fsz, 0, msz - fsz);
		if (gpa < *lo)
			*lo = gpa;
		if (gpa + msz > *hi)
			*hi = gpa + msz;
	}
	if (*hi == 0)
		ld_fail(vm, "the guest kernel has no loadable segment");
}

/* Store word val at byte offset off of the block being built at machine address pa. */
static void ld_bi(uint32_t pa, uint32_t off, uint32_t val)
{
	*(volatile uint32_t *)((pa + off) | KSEG0_BASE) = val;
}

/* Build vm's boot information block at gpa (one page); return free_base. */
static uint32_t ld_bootinfo(struct vm *vm, uint32_t gpa, uint32_t klo, uint32_t khi)
{
	uint32_t pa = mem_gpa_to_pa(vm, gpa);
	if (pa == ~0u || gpa + 4096 > vm->mem_bytes)
		ld_fail(vm, "no room for the boot information block");
	uint32_t node = BI_HDR_BYTES, cmd = node + BI_NODE_BYTES;
	uint32_t len = strlen(vm->cmdline), size = (cmd + len + 1 + 3) & ~3u;
	memset((void *)(pa | KSEG0_BASE), 0, 4096);
	ld_bi(pa, BI_MAGIC_OFF, BI_MAGIC);
	ld_bi(pa, BI_VERSION_OFF, BI_VERSION);
	ld_bi(pa, BI_SIZE, size);
	ld_bi(pa, BI_FREE_BASE, gpa + 4096);
	ld_bi(pa, BI_NCPUS, vm->nvcpus);
	ld_bi(pa, BI_NNODES, 1);
	ld_bi(pa, BI_CPUS_PER_NODE, vm->nvcpus);
	ld_bi(pa, BI_MEM_BYTES, vm->mem_bytes);
	ld_bi(pa, BI_CLOCK_MHZ, vmm_bi(BI_CLOCK_MHZ));
	ld_bi(pa, BI_TIMING, vmm_bi(BI_TIMING));
	ld_bi(pa, BI_KERNEL_LO, klo);
	ld_bi(pa, BI_KERNEL_HI, khi);
	ld_bi(pa, BI_NODE_OFF, node);
	ld_bi(pa, BI_NODE_COUNT, 1);
	ld_bi(pa, BI_DEV_OFF, cmd);
	ld_bi(pa, BI_MOD_OFF, cmd);
	ld_bi(pa, BI_CMDLINE_OFF, cmd);
	ld_bi(pa, BI_CMDLINE_LEN, len);
	ld_bi(pa, node + BI_NODE_MEM_BASE, 0);
	ld_bi(pa, node + BI_NODE_MEM_BYTES, vm->mem_bytes);
	ld_bi(pa, node + BI_NODE_FIRST_CPU, 0);
	ld_bi(pa, node + BI_NODE_NCPUS, vm->nvcpus);
	memcpy((void *)((pa + cmd) | KSEG0_BASE), vm->cmdline, len + 1);
	return gpa + 4096;
}

/* Give vCPU v its starting virtual CP0 state (special page already there). */
static void ld_vcpu_init(struct vcpu *v, uint32_t count_base)
{
	memset(v->special, 0, 4096);
	VSP(v, SP_VCPU) = (uint32_t)v->id;
	VSP(v, SP_NVCPUS) = (uint32_t)v->vm->nvcpus;
	VSP(v, SP_HZ) = vmm_hz;
	VSP(v, SP_VM) = (uint32_t)v->vm->id;
	VSP(v, SP_STATUS) = 0;              /* kernel mode, EXL = ERL = IE = 0, BEV = 0 */
	v->count_base = count_base;
	v->random = VMM_VTLB - 1;
	for (int i = 0; i < VMM_VTLB; i++)  /* distinct invalid entries, as at reset */
		v->vtlb[i] = (struct vtlb_entry){ .hi = 0x80000000u + ((uint32_t)i << 13) };
}

/* A zeroed vCPU structure, which the vCPU's every trap writes, in a page
   of its home node whose L2 lines the monitor's hot pages do not use (the
   top of the node); it stops the VM if there is no page. */
static struct vcpu *ld_vcpu_alloc(struct vm *vm, int node)
{
	_Static_assert(sizeof(struct vcpu) <= 4096, "a vCPU fits a page");
	struct vcpu *v = mem_alloc_page_high(node);
	if (!v)
		ld_fail(vm, "not enough machine memory");
	memset(v, 0, sizeof *v);
	return v;
}

/* Create VM vm: vCPUs, memory, guest kernel, boot information; vCPU 0 runnable. */
void vmm_vm_create(struct vm *vm)
{
	uint32_t klo, khi, now = kcp0_count();
	kspin_init(&vm->lock);
	for (int k = 0; k < vm->nvcpus; k++) {
		int home = vm->home_nodes[k % vm->nhome];
		struct vcpu *v = ld_vcpu_alloc(vm, home);
		vm->vcpu[k] = v;
		v->vm = vm;
		v->id = k;
		v->state = VCPU_OFF;
		v->pcpu = -1;
		v->home_node = home;
	}
	if (mem_vm_create(vm) < 0)
		ld_fail(vm, "not enough machine memory");
	ld_elf(vm, &klo, &khi);
	uint32_t bi = (khi + 4095) & ~4095u;
	ld_bootinfo(vm, bi, klo, khi);
	uint32_t size, mod = ld_mod(vm, &size);
	for (int k = 0; k < vm->nvcpus; k++) {
		struct vcpu *v = vm->vcpu[k];
		ld_vcpu_init(v, now);
		v->entry = ld_w(mod, ELF_E_ENTRY);
		v->bootinfo_gpa = bi;
	}
}
