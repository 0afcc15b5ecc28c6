# tests/numa/rules.mk - tests of the memory system model (numa/).
#
#   make test-numa       both of the following
#   make test-numa-unit  criterion tests of the cache model, directory,
#                        counters and hot-page unit (tests/numa/test_*.c,
#                        linked with the numa/ objects only)
#   make test-numa-bare  klib programs on build/minidisco, through
#                        tests/bare/run.sh: ratio.c (local:remote miss
#                        latency measured with Count) and hotpage.c (the
#                        hot-page interrupt); NAME.expect lists their runs
#
# The criterion tests live here rather than in tests/unit/ because the
# shared unit runner links tests/unit/test_*.c with the CPU objects only.
# Needs klib/rules.mk (klib_program) included before this fragment.

NUMA_OBJS       := $(patsubst %.c,$(HB)/%.o,$(wildcard numa/*.c))
NUMA_UNIT_SRCS  := $(wildcard tests/numa/test_*.c)
NUMA_UNIT_OBJS  := $(NUMA_UNIT_SRCS:%.c=$(HB)/%.o)
NUMA_BARE_SRCS  := tests/numa/ratio.c tests/numa/hotpage.c
NUMA_BARE_ELFS  := $(NUMA_BARE_SRCS:tests/numa/%.c=$(MB)/tests/numa/%.elf)

$(HB)/tests/numa/units: $(NUMA_UNIT_OBJS) $(NUMA_OBJS)
	$(CC) $(HOST_LDFLAGS) -o $@ $^ -lcriterion $(HOST_LIBS)

$(foreach s,$(NUMA_BARE_SRCS),$(eval $(call klib_program,\
	$(s:tests/numa/%.c=$(MB)/tests/numa/%.elf),$(s))))

.PHONY: test-numa test-numa-unit test-numa-bare
test-numa-unit: $(HB)/tests/numa/units
	$(HB)/tests/numa/units --jobs 2

test-numa-bare: $(HB)/minidisco $(NUMA_BARE_ELFS)
	@tests/bare/run.sh $(HB)/minidisco tests/numa $(NUMA_BARE_ELFS)

test-numa: test-numa-unit test-numa-bare

TEST_TARGETS += test-numa
-include $(NUMA_UNIT_OBJS:.o=.d)
