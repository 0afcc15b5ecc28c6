/* cat.c - copy files (or standard input) to standard output. */
#include "ulib.h"

/* Copy everything from fd to standard output; -1 on a read error, -2 on a write error. */
static int copy(int fd)
{
	char buf[1024];
	int n;
	while ((n = read(fd, buf, sizeof(buf))) > 0)
		if (writeall(1, buf, n) != n)
			return -2;
	return n < 0 ? -1 : 0;
}

/* Concatenate the named files, or standard input if none. */
int main(int argc, char **argv)
{
	int status = 0;
	if (argc < 2)
		return copy(0) < 0;
	for (int i = 1; i < argc; i++) {
		int fd = open(argv[i], O_RDONLY);
		if (fd < 0) {
			fprintf(2, "cat: cannot open %s\n", argv[i]);
			status = 1;
			continue;
		}
		int r = copy(fd);
		if (r < 0) {
			fprintf(2, "cat: %s error on %s\n",
				r == -1 ? "read" : "write", argv[i]);
			status = 1;
		}
		close(fd);
	}
	return status;
}
