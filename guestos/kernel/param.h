/* param.h - the kernel's fixed sizes. */
#ifndef GUESTOS_PARAM_H
#define GUESTOS_PARAM_H

#define NCPU        32   /* most CPUs the machine can have */
#define NPROC       64   /* process table entries (threads count) */
#define KSTACKSIZE  8192 /* per-process kernel stack */
#define PGSIZE      4096
#define PGSHIFT     12
#define HZ          100  /* timer interrupts per second per CPU */
#define MAXARG      32   /* exec arguments */
#define MAXPATH     128  /* longest path name */

/* The file system's sizes (owned by the storage code). */
#define NOFILE      16   /* open files per process */
#define NFILE       100  /* open files in the system */
#define NINODE      100  /* in-memory inodes */
#define NDEV        10   /* device major numbers */
#define ROOTDEV     0    /* disk unit of the root file system */
#define MAXOPBLOCKS 32   /* most blocks one FS operation writes */
#define LOGSIZE     (MAXOPBLOCKS * 3) /* blocks of the on-disk log */
#define NBUF        (MAXOPBLOCKS * 5) /* buffer cache blocks: more than LOGSIZE */

#endif
