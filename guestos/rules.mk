# guestos/rules.mk - the guest operating system: the native kernel, the
# user programs (guestos/user/rules.mk) and the disk image built by the
# host tool mkfs (guestos/mkfs/rules.mk).
#
#   $(MB)/guestos/kernel.elf   the native kernel (kernel mode, kseg0)
#   GOS_UPROGS                 user program ELFs (from guestos/user)
#   GOS_FSIMG                  $(MB)/guestos/fs.img, the root disk image

GOS_KSRCS := $(sort $(wildcard guestos/kernel/*.c guestos/kernel/*.S \
	guestos/hal/native/*.c guestos/hal/native/*.S))
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

-include guestos/user/rules.mk
-include guestos/mkfs/rules.mk
-include tests/guestos/rules.mk
