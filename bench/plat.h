/*
 * plat.h - what the benchmark needs from the machine it runs on.
 *
 * The compute code (bench.c) is the same object file in every build; only
 * the platform file linked with it changes: plat_minidisco.c,
 * plat_qemu.c (Malta) or plat_gxemul.c (testmips).  Each platform function
 * gets its own section, which bench.ld places at a fixed address below the
 * compute code, so every call from the compute code has the same target
 * and the compute code is the same bytes in every build (run.sh checks that
 * .text, .rodata and .data are byte-identical in the three images).
 */
#ifndef BENCH_PLAT_H
#define BENCH_PLAT_H

/* Put platform function `name` in its own section .plat.name. */
#define PLAT_FN(name) __attribute__((section(".plat." #name), noinline))

/* Write one byte to the console. */
void plat_putc(int ch);
/* Stop the machine; status 0 means success (where the machine can say so). */
void plat_poweroff(int status) __attribute__((noreturn));

#endif
