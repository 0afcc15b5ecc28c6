/*
 * dbg_repl.c - the interactive console: GNU readline with history and tab
 * completion (command names, ELF symbols, $registers) when stdin is a
 * terminal; otherwise plain lines from stdin, so scripts can pipe
 * commands in.  An empty line repeats step or continue, as in gdb; Ctrl-C
 * at the prompt abandons the line.
 */
#include "machine/dbg_internal.h"
#include "machine/dbg_signal.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

/*
 * readline's completion callback takes no context argument, so the symbol
 * table it completes from is reached through this pointer.  It is the one
 * mutable static besides the Ctrl-C flag: set just before readline() and
 * cleared after, never read outside that call.
 */
static const struct sym_table *dbg_rl_syms;

/* A growing list of completion candidates (malloc'd strings). */
struct dbg_names {
	char **v;
	size_t n, cap;
};

/* Append a copy of name to l if it starts with text. */
static void dbg_names_add(struct dbg_names *l, const char *text,
			  const char *name)
{
	if (strncmp(name, text, strlen(text)) != 0)
		return;
	if (l->n + 2 >= l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 32;
		char **v = realloc(l->v, cap * sizeof *v);
		if (v == NULL)
			return;
		l->v = v;
		l->cap = cap;
	}
	l->v[++l->n] = strdup(name); /* v[0] is kept for the common prefix */
	if (l->v[l->n] == NULL)
		l->n--;
}

/* Turn l into readline's match array: [common prefix, matches..., NULL]. */
static char **dbg_names_finish(struct dbg_names *l)
{
	if (l->n == 0) {
		free(l->v);
		return NULL;
	}
	size_t common = strlen(l->v[1]);
	for (size_t i = 2; i <= l->n; i++) {
		size_t k = 0;
		while (k < common && l->v[i][k] == l->v[1][k])
			k++;
		common = k;
	}
	l->v[0] = strndup(l->v[1], common);
	l->v[l->n + 1] = NULL;
	if (l->n == 1) { /* a single match replaces the word outright */
		free(l->v[0]);
		l->v[0] = l->v[1];
		l->v[1] = NULL;
	}
	return l->v;
}

/* True if the word starting at start is the line's second word. */
static bool dbg_second_word(const char *line, int start)
{
	size_t k = strspn(line, " \t");
	k += strcspn(line + k, " \t");
	return k < (size_t)start && k + strspn(line + k, " \t") == (size_t)start;
}

/* Complete text: a command name as the first word, an info subcommand
   after info, else a $register or a symbol. */
static char **dbg_complete(const char *text, int start, int end)
{
	struct dbg_names l = {0};
	(void)end;
	rl_attempted_completion_over = 1; /* never fall back to file names */
	if (strspn(rl_line_buffer, " \t") >= (size_t)start) {
		for (int i = 0; dbg_command_name(i) != NULL; i++)
			dbg_names_add(&l, text, dbg_command_name(i));
	} else if (dbg_second_word(rl_line_buffer, start) &&
		   dbg_is_info(rl_line_buffer)) {
		for (int i = 0; dbg_info_name(i) != NULL; i++)
			dbg_names_add(&l, text, dbg_info_name(i));
	} else if (text[0] == '$') {
		static const char *const extra[] = {"$pc", "$hi", "$lo"};
		for (int i = 0; i < 32; i++) {
			char name[16];
			snprintf(name, sizeof name, "$%s", dbg_reg_name(i));
			dbg_names_add(&l, text, name);
		}
		for (size_t i = 0; i < 3; i++)
			dbg_names_add(&l, text, extra[i]);
	} else if (dbg_rl_syms != NULL) {
		for (size_t i = 0; i < dbg_rl_syms->count; i++)
			dbg_names_add(&l, text, dbg_rl_syms->syms[i].name);
	}
	return dbg_names_finish(&l);
}

/* Called by readline when a signal interrupts its read: on Ctrl-C, drop
   the line and show a fresh prompt. */
static int dbg_rl_on_signal(void)
{
	if (!dbg_signal_pending())
		return 0;
	dbg_signal_clear();
	rl_replace_line("", 0);
	rl_crlf();
	rl_on_new_line();
	rl_redisplay();
	return 0;
}

/* Read one line with readline; dbg_repl holds the prompt-time Ctrl-C
   handler. */
static char *dbg_readline(struct dbg *d)
{
	struct termios saved;
	bool tty = tcgetattr(STDIN_FILENO, &saved) == 0;
	/* The guest's console device keeps the terminal without echo or line
	 * editing, and readline does not echo on a terminal without ECHO: the
	 * prompt gets a normal mode, and the device's mode comes back after. */
	if (tty) {
		struct termios t = saved;
		t.c_lflag |= ECHO | ICANON | IEXTEN | ISIG;
		t.c_iflag |= ICRNL;
		tcsetattr(STDIN_FILENO, TCSANOW, &t);
	}
	dbg_rl_syms = d->syms;
	dbg_signal_clear();
	char *line = readline("(minidisco) ");
	dbg_signal_clear();
	dbg_rl_syms = NULL;
	if (tty)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved);
	return line;
}

/* The readline loop; DBG_QUIT or DBG_ENDED. */
static int dbg_repl_tty(struct dbg *d)
{
	char last[DBG_LINE_MAX] = "";
	int r = DBG_OK;
	rl_readline_name = "minidisco";
	rl_attempted_completion_function = dbg_complete;
	rl_completer_word_break_characters = " \t";
	rl_catch_signals = 0; /* our handler; dbg_rl_on_signal reacts */
	rl_signal_event_hook = dbg_rl_on_signal;
	while (r != DBG_QUIT && r != DBG_ENDED) {
		char *line = dbg_readline(d);
		if (line == NULL) { /* Ctrl-D */
			fputc('\n', d->out);
			return DBG_QUIT;
		}
		if (line[strspn(line, " \t")] != '\0') {
			add_history(line);
			last[0] = '\0';
			if (dbg_repeatable(line))
				snprintf(last, sizeof last, "%s", line);
			r = dbg_exec(d, line);
		} else if (last[0] != '\0') {
			r = dbg_exec(d, last);
		}
		free(line);
	}
	return r;
}

/* Read one line from fd 0 into buf (cut to fit); false at end of input.
   A Ctrl-C (EINTR) while waiting is ignored. */
static bool dbg_read_line(char *buf, size_t size)
{
	size_t n = 0;
	char ch = 0;
	ssize_t got;
	/* A byte at a time, so that what follows the line stays in the pipe
	 * for the guest's console, which reads the same fd while it runs. */
	while ((got = read(STDIN_FILENO, &ch, 1)) != 0 && ch != '\n') {
		if (got < 0 && errno != EINTR)
			break;
		if (got == 1 && n + 1 < size)
			buf[n++] = ch;
	}
	buf[n] = '\0';
	return got == 1 || n > 0;
}

/* The plain loop over lines of stdin; DBG_QUIT or DBG_ENDED. */
static int dbg_repl_lines(struct dbg *d)
{
	char line[DBG_LINE_MAX];
	int r = DBG_OK;
	while (r != DBG_QUIT && r != DBG_ENDED &&
	       dbg_read_line(line, sizeof line)) {
		line[strcspn(line, "\r")] = '\0';
		r = dbg_exec(d, line);
	}
	return r == DBG_ENDED ? DBG_ENDED : DBG_QUIT;
}

/* Read and run commands until quit, EOF or the machine ends; see dbg.h.
   Ctrl-C never ends the console, as in gdb: at the prompt it drops the
   line, during a command it is ignored, while the machine runs it stops
   it (dbg_go's handler, put back to this one after). */
int dbg_repl(struct dbg *d)
{
	struct sigaction old;
	if (d->ended)
		return DBG_ENDED;
	fflush(d->out);
	dbg_signal_arm_prompt(&old);
	int r = isatty(STDIN_FILENO) ? dbg_repl_tty(d) : dbg_repl_lines(d);
	dbg_signal_disarm(&old);
	dbg_signal_clear();
	return r;
}
