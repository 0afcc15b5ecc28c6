/*
 * dbg_expr.c - the console's address expressions: terms joined by + and -,
 * with no spaces, each term a hex number (0x...), a decimal number, an ELF
 * symbol or a register of the selected CPU ($t0, $r8, $8, $pc, $hi, $lo).
 * Addresses are 32-bit MIPS addresses kept sign-extended to 64 bits, the
 * form the CPU's registers and cpu.h use.
 */
#include "machine/dbg_internal.h"

#include <ctype.h>
#include <string.h>

/* ABI names of the general registers, as capstone prints them. */
static const char *const dbg_regs[32] = {
	"zero", "at", "v0", "v1", "a0", "a1", "a2", "a3",
	"t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7",
	"s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7",
	"t8", "t9", "k0", "k1", "gp", "sp", "fp", "ra",
};

/* ABI name of general register n (0..31). */
const char *dbg_reg_name(int n)
{
	return n >= 0 && n < 32 ? dbg_regs[n] : "?";
}

/* Sign-extend the low 32 bits of addr, the CPU's form of an address. */
uint64_t dbg_sext(uint64_t addr)
{
	return (uint64_t)(int64_t)(int32_t)(uint32_t)addr;
}

/* Write " <sym+0xOFF>" for addr into buf, or "" if no symbol holds it. */
void dbg_sym_suffix(const struct dbg *d, uint64_t addr, char *buf,
		    size_t len)
{
	char name[128];
	if (sym_describe(d->syms, addr, name, sizeof name))
		snprintf(buf, len, " <%s>", name);
	else if (len > 0)
		buf[0] = '\0';
}

/* Parse digits of base 10 or 16 from text[0..len); false if bad. */
static bool dbg_number(const char *text, size_t len, int base, uint64_t *v)
{
	uint64_t n = 0;
	if (len == 0)
		return false;
	for (size_t i = 0; i < len; i++) {
		int c = tolower((unsigned char)text[i]), dig;
		if (c >= '0' && c <= '9')
			dig = c - '0';
		else if (base == 16 && c >= 'a' && c <= 'f')
			dig = c - 'a' + 10;
		else
			return false;
		if (n > (UINT64_MAX - (uint64_t)dig) / (uint64_t)base)
			return false;
		n = n * (uint64_t)base + (uint64_t)dig;
	}
	*v = n;
	return true;
}

/* Value of register name[0..len) (without '$') of the selected CPU. */
static bool dbg_register(const struct dbg *d, const char *name, size_t len,
			 uint64_t *v)
{
	const struct cpu *c = dbg_cpu(d);
	uint64_t n;
	if (len == 2 && strncmp(name, "pc", 2) == 0)
		*v = cpu_pc(c);
	else if (len == 2 && strncmp(name, "hi", 2) == 0)
		*v = cpu_hi(c);
	else if (len == 2 && strncmp(name, "lo", 2) == 0)
		*v = cpu_lo(c);
	else if (len == 2 && strncmp(name, "s8", 2) == 0)
		*v = cpu_gpr(c, 30);
	else if (dbg_number(name, len, 10, &n) && n < 32)
		*v = cpu_gpr(c, (int)n);
	else if (len > 1 && name[0] == 'r' &&
		 dbg_number(name + 1, len - 1, 10, &n) && n < 32)
		*v = cpu_gpr(c, (int)n);
	else {
		for (int i = 0; i < 32; i++)
			if (strlen(dbg_regs[i]) == len &&
			    strncmp(dbg_regs[i], name, len) == 0) {
				*v = cpu_gpr(c, i);
				return true;
			}
		return false;
	}
	return true;
}

/* True if ch can be part of a symbol name. */
static bool dbg_symchar(char ch)
{
	return isalnum((unsigned char)ch) || ch == '_' || ch == '.';
}

/* Evaluate one term text[0..len); false after a message. */
static bool dbg_term(struct dbg *d, const char *text, size_t len,
		     uint64_t *v)
{
	char name[128];
	uint32_t value;
	bool hex = len > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X');
	if (hex || isdigit((unsigned char)text[0])) {
		if (!(hex ? len <= 18 && dbg_number(text + 2, len - 2, 16, v)
			  : dbg_number(text, len, 10, v)))
			goto bad;
		if (*v > 0xffffffffu && *v != dbg_sext(*v)) {
			dbg_error(d, "'%.*s' is not a 32-bit address", (int)len,
				  text);
			return false;
		}
		return true;
	} else if (text[0] == '$') {
		if (dbg_register(d, text + 1, len - 1, v))
			return true;
		dbg_error(d, "no register '%.*s'", (int)len, text);
		return false;
	} else if (len < sizeof name) {
		memcpy(name, text, len);
		name[len] = '\0';
		if (sym_find(d->syms, name, &value)) {
			*v = dbg_sext(value);
			return true;
		}
		dbg_error(d, "no symbol '%s'", name);
		return false;
	}
bad:
	dbg_error(d, "'%.*s' is not a number, symbol or $register", (int)len,
		  text);
	return false;
}

/* Evaluate an address expression (term{+|-term}); false after a message. */
bool dbg_parse_addr(struct dbg *d, const char *text, uint64_t *v)
{
	uint64_t sum = 0;
	bool neg = false;
	const char *p = text;
	if (*p == '\0')
		return dbg_error(d, "missing address"), false;
	for (;;) {
		size_t len = 0;
		uint64_t t;
		if (p[0] == '$')
			len = 1;
		while (p[len] && dbg_symchar(p[len]))
			len++;
		if (len == 0) {
			dbg_error(d, "bad address expression '%s'", text);
			return false;
		}
		if (!dbg_term(d, p, len, &t))
			return false;
		sum = neg ? sum - t : sum + t;
		p += len;
		if (*p == '\0')
			break;
		if (*p != '+' && *p != '-') {
			dbg_error(d, "bad address expression '%s'", text);
			return false;
		}
		neg = (*p++ == '-');
	}
	*v = sum;
	return true;
}

/* Parse a number from min to max (decimal or 0xHEX); false after a
   message. */
bool dbg_parse_count(struct dbg *d, const char *text, uint64_t min,
		     uint64_t max, uint64_t *v)
{
	size_t len = strlen(text);
	bool ok;
	if (len > 2 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X'))
		ok = dbg_number(text + 2, len - 2, 16, v);
	else
		ok = dbg_number(text, len, 10, v);
	if (ok && *v >= min && *v <= max)
		return true;
	dbg_error(d, "'%s' is not a number from %llu to %llu", text,
		  (unsigned long long)min, (unsigned long long)max);
	return false;
}
