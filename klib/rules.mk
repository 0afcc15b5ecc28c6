# klib/rules.mk - klib, the bare-metal C runtime, and the rules that turn
# MIPS C programs into ELF images that run on build/minidisco.
#
# Exports:
#   KLIB_LIB       $(MB)/klib/libklib.a (console, printf, string, locks,
#                  atomics, traps, power, 64-bit division, ktest runner)
#   KLIB_CRT0      $(MB)/klib/crt0.o, linked first (entry _start)
#   KLIB_LDSCRIPT  klib/klib.ld (kseg0 program at 0x80010000)
#   KLIB_CFLAGS    include path for klib.h, ktest.h, kmips.h
#   KLIB_CC_FLAGS  everything a klib program's C or .S file is compiled with
#   KLIB_LDFLAGS   everything it is linked with
#   klib_program   one line makes an image out of sources:
#       $(eval $(call klib_program,$(MB)/dir/foo.elf,dir/foo.c dir/bar.c))
#     compiles each source to $(MB)/dir/NAME.o (pattern rules below),
#     links them with crt0 and libklib, and adds the ELF to MIPS_IMAGES.

KLIB_CFLAGS   := -Iklib
KLIB_CC_FLAGS  = $(MIPS_CFLAGS) $(KLIB_CFLAGS) -std=c11 -mno-gpopt \
	-fno-asynchronous-unwind-tables -fno-strict-aliasing -MMD -MP
KLIB_LDSCRIPT := klib/klib.ld
KLIB_LDFLAGS   = $(MIPS_CFLAGS) -no-pie -static -Wl,--build-id=none -Wl,-n \
	-Wl,--no-warn-rwx-segments -T $(KLIB_LDSCRIPT)
KLIB_LIB      := $(MB)/klib/libklib.a
KLIB_CRT0     := $(MB)/klib/crt0.o

KLIB_LIB_SRCS := $(wildcard klib/*.c) klib/trapasm.S
KLIB_LIB_OBJS := $(patsubst %,$(MB)/%.o,$(basename $(KLIB_LIB_SRCS)))

# klib's own loops must not become calls to memset/memcpy (string.c).
$(KLIB_LIB_OBJS) $(KLIB_CRT0): KLIB_CC_FLAGS += -fno-tree-loop-distribute-patterns

# MIPS C and assembly anywhere in the tree; a fragment that needs other
# flags defines a narrower pattern (shorter stem wins).
$(MB)/%.o: %.c | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(MIPS_CC) $(KLIB_CC_FLAGS) -c $< -o $@

$(MB)/%.o: %.S | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(MIPS_CC) $(KLIB_CC_FLAGS) -Wa,--fatal-warnings -c $< -o $@

$(KLIB_LIB): $(KLIB_LIB_OBJS)
	@rm -f $@
	$(CROSS)ar rcs $@ $^

# klib_program ELF SOURCES: link the sources' objects with crt0 and klib.
define klib_program
$(1): $(patsubst %,$(MB)/%.o,$(basename $(2))) $$(KLIB_CRT0) $$(KLIB_LIB) $$(KLIB_LDSCRIPT)
	@mkdir -p $$(@D)
	$$(MIPS_CC) $$(KLIB_LDFLAGS) -o $$@ $$(KLIB_CRT0) $(patsubst %,$(MB)/%.o,$(basename $(2))) $$(KLIB_LIB)
MIPS_IMAGES += $(1)
-include $(patsubst %,$(MB)/%.d,$(basename $(2)))
endef

.PHONY: klib
klib: $(KLIB_LIB) $(KLIB_CRT0)
MIPS_IMAGES += $(KLIB_LIB) $(KLIB_CRT0)

-include $(KLIB_LIB_OBJS:.o=.d) $(KLIB_CRT0:.o=.d)
