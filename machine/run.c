/*
 * run.c - the run loop: every CPU on one host thread, interleaved by
 * cycle time so that a run depends only on its inputs.
 *
 * Each turn polls the devices, delivers the interrupt lines that changed
 * for parked CPUs, then runs for one quantum (MACHINE_QUANTUM cycles, or
 * fewer when --max-insns has less left: an instruction takes at least one
 * cycle, so the limit stays exact) the running CPU whose clock is furthest
 * behind, the lowest-numbered one on a tie.
 *
 * Parked CPUs: a CPU in WAIT that nothing of its own can wake (cpu_run
 * says CPU_STOP_IDLE, having let its budget pass) leaves the race.  The
 * lines of a parked CPU change only between quanta: first its clock is
 * brought up to the machine's time (cpu_run on a parked CPU lets the
 * cycles pass, and Count with them), then the lines are driven, and if an
 * interrupt is now pending the CPU runs again.  So a parked CPU never runs
 * instructions in the past of the CPU that woke it by more than a quantum.
 *
 * Time: the machine's time (svc->now) is the slowest running CPU's clock
 * and never goes back.  When every CPU is parked, time jumps to the next
 * disk completion, or the machine waits for console input that can wake
 * a CPU; with neither, nothing can ever happen again: MACHINE_IDLE, the
 * fatal exit 4.  Parked CPUs catch up with the machine's time when the
 * run ends.
 *
 * Debuggers: CPUs in m->held are not run (the gdb stub steps or continues
 * some CPUs alone); when none of the others can run, the run ends with
 * MACHINE_BREAK instead of MACHINE_IDLE.  The agent (the gdb stub) is
 * polled between quanta and may end the run; a CPU that touches a
 * watchpoint ends it with MACHINE_WATCH.
 */
#include <errno.h>
#include <poll.h>

#include "devices/console.h"
#include "devices/disk.h"
#include "devices/intc.h"
#include "machine/dbg_signal.h"
#include "machine/machine.h"
#include "machine/trace.h"

#define CP0_STATUS 12
#define CP0_CAUSE 13
#define IP_MASK 0xFF00u  /* Status.IM / Cause.IP, bits 15..8 */
#define IM2 0x0400u      /* line 0 of the CPU: device interrupts */

/* Whether parked CPU i has an interrupt that ends its WAIT (IP & IM). */
static bool run_wakeable(const struct machine *m, int i)
{
	const struct cpu *c = m->cpus[i];
	return (cpu_cp0(c, CP0_STATUS) & cpu_cp0(c, CP0_CAUSE) & IP_MASK) != 0;
}

/* Let parked CPU i's clock pass up to the machine's time. */
static void run_catch_up(struct machine *m, int i)
{
	uint64_t clock = machine_cpu_clock(m, i);
	if (clock >= m->now)
		return;
	uint64_t before = cpu_insns(m->cpus[i]);
	if (cpu_run(m->cpus[i], m->now - clock) != CPU_STOP_IDLE)
		m->idle[i] = false; /* cannot happen: nothing changed */
	m->insns += cpu_insns(m->cpus[i]) - before;
}

/* Drive line of CPU cpu, at once or, for a parked CPU, between quanta. */
void machine_set_line(void *ctx, int cpu, int line, bool level)
{
	struct machine *m = ctx;
	if (cpu < 0 || cpu >= m->ncpus || line < 0 || line > 1)
		return;
	uint8_t bit = (uint8_t)(1u << line);
	if (__builtin_expect(m->trace_mask & TRACE_IRQ, 0))
		trace_irq_line(m->trace, cpu, line, level);
	m->lines[cpu] = level ? m->lines[cpu] | bit : m->lines[cpu] & ~bit;
	if (m->idle[cpu])
		m->deferred |= 1u << cpu;
	else
		cpu_set_irq(m->cpus[cpu], line, level);
}

/* Someone outside the run loop (the gdb stub) changed CPU cpu's registers:
   if the loop has it parked in WAIT, put it back in the race when it no
   longer waits (a new pc), else have the loop look at its interrupts
   again between quanta (Status and Cause may now let one through).  A
   parked CPU's clock is the machine's whenever the machine is stopped. */
void machine_cpu_changed(struct machine *m, int cpu)
{
	if (cpu < 0 || cpu >= m->ncpus || !m->idle[cpu])
		return;
	if (cpu_waiting(m->cpus[cpu]))
		m->deferred |= 1u << cpu;
	else
		m->idle[cpu] = false;
}

/* Deliver the deferred lines of parked CPUs; wake those they interrupt. */
static void run_deliver(struct machine *m)
{
	for (int i = 0; m->deferred != 0 && i < m->ncpus; i++) {
		if (!(m->deferred >> i & 1))
			continue;
		m->deferred &= ~(1u << i);
		run_catch_up(m, i);
		cpu_set_irq(m->cpus[i], 0, m->lines[i] & 1);
		cpu_set_irq(m->cpus[i], 1, m->lines[i] >> 1 & 1);
		if (run_wakeable(m, i))
			m->idle[i] = false;
	}
}

/* The running CPU with the smallest clock (ties: lowest number), or -1. */
static int run_pick(const struct machine *m)
{
	int best = -1;
	uint64_t best_clock = 0;
	for (int i = 0; i < m->ncpus; i++) {
		if (m->idle[i] || (m->held >> i & 1))
			continue;
		uint64_t clock = machine_cpu_clock(m, i);
		if (best < 0 || clock < best_clock) {
			best = i;
			best_clock = clock;
		}
	}
	return best;
}

/* Move the machine's time to the slowest running clock (or last's). */
static void run_advance(struct machine *m, int last)
{
	int slow = run_pick(m);
	uint64_t t = machine_cpu_clock(m, slow >= 0 ? slow : last);
	if (t > m->now)
		m->now = t;
}

/* The earliest completion among busy disks; false if none is busy. */
static bool run_next_event(const struct machine *m, uint64_t *when)
{
	bool any = false;
	for (int k = 0; k < m->ndisks; k++) {
		uint64_t due;
		if (dev_disk_busy(m->disks[k], &due) && (!any || due < *when)) {
			*when = due;
			any = true;
		}
	}
	/* NUMA (lead): a timed event of the NUMA unit would join here. */
	return any;
}

/* Whether console input could wake a parked CPU (source 0 to an IM2). */
static bool run_console_can_wake(const struct machine *m)
{
	if (m->console == NULL || !dev_console_input_possible(m->console))
		return false;
	int n = dev_intc_route(m->intc, DEV_INTC_SRC_CONSOLE);
	return n >= 0 && (cpu_cp0(m->cpus[n], CP0_STATUS) & IM2);
}

/* Every CPU is parked: jump to the next device event or wait for console
 * input; false if nothing can ever wake a CPU. */
static bool run_all_idle(struct machine *m)
{
	uint64_t due = 0;
	if (run_next_event(m, &due)) {
		if (due <= m->now)
			return false; /* polled at due, still busy: stuck */
		m->now = due;
		return true;
	}
	if (!run_console_can_wake(m))
		return false;
	int fd = dev_console_wait_fd(m->console);
	if (fd < 0)
		return false;
	int agent = m->agent.wait_fd ? m->agent.wait_fd(m->agent.ctx) : -1;
	struct pollfd p[2] = {{.fd = fd, .events = POLLIN},
			      {.fd = agent, .events = POLLIN}};
	while (poll(p, agent >= 0 ? 2 : 1, -1) < 0 && errno == EINTR)
		if (dbg_signal_pending())
			break; /* Ctrl-C: the loop stops the run */
	return true;
}

/* After the run: bring parked CPUs' clocks to the machine's time. */
static enum machine_end run_end(struct machine *m, enum machine_end end)
{
	for (int i = 0; i < m->ncpus; i++)
		if (m->idle[i])
			run_catch_up(m, i);
	return end;
}

/* Give CPU i one quantum; true (and *end) if the run is over. */
static bool run_quantum(struct machine *m, int i, uint64_t max_insns,
			enum machine_end *end)
{
	uint64_t budget = MACHINE_QUANTUM;
	if (max_insns != 0 && max_insns - m->insns < budget)
		budget = max_insns - m->insns;
	struct cpu *c = m->cpus[i];
	uint64_t before = cpu_insns(c);
	m->stop_req = false;
	m->running = i;
	enum cpu_stop s = cpu_run(c, budget);
	m->running = -1;
	m->insns += cpu_insns(c) - before;
	if (s == CPU_STOP_IDLE)
		m->idle[i] = true;
	run_advance(m, i);
	if (machine_powered_off(m))
		*end = MACHINE_POWER_OFF;
	else if (s == CPU_STOP_TLB)
		*end = MACHINE_TLB_CHECK;
	else if (s == CPU_STOP_BREAK || m->stop_req)
		*end = MACHINE_BREAK;
	else if (s == CPU_STOP_WATCH)
		*end = MACHINE_WATCH;
	else if (max_insns != 0 && m->insns >= max_insns)
		*end = MACHINE_LIMIT;
	else
		return false;
	return true;
}

/* Run until power-off, breakpoint, idle or max_insns (0 = no limit) in all. */
enum machine_end machine_run(struct machine *m, uint64_t max_insns, int *who)
{
	enum machine_end end;
	m->insns = machine_insns(m);
	if (max_insns != 0 && m->insns >= max_insns)
		return MACHINE_LIMIT;
	for (;;) {
		machine_poll_devices(m);
		run_deliver(m);
		if (dbg_signal_pending() ||
		    (m->agent.poll && m->agent.poll(m->agent.ctx)))
			return run_end(m, MACHINE_BREAK);
		int i = run_pick(m);
		if (i < 0) {
			if (!run_all_idle(m))
				return run_end(m, m->held ? MACHINE_BREAK
							  : MACHINE_IDLE);
			continue;
		}
		*who = i;
		if (run_quantum(m, i, max_insns, &end))
			return run_end(m, end);
	}
}
