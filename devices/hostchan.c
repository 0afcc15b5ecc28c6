/*
 * hostchan.c - the host channel (register map and naming rule in
 * hostchan.h and docs/dev-hostchan.md).
 *
 * Host memory is bounded: the record being written grows by doubling up to
 * DEV_HOSTCHAN_MAX_BYTES (later bytes are dropped and counted as overflow),
 * and at most DEV_HOSTCHAN_MAX_RECORDS records are kept, so a guest can
 * make the emulator hold at most 65 MiB however it misbehaves.
 */
#include "devices/hostchan.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* The host channel's state behind struct device. */
struct hostchan {
	FILE *err;
	char *buf;      /* the current record, not NUL-terminated */
	uint32_t len, cap;
	bool overflow;  /* STATUS.OVF */
	bool lost;      /* STATUS.LOST */
	int n;          /* committed records */
	const char *names[DEV_HOSTCHAN_MAX_RECORDS];
	const char *texts[DEV_HOSTCHAN_MAX_RECORDS];
	uint64_t bytes, commits, refused;
};

/* The host channel state of device d. */
static struct hostchan *hc_of(const struct device *d)
{
	return d->state;
}

/* Append byte b to the current record, within the bound. */
static void hc_append(struct hostchan *s, uint8_t b)
{
	if (b == 0)
		return;
	if (s->len == DEV_HOSTCHAN_MAX_BYTES) {
		s->overflow = true;
		return;
	}
	if (s->len == s->cap) {
		uint32_t cap = s->cap ? s->cap * 2 : 256;
		char *p = realloc(s->buf, cap);
		if (p == NULL) {
			s->overflow = true; /* the host is out of memory */
			return;
		}
		s->buf = p;
		s->cap = cap;
	}
	s->buf[s->len++] = (char)b;
	s->bytes++;
}

/* Whether c may appear in a record name. */
static bool hc_name_char(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
}

/* Length of the current record's name (0: unnamed), per hostchan.h. */
static uint32_t hc_name_len(const struct hostchan *s)
{
	uint32_t i = 0;
	while (i < s->len && i <= DEV_HOSTCHAN_MAX_NAME &&
	       hc_name_char(s->buf[i]))
		i++;
	if (i == 0 || i > DEV_HOSTCHAN_MAX_NAME || i == s->len ||
	    s->buf[i] != '\n')
		return 0;
	return i;
}

/* A NUL-terminated copy of n bytes at p, or NULL. */
static char *hc_strndup(const char *p, uint32_t n)
{
	char *q = malloc((size_t)n + 1);
	if (q != NULL) {
		if (n > 0)
			memcpy(q, p, n);
		q[n] = '\0';
	}
	return q;
}

/* Index of the committed record called name, or -1. */
static int hc_find(const struct hostchan *s, const char *name)
{
	for (int i = 0; i < s->n; i++)
		if (strcmp(s->names[i], name) == 0)
			return i;
	return -1;
}

/* Store name/text as a record (replacing a same-named one); false if full. */
static bool hc_store(struct hostchan *s, char *name, char *text)
{
	int i = name[0] != '\0' ? hc_find(s, name) : -1;
	if (i >= 0) {
		free(name);
		free((void *)s->texts[i]);
		s->texts[i] = text;
		return true;
	}
	if (s->n == DEV_HOSTCHAN_MAX_RECORDS)
		return false;
	s->names[s->n] = name;
	s->texts[s->n] = text;
	s->n++;
	return true;
}

/* COMMIT: turn the current record into a committed one, or refuse it. */
static void hc_commit(struct hostchan *s)
{
	bool ok = false;
	if (!s->overflow) {
		uint32_t nl = hc_name_len(s);
		uint32_t skip = nl ? nl + 1 : 0;
		char *name = hc_strndup(s->buf, nl);
		char *text = hc_strndup(s->len ? s->buf + skip : "",
					s->len - skip);
		ok = name != NULL && text != NULL && hc_store(s, name, text);
		if (!ok) {
			free(name);
			free(text);
		}
	}
	if (ok) {
		s->commits++;
	} else {
		s->refused++;
		s->lost = true;
	}
	s->len = 0;
	s->overflow = false;
}

/* Drop every committed record. */
static void hc_drop_records(struct hostchan *s)
{
	for (int i = 0; i < s->n; i++) {
		free((void *)s->names[i]);
		free((void *)s->texts[i]);
	}
	s->n = 0;
}

/* Carry out a COMMAND write; false for an unknown command. */
static bool hc_command(struct hostchan *s, uint32_t cmd)
{
	switch (cmd) {
	case DEV_HOSTCHAN_CMD_COMMIT:
		hc_commit(s);
		return true;
	case DEV_HOSTCHAN_CMD_CLEAR:
		s->len = 0;
		s->overflow = false;
		return true;
	case DEV_HOSTCHAN_CMD_RESET:
		hc_drop_records(s);
		s->lost = false;
		return hc_command(s, DEV_HOSTCHAN_CMD_CLEAR);
	default:
		return false;
	}
}

/* The STATUS register's value. */
static uint32_t hc_status(const struct hostchan *s)
{
	return (s->overflow ? DEV_HOSTCHAN_ST_OVERFLOW : 0) |
	       (s->lost ? DEV_HOSTCHAN_ST_LOST : 0) |
	       (uint32_t)s->n << DEV_HOSTCHAN_ST_RECORDS_SHIFT;
}

/* Register read: DATA (any size) and COMMAND read as 0; others 32-bit. */
static enum cpu_bus_result hc_read(struct device *d, int cpu_id, uint32_t off,
				   int size, uint64_t *val)
{
	const struct hostchan *s = hc_of(d);
	(void)cpu_id;
	if (size != 4 && !(off == DEV_HOSTCHAN_DATA && size < 4))
		return CPU_BUS_ERROR;
	switch (off) {
	case DEV_HOSTCHAN_DATA:
	case DEV_HOSTCHAN_COMMAND: *val = 0; break;
	case DEV_HOSTCHAN_STATUS: *val = hc_status(s); break;
	case DEV_HOSTCHAN_LENGTH: *val = s->len; break;
	default: return CPU_BUS_ERROR;
	}
	return CPU_BUS_OK;
}

/* Register write: DATA takes sb or sw, COMMAND takes sw. */
static enum cpu_bus_result hc_write(struct device *d, int cpu_id,
				    uint32_t off, int size, uint64_t val)
{
	struct hostchan *s = hc_of(d);
	(void)cpu_id;
	if (off == DEV_HOSTCHAN_DATA && (size == 1 || size == 4)) {
		hc_append(s, (uint8_t)val);
		return CPU_BUS_OK;
	}
	if (off == DEV_HOSTCHAN_COMMAND && size == 4 &&
	    hc_command(s, (uint32_t)val))
		return CPU_BUS_OK;
	return CPU_BUS_ERROR;
}

/* Print the host channel's state on one line. */
static void hc_dump(const struct device *d, FILE *out)
{
	const struct hostchan *s = hc_of(d);
	fprintf(out,
		"hostchan: %d records, current %u bytes%s, %llu bytes in, "
		"%llu commits, %llu refused\n",
		s->n, s->len, s->overflow ? " (overflow)" : "",
		(unsigned long long)s->bytes, (unsigned long long)s->commits,
		(unsigned long long)s->refused);
}

/* Free the host channel and its records. */
static void hc_destroy(struct device *d)
{
	struct hostchan *s = hc_of(d);
	hc_drop_records(s);
	free(s->buf);
	free(s);
	free(d);
}

static const struct dev_ops hc_ops = {
	.name = "hostchan",
	.read = hc_read,
	.write = hc_write,
	.dump = hc_dump,
	.destroy = hc_destroy,
};

/* Create the host channel at base; NULL after a one-line error on err. */
struct device *dev_hostchan_create(const struct dev_services *svc,
				   uint32_t base, FILE *err)
{
	struct device *d = calloc(1, sizeof *d);
	struct hostchan *s = calloc(1, sizeof *s);
	if (d == NULL || s == NULL) {
		fprintf(err, "minidisco: hostchan: out of memory\n");
		free(d);
		free(s);
		return NULL;
	}
	s->err = err;
	*d = (struct device){.ops = &hc_ops, .base = base,
			     .size = DEV_HOSTCHAN_SIZE, .irq = -1, .svc = svc,
			     .state = s};
	return d;
}

/* The committed records in commit order; returns their number. */
int dev_hostchan_records(const struct device *d, const char ***names,
			 const char ***texts)
{
	struct hostchan *s = hc_of(d);
	*names = s->names;
	*texts = s->texts;
	return s->n;
}
