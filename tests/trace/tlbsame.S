/* tlbsame.S - entry 1 is written twice with VA 0x00400000: a rewrite of
 * the same index is no conflict. */
#include "tests/trace/tlbcheck.h"
	TLBPAIR	1, 0x00400000, LO(0x20000), 0, 1, 0x00400000, LO(0x30000), 0
