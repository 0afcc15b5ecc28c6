/* wc.c - count lines, words and bytes of files or standard input. */
#include "ulib.h"

/* Count fd's lines, words and bytes and print them with name; -1 on error. */
static int wc(int fd, const char *name)
{
	char buf[1024];
	int lines = 0, words = 0, bytes = 0, inword = 0, n;
	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		for (int i = 0; i < n; i++) {
			bytes++;
			if (buf[i] == '\n')
				lines++;
			if (isspace(buf[i])) {
				inword = 0;
			} else if (!inword) {
				words++;
				inword = 1;
			}
		}
	}
	printf("%d %d %d%s%s\n", lines, words, bytes, *name ? " " : "", name);
	return n < 0 ? -1 : 0;
}

/* Count each named file, or standard input. */
int main(int argc, char **argv)
{
	if (argc < 2)
		return wc(0, "") < 0;
	int status = 0;
	for (int i = 1; i < argc; i++) {
		int fd = open(argv[i], O_RDONLY);
		if (fd < 0 || wc(fd, argv[i]) < 0) {
			fprintf(2, "wc: cannot read %s\n", argv[i]);
			status = 1;
		}
		if (fd >= 0)
			close(fd);
	}
	return status;
}
