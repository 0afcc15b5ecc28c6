/*
 * threadasm.S - the first code of a thread made by thread_create.
 *
 * sproc starts the thread at uthread_start with a0 = the thread block
 * (thread.c) and sp = the stack top.  The block's first two words are
 *
 *     +0  fn    the thread's function
 *     +4  arg   its argument
 *
 * uthread_start calls fn(arg) and then exit(0), so a thread that
 * returns ends cleanly instead of returning to nowhere.
 */
	.set	noreorder
	.text
	.globl	uthread_start
	.ent	uthread_start
uthread_start:
	addiu	$sp, $sp, -24
	move	$fp, $zero
	lw	$t9, 0($a0)
	jalr	$t9
	lw	$a0, 4($a0)
	jal	exit
	move	$a0, $zero
1:	b	1b
	nop
	.end	uthread_start
