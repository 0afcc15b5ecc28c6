/*
 * hal.h - the guest kernel's hardware abstraction layer.
 *
 * Every privileged-register access, TLB write, device access and
 * address-space constant the kernel uses sits behind this interface.
 * The native build implements it in hal/native/ (kernel mode, kseg0,
 * device registers); the virtualized build (the monitor issue) supplies
 * another directory with the same interface (supervisor mode, mapped
 * supervisor segment, special page, monitor calls), as Disco's changes
 * to IRIX stayed inside its HAL.  Nothing outside hal/ touches CP0,
 * device addresses or segment constants.
 *
 * hal/native/halmem.h gives the address constants (KERNBASE, P2V, V2P,
 * USERTOP, ...); hal/native/halasm.h the assembly macros.
 */
#ifndef GUESTOS_HAL_H
#define GUESTOS_HAL_H

#include <stdint.h>

#include "halmem.h"

/* --- boot and identity (halboot.c) --- */
void hal_init(uint32_t bootinfo_pa);    /* boot CPU, before anything else */
int hal_cpu_id(void);                   /* this CPU's number */
int hal_ncpus(void);
int hal_nnodes(void);
int hal_cpu_node(int cpu);
const char *hal_cmdline(void);          /* --append text, "" if none */
/* Free RAM range i (physical [*lo, *hi)); 0 when there is no range i. */
int hal_mem_range(int i, uint32_t *lo, uint32_t *hi, int *node);

/* --- interrupts, timer, idle (halcpu.c) --- */
uint32_t hal_intr_off(void);            /* returns the previous state */
void hal_intr_restore(uint32_t state);
void hal_intr_on(void);
int hal_intr_enabled(void);
uint32_t hal_timer_hz(void);            /* Count ticks per second */
uint32_t hal_count(void);
void hal_timer_set(uint32_t compare);   /* also acknowledges the timer */
void hal_idle(void);                    /* wait for an interrupt (WAIT) */
void hal_ipi_send(int cpu);
uint32_t hal_ipi_take(void);            /* clear and return senders' bits */
void hal_poweroff(int status) __attribute__((noreturn));
void hal_intr_init_cpu(void);           /* open this CPU's interrupt lines */
void hal_start_cpus(void);              /* release the other CPUs (kmain_ap) */
uint32_t hal_user_status(void);         /* Status of a new user thread's frame */
struct trapframe;
void hal_trapret(struct trapframe *tf) __attribute__((noreturn)); /* resume tf */

/* --- devices (halcons.c, haldisk.c) --- */
void hal_cons_putc(int c);              /* polled, never loses a byte */
int hal_cons_getc(void);                /* -1 when nothing is waiting */
uint32_t hal_dev_pending(void);         /* device sources interrupting this CPU */
void hal_dev_ack(uint32_t sources);     /* after servicing them at the devices */
int hal_cons_ended(void);               /* input is over for good (and stop its interrupt) */
int hal_disk_count(void);
uint32_t hal_disk_sectors(int unit);
/* Start a transfer of nsect 512-byte sectors to or from physical pa. */
void hal_disk_start(int unit, int write, uint32_t sector, uint32_t nsect,
		    uint32_t pa);
/* If unit's command finished: acknowledge it and return 1, *err = error. */
int hal_disk_done(int unit, int *err);
/* Start a FLUSH: unit's image reaches stable storage (done like a transfer). */
void hal_disk_flush(int unit);

/* --- MMU (haltlb.c) --- */
int hal_tlb_size(void);
/* This CPU: 4 KB pages, Wired 0, Context.PTEBase = cpu, TLB emptied. */
void hal_tlb_init(int cpu);
void hal_tlb_set_asid(uint32_t asid);
void hal_tlb_write_random(uint32_t hi, uint32_t lo0, uint32_t lo1);
void hal_tlb_flush_va(uint32_t va, uint32_t asid); /* drop va's pair, if present */
void hal_tlb_flush_all(void);

/* --- memory hints (halpage.c) --- */
void hal_page_zero(void *kva);          /* the 4 KB page at kva must read as zeroes */
void hal_page_free(void *kva);          /* freed for good: its contents may go */

/* --- FPU (halfpu.c) --- */
void hal_fpu_enable(void);              /* CU1 on for the kernel */
void hal_fpu_disable(void);
void hal_fpu_save(uint32_t *regs32, uint32_t *fcsr);   /* 32 words */
void hal_fpu_restore(const uint32_t *regs32, uint32_t fcsr);

#endif
