# tests/trace/rules.mk - tests of --trace, the trace-control register, the
# console's trace command and --check-tlb: `make test-trace` (and
# `make HB=build/san SAN=1 test-trace`).
#
# Every tests/trace/*.S becomes $(MB)/tests/trace/NAME.elf, linked with
# tests/trace/link.ld; tests/trace/run.sh runs them (see its header).
# `make trace-golden` rewrites tests/trace/golden.golden from the current
# emulator: check the difference by hand before keeping it.

TRACE_LDFLAGS := -no-pie -static -Wl,--build-id=none -Wl,-n
TRACE_SRCS := $(wildcard tests/trace/*.S)
TRACE_ELFS := $(TRACE_SRCS:tests/trace/%.S=$(MB)/tests/trace/%.elf)

$(MB)/tests/trace/%.elf: tests/trace/%.S tests/trace/link.ld | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(MIPS_CC) $(MIPS_ASFLAGS) -Wa,--fatal-warnings -MMD -MP \
		$(TRACE_LDFLAGS) -T tests/trace/link.ld -o $@ $<

.PHONY: test-trace trace-golden
test-trace: $(HB)/minidisco $(TRACE_ELFS)
	tests/trace/run.sh $(HB)/minidisco $(MB)/tests/trace $(HB)/tests/trace

trace-golden: $(HB)/minidisco $(TRACE_ELFS)
	$(HB)/minidisco --timing fast --kernel $(MB)/tests/trace/golden.elf \
		--trace exc,tlb,insn:tests/trace/golden.golden

MIPS_IMAGES += $(TRACE_ELFS)
TEST_TARGETS += test-trace
-include $(TRACE_ELFS:.elf=.d)
