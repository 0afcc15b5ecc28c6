/*
 * console.c - the console device (major CONSOLE): output straight to the
 * HAL, input collected by the interrupt handler into a line buffer with
 * simple editing:
 *   backspace / DEL   erase a character      ^U   erase the line
 *   ^D                end of file            \r   becomes \n
 * A read returns at most one line; once the host input has ended (the
 * console's END), reads of an empty buffer return 0.  A read of 0 bytes
 * asks whether input can still come: 0 if so, -1 once it has ended and
 * the buffer is empty (init uses it to power off instead of restarting
 * a shell that can never read anything).
 */
#include "fcntl.h"
#include "file.h"
#include "hal.h"
#include "kernel.h"
#include "proc.h"
#include "vm.h"

#define CTRL(x) ((x) - '@')
#define INPUT_BUF 128

static struct {
	struct spinlock lock;
	char buf[INPUT_BUF];
	uint32_t r;              /* next byte to read */
	uint32_t w;              /* end of the lines ready to read */
	uint32_t e;              /* end of the line being edited */
	int ended;               /* no more input will ever come */
} cons;

/* Echo one character (or erase one with BS). */
static void echo(int c)
{
	printlock_acquire();
	if (c == '\b') {
		hal_cons_putc('\b');
		hal_cons_putc(' ');
		hal_cons_putc('\b');
	} else {
		hal_cons_putc(c);
	}
	printlock_release();
}

/* Copy up to n bytes of input (one line at most) to dst. */
static int consoleread(int user, uint32_t dst, int n)
{
	int want = n;
	acquire(&cons.lock);
	if (n == 0) {
		int over = cons.ended && cons.r == cons.w;
		release(&cons.lock);
		return over ? -1 : 0;
	}
	while (n > 0) {
		while (cons.r == cons.w && !cons.ended) {
			if (killed(myproc())) {
				release(&cons.lock);
				return -1;
			}
			sleep(&cons.r, &cons.lock);
		}
		if (cons.r == cons.w)
			break;
		char c = cons.buf[cons.r++ % INPUT_BUF];
		if (c == CTRL('D')) {
			if (n < want)
				cons.r--;        /* keep it: the next read sees EOF */
			break;
		}
		if (either_copyout(user, dst, &c, 1) < 0)
			break;
		dst++;
		n--;
		if (c == '\n')
			break;
	}
	release(&cons.lock);
	return want - n;
}

/* Write n bytes from src to the console, in pieces. */
static int consolewrite(int user, uint32_t src, int n)
{
	char buf[64];
	int done = 0;
	while (done < n) {
		int m = n - done < (int)sizeof(buf) ? n - done : (int)sizeof(buf);
		if (either_copyin(buf, user, src + (uint32_t)done, (uint32_t)m) < 0)
			break;
		printlock_acquire();
		for (int i = 0; i < m; i++)
			hal_cons_putc(buf[i]);
		printlock_release();
		done += m;
	}
	return done;
}

/* Take one input character into the line being edited (cons.lock held). */
static void consinput(int c)
{
	switch (c) {
	case CTRL('U'):
		while (cons.e != cons.w && cons.buf[(cons.e - 1) % INPUT_BUF] != '\n') {
			cons.e--;
			echo('\b');
		}
		return;
	case '\b':
	case 0x7f:
		if (cons.e != cons.w) {
			cons.e--;
			echo('\b');
		}
		return;
	}
	if (c == 0 || cons.e - cons.r >= INPUT_BUF)
		return;
	c = c == '\r' ? '\n' : c;
	if (c != CTRL('D'))
		echo(c);
	cons.buf[cons.e++ % INPUT_BUF] = (char)c;
	if (c == '\n' || c == CTRL('D') || cons.e - cons.r == INPUT_BUF) {
		cons.w = cons.e;
		wakeup(&cons.r);
	}
}

/* The console interrupt: take every waiting byte; notice the end of input. */
void console_intr(void)
{
	int c;
	acquire(&cons.lock);
	while ((c = hal_cons_getc()) >= 0)
		consinput(c);
	if (hal_cons_ended()) {
		cons.ended = 1;
		cons.w = cons.e;
		wakeup(&cons.r);
	}
	release(&cons.lock);
}

/* Install the console as device CONSOLE. */
void consoleinit(void)
{
	initlock(&cons.lock, "cons");
	devsw[CONSOLE].read = consoleread;
	devsw[CONSOLE].write = consolewrite;
}
