/*
 * elf.c - load an ELF32 big-endian MIPS executable into RAM and boot PROM.
 *
 * The file is read whole; every field is decoded from big-endian bytes with
 * the offsets of the <elf.h> structs, so the host's byte order never
 * matters.  The parts of the file this loader reads:
 *
 *   offset 0   ELF header (52 bytes)
 *              e_ident: 7f 'E' 'L' 'F' class(1=32) data(2=MSB) ...
 *              e_type (2=EXEC), e_machine (8=MIPS), e_entry,
 *              e_phoff/e_phentsize/e_phnum, e_shoff/e_shentsize/e_shnum
 *   e_phoff    program headers, 32 bytes each:
 *              p_type p_offset p_vaddr p_paddr p_filesz p_memsz ...
 *   p_offset   segment bytes: p_filesz from the file, then zeros up to
 *              p_memsz
 *   e_shoff    section headers, 40 bytes each (for the symbol table)
 *
 * Physical placement (p_paddr; kseg0/kseg1 addresses, which GNU ld puts
 * there by default, are reduced to physical with & 0x1FFFFFFF):
 *
 *   0 .. RAM size            RAM            segments allowed
 *   RAM size .. 0x1F000000   nothing        "beyond RAM"
 *   0x1F000000 .. 0x1FFFFFFF device space   refused, except
 *   0x1FC00000 .. 0x1FC0FFFF   boot PROM      segments allowed
 *   0x20000000 ..            nothing        "beyond RAM"
 */
#include "machine/elf.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define ELF_MAX_FILE (256u << 20) /* larger than any RAM we can load into */
#define KSEG0_BASE 0x80000000u
#define KSEG2_BASE 0xC0000000u
#define PHYS_MASK 0x1FFFFFFFu

/* Big-endian 16-bit field of the file at byte offset off. */
uint16_t elf_be16(const struct elf_file *f, size_t off)
{
	const uint8_t *p = f->data + off;
	return (uint16_t)(p[0] << 8 | p[1]);
}

/* Big-endian 32-bit field of the file at byte offset off. */
uint32_t elf_be32(const struct elf_file *f, size_t off)
{
	const uint8_t *p = f->data + off;
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	       (uint32_t)p[2] << 8 | p[3];
}

/* Print "minidisco: FILE: reason" and return -1. */
static int elf_fail(const struct elf_file *f, FILE *err, const char *why)
{
	fprintf(err, "minidisco: %s: %s\n", f->path, why);
	return -1;
}

/* Read the whole file into f->data; 0, or -1 after a message. */
static int elf_read(struct elf_file *f, FILE *err)
{
	FILE *in = fopen(f->path, "rb");
	if (in == NULL) {
		fprintf(err, "minidisco: %s: %s\n", f->path, strerror(errno));
		return -1;
	}
	struct stat st;
	int rc = -1;
	if (fstat(fileno(in), &st) != 0 || !S_ISREG(st.st_mode))
		elf_fail(f, err, "not a regular file");
	else if ((uint64_t)st.st_size > ELF_MAX_FILE)
		elf_fail(f, err, "too large to be a kernel image");
	else if ((f->data = malloc((size_t)st.st_size + 1)) == NULL)
		elf_fail(f, err, "out of memory reading the file");
	else if ((f->size = fread(f->data, 1, (size_t)st.st_size, in)) !=
		 (size_t)st.st_size)
		elf_fail(f, err, "read error");
	else
		rc = 0;
	fclose(in);
	return rc;
}

/* Decode the ELF header from the first 52 bytes. */
static void elf_decode_ehdr(struct elf_file *f)
{
	Elf32_Ehdr *h = &f->eh;
	memcpy(h->e_ident, f->data, EI_NIDENT);
	h->e_type = elf_be16(f, offsetof(Elf32_Ehdr, e_type));
	h->e_machine = elf_be16(f, offsetof(Elf32_Ehdr, e_machine));
	h->e_version = elf_be32(f, offsetof(Elf32_Ehdr, e_version));
	h->e_entry = elf_be32(f, offsetof(Elf32_Ehdr, e_entry));
	h->e_phoff = elf_be32(f, offsetof(Elf32_Ehdr, e_phoff));
	h->e_shoff = elf_be32(f, offsetof(Elf32_Ehdr, e_shoff));
	h->e_flags = elf_be32(f, offsetof(Elf32_Ehdr, e_flags));
	h->e_ehsize = elf_be16(f, offsetof(Elf32_Ehdr, e_ehsize));
	h->e_phentsize = elf_be16(f, offsetof(Elf32_Ehdr, e_phentsize));
	h->e_phnum = elf_be16(f, offsetof(Elf32_Ehdr, e_phnum));
	h->e_shentsize = elf_be16(f, offsetof(Elf32_Ehdr, e_shentsize));
	h->e_shnum = elf_be16(f, offsetof(Elf32_Ehdr, e_shnum));
	h->e_shstrndx = elf_be16(f, offsetof(Elf32_Ehdr, e_shstrndx));
}

/* Check e_ident and the header fields that say what kind of file it is. */
static int elf_check_ident(struct elf_file *f, FILE *err)
{
	const uint8_t *id = f->data;
	if (f->size < SELFMAG || memcmp(id, ELFMAG, SELFMAG) != 0)
		return elf_fail(f, err, "not an ELF file");
	if (f->size < EI_NIDENT)
		return elf_fail(f, err, "truncated ELF header");
	if (id[EI_CLASS] == ELFCLASS64)
		return elf_fail(f, err, "ELF64 file, expected ELF32");
	if (id[EI_CLASS] != ELFCLASS32)
		return elf_fail(f, err, "unknown ELF class, expected ELF32");
	if (id[EI_DATA] == ELFDATA2LSB)
		return elf_fail(f, err, "little-endian ELF, expected big-endian");
	if (id[EI_DATA] != ELFDATA2MSB)
		return elf_fail(f, err, "unknown ELF byte order");
	if (f->size < sizeof(Elf32_Ehdr))
		return elf_fail(f, err, "truncated ELF header");
	elf_decode_ehdr(f);
	if (f->eh.e_machine != EM_MIPS)
		return elf_fail(f, err, "not a MIPS ELF file (e_machine is not "
				"EM_MIPS)");
	if (f->eh.e_type != ET_EXEC)
		return elf_fail(f, err, "not an executable (e_type is not "
				"ET_EXEC; link with -no-pie)");
	return 0;
}

/* True if count entries of entsize bytes at off lie inside the file. */
static bool elf_fits(const struct elf_file *f, uint64_t off, uint64_t count,
		     uint64_t entsize)
{
	return off <= f->size && count * entsize <= f->size - off;
}

/* Check the program and section header tables lie inside the file. */
static int elf_check_tables(struct elf_file *f, FILE *err)
{
	const Elf32_Ehdr *h = &f->eh;
	if (h->e_phnum == 0)
		return elf_fail(f, err, "no program headers");
	if (h->e_phnum == PN_XNUM)
		return elf_fail(f, err, "too many program headers");
	if (h->e_phentsize < sizeof(Elf32_Phdr))
		return elf_fail(f, err, "bad program header size");
	if (!elf_fits(f, h->e_phoff, h->e_phnum, h->e_phentsize))
		return elf_fail(f, err, "truncated: program headers lie "
				"beyond the end of the file");
	if (h->e_shnum == 0)
		return 0; /* no sections: no symbols, which is allowed */
	if (h->e_shentsize < sizeof(Elf32_Shdr))
		return elf_fail(f, err, "bad section header size");
	if (!elf_fits(f, h->e_shoff, h->e_shnum, h->e_shentsize))
		return elf_fail(f, err, "truncated: section headers lie "
				"beyond the end of the file");
	return 0;
}

/* Read path and check its headers; 0, or -1 after a message on err. */
int elf_open(struct elf_file *f, const char *path, FILE *err)
{
	*f = (struct elf_file){.path = path};
	if (elf_read(f, err) != 0 || elf_check_ident(f, err) != 0 ||
	    elf_check_tables(f, err) != 0) {
		elf_close(f);
		return -1;
	}
	return 0;
}

/* Free the file's bytes. */
void elf_close(struct elf_file *f)
{
	free(f->data);
	f->data = NULL;
	f->size = 0;
}

/* Decode program header i (the table was checked by elf_open). */
static void elf_segment(const struct elf_file *f, unsigned i, Elf32_Phdr *ph)
{
	size_t o = f->eh.e_phoff + (size_t)i * f->eh.e_phentsize;
	ph->p_type = elf_be32(f, o + offsetof(Elf32_Phdr, p_type));
	ph->p_offset = elf_be32(f, o + offsetof(Elf32_Phdr, p_offset));
	ph->p_vaddr = elf_be32(f, o + offsetof(Elf32_Phdr, p_vaddr));
	ph->p_paddr = elf_be32(f, o + offsetof(Elf32_Phdr, p_paddr));
	ph->p_filesz = elf_be32(f, o + offsetof(Elf32_Phdr, p_filesz));
	ph->p_memsz = elf_be32(f, o + offsetof(Elf32_Phdr, p_memsz));
	ph->p_flags = elf_be32(f, o + offsetof(Elf32_Phdr, p_flags));
	ph->p_align = elf_be32(f, o + offsetof(Elf32_Phdr, p_align));
}

/* Decode section header i (i < eh.e_shnum, table checked by elf_open). */
void elf_section(const struct elf_file *f, unsigned i, Elf32_Shdr *sh)
{
	size_t o = f->eh.e_shoff + (size_t)i * f->eh.e_shentsize;
	sh->sh_name = elf_be32(f, o + offsetof(Elf32_Shdr, sh_name));
	sh->sh_type = elf_be32(f, o + offsetof(Elf32_Shdr, sh_type));
	sh->sh_flags = elf_be32(f, o + offsetof(Elf32_Shdr, sh_flags));
	sh->sh_addr = elf_be32(f, o + offsetof(Elf32_Shdr, sh_addr));
	sh->sh_offset = elf_be32(f, o + offsetof(Elf32_Shdr, sh_offset));
	sh->sh_size = elf_be32(f, o + offsetof(Elf32_Shdr, sh_size));
	sh->sh_link = elf_be32(f, o + offsetof(Elf32_Shdr, sh_link));
	sh->sh_info = elf_be32(f, o + offsetof(Elf32_Shdr, sh_info));
	sh->sh_addralign = elf_be32(f, o + offsetof(Elf32_Shdr, sh_addralign));
	sh->sh_entsize = elf_be32(f, o + offsetof(Elf32_Shdr, sh_entsize));
}

/* Physical address of a p_paddr or entry: kseg0/kseg1 lose their top bits. */
static uint32_t elf_phys(uint32_t addr)
{
	if (addr >= KSEG0_BASE && addr < KSEG2_BASE)
		return addr & PHYS_MASK;
	return addr;
}

/* Host pointer for physical [pa, pa+len) in RAM or PROM, or NULL. */
static uint8_t *elf_host(const struct elf_target *t, uint64_t pa, uint64_t len)
{
	if (pa + len <= t->ram_bytes)
		return t->ram + pa;
	if (pa >= t->prom_base && pa + len <= (uint64_t)t->prom_base +
						  t->prom_bytes)
		return t->prom + (pa - t->prom_base);
	return NULL;
}

/* Check segment i can be loaded; 0, or -1 after a message. */
static int elf_check_segment(const struct elf_file *f,
			     const struct elf_target *t, unsigned i,
			     const Elf32_Phdr *ph, FILE *err)
{
	uint64_t pa = elf_phys(ph->p_paddr), end = pa + ph->p_memsz;
	const char *why = NULL;
	if (!elf_fits(f, ph->p_offset, 1, ph->p_filesz))
		why = "lies beyond the end of the file (truncated)";
	else if (ph->p_filesz > ph->p_memsz)
		why = "has a file size larger than its memory size";
	else if (elf_host(t, pa, ph->p_memsz) != NULL)
		return 0;
	else if (pa < (uint64_t)PHYS_MASK + 1 && end > t->dev_base)
		why = "overlaps device space (physical 0x1f000000 and up)";
	else
		why = "lies beyond RAM";
	fprintf(err, "minidisco: %s: segment %u (physical 0x%08llx-0x%08llx) "
		"%s\n", f->path, i, (unsigned long long)pa,
		(unsigned long long)(end ? end - 1 : 0), why);
	return -1;
}

/* Check the entry point is a word in RAM or PROM the CPU can reach. */
static int elf_check_entry(const struct elf_file *f,
			   const struct elf_target *t, FILE *err)
{
	uint32_t e = f->eh.e_entry;
	const char *why = NULL;
	if (e & 3)
		why = "is not word-aligned";
	else if (e >= KSEG2_BASE)
		why = "is not in kseg0, kseg1 or kuseg";
	else if (elf_host(t, elf_phys(e), 4) == NULL)
		why = "is not in RAM or the boot PROM";
	if (why == NULL)
		return 0;
	fprintf(err, "minidisco: %s: entry point 0x%08x %s\n", f->path, e,
		why);
	return -1;
}

/* Check every segment and the entry, then load; 0, or -1 after a message. */
int elf_load(const struct elf_file *f, const struct elf_target *t, FILE *err)
{
	Elf32_Phdr ph;
	unsigned loads = 0;
	for (unsigned i = 0; i < f->eh.e_phnum; i++) {
		elf_segment(f, i, &ph);
		if (ph.p_type == PT_INTERP || ph.p_type == PT_DYNAMIC)
			return elf_fail(f, err, "dynamically linked; link "
					"statically with -nostdlib");
		if (ph.p_type != PT_LOAD || ph.p_memsz == 0)
			continue;
		if (elf_check_segment(f, t, i, &ph, err) != 0)
			return -1;
		loads++;
	}
	if (loads == 0)
		return elf_fail(f, err, "no loadable segment");
	if (elf_check_entry(f, t, err) != 0)
		return -1;
	for (unsigned i = 0; i < f->eh.e_phnum; i++) {
		elf_segment(f, i, &ph);
		if (ph.p_type != PT_LOAD || ph.p_memsz == 0)
			continue;
		uint8_t *dst = elf_host(t, elf_phys(ph.p_paddr), ph.p_memsz);
		memcpy(dst, f->data + ph.p_offset, ph.p_filesz);
		memset(dst + ph.p_filesz, 0, ph.p_memsz - ph.p_filesz);
	}
	return 0;
}

/* Physical [*lo, *hi) spanned by the loadable segments in RAM; false if
 * none lies in RAM (call after elf_load succeeded). */
bool elf_ram_extent(const struct elf_file *f, const struct elf_target *t,
		    uint32_t *lo, uint32_t *hi)
{
	Elf32_Phdr ph;
	bool any = false;
	for (unsigned i = 0; i < f->eh.e_phnum; i++) {
		elf_segment(f, i, &ph);
		uint64_t pa = elf_phys(ph.p_paddr), end = pa + ph.p_memsz;
		if (ph.p_type != PT_LOAD || ph.p_memsz == 0 ||
		    end > t->ram_bytes)
			continue;
		if (!any || pa < *lo)
			*lo = (uint32_t)pa;
		if (!any || end > *hi)
			*hi = (uint32_t)end;
		any = true;
	}
	return any;
}
