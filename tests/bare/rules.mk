# tests/bare/rules.mk - bare-metal C tests of klib itself.
#
# Every tests/bare/NAME.c is one klib program, $(MB)/tests/bare/NAME.elf;
# `make test-bare` runs them all through $(HB)/minidisco with
# tests/bare/run.sh (NAME.expect files describe the programs that must
# fail, and the extra multi-CPU runs of smp).

BARE_SRCS := $(sort $(wildcard tests/bare/*.c))
BARE_ELFS := $(BARE_SRCS:tests/bare/%.c=$(MB)/tests/bare/%.elf)

$(foreach s,$(BARE_SRCS),$(eval $(call klib_program,$(s:tests/bare/%.c=$(MB)/tests/bare/%.elf),$(s))))

.PHONY: test-bare
test-bare: $(HB)/minidisco $(BARE_ELFS)
	@tests/bare/run.sh $(HB)/minidisco tests/bare $(BARE_ELFS)

TEST_TARGETS += test-bare
