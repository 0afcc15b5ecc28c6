/* tlbasid.S - entries 1 and 2 map VA 0x00400000 for ASIDs 1 and 2 (not
 * global): they never match the same access, so no conflict. */
#include "tests/trace/tlbcheck.h"
	TLBPAIR	1, 0x00400001, LO(0x20000), 0, 2, 0x00400002, LO(0x30000), 0
