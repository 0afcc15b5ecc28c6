/*
 * main.c - boot.  CPU 0 sets up everything shared, then releases the
 * other CPUs; every CPU then starts its timer and enters its scheduler.
 * The first process (userinit) mounts the root file system and runs /init.
 */
#include "fs.h"
#include "fsdefs.h"
#include "hal.h"
#include "halint.h"
#include "kernel.h"
#include "proc.h"
#include "vm.h"

volatile int started;

/* The boot CPU's start, in the order the subsystems depend on each other. */
void kmain(uint32_t bootinfo_pa)
{
	hal_init(bootinfo_pa);
	consoleinit();
	kprintf("\nguestos: %d cpus, %d nodes, cmdline \"%s\"\n", hal_ncpus(),
		hal_nnodes(), hal_cmdline());
	kinit();
	vm_init();
	procinit();
	binit();
	iinit();
	fileinit();
	disk_init();
	tsyncinit();
	trapinit();
	vm_init_cpu();
	trapinit_cpu();
	hal_start_cpus();
	userinit();
	kprintf("guestos: cpu 0 (node %d) scheduling\n", hal_cpu_node(0));
	scheduler();
}

/* Every other CPU's start, once CPU 0 has released it. */
void kmain_ap(void)
{
	vm_init_cpu();
	trapinit_cpu();
	kprintf("guestos: cpu %d (node %d) scheduling\n", cpuid(),
		hal_cpu_node(cpuid()));
	scheduler();
}
