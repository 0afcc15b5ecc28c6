/*
 * elf.h - the kernel image loader: ELF32, big-endian, MIPS, ET_EXEC.
 *
 * elf_open reads a whole file and checks its ELF header, program header
 * table and section header table against the file size; elf_load checks
 * every PT_LOAD segment and the entry point against the machine's physical
 * map before copying anything, then copies.  Every refusal is one line on
 * err naming the file and the reason.  The rules are in docs/usage.md.
 */
#ifndef MACHINE_ELF_H
#define MACHINE_ELF_H

#include <elf.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* A kernel image read into memory, with its ELF header in host order. */
struct elf_file {
	const char *path;
	uint8_t *data;
	size_t size;
	Elf32_Ehdr eh;
};

/* The physical places segments may be loaded to. */
struct elf_target {
	uint8_t *ram;        /* physical 0 .. ram_bytes */
	uint64_t ram_bytes;
	uint8_t *prom;       /* physical prom_base .. prom_base + prom_bytes */
	uint32_t prom_base;
	uint32_t prom_bytes;
	uint32_t dev_base;   /* device space starts here (PROM excepted) */
};

/* Read path and check its headers; 0, or -1 after a message on err. */
int elf_open(struct elf_file *f, const char *path, FILE *err);
/* Check every segment and the entry, then load; 0, or -1 after a message. */
int elf_load(const struct elf_file *f, const struct elf_target *t, FILE *err);
/* Free the file's bytes. */
void elf_close(struct elf_file *f);
/* Physical [*lo, *hi) spanned by the loadable segments in RAM; false if
 * none lies in RAM (call after elf_load succeeded). */
bool elf_ram_extent(const struct elf_file *f, const struct elf_target *t,
		    uint32_t *lo, uint32_t *hi);

/* Decode section header i (i < eh.e_shnum, table checked by elf_open). */
void elf_section(const struct elf_file *f, unsigned i, Elf32_Shdr *sh);
/* Big-endian 16- and 32-bit fields of the file at byte offset off. */
uint16_t elf_be16(const struct elf_file *f, size_t off);
uint32_t elf_be32(const struct elf_file *f, size_t off);

#endif
