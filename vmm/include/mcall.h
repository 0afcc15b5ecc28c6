/*
 * mcall.h - the interface between the monitor (vmm/) and a virtualized
 * guest kernel (guestos/hal/disco/): monitor calls, the special page and
 * the guest's address space.  Only #defines, for C and assembly.
 *
 * Monitor call ABI.  The guest kernel runs in supervisor mode; a `syscall`
 * it executes there (never one from guest user mode, which the monitor
 * forwards to the guest like any exception) is a monitor call:
 *
 *   v0 = MC_* number, arguments in a0, a1, a2, a3, t0, t1 (all of them in
 *   one trap); the result comes back in v0 (MC_ERR_* when negative); every
 *   other register is preserved; the guest resumes after the syscall.
 *
 * Guest address space (supervisor mode, 32-bit):
 *
 *   0x00000000 +------------------------+ suseg: the guest's user programs
 *              |  (guest TLB entries,   |  (run in real user mode)
 *              |   translated)          |
 *   0x80000000 +------------------------+ kseg0/kseg1: address error in
 *              |  not reachable         |  supervisor mode
 *   0xC0000000 +------------------------+ sseg (GUEST_KERNBASE): guest-
 *              | guest-physical memory  |  physical address gpa is at
 *              | [0, mem) mapped by the |  GUEST_KERNBASE + gpa, mapped
 *              | monitor from the pmap  |  by the monitor alone (misses
 *              |                        |  here never reach the guest)
 *   0xDFFFE000 +------------------------+ GUEST_SPECIAL: the vCPU's special
 *              | special page (RO)      |  page, read-only (a store is a
 *   0xDFFFF000 +------------------------+  TLB Modified fault, forwarded)
 *              | private page (RW)      | GUEST_PRIVATE: the vCPU's own
 *   0xE0000000 +------------------------+  words, read-write (below)
 *
 * The guest kernel is linked at GUEST_KERNLINK; its vectors are at
 * GUEST_KERNBASE + 0x000 (TLB refill, for suseg misses the monitor's
 * second-level TLB could not satisfy) and + 0x180 (everything else).
 */
#ifndef VMM_MCALL_H
#define VMM_MCALL_H

#define GUEST_KERNBASE 0xC0000000u
#define GUEST_KERNLINK 0xC0010000u
#define GUEST_MEMMAX   0x1FFFE000u /* most guest-physical bytes */
#define GUEST_SPECIAL  0xDFFFE000u
#define GUEST_PRIVATE  0xDFFFF000u
#define GUEST_VEC_REFILL  0xC0000000u
#define GUEST_VEC_GENERAL 0xC0000180u

/*
 * The special page, one per virtual CPU, at GUEST_SPECIAL: the monitor
 * keeps the vCPU's virtual privileged registers here, and the guest reads
 * them with plain loads instead of trapping on mfc0 (Disco, section 4.2).
 * Writes to these registers still trap (mtc0) or are monitor calls.
 * Big-endian 32-bit words:
 *
 *   +0x00 status     virtual Status (KSU as the guest set it, EXL, IE, IM)
 *   +0x04 cause      virtual Cause (ExcCode, CE, BD; IP bits as pending)
 *   +0x08 epc        virtual EPC
 *   +0x0C badvaddr   virtual BadVAddr
 *   +0x10 context    virtual Context (guest PTEBase | BadVPN2 << 4)
 *   +0x14 entryhi    virtual EntryHi (VPN2 | guest ASID)
 *   +0x18 vcpu       this virtual CPU's number (read-only)
 *   +0x1C nvcpus     virtual CPUs of this VM (read-only)
 *   +0x20 devpend    pending virtual device sources (bit s: source s, as
 *                    the native interrupt controller numbers them:
 *                    0 console, 1 + k disk k); cleared by MC_DEV_ACK
 *   +0x24 ipipend    virtual IPIs pending (bit j: from vCPU j); cleared
 *                    by MC_IPI_TAKE
 *   +0x28 count      virtual Count at the vCPU's last entry to the monitor
 *   +0x2C compare    virtual Compare
 *   +0x30 hz         virtual Count ticks per second
 *   +0x34 vm         this VM's number (0, 1, ...)
 */
#define SP_STATUS   0x00
#define SP_CAUSE    0x04
#define SP_EPC      0x08
#define SP_BADVADDR 0x0C
#define SP_CONTEXT  0x10
#define SP_ENTRYHI  0x14
#define SP_VCPU     0x18
#define SP_NVCPUS   0x1C
#define SP_DEVPEND  0x20
#define SP_IPIPEND  0x24
#define SP_COUNT    0x28
#define SP_COMPARE  0x2C
#define SP_HZ       0x30
#define SP_VM       0x34

/*
 * The private page, one per virtual CPU, at GUEST_PRIVATE (the odd half
 * of the special page's TLB pair): read-write, zero at boot, never read
 * by the monitor.  A word there is the running vCPU's whatever thread
 * touches it, with a plain load or store and no vCPU number to look up,
 * so a kernel thread that migrates between two instructions still uses
 * the word of the vCPU it runs on (the guest keeps its lazy interrupt
 * enable there).
 */

/* Monitor calls (v0).  Arguments a0..a3, t0, t1; result v0. */
#define MC_CONS_WRITE   1  /* (gva buf, len): write to the VM's console; len or err */
#define MC_CONS_GETC    2  /* (): next input byte, MC_ERR_AGAIN none now, MC_ERR_END ended */
#define MC_DISK_INFO    3  /* (unit): sectors of the VM's disk unit, or MC_ERR_NODEV */
#define MC_DISK_START   4  /* (unit, write, sector, nsect, gpa): start a DMA transfer */
#define MC_DISK_DONE    5  /* (unit): MC_ERR_AGAIN while busy; else its error (0 ok), acked */
#define MC_DISK_FLUSH   6  /* (unit): start a FLUSH; completes like a transfer */
#define MC_DEV_ACK      7  /* (sources): clear these bits of devpend */
#define MC_IPI_SEND     8  /* (vcpu): virtual IPI to a vCPU of this VM */
#define MC_IPI_TAKE     9  /* (): clear and return ipipend */
#define MC_VCPU_START  10  /* (vcpu): start vCPU at the kernel entry, a0 = vcpu, a1 = nvcpus */
#define MC_IDLE        11  /* (): deschedule until an interrupt is pending (idle hint) */
#define MC_TIMER_SET   12  /* (compare): virtual Compare; clears the timer interrupt */
#define MC_PAGE_ZERO   13  /* (gpa): the page must read as zeroes (the monitor may map a zeroed page) */
#define MC_PAGE_FREE   14  /* (gpa): freed for good: contents may be discarded */
#define MC_POWEROFF    15  /* (status): this VM is done, with status */
#define MC_TLB_DROP    16  /* (va, asid): drop va's pair from the virtual TLB: 1 dropped, 0 none */
#define MC_MAX         16

/* Errors (negative results). */
#define MC_ERR_INVAL  (-1) /* bad argument: address outside the VM, bad unit, ... */
#define MC_ERR_AGAIN  (-2)
#define MC_ERR_END    (-3)
#define MC_ERR_NODEV  (-4)
#define MC_ERR_BUSY   (-5)
#define MC_ERR_NOSYS  (-6) /* unknown call */

#endif
