# tests/asm/rules.mk - self-checking MIPS test programs for the CPU.
#
# Every tests/asm/*.S (the FPU tests fpu_*.S included) becomes
# $(MB)/tests/asm/NAME.elf, linked with tests/asm/link.ld; `make test-asm`
# runs them all through $(HB)/minidisco with tests/asm/run.sh.

ASM_TEST_SRCS := $(sort $(wildcard tests/asm/*.S))
ASM_TEST_ELFS := $(ASM_TEST_SRCS:tests/asm/%.S=$(MB)/tests/asm/%.elf)
ASM_TEST_OBJS := $(ASM_TEST_SRCS:tests/asm/%.S=$(MB)/tests/asm/%.o)

# Assembler warnings (e.g. a macro quietly using $at) are errors here.
ASM_TEST_FLAGS := $(MIPS_ASFLAGS) -Wa,--fatal-warnings -MMD -MP

$(MB)/tests/asm/%.o: tests/asm/%.S | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(MIPS_CC) $(ASM_TEST_FLAGS) -c $< -o $@

$(MB)/tests/asm/%.elf: $(MB)/tests/asm/%.o tests/asm/link.ld
	$(CROSS)ld -EB -T tests/asm/link.ld -o $@ $<

# Keep the objects: their .d files track the harness headers.
.SECONDARY: $(ASM_TEST_OBJS)

MIPS_IMAGES += $(ASM_TEST_ELFS)

.PHONY: test-asm
test-asm: $(HB)/minidisco $(ASM_TEST_ELFS)
	@tests/asm/run.sh $(HB)/minidisco $(ASM_TEST_ELFS)

TEST_TARGETS += test-asm

-include $(ASM_TEST_OBJS:.o=.d)
