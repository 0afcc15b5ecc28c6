/*
 * persist.c - the helper of the persistence test:
 *     persist write FILE TEXT   create FILE holding TEXT and sync
 *     persist check FILE TEXT   status 0 if FILE holds exactly TEXT
 * Run the first in one boot and the second in the next, on the same disk.
 */
#include "ulib.h"

/* Write text into a new (or truncated) file and sync. */
static int do_write(const char *path, const char *text)
{
	int fd = open(path, O_CREATE | O_TRUNC | O_WRONLY);
	int n = (int)strlen(text);
	if (fd < 0 || writeall(fd, text, n) != n) {
		fprintf(2, "persist: cannot write %s\n", path);
		return 1;
	}
	close(fd);
	sync();
	printf("persist: wrote %d bytes to %s\n", n, path);
	return 0;
}

/* Compare the file's contents with text. */
static int do_check(const char *path, const char *text)
{
	static char buf[4096];
	int fd = open(path, O_RDONLY);
	if (fd < 0) {
		printf("persist: %s is missing\n", path);
		return 1;
	}
	int n = 0, r;
	while (n < (int)sizeof(buf) - 1 && (r = read(fd, buf + n, sizeof(buf) - 1 - n)) > 0)
		n += r;
	buf[n] = 0;
	close(fd);
	if (strcmp(buf, text) != 0) {
		printf("persist: %s holds \"%s\", not \"%s\"\n", path, buf, text);
		return 1;
	}
	printf("persist: %s ok\n", path);
	return 0;
}

/* Dispatch on the verb. */
int main(int argc, char **argv)
{
	if (argc == 4 && strcmp(argv[1], "write") == 0)
		return do_write(argv[2], argv[3]);
	if (argc == 4 && strcmp(argv[1], "check") == 0)
		return do_check(argv[2], argv[3]);
	fprintf(2, "usage: persist write|check FILE TEXT\n");
	return 2;
}
