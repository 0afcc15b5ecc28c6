/* test_dev_disk.c - the DMA disk (devices/disk.c) on temporary images. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "devices/disk.h"
#include "tests/devices/fake_svc.h"

#define BASE 0x1F001100u
#define IRQ 2
#define SECTORS 16u
#define SB DEV_DISK_SECTOR_BYTES

/* A temporary image of n sectors; byte i holds pattern(i). */
struct image {
	char path[32];
	int fd; /* the test's own descriptor, for checking the bytes */
};

/* Byte i of a fresh image. */
static uint8_t pattern(uint64_t i)
{
	return (uint8_t)(i * 13 + (i >> 9));
}

/* Create an image of n sectors filled with pattern(). */
static struct image img_new(uint32_t n)
{
	struct image im;
	strcpy(im.path, "/tmp/devdisk-XXXXXX");
	im.fd = mkstemp(im.path);
	cr_assert_geq(im.fd, 0);
	uint8_t *b = malloc((size_t)n * SB + 1);
	for (uint64_t i = 0; i < (uint64_t)n * SB; i++)
		b[i] = pattern(i);
	cr_assert_eq(pwrite(im.fd, b, (size_t)n * SB, 0), (ssize_t)n * SB);
	free(b);
	return im;
}

/* Remove an image. */
static void img_free(struct image *im)
{
	close(im->fd);
	unlink(im->path);
}

/* A disk on image im, with the fake's services. */
static struct device *mk(struct fake *f, const struct image *im)
{
	struct device *d = dev_disk_create(&f->svc, BASE, IRQ, im->path, stderr);
	cr_assert_not_null(d);
	cr_assert_eq(d->base, BASE);
	cr_assert_eq(d->size, 0x100u);
	return d;
}

/* Write SECTOR, COUNT, DMA and COMMAND. */
static void cmd(struct device *d, uint32_t c, uint32_t sector, uint32_t count,
		uint32_t dma)
{
	dev_wr(d, DEV_DISK_SECTOR, 4, sector);
	dev_wr(d, DEV_DISK_COUNT, 4, count);
	dev_wr(d, DEV_DISK_DMA, 4, dma);
	dev_wr(d, DEV_DISK_COMMAND, 4, c);
}

/* STATUS register. */
static uint32_t status(struct device *d)
{
	return (uint32_t)dev_rd(d, DEV_DISK_STATUS, 4);
}

/* STATUS of a finished command with error e. */
static uint32_t done(uint32_t e)
{
	return DEV_DISK_ST_DONE | e << DEV_DISK_ST_ERROR_SHIFT;
}

/* Move the fake clock to the command's due cycle and poll. */
static void finish(struct fake *f, struct device *d)
{
	uint64_t due;
	cr_assert(dev_disk_busy(d, &due));
	f->now = due;
	d->ops->poll(d);
	cr_assert_not(dev_disk_busy(d, NULL));
}

Test(disk, registers_read_back)
{
	struct fake *f = fake_new();
	struct image im = img_new(SECTORS);
	struct device *d = mk(f, &im);
	cr_assert_eq(dev_rd(d, DEV_DISK_CAPACITY, 4), SECTORS);
	cr_assert_eq(status(d), 0);
	dev_wr(d, DEV_DISK_SECTOR, 4, 0x11223344);
	dev_wr(d, DEV_DISK_COUNT, 4, 0x55667788);
	dev_wr(d, DEV_DISK_DMA, 4, 0x99aabbcc);
	dev_wr(d, DEV_DISK_IE, 4, 0xffffffff);
	cr_assert_eq(dev_rd(d, DEV_DISK_SECTOR, 4), 0x11223344);
	cr_assert_eq(dev_rd(d, DEV_DISK_COUNT, 4), 0x55667788);
	cr_assert_eq(dev_rd(d, DEV_DISK_DMA, 4), 0x99aabbcc);
	cr_assert_eq(dev_rd(d, DEV_DISK_IE, 4), 1);
	cr_assert_eq(dev_rd(d, DEV_DISK_COMMAND, 4), 0);
	cr_assert_eq(dev_rd(d, DEV_DISK_ACK, 4), 0);
	d->ops->destroy(d);
	img_free(&im);
	free(f);
}

Test(disk, bad_accesses_are_bus_errors)
{
	struct fake *f = fake_new();
	struct image im = img_new(SECTORS);
	struct device *d = mk(f, &im);
	for (uint32_t off = 0; off < 0x100; off++) {
		cr_assert(dev_rd_fails(d, off, 1), "lb 0x%x", off);
		cr_assert(dev_wr_fails(d, off, 1, 0), "sb 0x%x", off);
		cr_assert(dev_rd_fails(d, off, 8), "ld 0x%x", off);
		cr_assert(dev_wr_fails(d, off, 8, 0), "sd 0x%x", off);
		if (off % 2 == 0) {
			cr_assert(dev_rd_fails(d, off, 2), "lh 0x%x", off);
			cr_assert(dev_wr_fails(d, off, 2, 0), "sh 0x%x", off);
		}
		if (off % 4 != 0 || off >= 0x20) {
			cr_assert(dev_rd_fails(d, off, 4), "lw 0x%x", off);
			cr_assert(dev_wr_fails(d, off, 4, 0), "sw 0x%x", off);
		}
	}
	cr_assert(dev_wr_fails(d, DEV_DISK_STATUS, 4, 0));
	cr_assert(dev_wr_fails(d, DEV_DISK_CAPACITY, 4, 99));
	cr_assert(dev_rd_fails(d, 0x100, 4));
	cr_assert_eq(dev_rd(d, DEV_DISK_CAPACITY, 4), SECTORS);
	cr_assert_eq(status(d), 0);
	d->ops->destroy(d);
	img_free(&im);
	free(f);
}

Test(disk, write_through_dma_reaches_the_file)
{
	struct fake *f = fake_new();
	struct image im = img_new(SECTORS);
	struct device *d = mk(f, &im);
	for (uint32_t i = 0; i < 2 * SB; i++)
		f->ram[0x1000 + i] = (uint8_t)(0xA5 ^ i);
	f->now = 1000;
	cmd(d, DEV_DISK_CMD_WRITE, 3, 2, 0x1000);
	cr_assert_eq(status(d), DEV_DISK_ST_BUSY);
	uint64_t due;
	cr_assert(dev_disk_busy(d, &due));
	f->now = due - 1;
	d->ops->poll(d);
	cr_assert_eq(status(d), DEV_DISK_ST_BUSY); /* not yet */
	uint8_t b[SECTORS * SB];
	cr_assert_eq(pread(im.fd, b, sizeof b, 0), (ssize_t)sizeof b);
	cr_assert_eq(b[3 * SB], pattern(3 * SB)); /* file untouched so far */
	f->now = due;
	d->ops->poll(d);
	cr_assert_eq(status(d), done(DEV_DISK_ERR_NONE));
	cr_assert_eq(pread(im.fd, b, sizeof b, 0), (ssize_t)sizeof b);
	for (uint32_t i = 0; i < SECTORS * SB; i++) {
		bool in = i >= 3 * SB && i < 5 * SB;
		uint8_t want = in ? (uint8_t)(0xA5 ^ (i - 3 * SB)) : pattern(i);
		cr_assert_eq(b[i], want, "image byte %u", i);
	}
	cr_assert_eq(f->dma_calls, 0); /* a write does not change RAM */
	d->ops->destroy(d);
	img_free(&im);
	free(f);
}

Test(disk, read_through_dma_fills_ram)
{
	struct fake *f = fake_new();
	struct image im = img_new(SECTORS);
	struct device *d = mk(f, &im);
	memset(f->ram, 0xEE, sizeof f->ram);
	cmd(d, DEV_DISK_CMD_READ, 5, 3, 0x2001); /* any byte address */
	cr_assert_eq(f->ram[0x2001], 0xEE);     /* nothing before completion */
	finish(f, d);
	cr_assert_eq(status(d), done(DEV_DISK_ERR_NONE));
	for (uint32_t i = 0; i < 3 * SB; i++)
		cr_assert_eq(f->ram[0x2001 + i], pattern(5 * SB + i), "%u", i);
	cr_assert_eq(f->ram[0x2000], 0xEE);
	cr_assert_eq(f->ram[0x2001 + 3 * SB], 0xEE);
	cr_assert_eq(f->dma_calls, 1);
	cr_assert_eq(f->dma_pa[0], 0x2001);
	cr_assert_eq(f->dma_len[0], 3 * SB);
	d->ops->destroy(d);
	img_free(&im);
	free(f);
}

Test(disk, latency_formula)
{
	struct fake *f = fake_new();
	struct image im = img_new(SECTORS);
	struct device *d = mk(f, &im);
	struct dev_disk_timing t = dev_disk_default_timing();
	cr_assert_eq(t.overhead, 2000);
	cr_assert_eq(t.per_sector, 2048);
	uint64_t due;
	/* From the initial head position 0: no seek. */
	f->now = 500;
	cmd(d, DEV_DISK_CMD_READ, 0, 2, 0);
	cr_assert(dev_disk_busy(d, &due));
	cr_assert_eq(due, 500 + 2000 + 2 * 2048);
	finish(f, d);
	/* Sequential (sector 2 follows 0..1): still no seek. */
	cmd(d, DEV_DISK_CMD_WRITE, 2, 1, 0);
	cr_assert(dev_disk_busy(d, &due));
	cr_assert_eq(due, f->now + 2000 + 2048);
	finish(f, d);
	/* Head at 3; sector 11 is 8 away: seek 200,000 + 8/4. */
	cmd(d, DEV_DISK_CMD_READ, 11, 1, 0);
	cr_assert(dev_disk_busy(d, &due));
	cr_assert_eq(due, f->now + 2000 + 200000 + 2 + 2048);
	finish(f, d);
	/* Flush: overhead + flush, no seek. */
	cmd(d, DEV_DISK_CMD_FLUSH, 0, 0, 0);
	cr_assert(dev_disk_busy(d, &due));
	cr_assert_eq(due, f->now + 2000 + 100000);
	finish(f, d);
	cr_assert_eq(status(d), done(DEV_DISK_ERR_NONE));
	/* Other constants: a backwards seek (head 12 -> 4), then a capped one. */
	t = (struct dev_disk_timing){.overhead = 1, .seek_base = 10,
				     .seek_div = 2, .seek_max = 14,
				     .per_sector = 100, .flush = 7};
	dev_disk_set_timing(d, &t);
	cmd(d, DEV_DISK_CMD_READ, 4, 1, 0);
	cr_assert(dev_disk_busy(d, &due));
	cr_assert_eq(due, f->now + 1 + 10 + 4 + 100); /* |4-12|/2 = 4 */
	finish(f, d);
	cmd(d, DEV_DISK_CMD_READ, 15, 1, 0);
	cr_assert(dev_disk_busy(d, &due));
	cr_assert_eq(due, f->now + 1 + 14 + 100); /* 10 + 10/2 capped */
	finish(f, d);
	d->ops->destroy(d);
	img_free(&im);
	free(f);
}

Test(disk, bad_commands_finish_at_once_with_errors)
{
	struct fake *f = fake_new();
	struct image im = img_new(SECTORS);
	struct device *d = mk(f, &im);
	memset(f->ram, 0x5A, sizeof f->ram);
	struct {
		uint32_t cmd, sector, count, dma, err;
	} bad[] = {
		{0, 0, 1, 0, DEV_DISK_ERR_COMMAND},
		{4, 0, 1, 0, DEV_DISK_ERR_COMMAND},
		{0xffffffff, 0, 1, 0, DEV_DISK_ERR_COMMAND},
		{DEV_DISK_CMD_READ, 0, 0, 0, DEV_DISK_ERR_COMMAND},
		{DEV_DISK_CMD_WRITE, 0, 0, 0, DEV_DISK_ERR_COMMAND},
		{DEV_DISK_CMD_READ, 15, 2, 0, DEV_DISK_ERR_RANGE},
		{DEV_DISK_CMD_WRITE, 16, 1, 0, DEV_DISK_ERR_RANGE},
		{DEV_DISK_CMD_READ, 0xffffffff, 2, 0, DEV_DISK_ERR_RANGE},
		{DEV_DISK_CMD_READ, 1, 0xffffffff, 0, DEV_DISK_ERR_RANGE},
		{DEV_DISK_CMD_READ, 0, 1, FAKE_RAM - SB + 1, DEV_DISK_ERR_DMA},
		{DEV_DISK_CMD_WRITE, 0, 1, FAKE_RAM, DEV_DISK_ERR_DMA},
		{DEV_DISK_CMD_READ, 0, 2, 0xfffffe00, DEV_DISK_ERR_DMA},
		{DEV_DISK_CMD_READ, 0, 1, 0x1F000000, DEV_DISK_ERR_DMA},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		cmd(d, bad[i].cmd, bad[i].sector, bad[i].count, bad[i].dma);
		cr_assert_not(dev_disk_busy(d, NULL), "case %zu", i);
		cr_assert_eq(status(d), done(bad[i].err), "case %zu: 0x%x", i,
			     status(d));
		dev_wr(d, DEV_DISK_ACK, 4, 0);
		cr_assert_eq(status(d), bad[i].err << DEV_DISK_ST_ERROR_SHIFT);
	}
	/* A good command clears the error; the last sector is in range. */
	cmd(d, DEV_DISK_CMD_READ, 15, 1, FAKE_RAM - SB);
	cr_assert_eq(status(d), DEV_DISK_ST_BUSY);
	finish(f, d);
	cr_assert_eq(status(d), done(DEV_DISK_ERR_NONE));
	cr_assert_eq(f->ram[FAKE_RAM - 1], pattern(16 * SB - 1));
	cr_assert_eq(f->ram[FAKE_RAM - SB - 1], 0x5A);
	cr_assert_eq(f->dma_calls, 1);
	d->ops->destroy(d);
	img_free(&im);
	free(f);
}

Test(disk, transfer_of_4_gib_is_a_dma_error)
{
	struct fake *f = fake_new();
	struct image im = img_new(1);
	/* A sparse image of 2^23 + 1 sectors: COUNT 2^23 is in range. */
	cr_assert_eq(ftruncate(im.fd, (off_t)((1u << 23) + 1) * SB), 0);
	struct device *d = mk(f, &im);
	cr_assert_eq(dev_rd(d, DEV_DISK_CAPACITY, 4), (1u << 23) + 1);
	cmd(d, DEV_DISK_CMD_READ, 0, 1u << 23, 0);
	cr_assert_eq(status(d), done(DEV_DISK_ERR_DMA));
	d->ops->destroy(d);
	img_free(&im);
	free(f);
}

Test(disk, host_io_error)
{
	struct fake *f = fake_new();
	struct image im = img_new(SECTORS);
	char *buf = NULL;
	size_t len = 0;
	FILE *err = open_memstream(&buf, &len);
	struct device *d = dev_disk_create(&f->svc, BASE, IRQ, im.path, err);
	cr_assert_not_null(d);
	cmd(d, DEV_DISK_CMD_READ, 8, 4, 0);
	/* The image shrinks behind the emulator's back. */
	cr_assert_eq(ftruncate(im.fd, 10 * SB), 0);
	finish(f, d);
	cr_assert_eq(status(d), done(DEV_DISK_ERR_IO));
	cr_assert_eq(f->dma_calls, 1); /* the bytes that did arrive */
	cr_assert_eq(f->ram[0], pattern(8 * SB));
	fflush(err);
	char want[100];
	snprintf(want, sizeof want,
		 "minidisco: disk %s: read: image got shorter\n", im.path);
	cr_assert_str_eq(buf, want);
	d->ops->destroy(d);
	fclose(err);
	free(buf);
	img_free(&im);
	free(f);
}

Test(disk, interrupt_raise_ack_and_enable)
{
	struct fake *f = fake_new();
	struct image im = img_new(SECTORS);
	struct device *d = mk(f, &im);
	/* IE off: completion leaves the line low. */
	cmd(d, DEV_DISK_CMD_READ, 0, 1, 0);
	finish(f, d);
	cr_assert_eq(f->irq_calls, 0);
	/* Enabling while DONE raises it; ACK lowers it. */
	dev_wr(d, DEV_DISK_IE, 4, 1);
	cr_assert_eq(f->irq_calls, 1);
	cr_assert_eq(f->irq_source[0], IRQ);
	cr_assert(fake_level(f));
	dev_wr(d, DEV_DISK_ACK, 4, 1);
	cr_assert_eq(f->irq_calls, 2);
	cr_assert_not(fake_level(f));
	cr_assert_eq(status(d), 0);
	/* With IE on, completion raises it. */
	cmd(d, DEV_DISK_CMD_WRITE, 1, 1, 0);
	cr_assert_eq(f->irq_calls, 2);
	finish(f, d);
	cr_assert_eq(f->irq_calls, 3);
	cr_assert(fake_level(f));
	/* A new command clears DONE, which lowers the line. */
	cmd(d, DEV_DISK_CMD_READ, 2, 1, 0);
	cr_assert_eq(f->irq_calls, 4);
	cr_assert_not(fake_level(f));
	finish(f, d);
	cr_assert(fake_level(f));
	/* Disabling lowers it while DONE stays set. */
	dev_wr(d, DEV_DISK_IE, 4, 0);
	cr_assert_not(fake_level(f));
	cr_assert_eq(status(d), done(DEV_DISK_ERR_NONE));
	/* An immediate error raises it too. */
	dev_wr(d, DEV_DISK_IE, 4, 1);
	dev_wr(d, DEV_DISK_ACK, 4, 0);
	int calls = f->irq_calls;
	cmd(d, DEV_DISK_CMD_READ, 99, 1, 0);
	cr_assert_eq(f->irq_calls, calls + 1);
	cr_assert(fake_level(f));
	d->ops->destroy(d);
	img_free(&im);
	free(f);
}

Test(disk, command_while_busy_is_rejected)
{
	struct fake *f = fake_new();
	struct image im = img_new(SECTORS);
	struct device *d = mk(f, &im);
	uint64_t due, due2;
	cmd(d, DEV_DISK_CMD_READ, 0, 1, 0x100);
	cr_assert(dev_disk_busy(d, &due));
	cmd(d, DEV_DISK_CMD_WRITE, 7, 1, 0x300);
	cr_assert_eq(status(d), DEV_DISK_ST_BUSY | DEV_DISK_ST_REJECTED);
	cr_assert(dev_disk_busy(d, &due2));
	cr_assert_eq(due, due2);
	/* The first command completes as it was latched. */
	finish(f, d);
	cr_assert_eq(status(d), done(0) | DEV_DISK_ST_REJECTED);
	cr_assert_eq(f->ram[0x100], pattern(0));
	uint8_t b;
	cr_assert_eq(pread(im.fd, &b, 1, 7 * SB), 1);
	cr_assert_eq(b, pattern(7 * SB)); /* the write never happened */
	cmd(d, DEV_DISK_CMD_FLUSH, 0, 0, 0);
	cr_assert_eq(status(d), DEV_DISK_ST_BUSY);
	d->ops->destroy(d); /* destroy with a command in flight */
	img_free(&im);
	free(f);
}

Test(disk, same_inputs_same_times)
{
	uint64_t dues[2][4];
	for (int run = 0; run < 2; run++) {
		struct fake *f = fake_new();
		struct image im = img_new(SECTORS);
		struct device *d = mk(f, &im);
		static const uint32_t sec[4] = {9, 3, 4, 15};
		for (int i = 0; i < 4; i++) {
			f->now += 777;
			cmd(d, i % 2 ? DEV_DISK_CMD_WRITE : DEV_DISK_CMD_READ,
			    sec[i], 1, 0);
			cr_assert(dev_disk_busy(d, &dues[run][i]));
			finish(f, d);
		}
		d->ops->destroy(d);
		img_free(&im);
		free(f);
	}
	cr_assert_eq(memcmp(dues[0], dues[1], sizeof dues[0]), 0);
}

/* Create a disk on path expecting NULL and return the error text. */
static char *create_fails(struct fake *f, const char *path)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *err = open_memstream(&buf, &len);
	cr_assert_null(dev_disk_create(&f->svc, BASE, IRQ, path, err));
	fclose(err);
	return buf;
}

Test(disk, bad_images_are_one_line_errors)
{
	struct fake *f = fake_new();
	char *e = create_fails(f, "/nonexistent/disk.img");
	cr_assert_str_eq(e, "minidisco: --disk /nonexistent/disk.img: cannot "
			    "open: No such file or directory\n");
	free(e);
	e = create_fails(f, "/tmp");
	cr_assert_str_eq(e, "minidisco: --disk /tmp: cannot open: Is a "
			    "directory\n");
	free(e);
	/* The same image twice: the second is refused. */
	struct image im = img_new(SECTORS);
	struct device *d = mk(f, &im);
	char want[100];
	e = create_fails(f, im.path);
	snprintf(want, sizeof want, "minidisco: --disk %s: already in use\n",
		 im.path);
	cr_assert_str_eq(e, want);
	free(e);
	d->ops->destroy(d);
	d = mk(f, &im); /* free again after destroy */
	d->ops->destroy(d);
	img_free(&im);
	free(f);
}

Test(disk, unwritable_image_is_refused)
{
	struct fake *f = fake_new();
	struct image im = img_new(1);
	cr_assert_eq(fchmod(im.fd, 0444), 0);
	/* Root may open a 0444 file for writing; sysfs refuses even root. */
	const char *path = geteuid() == 0 ? "/sys/kernel/notes" : im.path;
	if (access(path, F_OK) != 0)
		cr_skip_test("no unwritable file for root here");
	char *e = create_fails(f, path);
	char want[100];
	snprintf(want, sizeof want,
		 "minidisco: --disk %s: cannot open: Permission denied\n",
		 path);
	cr_assert_str_eq(e, want);
	free(e);
	img_free(&im);
	free(f);
}

Test(disk, dump)
{
	struct fake *f = fake_new();
	struct image im = img_new(SECTORS);
	struct device *d = mk(f, &im);
	cmd(d, DEV_DISK_CMD_READ, 1, 2, 0x40);
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	d->ops->dump(d, out);
	fclose(out);
	char want[300];
	snprintf(want, sizeof want,
		 "disk %s: 16 sectors, status 0x1, ie 0, 1 commands, 0 errors, "
		 "0 sectors read, 0 written, busy: cmd 1 sector 1 count 2 "
		 "dma 0x00000040 due %d\n",
		 im.path, 2000 + 200000 + 0 + 2 * 2048);
	cr_assert_str_eq(buf, want);
	free(buf);
	d->ops->destroy(d);
	img_free(&im);
	free(f);
}
