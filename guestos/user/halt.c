/* halt.c - sync the disk and power the machine off: halt [STATUS]. */
#include "ulib.h"

/* Power off with the given status (0 by default). */
int main(int argc, char **argv)
{
	sync();
	poweroff(argc > 1 ? atoi(argv[1]) : 0);
	fprintf(2, "halt: poweroff failed\n");
	return 1;
}
