/*
 * halmcall.h - the monitor calls (vmm/include/mcall.h), one small inline
 * function each.  A call is a `syscall` in supervisor mode with the
 * number in v0 and every argument in a0..a3, t0 (one trap); the result
 * comes back in v0 and every other register is preserved:
 *
 *     v0 = MC_*   a0 a1 a2 a3 t0      syscall      -> v0 (MC_ERR_* < 0)
 *
 * Buffers are passed by their kernel (sseg) address, guest-physical
 * addresses (DMA, hints) as gpa = V2P(kva).
 */
#ifndef GUESTOS_HALMCALL_H
#define GUESTOS_HALMCALL_H

#include <stdint.h>

#include "mcall.h"

/* Make monitor call n with five arguments; return its result. */
static inline int32_t mcall5(uint32_t n, uint32_t x0, uint32_t x1, uint32_t x2,
			     uint32_t x3, uint32_t x4)
{
	register uint32_t v0 __asm__("$2") = n;
	register uint32_t a0 __asm__("$4") = x0;
	register uint32_t a1 __asm__("$5") = x1;
	register uint32_t a2 __asm__("$6") = x2;
	register uint32_t a3 __asm__("$7") = x3;
	register uint32_t t0 __asm__("$8") = x4;
	__asm__ volatile("syscall"
			 : "+r"(v0)
			 : "r"(a0), "r"(a1), "r"(a2), "r"(a3), "r"(t0)
			 : "memory");
	return (int32_t)v0;
}

/* Make monitor call n with two arguments (a0, a1); return its result. */
static inline int32_t mcall2(uint32_t n, uint32_t x0, uint32_t x1)
{
	register uint32_t v0 __asm__("$2") = n;
	register uint32_t a0 __asm__("$4") = x0;
	register uint32_t a1 __asm__("$5") = x1;
	__asm__ volatile("syscall" : "+r"(v0) : "r"(a0), "r"(a1) : "memory");
	return (int32_t)v0;
}

/* Make monitor call n with one argument (a0); return its result. */
static inline int32_t mcall1(uint32_t n, uint32_t x0)
{
	register uint32_t v0 __asm__("$2") = n;
	register uint32_t a0 __asm__("$4") = x0;
	__asm__ volatile("syscall" : "+r"(v0) : "r"(a0) : "memory");
	return (int32_t)v0;
}

/* Write len bytes at kernel address buf to the VM's console. */
static inline int32_t mc_cons_write(const void *buf, uint32_t len)
{
	register uint32_t v0 __asm__("$2") = MC_CONS_WRITE;
	register uint32_t a0 __asm__("$4") = (uint32_t)buf;
	register uint32_t a1 __asm__("$5") = len;
	__asm__ volatile("syscall" : "+r"(v0) : "r"(a0), "r"(a1) : "memory");
	return (int32_t)v0;
}

/* The next console input byte, MC_ERR_AGAIN (none now) or MC_ERR_END. */
static inline int32_t mc_cons_getc(void)
{
	return mcall1(MC_CONS_GETC, 0);
}

/* Sectors of disk unit, or MC_ERR_NODEV. */
static inline int32_t mc_disk_info(uint32_t unit)
{
	return mcall1(MC_DISK_INFO, unit);
}

/* Start a DMA transfer of nsect sectors between sector and guest-physical gpa. */
static inline int32_t mc_disk_start(uint32_t unit, uint32_t write, uint32_t sector,
				    uint32_t nsect, uint32_t gpa)
{
	return mcall5(MC_DISK_START, unit, write, sector, nsect, gpa);
}

/* MC_ERR_AGAIN while unit is busy; else its error (0: ok), acknowledged. */
static inline int32_t mc_disk_done(uint32_t unit)
{
	return mcall1(MC_DISK_DONE, unit);
}

/* Start a FLUSH of unit (completes like a transfer). */
static inline int32_t mc_disk_flush(uint32_t unit)
{
	return mcall1(MC_DISK_FLUSH, unit);
}

/* Clear these bits of the special page's devpend. */
static inline int32_t mc_dev_ack(uint32_t sources)
{
	return mcall1(MC_DEV_ACK, sources);
}

/* Send a virtual IPI to vcpu of this VM. */
static inline int32_t mc_ipi_send(uint32_t vcpu)
{
	return mcall1(MC_IPI_SEND, vcpu);
}

/* Clear and return the pending virtual IPIs (bit j: from vCPU j). */
static inline int32_t mc_ipi_take(void)
{
	return mcall1(MC_IPI_TAKE, 0);
}

/* Start vcpu at the kernel's entry (a0 = vcpu, a1 = nvcpus). */
static inline int32_t mc_vcpu_start(uint32_t vcpu)
{
	return mcall1(MC_VCPU_START, vcpu);
}

/* Deschedule this vCPU until an interrupt is pending for it (the idle hint). */
static inline int32_t mc_idle(void)
{
	return mcall1(MC_IDLE, 0);
}

/* Set the virtual Compare (and clear the timer interrupt). */
static inline int32_t mc_timer_set(uint32_t compare)
{
	return mcall1(MC_TIMER_SET, compare);
}

/* The page at gpa must read as zeroes (the monitor may map a zero page). */
static inline int32_t mc_page_zero(uint32_t gpa)
{
	return mcall1(MC_PAGE_ZERO, gpa);
}

/* The page at gpa is free for good: its contents may be discarded. */
static inline int32_t mc_page_free(uint32_t gpa)
{
	return mcall1(MC_PAGE_FREE, gpa);
}

/* This VM is done, with status. */
static inline int32_t mc_poweroff(uint32_t status)
{
	return mcall1(MC_POWEROFF, status);
}

/* Drop the virtual TLB entry of va's page pair in address space asid: 1, or 0 if none. */
static inline int32_t mc_tlb_drop(uint32_t va, uint32_t asid)
{
	return mcall2(MC_TLB_DROP, va, asid);
}

#endif
