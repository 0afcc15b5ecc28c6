/*
 * ls.c - list files: for each argument (or "."), one line per file with
 * its name, type (d directory, - file, c device), inode number and size.
 */
#include "ulib.h"
#include "fs.h"

#define MAXPATH_LS 256

/* Print one line for the file named name with status st. */
static void show(const char *name, const struct stat *st)
{
	char t = st->type == T_DIR ? 'd' : st->type == T_DEVICE ? 'c' : '-';
	printf("%-14s %c %4u %8u\n", name, t, st->ino, st->size);
}

/* List the entries of the open directory fd, whose path is dir. */
static int list_dir(int fd, const char *dir)
{
	struct dirent de;
	char path[MAXPATH_LS];
	int status = 0;
	while (read(fd, &de, sizeof(de)) == sizeof(de)) {
		if (de.inum == 0)
			continue;
		char name[DIRSIZ + 1];
		memcpy(name, de.name, DIRSIZ);
		name[DIRSIZ] = 0;
		snprintf(path, sizeof(path), "%s/%s", dir, name);
		struct stat st;
		if (stat(path, &st) < 0) {
			fprintf(2, "ls: cannot stat %s\n", path);
			status = 1;
			continue;
		}
		show(name, &st);
	}
	return status;
}

/* List one path: a directory's entries, or the file itself. */
static int ls(const char *path)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0) {
		fprintf(2, "ls: cannot open %s\n", path);
		return 1;
	}
	struct stat st;
	int status = 0;
	if (fstat(fd, &st) < 0) {
		fprintf(2, "ls: cannot stat %s\n", path);
		status = 1;
	} else if (st.type == T_DIR) {
		status = list_dir(fd, path);
	} else {
		show(path, &st);
	}
	close(fd);
	return status;
}

/* List each argument, or the current directory. */
int main(int argc, char **argv)
{
	if (argc < 2)
		return ls(".");
	int status = 0;
	for (int i = 1; i < argc; i++)
		status |= ls(argv[i]);
	return status;
}
