/* test_dev_hostchan.c - the host channel (devices/hostchan.c). */
#include <stdio.h>

#include "devices/hostchan.h"
#include "tests/devices/fake_svc.h"

#define BASE 0x1F000200u

/* A host channel on the fake's services. */
static struct device *mk(struct fake *f)
{
	struct device *d = dev_hostchan_create(&f->svc, BASE, stderr);
	cr_assert_not_null(d);
	cr_assert_eq(d->base, BASE);
	cr_assert_eq(d->size, 16u);
	cr_assert_eq(d->irq, -1);
	return d;
}

/* Append the string s with byte stores. */
static void say(struct device *d, const char *s)
{
	for (; *s; s++)
		dev_wr(d, DEV_HOSTCHAN_DATA, 1, (uint8_t)*s);
}

/* Write the COMMAND register. */
static void command(struct device *d, uint32_t c)
{
	dev_wr(d, DEV_HOSTCHAN_COMMAND, 4, c);
}

/* STATUS register. */
static uint32_t status(struct device *d)
{
	return (uint32_t)dev_rd(d, DEV_HOSTCHAN_STATUS, 4);
}

/* Assert that record i is name/text. */
static void want_record(struct device *d, int i, const char *name,
			const char *text)
{
	const char **names, **texts;
	int n = dev_hostchan_records(d, &names, &texts);
	cr_assert_lt(i, n);
	cr_assert_str_eq(names[i], name, "record %d", i);
	cr_assert_str_eq(texts[i], text, "record %d", i);
}

/* Number of committed records. */
static int nrecords(struct device *d)
{
	const char **names, **texts;
	int n = dev_hostchan_records(d, &names, &texts);
	cr_assert_eq(status(d) >> DEV_HOSTCHAN_ST_RECORDS_SHIFT, (uint32_t)n);
	return n;
}

Test(hostchan, unnamed_and_named_records)
{
	struct fake *f = fake_new();
	struct device *d = mk(f);
	cr_assert_eq(nrecords(d), 0);
	say(d, "hello");
	dev_wr(d, DEV_HOSTCHAN_DATA, 4, 0x12345621); /* sw: low byte '!' */
	dev_wr(d, DEV_HOSTCHAN_DATA, 1, 0);          /* NUL is not stored */
	cr_assert_eq(dev_rd(d, DEV_HOSTCHAN_LENGTH, 4), 6);
	cr_assert_eq(nrecords(d), 0); /* nothing until COMMIT */
	command(d, DEV_HOSTCHAN_CMD_COMMIT);
	cr_assert_eq(dev_rd(d, DEV_HOSTCHAN_LENGTH, 4), 0);
	cr_assert_eq(nrecords(d), 1);
	want_record(d, 0, "", "hello!");
	say(d, "monitor\n{\"vms\": 2}\n");
	command(d, DEV_HOSTCHAN_CMD_COMMIT);
	cr_assert_eq(nrecords(d), 2);
	want_record(d, 1, "monitor", "{\"vms\": 2}\n");
	command(d, DEV_HOSTCHAN_CMD_COMMIT); /* an empty record */
	want_record(d, 2, "", "");
	cr_assert_eq(status(d), 3u << DEV_HOSTCHAN_ST_RECORDS_SHIFT);
	d->ops->destroy(d);
	free(f);
}

Test(hostchan, what_makes_a_name)
{
	struct fake *f = fake_new();
	struct device *d = mk(f);
	static const struct {
		const char *in, *name, *text;
	} cases[] = {
		{"a.b-c_9\nx", "a.b-c_9", "x"},
		{"n\n", "n", ""},
		{"two words\nx", "", "two words\nx"},
		{"\nx", "", "\nx"},
		{"noline", "", "noline"},
		{"12345678901234567890123456789012\nx",
		 "12345678901234567890123456789012", "x"},
		{"123456789012345678901234567890123\nx", "",
		 "123456789012345678901234567890123\nx"},
		{"k\nl1\nl2", "k", "l1\nl2"},
	};
	int n = sizeof cases / sizeof cases[0];
	for (int i = 0; i < n; i++) {
		say(d, cases[i].in);
		command(d, DEV_HOSTCHAN_CMD_COMMIT);
		want_record(d, i, cases[i].name, cases[i].text);
	}
	cr_assert_eq(nrecords(d), n);
	d->ops->destroy(d);
	free(f);
}

Test(hostchan, same_name_replaces_in_place)
{
	struct fake *f = fake_new();
	struct device *d = mk(f);
	say(d, "monitor\n{\"v\": 1}");
	command(d, DEV_HOSTCHAN_CMD_COMMIT);
	say(d, "other\nA");
	command(d, DEV_HOSTCHAN_CMD_COMMIT);
	say(d, "monitor\n{\"v\": 2}");
	command(d, DEV_HOSTCHAN_CMD_COMMIT);
	cr_assert_eq(nrecords(d), 2);
	want_record(d, 0, "monitor", "{\"v\": 2}");
	want_record(d, 1, "other", "A");
	/* Unnamed records never replace each other. */
	say(d, "x");
	command(d, DEV_HOSTCHAN_CMD_COMMIT);
	say(d, "x");
	command(d, DEV_HOSTCHAN_CMD_COMMIT);
	cr_assert_eq(nrecords(d), 4);
	d->ops->destroy(d);
	free(f);
}

Test(hostchan, clear_and_reset)
{
	struct fake *f = fake_new();
	struct device *d = mk(f);
	say(d, "keep\n1");
	command(d, DEV_HOSTCHAN_CMD_COMMIT);
	say(d, "drop me");
	command(d, DEV_HOSTCHAN_CMD_CLEAR);
	cr_assert_eq(dev_rd(d, DEV_HOSTCHAN_LENGTH, 4), 0);
	say(d, "b");
	command(d, DEV_HOSTCHAN_CMD_COMMIT);
	cr_assert_eq(nrecords(d), 2);
	want_record(d, 1, "", "b");
	say(d, "pending");
	command(d, DEV_HOSTCHAN_CMD_RESET);
	cr_assert_eq(nrecords(d), 0);
	cr_assert_eq(dev_rd(d, DEV_HOSTCHAN_LENGTH, 4), 0);
	cr_assert_eq(status(d), 0);
	d->ops->destroy(d);
	free(f);
}

Test(hostchan, record_size_is_bounded)
{
	struct fake *f = fake_new();
	struct device *d = mk(f);
	for (uint32_t i = 0; i < DEV_HOSTCHAN_MAX_BYTES; i++)
		dev_wr(d, DEV_HOSTCHAN_DATA, 1, 'a' + i % 26);
	cr_assert_eq(dev_rd(d, DEV_HOSTCHAN_LENGTH, 4), DEV_HOSTCHAN_MAX_BYTES);
	cr_assert_eq(status(d), 0); /* exactly 1 MiB fits */
	say(d, "more");
	cr_assert_eq(dev_rd(d, DEV_HOSTCHAN_LENGTH, 4), DEV_HOSTCHAN_MAX_BYTES);
	cr_assert_eq(status(d), DEV_HOSTCHAN_ST_OVERFLOW);
	command(d, DEV_HOSTCHAN_CMD_COMMIT); /* refused */
	cr_assert_eq(status(d), DEV_HOSTCHAN_ST_LOST);
	cr_assert_eq(nrecords(d), 0);
	/* LOST is sticky across good commits; RESET clears it. */
	say(d, "ok");
	command(d, DEV_HOSTCHAN_CMD_COMMIT);
	cr_assert_eq(status(d), DEV_HOSTCHAN_ST_LOST |
					1u << DEV_HOSTCHAN_ST_RECORDS_SHIFT);
	command(d, DEV_HOSTCHAN_CMD_RESET);
	cr_assert_eq(status(d), 0);
	/* An exactly full record commits whole. */
	for (uint32_t i = 0; i < DEV_HOSTCHAN_MAX_BYTES; i++)
		dev_wr(d, DEV_HOSTCHAN_DATA, 1, 'z');
	command(d, DEV_HOSTCHAN_CMD_COMMIT);
	const char **names, **texts;
	cr_assert_eq(dev_hostchan_records(d, &names, &texts), 1);
	cr_assert_eq(strlen(texts[0]), DEV_HOSTCHAN_MAX_BYTES);
	/* CLEAR also forgets an overflow. */
	for (uint32_t i = 0; i <= DEV_HOSTCHAN_MAX_BYTES; i++)
		dev_wr(d, DEV_HOSTCHAN_DATA, 1, 'y');
	cr_assert(status(d) & DEV_HOSTCHAN_ST_OVERFLOW);
	command(d, DEV_HOSTCHAN_CMD_CLEAR);
	cr_assert_eq(status(d), 1u << DEV_HOSTCHAN_ST_RECORDS_SHIFT);
	d->ops->destroy(d);
	free(f);
}

Test(hostchan, record_count_is_bounded)
{
	struct fake *f = fake_new();
	struct device *d = mk(f);
	say(d, "monitor\nfirst");
	command(d, DEV_HOSTCHAN_CMD_COMMIT);
	for (int i = 1; i < DEV_HOSTCHAN_MAX_RECORDS; i++) {
		say(d, "r");
		command(d, DEV_HOSTCHAN_CMD_COMMIT);
	}
	cr_assert_eq(nrecords(d), 64);
	cr_assert_eq(status(d) & DEV_HOSTCHAN_ST_LOST, 0);
	say(d, "one too many");
	command(d, DEV_HOSTCHAN_CMD_COMMIT);
	cr_assert_eq(nrecords(d), 64);
	cr_assert(status(d) & DEV_HOSTCHAN_ST_LOST);
	/* Replacing a named record still works when the table is full. */
	say(d, "monitor\nsecond");
	command(d, DEV_HOSTCHAN_CMD_COMMIT);
	want_record(d, 0, "monitor", "second");
	cr_assert_eq(nrecords(d), 64);
	d->ops->destroy(d);
	free(f);
}

Test(hostchan, bad_accesses_are_bus_errors)
{
	struct fake *f = fake_new();
	struct device *d = mk(f);
	cr_assert(dev_wr_fails(d, DEV_HOSTCHAN_COMMAND, 4, 0));
	cr_assert(dev_wr_fails(d, DEV_HOSTCHAN_COMMAND, 4, 4));
	cr_assert(dev_wr_fails(d, DEV_HOSTCHAN_COMMAND, 1, 1));
	cr_assert(dev_wr_fails(d, DEV_HOSTCHAN_DATA, 2, 'x'));
	cr_assert(dev_wr_fails(d, DEV_HOSTCHAN_DATA, 8, 'x'));
	cr_assert(dev_wr_fails(d, DEV_HOSTCHAN_STATUS, 4, 0));
	cr_assert(dev_wr_fails(d, DEV_HOSTCHAN_LENGTH, 4, 0));
	cr_assert(dev_rd_fails(d, DEV_HOSTCHAN_STATUS, 1));
	cr_assert(dev_rd_fails(d, DEV_HOSTCHAN_LENGTH, 2));
	cr_assert(dev_rd_fails(d, DEV_HOSTCHAN_DATA, 8));
	for (uint32_t off = 1; off < 16; off++)
		if (off % 4 != 0) {
			cr_assert(dev_wr_fails(d, off, 1, 'x'), "0x%x", off);
			cr_assert(dev_rd_fails(d, off, 1), "0x%x", off);
		}
	cr_assert(dev_rd_fails(d, 16, 4));
	cr_assert_eq(dev_rd(d, DEV_HOSTCHAN_DATA, 1), 0);
	cr_assert_eq(dev_rd(d, DEV_HOSTCHAN_DATA, 4), 0);
	cr_assert_eq(dev_rd(d, DEV_HOSTCHAN_COMMAND, 4), 0);
	cr_assert_eq(dev_rd(d, DEV_HOSTCHAN_LENGTH, 4), 0); /* nothing taken */
	cr_assert_eq(nrecords(d), 0);
	d->ops->destroy(d);
	free(f);
}

Test(hostchan, dump)
{
	struct fake *f = fake_new();
	struct device *d = mk(f);
	say(d, "a\nb");
	command(d, DEV_HOSTCHAN_CMD_COMMIT);
	say(d, "cd");
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	d->ops->dump(d, out);
	fclose(out);
	cr_assert_str_eq(buf, "hostchan: 1 records, current 2 bytes, 5 bytes "
			      "in, 1 commits, 0 refused\n");
	free(buf);
	d->ops->destroy(d);
	free(f);
}
