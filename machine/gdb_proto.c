/*
 * gdb_proto.c - the packets of the GDB Remote Serial Protocol the stub
 * answers, other than registers, memory, points and running: general
 * queries (qSupported, qXfer:features:read, threads, qAttached, qRcmd),
 * thread selection (H, T), ack mode, detach and kill.
 *
 * Threads: every emulated CPU is one gdb thread, numbered CPU + 1 (gdb
 * reserves 0 for "any" and -1 for "all").  `monitor CMD` (qRcmd) runs CMD
 * in a fresh debugger console (machine/dbg.h) over the selected CPU and
 * sends its output back in O packets.  An unknown packet gets the empty
 * reply, which tells gdb it is not supported.
 */
#include "machine/gdb_internal.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "machine/dbg_internal.h"

/* Append printf-formatted text to the reply. */
void gdb_reply(struct gdb *g, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(g->out + g->out_len, sizeof g->out - g->out_len,
			  fmt, ap);
	va_end(ap);
	if (n > 0)
		g->out_len += (size_t)n;
	if (g->out_len >= sizeof g->out)
		g->out_len = sizeof g->out - 1;
}

/* Append n bytes of data to the reply as hex digits. */
void gdb_hex(struct gdb *g, const void *data, size_t n)
{
	static const char digits[] = "0123456789abcdef";
	const uint8_t *b = data;
	for (size_t k = 0; k < n && g->out_len + 2 < sizeof g->out; k++) {
		g->out[g->out_len++] = digits[b[k] >> 4];
		g->out[g->out_len++] = digits[b[k] & 15];
	}
}

/* Parse hex digits at *p into *v, moving *p past them; false if none or
   more than 16. */
bool gdb_parse_hex(const char **p, uint64_t *v)
{
	const char *s = *p;
	uint64_t n = 0;
	int k = 0;
	for (;; k++) {
		int d = (unsigned char)s[k];
		if (d >= '0' && d <= '9')
			d -= '0';
		else if (d >= 'a' && d <= 'f')
			d -= 'a' - 10;
		else if (d >= 'A' && d <= 'F')
			d -= 'A' - 10;
		else
			break;
		n = n << 4 | (uint64_t)d;
	}
	if (k == 0 || k > 16)
		return false;
	*p = s + k;
	*v = n;
	return true;
}

/* Parse a hex address as a 32-bit MIPS virtual address (sign-extended
   to 64 bits, as the CPU holds it); false if it is not one. */
bool gdb_parse_addr(const char **p, uint64_t *va)
{
	uint64_t v;
	if (!gdb_parse_hex(p, &v))
		return false;
	uint64_t ext = (uint64_t)(int64_t)(int32_t)(uint32_t)v;
	if (v > 0xffffffffu && v != ext)
		return false;
	*va = ext;
	return true;
}

/* Parse a thread id at *p: CPU number into *cpu, -1 for "all", and for
   "any" (0) the selected CPU; false if no such thread. */
static bool gdb_parse_thread(struct gdb *g, const char **p, int *cpu)
{
	uint64_t v;
	if ((*p)[0] == '-' && (*p)[1] == '1') {
		*p += 2;
		*cpu = -1;
		return true;
	}
	if (!gdb_parse_hex(p, &v) || v > (uint64_t)g->m->ncpus)
		return false;
	*cpu = v == 0 ? g->gcpu : (int)v - 1;
	return true;
}

/* Hg/Hc THREAD: select the CPU for registers and memory, or for c/s. */
static void gdb_cmd_H(struct gdb *g)
{
	const char *p = g->pkt + 2;
	int cpu;
	if (!gdb_parse_thread(g, &p, &cpu) || *p != '\0') {
		gdb_reply(g, "E01");
		return;
	}
	if (g->pkt[1] == 'g' && cpu >= 0)
		g->gcpu = cpu;
	else if (g->pkt[1] == 'c')
		g->ccpu = cpu;
	gdb_reply(g, "OK");
}

/* T THREAD: is the thread alive (every CPU always is). */
static void gdb_cmd_T(struct gdb *g)
{
	const char *p = g->pkt + 1;
	int cpu;
	bool ok = gdb_parse_thread(g, &p, &cpu) && *p == '\0' && cpu >= 0;
	gdb_reply(g, ok ? "OK" : "E01");
}

/* qSupported: note what gdb understands, say what we offer. */
static void gdb_q_supported(struct gdb *g)
{
	g->swbreak = strstr(g->pkt, "swbreak+") != NULL;
	g->hwbreak = strstr(g->pkt, "hwbreak+") != NULL;
	gdb_reply(g, "PacketSize=%x;QStartNoAckMode+;qXfer:features:read+;"
		  "swbreak+;hwbreak+;vContSupported+", GDB_PKT_MAX);
}

/* qXfer:features:read:target.xml:OFFSET,LENGTH: a piece of the target
   description, 'm' (more follows) or 'l' (last), binary-escaped. */
static void gdb_q_xfer(struct gdb *g, const char *p)
{
	uint64_t off, len;
	if (strncmp(p, "target.xml:", 11) != 0) {
		gdb_reply(g, "E00");
		return;
	}
	p += 11;
	if (!gdb_parse_hex(&p, &off) || *p++ != ',' ||
	    !gdb_parse_hex(&p, &len)) {
		gdb_reply(g, "E01");
		return;
	}
	if (len > GDB_PKT_MAX / 2)
		len = GDB_PKT_MAX / 2;
	if (off > g->xml_len)
		off = g->xml_len;
	size_t n = g->xml_len - off < len ? g->xml_len - off : len;
	gdb_reply(g, "%c", off + n < g->xml_len ? 'm' : 'l');
	for (size_t k = 0; k < n; k++) {
		char ch = g->xml[off + k];
		if (ch == '$' || ch == '#' || ch == '}' || ch == '*')
			gdb_reply(g, "}%c", ch ^ 0x20);
		else
			gdb_reply(g, "%c", ch);
	}
}

/* qfThreadInfo: every CPU, as thread ids 1..N. */
static void gdb_q_threads(struct gdb *g)
{
	gdb_reply(g, "m");
	for (int i = 0; i < g->m->ncpus; i++)
		gdb_reply(g, "%s%x", i ? "," : "", i + 1);
}

/* qThreadExtraInfo,THREAD: "cpu N node K MODE [waiting]", hex-encoded. */
static void gdb_q_extra(struct gdb *g, const char *p)
{
	int cpu;
	if (!gdb_parse_thread(g, &p, &cpu) || cpu < 0) {
		gdb_reply(g, "E01");
		return;
	}
	const struct cpu *c = g->m->cpus[cpu];
	struct cpu_where w;
	cpu_debug_where(c, cpu_pc(c), CPU_WHERE_FETCH, &w);
	char text[96];
	int n = snprintf(text, sizeof text, "cpu %d node %d %s%s", cpu,
			 machine_cpu_node(g->m, cpu), w.mode,
			 cpu_waiting(c) ? " waiting" : "");
	gdb_hex(g, text, (size_t)n < sizeof text ? (size_t)n : 0);
}

/* Decode hex text into buf (NUL-terminated); false if bad or too long. */
static bool gdb_unhex(const char *hex, char *buf, size_t size)
{
	size_t n = 0;
	for (; hex[0] && hex[1]; hex += 2) {
		char two[3] = {hex[0], hex[1], 0};
		const char *p = two;
		uint64_t v;
		if (n + 1 >= size || !gdb_parse_hex(&p, &v) || *p)
			return false;
		buf[n++] = (char)v;
	}
	buf[n] = '\0';
	return hex[0] == '\0';
}

/* Send text to gdb's console as O packets. */
static void gdb_console_out(struct gdb *g, const char *text, size_t len)
{
	size_t chunk = (sizeof g->out - 8) / 2;
	for (size_t k = 0; k < len; k += chunk) {
		g->out_len = 0;
		gdb_reply(g, "O");
		gdb_hex(g, text + k, len - k < chunk ? len - k : chunk);
		gdb_send(g, g->out, g->out_len);
	}
	g->out_len = 0;
}

/* Run console command line on the selected CPU; its output, malloc'd. */
static char *gdb_console_run(struct gdb *g, const char *line, size_t *len)
{
	char *text = NULL;
	FILE *f = open_memstream(&text, len);
	if (f == NULL)
		return NULL;
	if (dbg_repeatable(line)) {
		fprintf(f, "monitor: the machine runs only through gdb "
			"(continue, stepi)\n");
	} else {
		struct dbg *d = dbg_create(g->m, g->syms, f, f);
		if (d != NULL) {
			d->cpu = g->gcpu;
			dbg_exec(d, line);
			dbg_destroy(d);
		}
	}
	if (fclose(f) != 0) {
		free(text);
		return NULL;
	}
	return text;
}

/* qRcmd,HEX: `monitor CMD` runs CMD in the debugger console. */
static void gdb_q_rcmd(struct gdb *g, const char *hex)
{
	char line[DBG_LINE_MAX];
	size_t len = 0;
	if (!gdb_unhex(hex, line, sizeof line)) {
		gdb_reply(g, "E01");
		return;
	}
	char *text = gdb_console_run(g, line, &len);
	if (text == NULL) {
		gdb_reply(g, "E02");
		return;
	}
	gdb_console_out(g, text, len);
	free(text);
	gdb_reply(g, "OK");
}

/* q...: general queries; the empty reply for those we do not know. */
static void gdb_query(struct gdb *g)
{
	const char *p = g->pkt;
	if (strncmp(p, "qSupported", 10) == 0)
		gdb_q_supported(g);
	else if (strncmp(p, "qXfer:features:read:", 20) == 0)
		gdb_q_xfer(g, p + 20);
	else if (strcmp(p, "qfThreadInfo") == 0)
		gdb_q_threads(g);
	else if (strcmp(p, "qsThreadInfo") == 0)
		gdb_reply(g, "l");
	else if (strcmp(p, "qC") == 0)
		gdb_reply(g, "QC%x", g->gcpu + 1);
	else if (strncmp(p, "qAttached", 9) == 0)
		gdb_reply(g, "1"); /* the machine was there before gdb */
	else if (strncmp(p, "qThreadExtraInfo,", 17) == 0)
		gdb_q_extra(g, p + 17);
	else if (strncmp(p, "qRcmd,", 6) == 0)
		gdb_q_rcmd(g, p + 6);
	else if (strncmp(p, "qSymbol", 7) == 0)
		gdb_reply(g, "OK");
}

/* Parse one vCont action's thread set into run (all CPUs if none). */
static bool gdb_vcont_threads(struct gdb *g, const char **p, uint32_t *set)
{
	uint32_t all = (uint32_t)(((uint64_t)1 << g->m->ncpus) - 1);
	int cpu;
	*set = all;
	if (**p != ':')
		return true;
	(*p)++;
	if (!gdb_parse_thread(g, p, &cpu))
		return false;
	if (cpu >= 0)
		*set = 1u << cpu;
	return true;
}

/* vCont;ACTION[:THREAD]...: c/C continue, s/S step (signals are not
   delivered); the leftmost action naming a thread wins.  The CPUs given
   an action run; a step steps its CPU alone. */
static bool gdb_vcont(struct gdb *g, const char *p)
{
	uint32_t run = 0;
	int step = -1;
	uint64_t sig;
	while (*p == ';') {
		char a = p[1];
		p += 2;
		if ((a == 'C' || a == 'S') && !gdb_parse_hex(&p, &sig))
			return false;
		uint32_t set;
		if ((a != 'c' && a != 'C' && a != 's' && a != 'S') ||
		    !gdb_vcont_threads(g, &p, &set))
			return false;
		set &= ~run;
		run |= set;
		if ((a == 's' || a == 'S') && step < 0 && set != 0)
			step = __builtin_ctz(set);
	}
	g->resume = (struct gdb_resume){.run = run, .step = step};
	return *p == '\0' && run != 0;
}

/* Parse the [SIG][;]ADDR of a c/s/C/S packet; false if bad.  *addr is
   set (and *has_addr) when an address is given. */
static bool gdb_resume_args(const char *p, bool sig, bool *has_addr,
			    uint64_t *addr)
{
	uint64_t v;
	if (sig && (!gdb_parse_hex(&p, &v) || (*p != ';' && *p != '\0')))
		return false;
	if (*p == ';')
		p++;
	*has_addr = *p != '\0';
	return !*has_addr || (gdb_parse_addr(&p, addr) && *p == '\0');
}

/* c/s/C/S [ADDR]: continue every CPU or step the Hc (else Hg) CPU,
   from ADDR if given (signals are not delivered). */
static enum gdb_act gdb_resume_legacy(struct gdb *g)
{
	char op = g->pkt[0];
	int cpu = g->ccpu >= 0 ? g->ccpu : g->gcpu;
	bool has_addr;
	uint64_t addr;
	if (!gdb_resume_args(g->pkt + 1, op == 'C' || op == 'S', &has_addr,
			     &addr)) {
		gdb_reply(g, "E01");
		return GDB_ACT_REPLY;
	}
	if (has_addr)
		cpu_set_pc(g->m->cpus[cpu], addr);
	bool step = op == 's' || op == 'S';
	g->resume = (struct gdb_resume){
		.run = step ? 1u << cpu
			    : (uint32_t)(((uint64_t)1 << g->m->ncpus) - 1),
		.step = step ? cpu : -1,
	};
	return GDB_ACT_RESUME;
}

/* v...: vCont?, vCont, vKill, and the empty reply for the rest. */
static enum gdb_act gdb_cmd_v(struct gdb *g)
{
	const char *p = g->pkt;
	if (strcmp(p, "vCont?") == 0) {
		gdb_reply(g, "vCont;c;C;s;S");
	} else if (strncmp(p, "vCont;", 6) == 0) {
		if (gdb_vcont(g, p + 5))
			return GDB_ACT_RESUME;
		gdb_reply(g, "E01");
	} else if (strncmp(p, "vKill", 5) == 0) {
		gdb_send(g, "OK", 2);
		return GDB_ACT_KILL;
	}
	return GDB_ACT_REPLY;
}

/* Handle the packet in g->pkt: fill g->out, or say what to do next. */
enum gdb_act gdb_handle(struct gdb *g)
{
	g->out_len = 0;
	switch (g->pkt[0]) {
	case '?': gdb_stop_reply(g); break;
	case 'g': gdb_cmd_g(g); break;
	case 'G': gdb_cmd_G(g); break;
	case 'p': gdb_cmd_p(g); break;
	case 'P': gdb_cmd_P(g); break;
	case 'm': gdb_cmd_m(g); break;
	case 'M': gdb_cmd_M(g); break;
	case 'X': gdb_cmd_X(g); break;
	case 'Z': /* fall through */
	case 'z': gdb_cmd_Z(g); break;
	case 'H': gdb_cmd_H(g); break;
	case 'T': gdb_cmd_T(g); break;
	case 'q': gdb_query(g); break;
	case 'v': return gdb_cmd_v(g);
	case 'c': case 'C': case 's': case 'S': return gdb_resume_legacy(g);
	case 'D': return GDB_ACT_DETACH;
	case 'k': return GDB_ACT_KILL;
	case 'Q':
		if (strcmp(g->pkt, "QStartNoAckMode") == 0) {
			gdb_send(g, "OK", 2); /* still acknowledged */
			g->ack = false;
			return GDB_ACT_DONE;
		}
		break;
	}
	return GDB_ACT_REPLY;
}
