# tests/cli/rules.mk - integration tests that drive build/minidisco's
# command line: `make test-cli` (and `make HB=build/san SAN=1 test-cli`).
#
# Every tests/cli/*.S except elf64.S becomes $(MB)/tests/cli/NAME.elf,
# linked with tests/cli/link.ld; elf64.S becomes an ELF64 image that the
# loader must refuse.  -no-pie: the cross gcc defaults to PIE (ET_DYN).

CLI_LDFLAGS := -no-pie -static -Wl,--build-id=none -Wl,-n
CLI_SRCS := $(filter-out tests/cli/elf64.S,$(wildcard tests/cli/*.S))
CLI_ELFS := $(CLI_SRCS:tests/cli/%.S=$(MB)/tests/cli/%.elf)
CLI_ELF64 := $(MB)/tests/cli/elf64.elf

$(MB)/tests/cli/%.elf: tests/cli/%.S tests/cli/link.ld | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(MIPS_CC) $(MIPS_ASFLAGS) $(CLI_LDFLAGS) -T tests/cli/link.ld -o $@ $<

$(CLI_ELF64): tests/cli/elf64.S | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(MIPS_CC) -march=r4000 -mabi=64 -EB -mno-abicalls -fno-pic -nostdlib \
		$(CLI_LDFLAGS) -Wl,-Ttext=0x80010000 -Wl,-e,_start -o $@ $<

# power42.S again, linked without a script: GNU ld then puts the kseg0
# virtual address in p_paddr, which the loader must mask to physical.
CLI_KSEG0 := $(MB)/tests/cli/kseg0-paddr.elf
$(CLI_KSEG0): tests/cli/power42.S | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(MIPS_CC) $(MIPS_ASFLAGS) $(CLI_LDFLAGS) -Wl,-Ttext=0x80010000 \
		-Wl,-e,_start -o $@ $<

.PHONY: test-cli
test-cli: $(HB)/minidisco $(CLI_ELFS) $(CLI_ELF64) $(CLI_KSEG0) \
		$(MB)/demo/hello.elf
	tests/cli/run.sh $(HB)/minidisco $(HB)/tests/cli $(MB)

MIPS_IMAGES += $(CLI_ELFS) $(CLI_ELF64) $(CLI_KSEG0)
TEST_TARGETS += test-cli
