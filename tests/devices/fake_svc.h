/*
 * fake_svc.h - a fake struct dev_services for the device unit tests: a
 * 64 KB RAM buffer at physical 0, a clock the test sets, and a record of
 * every interrupt level change and every DMA write it was told about.
 */
#ifndef TESTS_DEVICES_FAKE_SVC_H
#define TESTS_DEVICES_FAKE_SVC_H

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#include "devices/device.h"

#define FAKE_RAM 0x10000u
#define FAKE_LOG 64

/* The fake machine behind the services. */
struct fake {
	uint8_t ram[FAKE_RAM];
	uint64_t now;
	int irq_calls;           /* calls to irq() */
	int irq_source[FAKE_LOG];
	bool irq_level[FAKE_LOG];
	int dma_calls;           /* calls to dma_wrote() */
	uint32_t dma_pa[FAKE_LOG], dma_len[FAKE_LOG];
	struct dev_services svc;
};

/* Host pointer to fake RAM [pa, pa+len), or NULL if it leaves RAM. */
static inline uint8_t *fake_ram(void *ctx, uint32_t pa, uint32_t len)
{
	struct fake *f = ctx;
	if (pa > FAKE_RAM || len > FAKE_RAM - pa)
		return NULL;
	return f->ram + pa;
}

/* Record a DMA write into RAM. */
static inline void fake_dma_wrote(void *ctx, uint32_t pa, uint32_t len)
{
	struct fake *f = ctx;
	cr_assert_lt(f->dma_calls, FAKE_LOG);
	f->dma_pa[f->dma_calls] = pa;
	f->dma_len[f->dma_calls] = len;
	f->dma_calls++;
}

/* Record an interrupt level change. */
static inline void fake_irq(void *ctx, int source, bool level)
{
	struct fake *f = ctx;
	cr_assert_lt(f->irq_calls, FAKE_LOG);
	f->irq_source[f->irq_calls] = source;
	f->irq_level[f->irq_calls] = level;
	f->irq_calls++;
}

/* The fake clock. */
static inline uint64_t fake_now(void *ctx)
{
	return ((struct fake *)ctx)->now;
}

/* No device under test may power the machine off. */
static inline void fake_stop(void *ctx, int cpu_id)
{
	(void)ctx, (void)cpu_id;
	cr_assert_fail("a device called stop()");
}

/* A zeroed fake machine with its services wired up. */
static inline struct fake *fake_new(void)
{
	struct fake *f = calloc(1, sizeof *f);
	cr_assert_not_null(f);
	f->svc = (struct dev_services){.ctx = f, .ram = fake_ram,
				       .dma_wrote = fake_dma_wrote,
				       .irq = fake_irq, .now = fake_now,
				       .stop = fake_stop};
	return f;
}

/* The last interrupt level driven (false if none). */
static inline bool fake_level(const struct fake *f)
{
	return f->irq_calls > 0 && f->irq_level[f->irq_calls - 1];
}

/* Read a register, asserting the access is accepted. */
static inline uint64_t dev_rd(struct device *d, uint32_t off, int size)
{
	uint64_t v = 0xdeadbeef;
	cr_assert_eq(d->ops->read(d, 0, off, size, &v), CPU_BUS_OK,
		     "read off 0x%x size %d refused", off, size);
	return v;
}

/* Write a register, asserting the access is accepted. */
static inline void dev_wr(struct device *d, uint32_t off, int size,
			  uint64_t v)
{
	cr_assert_eq(d->ops->write(d, 0, off, size, v), CPU_BUS_OK,
		     "write off 0x%x size %d refused", off, size);
}

/* Whether a read of off/size is a bus error. */
static inline bool dev_rd_fails(struct device *d, uint32_t off, int size)
{
	uint64_t v;
	return d->ops->read(d, 0, off, size, &v) == CPU_BUS_ERROR;
}

/* Whether a write of off/size is a bus error. */
static inline bool dev_wr_fails(struct device *d, uint32_t off, int size,
				uint64_t v)
{
	return d->ops->write(d, 0, off, size, v) == CPU_BUS_ERROR;
}

#endif
