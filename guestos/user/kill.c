/* kill.c - kill processes by pid. */
#include "ulib.h"

/* Kill each pid given; status 1 if any fails. */
int main(int argc, char **argv)
{
	int status = 0;
	if (argc < 2) {
		fprintf(2, "usage: kill PID...\n");
		return 1;
	}
	for (int i = 1; i < argc; i++) {
		if (kill(atoi(argv[i])) < 0) {
			fprintf(2, "kill: no process %s\n", argv[i]);
			status = 1;
		}
	}
	return status;
}
