# minidisco top-level Makefile.
#
#   make            build/minidisco and every MIPS image under build/
#   make run        boot the default system (the monitor, two VMs)
#   make run-native the guest alone, without the monitor
#   make gdb        make run halted until gdb attaches on port 1234
#                   (make gdb-native: the same for run-native)
#   make test       run every test; non-zero exit on any failure
#   make check      the whole test suite under ASan and UBSan
#   make bench      benchmarks: minidisco against qemu and gxemul
#   make fuzz-diff N=1000000   longer differential run against Unicorn
#   make clean
#
# Host objects go to $(HB) (build/host, or build/san for `make check`);
# MIPS images go to build/mips and are shared by both.

HB      ?= build/host
MB      ?= build/mips
SAN     ?=
CC      ?= gcc
CROSS   ?= mips-linux-gnu-

HOST_CFLAGS := -std=c11 -O2 -g -Wall -Wextra -Werror -D_GNU_SOURCE \
	-fno-strict-aliasing -MMD -MP -I.
ifeq ($(SAN),1)
HOST_CFLAGS += -O1 -fsanitize=address,undefined -fno-sanitize-recover=all \
	-fno-omit-frame-pointer
HOST_LDFLAGS += -fsanitize=address,undefined
endif
HOST_LIBS := -lcjson -linih -lreadline -lcapstone -lm

MIPS_CC      := $(CROSS)gcc
MIPS_CFLAGS  := -march=r4000 -mabi=32 -EB -mno-abicalls -fno-pic -G0 \
	-ffreestanding -fno-builtin -nostdlib -O2 -Wall -Wextra -Werror -I.
MIPS_ASFLAGS := -march=r4000 -mabi=32 -EB -mno-abicalls -fno-pic -G0 \
	-nostdlib -mhard-float -I.

DEPS_STAMP := build/.deps-ok

.PHONY: all run gdb test check bench clean fuzz-diff deps
all: $(HB)/minidisco mips-all

# Install missing Debian packages once (and again if the list changes).
$(DEPS_STAMP): scripts/install-deps
	@scripts/install-deps
	@mkdir -p $(@D) && touch $@
deps: $(DEPS_STAMP)

CPU_SRCS     := $(wildcard cpu/*.c)
MACHINE_SRCS := $(wildcard machine/*.c devices/*.c numa/*.c)
CPU_OBJS     := $(CPU_SRCS:%.c=$(HB)/%.o)
MACHINE_OBJS := $(MACHINE_SRCS:%.c=$(HB)/%.o)

$(HB)/%.o: %.c | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(HOST_CFLAGS) -c $< -o $@

$(HB)/minidisco: $(MACHINE_OBJS) $(CPU_OBJS)
	$(CC) $(HOST_LDFLAGS) -o $@ $^ $(HOST_LIBS)
ifeq ($(HB),build/host)
build/minidisco: $(HB)/minidisco
	@ln -sf host/minidisco $@
all: build/minidisco
endif

# Each part adds its own rules and appends to MIPS_IMAGES and TEST_TARGETS.
MIPS_IMAGES  :=
TEST_TARGETS :=
-include klib/rules.mk
-include tests/bare/rules.mk
-include tests/asm/rules.mk
-include tests/unit/rules.mk
-include tests/diff/rules.mk
-include tests/cli/rules.mk
-include tests/smp/rules.mk
-include tests/devices/rules.mk
-include tests/numa/rules.mk
-include tests/dbg/rules.mk
-include tests/gdb/rules.mk
-include tests/trace/rules.mk
-include tests/chaos/rules.mk
-include bench/rules.mk
-include demo/rules.mk
-include guestos/rules.mk
-include vmm/rules.mk
-include tests/vmm/rules.mk
-include tests/vmm-mem/rules.mk

mips-all: $(MIPS_IMAGES)

# The default system: the monitor (vmm/) on the Disco paper's machine
# running VMS virtual machines of VCPUS virtual CPUs each, VM i on its own
# copy of the root disk ($(MB)/guestos/fs-vmI.img, made from fs.img when
# missing); console lines are tagged "[vmI] ", Ctrl-A then a digit moves
# the input (docs/usage.md).  RUN=/bin/prog runs one program in every VM
# (the exit status is 0 only if every VM's was), MACHINE= picks another
# preset.  `make run-native` boots the guest natively, without the monitor.
MACHINE ?= images/disco.ini
RUN     ?=
VMS     ?= 2
VCPUS   ?= 2
VMM_OPTS ?=
GOS_RUN  = $(HB)/minidisco --machine $(MACHINE) --kernel $(GOS_KERNEL) \
	--disk $(GOS_FSIMG) $(if $(RUN),--append "run=$(RUN)")
RUN_DISKS = $(foreach i,$(shell seq 0 $$(($(VMS) - 1))),$(MB)/guestos/fs-vm$(i).img)
VMM_RUN  = $(HB)/minidisco --machine $(MACHINE) --kernel $(VMM_ELF) \
	--module $(GOS_DKERNEL) $(RUN_DISKS:%=--disk %) \
	--append "$(strip vms=$(VMS) vcpus=$(VCPUS) $(VMM_OPTS) -- $(if $(RUN),run=$(RUN)))"

$(MB)/guestos/fs-vm%.img: | $(GOS_FSIMG)
	cp $(GOS_FSIMG) $@

.PHONY: run-native gdb-native
run: all $(RUN_DISKS)
	$(VMM_RUN)

# The default system halted at reset, waiting for gdb (docs/debugging.md).
gdb: all $(RUN_DISKS)
	@echo "attach with: gdb-multiarch -ex 'set architecture mips:4000' -ex 'target remote 127.0.0.1:1234' $(VMM_ELF)"
	@echo "guest symbols: add-symbol-file $(GOS_DKERNEL)"
	$(VMM_RUN) --gdb 1234 --gdb-wait

run-native: all
	$(GOS_RUN)

gdb-native: all
	@echo "attach with: gdb-multiarch -ex 'set architecture mips:4000' -ex 'target remote 127.0.0.1:1234' $(GOS_KERNEL)"
	$(GOS_RUN) --gdb 1234 --gdb-wait

# Every test target runs, even after a failure; the summary line counts them.
test: all
	@pass=0; fail=0; failed=""; \
	for t in $(TEST_TARGETS); do \
		if $(MAKE) --no-print-directory HB=$(HB) SAN=$(SAN) $$t; then \
			pass=$$((pass+1)); else fail=$$((fail+1)); failed="$$failed $$t"; fi; \
	done; \
	echo; [ -z "$$failed" ] || echo "failed suites:$$failed"; \
	echo "suites: $$pass passed, $$fail failed"; [ $$fail -eq 0 ]

check:
	@mkdir -p build/san
	@{ $(MAKE) HB=build/san SAN=1 test; echo $$? >build/san/check.status; } \
		2>&1 | tee build/san/check.log
	@if grep -q 'ERROR: [A-Za-z]*Sanitizer\|runtime error:' build/san/check.log; \
	then echo "check: sanitizer reports, see build/san/check.log"; exit 1; fi
	@exit $$(cat build/san/check.status)

clean:
	rm -rf build

-include $(CPU_OBJS:.o=.d) $(MACHINE_OBJS:.o=.d)
