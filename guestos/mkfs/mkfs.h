/*
 * mkfs.h - the host tool that builds and reads the guest's disk images
 * (format: guestos/include/fs.h).  All of the tool's state is one struct
 * mkfs, passed to every function.
 */
#ifndef GUESTOS_MKFS_H
#define GUESTOS_MKFS_H

#include <stdint.h>
#include <stdio.h>

#include "guestos/include/fs.h"

#define MKFS_MAXDEFS 16

/* A name=value pair from -D, expanded as ${name} in host file names. */
struct mkfs_def {
	const char *name;
	const char *value;
};

struct mkfs {
	uint8_t *img;              /* the whole image in memory */
	uint32_t size;             /* blocks */
	struct superblock sb;      /* host byte order */
	uint32_t next_inum;        /* building: next free inode */
	uint32_t next_block;       /* building: next free data block */
	const char *file;          /* recipe (building) or image (reading) */
	int line;                  /* recipe line being read, 0 if none */
	struct mkfs_def defs[MKFS_MAXDEFS];
	int ndefs;
};

/* Exit statuses. */
#define MKFS_EXIT_BAD   2 /* bad arguments, recipe or image */
#define MKFS_EXIT_CHECK 1 /* --check found a problem; --cat a missing file */

// mkfs.c
void mkfs_fail(struct mkfs *m, const char *fmt, ...)
	__attribute__((noreturn, format(printf, 2, 3)));

// image.c: the format, both ways
uint32_t get32(const uint8_t *p);
uint16_t get16(const uint8_t *p);
void put32(uint8_t *p, uint32_t v);
void put16(uint8_t *p, uint16_t v);
uint8_t *mkfs_block(struct mkfs *m, uint32_t b);
uint8_t *mkfs_dinode(struct mkfs *m, uint32_t inum);
uint32_t mkfs_addr(struct mkfs *m, uint32_t inum, uint32_t fbn);
uint32_t mkfs_dir_lookup(struct mkfs *m, uint32_t dir, const char *name);
void mkfs_read_super(struct mkfs *m);

// build.c
void mkfs_layout(struct mkfs *m, uint32_t size);
uint32_t mkfs_ialloc(struct mkfs *m, int type);
void mkfs_append(struct mkfs *m, uint32_t inum, const void *data, uint32_t n);
void mkfs_dir_add(struct mkfs *m, uint32_t dir, const char *name,
		  uint32_t inum);
void mkfs_finish(struct mkfs *m);

// recipe.c
void mkfs_recipe(struct mkfs *m, const char *recipe);

// read.c
int mkfs_list(struct mkfs *m);
int mkfs_cat(struct mkfs *m, const char *path);
int mkfs_check(struct mkfs *m);

#endif
