/* mkdir.c - make directories. */
#include "ulib.h"

/* Make each named directory; status 1 if any fails. */
int main(int argc, char **argv)
{
	int status = 0;
	if (argc < 2) {
		fprintf(2, "usage: mkdir DIR...\n");
		return 1;
	}
	for (int i = 1; i < argc; i++) {
		if (mkdir(argv[i]) < 0) {
			fprintf(2, "mkdir: cannot make %s\n", argv[i]);
			status = 1;
		}
	}
	return status;
}
