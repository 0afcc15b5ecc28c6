/*
 * printf.c - formatted output: kprintf to the console, ksnprintf to a
 * buffer, both through kformat.
 *
 * Conversions: %d %i %u %x %X %p %s %c %%, with the length modifiers
 * hh h l ll z, the flags '-' (left-justify) and '0' (zero-pad), a width
 * (digits or '*') and a precision (".N" or ".*": minimum digits for
 * numbers, maximum characters for %s).  No floating point.  64-bit values
 * are converted with 32-bit divisions only, so no libgcc is needed.
 */
#include "klib.h"

/* How one conversion is to be laid out. */
struct spec {
	int width;  /* minimum field width */
	int prec;   /* precision, -1 if none */
	bool left;  /* '-': pad on the right */
	bool zero;  /* '0': pad numbers with zeros */
};

/* Where kformat's characters go, and how many it has produced. */
struct out {
	void (*put)(void *arg, char c);
	void *arg;
	int n;
};

/* Emit one character. */
static void emit(struct out *o, char c)
{
	o->put(o->arg, c);
	o->n++;
}

/* Emit c n times (nothing if n <= 0). */
static void emit_fill(struct out *o, char c, int n)
{
	while (n-- > 0)
		emit(o, c);
}

/* Divide *v by base (2..16) with 32-bit divisions; return the remainder. */
static unsigned divmod(uint64_t *v, unsigned base)
{
	uint32_t hi = (uint32_t)(*v >> 32), lo = (uint32_t)*v;
	if (hi == 0) {
		*v = lo / base;
		return lo % base;
	}
	/* Long division by 16-bit digits: each partial dividend is < 2^20. */
	uint32_t qhi = hi / base, r = hi % base;
	uint32_t mid = (r << 16) | (lo >> 16);
	uint32_t qmid = mid / base;
	r = mid % base;
	uint32_t low = (r << 16) | (lo & 0xffff);
	*v = ((uint64_t)qhi << 32) | (qmid << 16) | (low / base);
	return low % base;
}

/* Emit the number v in base with a prefix ("-", "0x" or ""), laid out by s. */
static void emit_num(struct out *o, uint64_t v, unsigned base, bool upper,
		     const char *prefix, const struct spec *s)
{
	const char *dig = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char buf[24];
	int n = 0, plen = (int)strlen(prefix);
	do
		buf[n++] = dig[divmod(&v, base)];
	while (v != 0);
	int zeros = s->prec > n ? s->prec - n : 0;
	int pad = s->width - plen - zeros - n;
	if (s->zero && !s->left && s->prec < 0) {
		zeros += pad > 0 ? pad : 0;
		pad = 0;
	}
	if (!s->left)
		emit_fill(o, ' ', pad);
	while (*prefix)
		emit(o, *prefix++);
	emit_fill(o, '0', zeros);
	while (n > 0)
		emit(o, buf[--n]);
	if (s->left)
		emit_fill(o, ' ', pad);
}

/* Emit string str (at most prec characters if prec >= 0), laid out by s. */
static void emit_str(struct out *o, const char *str, const struct spec *s)
{
	if (!str)
		str = "(null)";
	int n = 0;
	while (str[n] && (s->prec < 0 || n < s->prec))
		n++;
	if (!s->left)
		emit_fill(o, ' ', s->width - n);
	for (int i = 0; i < n; i++)
		emit(o, str[i]);
	if (s->left)
		emit_fill(o, ' ', s->width - n);
}

/* Read flags, width and precision at *fmt into s; advance *fmt past them. */
static void parse_spec(const char **fmt, struct spec *s, va_list *ap)
{
	const char *f = *fmt;
	*s = (struct spec){ .width = 0, .prec = -1 };
	for (;; f++) {
		if (*f == '-')
			s->left = true;
		else if (*f == '0')
			s->zero = true;
		else
			break;
	}
	if (*f == '*') {
		s->width = va_arg(*ap, int);
		if (s->width < 0) {
			s->left = true;
			s->width = -s->width;
		}
		f++;
	}
	while (*f >= '0' && *f <= '9')
		s->width = s->width * 10 + (*f++ - '0');
	if (*f == '.') {
		f++;
		s->prec = 0;
		if (*f == '*') {
			s->prec = va_arg(*ap, int);
			f++;
		}
		while (*f >= '0' && *f <= '9')
			s->prec = s->prec * 10 + (*f++ - '0');
	}
	*fmt = f;
}

/* Read a length modifier at *fmt: 0 int, 1 long or size_t, 2 long long, -1 short, -2 char. */
static int parse_len(const char **fmt)
{
	const char *f = *fmt;
	int len = 0;
	if (f[0] == 'l' && f[1] == 'l')
		len = 2, f += 2;
	else if (f[0] == 'l' || f[0] == 'z')
		len = 1, f++;
	else if (f[0] == 'h' && f[1] == 'h')
		len = -2, f += 2;
	else if (f[0] == 'h')
		len = -1, f++;
	*fmt = f;
	return len;
}

/* Fetch a signed argument of length len. */
static int64_t arg_signed(va_list *ap, int len)
{
	if (len == 2)
		return va_arg(*ap, long long);
	if (len == 1)
		return va_arg(*ap, long);
	int v = va_arg(*ap, int);
	return len == -1 ? (short)v : len == -2 ? (signed char)v : v;
}

/* Fetch an unsigned argument of length len. */
static uint64_t arg_unsigned(va_list *ap, int len)
{
	if (len == 2)
		return va_arg(*ap, unsigned long long);
	if (len == 1)
		return va_arg(*ap, unsigned long);
	unsigned v = va_arg(*ap, unsigned);
	return len == -1 ? (unsigned short)v : len == -2 ? (unsigned char)v : v;
}

/* Emit one conversion c (the character after the spec) with its argument. */
static void convert(struct out *o, char c, int len, struct spec *s, va_list *ap)
{
	switch (c) {
	case 'd':
	case 'i': {
		int64_t v = arg_signed(ap, len);
		uint64_t mag = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
		emit_num(o, mag, 10, false, v < 0 ? "-" : "", s);
		break;
	}
	case 'u':
		emit_num(o, arg_unsigned(ap, len), 10, false, "", s);
		break;
	case 'x':
	case 'X':
		emit_num(o, arg_unsigned(ap, len), 16, c == 'X', "", s);
		break;
	case 'p':
		s->prec = 8;
		emit_num(o, (uintptr_t)va_arg(*ap, void *), 16, false, "0x", s);
		break;
	case 's':
		emit_str(o, va_arg(*ap, const char *), s);
		break;
	case 'c':
		emit_fill(o, ' ', s->left ? 0 : s->width - 1);
		emit(o, (char)va_arg(*ap, int));
		emit_fill(o, ' ', s->left ? s->width - 1 : 0);
		break;
	case '%':
		emit(o, '%');
		break;
	default: /* unknown: show it as written */
		emit(o, '%');
		if (c)
			emit(o, c);
	}
}

/* Format fmt with ap, passing each character to put(arg, c); return the count. */
int kformat(void (*put)(void *arg, char c), void *arg, const char *fmt,
	    va_list ap)
{
	struct out o = { put, arg, 0 };
	struct spec s;
	va_list aq;
	va_copy(aq, ap);
	while (*fmt) {
		if (*fmt != '%') {
			emit(&o, *fmt++);
			continue;
		}
		fmt++;
		parse_spec(&fmt, &s, &aq);
		int len = parse_len(&fmt);
		char c = *fmt;
		if (c)
			fmt++;
		convert(&o, c, len, &s, &aq);
	}
	va_end(aq);
	return o.n;
}

/* kformat's output function for the console (the lock is held). */
static void put_console(void *arg, char c)
{
	(void)arg;
	kputc_locked(c);
}

/* Print to the console as one piece; return the number of characters. */
int kvprintf(const char *fmt, va_list ap)
{
	kconsole_lock();
	int n = kformat(put_console, 0, fmt, ap);
	kconsole_unlock();
	return n;
}

/* Print to the console as one piece; return the number of characters. */
int kprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = kvprintf(fmt, ap);
	va_end(ap);
	return n;
}

/* A buffer that kformat fills, keeping room for the final NUL. */
struct sbuf {
	char *buf;
	size_t size, len;
};

/* kformat's output function for a buffer: store while there is room. */
static void put_buf(void *arg, char c)
{
	struct sbuf *b = arg;
	if (b->len + 1 < b->size)
		b->buf[b->len] = c;
	b->len++;
}

/* Format into buf (size bytes, always NUL-terminated if size > 0); return the full length. */
int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct sbuf b = { buf, size, 0 };
	int n = kformat(put_buf, &b, fmt, ap);
	if (size > 0)
		buf[b.len < size ? b.len : size - 1] = '\0';
	return n;
}

/* Format into buf like snprintf; return the length the whole output needs. */
int ksnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = kvsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
