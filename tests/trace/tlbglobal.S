/* tlbglobal.S - entry 1 maps VA 0x00400000 for ASID 1, entry 2 the same
 * VA for ASID 2 but global (G in both EntryLo): G matches every ASID, so
 * they conflict. */
#include "tests/trace/tlbcheck.h"
	TLBPAIR	1, 0x00400001, LO(0x20000), 0, 2, 0x00400002, LO(0x30000)|1, 0
