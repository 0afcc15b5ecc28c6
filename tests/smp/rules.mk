# tests/smp/rules.mk - bare-metal SMP test programs and the interrupt
# controller's unit tests: `make test-smp`.
#
# Every tests/smp/*.c except smp_lib.c and test_*.c is one MIPS program,
# $(MB)/tests/smp/NAME.elf = crt0.S + smp_lib.c + NAME.c, linked with
# tests/smp/link.ld.  tests/smp/run.sh runs each on the machines it needs
# (8 and 32 CPUs, presets, modules) and tests/smp/determinism.sh checks
# that two runs write identical output and --stats.  test_intc.c is a
# criterion test of devices/intc.c alone, with its own runner (the shared
# tests/unit runner links only the CPU objects).

SMP_PROGS := $(filter-out smp_lib test_%,$(basename $(notdir \
	$(wildcard tests/smp/*.c))))
SMP_ELFS  := $(SMP_PROGS:%=$(MB)/tests/smp/%.elf)
SMP_LIB   := $(MB)/tests/smp/crt0.o $(MB)/tests/smp/smp_lib.o
SMP_CFLAGS := $(MIPS_CFLAGS) -MMD -MP

$(MB)/tests/smp/%.o: tests/smp/%.c | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(MIPS_CC) $(SMP_CFLAGS) -c $< -o $@

$(MB)/tests/smp/crt0.o: tests/smp/crt0.S | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(MIPS_CC) $(MIPS_ASFLAGS) -MMD -MP -c $< -o $@

$(MB)/tests/smp/%.elf: $(MB)/tests/smp/%.o $(SMP_LIB) tests/smp/link.ld
	$(CROSS)ld -EB -T tests/smp/link.ld -o $@ $(SMP_LIB) $<

.SECONDARY: $(SMP_PROGS:%=$(MB)/tests/smp/%.o) $(SMP_LIB)

SMP_UNIT := $(HB)/tests/smp/test_intc
$(SMP_UNIT): $(HB)/tests/smp/test_intc.o $(HB)/devices/intc.o
	$(CC) $(HOST_LDFLAGS) -o $@ $^ -lcriterion

MIPS_IMAGES += $(SMP_ELFS)

.PHONY: test-smp
test-smp: $(HB)/minidisco $(SMP_ELFS) $(SMP_UNIT)
	$(SMP_UNIT) --jobs 2
	tests/smp/run.sh $(HB)/minidisco $(HB)/tests/smp $(MB)/tests/smp
	tests/smp/determinism.sh $(HB)/minidisco $(HB)/tests/smp \
		$(MB)/tests/smp

TEST_TARGETS += test-smp
-include $(SMP_PROGS:%=$(MB)/tests/smp/%.d) $(MB)/tests/smp/smp_lib.d \
	$(MB)/tests/smp/crt0.d $(HB)/tests/smp/test_intc.d
