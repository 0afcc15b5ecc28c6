/*
 * fsdefs.h - the storage side of the kernel, grouped by file: the disk
 * driver, the buffer cache, the log, the file system, open files, pipes.
 */
#ifndef GUESTOS_FSDEFS_H
#define GUESTOS_FSDEFS_H

#include <stdint.h>

struct buf;
struct file;
struct inode;
struct pipe;
struct stat;
struct superblock;

// disk.c
void disk_init(void);
void disk_intr(int unit);
void disk_rw(struct buf *b, int write);
void disk_xfer(int unit, int write, uint32_t blockno, void *data);
void disk_flush(int unit);
uint32_t disk_blocks(int unit);

// bio.c
void binit(void);
struct buf *bread(int dev, uint32_t blockno);
void bwrite(struct buf *b);
void brelse(struct buf *b);
void bpin(struct buf *b);
void bunpin(struct buf *b);

// log.c
void initlog(int dev, const struct superblock *sb);
void begin_op(void);
void end_op(void);
void log_write(struct buf *b);
void log_sync(void);

// fs.c
void iinit(void);
void fsinit(int dev);
void fs_sync(void);
struct inode *ialloc(int dev, short type);
struct inode *iget(int dev, uint32_t inum);
struct inode *idup(struct inode *ip);
void ilock(struct inode *ip);
void iunlock(struct inode *ip);
void iput(struct inode *ip);
void iunlockput(struct inode *ip);
void iupdate(struct inode *ip);
uint32_t balloc(int dev);
void bfree(int dev, uint32_t b);

// bmap.c
uint32_t bmap(struct inode *ip, uint32_t bn);
void itrunc(struct inode *ip);
int readi(struct inode *ip, int user_dst, uint32_t dst, uint32_t off, uint32_t n);
int writei(struct inode *ip, int user_src, uint32_t src, uint32_t off, uint32_t n);
void stati(struct inode *ip, struct stat *st);

// dir.c
int namecmp(const char *s, const char *t);
uint32_t dirfind(struct inode *dp, const char *name, uint32_t *poff);
struct inode *dirlookup(struct inode *dp, const char *name, uint32_t *poff);
int dirlink(struct inode *dp, const char *name, uint32_t inum);
struct inode *namei(const char *path);
struct inode *nameiparent(const char *path, char *name);

// file.c
void fileinit(void);
struct file *filealloc(void);
struct file *filedup(struct file *f);
void fileclose(struct file *f);
int filestat(struct file *f, uint32_t addr);
int fileread(struct file *f, uint32_t addr, int n);
int filewrite(struct file *f, uint32_t addr, int n);

// sysfile.c
int fdalloc(struct file *f);

// pipe.c
int pipealloc(struct file **f0, struct file **f1);
void pipeclose(struct pipe *pi, int writable);
int pipewrite(struct pipe *pi, uint32_t addr, int n);
int piperead(struct pipe *pi, uint32_t addr, int n);

#endif
