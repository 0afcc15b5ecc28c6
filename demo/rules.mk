# demo/rules.mk - the demo kernel `make run` boots: $(MB)/demo/hello.elf.
#
# -no-pie: the cross gcc makes position-independent executables by default,
# which the loader refuses (it wants ET_EXEC).

DEMO_LDFLAGS := -no-pie -static -Wl,--build-id=none -Wl,-n -T demo/link.ld

$(MB)/demo/hello.elf: demo/hello.S demo/link.ld | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(MIPS_CC) $(MIPS_ASFLAGS) $(DEMO_LDFLAGS) -o $@ demo/hello.S

MIPS_IMAGES += $(MB)/demo/hello.elf
