# guestos/mkfs/rules.mk - the host tool mkfs and the guest's disk image.
#
#   $(HB)/guestos/mkfs    the tool (host C, one command: it is small)
#   GOS_FSIMG             $(MB)/guestos/fs.img, built from images/guestfs.recipe;
#                         the recipe may write ${MB} and ${HB} in host file names
#   make test-mkfs        tests/guestos-mkfs: recipes, errors, --list/--cat/--check

GOS_MKFS      := $(HB)/guestos/mkfs
GOS_MKFS_SRCS := $(sort $(wildcard guestos/mkfs/*.c))
GOS_FSIMG     := $(MB)/guestos/fs.img
GOS_RECIPE    := images/guestfs.recipe

$(GOS_MKFS): $(GOS_MKFS_SRCS) guestos/mkfs/mkfs.h guestos/include/fs.h | $(DEPS_STAMP)
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(HOST_CFLAGS)) -o $@ $(GOS_MKFS_SRCS) $(HOST_LDFLAGS)

# The image holds every user program the recipe names.
$(GOS_FSIMG): $(GOS_MKFS) $(GOS_RECIPE) $(GOS_UPROGS)
	@mkdir -p $(@D)
	$(GOS_MKFS) $@ $(GOS_RECIPE) -D MB=$(MB) -D HB=$(HB)

.PHONY: guestos-fsimg
guestos-fsimg: $(GOS_FSIMG)
MIPS_IMAGES += $(GOS_FSIMG)
all: $(GOS_MKFS)

-include tests/guestos-mkfs/rules.mk
