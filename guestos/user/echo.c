/* echo.c - write the arguments, separated by blanks, and a newline. */
#include "ulib.h"

/* Print argv[1..] on one line. */
int main(int argc, char **argv)
{
	char line[1024];
	int n = 0;
	for (int i = 1; i < argc; i++)
		n += snprintf(line + n, n < (int)sizeof(line) ? sizeof(line) - n : 0,
			      "%s%s", argv[i], i + 1 < argc ? " " : "");
	if (n > (int)sizeof(line) - 2)
		n = sizeof(line) - 2;
	line[n++] = '\n';
	return writeall(1, line, n) == n ? 0 : 1;
}
