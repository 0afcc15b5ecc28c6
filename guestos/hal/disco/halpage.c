/*
 * halpage.c - the memory hints of the virtualized build (Disco, 4.2): the
 * kernel tells the monitor that a fresh page must read as zeroes (the
 * monitor may map a zeroed machine page instead of the guest writing
 * 4 KB) and that a page is free for good (the monitor may take its
 * machine page back).  Both are monitor calls on the page's
 * guest-physical address; the kernel then uses the page through the same
 * sseg address, whatever machine page the monitor put behind it.
 */
#include <stdint.h>

#include "hal.h"
#include "halmcall.h"
#include "klib.h"

/* The 4 KB page at kernel address kva must read as zeroes (zeroed here if the monitor declines). */
void hal_page_zero(void *kva)
{
	if (mc_page_zero(V2P(kva)) < 0)
		memset(kva, 0, 4096);
}

/* The page at kva is free: its contents up to now may be discarded. */
void hal_page_free(void *kva)
{
	mc_page_free(V2P(kva));
}
