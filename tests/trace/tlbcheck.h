/*
 * tlbcheck.h - the --check-tlb programs: each writes two TLB entries
 * (TLBW in trace.h, labels first_write and second_write), then powers off
 * with 0.  With --check-tlb, a pair that can match the same address
 * stops the machine at second_write instead (exit 4 and a report).
 */
#include "tests/trace/trace.h"

/* The program: Status = 0, then entry i1 = EntryHi hi1, EntryLo0 lo1,
 * PageMask m1, and entry i2 likewise; EntryLo1 is the G bit of EntryLo0
 * alone (G is the AND of both; the odd page stays invalid). */
	.macro	TLBPAIR i1, hi1, lo1, m1, i2, hi2, lo2, m2
	.set	noreorder
	.text
	.globl	_start
_start:
	mtc0	$zero, $12
	TLBW	\i1, \hi1, \lo1, (\lo1) & 1, \m1, first_write
	TLBW	\i2, \hi2, \lo2, (\lo2) & 1, \m2, second_write
	.globl	after
after:
	POWEROFF $zero
	.endm
