# guestos/user/rules.mk - the user library and the user programs.
#
#   $(MB)/guestos/user/libu.a      the C library (guestos/user/lib), with
#                                  klib's freestanding string.o and div64.o
#   $(MB)/guestos/user/NAME.elf    one program per guestos/user/NAME.c
#   $(MB)/guestos/user/usertests.elf  from guestos/user/usertests/*.c
#   GOS_UPROGS                     every program ELF (mkfs puts them on disk)
#
# Programs are linked at 0x00400000 by guestos/user/user.ld, hard-float,
# static, with no libgcc: 64-bit division comes from klib/div64.c.

GOS_UDIR      := $(MB)/guestos/user
GOS_ULIB      := $(GOS_UDIR)/libu.a
GOS_ULD       := guestos/user/user.ld
GOS_ULIB_SRCS := $(sort $(wildcard guestos/user/lib/*.c guestos/user/lib/*.S))
GOS_ULIB_OBJS := $(patsubst %,$(MB)/%.o,$(basename $(GOS_ULIB_SRCS)))
GOS_UCRT0     := $(GOS_UDIR)/lib/crt0.o
GOS_UPROG_SRCS := $(sort $(wildcard guestos/user/*.c))
GOS_UTEST_SRCS := $(sort $(wildcard guestos/user/usertests/*.c))
GOS_UTEST_OBJS := $(patsubst %.c,$(MB)/%.o,$(GOS_UTEST_SRCS))
GOS_UOBJS     := $(GOS_ULIB_OBJS) $(GOS_UTEST_OBJS) \
	$(patsubst %.c,$(MB)/%.o,$(GOS_UPROG_SRCS))
GOS_UPROGS    := $(patsubst guestos/user/%.c,$(GOS_UDIR)/%.elf,$(GOS_UPROG_SRCS)) \
	$(GOS_UDIR)/usertests.elf
GOS_ULDFLAGS   = $(MIPS_CFLAGS) -mhard-float -no-pie -static \
	-Wl,--build-id=none -Wl,-z,max-page-size=4096 -Wl,-z,common-page-size=4096 \
	-Wl,--no-warn-rwx-segments -T $(GOS_ULD)

# User code: hard-float (programs may use doubles), the shared headers.
$(GOS_UOBJS): KLIB_CC_FLAGS += -mhard-float -Iguestos/include -Iguestos/user/lib \
	-fno-tree-loop-distribute-patterns

$(GOS_ULIB): $(filter-out $(GOS_UCRT0),$(GOS_ULIB_OBJS)) $(MB)/klib/string.o \
		$(MB)/klib/div64.o
	@rm -f $@
	$(CROSS)ar rcs $@ $^

$(GOS_UDIR)/%.elf: $(GOS_UDIR)/%.o $(GOS_UCRT0) $(GOS_ULIB) $(GOS_ULD)
	$(MIPS_CC) $(GOS_ULDFLAGS) -o $@ $(GOS_UCRT0) $< $(GOS_ULIB)

$(GOS_UDIR)/usertests.elf: $(GOS_UTEST_OBJS) $(GOS_UCRT0) $(GOS_ULIB) $(GOS_ULD)
	$(MIPS_CC) $(GOS_ULDFLAGS) -o $@ $(GOS_UCRT0) $(GOS_UTEST_OBJS) $(GOS_ULIB)

.SECONDARY: $(GOS_UOBJS)
.PHONY: guestos-user
guestos-user: $(GOS_UPROGS)
MIPS_IMAGES += $(GOS_ULIB) $(GOS_UPROGS)
-include $(GOS_UOBJS:.o=.d)
