/*
 * hostchan.h - the host channel: software hands text records to the
 * emulator (for example the monitor's statistics as JSON), which --stats
 * writes out.  Registers: docs/dev-hostchan.md.
 *
 *   window 0x1F000200, 16 bytes, big-endian 32-bit registers
 *
 *   +0x0 DATA     W  sb: append the byte to the current record; sw: append
 *                    bits 7..0.  NUL bytes are not stored.  Reads as 0.
 *   +0x4 COMMAND  W  1 COMMIT the current record, 2 CLEAR it (discard),
 *                    3 RESET (discard it and every committed record, clear
 *                    LOST).  Other values are a bus error.  Reads as 0.
 *   +0x8 STATUS   R  31      24 23     16 15              2   1    0
 *                    +---------+---------+-----------------+----+----+
 *                    |    0    | RECORDS |        0        |LOST|OVF |
 *                    +---------+---------+-----------------+----+----+
 *                    OVF     the current record passed 1 MiB: bytes were
 *                            dropped and COMMIT will refuse it
 *                    LOST    a COMMIT was refused since the last RESET
 *                            (overflowed record, or 64 records held)
 *                    RECORDS number of committed records (0..64)
 *   +0xC LENGTH   R  bytes in the current record
 *
 * Naming: if the record contains '\n' and the bytes before the first
 * '\n' are 1..32 characters of [A-Za-z0-9_.-], they are the record's name
 * and the text is what follows that '\n'; otherwise the record has the
 * empty name and its text is the whole record.  Committing a named record
 * replaces an earlier record of the same name (keeping its place), so
 * software can publish its latest statistics again and again.
 */
#ifndef DEVICES_HOSTCHAN_H
#define DEVICES_HOSTCHAN_H

#define DEV_HOSTCHAN_SIZE 16u
#define DEV_HOSTCHAN_MAX_BYTES (1u << 20) /* per record */
#define DEV_HOSTCHAN_MAX_RECORDS 64
#define DEV_HOSTCHAN_MAX_NAME 32

#define DEV_HOSTCHAN_DATA 0x0u
#define DEV_HOSTCHAN_COMMAND 0x4u
#define DEV_HOSTCHAN_STATUS 0x8u
#define DEV_HOSTCHAN_LENGTH 0xCu

#define DEV_HOSTCHAN_CMD_COMMIT 1u
#define DEV_HOSTCHAN_CMD_CLEAR 2u
#define DEV_HOSTCHAN_CMD_RESET 3u

#define DEV_HOSTCHAN_ST_OVERFLOW 0x1u
#define DEV_HOSTCHAN_ST_LOST 0x2u
#define DEV_HOSTCHAN_ST_RECORDS_SHIFT 16

#if !defined(__ASSEMBLER__) && !defined(DEV_REGS_ONLY)
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "devices/device.h"

/* Create the host channel at base; NULL after a one-line error on err. */
struct device *dev_hostchan_create(const struct dev_services *svc,
				   uint32_t base, FILE *err);
/*
 * The committed records in commit order: *names[i] ("" when unnamed) and
 * *texts[i] are NUL-terminated and stay valid until the next COMMIT or
 * RESET command, or destroy.  Returns their number.
 */
int dev_hostchan_records(const struct device *d, const char ***names,
			 const char ***texts);
#endif

#endif
