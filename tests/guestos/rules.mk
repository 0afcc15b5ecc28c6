# tests/guestos/rules.mk - the guest OS running natively (issue 5):
# usertests on the 8-CPU machine (the image checked with mkfs after) and
# on one CPU, the parallel threads program, a shell script, the
# interactive shell over a pipe, persistence across two boots, halt's
# status, the VM self-test; and (panic.sh, through gdb) a kernel fault's
# panic.  `make test-guestos`.

.PHONY: test-guestos
test-guestos: $(HB)/minidisco $(GOS_KERNEL) $(GOS_FSIMG) $(GOS_MKFS)
	tests/guestos/run.sh $(HB)/minidisco $(GOS_KERNEL) $(GOS_FSIMG) \
		$(HB)/tests/guestos $(GOS_MKFS)
	tests/guestos/panic.sh $(HB)/minidisco $(GOS_KERNEL) $(GOS_FSIMG) \
		$(HB)/tests/guestos

TEST_TARGETS += test-guestos
