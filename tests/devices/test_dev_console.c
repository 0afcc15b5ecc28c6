/* test_dev_console.c - the console device (devices/console.c). */
#include <fcntl.h>
#include <stdio.h>
#include <termios.h>
#include <unistd.h>

#include "devices/console.h"
#include "tests/devices/fake_svc.h"

#define BASE 0x1F000000u
#define IRQ 0

/* A console on input fd in, output to out, errors to err. */
static struct device *mk(struct fake *f, int in, FILE *out, FILE *err)
{
	struct device *d = dev_console_create(&f->svc, BASE, IRQ, in, out, err);
	cr_assert_not_null(d);
	cr_assert_eq(d->base, BASE);
	cr_assert_eq(d->size, 16u);
	cr_assert_eq(d->irq, IRQ);
	return d;
}

/* A pipe whose read end is p[0]. */
static void mkpipe(int p[2])
{
	cr_assert_eq(pipe(p), 0);
}

/* Write the string s to fd. */
static void put(int fd, const char *s)
{
	cr_assert_eq(write(fd, s, strlen(s)), (ssize_t)strlen(s));
}

/* Let DEV_CONSOLE_CHECK_CYCLES of machine time pass, then poll. */
static void tick(struct fake *f, struct device *d)
{
	f->now += DEV_CONSOLE_CHECK_CYCLES;
	d->ops->poll(d);
}

/* STATUS register. */
static uint32_t status(struct device *d)
{
	return (uint32_t)dev_rd(d, DEV_CONSOLE_STATUS, 4);
}

/* RXDATA register (pops). */
static uint32_t rx(struct device *d)
{
	return (uint32_t)dev_rd(d, DEV_CONSOLE_RXDATA, 4);
}

Test(console, transmit_byte_and_word)
{
	struct fake *f = fake_new();
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	struct device *d = mk(f, -1, out, stderr);
	dev_wr(d, DEV_CONSOLE_TX, 1, 'a');
	dev_wr(d, DEV_CONSOLE_TX, 4, 0x12345662);  /* low byte 'b' */
	dev_wr(d, DEV_CONSOLE_TX, 1, 0xffffff0a);  /* sb keeps bits 7..0 */
	/* The contract's TX register reads as 0 with any load up to a word. */
	cr_assert_eq(dev_rd(d, DEV_CONSOLE_TX, 1), 0);
	cr_assert_eq(dev_rd(d, DEV_CONSOLE_TX, 2), 0);
	cr_assert_eq(dev_rd(d, DEV_CONSOLE_TX, 4), 0);
	d->ops->destroy(d);
	fclose(out);
	cr_assert_eq(len, 3);
	cr_assert_eq(memcmp(buf, "ab\n", 3), 0);
	free(buf);
	free(f);
}

Test(console, bad_accesses_are_bus_errors)
{
	struct fake *f = fake_new();
	struct device *d = mk(f, -1, NULL, stderr);
	cr_assert(dev_wr_fails(d, DEV_CONSOLE_TX, 2, 'x'));
	cr_assert(dev_wr_fails(d, DEV_CONSOLE_TX, 8, 'x'));
	cr_assert(dev_rd_fails(d, DEV_CONSOLE_TX, 8));
	for (uint32_t off = 1; off < 16; off++)
		if (off % 4 != 0)
			cr_assert(dev_wr_fails(d, off, 1, 'x'), "off %u", off);
	cr_assert(dev_wr_fails(d, DEV_CONSOLE_STATUS, 4, 0));
	cr_assert(dev_wr_fails(d, DEV_CONSOLE_RXDATA, 4, 0));
	cr_assert(dev_rd_fails(d, DEV_CONSOLE_STATUS, 1));
	cr_assert(dev_rd_fails(d, DEV_CONSOLE_STATUS + 3, 1));
	cr_assert(dev_rd_fails(d, DEV_CONSOLE_RXDATA, 2));
	cr_assert(dev_rd_fails(d, DEV_CONSOLE_CONTROL, 8));
	cr_assert(dev_wr_fails(d, DEV_CONSOLE_CONTROL, 1, 1));
	cr_assert(dev_rd_fails(d, 16, 4));
	cr_assert(dev_wr_fails(d, 0x100, 4, 0));
	cr_assert_eq(f->irq_calls, 0);
	d->ops->destroy(d);
	free(f);
}

Test(console, no_input_means_end_at_once)
{
	struct fake *f = fake_new();
	struct device *d = mk(f, -1, NULL, stderr);
	cr_assert_eq(status(d), DEV_CONSOLE_ST_TXREADY | DEV_CONSOLE_ST_END);
	cr_assert_eq(rx(d), DEV_CONSOLE_RX_EMPTY);
	cr_assert_not(dev_console_input_possible(d));
	cr_assert_eq(dev_console_wait_fd(d), -1);
	tick(f, d);
	cr_assert_eq(status(d), DEV_CONSOLE_ST_TXREADY | DEV_CONSOLE_ST_END);
	d->ops->destroy(d);
	free(f);
}

Test(console, receive_from_pipe_then_eof)
{
	struct fake *f = fake_new();
	int p[2];
	mkpipe(p);
	struct device *d = mk(f, p[0], NULL, stderr);
	/* Nothing yet, but more may come: neither AV nor END. */
	cr_assert_eq(status(d), DEV_CONSOLE_ST_TXREADY);
	cr_assert_eq(dev_console_wait_fd(d), p[0]);
	tick(f, d);
	cr_assert_eq(status(d), DEV_CONSOLE_ST_TXREADY);
	put(p[1], "hi");
	cr_assert_eq(status(d), DEV_CONSOLE_ST_TXREADY); /* not polled yet */
	tick(f, d);
	cr_assert_eq(status(d), DEV_CONSOLE_ST_TXREADY | DEV_CONSOLE_ST_AVAIL |
					2u << DEV_CONSOLE_ST_COUNT_SHIFT);
	cr_assert_eq(rx(d), 'h');
	cr_assert_eq(status(d) >> DEV_CONSOLE_ST_COUNT_SHIFT, 1);
	cr_assert_eq(rx(d), 'i');
	cr_assert_eq(rx(d), DEV_CONSOLE_RX_EMPTY);
	cr_assert_eq(status(d), DEV_CONSOLE_ST_TXREADY);
	cr_assert(dev_console_input_possible(d));
	put(p[1], "\xff");
	close(p[1]);
	tick(f, d);
	/* A byte is still there: EOF is not yet END. */
	cr_assert(dev_console_input_possible(d));
	tick(f, d);
	cr_assert_eq(status(d) & DEV_CONSOLE_ST_END, 0);
	cr_assert_eq(rx(d), 0xff);
	cr_assert_eq(status(d), DEV_CONSOLE_ST_TXREADY | DEV_CONSOLE_ST_END);
	cr_assert_not(dev_console_input_possible(d));
	cr_assert_eq(dev_console_wait_fd(d), -1);
	cr_assert_eq(f->irq_calls, 0); /* no interrupt was enabled */
	d->ops->destroy(d);
	close(p[0]);
	free(f);
}

Test(console, fifo_holds_64_and_loses_nothing)
{
	struct fake *f = fake_new();
	int p[2];
	mkpipe(p);
	struct device *d = mk(f, p[0], NULL, stderr);
	uint8_t msg[150];
	for (int i = 0; i < 150; i++)
		msg[i] = (uint8_t)(i * 7 + 1);
	cr_assert_eq(write(p[1], msg, sizeof msg), 150);
	close(p[1]);
	int got = 0;
	for (int round = 0; round < 10 && got < 150; round++) {
		tick(f, d); /* one read fills the ring, round its end too */
		uint32_t n = status(d) >> DEV_CONSOLE_ST_COUNT_SHIFT;
		cr_assert_leq(n, DEV_CONSOLE_FIFO);
		if (got + 64 <= 150)
			cr_assert_eq(n, 64, "round %d: %u bytes", round, n);
		/* Take 50: the next fill goes round the end of the ring. */
		for (uint32_t i = 0; i < n && i < 50; i++, got++)
			cr_assert_eq(rx(d), msg[got], "byte %d", got);
	}
	cr_assert_eq(got, 150);
	tick(f, d);
	cr_assert(status(d) & DEV_CONSOLE_ST_END);
	d->ops->destroy(d);
	close(p[0]);
	free(f);
}

Test(console, receive_from_regular_file)
{
	struct fake *f = fake_new();
	char path[] = "/tmp/devcon-XXXXXX";
	int fd = mkstemp(path);
	cr_assert_geq(fd, 0);
	put(fd, "ls\n");
	cr_assert_eq(lseek(fd, 0, SEEK_SET), 0);
	unlink(path);
	struct device *d = mk(f, fd, NULL, stderr);
	tick(f, d);
	cr_assert_eq(rx(d), 'l');
	cr_assert_eq(rx(d), 's');
	cr_assert_eq(rx(d), '\n');
	tick(f, d);
	cr_assert_eq(status(d), DEV_CONSOLE_ST_TXREADY | DEV_CONSOLE_ST_END);
	d->ops->destroy(d);
	close(fd);
	free(f);
}

Test(console, receive_interrupt)
{
	struct fake *f = fake_new();
	int p[2];
	mkpipe(p);
	struct device *d = mk(f, p[0], NULL, stderr);
	put(p[1], "ab");
	tick(f, d);
	cr_assert_eq(f->irq_calls, 0); /* RXIE off: line stays low */
	dev_wr(d, DEV_CONSOLE_CONTROL, 4, 0xfffffff1); /* reserved bits drop */
	cr_assert_eq(dev_rd(d, DEV_CONSOLE_CONTROL, 4), DEV_CONSOLE_CTL_RXIE);
	cr_assert_eq(f->irq_calls, 1);
	cr_assert_eq(f->irq_source[0], IRQ);
	cr_assert(fake_level(f));
	rx(d);
	cr_assert_eq(f->irq_calls, 1); /* one byte left: still high */
	rx(d);
	cr_assert_eq(f->irq_calls, 2);
	cr_assert_not(fake_level(f));
	tick(f, d);
	cr_assert_eq(f->irq_calls, 2);
	put(p[1], "c");
	tick(f, d); /* data arriving while enabled raises it */
	cr_assert_eq(f->irq_calls, 3);
	cr_assert(fake_level(f));
	dev_wr(d, DEV_CONSOLE_CONTROL, 4, 0); /* disabling lowers it */
	cr_assert_eq(f->irq_calls, 4);
	cr_assert_not(fake_level(f));
	cr_assert_eq(rx(d), 'c');
	d->ops->destroy(d);
	close(p[0]);
	close(p[1]);
	free(f);
}

Test(console, end_interrupt)
{
	struct fake *f = fake_new();
	int p[2];
	mkpipe(p);
	struct device *d = mk(f, p[0], NULL, stderr);
	dev_wr(d, DEV_CONSOLE_CONTROL, 4, DEV_CONSOLE_CTL_ENDIE);
	tick(f, d);
	cr_assert_eq(f->irq_calls, 0); /* input still open */
	put(p[1], "z");
	close(p[1]);
	tick(f, d);
	tick(f, d);
	cr_assert_eq(f->irq_calls, 0); /* ended, but a byte is left */
	cr_assert_eq(rx(d), 'z');
	cr_assert_eq(f->irq_calls, 1); /* now END: the line goes high */
	cr_assert(fake_level(f));
	dev_wr(d, DEV_CONSOLE_CONTROL, 4, 0);
	cr_assert_not(fake_level(f));
	d->ops->destroy(d);
	close(p[0]);
	free(f);
}

Test(console, poll_flushes_output)
{
	struct fake *f = fake_new();
	int p[2];
	mkpipe(p);
	FILE *out = fdopen(p[1], "w");
	cr_assert_not_null(out);
	setvbuf(out, NULL, _IOFBF, 4096);
	int in[2];
	mkpipe(in);
	struct device *d = mk(f, in[0], out, stderr);
	dev_wr(d, DEV_CONSOLE_TX, 1, '>');
	int fl = fcntl(p[0], F_GETFL);
	fcntl(p[0], F_SETFL, fl | O_NONBLOCK);
	char c;
	cr_assert_eq(read(p[0], &c, 1), -1); /* still in the stdio buffer */
	put(in[1], "k");
	tick(f, d); /* flushes and takes input in the same call */
	cr_assert_eq(read(p[0], &c, 1), 1);
	cr_assert_eq(c, '>');
	cr_assert_eq(rx(d), 'k');
	d->ops->destroy(d);
	fclose(out);
	close(p[0]);
	close(in[0]);
	close(in[1]);
	free(f);
}

Test(console, bad_input_fd_is_one_line_error)
{
	struct fake *f = fake_new();
	char *buf = NULL;
	size_t len = 0;
	FILE *err = open_memstream(&buf, &len);
	cr_assert_null(dev_console_create(&f->svc, BASE, IRQ, 999, NULL, err));
	int p[2];
	mkpipe(p);
	cr_assert_null(dev_console_create(&f->svc, BASE, IRQ, p[1], NULL, err));
	fclose(err);
	char want[200];
	snprintf(want, sizeof want,
		 "minidisco: console: input fd 999: Bad file descriptor\n"
		 "minidisco: console: input fd %d: Bad file descriptor\n",
		 p[1]);
	cr_assert_str_eq(buf, want);
	free(buf);
	close(p[0]);
	close(p[1]);
	free(f);
}

/* Open a pseudo-terminal pair: *master and the slave's fd (returned). */
static int open_pty(int *master)
{
	*master = posix_openpt(O_RDWR | O_NOCTTY);
	cr_assert_geq(*master, 0);
	cr_assert_eq(grantpt(*master), 0);
	cr_assert_eq(unlockpt(*master), 0);
	int slave = open(ptsname(*master), O_RDWR | O_NOCTTY);
	cr_assert_geq(slave, 0);
	return slave;
}

Test(console, terminal_raw_mode_and_restore)
{
	struct fake *f = fake_new();
	int master;
	int slave = open_pty(&master);
	struct termios before, during, after;
	cr_assert_eq(tcgetattr(slave, &before), 0);
	cr_assert(before.c_lflag & ICANON); /* a fresh pty is cooked */
	struct device *d = mk(f, slave, NULL, stderr);
	cr_assert_eq(tcgetattr(slave, &during), 0);
	cr_assert_eq(during.c_lflag & (ICANON | ECHO | IEXTEN), 0);
	cr_assert(during.c_lflag & ISIG); /* Ctrl-C still signals */
	cr_assert(during.c_iflag & ICRNL);
	cr_assert_eq(during.c_iflag & IXON, 0);
	cr_assert_eq(during.c_cc[VMIN], 1);
	/* No line editing: a byte arrives without a newline. */
	put(master, "q\r");
	usleep(20000);
	tick(f, d);
	cr_assert_eq(rx(d), 'q');
	cr_assert_eq(rx(d), '\n'); /* Enter (CR) arrives as '\n' */
	d->ops->destroy(d);
	cr_assert_eq(tcgetattr(slave, &after), 0);
	cr_assert_eq(after.c_lflag, before.c_lflag);
	cr_assert_eq(after.c_iflag, before.c_iflag);
	cr_assert_eq(memcmp(after.c_cc, before.c_cc, sizeof after.c_cc), 0);
	close(slave);
	close(master);
	free(f);
}

Test(console, dump_is_one_line)
{
	struct fake *f = fake_new();
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	struct device *d = mk(f, -1, NULL, stderr);
	dev_wr(d, DEV_CONSOLE_TX, 1, 'x');
	d->ops->dump(d, out);
	fclose(out);
	cr_assert_str_eq(buf, "console: tx 1 bytes, rx 0 bytes, fifo 0, "
			      "control 0x0, input none, irq low\n");
	d->ops->destroy(d);
	free(buf);
	free(f);
}

Test(console, host_input_is_checked_once_per_interval)
{
	struct fake *f = fake_new();
	int p[2];
	mkpipe(p);
	struct device *d = mk(f, p[0], NULL, stderr);
	f->now = 5000;
	put(p[1], "a");
	d->ops->poll(d); /* the first poll looks */
	cr_assert_eq(rx(d), 'a');
	put(p[1], "b");
	f->now = 5000 + DEV_CONSOLE_CHECK_CYCLES - 1;
	d->ops->poll(d);
	cr_assert_eq(rx(d), DEV_CONSOLE_RX_EMPTY); /* too soon */
	f->now++;
	d->ops->poll(d);
	cr_assert_eq(rx(d), 'b');
	put(p[1], "c");
	d->ops->poll(d);
	cr_assert_eq(rx(d), DEV_CONSOLE_RX_EMPTY);
	/* The machine is going to sleep on the fd: the next poll looks. */
	cr_assert_eq(dev_console_wait_fd(d), p[0]);
	d->ops->poll(d);
	cr_assert_eq(rx(d), 'c');
	d->ops->destroy(d);
	close(p[0]);
	close(p[1]);
	free(f);
}
