# tests/gdb/rules.mk - the gdb remote stub against gdb-multiarch:
# `make test-gdb` (and `make HB=build/san SAN=1 test-gdb`).
#
# tests/gdb/prog.c and spin.c are klib programs built with -g into
# $(MB)/tests/gdb/; tests/gdb/run.sh starts build/minidisco with --gdb on
# a free port and drives gdb-multiarch in batch mode against it.

GDB_TEST_ELFS := $(MB)/tests/gdb/prog.elf $(MB)/tests/gdb/spin.elf

$(eval $(call klib_program,$(MB)/tests/gdb/prog.elf,tests/gdb/prog.c))
$(eval $(call klib_program,$(MB)/tests/gdb/spin.elf,tests/gdb/spin.c))
$(MB)/tests/gdb/prog.o $(MB)/tests/gdb/spin.o: KLIB_CC_FLAGS += -g

.PHONY: test-gdb
test-gdb: $(HB)/minidisco $(GDB_TEST_ELFS)
	tests/gdb/run.sh $(HB)/minidisco $(MB)/tests/gdb

TEST_TARGETS += test-gdb
