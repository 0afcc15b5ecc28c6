# vmm/rules.mk - the monitor: every vmm/*.c and vmm/*.S becomes
# $(MB)/vmm/vmm.elf (kernel mode, kseg0, linked by vmm/vmm.ld), linked
# with klib's crt0 (the entry on every CPU: boot stacks, .bss, klib_boot,
# which calls main) and libklib.a.  It boots with the virtualized guest kernel as a module:
#   build/minidisco --machine images/disco.ini --kernel $(MB)/vmm/vmm.elf \
#       --module $(MB)/guestos/kernel-disco.elf --disk ... --append "..."

VMM_SRCS := $(sort $(wildcard vmm/*.c vmm/*.S))
VMM_OBJS := $(patsubst %,$(MB)/%.o,$(basename $(VMM_SRCS)))
VMM_LD   := vmm/vmm.ld
VMM_ELF  := $(MB)/vmm/vmm.elf

$(VMM_OBJS): KLIB_CC_FLAGS += -Ivmm -Ivmm/include \
	-fno-tree-loop-distribute-patterns -g

$(VMM_ELF): $(KLIB_CRT0) $(VMM_OBJS) $(KLIB_LIB) $(VMM_LD)
	@mkdir -p $(@D)
	$(MIPS_CC) $(MIPS_CFLAGS) -no-pie -static -Wl,--build-id=none -Wl,-n \
		-Wl,--no-warn-rwx-segments -T $(VMM_LD) -o $@ $(KLIB_CRT0) $(VMM_OBJS) $(KLIB_LIB)

MIPS_IMAGES += $(VMM_ELF)
-include $(VMM_OBJS:.o=.d)
