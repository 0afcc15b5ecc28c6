/*
 * crt0.S - start-up code of the bare-metal benchmark.
 *
 * Entered at _start in kernel mode from kseg0 (minidisco's loader, qemu's
 * Malta boot stub and gxemul's testmips loader all jump to the ELF entry).
 * Sets the stack, clears .bss, calls main and powers off with its result.
 * Nothing here depends on the platform; plat_poweroff does.
 */
	.set	noreorder
	.text
	.globl	_start
	.ent	_start
_start:
	la	$sp, __stack_top
	la	$t0, __bss_start
	la	$t1, __bss_end
1:	beq	$t0, $t1, 2f
	nop
	sw	$zero, 0($t0)
	b	1b
	addiu	$t0, $t0, 4
2:	jal	main
	addiu	$sp, $sp, -16		/* o32: room for the callee's a0-a3 */
	jal	plat_poweroff
	move	$a0, $v0
3:	b	3b
	nop
	.end	_start
