/* ps.c - list the processes and threads (procinfo system call). */
#include "ulib.h"

#define MAXPROCS 256 /* more than the kernel's MAXPROCS */

/* Name of a PI_* state. */
static const char *state_name(int s)
{
	switch (s) {
	case PI_SLEEPING: return "sleep";
	case PI_RUNNABLE: return "runble";
	case PI_RUNNING:  return "run";
	case PI_ZOMBIE:   return "zombie";
	default:          return "?";
	}
}

/* Print one line per process: pid ppid state cpu size name. */
int main(void)
{
	static struct procinfo pi[MAXPROCS];
	int n = procinfo(pi, MAXPROCS);
	if (n < 0) {
		fprintf(2, "ps: procinfo failed\n");
		return 1;
	}
	printf("  PID  PPID STATE  CPU     SIZE NAME\n");
	for (int i = 0; i < n; i++) {
		const struct procinfo *p = &pi[i];
		printf("%5d %5d %-6s %3d %8u %s%s\n", p->pid, p->ppid,
		       state_name(p->state), p->cpu, p->size, p->name,
		       p->sgroup != p->pid ? " (thread)" : "");
	}
	return 0;
}
