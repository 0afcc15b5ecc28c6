/* tlbdup.S - entries 1 and 2 both map VA 0x00400000 with ASID 0: caught. */
#include "tests/trace/tlbcheck.h"
	TLBPAIR	1, 0x00400000, LO(0x20000), 0, 2, 0x00400000, LO(0x30000), 0
