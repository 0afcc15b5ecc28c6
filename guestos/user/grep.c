/*
 * grep.c - print the lines that match a pattern: grep PATTERN [FILE...].
 * Patterns: c matches itself, '.' any character, x* zero or more x
 * (x a character or '.'), '^' at the start anchors to the line's start,
 * '$' at the end to its end.
 */
#include "ulib.h"

static int match_here(const char *re, const char *text);

/* Match c* (c may be '.') followed by re at text, trying longest first. */
static int match_star(char c, const char *re, const char *text)
{
	const char *t = text;
	while (*t && (*t == c || c == '.'))
		t++;
	for (;; t--) {
		if (match_here(re, t))
			return 1;
		if (t == text)
			return 0;
	}
}

/* True if re matches a prefix of text. */
static int match_here(const char *re, const char *text)
{
	for (;;) {
		if (re[0] == 0)
			return 1;
		if (re[1] == '*')
			return match_star(re[0], re + 2, text);
		if (re[0] == '$' && re[1] == 0)
			return *text == 0;
		if (*text == 0 || (re[0] != '.' && re[0] != *text))
			return 0;
		re++;
		text++;
	}
}

/* True if re matches anywhere in text. */
static int match(const char *re, const char *text)
{
	if (re[0] == '^')
		return match_here(re + 1, text);
	do {
		if (match_here(re, text))
			return 1;
	} while (*text++);
	return 0;
}

/* Print the lines of fd matching re, prefixed with name if given; count them. */
static int grep(const char *re, int fd, const char *name)
{
	char line[1024];
	int found = 0;
	while (fgetline(fd, line, sizeof(line)) > 0) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = 0;
		if (match(re, line)) {
			found++;
			if (name)
				printf("%s:%s\n", name, line);
			else
				printf("%s\n", line);
		}
	}
	return found;
}

/* Search each file (or standard input); status 0 if a line matched, as grep(1). */
int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(2, "usage: grep PATTERN [FILE...]\n");
		return 2;
	}
	if (argc == 2)
		return grep(argv[1], 0, 0) > 0 ? 0 : 1;
	int found = 0;
	for (int i = 2; i < argc; i++) {
		int fd = open(argv[i], O_RDONLY);
		if (fd < 0) {
			fprintf(2, "grep: cannot open %s\n", argv[i]);
			continue;
		}
		found += grep(argv[1], fd, argc > 3 ? argv[i] : 0);
		close(fd);
	}
	return found > 0 ? 0 : 1;
}
