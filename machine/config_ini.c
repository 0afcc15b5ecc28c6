/*
 * config_ini.c - read a --machine FILE with libinih.
 *
 * The format (images/disco.ini is a complete example; docs/usage.md lists
 * every key):
 *
 *   ; comment            # comment too
 *   [machine]
 *   nodes = 4
 *   [cache]
 *   l2_size = 1M         ; inline comments start with ';'
 *
 * inih reports no line numbers to the handler in Debian's build, so lines
 * are counted by our own reader (ini_parse_stream), which also checks each
 * [section] header as it passes, so that an unknown section is refused even
 * when it holds no key.  The first error stops the load.
 */
#include <ctype.h>
#include <errno.h>
#include <ini.h>
#include <string.h>

#include "machine/quote.h"
#include "machine/config.h"

/* State of one load. */
struct config_ini {
	struct machine_config *c;
	const char *path;
	FILE *in, *err;
	int line;       /* line number of the text last handed to inih */
	int next_line;  /* line number of the next text to read */
	bool failed;    /* an error was printed: ignore the rest */
};

/* Refuse a [section] header naming no known section; false if refused. */
static bool config_ini_section(struct config_ini *s, const char *text)
{
	while (isspace((unsigned char)*text))
		text++;
	if (*text != '[')
		return true;
	const char *end = strchr(text, ']');
	if (end == NULL)
		return true; /* inih reports the syntax error */
	char name[64];
	size_t n = (size_t)(end - text - 1);
	if (n >= sizeof name)
		n = sizeof name - 1;
	memcpy(name, text + 1, n);
	name[n] = '\0';
	if (config_section_known(name))
		return true;
	fprintf(s->err, "minidisco: %s:%d: unknown section '[%s]'\n", s->path,
		s->line, name);
	return false;
}

/* inih reader: fgets that counts lines and checks section headers. */
static char *config_ini_read(char *buf, int size, void *stream)
{
	struct config_ini *s = stream;
	if (s->failed || fgets(buf, size, s->in) == NULL)
		return NULL;
	s->line = s->next_line;
	size_t n = strlen(buf);
	if (n > 0 && buf[n - 1] == '\n')
		s->next_line++;
	else if (!feof(s->in)) {
		/* fgets stopped early without a newline in sight: the line is
		 * too long, or a NUL byte hid the rest of a short one. */
		if (n + 1 < (size_t)size)
			fprintf(s->err, "minidisco: %s:%d: NUL byte in the line\n",
				s->path, s->line);
		else
			fprintf(s->err, "minidisco: %s:%d: line longer than %d "
				"characters\n", s->path, s->line, size - 2);
		s->failed = true;
		return NULL;
	}
	if (!config_ini_section(s, buf)) {
		s->failed = true;
		return NULL;
	}
	return buf;
}

/* inih handler: set one key; 0 (error, already printed) or 1. */
static int config_ini_key(void *user, const char *section, const char *name,
			  const char *value)
{
	struct config_ini *s = user;
	if (s->failed)
		return 0;
	if (section[0] == '\0') {
		char q[80];
		fprintf(s->err, "minidisco: %s:%d: key '%s' outside any "
			"[section]\n", s->path, s->line,
			quote_value(name, q, sizeof q));
		s->failed = true;
		return 0;
	}
	if (config_set(s->c, section, name, value, s->path, s->line,
		       s->err) != 0) {
		s->failed = true;
		return 0;
	}
	return 1;
}

/* Read an INI file into c; 0, or -1 after a one-line error on err. */
int config_load_ini(struct machine_config *c, const char *path, FILE *err)
{
	struct config_ini s = {
		.c = c, .path = path, .err = err, .next_line = 1,
	};
	s.in = fopen(path, "r");
	if (s.in == NULL) {
		fprintf(err, "minidisco: --machine: cannot read '%s': %s\n",
			path, strerror(errno));
		return -1;
	}
	int rc = ini_parse_stream(config_ini_read, &s, config_ini_key, &s);
	bool read_error = ferror(s.in);
	fclose(s.in);
	if (s.failed)
		return -1;
	if (read_error) {
		fprintf(err, "minidisco: --machine: error reading '%s'\n", path);
		return -1;
	}
	if (rc != 0) {
		fprintf(err, "minidisco: %s:%d: syntax error (expected "
			"[section], key = value or a comment)\n", path, rc);
		return -1;
	}
	return 0;
}
