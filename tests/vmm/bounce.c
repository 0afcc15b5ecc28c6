/*
 * bounce.c - a small guest for the monitor's disk bounce path
 * (tests/vmm/run.sh): booted in place of a guest kernel in a VM whose
 * memory comes from two home nodes (vm0.home=0,1, mem=32), so that guest
 * physical 16 MB is a break in machine memory: the pages below it are on
 * node 0, the pages above on node 1.
 *
 * It writes 8 sectors from a buffer that straddles 16 MB at a sector-
 * unaligned offset (one sector crosses the break and must go through the
 * monitor's bounce sector, vmm/vdisk.c), clears the area, reads them back
 * into a buffer that straddles the break at another offset, and into a
 * buffer below it, and compares both with a copy of the pattern kept
 * away from all three.  It prints "bounce: ok" and powers
 * off with 0, or prints what differed and powers off with 1.
 */
#include "klib.h"
#include "vmm/include/mcall.h"
#include "machine/bootinfo.h"

#define SECT    512
#define NSECT   8
#define BREAK   0x01000000u        /* gpa 16 MB: the home-node boundary */
#define SECTOR  64                 /* the disk sector used (scratch copy) */

/* hostile_asm.S: entry, monitor call */
int32_t hostile_mcall(uint32_t n, uint32_t a0, uint32_t a1, uint32_t a2,
		      uint32_t a3, uint32_t t0, uint32_t t1);

/* Write a string to this VM's console. */
static void bounce_say(const char *s)
{
	hostile_mcall(MC_CONS_WRITE, (uint32_t)s, strlen(s), 0, 0, 0, 0);
}

/* The guest kernel-segment address of guest physical gpa. */
static uint8_t *bounce_va(uint32_t gpa)
{
	return (uint8_t *)(GUEST_KERNBASE + gpa);
}

/* One transfer of NSECT sectors at gpa, waited for; the result of MC_DISK_DONE. */
static int32_t bounce_io(int write, uint32_t gpa)
{
	int32_t r = hostile_mcall(MC_DISK_START, 0, write, SECTOR, NSECT, gpa, 0);
	if (r < 0)
		return r;
	while ((r = hostile_mcall(MC_DISK_DONE, 0, 0, 0, 0, 0, 0)) == MC_ERR_AGAIN)
		;
	return r;
}

/* Compare n bytes of a and b; report the first difference; 1 if equal. */
static int bounce_same(const char *what, const uint8_t *a, const uint8_t *b)
{
	char line[96];
	for (uint32_t i = 0; i < NSECT * SECT; i++) {
		if (a[i] != b[i]) {
			ksnprintf(line, sizeof line,
				  "bounce: %s differs at byte %u: %02x, not %02x\n",
				  what, i, b[i], a[i]);
			bounce_say(line);
			return 0;
		}
	}
	return 1;
}

/* Write, read back twice, compare, power off. */
void hostile_main(uint32_t vcpu, uint32_t nvcpus, uint32_t bootinfo)
{
	char line[96];
	uint32_t src = BREAK - 0x700, dst = BREAK - 0x480, low = 0x00800000u;
	uint8_t *s = bounce_va(src), *d = bounce_va(dst), *l = bounce_va(low);
	uint8_t *p = bounce_va(0x00600000u);
	(void)vcpu, (void)nvcpus;
	uint32_t mem = *(volatile uint32_t *)(GUEST_KERNBASE + bootinfo + BI_MEM_BYTES);
	if (mem < BREAK + 0x10000) {
		bounce_say("bounce: the VM needs more than 16 MB of memory\n");
		hostile_mcall(MC_POWEROFF, 1, 0, 0, 0, 0, 0);
	}
	for (uint32_t i = 0; i < NSECT * SECT; i++)
		p[i] = (uint8_t)(i * 7 + (i >> 9) + 1);
	memcpy(s, p, NSECT * SECT);
	int32_t w = bounce_io(1, src);
	memset(s, 0, 2 * NSECT * SECT);
	int32_t r1 = bounce_io(0, dst);
	memset(l, 0, NSECT * SECT);
	int32_t r2 = bounce_io(0, low);
	ksnprintf(line, sizeof line, "bounce: write %d, read across %d, read below %d\n",
		  w, r1, r2);
	bounce_say(line);
	int ok = w == 0 && r1 == 0 && r2 == 0 && bounce_same("across", p, d) &&
		 bounce_same("below", p, l);
	bounce_say(ok ? "bounce: ok\n" : "bounce: FAILED\n");
	hostile_mcall(MC_POWEROFF, ok ? 0 : 1, 0, 0, 0, 0, 0);
	for (;;)
		;
}
