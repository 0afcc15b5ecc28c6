/*
 * printf.c - formatted output: one formatter (fmt_run) that hands each
 * character to a sink, and the printf family on top of it.  It knows
 * %d %i %u %x %X %o %p %s %c %f %%, the flags '-' and '0', a width and a
 * precision (either may be '*'), and the length modifiers l and ll.
 * printf and fprintf format into a buffer and write it with one call, so
 * that lines from several processes or threads do not interleave.
 */
#include "ulib.h"

/* Where formatted characters go: a bounded buffer, counting all of them. */
struct sink {
	char *buf;
	size_t size;    /* bytes of buf; one is kept for the final NUL */
	size_t len;     /* characters produced so far */
};

/* One conversion's flags, width and precision. */
struct spec {
	int left, zero; /* '-' and '0' flags */
	int width;      /* minimum field width */
	int prec;       /* precision, or -1 */
	int len;        /* 0 int, 1 long, 2 long long */
};

/* Add the character c to the sink, dropping it if the buffer is full. */
static void put(struct sink *s, char c)
{
	if (s->len + 1 < s->size)
		s->buf[s->len] = c;
	s->len++;
}

/* Add n copies of c. */
static void fill(struct sink *s, char c, int n)
{
	while (n-- > 0)
		put(s, c);
}

/* Add the n characters at str padded to the field width. */
static void field(struct sink *s, const char *str, int n, const struct spec *sp)
{
	int pad = sp->width > n ? sp->width - n : 0;
	if (!sp->left)
		fill(s, ' ', pad);
	for (int i = 0; i < n; i++)
		put(s, str[i]);
	if (sp->left)
		fill(s, ' ', pad);
}

/* Add a number: sign (or 0), digits of v in base, padded per the spec. */
static void number(struct sink *s, uint64_t v, int neg, unsigned base,
		   int upper, const struct spec *sp)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int n = 0;
	do {
		tmp[n++] = digits[v % base];
		v /= base;
	} while (v != 0);
	while (n < sp->prec && n < (int)sizeof(tmp))
		tmp[n++] = '0';
	int len = n + neg;
	int pad = sp->width > len ? sp->width - len : 0;
	if (!sp->left && !sp->zero)
		fill(s, ' ', pad);
	if (neg)
		put(s, '-');
	if (!sp->left && sp->zero)
		fill(s, '0', pad);
	while (n > 0)
		put(s, tmp[--n]);
	if (sp->left)
		fill(s, ' ', pad);
}

/*
 * Add a double in fixed notation with sp->prec digits (6 by default).
 * Only magnitudes below 2^32 are exact; larger ones print "big".
 */
static void fixed(struct sink *s, double d, struct spec *sp)
{
	int prec = sp->prec < 0 ? 6 : (sp->prec > 9 ? 9 : sp->prec);
	int neg = d < 0;
	if (neg)
		d = -d;
	double scale = 1;
	for (int i = 0; i < prec; i++)
		scale *= 10;
	if (d != d || d >= 4294967295.0) {
		field(s, d != d ? "nan" : "big", 3, sp);
		return;
	}
	uint32_t ip = (uint32_t)d;
	double frac = (d - ip) * scale + 0.5;
	uint32_t fp = (uint32_t)frac;
	if (fp >= (uint32_t)scale) {
		fp -= (uint32_t)scale;
		ip++;
	}
	char tmp[32];
	struct sink t = { tmp, sizeof(tmp), 0 };
	struct spec plain = { 0, 0, 0, -1, 0 };
	struct spec digits = { 0, 0, 0, prec, 0 };
	if (neg)
		put(&t, '-');
	number(&t, ip, 0, 10, 0, &plain);
	if (prec > 0) {
		put(&t, '.');
		number(&t, fp, 0, 10, 0, &digits);
	}
	field(s, tmp, (int)t.len, sp);
}

/* Fetch a signed integer argument of the spec's length. */
static int64_t arg_signed(va_list *ap, int len)
{
	if (len == 2)
		return va_arg(*ap, long long);
	if (len == 1)
		return va_arg(*ap, long);
	return va_arg(*ap, int);
}

/* Fetch an unsigned integer argument of the spec's length. */
static uint64_t arg_unsigned(va_list *ap, int len)
{
	if (len == 2)
		return va_arg(*ap, unsigned long long);
	if (len == 1)
		return va_arg(*ap, unsigned long);
	return va_arg(*ap, unsigned);
}

/* Read flags, width, precision and length after a '%'; advance *fmt. */
static void parse(const char **fmt, struct spec *sp, va_list *ap)
{
	const char *f = *fmt;
	*sp = (struct spec){ 0, 0, 0, -1, 0 };
	for (;; f++) {
		if (*f == '-')
			sp->left = 1;
		else if (*f == '0')
			sp->zero = 1;
		else
			break;
	}
	if (*f == '*') {
		sp->width = va_arg(*ap, int);
		f++;
	}
	while (*f >= '0' && *f <= '9')
		sp->width = sp->width * 10 + (*f++ - '0');
	if (*f == '.') {
		f++;
		sp->prec = 0;
		if (*f == '*') {
			sp->prec = va_arg(*ap, int);
			f++;
		}
		while (*f >= '0' && *f <= '9')
			sp->prec = sp->prec * 10 + (*f++ - '0');
	}
	while (*f == 'l' || *f == 'h' || *f == 'z') {
		if (*f == 'l')
			sp->len++;
		f++;
	}
	*fmt = f;
}

/* Carry out the conversion c with its spec. */
static void convert(struct sink *s, char c, struct spec *sp, va_list *ap)
{
	switch (c) {
	case 'd':
	case 'i': {
		int64_t v = arg_signed(ap, sp->len);
		number(s, v < 0 ? -(uint64_t)v : (uint64_t)v, v < 0, 10, 0, sp);
		break;
	}
	case 'u': number(s, arg_unsigned(ap, sp->len), 0, 10, 0, sp); break;
	case 'x': number(s, arg_unsigned(ap, sp->len), 0, 16, 0, sp); break;
	case 'X': number(s, arg_unsigned(ap, sp->len), 0, 16, 1, sp); break;
	case 'o': number(s, arg_unsigned(ap, sp->len), 0, 8, 0, sp); break;
	case 'p':
		put(s, '0');
		put(s, 'x');
		sp->zero = 1;
		sp->width = 8;
		number(s, (uintptr_t)va_arg(*ap, void *), 0, 16, 0, sp);
		break;
	case 'c': {
		char ch = (char)va_arg(*ap, int);
		field(s, &ch, 1, sp);
		break;
	}
	case 's': {
		const char *str = va_arg(*ap, const char *);
		if (!str)
			str = "(null)";
		int n = 0;
		while (str[n] && (sp->prec < 0 || n < sp->prec))
			n++;
		field(s, str, n, sp);
		break;
	}
	case 'f': fixed(s, va_arg(*ap, double), sp); break;
	case '%': put(s, '%'); break;
	default:
		put(s, '%');
		put(s, c);
	}
}

/* Format fmt with ap into the sink; the sink's len is the full length. */
static void fmt_run(struct sink *s, const char *fmt, va_list ap)
{
	va_list aq;
	va_copy(aq, ap);
	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			put(s, *fmt);
			continue;
		}
		fmt++;
		struct spec sp;
		parse(&fmt, &sp, &aq);
		if (!*fmt)
			break;
		convert(s, *fmt, &sp, &aq);
	}
	va_end(aq);
	if (s->size > 0)
		s->buf[s->len < s->size ? s->len : s->size - 1] = 0;
}

/* Format into buf (at most size bytes with the NUL); return the full length. */
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct sink s = { buf, size, 0 };
	fmt_run(&s, fmt, ap);
	return (int)s.len;
}

/* Format into buf, like C's snprintf. */
int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

/* Format and write to fd, in one write when it fits 512 bytes. */
int vfprintf(int fd, const char *fmt, va_list ap)
{
	char small[512];
	int n = vsnprintf(small, sizeof(small), fmt, ap);
	if (n < (int)sizeof(small))
		return writeall(fd, small, n);
	char *big = malloc(n + 1);
	if (!big)
		return writeall(fd, small, sizeof(small) - 1);
	vsnprintf(big, n + 1, fmt, ap);
	int r = writeall(fd, big, n);
	free(big);
	return r;
}

/* Format to file descriptor fd. */
int fprintf(int fd, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vfprintf(fd, fmt, ap);
	va_end(ap);
	return n;
}

/* Format to standard output (fd 1). */
int printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vfprintf(1, fmt, ap);
	va_end(ap);
	return n;
}
