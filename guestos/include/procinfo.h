/* procinfo.h - one process as procinfo(2) reports it (for ps). */
#ifndef GUESTOS_PROCINFO_H
#define GUESTOS_PROCINFO_H

#include <stdint.h>

/* States, as names for ps. */
#define PI_SLEEPING 1
#define PI_RUNNABLE 2
#define PI_RUNNING  3
#define PI_ZOMBIE   4

struct procinfo {
	int pid;
	int ppid;
	int state;        /* PI_* */
	int cpu;          /* CPU it runs or last ran on */
	int sgroup;       /* pid of the share group's leader (own pid if none) */
	uint32_t size;    /* bytes of user memory (sbrk break) */
	char name[16];
};

#endif
