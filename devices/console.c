/*
 * console.c - console transmit and receive (register map in console.h and
 * docs/dev-console.md).
 *
 * Host side: the poll hook moves bytes from in_fd into a 64-byte FIFO
 * without ever blocking (poll() with a zero timeout, then one read() of at
 * most the free space), so a full FIFO leaves the rest of the input in the
 * host's pipe or terminal buffer and nothing is lost.  Those two system
 * calls cost about half a microsecond, so the hook makes them at most once
 * per DEV_CONSOLE_CHECK_CYCLES of machine time, or at once after
 * dev_console_wait_fd (the machine is about to sleep on the input).  A terminal is put in
 * raw-ish mode (no echo, no line editing, ISIG kept so that Ctrl-C still
 * reaches the emulator as SIGINT) and restored by destroy.  Anything else
 * (pipe, file, /dev/null) is read as a plain byte stream; read() returning
 * 0 is the end of the input, which STATUS.END reports once the FIFO drains.
 */
#include "devices/console.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>

#include "devices/termguard.h"
#include <unistd.h>

/* The console's state behind struct device. */
struct console {
	int in_fd;             /* host input, or -1 */
	bool tty;              /* in_fd is a terminal whose mode we changed */
	struct termios saved;  /* its mode before, restored by destroy */
	FILE *out, *err;
	uint8_t fifo[DEV_CONSOLE_FIFO];
	unsigned head, count;  /* FIFO: oldest byte at fifo[head] */
	bool ended;            /* host input ended: no more bytes will come */
	uint32_t control;      /* CONTROL register */
	bool level;            /* interrupt line as last driven */
	bool unflushed;        /* bytes written to out since the last flush */
	uint64_t next_check;   /* machine time of the next look at in_fd */
	bool force_check;      /* look at the next poll whatever the time */
	uint64_t tx_bytes, rx_bytes;
};

/* The console state of device d. */
static struct console *con_of(const struct device *d)
{
	return d->state;
}

/* Whether no more data will ever be readable (STATUS.END). */
static bool con_end(const struct console *s)
{
	return s->ended && s->count == 0;
}

/* The STATUS register's value. */
static uint32_t con_status(const struct console *s)
{
	uint32_t st = DEV_CONSOLE_ST_TXREADY;
	if (s->count > 0)
		st |= DEV_CONSOLE_ST_AVAIL;
	if (con_end(s))
		st |= DEV_CONSOLE_ST_END;
	return st | s->count << DEV_CONSOLE_ST_COUNT_SHIFT;
}

/* Drive the interrupt line to its level if that changed. */
static void con_update_irq(struct device *d)
{
	struct console *s = con_of(d);
	bool level = ((s->control & DEV_CONSOLE_CTL_RXIE) && s->count > 0) ||
		     ((s->control & DEV_CONSOLE_CTL_ENDIE) && con_end(s));
	if (level == s->level)
		return;
	s->level = level;
	if (d->irq >= 0)
		d->svc->irq(d->svc->ctx, d->irq, level);
}

/* Pop the oldest FIFO byte as RXDATA reads it (all ones when empty). */
static uint32_t con_pop(struct console *s)
{
	if (s->count == 0)
		return DEV_CONSOLE_RX_EMPTY;
	uint8_t b = s->fifo[s->head];
	s->head = (s->head + 1) % DEV_CONSOLE_FIFO;
	s->count--;
	return b;
}

/* Register read: TX reads as 0 (any size), the others are 32-bit only. */
static enum cpu_bus_result con_read(struct device *d, int cpu_id, uint32_t off,
				    int size, uint64_t *val)
{
	struct console *s = con_of(d);
	(void)cpu_id;
	if (off == DEV_CONSOLE_TX && size <= 4) {
		*val = 0;
		return CPU_BUS_OK;
	}
	if (size != 4)
		return CPU_BUS_ERROR;
	switch (off) {
	case DEV_CONSOLE_STATUS:
		*val = con_status(s);
		return CPU_BUS_OK;
	case DEV_CONSOLE_RXDATA:
		*val = con_pop(s);
		con_update_irq(d);
		return CPU_BUS_OK;
	case DEV_CONSOLE_CONTROL:
		*val = s->control;
		return CPU_BUS_OK;
	default:
		return CPU_BUS_ERROR;
	}
}

/* Transmit one byte to the host output. */
static void con_transmit(struct console *s, uint8_t ch)
{
	s->tx_bytes++;
	if (s->out == NULL)
		return;
	fputc(ch, s->out);
	s->unflushed = ch != '\n';
	if (ch == '\n')
		fflush(s->out);
}

/* Register write: TX takes sb or sw, CONTROL takes sw; nothing else. */
static enum cpu_bus_result con_write(struct device *d, int cpu_id,
				     uint32_t off, int size, uint64_t val)
{
	struct console *s = con_of(d);
	(void)cpu_id;
	if (off == DEV_CONSOLE_TX && (size == 1 || size == 4)) {
		con_transmit(s, (uint8_t)val);
		return CPU_BUS_OK;
	}
	if (off == DEV_CONSOLE_CONTROL && size == 4) {
		s->control = (uint32_t)val &
			     (DEV_CONSOLE_CTL_RXIE | DEV_CONSOLE_CTL_ENDIE);
		con_update_irq(d);
		return CPU_BUS_OK;
	}
	return CPU_BUS_ERROR;
}

/* Mark the input as ended, saying why on err when it was an error. */
static void con_input_ends(struct console *s, const char *why)
{
	s->ended = true;
	if (why != NULL && s->err != NULL)
		fprintf(s->err, "minidisco: console: input: %s\n", why);
}

/* Whether it is time to look at the host input (a system call). */
static bool con_check_due(struct device *d)
{
	struct console *s = con_of(d);
	uint64_t now = d->svc->now(d->svc->ctx);
	if (!s->force_check && now < s->next_check)
		return false;
	s->force_check = false;
	s->next_check = now + DEV_CONSOLE_CHECK_CYCLES;
	return true;
}

/* Move what the host input has ready into the FIFO, never blocking. */
static void con_fill(struct device *d)
{
	struct console *s = con_of(d);
	if (s->in_fd < 0 || s->ended || s->count == DEV_CONSOLE_FIFO)
		return;
	if (!con_check_due(d))
		return;
	struct pollfd p = {.fd = s->in_fd, .events = POLLIN};
	if (poll(&p, 1, 0) <= 0)
		return; /* nothing ready (or EINTR: try at the next poll) */
	if (p.revents & POLLNVAL) {
		con_input_ends(s, strerror(EBADF));
		return;
	}
	uint8_t buf[DEV_CONSOLE_FIFO];
	ssize_t n = read(s->in_fd, buf, DEV_CONSOLE_FIFO - s->count);
	if (n > 0) {
		for (ssize_t i = 0; i < n; i++)
			s->fifo[(s->head + s->count++) % DEV_CONSOLE_FIFO] =
				buf[i];
		s->rx_bytes += (uint64_t)n;
	} else if (n == 0) {
		con_input_ends(s, NULL);
	} else if (errno != EINTR && errno != EAGAIN) {
		con_input_ends(s, strerror(errno));
	}
}

/* Poll hook: flush pending output, take host input, update the interrupt. */
static void con_poll(struct device *d)
{
	struct console *s = con_of(d);
	if (s->unflushed) {
		fflush(s->out);
		s->unflushed = false;
	}
	con_fill(d);
	con_update_irq(d);
}

/* Print the console's state on one line. */
static void con_dump(const struct device *d, FILE *out)
{
	const struct console *s = con_of(d);
	fprintf(out,
		"console: tx %llu bytes, rx %llu bytes, fifo %u, control 0x%x, "
		"input %s, irq %s\n",
		(unsigned long long)s->tx_bytes,
		(unsigned long long)s->rx_bytes, s->count, s->control,
		s->in_fd < 0 ? "none" : s->ended ? "ended" : "open",
		s->level ? "high" : "low");
}

/* Restore the terminal mode, flush the output and free the console. */
static void con_destroy(struct device *d)
{
	struct console *s = con_of(d);
	if (s->tty) {
		tcsetattr(s->in_fd, TCSANOW, &s->saved);
		termguard_disarm();
	}
	if (s->out != NULL)
		fflush(s->out);
	free(s);
	free(d);
}

static const struct dev_ops con_ops = {
	.name = "console",
	.read = con_read,
	.write = con_write,
	.poll = con_poll,
	.dump = con_dump,
	.destroy = con_destroy,
};

/* Put terminal fd in raw-ish mode, saving the old mode; errno on failure. */
static bool con_raw(struct console *s)
{
	if (tcgetattr(s->in_fd, &s->saved) != 0)
		return false;
	struct termios t = s->saved;
	/* No line editing, no echo, no Ctrl-V/Ctrl-O, no Ctrl-S/Ctrl-Q flow
	 * control; ISIG stays so Ctrl-C is SIGINT; ICRNL stays so Enter
	 * arrives as '\n', as it does from a pipe. */
	t.c_lflag &= ~(tcflag_t)(ICANON | ECHO | ECHONL | IEXTEN);
	t.c_iflag &= ~(tcflag_t)IXON;
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	if (tcsetattr(s->in_fd, TCSANOW, &t) != 0)
		return false;
	s->tty = true;
	termguard_arm(s->in_fd, &s->saved);
	return true;
}

/* Check that in_fd is open for reading and set up a terminal; errno if not. */
static bool con_open_input(struct console *s)
{
	if (s->in_fd < 0) {
		s->ended = true; /* no input: END from the start */
		return true;
	}
	int fl = fcntl(s->in_fd, F_GETFL);
	if (fl < 0)
		return false;
	if ((fl & O_ACCMODE) == O_WRONLY) {
		errno = EBADF;
		return false;
	}
	if (isatty(s->in_fd))
		return con_raw(s);
	return true;
}

/* Create the console; NULL after a one-line error on err. */
struct device *dev_console_create(const struct dev_services *svc,
				  uint32_t base, int irq, int in_fd, FILE *out,
				  FILE *err)
{
	struct device *d = calloc(1, sizeof *d);
	struct console *s = calloc(1, sizeof *s);
	if (d == NULL || s == NULL) {
		fprintf(err, "minidisco: console: out of memory\n");
		free(d);
		free(s);
		return NULL;
	}
	*s = (struct console){.in_fd = in_fd, .out = out, .err = err};
	if (!con_open_input(s)) {
		fprintf(err, "minidisco: console: input fd %d: %s\n", in_fd,
			strerror(errno));
		free(d);
		free(s);
		return NULL;
	}
	*d = (struct device){.ops = &con_ops, .base = base,
			     .size = DEV_CONSOLE_SIZE, .irq = irq, .svc = svc,
			     .state = s};
	return d;
}

/* Whether console input can still arrive (false after EOF with FIFO empty). */
bool dev_console_input_possible(const struct device *d)
{
	return !con_end(con_of(d));
}

/* The fd to wait on while every CPU idles (-1: none); forces a look. */
int dev_console_wait_fd(struct device *d)
{
	struct console *s = con_of(d);
	if (s->in_fd < 0 || s->ended || s->count == DEV_CONSOLE_FIFO)
		return -1;
	s->force_check = true;
	return s->in_fd;
}
