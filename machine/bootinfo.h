/*
 * bootinfo.h - the boot information block, version 1: what the machine
 * tells software at reset about itself.  Only #defines, so that host C,
 * MIPS C and MIPS assembly can all include it.  docs/machine.md has the
 * same layout with prose.
 *
 * a2 holds the block's PHYSICAL address at reset (read it through kseg0,
 * a2 | 0x80000000).  The block lies in RAM on a 4 KB boundary, right above
 * the kernel's highest loaded byte and the modules; everything from
 * free_base up to the end of RAM, and RAM below the kernel other than the
 * kernel's own segments, is free for software.
 *
 * Every field is a big-endian 32-bit word; offsets are in bytes from the
 * start of the block; tables and strings follow the header, inside the
 * block ("size" bytes in all).  Strings are NUL-terminated.
 *
 *   header (BI_HDR_BYTES)
 *   +0x00 magic        0x4D444249 "MDBI"
 *   +0x04 version      1
 *   +0x08 size         bytes of the whole block
 *   +0x0C free_base    first free physical address (page-aligned)
 *   +0x10 ncpus        number of CPUs (a1)
 *   +0x14 nnodes       number of nodes
 *   +0x18 cpus_per_node  CPU i is on node i / cpus_per_node
 *   +0x1C mem_bytes    bytes of RAM in all nodes (RAM is [0, mem_bytes))
 *   +0x20 clock_mhz    CPU clock; Count counts at half this rate
 *   +0x24 timing       BI_TIMING_FAST or BI_TIMING_NUMA
 *   +0x28 kernel_lo    lowest physical RAM byte of the kernel's segments
 *   +0x2C kernel_hi    end (exclusive) of its highest RAM segment
 *   +0x30 node_off     node table      (node_count entries of 16 bytes)
 *   +0x34 node_count
 *   +0x38 dev_off      device table    (dev_count entries of 24 bytes)
 *   +0x3C dev_count
 *   +0x40 mod_off      module table    (mod_count entries of 16 bytes)
 *   +0x44 mod_count
 *   +0x48 cmdline_off  --append text, NUL-terminated ("" if none)
 *   +0x4C cmdline_len  its length without the NUL
 *
 *   node entry               device entry             module entry
 *   +0x0 mem_base            +0x00 type (BI_DEV_*)    +0x0 phys_addr
 *   +0x4 mem_bytes           +0x04 unit (disk k)      +0x4 size (bytes)
 *   +0x8 first_cpu           +0x08 base (physical)    +0x8 name_off
 *   +0xC ncpus               +0x0C size (bytes)       +0xC 0
 *                            +0x10 irq source, or
 *                                  0xFFFFFFFF: none
 *                            +0x14 0
 */
#ifndef MACHINE_BOOTINFO_H
#define MACHINE_BOOTINFO_H

#define BI_MAGIC 0x4D444249
#define BI_VERSION 1

#define BI_MAGIC_OFF 0x00
#define BI_VERSION_OFF 0x04
#define BI_SIZE 0x08
#define BI_FREE_BASE 0x0C
#define BI_NCPUS 0x10
#define BI_NNODES 0x14
#define BI_CPUS_PER_NODE 0x18
#define BI_MEM_BYTES 0x1C
#define BI_CLOCK_MHZ 0x20
#define BI_TIMING 0x24
#define BI_KERNEL_LO 0x28
#define BI_KERNEL_HI 0x2C
#define BI_NODE_OFF 0x30
#define BI_NODE_COUNT 0x34
#define BI_DEV_OFF 0x38
#define BI_DEV_COUNT 0x3C
#define BI_MOD_OFF 0x40
#define BI_MOD_COUNT 0x44
#define BI_CMDLINE_OFF 0x48
#define BI_CMDLINE_LEN 0x4C
#define BI_HDR_BYTES 0x50

#define BI_NODE_MEM_BASE 0x0
#define BI_NODE_MEM_BYTES 0x4
#define BI_NODE_FIRST_CPU 0x8
#define BI_NODE_NCPUS 0xC
#define BI_NODE_BYTES 16

#define BI_DEV_TYPE 0x00
#define BI_DEV_UNIT 0x04
#define BI_DEV_BASE 0x08
#define BI_DEV_SIZE_OFF 0x0C
#define BI_DEV_IRQ 0x10
#define BI_DEV_BYTES 24

#define BI_MOD_ADDR 0x0
#define BI_MOD_SIZE 0x4
#define BI_MOD_NAME 0x8
#define BI_MOD_BYTES 16

#define BI_TIMING_FAST 0
#define BI_TIMING_NUMA 1

#define BI_IRQ_NONE 0xFFFFFFFF

/* Device types of the device table. */
#define BI_DEV_CONSOLE 1
#define BI_DEV_POWER 2
#define BI_DEV_INTC 3
#define BI_DEV_HOSTCHAN 4
#define BI_DEV_DISK 5
#define BI_DEV_NUMA 6
#define BI_DEV_PROM 7
#define BI_DEV_TRACECTL 8

#define BI_PAGE 4096 /* modules and the block start on such a boundary */

#endif
