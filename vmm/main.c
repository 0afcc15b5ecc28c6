/*
 * main.c - the monitor's boot on every CPU, its per-CPU data, and the
 * report of a fault inside the monitor.
 *
 * klib/crt0.S and klib_boot bring every CPU here (main) in kernel mode with
 * interrupts off.  CPU 0 reads the machine from the boot information
 * block, parses the configuration, sets up memory, copies the monitor's
 * text to every node (textrep.c), the VMs and the devices, loads the
 * guest kernel into every VM and releases the others; then every CPU
 * takes its per-CPU data from its own node, maps its node's copy of the
 * text, installs nothing more (the vectors are shared) and enters the
 * scheduler.  (boot.S runs before all this, from the reset.)
 */
#include "vmm.h"
#include "machine/bootinfo.h"
#include "textrep.h"

struct vm vmm_vms[VMM_MAXVM];
int vmm_nvms;
uint32_t vmm_bootinfo;
int vmm_ncpus, vmm_nnodes, vmm_cpus_per_node;
uint32_t vmm_hz;
int vmm_nmodules;
struct pcpu *vmm_pcpu_tab[VMM_MAXCPU];

/* Per-CPU data until (and unless) a page of the CPU's own node holds it. */
static struct pcpu main_pcpu_boot[VMM_MAXCPU];
static volatile uint32_t main_released;

#define MAIN_STACK_PAGES 2   /* each CPU's monitor stack, from its node */

extern char vmm_vec_refill[], vmm_vec_general[], vmm_vec_end[];
extern char klib_stacks[];            /* klib/crt0.S: each CPU's boot stack */
void vmm_config(void);
void vmm_config_print(void);

/* A word of the machine's boot information block. */
uint32_t vmm_bi(uint32_t off)
{
	return *(volatile uint32_t *)((vmm_bootinfo | KSEG0_BASE) + off);
}

/* This physical CPU's number: the real Context.PTEBase. */
int vmm_cpu_id(void)
{
	return KCP0_READ(4) >> 23;
}

/* The vCPU loaded on this physical CPU, or 0. */
struct vcpu *vmm_current(void)
{
	return vmm_pcpu()->cur;
}

/* The node of physical CPU cpu. */
int vmm_cpu_node(int cpu)
{
	return cpu / vmm_cpus_per_node;
}

/* This physical CPU's monitor data. */
struct pcpu *vmm_pcpu(void)
{
	return vmm_pcpu_tab[vmm_cpu_id()];
}

/* Copy the two vector stubs (boot.S) to the refill and general vectors. */
static void main_vectors_install(void)
{
	uint32_t n = (uint32_t)(vmm_vec_end - vmm_vec_general);
	memcpy((void *)0x80000000u, vmm_vec_refill, n);
	memcpy((void *)0x80000080u, vmm_vec_general, n);
	memcpy((void *)0x80000180u, vmm_vec_general, n);
	kbarrier();
}

/* Count the guest kernels (--module files); there must be at least one. */
static void main_find_guest(void)
{
	vmm_nmodules = (int)vmm_bi(BI_MOD_COUNT);
	if (vmm_nmodules == 0) {
		kprintf("vmm: bad configuration: no guest kernel (--module)\n");
		kpoweroff(2);
	}
}

/*
 * Set up CPU cpu's monitor data: a page of its own node if the memory
 * part can give one (and the trap stack, MAIN_STACK_PAGES pages), else
 * the static boot copy and the CPU's boot stack.
 */
static void main_pcpu_init(int cpu)
{
	struct pcpu *p = &main_pcpu_boot[cpu];
	uint32_t ksp = (uint32_t)klib_stacks + ((uint32_t)(cpu + 1) << KLIB_STACK_SHIFT) - 16;
	int node = vmm_cpu_node(cpu);
	struct pcpu *np = sizeof *p <= 4096 ? mem_alloc_page(node) : 0;
	if (np)
		p = np;
	char *stack = mem_alloc_pages(node, MAIN_STACK_PAGES);
	if (stack)
		ksp = (uint32_t)stack + MAIN_STACK_PAGES * 4096 - 16;
	p->id = cpu;
	p->node = node;
	p->idle = 1;                            /* on its way to sched_wait */
	p->ksp = ksp;
	p->fsp = (uint32_t)&p->fstack[255] & ~15u;
	vmm_pcpu_tab[cpu] = p;
	kbarrier();
}

/* Everything CPU 0 sets up before the other CPUs may enter the monitor. */
static void main_boot0(uint32_t ncpus, uint32_t bootinfo)
{
	vmm_bootinfo = bootinfo;
	if (vmm_bi(BI_MAGIC_OFF) != BI_MAGIC) {
		kprintf("vmm: no boot information block\n");
		kpoweroff(2);
	}
	vmm_ncpus = ncpus > VMM_MAXCPU ? VMM_MAXCPU : ncpus;
	vmm_nnodes = vmm_bi(BI_NNODES);
	vmm_cpus_per_node = vmm_bi(BI_CPUS_PER_NODE);
	vmm_hz = vmm_bi(BI_CLOCK_MHZ) * 1000000u / 2;
	for (int c = 0; c < vmm_ncpus; c++) {
		main_pcpu_boot[c].id = c;
		main_pcpu_boot[c].node = (int)vmm_cpu_node(c);
		main_pcpu_boot[c].idle = c != 0;  /* each takes its home vCPUs (rq_take) */
		main_pcpu_boot[c].ksp = (uint32_t)klib_stacks +
			((uint32_t)(c + 1) << KLIB_STACK_SHIFT) - 16;
		main_pcpu_boot[c].fsp = (uint32_t)&main_pcpu_boot[c].fstack[255] & ~15u;
		vmm_pcpu_tab[c] = &main_pcpu_boot[c];
	}
	main_vectors_install();
	main_find_guest();
	vmm_config();
	vmm_config_print();
	vmm_mcall_init();
	mem_init();
	textrep_init();
	for (int i = 0; i < vmm_nvms; i++)
		vmm_vm_create(&vmm_vms[i]);
	io_init();
	for (int i = 0; i < vmm_nvms; i++)
		vmm_vcpu_start(vmm_vms[i].vcpu[0]);
}

/* Every CPU's entry (klib_boot calls it): boot, then schedule forever. */
int main(int cpu, int ncpus, uint32_t bootinfo)
{
	KCP0_WRITE(4, (uint32_t)cpu << 23);     /* Context.PTEBase = CPU number */
	if (cpu == 0) {
		main_boot0((uint32_t)ncpus, bootinfo);
	} else {
		kcp0_set_status(ST_IM(3));      /* WAIT until CPU 0's IPI (IE = 0) */
		while (!main_released)
			__asm__ volatile("wait");
		kbarrier();
	}
	if (cpu >= vmm_ncpus)
		klib_park();
	main_pcpu_init(cpu);
	mem_init_cpu(cpu);
	textrep_map_cpu(vmm_cpu_node(cpu));
	if (cpu == 0) {
		main_released = 1;
		kbarrier();
		for (int c = 1; c < vmm_ncpus; c++)
			vmm_ipi_cpu(c);
	}
	vmm_sched_start(vmm_pcpu());
}

/* Report a trap inside the monitor with its registers and power off (status 1). */
void vmm_monitor_fault(struct pcpu *p)
{
	static const char *const names[32] = {
		"zero", "at", "v0", "v1", "a0", "a1", "a2", "a3", "t0", "t1", "t2",
		"t3", "t4", "t5", "t6", "t7", "s0", "s1", "s2", "s3", "s4", "s5",
		"s6", "s7", "t8", "t9", "k0", "k1", "gp", "sp", "fp", "ra" };
	struct vregs *r = &p->fault;
	if (p->faulted++)
		kpoweroff(1);
	kconsole_panic();
	uint32_t exc = CAUSE_EXCCODE(r->cause);
	kprintf("vmm: panic (cpu %d): monitor trap %s (%u) at epc %08x, badvaddr %08x\n",
		p->id, kexc_name(exc), exc, r->pc, r->badvaddr);
	for (int i = 0; i < 32; i++)
		kprintf("%-4s %08x%s", names[i], r->r[i], i % 4 == 3 ? "\n" : "   ");
	kprintf("hi   %08x   lo   %08x   cause %08x   vcpu %s%d.%d\n", r->hi, r->lo,
		r->cause, p->cur ? "vm" : "none ", p->cur ? p->cur->vm->id : 0,
		p->cur ? p->cur->id : 0);
	kpoweroff(1);
}
