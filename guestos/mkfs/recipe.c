/*
 * recipe.c - reading a recipe, one entry per line:
 *
 *     dir  /PATH
 *     file /PATH  HOSTFILE          (${NAME}: -D NAME=VALUE, or the environment)
 *     dev  /PATH  MAJOR MINOR
 *
 * '#' starts a comment; blank lines are skipped; a parent directory must
 * come before what it holds.  Every error names the recipe line.
 */
#include <errno.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "mkfs.h"

#define RECIPE_MAXLINE 4096
#define RECIPE_MAXWORDS 5

/* Split line into at most max blank-separated words; return their number. */
static int split(struct mkfs *m, char *line, char **words, int max)
{
	int n = 0;

	for (char *s = strtok(line, " \t\r\n"); s; s = strtok(0, " \t\r\n")) {
		if (n == max)
			mkfs_fail(m, "too many words");
		words[n++] = s;
	}
	return n;
}

/* Walk absolute path to its parent directory; copy the last name to name and return the parent's inode. */
static uint32_t resolve_parent(struct mkfs *m, const char *path, char *name)
{
	uint32_t dir = ROOTINO;
	const char *p = path;

	if (*p != '/')
		mkfs_fail(m, "path '%s' does not start with '/'", path);
	for (;;) {
		while (*p == '/')
			p++;
		const char *e = p + strcspn(p, "/");
		size_t len = (size_t)(e - p);
		if (len == 0)
			mkfs_fail(m, "path '%s' names no file", path);
		if (len > DIRSIZ)
			mkfs_fail(m, "name '%.*s' is longer than %d characters",
				  (int)len, p, DIRSIZ);
		memcpy(name, p, len);
		name[len] = 0;
		if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
			mkfs_fail(m, "path '%s' uses '%s'", path, name);
		if (e[strspn(e, "/")] == 0)
			return dir;
		uint32_t next = mkfs_dir_lookup(m, dir, name);
		if (next == 0 ||
		    get16(mkfs_dinode(m, next) + offsetof(struct dinode, type)) != FT_DIR)
			mkfs_fail(m, "'%s' is not a directory listed before '%s'",
				  name, path);
		dir = next;
		p = e;
	}
}

/* Create a new inode of type at path and link it into its parent; return it. */
static uint32_t create(struct mkfs *m, const char *path, int type)
{
	char name[DIRSIZ + 1];
	uint32_t dir = resolve_parent(m, path, name);

	if (mkfs_dir_lookup(m, dir, name) != 0)
		mkfs_fail(m, "'%s' is listed twice", path);
	uint32_t inum = mkfs_ialloc(m, type);
	mkfs_dir_add(m, dir, name, inum);
	if (type == FT_DIR) {
		uint8_t *nlink = mkfs_dinode(m, dir) + offsetof(struct dinode, nlink);
		put16(nlink, get16(nlink) + 1); /* the new directory's ".." */
		mkfs_dir_add(m, inum, ".", inum);
		mkfs_dir_add(m, inum, "..", dir);
	}
	return inum;
}

/* Return the environment variable named by [name, end), or 0. */
static const char *env(struct mkfs *m, const char *name, const char *end)
{
	char buf[64];

	if (end - name >= (long)sizeof buf)
		mkfs_fail(m, "variable name '%.*s' is too long", (int)(end - name), name);
	memcpy(buf, name, end - name);
	buf[end - name] = 0;
	return getenv(buf);
}

/* Expand ${NAME} in s with the -D values; return a malloc'd string. */
static char *expand(struct mkfs *m, const char *s)
{
	size_t cap = strlen(s) + 1, n = 0;
	char *out = malloc(cap);

	while (out && *s) {
		const char *v = 0;
		size_t vlen = 1, skip = 1;
		if (s[0] == '$') {
			const char *end = s[1] == '{' ? strchr(s + 2, '}') : 0;
			if (end == 0)
				mkfs_fail(m, "'$' not followed by {NAME}");
			int i;
			for (i = 0; i < m->ndefs; i++)
				if (strlen(m->defs[i].name) == (size_t)(end - s - 2) &&
				    strncmp(m->defs[i].name, s + 2, end - s - 2) == 0)
					break;
			v = i < m->ndefs ? m->defs[i].value : env(m, s + 2, end);
			if (v == 0)
				mkfs_fail(m, "${%.*s} is not defined (use -D)",
					  (int)(end - s - 2), s + 2);
			vlen = strlen(v);
			skip = (size_t)(end - s) + 1;
		} else {
			v = s;
		}
		if (n + vlen + 1 > cap && (out = realloc(out, cap = 2 * (n + vlen + 1))) == 0)
			break;
		memcpy(out + n, v, vlen);
		n += vlen;
		s += skip;
	}
	if (out == 0)
		mkfs_fail(m, "out of memory");
	out[n] = 0;
	return out;
}

/* Copy host file hostname into a new file at path. */
static void add_file(struct mkfs *m, const char *path, const char *hostname)
{
	char *host = expand(m, hostname);
	FILE *f = fopen(host, "rb");
	uint8_t buf[BSIZE];
	size_t n;

	if (f == 0)
		mkfs_fail(m, "%s: %s", host, strerror(errno));
	uint32_t inum = create(m, path, FT_FILE);
	while ((n = fread(buf, 1, sizeof buf, f)) > 0)
		mkfs_append(m, inum, buf, (uint32_t)n);
	if (ferror(f))
		mkfs_fail(m, "%s: read error", host);
	fclose(f);
	free(host);
}

/* Parse a device number (0 .. 32767). */
static int devnum(struct mkfs *m, const char *s)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (*s == 0 || *end != 0 || v < 0 || v > 32767)
		mkfs_fail(m, "bad device number '%s'", s);
	return (int)v;
}

/* The entries a line may hold, with their number of words. */
enum entry { E_DIR, E_FILE, E_DEV, E_COUNT };
static const struct {
	const char *kw;
	int nwords;
	const char *usage;
} entries[E_COUNT] = {
	[E_DIR] = { "dir", 2, "dir /PATH" },
	[E_FILE] = { "file", 3, "file /PATH HOSTFILE" },
	[E_DEV] = { "dev", 4, "dev /PATH MAJOR MINOR" },
};

/* Carry out one recipe line (comment already removed). */
static void recipe_line(struct mkfs *m, char *line)
{
	char *w[RECIPE_MAXWORDS];
	int n = split(m, line, w, RECIPE_MAXWORDS);
	int e;

	if (n == 0)
		return;
	for (e = 0; e < E_COUNT && strcmp(w[0], entries[e].kw) != 0; e++)
		;
	if (e == E_COUNT)
		mkfs_fail(m, "unknown entry '%s' (dir, file or dev)", w[0]);
	if (n != entries[e].nwords)
		mkfs_fail(m, "expected '%s'", entries[e].usage);
	if (e == E_DIR) {
		create(m, w[1], FT_DIR);
	} else if (e == E_FILE) {
		add_file(m, w[1], w[2]);
	} else {
		int major = devnum(m, w[2]), minor = devnum(m, w[3]);
		uint8_t *dip = mkfs_dinode(m, create(m, w[1], FT_DEVICE));
		put16(dip + offsetof(struct dinode, major), (uint16_t)major);
		put16(dip + offsetof(struct dinode, minor), (uint16_t)minor);
	}
}

/* Make the root directory and carry out every line of recipe. */
void mkfs_recipe(struct mkfs *m, const char *recipe)
{
	char line[RECIPE_MAXLINE];
	FILE *f = fopen(recipe, "r");

	m->file = recipe;
	if (f == 0)
		mkfs_fail(m, "cannot open: %s", strerror(errno));
	uint32_t root = mkfs_ialloc(m, FT_DIR);
	mkfs_dir_add(m, root, ".", root);
	mkfs_dir_add(m, root, "..", root);
	while (fgets(line, sizeof line, f)) {
		m->line++;
		if (strchr(line, '\n') == 0 && !feof(f))
			mkfs_fail(m, "line longer than %d characters", RECIPE_MAXLINE - 2);
		line[strcspn(line, "#")] = 0;
		recipe_line(m, line);
	}
	m->line = 0;
	fclose(f);
}
