/*
 * vdisk.c - each VM's disks: the machine's DMA disk units
 * (docs/dev-disk.md) behind MC_DISK_INFO/START/DONE/FLUSH.
 *
 * A VM numbers its disks 0..ndisks-1; its unit k is machine unit
 * vm->disks[k], owned by that VM alone (io_init refuses a unit given to
 * two VMs), so a VM can never name another VM's disk.  Each guest unit
 * has one request slot (the guest driver runs one command per unit at a
 * time, as on the real device); the requests of a machine unit wait in a
 * FIFO queue and run one after the other:
 *
 *   machine unit u:  head (on the device) -> next -> ... -> tail
 *
 * DMA addresses are guest-physical.  MC_DISK_START checks that every
 * byte of [gpa, gpa + 512*nsect) is inside the VM's memory and mapped by
 * its pmap (MC_ERR_INVAL otherwise).  The transfer then runs as device
 * commands over machine-contiguous runs: each command covers the whole
 * sectors from the current gpa up to the next page whose machine page
 * does not follow the previous one.  A sector that itself straddles such
 * a break goes through the unit's one-sector bounce buffer:
 *
 *   guest pages:   | gpa page A (machine 0x31000) | gpa page B (0x07000) |
 *   sectors:         [ s0 ][ s1 ][ s2 ][ s3 ][ s4 | s4 ][ s5 ] ...
 *   commands:        direct s0..s3 -> 0x31xxx;  s4 bounced;  direct s5...
 *
 * Each step is translated again through the pmap when it starts.  The
 * real disk interrupt (io_intr) starts the next step or finishes the
 * request, and posts device source 1+k to the VM (its unit k).
 */
#include "vmm.h"

#define DEV_REGS_ONLY
#include "devices/disk.h"

/* Register off of machine disk unit u, through kseg1. */
#define DISK_REG(u, off) \
	(*(volatile uint32_t *)(0xBF001000u + DEV_DISK_SIZE * (u) + (off)))
#define DISK_ST_ERROR(s) (((s) >> DEV_DISK_ST_ERROR_SHIFT) & 0xFF)

#define VDISK_UNITS   8          /* machine disk units */
#define VDISK_SECT    512
#define VDISK_PAGE    4096
#define VDISK_MAXSECT 65536      /* most sectors of one request (32 MB) */

enum vdisk_state { VD_IDLE, VD_QUEUED, VD_BUSY, VD_DONE };

/* The request slot of one guest unit. */
struct vdisk_req {
	struct vm *vm;
	int vunit;                   /* the guest's number for the unit */
	enum vdisk_state state;
	int cmd;                     /* DEV_DISK_CMD_* */
	uint32_t sector, nsect;      /* what is left to transfer */
	uint32_t gpa;                /* where what is left goes */
	uint32_t step;               /* sectors of the command on the device */
	int bounced;                 /* that command uses the bounce sector */
	int err;                     /* the result, once VD_DONE */
	struct vdisk_req *next;
};

/* One machine disk unit. */
struct vdisk_unit {
	struct kspinlock lock;       /* guards the queue and its requests */
	struct vdisk_req *head, *tail;
	uint32_t capacity;           /* sectors */
	int present;
	int owner;                   /* VM id, -1 if unused */
	uint8_t bounce[VDISK_SECT] __attribute__((aligned(VDISK_SECT)));
	uint64_t commands, bounces;  /* statistics */
};

static struct vdisk_unit vdisk_units[VDISK_UNITS];
static struct vdisk_req vdisk_reqs[VMM_MAXVM][VMM_MAXDISK];

/* Does every byte of [gpa, gpa + len) belong to vm's memory? */
int vdisk_range_ok(struct vm *vm, uint32_t gpa, uint32_t len)
{
	if (len == 0 || gpa + len < gpa || gpa + len > vm->mem_bytes)
		return 0;
	for (uint32_t p = gpa & ~(VDISK_PAGE - 1); p < gpa + len; p += VDISK_PAGE)
		if (mem_gpa_to_pa(vm, p) == ~0u)
			return 0;
	return 1;
}

/* Machine-contiguous bytes from gpa (at most want), 0 if gpa is unmapped;
 * *pa is gpa's machine address. */
static uint32_t vdisk_run(struct vm *vm, uint32_t gpa, uint32_t want,
			  uint32_t *pa)
{
	uint32_t first = mem_gpa_to_pa(vm, gpa), run, page;

	if (first == ~0u)
		return 0;
	*pa = first;
	run = VDISK_PAGE - (gpa & (VDISK_PAGE - 1));
	page = first - (gpa & (VDISK_PAGE - 1));
	while (run < want && gpa + run < vm->mem_bytes &&
	       mem_gpa_to_pa(vm, gpa + run) == page + VDISK_PAGE) {
		page += VDISK_PAGE;
		run += VDISK_PAGE;
	}
	return run < want ? run : want;
}

/* Copy the bounce sector to (to_guest) or from vm's memory at gpa. */
static int vdisk_bounce_copy(struct vm *vm, uint32_t gpa, uint8_t *bounce,
			     int to_guest)
{
	for (uint32_t off = 0; off < VDISK_SECT;) {
		uint32_t pa = mem_gpa_to_pa(vm, gpa + off);
		uint32_t n = VDISK_PAGE - ((gpa + off) & (VDISK_PAGE - 1));
		if (pa == ~0u)
			return -1;
		if (n > VDISK_SECT - off)
			n = VDISK_SECT - off;
		uint8_t *m = (uint8_t *)(pa | 0x80000000u);
		if (to_guest)
			memcpy(m, bounce + off, n);
		else
			memcpy(bounce + off, m, n);
		off += n;
	}
	return 0;
}

/* Give machine unit u one command; the unit's lock is held. */
static void vdisk_command(int u, int cmd, uint32_t sector, uint32_t count,
			  uint32_t pa)
{
	DISK_REG(u, DEV_DISK_SECTOR) = sector;
	DISK_REG(u, DEV_DISK_COUNT) = count;
	DISK_REG(u, DEV_DISK_DMA) = pa;
	DISK_REG(u, DEV_DISK_IE) = 1;
	DISK_REG(u, DEV_DISK_COMMAND) = (uint32_t)cmd;
	vdisk_units[u].commands++;
}

/* Start the next step of u's head request; -1 if its memory vanished. */
static int vdisk_step(int u)
{
	struct vdisk_unit *d = &vdisk_units[u];
	struct vdisk_req *r = d->head;
	uint32_t pa, run;

	r->state = VD_BUSY;
	if (r->cmd == DEV_DISK_CMD_FLUSH) {
		vdisk_command(u, r->cmd, 0, 0, 0);
		return 0;
	}
	run = vdisk_run(r->vm, r->gpa, r->nsect * VDISK_SECT, &pa);
	if (run == 0)
		return -1;
	r->bounced = run < VDISK_SECT;
	if (!r->bounced) {
		r->step = run / VDISK_SECT;
		vdisk_command(u, r->cmd, r->sector, r->step, pa);
		return 0;
	}
	r->step = 1;
	if (r->cmd == DEV_DISK_CMD_WRITE &&
	    vdisk_bounce_copy(r->vm, r->gpa, d->bounce, 0) < 0)
		return -1;
	d->bounces++;
	vdisk_command(u, r->cmd, r->sector, 1,
		      (uint32_t)(uintptr_t)d->bounce & 0x1FFFFFFFu);
	return 0;
}

/* Finish u's head request with err and start the next one; return the
 * finished request (its VM gets the interrupt).  The unit's lock is held. */
static struct vdisk_req *vdisk_finish(int u, int err)
{
	struct vdisk_unit *d = &vdisk_units[u];
	struct vdisk_req *r = d->head;

	r->err = err;
	r->state = VD_DONE;
	d->head = r->next;
	if (d->head == 0)
		d->tail = 0;
	r->next = 0;
	while (d->head && vdisk_step(u) < 0) {
		/* The next request lost its memory (a page freed meanwhile):
		 * it fails at once as a DMA error, as the device would. */
		struct vdisk_req *bad = d->head;
		bad->err = DEV_DISK_ERR_DMA;
		bad->state = VD_DONE;
		d->head = bad->next;
		if (d->head == 0)
			d->tail = 0;
		vmm_dev_post(bad->vm, 1u << (1 + bad->vunit));
	}
	return r;
}

/* Service machine unit u's interrupt: advance or finish its request. */
void vdisk_intr(int u)
{
	struct vdisk_unit *d = &vdisk_units[u];
	struct vdisk_req *r, *done = 0;
	uint32_t st;

	if (u < 0 || u >= VDISK_UNITS || !d->present)
		return;
	kspin_lock(&d->lock);
	st = DISK_REG(u, DEV_DISK_STATUS);
	r = d->head;
	if (!(st & DEV_DISK_ST_DONE) || r == 0 || r->state != VD_BUSY) {
		kspin_unlock(&d->lock);
		return;
	}
	DISK_REG(u, DEV_DISK_ACK) = 1;
	int err = (int)DISK_ST_ERROR(st);
	if (err == 0 && r->bounced && r->cmd == DEV_DISK_CMD_READ &&
	    vdisk_bounce_copy(r->vm, r->gpa, d->bounce, 1) < 0)
		err = DEV_DISK_ERR_DMA;
	if (err == 0 && r->cmd != DEV_DISK_CMD_FLUSH) {
		r->sector += r->step;
		r->gpa += r->step * VDISK_SECT;
		r->nsect -= r->step;
	}
	if (err != 0 || r->cmd == DEV_DISK_CMD_FLUSH || r->nsect == 0)
		done = vdisk_finish(u, err);
	else if (vdisk_step(u) < 0)
		done = vdisk_finish(u, DEV_DISK_ERR_DMA);
	kspin_unlock(&d->lock);
	if (done)
		vmm_dev_post(done->vm, 1u << (1 + done->vunit));
}

/* The machine unit of v's VM's unit vunit, or -1. */
static int vdisk_unit_of(struct vcpu *v, uint32_t vunit)
{
	struct vm *vm = v->vm;

	if (vunit >= (uint32_t)vm->ndisks)
		return -1;
	return vm->disks[vunit];
}

/* Queue request r on machine unit u and start it if the unit is idle. */
static int32_t vdisk_submit(int u, struct vdisk_req *r)
{
	struct vdisk_unit *d = &vdisk_units[u];
	int bad = 0;

	r->next = 0;
	r->state = VD_QUEUED;
	if (d->tail)
		d->tail->next = r;
	else
		d->head = r;
	d->tail = r;
	if (d->head == r && vdisk_step(u) < 0)
		bad = 1;
	if (bad)
		vdisk_finish(u, DEV_DISK_ERR_DMA);
	kspin_unlock(&d->lock);
	if (bad)
		vmm_dev_post(r->vm, 1u << (1 + r->vunit));
	return 0;
}

/* Take vunit's request slot for a new command; the unit's lock is held
 * on success (0); MC_ERR_BUSY if a command is still queued or running. */
static int vdisk_slot(struct vcpu *v, uint32_t vunit, int u,
		      struct vdisk_req **rp)
{
	struct vdisk_req *r = &vdisk_reqs[v->vm->id][vunit];

	kspin_lock(&vdisk_units[u].lock);
	if (r->state == VD_QUEUED || r->state == VD_BUSY) {
		kspin_unlock(&vdisk_units[u].lock);
		return MC_ERR_BUSY;
	}
	r->vm = v->vm;
	r->vunit = (int)vunit;
	r->err = 0;
	*rp = r;
	return 0;
}

/* MC_DISK_START(unit, write, sector, nsect, gpa): start a DMA transfer. */
static int32_t vdisk_mc_start(struct vcpu *v, uint32_t unit, uint32_t write,
			      uint32_t sector, uint32_t nsect, uint32_t gpa,
			      uint32_t t1)
{
	struct vdisk_req *r;
	int u = vdisk_unit_of(v, unit);
	int32_t e;

	(void)t1;
	if (u < 0 || nsect == 0 || nsect > VDISK_MAXSECT ||
	    !vdisk_range_ok(v->vm, gpa, nsect * VDISK_SECT))
		return MC_ERR_INVAL;
	if ((e = vdisk_slot(v, unit, u, &r)) < 0)
		return e;
	r->cmd = write ? DEV_DISK_CMD_WRITE : DEV_DISK_CMD_READ;
	r->sector = sector;
	r->nsect = nsect;
	r->gpa = gpa;
	if (sector + nsect < sector || sector + nsect > vdisk_units[u].capacity) {
		/* As the device does: done at once, "out of range", nothing moved. */
		r->state = VD_DONE;
		r->err = DEV_DISK_ERR_RANGE;
		kspin_unlock(&vdisk_units[u].lock);
		vmm_dev_post(v->vm, 1u << (1 + unit));
		return 0;
	}
	return vdisk_submit(u, r);
}

/* MC_DISK_FLUSH(unit): start a FLUSH; it completes like a transfer. */
static int32_t vdisk_mc_flush(struct vcpu *v, uint32_t unit, uint32_t a1,
			      uint32_t a2, uint32_t a3, uint32_t t0, uint32_t t1)
{
	struct vdisk_req *r;
	int u = vdisk_unit_of(v, unit);
	int32_t e;

	(void)a1, (void)a2, (void)a3, (void)t0, (void)t1;
	if (u < 0)
		return MC_ERR_INVAL;
	if ((e = vdisk_slot(v, unit, u, &r)) < 0)
		return e;
	r->cmd = DEV_DISK_CMD_FLUSH;
	r->nsect = 0;
	return vdisk_submit(u, r);
}

/* MC_DISK_DONE(unit): MC_ERR_AGAIN until the command is done; then its
 * device error (0 ok), once: the slot is free again. */
static int32_t vdisk_mc_done(struct vcpu *v, uint32_t unit, uint32_t a1,
			     uint32_t a2, uint32_t a3, uint32_t t0, uint32_t t1)
{
	int u = vdisk_unit_of(v, unit);
	int32_t res = MC_ERR_AGAIN;

	(void)a1, (void)a2, (void)a3, (void)t0, (void)t1;
	if (u < 0)
		return MC_ERR_INVAL;
	struct vdisk_req *r = &vdisk_reqs[v->vm->id][unit];
	kspin_lock(&vdisk_units[u].lock);
	if (r->state == VD_DONE) {
		res = r->err;
		r->state = VD_IDLE;
	}
	kspin_unlock(&vdisk_units[u].lock);
	return res;
}

/* MC_DISK_INFO(unit): the unit's size in sectors, or MC_ERR_NODEV. */
static int32_t vdisk_mc_info(struct vcpu *v, uint32_t unit, uint32_t a1,
			     uint32_t a2, uint32_t a3, uint32_t t0, uint32_t t1)
{
	int u = vdisk_unit_of(v, unit);

	(void)a1, (void)a2, (void)a3, (void)t0, (void)t1;
	if (u < 0)
		return MC_ERR_NODEV;
	uint32_t c = vdisk_units[u].capacity;
	return c > 0x7FFFFFFFu ? 0x7FFFFFFF : (int32_t)c;
}

/* Machine unit u exists (from the boot information's device table). */
void vdisk_found(int u)
{
	if (u < 0 || u >= VDISK_UNITS)
		return;
	vdisk_units[u].present = 1;
	vdisk_units[u].capacity = DISK_REG(u, DEV_DISK_CAPACITY);
}

/* Commands given to machine unit u and how many went through the bounce sector. */
void vdisk_counts(int u, uint64_t *commands, uint64_t *bounces)
{
	*commands = vdisk_units[u].commands;
	*bounces = vdisk_units[u].bounces;
}

/* Check every VM's disks (present, owned by one VM) and register the
 * calls; a bad configuration is a "vmm: ..." line and power-off 2. */
void vdisk_init(void)
{
	for (int u = 0; u < VDISK_UNITS; u++)
		vdisk_units[u].owner = -1;
	for (int id = 0; id < vmm_nvms; id++) {
		struct vm *vm = &vmm_vms[id];
		for (int k = 0; k < vm->ndisks; k++) {
			int u = vm->disks[k];
			if (u < 0 || u >= VDISK_UNITS || !vdisk_units[u].present) {
				kprintf("vmm: vm%d: there is no disk unit %d "
					"(give it with --disk)\n", id, u);
				kpoweroff(2);
			}
			if (vdisk_units[u].owner >= 0) {
				kprintf("vmm: disk unit %d given to vm%d and vm%d\n",
					u, vdisk_units[u].owner, id);
				kpoweroff(2);
			}
			vdisk_units[u].owner = id;
		}
	}
	vmm_mcall_register(MC_DISK_INFO, vdisk_mc_info);
	vmm_mcall_register(MC_DISK_START, vdisk_mc_start);
	vmm_mcall_register(MC_DISK_DONE, vdisk_mc_done);
	vmm_mcall_register(MC_DISK_FLUSH, vdisk_mc_flush);
}
