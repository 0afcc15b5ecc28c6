/* rm.c - remove files (and empty directories). */
#include "ulib.h"

/* Unlink each named file; status 1 if any fails. */
int main(int argc, char **argv)
{
	int status = 0;
	if (argc < 2) {
		fprintf(2, "usage: rm FILE...\n");
		return 1;
	}
	for (int i = 1; i < argc; i++) {
		if (unlink(argv[i]) < 0) {
			fprintf(2, "rm: cannot remove %s\n", argv[i]);
			status = 1;
		}
	}
	return status;
}
