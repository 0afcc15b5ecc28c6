# Criterion unit tests of host modules: one test file per module,
# tests/unit/test_MODULE.c, each linked with the CPU objects into one runner.

UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_OBJS := $(UNIT_SRCS:%.c=$(HB)/%.o)

$(HB)/tests/unit/units: $(UNIT_OBJS) $(CPU_OBJS)
	$(CC) $(HOST_LDFLAGS) -o $@ $^ -lcriterion $(HOST_LIBS)

.PHONY: test-unit
test-unit: $(HB)/tests/unit/units
	$(HB)/tests/unit/units --jobs 2

TEST_TARGETS += test-unit
-include $(UNIT_OBJS:.o=.d)
