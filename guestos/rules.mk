# guestos/rules.mk - the guest operating system: the native kernel, the
# user programs (guestos/user/rules.mk) and the disk image built by the
# host tool mkfs (guestos/mkfs/rules.mk).
#
#   $(MB)/guestos/kernel.elf   the native kernel (kernel mode, kseg0)
#   $(MB)/guestos/kernel-disco.elf  the same kernel sources with the
#                              virtualized HAL (hal/disco: supervisor mode,
#                              sseg, monitor calls), run by vmm/
#   GOS_UPROGS                 user program ELFs (from guestos/user)
#   GOS_FSIMG                  $(MB)/guestos/fs.img, the root disk image

GOS_KSRCS := $(sort $(wildcard guestos/kernel/*.c guestos/kernel/*.S \
	guestos/hal/common/*.c guestos/hal/native/*.c guestos/hal/native/*.S))
GOS_KOBJS := $(patsubst %,$(MB)/%.o,$(basename $(GOS_KSRCS)))
GOS_KINC  := -Iguestos/kernel -Iguestos/include -Iguestos/hal \
	-Iguestos/hal/native -Iklib
GOS_KLD   := guestos/hal/native/kernel.ld
GOS_KERNEL := $(MB)/guestos/kernel.elf

$(GOS_KOBJS): KLIB_CC_FLAGS += $(GOS_KINC) -fno-tree-loop-distribute-patterns -g

$(GOS_KERNEL): $(GOS_KOBJS) $(KLIB_LIB) $(GOS_KLD)
	@mkdir -p $(@D)
	$(MIPS_CC) $(MIPS_CFLAGS) -no-pie -static -Wl,--build-id=none -Wl,-n \
		-Wl,--no-warn-rwx-segments -T $(GOS_KLD) -o $@ $(GOS_KOBJS) $(KLIB_LIB)

MIPS_IMAGES += $(GOS_KERNEL)
-include $(GOS_KOBJS:.o=.d)

# hal/common/ holds the HAL code both builds share (compiled in each).
# The virtualized build: kernel/ compiled again against hal/disco (objects
# under $(MB)/guestos/disco/), linked for the supervisor segment.
GOS_DSRCS := $(sort $(wildcard guestos/kernel/*.c guestos/kernel/*.S \
	guestos/hal/common/*.c guestos/hal/disco/*.c guestos/hal/disco/*.S))
GOS_DOBJS := $(patsubst guestos/%,$(MB)/guestos/disco/%.o,$(basename $(GOS_DSRCS)))
GOS_DLD   := guestos/hal/disco/kernel.ld
GOS_DKERNEL := $(MB)/guestos/kernel-disco.elf
GOS_DFLAGS = $(KLIB_CC_FLAGS) -Iguestos/kernel -Iguestos/include \
	-Iguestos/hal -Iguestos/hal/disco -Ivmm/include -Iklib \
	-fno-tree-loop-distribute-patterns -g

$(MB)/guestos/disco/%.o: guestos/%.c | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(MIPS_CC) $(GOS_DFLAGS) -c $< -o $@

$(MB)/guestos/disco/%.o: guestos/%.S | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(MIPS_CC) $(GOS_DFLAGS) -Wa,--fatal-warnings -c $< -o $@

$(GOS_DKERNEL): $(GOS_DOBJS) $(KLIB_LIB) $(GOS_DLD)
	@mkdir -p $(@D)
	$(MIPS_CC) $(MIPS_CFLAGS) -no-pie -static -Wl,--build-id=none -Wl,-n \
		-Wl,--no-warn-rwx-segments -T $(GOS_DLD) -o $@ $(GOS_DOBJS) $(KLIB_LIB)

MIPS_IMAGES += $(GOS_DKERNEL)
-include $(GOS_DOBJS:.o=.d)

-include guestos/user/rules.mk
-include guestos/mkfs/rules.mk
-include tests/guestos/rules.mk
