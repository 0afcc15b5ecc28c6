/*
 * symbols.h - the kernel's ELF symbol table, for --stop-at and messages.
 */
#ifndef MACHINE_SYMBOLS_H
#define MACHINE_SYMBOLS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "machine/elf.h"

/* One code or data symbol: name, virtual address and size in bytes. */
struct sym {
	const char *name; /* points into sym_table.strings */
	uint32_t value;
	uint32_t size;
	bool global;
};

/* The symbols of one ELF file (empty if it has no symbol table). */
struct sym_table {
	struct sym *syms;
	size_t count;
	char *strings; /* a NUL-terminated copy of the string table */
};

/* Read f's SHT_SYMTAB into t; 0, or -1 after a message on err. */
int sym_table_load(struct sym_table *t, const struct elf_file *f, FILE *err);
/* Free the table. */
void sym_table_free(struct sym_table *t);
/* Address of symbol name (a global one first); false if there is none. */
bool sym_find(const struct sym_table *t, const char *name, uint32_t *value);
/* Write "name" or "name+0xOFF" for addr into buf; false if no symbol. */
bool sym_describe(const struct sym_table *t, uint64_t addr, char *buf,
		  size_t len);

#endif
