# tests/guestos-mkfs/rules.mk - host tests of the guest's mkfs: images
# built from small recipes are read back (--list, --cat, --check), bad
# recipes give one-line errors with status 2, a committed log is replayed.

.PHONY: test-mkfs
test-mkfs: $(GOS_MKFS)
	tests/guestos-mkfs/run.sh $(GOS_MKFS) $(HB)/tests/guestos-mkfs

TEST_TARGETS += test-mkfs

# The file system inside the guest: persistence across power-off, and
# recovery from power cuts (needs the kernel and the disk image).
.PHONY: test-guestos-fs
test-guestos-fs: $(HB)/minidisco $(GOS_KERNEL) $(GOS_FSIMG) $(GOS_MKFS)
	tests/guestos-mkfs/guest.sh $(HB)/minidisco $(GOS_KERNEL) $(GOS_FSIMG) \
		$(GOS_MKFS) $(HB)/tests/guestos-fs $(MB)

TEST_TARGETS += test-guestos-fs
