# tests/diff: randomized differential test of the CPU against Unicorn.
#
#   make test-diff                        fixed seed, DIFF_INSNS instructions
#   make fuzz-diff [N=10000000] [SEED=S]  longer run; SEED defaults to the time
#   make test-diff-repro                  bare-metal reproducers of the CPU bugs
#                                         the differential test found
#
# See docs/difftest.md.
#
# libunicorn exports a function named cpu_reset (from QEMU) and calls it
# through the PLT, so the CPU's own cpu_reset would take its place when both
# are linked into one program.  The CPU objects are therefore linked with
# dt_md.o into one relocatable object that keeps only dt_md_* and dt_exc_name
# global; every CPU symbol becomes local to it.

DIFF_BIN     := $(HB)/tests/diff/difftest
DIFF_MD_OBJ  := $(HB)/tests/diff/dt_md.o
DIFF_MD_SIDE := $(HB)/tests/diff/md_side.o
DIFF_OBJS    := $(patsubst %.c,$(HB)/%.o,$(filter-out tests/diff/dt_md.c,\
	$(wildcard tests/diff/*.c)))
DIFF_SEED    := 0x6d696e69
DIFF_INSNS   := 1000000
DIFF_KEEP    := dt_md_create dt_md_destroy dt_md_run dt_exc_name

$(DIFF_MD_SIDE): $(DIFF_MD_OBJ) $(CPU_OBJS)
	$(LD) -r -o $@.tmp $^
	objcopy $(DIFF_KEEP:%=--keep-global-symbol=%) $@.tmp $@
	@rm -f $@.tmp

$(DIFF_BIN): $(DIFF_OBJS) $(DIFF_MD_SIDE)
	$(CC) $(HOST_LDFLAGS) -o $@ $^ -lunicorn -lcapstone -lm

.PHONY: test-diff fuzz-diff
test-diff: $(DIFF_BIN)
	$(DIFF_BIN) --seed $(DIFF_SEED) --insns $(DIFF_INSNS)

fuzz-diff: $(DIFF_BIN)
	$(DIFF_BIN) --insns $(or $(N),10000000) $(if $(SEED),--seed $(SEED))

# Each tests/diff/repro/NAME.S is a bare-metal program that powers off with
# 0 when the CPU behaves; its exception vector is linked at 0x80000180.
DIFF_REPRO_LDFLAGS := -no-pie -static -Wl,--build-id=none -Wl,-n \
	-Wl,-e,_start -Wl,-Ttext=0x80010000 -Wl,--section-start=.vector=0x80000180
DIFF_REPRO_SRCS := $(wildcard tests/diff/repro/*.S)
DIFF_REPRO_ELFS := $(DIFF_REPRO_SRCS:tests/diff/%.S=$(MB)/tests/diff/%.elf)

$(MB)/tests/diff/repro/%.elf: tests/diff/repro/%.S | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(MIPS_CC) $(MIPS_ASFLAGS) $(DIFF_REPRO_LDFLAGS) -o $@ $<

.PHONY: test-diff-repro
test-diff-repro: $(HB)/minidisco $(DIFF_REPRO_ELFS)
	@pass=0; fail=0; for e in $(DIFF_REPRO_ELFS); do \
		if $(HB)/minidisco --kernel $$e --max-insns 100000 >/dev/null; \
		then pass=$$((pass+1)); else fail=$$((fail+1)); \
			echo "FAIL $$e"; fi; \
	done; echo "test-diff-repro: $$pass passed, $$fail failed"; \
	[ $$fail -eq 0 ]

MIPS_IMAGES += $(DIFF_REPRO_ELFS)
TEST_TARGETS += test-diff test-diff-repro

-include $(DIFF_OBJS:.o=.d) $(DIFF_MD_OBJ:.o=.d)
