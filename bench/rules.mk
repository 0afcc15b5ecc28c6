# bench/rules.mk - the compute benchmark and `make bench`.
#
# One program (bench/crt0.S + bench/bench.c, compiled once) is linked three
# times with bench/bench.ld, each time with a different platform file that
# supplies the console and power-off routines:
#
#   $(MB)/bench/bench-minidisco.elf   bench/plat_minidisco.c
#   $(MB)/bench/bench-qemu.elf        bench/plat_qemu.c    (qemu -M malta)
#   $(MB)/bench/bench-gxemul.elf      bench/plat_gxemul.c  (gxemul testmips)
#
# `make bench` runs the three with bench/run.sh and prints a table, then
# (once the monitor exists) bench/vmm.sh's virtualization overhead.
# BENCH_SCALE=N (default 8, about 1.22 billion instructions) resizes the
# workload, BENCH_RUNS=N (default 3) sets the runs per emulator, of which
# the fastest counts: `make bench BENCH_SCALE=1 BENCH_RUNS=1` is a quick
# run.  See docs/bench.md.

BENCH_MB     := $(MB)/bench
BENCH_PLATS  := minidisco qemu gxemul
BENCH_IMAGES := $(BENCH_PLATS:%=$(BENCH_MB)/bench-%.elf)
BENCH_OBJS   := $(BENCH_MB)/crt0.o $(BENCH_MB)/bench.o \
	$(BENCH_PLATS:%=$(BENCH_MB)/plat_%.o)
BENCH_SCALE  ?= 8
BENCH_RUNS   ?= 3
BENCH_LDFLAGS := -EB -z max-page-size=4096 --build-id=none -T bench/bench.ld

# The scale is baked into bench.o; remember it so a change rebuilds.
$(BENCH_MB)/scale.stamp: FORCE_BENCH_SCALE
	@mkdir -p $(@D)
	@echo $(BENCH_SCALE) | cmp -s - $@ || echo $(BENCH_SCALE) > $@
.PHONY: FORCE_BENCH_SCALE

$(BENCH_MB)/bench.o: bench/bench.c $(BENCH_MB)/scale.stamp | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(MIPS_CC) $(MIPS_CFLAGS) -DBENCH_SCALE=$(BENCH_SCALE) -MMD -MP -c $< -o $@

$(BENCH_MB)/plat_%.o: bench/plat_%.c | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(MIPS_CC) $(MIPS_CFLAGS) -MMD -MP -c $< -o $@

$(BENCH_MB)/crt0.o: bench/crt0.S | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(MIPS_CC) $(MIPS_ASFLAGS) -MMD -MP -c $< -o $@

# crt0 and the compute code first; the platform file goes to fixed
# addresses below them (bench.ld), so they are the same bytes in all three.
$(BENCH_MB)/bench-%.elf: $(BENCH_MB)/crt0.o $(BENCH_MB)/bench.o \
		$(BENCH_MB)/plat_%.o bench/bench.ld
	$(CROSS)ld $(BENCH_LDFLAGS) -o $@ $(filter %.o,$^)

.SECONDARY: $(BENCH_OBJS)

MIPS_IMAGES += $(BENCH_IMAGES)

# The multiprocessor benchmark (bench/smp.c, built with klib).
BENCH_SMP := $(MB)/bench/smp.elf
$(eval $(call klib_program,$(BENCH_SMP),bench/smp.c))

bench: all $(BENCH_IMAGES) $(BENCH_SMP)
	@OBJCOPY=$(CROSS)objcopy BENCH_RUNS=$(BENCH_RUNS) \
		bench/run.sh $(HB)/minidisco $(BENCH_MB)
	@if [ -f vmm/main.c ] && [ -f guestos/hal/disco/kernel.ld ]; then \
		echo; $(MAKE) --no-print-directory HB=$(HB) MB=$(MB) bench-vmm; fi

# The cost of virtualization: the monitor against the native guest
# (bench/vmm.sh; `make bench-vmm` runs only this part).
.PHONY: bench-vmm
bench-vmm: all
	@bench/vmm.sh $(HB)/minidisco $(VMM_ELF) $(GOS_DKERNEL) $(GOS_KERNEL) \
		$(GOS_MKFS) $(MB) $(HB) $(BENCH_MB)/vmm

-include $(BENCH_OBJS:.o=.d)

