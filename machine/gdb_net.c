/*
 * gdb_net.c - the stub's TCP side: listening on 127.0.0.1, one client at
 * a time, reading and writing framed packets, and the hooks the run loop
 * calls between quanta (machine.h, struct machine_agent).
 *
 * Bytes from gdb collect in g->in.  The packet reader skips everything
 * before a '$' (acks, a stray 0x03), checks the checksum, answers '+' or
 * '-' while acks are on, and undoes '}' escapes.  While the machine runs,
 * the agent hook looks at the socket at most once per GDB_POLL_CYCLES of
 * machine time, never blocking: a 0x03 byte (Ctrl-C) or the client
 * closing ends the run; with no client, a new connection does.
 */
#include "machine/gdb_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "machine/dbg_signal.h"

/* Listen on 127.0.0.1:port; 0, or -1 after a one-line message. */
int gdb_net_listen(struct gdb *g, int port)
{
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK,
			0);
	int one = 1;
	struct sockaddr_in a = {
		.sin_family = AF_INET,
		.sin_port = htons((uint16_t)port),
		.sin_addr.s_addr = htonl(INADDR_LOOPBACK),
	};
	if (fd < 0 ||
	    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0 ||
	    bind(fd, (struct sockaddr *)&a, sizeof a) != 0 ||
	    listen(fd, 1) != 0) {
		fprintf(g->err, "minidisco: --gdb: cannot listen on "
			"127.0.0.1:%d: %s\n", port, strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	g->listen_fd = fd;
	return 0;
}

/* Wait for fd to become readable (timeout ms, -1: forever); 1 if it is,
   0 on timeout, -1 if Ctrl-C in the terminal interrupted the wait. */
static int gdb_wait_readable(int fd, int timeout)
{
	struct pollfd p = {.fd = fd, .events = POLLIN};
	int r = poll(&p, 1, timeout);
	if (r < 0)
		return errno == EINTR && dbg_signal_pending() ? -1 : 0;
	return r > 0;
}

/* Take a waiting connection (if block, wait for one; Ctrl-C in the
   terminal gives up); true if a client is attached now. */
bool gdb_net_accept(struct gdb *g, bool block)
{
	if (g->fd >= 0)
		return true;
	for (;;) {
		int fd = accept4(g->listen_fd, NULL, NULL, SOCK_CLOEXEC);
		if (fd >= 0) {
			int one = 1;
			setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one,
				   sizeof one);
			g->fd = fd;
			g->ack = true;
			g->in_len = 0;
			g->gone = g->interrupted = false;
			g->swbreak = g->hwbreak = false;
			g->ccpu = -1;
			return true;
		}
		if (!block || (errno != EAGAIN && errno != EINTR &&
			       errno != ECONNABORTED))
			return false;
		if (gdb_wait_readable(g->listen_fd, -1) < 0)
			return false;
	}
}

/* Close the client's connection (the listening socket stays). */
void gdb_net_drop(struct gdb *g)
{
	if (g->fd >= 0)
		close(g->fd);
	g->fd = -1;
	g->in_len = 0;
}

/* Read what the client sent into g->in, waiting up to timeout ms (-1:
   forever); bytes read, 0 if none, -1 if the client is gone. */
static int gdb_fill(struct gdb *g, int timeout)
{
	if (g->fd < 0 || g->gone)
		return -1;
	if (g->in_len == GDB_IN_MAX)
		return 0;
	if (gdb_wait_readable(g->fd, timeout) <= 0)
		return 0;
	ssize_t n = recv(g->fd, g->in + g->in_len, GDB_IN_MAX - g->in_len,
			 MSG_DONTWAIT);
	if (n > 0) {
		g->in_len += (size_t)n;
		return (int)n;
	}
	if (n < 0 && (errno == EINTR || errno == EAGAIN))
		return 0;
	g->gone = true;
	return -1;
}

/* Forget the first n bytes of g->in. */
static void gdb_consume(struct gdb *g, size_t n)
{
	memmove(g->in, g->in + n, g->in_len - n);
	g->in_len -= n;
}

/* Write all of data to the client; false if it is gone. */
static bool gdb_write(struct gdb *g, const void *data, size_t len)
{
	const char *p = data;
	while (len > 0) {
		ssize_t n = send(g->fd, p, len, MSG_NOSIGNAL);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			g->gone = true;
			return false;
		}
		p += n;
		len -= (size_t)n;
	}
	return true;
}

/* Value of hex digit ch, or -1. */
static int gdb_hexval(int ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

/* Copy packet data [from, to) of g->in into g->pkt, undoing '}' escapes;
   false if it does not fit. */
static bool gdb_unescape(struct gdb *g, size_t from, size_t to)
{
	size_t n = 0;
	for (size_t k = from; k < to; k++) {
		uint8_t ch = g->in[k];
		if (ch == '}' && k + 1 < to)
			ch = g->in[++k] ^ 0x20;
		if (n == GDB_PKT_MAX)
			return false;
		g->pkt[n++] = (char)ch;
	}
	g->pkt[n] = '\0';
	g->pkt_len = n;
	return true;
}

/* Take one complete packet from g->in into g->pkt, acknowledging it; 1 if
   one was taken, 0 if more bytes are needed (or it was bad). */
static int gdb_take(struct gdb *g)
{
	uint8_t *dollar = memchr(g->in, '$', g->in_len);
	if (dollar == NULL) {
		g->in_len = 0; /* acks, Ctrl-C, noise */
		return 0;
	}
	gdb_consume(g, (size_t)(dollar - g->in));
	uint8_t *hash = memchr(g->in, '#', g->in_len);
	if (hash == NULL) {
		if (g->in_len == GDB_IN_MAX)
			gdb_consume(g, 1); /* too long: drop it, gdb resends */
		return 0;
	}
	size_t end = (size_t)(hash - g->in);
	if (end + 3 > g->in_len)
		return 0;
	unsigned sum = 0;
	for (size_t k = 1; k < end; k++)
		sum += g->in[k];
	int hi = gdb_hexval(g->in[end + 1]), lo = gdb_hexval(g->in[end + 2]);
	bool ok = hi >= 0 && lo >= 0 && (unsigned)(hi << 4 | lo) == sum % 256 &&
		  gdb_unescape(g, 1, end);
	gdb_consume(g, end + 3);
	if (g->ack)
		gdb_write(g, ok ? "+" : "-", 1);
	return ok;
}

/* Wait for the next packet into g->pkt; its length, or -1 if the client
   went away. */
int gdb_recv(struct gdb *g)
{
	for (;;) {
		if (gdb_take(g))
			return (int)g->pkt_len;
		if (gdb_fill(g, -1) < 0)
			return -1;
	}
}

/* After a send with acks on: 1 on '+' (or anything else), 0 on '-',
   -1 if the client went away. */
static int gdb_wait_ack(struct gdb *g)
{
	while (g->in_len == 0)
		if (gdb_fill(g, -1) < 0)
			return -1;
	if (g->in[0] == '-') {
		gdb_consume(g, 1);
		return 0;
	}
	if (g->in[0] == '+')
		gdb_consume(g, 1);
	return 1;
}

/* Send one packet of data (binary parts already escaped); false if the
   client is gone. */
bool gdb_send(struct gdb *g, const char *data, size_t len)
{
	static const char digits[] = "0123456789abcdef";
	char frame[GDB_OUT_MAX + 4];
	unsigned sum = 0;
	if (len > GDB_OUT_MAX)
		len = GDB_OUT_MAX;
	frame[0] = '$';
	for (size_t k = 0; k < len; k++)
		sum += (uint8_t)data[k];
	memcpy(frame + 1, data, len);
	frame[len + 1] = '#';
	frame[len + 2] = digits[sum >> 4 & 15];
	frame[len + 3] = digits[sum & 15];
	for (int tries = 0; tries < 4; tries++) {
		if (!gdb_write(g, frame, len + 4))
			return false;
		if (!g->ack)
			return true;
		int r = gdb_wait_ack(g);
		if (r != 0)
			return r > 0;
	}
	return true;
}

/* Agent hook: between quanta, look (throttled) for a new client, Ctrl-C
   or a closed connection; true to end the run. */
bool gdb_agent_poll(void *ctx)
{
	struct gdb *g = ctx;
	uint64_t now = g->m->now;
	if (!g->force_poll && now < g->next_poll)
		return false;
	g->force_poll = false;
	g->next_poll = now + GDB_POLL_CYCLES;
	if (g->fd < 0)
		return gdb_net_accept(g, false);
	if (gdb_fill(g, 0) < 0)
		return true;
	size_t n = 0;
	for (size_t k = 0; k < g->in_len; k++) /* drop 0x03 as we see it */
		if (g->in[k] != 0x03)
			g->in[n++] = g->in[k];
	g->interrupted |= n != g->in_len;
	g->in_len = n;
	return g->interrupted;
}

/* Agent hook: the fd to wake an idle machine's wait on (the client's, or
   the listening socket); the next poll looks at once. */
int gdb_agent_wait_fd(void *ctx)
{
	struct gdb *g = ctx;
	g->force_poll = true;
	return g->fd >= 0 ? g->fd : g->listen_fd;
}

/* Milliseconds on the monotonic clock. */
static int64_t gdb_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* After the exit reply: give gdb up to two seconds to close the
   connection, refusing whatever it still asks. */
void gdb_drain(struct gdb *g)
{
	int64_t end = gdb_ms() + 2000;
	for (int64_t left; (left = end - gdb_ms()) > 0;) {
		while (gdb_take(g))
			gdb_send(g, "E01", 3);
		if (gdb_fill(g, (int)left) < 0)
			return;
	}
}
