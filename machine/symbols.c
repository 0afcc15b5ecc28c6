/*
 * symbols.c - read the kernel's ELF symbol table.
 *
 * Only named symbols of type NOTYPE (assembly labels), FUNC or OBJECT that
 * are defined in a section are kept.  An Elf32_Sym entry is 16 bytes:
 *
 *   0 st_name  4 st_value  8 st_size  12 st_info  13 st_other  14 st_shndx
 *
 * st_info = binding << 4 | type.
 */
#include "machine/symbols.h"

#include <stdlib.h>
#include <string.h>

/* Print "minidisco: FILE: reason" and return -1. */
static int sym_fail(const struct elf_file *f, FILE *err, const char *why)
{
	fprintf(err, "minidisco: %s: %s\n", f->path, why);
	return -1;
}

/* Find the first SHT_SYMTAB section; false if the file has none. */
static bool sym_find_section(const struct elf_file *f, Elf32_Shdr *sh)
{
	for (unsigned i = 0; i < f->eh.e_shnum; i++) {
		elf_section(f, i, sh);
		if (sh->sh_type == SHT_SYMTAB)
			return true;
	}
	return false;
}

/* True if section sh's bytes lie inside the file. */
static bool sym_section_fits(const struct elf_file *f, const Elf32_Shdr *sh)
{
	return sh->sh_offset <= f->size && sh->sh_size <= f->size - sh->sh_offset;
}

/* Copy the string table of symtab into t->strings; 0 or -1. */
static int sym_load_strings(struct sym_table *t, const struct elf_file *f,
			    const Elf32_Shdr *symtab, uint32_t *strsize,
			    FILE *err)
{
	Elf32_Shdr str;
	if (symtab->sh_link == 0 || symtab->sh_link >= f->eh.e_shnum)
		return sym_fail(f, err, "symbol table has no string table");
	elf_section(f, symtab->sh_link, &str);
	if (str.sh_type != SHT_STRTAB)
		return sym_fail(f, err, "symbol table has no string table");
	if (!sym_section_fits(f, &str))
		return sym_fail(f, err, "truncated: string table lies beyond "
				"the end of the file");
	t->strings = malloc((size_t)str.sh_size + 1);
	if (t->strings == NULL)
		return sym_fail(f, err, "out of memory for symbols");
	memcpy(t->strings, f->data + str.sh_offset, str.sh_size);
	t->strings[str.sh_size] = '\0';
	*strsize = str.sh_size;
	return 0;
}

/*
 * How far a label (a symbol of size 0) reaches: to the end of its section,
 * so that an address beyond every section is not named after the last
 * label before it.  Absolute or odd section indexes reach nothing.
 */
static uint32_t sym_label_extent(const struct elf_file *f, uint16_t shndx,
				 uint32_t value)
{
	Elf32_Shdr sh;
	if (shndx >= f->eh.e_shnum)
		return 0;
	elf_section(f, shndx, &sh);
	uint64_t end = (uint64_t)sh.sh_addr + sh.sh_size;
	if (value < sh.sh_addr || value >= end)
		return 0;
	return (uint32_t)(end - value);
}

/* Decode symbol entry at file offset o into s; false if it is not kept. */
static bool sym_decode(const struct elf_file *f, size_t o, uint32_t strsize,
		       const char *strings, struct sym *s)
{
	uint32_t name = elf_be32(f, o);
	uint8_t info = f->data[o + 12];
	uint16_t shndx = elf_be16(f, o + 14);
	int type = ELF32_ST_TYPE(info);
	if (name == 0 || name >= strsize || strings[name] == '\0')
		return false;
	if (shndx == SHN_UNDEF)
		return false;
	if (type != STT_NOTYPE && type != STT_FUNC && type != STT_OBJECT)
		return false;
	s->name = strings + name;
	s->value = elf_be32(f, o + 4);
	s->size = elf_be32(f, o + 8);
	s->global = ELF32_ST_BIND(info) != STB_LOCAL;
	if (s->size == 0)
		s->size = sym_label_extent(f, shndx, s->value);
	return true;
}

/* Read f's SHT_SYMTAB into t; 0, or -1 after a message on err. */
int sym_table_load(struct sym_table *t, const struct elf_file *f, FILE *err)
{
	Elf32_Shdr sh;
	uint32_t strsize;
	*t = (struct sym_table){0};
	if (!sym_find_section(f, &sh))
		return 0; /* stripped: no symbols */
	if (sh.sh_entsize < sizeof(Elf32_Sym))
		return sym_fail(f, err, "bad symbol table entry size");
	if (!sym_section_fits(f, &sh))
		return sym_fail(f, err, "truncated: symbol table lies beyond "
				"the end of the file");
	if (sym_load_strings(t, f, &sh, &strsize, err) != 0)
		return -1;
	size_t n = sh.sh_size / sh.sh_entsize;
	t->syms = calloc(n ? n : 1, sizeof *t->syms);
	if (t->syms == NULL) {
		sym_table_free(t);
		return sym_fail(f, err, "out of memory for symbols");
	}
	for (size_t i = 0; i < n; i++) {
		size_t o = sh.sh_offset + i * sh.sh_entsize;
		if (sym_decode(f, o, strsize, t->strings, &t->syms[t->count]))
			t->count++;
	}
	return 0;
}

/* Free the table. */
void sym_table_free(struct sym_table *t)
{
	free(t->syms);
	free(t->strings);
	*t = (struct sym_table){0};
}

/* Address of symbol name (a global one first); false if there is none. */
bool sym_find(const struct sym_table *t, const char *name, uint32_t *value)
{
	const struct sym *local = NULL;
	for (size_t i = 0; i < t->count; i++) {
		const struct sym *s = &t->syms[i];
		if (strcmp(s->name, name) != 0)
			continue;
		if (s->global) {
			*value = s->value;
			return true;
		}
		if (local == NULL)
			local = s;
	}
	if (local != NULL)
		*value = local->value;
	return local != NULL;
}

/* Write "name" or "name+0xOFF" for addr into buf; false if no symbol. */
bool sym_describe(const struct sym_table *t, uint64_t addr, char *buf,
		  size_t len)
{
	uint32_t a = (uint32_t)addr; /* 32-bit addressing: drop sign bits */
	const struct sym *best = NULL;
	for (size_t i = 0; i < t->count; i++) {
		const struct sym *s = &t->syms[i];
		bool inside = a >= s->value &&
			      (a - s->value < s->size || a == s->value);
		if (!inside)
			continue;
		if (best == NULL || s->value > best->value ||
		    (s->value == best->value && s->global && !best->global))
			best = s;
	}
	if (best == NULL)
		return false;
	if (a == best->value)
		snprintf(buf, len, "%s", best->name);
	else
		snprintf(buf, len, "%s+0x%x", best->name, a - best->value);
	return true;
}
