/*
 * vcons.c - a console per VM over the machine's one console device
 * (docs/dev-console.md), reached by the monitor through kseg1.
 *
 * Output: MC_CONS_WRITE appends the guest's bytes to its VM's line
 * buffer; a whole line goes to the real console at once, prefixed with
 * the VM's tag, so lines of different VMs never mix:
 *
 *   [vm0] test forkwait: ok (1 ticks)        a line of VM 0
 *   [vm1] $ ls                               a line of VM 1
 *   [vm1]+ ...                               the rest of a VM 1 line
 *                                            that had to be cut
 *
 * A partial line (a prompt, a full buffer) is written once it is older
 * than VCONS_AGE_US of machine time or the buffer is full; it stays "open"
 * on the real console (vcons_open) until that VM ends it.  If another VM
 * (or a monitor message through vcons_say) needs the console first, the
 * open line is ended with a newline, and its VM continues on a new line
 * tagged "[vmI]+ ", so a reader (or a test) can join the pieces again.
 *
 * Input: the console's receive interrupt (io_intr, CPU 0) moves bytes
 * into the selected VM's queue and posts device source 0 to it; Ctrl-A
 * then a digit selects VM n, Ctrl-A Ctrl-A sends a Ctrl-A.  When the host
 * input ends, every VM gets MC_ERR_END once its queue is empty.  If the
 * selected VM's queue is full, the receive interrupt is switched off and
 * io_poll switches it on again when there is room (the device's FIFO and
 * the host pipe hold the rest: nothing is lost).
 *
 * Locking: vc->lock guards a VM's output buffer; the klib console lock
 * (kconsole_lock) guards the real console and vcons_open; vcons_in.lock
 * guards every input queue and the selection.  Order: vc->lock, then
 * the console lock.
 */
#include "vmm.h"

#define CONS_REG(off) (*(volatile uint32_t *)(0xBF000000u + (off)))
#define CONS_STATUS  0x4
#define CONS_RXDATA  0x8
#define CONS_CONTROL 0xC
#define CONS_ST_AV   0x1
#define CONS_ST_END  0x4
#define CONS_RXIE    0x1
#define CONS_ENDIE   0x2

#define VCONS_LINE    256   /* output bytes buffered per VM */
#define VCONS_INQ     512   /* input bytes queued per VM (a power of 2) */
#define VCONS_CHUNK   128   /* bytes copied from the guest at a time */
#define VCONS_WRITE_MAX 65536 /* most bytes one MC_CONS_WRITE takes */
#define VCONS_AGE_US  1000  /* a partial line waits at most this long */
#define CTRL_A        0x01

/* Output state of one VM's console. */
struct vcons {
	struct kspinlock lock;
	char line[VCONS_LINE];      /* bytes not yet on the real console */
	int n;
	uint32_t since;             /* real Count when line[0] arrived */
	int cut;                    /* its open line was ended by someone else */
	uint64_t bytes_out;         /* statistics */
};

/* Input queues, one per VM, and the selection. */
struct vcons_input {
	struct kspinlock lock;
	uint8_t q[VMM_MAXVM][VCONS_INQ];
	uint32_t r[VMM_MAXVM], w[VMM_MAXVM];  /* free-running indexes */
	int target;                 /* VM that receives typed input */
	int escape;                 /* the last byte was a Ctrl-A */
	int ended;                  /* the host input is over */
	int rx_off;                 /* receive interrupt off: target's queue full */
	uint64_t bytes_in[VMM_MAXVM];
};

static struct vcons vcons[VMM_MAXVM];
static struct vcons_input vcons_in;
static int vcons_open = -1;         /* VM whose partial line ends the real console */
static uint32_t vcons_age_ticks;    /* VCONS_AGE_US in Count ticks */

/* Write s to the real console; the console lock is held. */
static void vcons_puts_locked(const char *s)
{
	while (*s)
		kputc_locked(*s++);
}

/* Make the real console ready for VM id's bytes; the console lock is held. */
static void vcons_claim(int id)
{
	char tag[16];

	if (vcons_open == id)
		return;
	if (vcons_open >= 0) {
		kputc_locked('\n');
		vcons[vcons_open].cut = 1;
	}
	ksnprintf(tag, sizeof tag, "[vm%d]%s ", id, vcons[id].cut ? "+" : "");
	vcons_puts_locked(tag);
	vcons[id].cut = 0;
	vcons_open = id;
}

/* Write VM id's buffered bytes to the real console; vc->lock is held. */
static void vcons_flush(int id)
{
	struct vcons *vc = &vcons[id];

	if (vc->n == 0)
		return;
	kconsole_lock();
	vcons_claim(id);
	for (int i = 0; i < vc->n; i++)
		kputc_locked(vc->line[i]);
	if (vc->line[vc->n - 1] == '\n')
		vcons_open = -1;
	kconsole_unlock();
	vc->n = 0;
}

/* Append bytes to VM id's line buffer, writing out every complete line. */
static void vcons_append(int id, const char *buf, uint32_t len)
{
	struct vcons *vc = &vcons[id];

	kspin_lock(&vc->lock);
	for (uint32_t i = 0; i < len; i++) {
		if (vc->n == 0)
			vc->since = kcp0_count();
		vc->line[vc->n++] = buf[i];
		if (buf[i] == '\n' || vc->n == VCONS_LINE)
			vcons_flush(id);
	}
	vc->bytes_out += len;
	kspin_unlock(&vc->lock);
}

/* Print a monitor message line ("vmm: ...") without cutting into a VM's line. */
void vcons_say(const char *msg)
{
	kconsole_lock();
	if (vcons_open >= 0) {
		kputc_locked('\n');
		vcons[vcons_open].cut = 1;
		vcons_open = -1;
	}
	vcons_puts_locked(msg);
	kputc_locked('\n');
	kconsole_unlock();
}

/* Write out partial lines older than VCONS_AGE_US (all of them if force). */
void vcons_flush_old(int force)
{
	uint32_t now = kcp0_count();

	for (int id = 0; id < vmm_nvms; id++) {
		struct vcons *vc = &vcons[id];
		if (vc->n == 0 || !kspin_trylock(&vc->lock))
			continue;
		if (vc->n > 0 && (force || now - vc->since >= vcons_age_ticks))
			vcons_flush(id);
		kspin_unlock(&vc->lock);
	}
}

/* MC_CONS_WRITE(gva, len): copy len bytes from the guest to its console. */
static int32_t vcons_mc_write(struct vcpu *v, uint32_t gva, uint32_t len,
			      uint32_t a2, uint32_t a3, uint32_t t0, uint32_t t1)
{
	char buf[VCONS_CHUNK];
	uint32_t done = 0;

	(void)a2, (void)a3, (void)t0, (void)t1;
	if (len > VCONS_WRITE_MAX)
		len = VCONS_WRITE_MAX;
	if (gva + len < gva)
		return MC_ERR_INVAL;
	while (done < len) {
		uint32_t n = len - done < VCONS_CHUNK ? len - done : VCONS_CHUNK;
		if (mem_copyin(v, buf, gva + done, n) < 0)
			return MC_ERR_INVAL;
		vcons_append(v->vm->id, buf, n);
		done += n;
	}
	return (int32_t)done;
}

/* MC_CONS_GETC(): the VM's next input byte, MC_ERR_AGAIN, or MC_ERR_END. */
static int32_t vcons_mc_getc(struct vcpu *v, uint32_t a0, uint32_t a1,
			     uint32_t a2, uint32_t a3, uint32_t t0, uint32_t t1)
{
	struct vcons_input *in = &vcons_in;
	int id = v->vm->id;
	int32_t c;

	(void)a0, (void)a1, (void)a2, (void)a3, (void)t0, (void)t1;
	kspin_lock(&in->lock);
	if (in->r[id] != in->w[id])
		c = in->q[id][in->r[id]++ % VCONS_INQ];
	else
		c = in->ended ? MC_ERR_END : MC_ERR_AGAIN;
	kspin_unlock(&in->lock);
	return c;
}

/* Room left in VM id's input queue; vcons_in.lock is held. */
static uint32_t vcons_room(int id)
{
	return VCONS_INQ - (vcons_in.w[id] - vcons_in.r[id]);
}

/* Handle one received byte: a key of the switch, or input for the target.
 * Returns the VM it was queued to, or -1.  vcons_in.lock is held. */
static int vcons_key(int c, char *msg, int msgsize)
{
	struct vcons_input *in = &vcons_in;

	if (in->escape) {
		in->escape = 0;
		if (c >= '0' && c <= '9') {
			if (c - '0' < vmm_nvms) {
				in->target = c - '0';
				ksnprintf(msg, msgsize,
					  "vmm: console input to vm %d", in->target);
			} else {
				ksnprintf(msg, msgsize, "vmm: no vm %d", c - '0');
			}
			return -1;
		}
		if (c != CTRL_A)
			return -1;     /* Ctrl-A then anything else: both dropped */
	} else if (c == CTRL_A) {
		in->escape = 1;
		return -1;
	}
	in->q[in->target][in->w[in->target]++ % VCONS_INQ] = (uint8_t)c;
	in->bytes_in[in->target]++;
	return in->target;
}

/* The console interrupt: drain the device into the queues; return the
 * device sources to post to each VM as a bit mask of VM numbers. */
static uint32_t vcons_drain(char *msg, int msgsize)
{
	struct vcons_input *in = &vcons_in;
	uint32_t post = 0;

	for (;;) {
		if (vcons_room(in->target) == 0) {
			CONS_REG(CONS_CONTROL) = CONS_ENDIE;
			in->rx_off = 1;
			break;
		}
		int32_t c = (int32_t)CONS_REG(CONS_RXDATA);
		if (c < 0)
			break;
		int id = vcons_key(c, msg, msgsize);
		if (id >= 0)
			post |= 1u << id;
	}
	if (!in->ended && (CONS_REG(CONS_STATUS) & CONS_ST_END)) {
		in->ended = 1;
		CONS_REG(CONS_CONTROL) = 0;
		post = (1u << vmm_nvms) - 1;
	}
	return post;
}

/* Service the console's interrupt (source 0), from io_intr. */
void vcons_intr(void)
{
	char msg[48] = "";
	uint32_t post;

	kspin_lock(&vcons_in.lock);
	post = vcons_drain(msg, sizeof msg);
	kspin_unlock(&vcons_in.lock);
	if (msg[0])
		vcons_say(msg);
	for (int id = 0; id < vmm_nvms; id++)
		if (post & (1u << id))
			vmm_dev_post(&vmm_vms[id], 1u << 0);
}

/* Switch the receive interrupt back on once the target's queue has room. */
void vcons_poll_input(void)
{
	struct vcons_input *in = &vcons_in;

	if (!in->rx_off || !kspin_trylock(&in->lock))
		return;
	if (in->rx_off && !in->ended && vcons_room(in->target) > 0) {
		in->rx_off = 0;
		CONS_REG(CONS_CONTROL) = CONS_RXIE | CONS_ENDIE;
	}
	kspin_unlock(&in->lock);
}

/* Bytes written by VM id's guest and bytes of input it was given. */
void vcons_counts(int id, uint64_t *out, uint64_t *in)
{
	*out = vcons[id].bytes_out;
	*in = vcons_in.bytes_in[id];
}

/* Set up the consoles and the device's interrupts (boot CPU). */
void vcons_init(void)
{
	vcons_age_ticks = vmm_hz / (1000000 / VCONS_AGE_US);
	vcons_in.target = 0;
	CONS_REG(CONS_CONTROL) = CONS_RXIE | CONS_ENDIE;
	vmm_mcall_register(MC_CONS_WRITE, vcons_mc_write);
	vmm_mcall_register(MC_CONS_GETC, vcons_mc_getc);
}
