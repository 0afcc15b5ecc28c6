/*
 * bench.c - minidisco's compute-bound benchmark, bare metal, big-endian MIPS.
 *
 * Three integer workloads, each sized by BENCH_SCALE (a compile-time
 * constant; the default, 8, makes the whole run about 1.22 billion
 * instructions):
 *
 *   checksum  fill a buffer from a xorshift32 generator (word stores), then
 *             CRC-32 (table driven, byte loads) and Adler-32 over it;
 *   sort      fill an array with pseudo-random words and sort it, alternately
 *             with a recursive quicksort and with heapsort, check the order
 *             and fold the sorted array into a hash;
 *   interp    a small register bytecode machine (switch dispatch, a VM call
 *             stack, VM memory) running a loop that draws numbers from an
 *             LCG and counts their Collatz steps into a histogram.
 *
 * Each part prints a 32-bit checksum and a combined one, in hex, so that the
 * runs on minidisco, qemu and gxemul can be compared; a part that finds its
 * own result wrong (an unsorted array, a bad VM opcode) powers off with 1.
 * Output and power-off go through plat.h, nothing else touches a device.
 */
#include <stdint.h>

#include "bench/plat.h"

#ifndef BENCH_SCALE
#define BENCH_SCALE 8
#endif

/*
 * One unit of BENCH_SCALE is about 150 million instructions, split evenly
 * between the parts (about 290 thousand per checksum round, 930 thousand
 * per sort round and 18.5 thousand per VM loop).
 */
#define CK_BYTES 16384                 /* checksum buffer */
#define CK_ROUNDS (175 * BENCH_SCALE)  /* buffers filled and summed */
#define SORT_N 4096                    /* words per sort */
#define SORT_ROUNDS (56 * BENCH_SCALE) /* arrays sorted */
#define VM_ITERS (2800 * BENCH_SCALE)  /* outer loops of the VM program */

#define VM_NREGS 16
#define VM_MEMW 64
#define VM_STACK 16

/* --- console --- */

/* Print a NUL-terminated string. */
static void put_str(const char *s)
{
	while (*s)
		plat_putc(*s++);
}

/* Print v as 0x followed by 8 hex digits. */
static void put_hex(uint32_t v)
{
	put_str("0x");
	for (int sh = 28; sh >= 0; sh -= 4)
		plat_putc("0123456789abcdef"[(v >> sh) & 15]);
}

/* Print one "name 0x........" result line. */
static void put_result(const char *name, uint32_t v)
{
	put_str(name);
	plat_putc(' ');
	put_hex(v);
	plat_putc('\n');
}

/* --- shared helpers --- */

/* Advance a xorshift32 generator (Marsaglia 2003, shifts 13/17/5). */
static uint32_t rng_next(uint32_t *s)
{
	uint32_t x = *s;

	x ^= x << 13;
	x ^= x >> 17;
	x ^= x << 5;
	*s = x;
	return x;
}

/* Fold value v into running hash h. */
static uint32_t hash_mix(uint32_t h, uint32_t v)
{
	h ^= v;
	h = (h << 7) | (h >> 25);
	return h * 0x9E3779B1u;
}

/* --- part 1: CRC-32 and Adler-32 --- */

/* Fill the CRC-32 table for the reflected polynomial 0xEDB88320. */
static void crc_table_init(uint32_t *t)
{
	for (uint32_t i = 0; i < 256; i++) {
		uint32_t c = i;
		for (int k = 0; k < 8; k++)
			c = (c & 1) ? (c >> 1) ^ 0xEDB88320u : c >> 1;
		t[i] = c;
	}
}

/* CRC-32 (as in zlib and PNG) of n bytes at p. */
static uint32_t crc32(const uint32_t *t, const uint8_t *p, uint32_t n)
{
	uint32_t c = 0xFFFFFFFFu;

	for (uint32_t i = 0; i < n; i++)
		c = t[(c ^ p[i]) & 0xFF] ^ (c >> 8);
	return ~c;
}

/* Adler-32 (RFC 1950) of n bytes at p, reducing every 5552 bytes. */
static uint32_t adler32(const uint8_t *p, uint32_t n)
{
	uint32_t a = 1, b = 0;

	while (n > 0) {
		uint32_t chunk = n < 5552 ? n : 5552;
		n -= chunk;
		while (chunk--) {
			a += *p++;
			b += a;
		}
		a %= 65521;
		b %= 65521;
	}
	return (b << 16) | a;
}

/* Fill n bytes (a multiple of 4) at p with generator output. */
static void fill_words(uint8_t *p, uint32_t n, uint32_t *seed)
{
	uint32_t *w = (uint32_t *)p;

	for (uint32_t i = 0; i < n / 4; i++)
		w[i] = rng_next(seed);
}

/* Run the checksum part and return its checksum. */
static uint32_t part_checksum(void)
{
	static uint32_t table[256];
	static uint8_t buf[CK_BYTES] __attribute__((aligned(4)));
	uint32_t seed = 0x12345678u, h = 0;

	crc_table_init(table);
	for (int r = 0; r < CK_ROUNDS; r++) {
		fill_words(buf, CK_BYTES, &seed);
		h = hash_mix(h, crc32(table, buf, CK_BYTES));
		h = hash_mix(h, adler32(buf, CK_BYTES));
	}
	return h;
}

/* --- part 2: quicksort and heapsort --- */

/* Sort a[lo..hi] in place by insertion (short ranges). */
static void insertion_sort(uint32_t *a, int lo, int hi)
{
	for (int i = lo + 1; i <= hi; i++) {
		uint32_t v = a[i];
		int j = i - 1;
		while (j >= lo && a[j] > v) {
			a[j + 1] = a[j];
			j--;
		}
		a[j + 1] = v;
	}
}

/* Swap a[i] and a[j]. */
static void swap_words(uint32_t *a, int i, int j)
{
	uint32_t t = a[i];

	a[i] = a[j];
	a[j] = t;
}

/* Sort a[lo..hi] by recursive quicksort, median-of-three pivot. */
static void __attribute__((noinline)) quick_sort(uint32_t *a, int lo, int hi)
{
	while (hi - lo > 12) {
		int mid = lo + (hi - lo) / 2;
		if (a[mid] < a[lo])
			swap_words(a, mid, lo);
		if (a[hi] < a[lo])
			swap_words(a, hi, lo);
		if (a[hi] < a[mid])
			swap_words(a, hi, mid);
		uint32_t pivot = a[mid];
		int i = lo, j = hi;
		while (i <= j) {
			while (a[i] < pivot)
				i++;
			while (a[j] > pivot)
				j--;
			if (i <= j)
				swap_words(a, i++, j--);
		}
		/* Recurse into the smaller side, loop on the larger one. */
		if (j - lo < hi - i) {
			quick_sort(a, lo, j);
			lo = i;
		} else {
			quick_sort(a, i, hi);
			hi = j;
		}
	}
	insertion_sort(a, lo, hi);
}

/* Move a[i] down the max-heap a[0..n-1] to its place. */
static void __attribute__((noinline)) sift_down(uint32_t *a, int i, int n)
{
	uint32_t v = a[i];

	for (;;) {
		int c = 2 * i + 1;
		if (c >= n)
			break;
		if (c + 1 < n && a[c + 1] > a[c])
			c++;
		if (a[c] <= v)
			break;
		a[i] = a[c];
		i = c;
	}
	a[i] = v;
}

/* Sort a[0..n-1] by heapsort. */
static void heap_sort(uint32_t *a, int n)
{
	for (int i = n / 2 - 1; i >= 0; i--)
		sift_down(a, i, n);
	for (int end = n - 1; end > 0; end--) {
		swap_words(a, 0, end);
		sift_down(a, 0, end);
	}
}

/* Hash a sorted array; power off with 1 if it is not in order. */
static uint32_t sorted_hash(const uint32_t *a, int n, uint32_t h)
{
	for (int i = 0; i < n; i++) {
		if (i > 0 && a[i - 1] > a[i]) {
			put_str("sort: array out of order\n");
			plat_poweroff(1);
		}
		h = hash_mix(h, a[i] + (uint32_t)i);
	}
	return h;
}

/* Run the sort part and return its checksum. */
static uint32_t part_sort(void)
{
	static uint32_t a[SORT_N];
	uint32_t seed = 0x9E3779B9u, h = 0;

	for (int r = 0; r < SORT_ROUNDS; r++) {
		for (int i = 0; i < SORT_N; i++)
			a[i] = rng_next(&seed) >> (r & 7); /* some rounds repeat keys */
		if (r & 1)
			heap_sort(a, SORT_N);
		else
			quick_sort(a, 0, SORT_N - 1);
		h = sorted_hash(a, SORT_N, h);
	}
	return h;
}

/* --- part 3: bytecode interpreter --- */

/*
 * A VM instruction is one 32-bit word:
 *
 *   31      24 23      16 15       8 7        0
 *  +----------+----------+----------+----------+
 *  |    op    |    a     |    b     |    c     |   register form
 *  +----------+----------+----------+----------+
 *  |    op    |    a     |        imm16        |   immediate / target form
 *  +----------+----------+---------------------+
 *
 * Register numbers are taken modulo 16, memory addresses modulo 64 words and
 * branch targets are word indexes into the program.
 */
enum vm_op {
	VM_HALT, VM_LI, VM_LUI, VM_ORI, VM_ADD, VM_SUB, VM_MUL, VM_XOR,
	VM_AND, VM_ADDI, VM_ANDI, VM_SHRI, VM_SHLI, VM_LD, VM_ST, VM_BNZ,
	VM_BEQZ, VM_JMP, VM_CALL, VM_RET,
};

#define R3(op, a, b, c) (((uint32_t)(op) << 24) | ((a) << 16) | ((b) << 8) | \
			 ((c) & 0xFF))
#define RI(op, a, imm) (((uint32_t)(op) << 24) | ((a) << 16) | ((imm) & 0xFFFF))

/* Labels of the program below (word indexes). */
#define L_LOOP 7
#define L_END 19
#define L_COLLATZ 20
#define L_CLOOP 21
#define L_CEVEN 30
#define L_CDONE 33

/*
 * r0 counts iterations down, r1 is the rolling result, r2 the LCG state
 * (Numerical Recipes' a = 1664525, c = 1013904223), r3 the number whose
 * Collatz steps the subroutine counts into r4; r7 is scratch; mem[] is a
 * histogram of step counts modulo 64.
 */
static const uint32_t vm_program[] = {
	/* 0 */ RI(VM_LUI, 5, 0x0019), RI(VM_ORI, 5, 0x660D),
	/* 2 */ RI(VM_LUI, 6, 0x3C6E), RI(VM_ORI, 6, 0xF35F),
	/* 4 */ RI(VM_LI, 1, 0), RI(VM_LI, 2, 1), RI(VM_BEQZ, 0, L_END),
	/* 7 L_LOOP */
	R3(VM_MUL, 2, 2, 5), R3(VM_ADD, 2, 2, 6),
	R3(VM_SHRI, 3, 2, 20), R3(VM_ADDI, 3, 3, 1),
	RI(VM_CALL, 0, L_COLLATZ),
	R3(VM_LD, 7, 4, 0), R3(VM_ADDI, 7, 7, 1), R3(VM_ST, 7, 4, 0),
	R3(VM_ADD, 1, 1, 1), R3(VM_XOR, 1, 1, 4),
	R3(VM_ADDI, 0, 0, -1), RI(VM_BNZ, 0, L_LOOP),
	/* 19 L_END */ RI(VM_HALT, 0, 0),
	/* 20 L_COLLATZ */ RI(VM_LI, 4, 0),
	/* 21 L_CLOOP */
	R3(VM_ADDI, 7, 3, -1), RI(VM_BEQZ, 7, L_CDONE),
	R3(VM_ANDI, 7, 3, 1), RI(VM_BEQZ, 7, L_CEVEN),
	R3(VM_ADD, 7, 3, 3), R3(VM_ADD, 3, 3, 7), R3(VM_ADDI, 3, 3, 1),
	R3(VM_ADDI, 4, 4, 1), RI(VM_JMP, 0, L_CLOOP),
	/* 30 L_CEVEN */
	R3(VM_SHRI, 3, 3, 1), R3(VM_ADDI, 4, 4, 1), RI(VM_JMP, 0, L_CLOOP),
	/* 33 L_CDONE */ RI(VM_RET, 0, 0),
};

#define VM_PROG_LEN (sizeof(vm_program) / sizeof(vm_program[0]))
_Static_assert(VM_PROG_LEN == L_CDONE + 1, "vm_program labels are stale");

/* State of the bytecode machine. */
struct vm {
	uint32_t r[VM_NREGS];
	uint32_t mem[VM_MEMW];
	uint32_t stack[VM_STACK];
	uint32_t sp;
	uint32_t pc;
};

/* Stop the benchmark because the VM program went wrong. */
static void vm_fault(const char *why)
{
	put_str("interp: ");
	put_str(why);
	plat_putc('\n');
	plat_poweroff(1);
}

/* Run the VM from its pc until VM_HALT. */
static void __attribute__((noinline)) vm_run(struct vm *vm)
{
	for (;;) {
		if (vm->pc >= VM_PROG_LEN)
			vm_fault("pc out of range");
		uint32_t w = vm_program[vm->pc++];
		uint32_t *ra = &vm->r[(w >> 16) & 15];
		uint32_t rb = vm->r[(w >> 8) & 15];
		uint32_t rc = vm->r[w & 15];
		uint32_t imm = w & 0xFFFF, c8 = w & 0xFF;
		switch (w >> 24) {
		case VM_HALT: return;
		case VM_LI: *ra = (uint32_t)(int16_t)imm; break;
		case VM_LUI: *ra = imm << 16; break;
		case VM_ORI: *ra |= imm; break;
		case VM_ADD: *ra = rb + rc; break;
		case VM_SUB: *ra = rb - rc; break;
		case VM_MUL: *ra = rb * rc; break;
		case VM_XOR: *ra = rb ^ rc; break;
		case VM_AND: *ra = rb & rc; break;
		case VM_ADDI: *ra = rb + (uint32_t)(int8_t)c8; break;
		case VM_ANDI: *ra = rb & c8; break;
		case VM_SHRI: *ra = rb >> (c8 & 31); break;
		case VM_SHLI: *ra = rb << (c8 & 31); break;
		case VM_LD: *ra = vm->mem[rb % VM_MEMW]; break;
		case VM_ST: vm->mem[rb % VM_MEMW] = *ra; break;
		case VM_BNZ: if (*ra) vm->pc = imm; break;
		case VM_BEQZ: if (!*ra) vm->pc = imm; break;
		case VM_JMP: vm->pc = imm; break;
		case VM_CALL:
			if (vm->sp >= VM_STACK)
				vm_fault("call stack overflow");
			vm->stack[vm->sp++] = vm->pc;
			vm->pc = imm;
			break;
		case VM_RET:
			if (vm->sp == 0)
				vm_fault("call stack underflow");
			vm->pc = vm->stack[--vm->sp];
			break;
		default: vm_fault("bad opcode");
		}
	}
}

/* Run the interpreter part and return its checksum. */
static uint32_t part_interp(void)
{
	static struct vm vm;
	uint32_t h = 0;

	vm.r[0] = VM_ITERS;
	vm_run(&vm);
	h = hash_mix(h, vm.r[1]);
	h = hash_mix(h, vm.r[2]);
	for (int i = 0; i < VM_MEMW; i++)
		h = hash_mix(h, vm.mem[i]);
	return h;
}

/* Run the three parts, print their checksums and return 0. */
int main(void)
{
	uint32_t ck, so, in;

	put_str("minidisco bench, scale ");
	put_hex(BENCH_SCALE);
	plat_putc('\n');
	ck = part_checksum();
	put_result("checksum", ck);
	so = part_sort();
	put_result("sort", so);
	in = part_interp();
	put_result("interp", in);
	put_result("combined", hash_mix(hash_mix(hash_mix(0, ck), so), in));
	return 0;
}
