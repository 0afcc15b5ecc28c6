# tests/vmm-mem: host unit tests (criterion) of the monitor's memory
# logic that has no CP0 in it: the virtual TLB (vmm/vtlb.c), the L2TLB
# (vmm/l2tlb.c) and the pmap (vmm/pmap.c), compiled with the host compiler.

VMEM_TEST_SRCS := tests/vmm-mem/test_vmm_mem.c vmm/vtlb.c vmm/l2tlb.c vmm/pmap.c
VMEM_TEST_OBJS := $(VMEM_TEST_SRCS:%.c=$(HB)/vmm-mem/%.o)
VMEM_TEST_BIN  := $(HB)/tests/vmm-mem/vmm-mem-tests

$(HB)/vmm-mem/%.o: %.c | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(HOST_CFLAGS) -Ivmm -Ivmm/include -Iklib -c $< -o $@

$(VMEM_TEST_BIN): $(VMEM_TEST_OBJS)
	@mkdir -p $(@D)
	$(CC) $(HOST_LDFLAGS) -o $@ $^ -lcriterion

.PHONY: test-vmm-mem
test-vmm-mem: $(VMEM_TEST_BIN)
	$(VMEM_TEST_BIN) --jobs 2

TEST_TARGETS += test-vmm-mem
-include $(VMEM_TEST_OBJS:.o=.d)
