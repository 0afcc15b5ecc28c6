/*
 * mkfs.c - the host tool that builds the guest's disk image from a recipe
 * (recipe.c) and looks into images (read.c, check.c).
 *
 *   mkfs IMAGE RECIPE [--size BLOCKS] [-D NAME=VALUE ...]   build IMAGE
 *   mkfs --list IMAGE                                       print the tree
 *   mkfs --cat IMAGE /PATH                                  print a file
 *   mkfs --check IMAGE                                      check consistency
 *
 * Reading replays a committed log in memory first, as the kernel would at
 * boot.  Bad arguments, recipes or images: a one-line error, status 2.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "mkfs.h"

#define MKFS_MAXSIZE (1u << 20) /* blocks: a 1 GB image */

/* Print a one-line error naming the file (and recipe line) and exit with status 2. */
void mkfs_fail(struct mkfs *m, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "mkfs: ");
	if (m->file && m->line)
		fprintf(stderr, "%s:%d: ", m->file, m->line);
	else if (m->file)
		fprintf(stderr, "%s: ", m->file);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(MKFS_EXIT_BAD);
}

/* Print the usage and exit with status 2. */
static void usage(void)
{
	fprintf(stderr,
		"usage: mkfs IMAGE RECIPE [--size BLOCKS] [-D NAME=VALUE ...]\n"
		"       mkfs --list IMAGE | --check IMAGE | --cat IMAGE /PATH\n");
	exit(MKFS_EXIT_BAD);
}

/* Write the built image to path (through a temporary file, then rename). */
static void write_image(struct mkfs *m, const char *path)
{
	size_t len = strlen(path) + 5;
	char *tmp = malloc(len);
	FILE *f;

	m->file = path;
	if (tmp == 0)
		mkfs_fail(m, "out of memory");
	snprintf(tmp, len, "%s.tmp", path);
	if ((f = fopen(tmp, "wb")) == 0)
		mkfs_fail(m, "cannot create %s: %s", tmp, strerror(errno));
	if (fwrite(m->img, BSIZE, m->size, f) != m->size || fclose(f) != 0)
		mkfs_fail(m, "cannot write %s: %s", tmp, strerror(errno));
	if (rename(tmp, path) != 0)
		mkfs_fail(m, "cannot rename %s: %s", tmp, strerror(errno));
	free(tmp);
}

/* Copy the blocks of a committed log group to their homes, in memory. */
static void replay_log(struct mkfs *m)
{
	const uint8_t *hdr = mkfs_block(m, m->sb.logstart);
	uint32_t n = get32(hdr);

	if (n == 0)
		return;
	if (n > m->sb.nlog || n > LOGHDRMAX)
		mkfs_fail(m, "log header holds %u blocks", n);
	for (uint32_t i = 0; i < n; i++)
		memcpy(mkfs_block(m, get32(hdr + 4 + 4 * i)),
		       mkfs_block(m, m->sb.logstart + 1 + i), BSIZE);
	fprintf(stderr, "mkfs: %s: replayed %u logged blocks (in memory)\n",
		m->file, n);
}

/* Read the image at path into memory and decode its superblock. */
static void read_image(struct mkfs *m, const char *path)
{
	FILE *f;
	long len;

	m->file = path;
	if ((f = fopen(path, "rb")) == 0)
		mkfs_fail(m, "cannot open: %s", strerror(errno));
	if (fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 0)
		mkfs_fail(m, "cannot read: %s", strerror(errno));
	if (len < 2 * BSIZE || len / BSIZE > MKFS_MAXSIZE)
		mkfs_fail(m, "%ld bytes is not a file system image", len);
	m->size = (uint32_t)(len / BSIZE);
	m->img = malloc((size_t)m->size * BSIZE);
	rewind(f);
	if (m->img == 0 || fread(m->img, BSIZE, m->size, f) != m->size)
		mkfs_fail(m, "cannot read %u blocks", m->size);
	fclose(f);
	mkfs_read_super(m);
	replay_log(m);
}

/* Parse --size's argument. */
static uint32_t parse_size(struct mkfs *m, const char *s)
{
	char *end;
	unsigned long v = strtoul(s, &end, 10);

	if (*s == 0 || *end != 0 || v == 0 || v > MKFS_MAXSIZE)
		mkfs_fail(m, "--size '%s': not a number of blocks from 1 to %u", s,
			  MKFS_MAXSIZE);
	return (uint32_t)v;
}

/* Record a -D NAME=VALUE definition. */
static void add_def(struct mkfs *m, char *def)
{
	char *eq = strchr(def, '=');

	if (eq == 0 || eq == def)
		mkfs_fail(m, "-D '%s': expected NAME=VALUE", def);
	if (m->ndefs == MKFS_MAXDEFS)
		mkfs_fail(m, "more than %d -D definitions", MKFS_MAXDEFS);
	*eq = 0;
	m->defs[m->ndefs].name = def;
	m->defs[m->ndefs++].value = eq + 1;
}

/* Build mode: parse the arguments, read the recipe, write the image. */
static int build(struct mkfs *m, int argc, char **argv)
{
	const char *image = 0, *recipe = 0;
	uint32_t size = FS_DEFSIZE;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--size") == 0 && i + 1 < argc)
			size = parse_size(m, argv[++i]);
		else if (strcmp(argv[i], "-D") == 0 && i + 1 < argc)
			add_def(m, argv[++i]);
		else if (argv[i][0] == '-')
			usage();
		else if (image == 0)
			image = argv[i];
		else if (recipe == 0)
			recipe = argv[i];
		else
			usage();
	}
	if (recipe == 0)
		usage();
	mkfs_layout(m, size);
	mkfs_recipe(m, recipe);
	mkfs_finish(m);
	write_image(m, image);
	return 0;
}

/* Dispatch on the mode. */
int main(int argc, char **argv)
{
	struct mkfs m = { 0 };
	int status;

	if (argc == 3 && strcmp(argv[1], "--list") == 0) {
		read_image(&m, argv[2]);
		status = mkfs_list(&m);
	} else if (argc == 3 && strcmp(argv[1], "--check") == 0) {
		read_image(&m, argv[2]);
		status = mkfs_check(&m);
	} else if (argc == 4 && strcmp(argv[1], "--cat") == 0) {
		read_image(&m, argv[2]);
		status = mkfs_cat(&m, argv[3]);
	} else {
		status = build(&m, argc, argv);
	}
	free(m.img);
	return status;
}
