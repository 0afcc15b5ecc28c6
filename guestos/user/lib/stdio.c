/*
 * stdio.c - a little stdio over file descriptors: characters, lines and
 * whole-buffer writes.  No buffering: each call reads or writes at once.
 */
#include "ulib.h"

/* Write all n bytes of buf to fd, looping over short writes; -1 on error. */
int writeall(int fd, const void *buf, int n)
{
	const char *p = buf;
	int done = 0;
	while (done < n) {
		int r = write(fd, p + done, n - done);
		if (r <= 0)
			return done > 0 ? done : -1;
		done += r;
	}
	return done;
}

/* Write the character c to standard output. */
int putchar(int c)
{
	char ch = (char)c;
	return write(1, &ch, 1) == 1 ? (unsigned char)ch : EOF;
}

/* Write the string s and a newline to standard output. */
int puts(const char *s)
{
	int n = (int)strlen(s);
	char *line = malloc(n + 1);
	if (!line)
		return writeall(1, s, n) < 0 || writeall(1, "\n", 1) < 0 ? EOF : 0;
	memcpy(line, s, n);
	line[n] = '\n';
	int r = writeall(1, line, n + 1);
	free(line);
	return r < 0 ? EOF : 0;
}

/* Read one character from standard input; EOF at end of input. */
int getchar(void)
{
	unsigned char c;
	return read(0, &c, 1) == 1 ? c : EOF;
}

/*
 * Read a line from fd into buf, at most max-1 bytes plus the NUL; the
 * newline is kept.  Return the bytes read (0 at end of input).
 */
int fgetline(int fd, char *buf, int max)
{
	int n = 0;
	while (n + 1 < max) {
		char c;
		if (read(fd, &c, 1) != 1)
			break;
		buf[n++] = c;
		if (c == '\n' || c == '\r')
			break;
	}
	buf[n] = 0;
	return n;
}

/* Read a line from standard input into buf (newline kept); 0 at end of input. */
char *gets(char *buf, int max)
{
	return fgetline(0, buf, max) > 0 ? buf : 0;
}

/* Fill st with the status of the file at path; -1 if it cannot be opened. */
int stat(const char *path, struct stat *st)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	int r = fstat(fd, st);
	close(fd);
	return r;
}
