/*
 * numa_bare.h - what the bare-metal memory-system tests need besides
 * klib: the boot information block, the NUMA unit's registers
 * (docs/dev-numa.md) and the interrupt controller's (docs/machine.md).
 */
#ifndef TESTS_NUMA_NUMA_BARE_H
#define TESTS_NUMA_NUMA_BARE_H

#include "ktest.h"
#include "machine/bootinfo.h"

#define NUMA_UNIT 0xBF002000u /* physical 0x1F002000 through kseg1 */
#define NUMA_ID 0x00
#define NUMA_NODES 0x04
#define NUMA_CONTROL 0x10
#define NUMA_THRESH 0x14
#define NUMA_STATUS 0x18
#define NUMA_QCOUNT 0x1C
#define NUMA_QPOP 0x20
#define NUMA_SELPAGE 0x30
#define NUMA_SELNODE 0x34
#define NUMA_COUNT 0x38
#define NUMA_RESET 0x3C
#define NUMA_WHOAMI 0x40

#define INTC 0xBF000100u /* physical 0x1F000100 through kseg1 */
#define INTC_PENDING 0x04
#define INTC_ENABLE 0x08
#define INTC_CAUSE 0x10
#define INTC_TARGET(s) (0x40 + 4 * (s))
#define INTC_SRC_NUMA 9

/* A 32-bit device register at base + off. */
static inline volatile uint32_t *nb_reg(uint32_t base, uint32_t off)
{
	return (volatile uint32_t *)(base + off);
}

/* A word of the boot information block. */
static inline uint32_t nb_bi(uint32_t off)
{
	return *(volatile uint32_t *)((klib_bootinfo | KSEG0_BASE) + off);
}

/* A word of node k's entry in the boot information's node table. */
static inline uint32_t nb_node(int k, uint32_t off)
{
	return nb_bi(nb_bi(BI_NODE_OFF) + (uint32_t)k * BI_NODE_BYTES + off);
}

/* The value of key=N in the --append command line, or dflt. */
static inline uint32_t nb_arg(const char *key, uint32_t dflt)
{
	const char *s = (const char *)((klib_bootinfo | KSEG0_BASE) +
				       nb_bi(BI_CMDLINE_OFF));
	size_t k = strlen(key);

	for (; *s; s++) {
		if (strncmp(s, key, k) != 0 || s[k] != '=')
			continue;
		uint32_t v = 0;
		for (s += k + 1; *s >= '0' && *s <= '9'; s++)
			v = v * 10 + (uint32_t)(*s - '0');
		return v;
	}
	return dflt;
}

#endif
