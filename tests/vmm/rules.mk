# tests/vmm/rules.mk - the monitor's tests (issue 6):
#
#   make test-vmm-stats  the host side of the monitor's statistics: a
#                        host-channel record named "monitor" becomes the
#                        top-level "monitor" of --stats (tests/vmm/hcmon.c)
#   make test-vmm        the monitor running guests (tests/vmm/run.sh):
#                        two VMs x two vCPUs of usertests, output against
#                        the native run's, one VM of one vCPU, both TLB
#                        strategies, and the isolation test with the
#                        hostile guest (tests/vmm/hostile.c)

VMMT_MB      := $(MB)/tests/vmm
VMMT_HCMON   := $(VMMT_MB)/hcmon.elf
VMMT_HOSTILE := $(VMMT_MB)/hostile.elf
VMMT_HOBJS   := $(VMMT_MB)/hostile.o $(VMMT_MB)/hostile_asm.o

$(eval $(call klib_program,$(VMMT_HCMON),tests/vmm/hcmon.c))

# The hostile guest: its own entry and vectors, klib for strings only.
$(VMMT_HOSTILE): $(VMMT_HOBJS) $(KLIB_LIB) tests/vmm/hostile.ld
	@mkdir -p $(@D)
	$(MIPS_CC) $(MIPS_CFLAGS) -no-pie -static -Wl,--build-id=none -Wl,-n \
		-Wl,--no-warn-rwx-segments -T tests/vmm/hostile.ld -o $@ \
		$(VMMT_HOBJS) $(KLIB_LIB)
MIPS_IMAGES += $(VMMT_HOSTILE)

# The bounce guest: disk DMA across a break in machine memory.
VMMT_BOUNCE := $(VMMT_MB)/bounce.elf
VMMT_BOBJS  := $(VMMT_MB)/bounce.o $(VMMT_MB)/hostile_asm.o
$(VMMT_BOUNCE): $(VMMT_BOBJS) $(KLIB_LIB) tests/vmm/hostile.ld
	@mkdir -p $(@D)
	$(MIPS_CC) $(MIPS_CFLAGS) -no-pie -static -Wl,--build-id=none -Wl,-n \
		-Wl,--no-warn-rwx-segments -T tests/vmm/hostile.ld -o $@ \
		$(VMMT_BOBJS) $(KLIB_LIB)
MIPS_IMAGES += $(VMMT_BOUNCE)

# The delay-slot guest: privileged instructions in branch delay slots.
VMMT_DSLOT := $(VMMT_MB)/delayslot.elf
$(VMMT_DSLOT): tests/vmm/delayslot.S tests/vmm/hostile.ld | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(MIPS_CC) $(MIPS_ASFLAGS) -Ivmm/include -no-pie -static \
		-Wl,--build-id=none -Wl,-n -Wl,--no-warn-rwx-segments \
		-T tests/vmm/hostile.ld -o $@ $<
MIPS_IMAGES += $(VMMT_DSLOT)

# The TLB-drop guest: MC_TLB_DROP against the guest's own tlbp/tlbwi.
VMMT_TLBDROP := $(VMMT_MB)/tlbdrop.elf
$(VMMT_TLBDROP): tests/vmm/tlbdrop.S tests/vmm/hostile.ld | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(MIPS_CC) $(MIPS_ASFLAGS) -Ivmm/include -no-pie -static \
		-Wl,--build-id=none -Wl,-n -Wl,--no-warn-rwx-segments \
		-T tests/vmm/hostile.ld -o $@ $<
MIPS_IMAGES += $(VMMT_TLBDROP)
-include $(VMMT_HOBJS:.o=.d) $(VMMT_BOBJS:.o=.d)

.PHONY: test-vmm-stats test-vmm
test-vmm-stats: $(HB)/minidisco $(VMMT_HCMON)
	tests/vmm/stats.sh $(HB)/minidisco $(VMMT_HCMON) $(HB)/tests/vmm
TEST_TARGETS += test-vmm-stats

test-vmm: $(HB)/minidisco $(VMM_ELF) $(GOS_DKERNEL) $(GOS_KERNEL) \
		$(GOS_FSIMG) $(VMMT_HOSTILE) $(VMMT_DSLOT) $(VMMT_TLBDROP) \
		$(VMMT_BOUNCE)
	tests/vmm/run.sh $(HB)/minidisco $(VMM_ELF) $(GOS_DKERNEL) \
		$(GOS_KERNEL) $(GOS_FSIMG) $(VMMT_HOSTILE) $(HB)/tests/vmm \
		$(VMMT_DSLOT) $(VMMT_TLBDROP) $(VMMT_BOUNCE)
TEST_TARGETS += test-vmm

# NUMA locality: the replicated text, vCPUs at home (tests/vmm/numa.sh).
.PHONY: test-vmm-numa
test-vmm-numa: $(HB)/minidisco $(VMM_ELF) $(GOS_DKERNEL) $(GOS_FSIMG)
	tests/vmm/numa.sh $(HB)/minidisco $(VMM_ELF) $(GOS_DKERNEL) \
		$(GOS_FSIMG) $(HB)/tests/vmm
TEST_TARGETS += test-vmm-numa
