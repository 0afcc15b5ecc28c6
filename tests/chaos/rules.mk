# tests/chaos/rules.mk - the chaos tests: random guest kernels, random
# machine files and command lines, and fixed hostile inputs thrown at
# build/minidisco (docs/chaos.md).
#
#   make test-chaos                       fixed seeds, about 10 s
#   make HB=build/san SAN=1 test-chaos    the same under ASan/UBSan
#   make chaos-long N=5000 SEED=1000      a longer campaign of N seeds each
#
# The tool is host C only (tests/chaos/*.c), built with the host compiler;
# it writes its ELF kernels itself, so no Python and no cross toolchain is
# needed to run it.  Work files go to $(HB)/tests/chaos/.

CHAOS_SRCS := $(wildcard tests/chaos/*.c)
CHAOS_OBJS := $(CHAOS_SRCS:%.c=$(HB)/%.o)
CHAOS_BIN  := $(HB)/tests/chaos/chaos
CHAOS_WORK := $(HB)/tests/chaos/work

$(CHAOS_BIN): $(CHAOS_OBJS)
	$(CC) $(HOST_LDFLAGS) -o $@ $^

# Sanitizer reports become aborts (a signal the runner sees), and the
# address-space limit that catches runaway allocations is off under ASan,
# which reserves terabytes of shadow memory.
CHAOS_ENV := ASAN_OPTIONS=abort_on_error=1:detect_leaks=1 \
	UBSAN_OPTIONS=abort_on_error=1:print_stacktrace=1
ifeq ($(SAN),1)
CHAOS_LIMIT := --mem-limit 0 --timeout 120
CHAOS_GUESTS := 160
CHAOS_CFGS := 120
else
CHAOS_LIMIT := --mem-limit 4096 --timeout 60
CHAOS_GUESTS := 300
CHAOS_CFGS := 250
endif

.PHONY: test-chaos chaos-long
test-chaos: $(HB)/minidisco $(CHAOS_BIN)
	@rm -rf $(CHAOS_WORK) && mkdir -p $(CHAOS_WORK)/g $(CHAOS_WORK)/i \
		$(CHAOS_WORK)/a $(CHAOS_WORK)/c
	$(CHAOS_ENV) $(CHAOS_BIN) guests $(HB)/minidisco $(CHAOS_WORK)/g 1 \
		$(CHAOS_GUESTS) --jobs 2 $(CHAOS_LIMIT)
	$(CHAOS_ENV) $(CHAOS_BIN) ini $(HB)/minidisco $(CHAOS_WORK)/i 1 \
		$(CHAOS_CFGS)
	$(CHAOS_ENV) $(CHAOS_BIN) args $(HB)/minidisco $(CHAOS_WORK)/a 1 \
		$(CHAOS_CFGS)
	$(CHAOS_ENV) tests/chaos/cli.sh $(HB)/minidisco $(CHAOS_BIN) \
		$(CHAOS_WORK)/c
	tests/chaos/repro/tty_raw.sh $(HB)/minidisco
	tests/chaos/repro/msg_newline.sh $(HB)/minidisco
	tests/chaos/repro/ini_nul.sh $(HB)/minidisco $(CHAOS_BIN)
ifneq ($(SAN),1)
	tests/chaos/repro/hostchan_mem.sh $(HB)/minidisco
	tests/chaos/repro/numa_oom.sh $(HB)/minidisco
endif

N ?= 2000
SEED ?= 100000
INSNS ?= 1000000
chaos-long: $(HB)/minidisco $(CHAOS_BIN)
	@mkdir -p $(CHAOS_WORK)-long/g $(CHAOS_WORK)-long/i \
		$(CHAOS_WORK)-long/a
	$(CHAOS_ENV) $(CHAOS_BIN) guests $(HB)/minidisco $(CHAOS_WORK)-long/g \
		$(SEED) $(N) --jobs 2 --insns $(INSNS) $(CHAOS_LIMIT)
	$(CHAOS_ENV) $(CHAOS_BIN) ini $(HB)/minidisco $(CHAOS_WORK)-long/i \
		$(SEED) $(N)
	$(CHAOS_ENV) $(CHAOS_BIN) args $(HB)/minidisco $(CHAOS_WORK)-long/a \
		$(SEED) $(N)

TEST_TARGETS += test-chaos
-include $(CHAOS_OBJS:.o=.d)
