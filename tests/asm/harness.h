/*
 * harness.h - runtime and macros for the self-checking MIPS test programs.
 *
 * A test is one preprocessed assembly file, tests/asm/NAME.S:
 *
 *	#include "tests/asm/harness.h"
 *	TEST_MAIN
 *		li	$t0, 2
 *		addiu	$t1, $t0, 3
 *		CHECK_EQ $t1, 5, 10
 *		PASS
 *
 * Including this header emits the whole runtime into the program: _start,
 * the exception vectors (RAM and boot PROM), the exception-recording
 * handler, console output and the pass/fail exits.  Code after TEST_MAIN
 * runs in kernel mode with Status = 0 (ERL=EXL=BEV=0, IE=0, KSU=kernel,
 * CU0=CU1=0, 32-bit addressing), every TLB entry invalid, Wired = 0, a stack
 * in $sp and the assembler in `.set noreorder` and `.set gp=64` (so ld/sd
 * and dli are real 64-bit instructions; fill every delay slot yourself).
 *
 * Registers: $k0 and $k1 belong to the harness (the exception handler and
 * the CHECK macros overwrite them); $at is used by the macros.  Every other
 * register survives checks and exceptions unchanged.
 *
 * Address map (tests/asm/link.ld):
 *
 *   virtual      physical     what
 *   0x80000000   0x00000000   TLB refill vector          (harness stub)
 *   0x80000080   0x00000080   XTLB refill vector         (harness stub)
 *   0x80000100   0x00000100   cache error vector         (harness stub)
 *   0x80000180   0x00000180   general exception vector   (harness stub)
 *   0x80001000   0x00001000   .text .rodata .data .bss of the test
 *   0x80100000   0x00100000   user window: .user.text/.user.data (128 KB)
 *   0xBFC00200   0x1FC00200   BEV=1 refill / 0x280 XTLB / 0x300 cache err /
 *   0xBFC00380   0x1FC00380   BEV=1 general (boot PROM, loaded from the ELF)
 *
 * The user window holds code and data for user and supervisor mode.  It is
 * linked at kseg0 addresses (so kernel code reads its results with `la`);
 * UVA(label) is the same byte's address through the TLB mapping that
 * MAP_USER installs (virtual 0x00100000 -> physical 0x00100000).
 *
 * Failure output: "FAIL check N: got 0x..., want 0x..." (or "... reached")
 * on the console, then power off with status N.  Check ids are 5..255, so
 * they never collide with the emulator's own exit statuses 2 (usage),
 * 3 (--max-insns ran out) and 4 (fatal machine condition).
 *
 * Build-time knobs (cpp): HARNESS_CONSOLE / HARNESS_POWER move the two
 * devices, HARNESS_SAY_PASS prints "PASS", HARNESS_SAY_EXIT prints
 * "EXIT n" before powering off (for running the programs elsewhere).
 *
 * Facts about the R4000 are from the MIPS R4000 Microprocessor User's
 * Manual, 2nd edition (Heinrich, 1994), cited as "UM" with chapter/section.
 */
#ifndef TESTS_ASM_HARNESS_H
#define TESTS_ASM_HARNESS_H

/* Bare-metal devices (kseg1 views of physical 0x1F000000 / 0x1F000010). */
#ifndef HARNESS_CONSOLE
#define HARNESS_CONSOLE 0xBF000000
#endif
#ifndef HARNESS_POWER
#define HARNESS_POWER 0xBF000010
#endif

/* CP0 registers (UM ch. 4 and 5, Table 4-2 / 5-1). */
#define C0_INDEX	$0
#define C0_RANDOM	$1
#define C0_ENTRYLO0	$2
#define C0_ENTRYLO1	$3
#define C0_CONTEXT	$4
#define C0_PAGEMASK	$5
#define C0_WIRED	$6
#define C0_BADVADDR	$8
#define C0_COUNT	$9
#define C0_ENTRYHI	$10
#define C0_COMPARE	$11
#define C0_STATUS	$12
#define C0_CAUSE	$13
#define C0_EPC		$14
#define C0_PRID		$15
#define C0_CONFIG	$16
#define C0_LLADDR	$17
#define C0_WATCHLO	$18
#define C0_WATCHHI	$19
#define C0_XCONTEXT	$20
#define C0_ECC		$26
#define C0_CACHEERR	$27
#define C0_TAGLO	$28
#define C0_TAGHI	$29
#define C0_ERROREPC	$30

/* Status register (UM 5.2, Figure 5-8). */
#define ST_IE		0x00000001
#define ST_EXL		0x00000002
#define ST_ERL		0x00000004
#define ST_KSU_SUPER	0x00000008
#define ST_KSU_USER	0x00000010
#define ST_KSU_MASK	0x00000018
#define ST_UX		0x00000020
#define ST_SX		0x00000040
#define ST_KX		0x00000080
#define ST_IM(n)	(0x100 << (n))
#define ST_DE		0x00010000
#define ST_BEV		0x00400000
#define ST_RE		0x02000000
#define ST_FR		0x04000000
#define ST_CU0		0x10000000
#define ST_CU1		0x20000000
#define ST_CU2		0x40000000

/* Cause register (UM 5.2, Figure 5-10). */
#define CAUSE_BD	0x80000000
#define CAUSE_CE_MASK	0x30000000
#define CAUSE_CE(n)	((n) << 28)
#define CAUSE_IP(n)	(0x100 << (n))
#define CAUSE_EXC_MASK	0x0000007c

/* ExcCode values (UM 5.2, Table 5-4). */
#define EXC_INT		0
#define EXC_MOD		1
#define EXC_TLBL	2
#define EXC_TLBS	3
#define EXC_ADEL	4
#define EXC_ADES	5
#define EXC_IBE		6
#define EXC_DBE		7
#define EXC_SYS		8
#define EXC_BP		9
#define EXC_RI		10
#define EXC_CPU		11
#define EXC_OV		12
#define EXC_TR		13
#define EXC_FPE		15
#define EXC_WATCH	23

/* Exception vectors (UM 5.3, Table 5-3), as recorded in REC_VEC. */
#define VEC_REFILL	0x80000000
#define VEC_XREFILL	0x80000080
#define VEC_CACHEERR	0xA0000100
#define VEC_GENERAL	0x80000180
#define VEC_BEV_REFILL	0xBFC00200
#define VEC_BEV_XREFILL	0xBFC00280
#define VEC_BEV_CACHEERR 0xBFC00300
#define VEC_BEV_GENERAL	0xBFC00380

/* TLB entry fields (UM 4.3: EntryLo Figure 4-9, PageMask Table 4-5). */
#define ENTRYLO(pa, c, d, v, g) \
	((((pa) >> 12) << 6) | ((c) << 3) | ((d) << 2) | ((v) << 1) | (g))
#define PM_4K		0x00000000
#define PM_16K		0x00006000
#define PM_64K		0x0001E000
#define PM_256K		0x0007E000
#define PM_1M		0x001FE000
#define PM_4M		0x007FE000
#define PM_16M		0x01FFE000
#define TLB_ENTRIES	48

/* The exception record: what the handler saw on the last exception. */
#define REC_VEC		0	/* vector address that was entered */
#define REC_CAUSE	4
#define REC_EPC		8
#define REC_BADVADDR	12
#define REC_CONTEXT	16
#define REC_ENTRYHI	20
#define REC_STATUS	24	/* Status on entry (EXL/ERL as set by the CPU) */
#define REC_ERROREPC	28
#define REC_COUNT	32	/* exceptions taken since the last clear */
#define REC_CONT	36	/* one-shot continuation address, 0 = none */
#define REC_SKIP	40	/* exceptions to pass before REC_CONT applies */
#define REC_SIZE	64

/* User window: kseg0 link address, physical address, user virtual address. */
#define USER_KSEG0	0x80100000
#define USER_PHYS	0x00100000
#define USER_VA		0x00100000
#define USER_TLB_INDEX	0
#define UVA(x)		((x)-0x80000000)

/* ------------------------------------------------------------------ */
/* Macros for tests.                                                   */
/* ------------------------------------------------------------------ */

	.set	noreorder
	.set	gp=64

/* Refuse check ids outside 5..255 at assembly time. */
	.macro	HARNESS_ID id
	.if	((\id) < 5) || ((\id) > 255)
	.error	"check id must be in 5..255"
	.endif
	.endm

/*
 * Refuse a symbol where a constant is expected (li of a symbol silently
 * keeps only its low half): .if needs an absolute expression.
 */
	.macro	HARNESS_CONST val
	.if	(\val) | 0
	.endif
	.endm

/* Start of the test body; the harness jumps here after initialisation. */
	.macro	TEST_MAIN
	.text
	.globl	test_main
	.type	test_main, @function
test_main:
	.endm

/* Power off with status 0. */
	.macro	PASS
	j	harness_pass
	nop
	.endm

/* Print "FAIL check id: reached" and power off with status id. */
	.macro	FAIL id
	HARNESS_ID \id
	.set	push
	.set	noat
	li	$at, \id
	j	harness_fail_reached
	nop
	.set	pop
	.endm

/* Print a string on the console (clobbers $ra, $at, $k0, $k1). */
	.macro	PUTS str
	.pushsection .rodata
.Lputs\@:
	.asciz	"\str"
	.popsection
	la	$k0, .Lputs\@
	jal	harness_puts
	nop
	.endm

/* Common failure path: actual value in reg, expected in $at. */
	.macro	HARNESS_FAIL_AT reg, id
	or	$k0, \reg, $zero
	or	$k1, $at, $zero
	li	$at, \id
	j	harness_fail_check
	nop
	.endm

/* Fail check id unless reg equals the (sign-extended 32-bit) constant. */
	.macro	CHECK_EQ reg, imm, id
	HARNESS_ID \id
	HARNESS_CONST \imm
	.set	push
	.set	noat
	li	$at, \imm
	beq	\reg, $at, .Lck\@
	nop
	HARNESS_FAIL_AT \reg, \id
.Lck\@:
	.set	pop
	.endm

/* Fail check id unless reg equals the 64-bit constant. */
	.macro	CHECK_EQ64 reg, imm, id
	HARNESS_ID \id
	.set	push
	.set	noat
	dli	$at, \imm
	beq	\reg, $at, .Lck\@
	nop
	HARNESS_FAIL_AT \reg, \id
.Lck\@:
	.set	pop
	.endm

/* Fail check id unless reg equals the address of sym (la, sign-extended). */
	.macro	CHECK_ADDR reg, sym, id
	HARNESS_ID \id
	.set	push
	.set	noat
	la	$at, \sym
	beq	\reg, $at, .Lck\@
	nop
	HARNESS_FAIL_AT \reg, \id
.Lck\@:
	.set	pop
	.endm

/* Fail check id unless reg1 == reg2 (all 64 bits). */
	.macro	CHECK_EQR reg1, reg2, id
	HARNESS_ID \id
	.set	push
	.set	noat
	beq	\reg1, \reg2, .Lck\@
	nop
	or	$at, \reg2, $zero
	HARNESS_FAIL_AT \reg1, \id
.Lck\@:
	.set	pop
	.endm

/* Fail check id if reg equals the constant. */
	.macro	CHECK_NE reg, imm, id
	HARNESS_ID \id
	HARNESS_CONST \imm
	.set	push
	.set	noat
	li	$at, \imm
	bne	\reg, $at, .Lck\@
	nop
	HARNESS_FAIL_AT \reg, \id
.Lck\@:
	.set	pop
	.endm

/* Fail check id unless (reg & mask) == value (constants sign-extended). */
	.macro	CHECK_BITS reg, mask, value, id
	HARNESS_ID \id
	HARNESS_CONST \mask
	HARNESS_CONST \value
	.set	push
	.set	noat
	li	$at, \mask
	and	$k0, \reg, $at
	li	$at, \value
	beq	$k0, $at, .Lck\@
	nop
	HARNESS_FAIL_AT $k0, \id
.Lck\@:
	.set	pop
	.endm

/* Fail check id unless lo <= reg <= hi (signed 64-bit compare). */
	.macro	CHECK_RANGE reg, lo, hi, id
	HARNESS_ID \id
	HARNESS_CONST \lo
	HARNESS_CONST \hi
	.set	push
	.set	noat
	li	$at, \lo
	slt	$k0, \reg, $at
	bne	$k0, $zero, .Lbad\@
	nop
	li	$at, \hi
	slt	$k0, $at, \reg
	beq	$k0, $zero, .Lck\@
	nop
.Lbad\@:
	HARNESS_FAIL_AT \reg, \id
.Lck\@:
	.set	pop
	.endm

/* Load a 32-bit field of the exception record into reg (sign-extended). */
	.macro	REC_LOAD reg, field
	lui	\reg, %hi(harness_rec + \field)
	lw	\reg, %lo(harness_rec + \field)(\reg)
	.endm

/* Check a record field against a constant. */
	.macro	CHECK_REC field, imm, id
	REC_LOAD $k1, \field
	CHECK_EQ $k1, \imm, \id
	.endm

/* Check a record field against a register. */
	.macro	CHECK_RECR field, reg, id
	REC_LOAD $k1, \field
	CHECK_EQR $k1, \reg, \id
	.endm

/* Check a record field against the address of sym. */
	.macro	CHECK_REC_ADDR field, sym, id
	REC_LOAD $k1, \field
	CHECK_ADDR $k1, \sym, \id
	.endm

/* Check that exactly one exception was taken and that it had ExcCode code. */
	.macro	CHECK_EXC code, id
	REC_LOAD $k1, REC_COUNT
	CHECK_EQ $k1, 1, \id
	REC_LOAD $k1, REC_CAUSE
	andi	$k1, $k1, CAUSE_EXC_MASK
	CHECK_EQ $k1, ((\code) << 2), \id
	.endm

/* Check the recorded Cause's BD, CE and ExcCode fields (not IP). */
	.macro	CHECK_CAUSE value, id
	REC_LOAD $k1, REC_CAUSE
	CHECK_BITS $k1, CAUSE_BD | CAUSE_CE_MASK | CAUSE_EXC_MASK, \value, \id
	.endm

/* Check that no exception was taken since the last EXC_CLEAR/EXC_EXPECT. */
	.macro	CHECK_NOEXC id
	REC_LOAD $k1, REC_COUNT
	CHECK_EQ $k1, 0, \id
	.endm

/* Forget earlier exceptions; the next one resumes at EPC+4 (Int: at EPC). */
	.macro	EXC_CLEAR
	la	$k1, harness_rec
	sw	$zero, REC_VEC($k1)
	sw	$zero, REC_CAUSE($k1)
	sw	$zero, REC_EPC($k1)
	sw	$zero, REC_BADVADDR($k1)
	sw	$zero, REC_COUNT($k1)
	sw	$zero, REC_CONT($k1)
	sw	$zero, REC_SKIP($k1)
	.endm

/*
 * Forget earlier exceptions; the next exception resumes at label in kernel
 * mode (KSU=0, EXL=ERL=0), and later ones at EPC+4 again.
 */
	.macro	EXC_EXPECT label
	EXC_CLEAR
	la	$k0, \label
	sw	$k0, REC_CONT($k1)
	.endm

/* Like EXC_EXPECT, but the first n-1 exceptions resume at EPC+4 (or EPC). */
	.macro	EXC_EXPECT_NTH label, n
	EXC_EXPECT \label
	li	$k0, (\n) - 1
	sw	$k0, REC_SKIP($k1)
	.endm

/*
 * Enter mode ksu (ST_KSU_USER / ST_KSU_SUPER / 0) at address addr with ERET:
 * EPC = addr, EXL = 1 and ERL = 0 first, other Status bits kept.
 */
	.macro	ENTER_MODE ksu, addr
	la	$k0, \addr
	mtc0	$k0, C0_EPC
	mfc0	$k0, C0_STATUS
	ori	$k0, $k0, (ST_KSU_MASK | ST_EXL | ST_ERL)
	xori	$k0, $k0, (ST_KSU_MASK | ST_ERL) ^ (\ksu)
	mtc0	$k0, C0_STATUS
	nop
	nop
	eret
	nop
	.endm

	.macro	ENTER_USER addr
	ENTER_MODE ST_KSU_USER, \addr
	.endm

	.macro	ENTER_SUPER addr
	ENTER_MODE ST_KSU_SUPER, \addr
	.endm

/* Install the user window mapping in TLB entry USER_TLB_INDEX. */
	.macro	MAP_USER
	jal	harness_map_user
	nop
	.endm

/* Invalidate every TLB entry (unique kseg0 VPN2s, V=0) and set Wired = 0. */
	.macro	TLB_RESET
	jal	harness_tlb_reset
	nop
	.endm

/* Write TLB entry index from registers (EntryHi, EntryLo0/1, PageMask). */
	.macro	TLBWI_REGS index, hi, lo0, lo1, mask
	mtc0	\index, C0_INDEX
	mtc0	\hi, C0_ENTRYHI
	mtc0	\lo0, C0_ENTRYLO0
	mtc0	\lo1, C0_ENTRYLO1
	mtc0	\mask, C0_PAGEMASK
	nop
	tlbwi
	nop
	.endm

/* reg = physical address of the kseg0/kseg1 address in reg. */
	.macro	PHYS reg
	sll	\reg, \reg, 3
	srl	\reg, \reg, 3
	.endm

/* dst = EntryLo image for the page at physical address pa (a register). */
	.macro	ENTRYLO_REG dst, pa, c, d, v, g
	srl	\dst, \pa, 6
	ori	\dst, \dst, ENTRYLO(0, \c, \d, \v, \g)
	.endm

/* Loop n+1 times, 2 instructions per iteration (n >= 0); clobbers reg. */
	.macro	DELAY reg, n
	li	\reg, \n
.Ldl\@:
	bne	\reg, $zero, .Ldl\@
	addiu	\reg, \reg, -1
	.endm

#include "tests/asm/harness_rt.h"

#endif
