# tests/devices/rules.mk - criterion unit tests of the console, disk and
# host channel devices against a fake struct dev_services
# (tests/devices/fake_svc.h): `make test-devices`.
#
# Their own runner, because the shared tests/unit runner links the CPU
# objects only.  Only the three device objects are linked, so the tests
# do not depend on the rest of the machine.

DEVTEST_SRCS := $(wildcard tests/devices/test_dev_*.c)
DEVTEST_OBJS := $(DEVTEST_SRCS:%.c=$(HB)/%.o)
DEVTEST_DEVS := $(HB)/devices/console.o $(HB)/devices/disk.o \
	$(HB)/devices/hostchan.o $(HB)/devices/termguard.o

$(HB)/tests/devices/devtests: $(DEVTEST_OBJS) $(DEVTEST_DEVS)
	$(CC) $(HOST_LDFLAGS) -o $@ $^ -lcriterion

.PHONY: test-devices
test-devices: $(HB)/tests/devices/devtests
	$(HB)/tests/devices/devtests --jobs 2

TEST_TARGETS += test-devices
-include $(DEVTEST_OBJS:.o=.d)

# End-to-end programs: every tests/devices/*.S is a self-checking MIPS
# program (tests/asm/harness.h) run on build/minidisco by
# tests/devices/run.sh, which also prepares the disk image and the console
# input and checks the image file, the output and the --stats file.

DEVE2E_SRCS := $(sort $(wildcard tests/devices/*.S))
DEVE2E_ELFS := $(DEVE2E_SRCS:tests/devices/%.S=$(MB)/tests/devices/%.elf)
DEVE2E_OBJS := $(DEVE2E_SRCS:tests/devices/%.S=$(MB)/tests/devices/%.o)

$(MB)/tests/devices/%.o: tests/devices/%.S | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(MIPS_CC) $(MIPS_ASFLAGS) -Wa,--fatal-warnings -MMD -MP -c $< -o $@

$(MB)/tests/devices/%.elf: $(MB)/tests/devices/%.o tests/asm/link.ld
	$(CROSS)ld -EB -T tests/asm/link.ld -o $@ $<

.SECONDARY: $(DEVE2E_OBJS)
MIPS_IMAGES += $(DEVE2E_ELFS)

.PHONY: test-devices-e2e
test-devices-e2e: $(HB)/minidisco $(DEVE2E_ELFS)
	tests/devices/run.sh $(HB)/minidisco $(MB)/tests/devices \
		$(HB)/tests/devices/e2e

TEST_TARGETS += test-devices-e2e
-include $(DEVE2E_OBJS:.o=.d)
