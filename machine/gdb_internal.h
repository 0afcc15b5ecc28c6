/*
 * gdb_internal.h - what the gdb stub's files share.
 *
 *   gdb_net.c    the TCP socket, packet framing ($data#cs, +/- acks,
 *                escapes), and the run loop's agent hooks (Ctrl-C, attach)
 *   gdb_proto.c  the packet table: queries, threads, monitor, detach, kill
 *   gdb_regs.c   registers (g, G, p, P) and the target description XML
 *   gdb_mem.c    memory (m, M, X) and break/watchpoints (Z, z)
 *   gdb_run.c    the session: running, stepping, stop replies
 *
 * A packet on the wire (GDB Remote Serial Protocol):
 *
 *   $ <data> # <two hex digits: sum of data bytes mod 256>
 *
 * answered by '+' (good) or '-' (send again) until QStartNoAckMode;
 * '}' escapes the next byte (XOR 0x20) in binary data; a lone 0x03 byte
 * from gdb while the machine runs is Ctrl-C.
 */
#ifndef MACHINE_GDB_INTERNAL_H
#define MACHINE_GDB_INTERNAL_H

#include "machine/gdb.h"

#define GDB_PKT_MAX 4096       /* packet data we accept (PacketSize) */
#define GDB_OUT_MAX (2 * GDB_PKT_MAX + 256) /* a reply's data */
#define GDB_IN_MAX (GDB_PKT_MAX + 64)       /* bytes read, not yet used */
#define GDB_MAX_POINTS 64      /* Z points gdb may have inserted */
/*
 * Machine cycles between two looks at the socket while the machine runs
 * (a connection, or Ctrl-C): 1 ms of machine time at 200 MHz.  A look is
 * one poll() system call, about half a microsecond, so the cost is out of
 * sight; docs/debugging.md has the measurement.
 */
#define GDB_POLL_CYCLES 200000u

/* A break or watchpoint gdb inserted (Z type 0..4) on every CPU. */
struct gdb_point {
	int type;
	uint64_t addr;
	uint32_t len;
};

/* Why the machine last stopped, as the next stop reply tells gdb. */
struct gdb_stop {
	int sig;          /* 5 SIGTRAP, 2 SIGINT */
	int cpu;          /* the thread that stopped, less one */
	const char *what; /* "swbreak", "hwbreak", "watch", "rwatch",
			     "awatch", or NULL */
	uint64_t addr;    /* the data address, for the watch kinds */
};

/* What the packet just handled asks the session to do. */
enum gdb_act {
	GDB_ACT_REPLY,  /* send g->out (possibly empty: not supported) */
	GDB_ACT_DONE,   /* the handler has replied already */
	GDB_ACT_RESUME, /* run as g->resume says, then send a stop reply */
	GDB_ACT_DETACH, /* reply OK, drop the client, let the machine run */
	GDB_ACT_KILL,   /* end the program (no reply) */
};

/* How to resume: which CPUs run, and whether one of them only steps. */
struct gdb_resume {
	uint32_t run;  /* CPUs that run (bit i = CPU i) */
	int step;      /* CPU to step by one instruction, or -1 */
};

/* The stub's state. */
struct gdb {
	struct machine *m;
	const struct sym_table *syms;
	FILE *err;
	int port;
	int listen_fd, fd;       /* fd: the client, or -1 */
	bool ack;                /* acks in use (until QStartNoAckMode) */
	bool swbreak, hwbreak;   /* the client understands these reasons */
	uint8_t in[GDB_IN_MAX];  /* bytes read from the client */
	size_t in_len;
	char pkt[GDB_PKT_MAX + 1]; /* the packet being handled, unescaped */
	size_t pkt_len;
	char out[GDB_OUT_MAX];   /* the reply being built */
	size_t out_len;
	int gcpu;                /* Hg: CPU for registers and memory */
	int ccpu;                /* Hc: CPU for s and c, or -1: all */
	bool interrupted;        /* Ctrl-C (0x03) arrived while running */
	bool gone;               /* the client closed the connection */
	uint64_t next_poll;      /* machine time of the next look */
	bool force_poll;         /* look at the next poll whatever the time */
	struct gdb_point points[GDB_MAX_POINTS];
	int npoints;
	struct gdb_stop stop;
	struct gdb_resume resume;
	uint64_t max_insns;
	char *xml;               /* the target description */
	size_t xml_len;
};

/* gdb_net.c */
int gdb_net_listen(struct gdb *g, int port);
bool gdb_net_accept(struct gdb *g, bool block);
void gdb_net_drop(struct gdb *g);
int gdb_recv(struct gdb *g);
bool gdb_send(struct gdb *g, const char *data, size_t len);
bool gdb_agent_poll(void *ctx);
int gdb_agent_wait_fd(void *ctx);
void gdb_drain(struct gdb *g);

/* gdb_proto.c */
void gdb_reply(struct gdb *g, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void gdb_hex(struct gdb *g, const void *data, size_t n);
bool gdb_parse_hex(const char **p, uint64_t *v);
bool gdb_parse_addr(const char **p, uint64_t *va);
enum gdb_act gdb_handle(struct gdb *g);

/* gdb_regs.c */
int gdb_xml_build(struct gdb *g);
void gdb_cmd_g(struct gdb *g);
void gdb_cmd_G(struct gdb *g);
void gdb_cmd_p(struct gdb *g);
void gdb_cmd_P(struct gdb *g);

/* gdb_mem.c */
void gdb_cmd_m(struct gdb *g);
void gdb_cmd_M(struct gdb *g);
void gdb_cmd_X(struct gdb *g);
void gdb_cmd_Z(struct gdb *g);
void gdb_points_clear(struct gdb *g);
int gdb_point_type_at(const struct gdb *g, uint64_t pc);
const char *gdb_watch_reason(const struct gdb *g, uint64_t *addr,
			     enum cpu_watch_kind kind);

/* gdb_run.c */
void gdb_stop_reply(struct gdb *g);

#endif
