/* tlbsize.S - entry 1 maps the 16 KB page pair at VA 0x00400000
 * (PageMask 0x6000), entry 2 the 4 KB pair at 0x00404000 inside it:
 * they overlap although their VPN2 differ. */
#include "tests/trace/tlbcheck.h"
	TLBPAIR	1, 0x00400000, LO(0x20000), 0x6000, 2, 0x00404000, LO(0x30000), 0
