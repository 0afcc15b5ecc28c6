/*
 * halregs.h - the names both HALs' assembly uses: registers, CP0, Status
 * bits, and the offsets of the C structures that assembly reads (struct
 * trapframe in kernel/trapframe.h, struct cpu in kernel/proc.h; trap.c
 * checks them).  Included by native/halasm.h and disco/halasm.h.
 */
#ifndef GUESTOS_HALREGS_H
#define GUESTOS_HALREGS_H

/* CP0 registers (R4000 User's Manual, chapter 4). */
#define C0_INDEX    $0
#define C0_ENTRYLO0 $2
#define C0_ENTRYLO1 $3
#define C0_CONTEXT  $4
#define C0_BADVADDR $8
#define C0_COUNT    $9
#define C0_ENTRYHI  $10
#define C0_COMPARE  $11
#define C0_STATUS   $12
#define C0_CAUSE    $13
#define C0_EPC      $14

/*
 * Status bits the entry code uses:
 *   31  28        22               15      8      4 3   2   1   0
 *  +------+--....--+-----+--....--+---------+-...-+-----+---+---+---+
 *  |CU3..0|        | BEV |        | IM7..0  |     | KSU |ERL|EXL|IE |
 *  +------+--....--+-----+--....--+---------+-...-+-----+---+---+---+
 */
#define SR_IE      0x00000001
#define SR_EXL     0x00000002
#define SR_KSU     0x00000018
#define SR_USER    0x00000010
#define SR_CU1     0x20000000

/* Context = CPU number << 23 (PTEBase); BadVPN2 below it. */
#define CONTEXT_CPU_SHIFT 23

/* struct cpu: size 1 << CPU_SHIFT, first words read here. */
#define CPU_SHIFT  7
#define CPU_PGDIR  0
#define CPU_KSP    4

/* struct trapframe: r0..r31, then hi, lo and four CP0 registers. */
#define TF_REG(n)   ((n) * 4)
#define TF_HI       128
#define TF_LO       132
#define TF_STATUS   136
#define TF_CAUSE    140
#define TF_EPC      144
#define TF_BADVADDR 148
#define TF_SIZE     152
/* A trap's stack frame: 16 bytes of argument area, then the trapframe. */
#define TF_OFF      16
#define TRAPFRAME_BYTES (TF_OFF + TF_SIZE)

#ifdef __ASSEMBLER__
#define zero $0
#define AT   $1
#define v0   $2
#define v1   $3
#define a0   $4
#define a1   $5
#define a2   $6
#define a3   $7
#define t0   $8
#define t1   $9
#define t2   $10
#define t3   $11
#define t4   $12
#define t5   $13
#define t6   $14
#define t7   $15
#define s0   $16
#define s1   $17
#define s2   $18
#define s3   $19
#define s4   $20
#define s5   $21
#define s6   $22
#define s7   $23
#define t8   $24
#define t9   $25
#define k0   $26
#define k1   $27
#define gp   $28
#define sp   $29
#define fp   $30
#define ra   $31

/* Start a global function. */
#define LEAF(name) .globl name; .type name, @function; .ent name; name:
#define END(name)  .end name; .size name, . - name
#endif

#endif
