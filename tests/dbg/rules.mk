# tests/dbg/rules.mk - tests of the debugger console: `make test-dbg`
# (and `make HB=build/san SAN=1 test-dbg`).
#
# Every tests/dbg/*.S becomes $(MB)/tests/dbg/NAME.elf, linked with
# tests/dbg/link.ld.  dbgdrv is a small host program that links the
# machine objects (all but main.o) with the console and runs commands
# through dbg_session_run, as `minidisco --batch -ex ...` does; run.sh
# drives build/minidisco when its --help lists -ex, and dbgdrv always.

DBG_LDFLAGS := -no-pie -static -Wl,--build-id=none -Wl,-n
DBG_SRCS := $(wildcard tests/dbg/*.S)
DBG_ELFS := $(DBG_SRCS:tests/dbg/%.S=$(MB)/tests/dbg/%.elf)
DBG_DRV := $(HB)/tests/dbg/dbgdrv
DBG_DRV_OBJS := $(HB)/tests/dbg/dbgdrv.o \
	$(filter-out $(HB)/machine/main.o,$(MACHINE_OBJS)) $(CPU_OBJS)

$(MB)/tests/dbg/%.elf: tests/dbg/%.S tests/dbg/link.ld | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(MIPS_CC) $(MIPS_ASFLAGS) $(DBG_LDFLAGS) -T tests/dbg/link.ld -o $@ $<

$(DBG_DRV): $(DBG_DRV_OBJS)
	$(CC) $(HOST_LDFLAGS) -o $@ $^ $(HOST_LIBS)

.PHONY: test-dbg
test-dbg: $(HB)/minidisco $(DBG_DRV) $(DBG_ELFS)
	tests/dbg/run.sh $(HB)/minidisco $(DBG_DRV) $(MB)/tests/dbg \
		$(HB)/tests/dbg

MIPS_IMAGES += $(DBG_ELFS)
TEST_TARGETS += test-dbg
-include $(HB)/tests/dbg/dbgdrv.d
