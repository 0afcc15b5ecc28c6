/*
 * halpage.c - the memory hints, natively: the kernel zeroes a fresh page
 * itself, and a freed page needs no word to anyone.  (Under the monitor,
 * hal/disco/halpage.c turns both into monitor calls.)
 */
#include <stdint.h>

#include "hal.h"

#define PAGE_BYTES 4096

/* Zero the 4 KB page at kva, eight words per iteration (the hot path of demand-zero). */
void hal_page_zero(void *kva)
{
	uint32_t *w = kva;
	for (uint32_t *end = w + PAGE_BYTES / 4; w < end; w += 8) {
		w[0] = 0; w[1] = 0; w[2] = 0; w[3] = 0;
		w[4] = 0; w[5] = 0; w[6] = 0; w[7] = 0;
	}
}

/* The page at kva is free for good: nothing to do on the bare machine. */
void hal_page_free(void *kva)
{
	(void)kva;
}
