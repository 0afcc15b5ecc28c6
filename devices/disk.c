/*
 * disk.c - a DMA disk backed by an image file (register map and latency
 * model in disk.h and docs/dev-disk.md).
 *
 * A command is checked when it is written: a bad one finishes at once with
 * an error.  A good one latches SECTOR, COUNT and DMA and is due at
 * now + latency; the poll hook completes it once svc->now reaches that
 * cycle, moving the bytes with pread/pwrite straight between the image and
 * the RAM that svc->ram returns (never outside RAM), and raising the
 * interrupt if IE is set.  The time of completion depends only on the
 * machine's time at the command, so runs are repeatable.
 */
#include "devices/disk.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

/* One command as latched when it was accepted. */
struct disk_op {
	uint32_t cmd, sector, count, dma;
};

/* The disk's state behind struct device. */
struct disk {
	int fd;
	char *path;
	FILE *err;
	uint32_t capacity;           /* sectors */
	uint32_t sector, count, dma; /* registers for the next command */
	uint32_t ie;                 /* IE register */
	uint32_t status;             /* STATUS register */
	struct disk_op op;           /* in flight while BUSY */
	uint64_t due;                /* completion cycle while BUSY */
	uint32_t head;               /* sector after the last transfer */
	bool level;                  /* interrupt line as last driven */
	struct dev_disk_timing t;
	uint64_t commands, errors, sectors_read, sectors_written;
};

/* The disk state of device d. */
static struct disk *disk_of(const struct device *d)
{
	return d->state;
}

/* Drive the interrupt line to IE && DONE if that changed. */
static void disk_update_irq(struct device *d)
{
	struct disk *s = disk_of(d);
	bool level = (s->ie & 1) && (s->status & DEV_DISK_ST_DONE);
	if (level == s->level)
		return;
	s->level = level;
	if (d->irq >= 0)
		d->svc->irq(d->svc->ctx, d->irq, level);
}

/* End the current command with error code e: DONE, not BUSY. */
static void disk_finish(struct device *d, uint32_t e)
{
	struct disk *s = disk_of(d);
	s->status = (s->status & DEV_DISK_ST_REJECTED) | DEV_DISK_ST_DONE |
		    e << DEV_DISK_ST_ERROR_SHIFT;
	if (e != DEV_DISK_ERR_NONE)
		s->errors++;
	disk_update_irq(d);
}

/* Bytes of a transfer of count sectors (fits in 64 bits). */
static uint64_t disk_bytes(uint32_t count)
{
	return (uint64_t)count * DEV_DISK_SECTOR_BYTES;
}

/* Host RAM for the op's DMA buffer, or NULL if it is not all RAM. */
static uint8_t *disk_ram(const struct device *d, const struct disk_op *op)
{
	uint64_t len = disk_bytes(op->count);
	if (len > UINT32_MAX)
		return NULL;
	return d->svc->ram(d->svc->ctx, op->dma, (uint32_t)len);
}

/* Why op cannot run (an ERROR code), or DEV_DISK_ERR_NONE. */
static uint32_t disk_check(const struct device *d, const struct disk_op *op)
{
	const struct disk *s = disk_of(d);
	if (op->cmd == DEV_DISK_CMD_FLUSH)
		return DEV_DISK_ERR_NONE;
	if (op->cmd != DEV_DISK_CMD_READ && op->cmd != DEV_DISK_CMD_WRITE)
		return DEV_DISK_ERR_COMMAND;
	if (op->count == 0)
		return DEV_DISK_ERR_COMMAND;
	if ((uint64_t)op->sector + op->count > s->capacity)
		return DEV_DISK_ERR_RANGE;
	if (disk_ram(d, op) == NULL)
		return DEV_DISK_ERR_DMA;
	return DEV_DISK_ERR_NONE;
}

/* Cycles op takes from the head's current position (disk.h's formula). */
static uint64_t disk_latency(const struct disk *s, const struct disk_op *op)
{
	const struct dev_disk_timing *t = &s->t;
	if (op->cmd == DEV_DISK_CMD_FLUSH)
		return t->overhead + t->flush;
	uint64_t seek = 0;
	if (op->sector != s->head) {
		uint64_t dist = op->sector > s->head ? op->sector - s->head
						     : s->head - op->sector;
		seek = t->seek_base + dist / (t->seek_div ? t->seek_div : 1);
		if (seek > t->seek_max)
			seek = t->seek_max;
	}
	return t->overhead + seek + (uint64_t)op->count * t->per_sector;
}

/* Start the command cmd from the registers, or finish it at once if bad. */
static void disk_command(struct device *d, uint32_t cmd)
{
	struct disk *s = disk_of(d);
	if (s->status & DEV_DISK_ST_BUSY) {
		s->status |= DEV_DISK_ST_REJECTED;
		return;
	}
	struct disk_op op = {cmd, s->sector, s->count, s->dma};
	s->commands++;
	s->status &= ~DEV_DISK_ST_REJECTED;
	uint32_t e = disk_check(d, &op);
	if (e != DEV_DISK_ERR_NONE) {
		disk_finish(d, e);
		return;
	}
	s->op = op;
	s->due = d->svc->now(d->svc->ctx) + disk_latency(s, &op);
	s->status = DEV_DISK_ST_BUSY;
	disk_update_irq(d);
}

/* Read or write len bytes at offset off of the image; false on error. */
static bool disk_io(struct disk *s, bool write, uint8_t *buf, uint64_t len,
		    uint64_t off)
{
	while (len > 0) {
		ssize_t n = write ? pwrite(s->fd, buf, len, (off_t)off)
				  : pread(s->fd, buf, len, (off_t)off);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			fprintf(s->err, "minidisco: disk %s: %s: %s\n", s->path,
				write ? "write" : "read",
				n < 0 ? strerror(errno) : "image got shorter");
			return false;
		}
		buf += n;
		len -= (uint64_t)n;
		off += (uint64_t)n;
	}
	return true;
}

/* Carry out the latched command; returns its ERROR code. */
static uint32_t disk_perform(struct device *d)
{
	struct disk *s = disk_of(d);
	const struct disk_op *op = &s->op;
	if (op->cmd == DEV_DISK_CMD_FLUSH) {
		if (fdatasync(s->fd) == 0)
			return DEV_DISK_ERR_NONE;
		fprintf(s->err, "minidisco: disk %s: flush: %s\n", s->path,
			strerror(errno));
		return DEV_DISK_ERR_IO;
	}
	uint8_t *ram = disk_ram(d, op);
	if (ram == NULL)
		return DEV_DISK_ERR_DMA;
	uint64_t len = disk_bytes(op->count);
	uint64_t off = disk_bytes(op->sector);
	bool write = op->cmd == DEV_DISK_CMD_WRITE;
	s->head = op->sector + op->count;
	bool ok = disk_io(s, write, ram, len, off);
	if (!write) {
		/* Even a failed read may have changed part of the buffer. */
		d->svc->dma_wrote(d->svc->ctx, op->dma, (uint32_t)len);
		s->sectors_read += ok ? op->count : 0;
	} else {
		s->sectors_written += ok ? op->count : 0;
	}
	return ok ? DEV_DISK_ERR_NONE : DEV_DISK_ERR_IO;
}

/* Poll hook: complete the command in flight once its cycle has come. */
static void disk_poll(struct device *d)
{
	struct disk *s = disk_of(d);
	if (!(s->status & DEV_DISK_ST_BUSY))
		return;
	if (d->svc->now(d->svc->ctx) < s->due)
		return;
	disk_finish(d, disk_perform(d));
}

/* Register read: 32-bit loads of the registers only. */
static enum cpu_bus_result disk_read(struct device *d, int cpu_id,
				     uint32_t off, int size, uint64_t *val)
{
	const struct disk *s = disk_of(d);
	(void)cpu_id;
	if (size != 4)
		return CPU_BUS_ERROR;
	switch (off) {
	case DEV_DISK_SECTOR: *val = s->sector; break;
	case DEV_DISK_COUNT: *val = s->count; break;
	case DEV_DISK_DMA: *val = s->dma; break;
	case DEV_DISK_STATUS: *val = s->status; break;
	case DEV_DISK_IE: *val = s->ie; break;
	case DEV_DISK_CAPACITY: *val = s->capacity; break;
	case DEV_DISK_COMMAND: /* write-only registers read as 0 */
	case DEV_DISK_ACK: *val = 0; break;
	default: return CPU_BUS_ERROR;
	}
	return CPU_BUS_OK;
}

/* Register write: 32-bit stores to the writable registers only. */
static enum cpu_bus_result disk_write(struct device *d, int cpu_id,
				      uint32_t off, int size, uint64_t val)
{
	struct disk *s = disk_of(d);
	uint32_t v = (uint32_t)val;
	(void)cpu_id;
	if (size != 4)
		return CPU_BUS_ERROR;
	switch (off) {
	case DEV_DISK_SECTOR: s->sector = v; break;
	case DEV_DISK_COUNT: s->count = v; break;
	case DEV_DISK_DMA: s->dma = v; break;
	case DEV_DISK_COMMAND: disk_command(d, v); break;
	case DEV_DISK_IE:
		s->ie = v & 1;
		disk_update_irq(d);
		break;
	case DEV_DISK_ACK:
		s->status &= ~DEV_DISK_ST_DONE;
		disk_update_irq(d);
		break;
	default: return CPU_BUS_ERROR;
	}
	return CPU_BUS_OK;
}

/* Print the disk's state on one line. */
static void disk_dump(const struct device *d, FILE *out)
{
	const struct disk *s = disk_of(d);
	fprintf(out,
		"disk %s: %u sectors, status 0x%x, ie %u, %llu commands, "
		"%llu errors, %llu sectors read, %llu written",
		s->path, s->capacity, s->status, s->ie,
		(unsigned long long)s->commands, (unsigned long long)s->errors,
		(unsigned long long)s->sectors_read,
		(unsigned long long)s->sectors_written);
	if (s->status & DEV_DISK_ST_BUSY)
		fprintf(out, ", busy: cmd %u sector %u count %u dma 0x%08x "
			     "due %llu",
			s->op.cmd, s->op.sector, s->op.count, s->op.dma,
			(unsigned long long)s->due);
	fputc('\n', out);
}

/* Close the image (a command still in flight is dropped) and free. */
static void disk_destroy(struct device *d)
{
	struct disk *s = disk_of(d);
	close(s->fd);
	free(s->path);
	free(s);
	free(d);
}

static const struct dev_ops disk_ops = {
	.name = "disk",
	.read = disk_read,
	.write = disk_write,
	.poll = disk_poll,
	.dump = disk_dump,
	.destroy = disk_destroy,
};

/* The default latency constants. */
struct dev_disk_timing dev_disk_default_timing(void)
{
	return (struct dev_disk_timing){
		.overhead = 2000,
		.seek_base = 200000,
		.seek_div = 4,
		.seek_max = 2000000,
		.per_sector = 2048,
		.flush = 100000,
	};
}

/* Open, lock and size the image; -1 after a one-line error on err. */
static int disk_open(const char *path, FILE *err, uint32_t *capacity)
{
	int fd = open(path, O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		fprintf(err, "minidisco: --disk %s: cannot open: %s\n", path,
			strerror(errno));
		return -1;
	}
	const char *why = NULL;
	off_t end = -1;
	if (flock(fd, LOCK_EX | LOCK_NB) != 0)
		why = errno == EWOULDBLOCK ? "already in use" : strerror(errno);
	else if ((end = lseek(fd, 0, SEEK_END)) < 0)
		why = strerror(errno);
	else if ((uint64_t)end / DEV_DISK_SECTOR_BYTES > UINT32_MAX)
		why = "larger than 2^32 sectors";
	if (why != NULL) {
		fprintf(err, "minidisco: --disk %s: %s\n", path, why);
		close(fd);
		return -1;
	}
	*capacity = (uint32_t)((uint64_t)end / DEV_DISK_SECTOR_BYTES);
	return fd;
}

/* Create the disk on the image at path; NULL after a one-line error. */
struct device *dev_disk_create(const struct dev_services *svc, uint32_t base,
			       int irq, const char *path, FILE *err)
{
	uint32_t capacity;
	int fd = disk_open(path, err, &capacity);
	if (fd < 0)
		return NULL;
	struct device *d = calloc(1, sizeof *d);
	struct disk *s = calloc(1, sizeof *s);
	char *p = strdup(path);
	if (d == NULL || s == NULL || p == NULL) {
		fprintf(err, "minidisco: --disk %s: out of memory\n", path);
		free(d), free(s), free(p);
		close(fd);
		return NULL;
	}
	*s = (struct disk){.fd = fd, .path = p, .err = err,
			   .capacity = capacity,
			   .t = dev_disk_default_timing()};
	*d = (struct device){.ops = &disk_ops, .base = base,
			     .size = DEV_DISK_SIZE, .irq = irq, .svc = svc,
			     .state = s};
	return d;
}

/* Whether a command is in flight; *due = the cycle it completes at. */
bool dev_disk_busy(const struct device *d, uint64_t *due)
{
	const struct disk *s = disk_of(d);
	if (!(s->status & DEV_DISK_ST_BUSY))
		return false;
	if (due != NULL)
		*due = s->due;
	return true;
}

/* Use other latency constants (seek_div 0 counts as 1); for --machine. */
void dev_disk_set_timing(struct device *d, const struct dev_disk_timing *t)
{
	disk_of(d)->t = *t;
}
