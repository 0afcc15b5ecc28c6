/*
 * sh.c - the shell.
 *
 *     sh              read commands from standard input ("$ " prompt when
 *                     it is the console)
 *     sh FILE         run the commands in FILE (a script)
 *     sh -c COMMAND   run one command line
 *
 * A line is a list of pipelines separated by ';' (run in turn) or ended
 * by '&' (run in the background).  A pipeline is commands joined by '|';
 * a command is words with redirections `< FILE`, `> FILE`, `>> FILE`.
 * Words may be quoted with "..." or '...'; '#' starts a comment.
 * Built in: cd DIR, exit [N].  A command without '/' is looked up in
 * /bin too.  The shell's exit status is that of the last foreground
 * pipeline (of its last command), as in sh(1).
 */
#include "ulib.h"

#define MAXLINE  512
#define MAXTOK   128
#define MAXARGS  32
#define MAXPIPE  8

enum tok { T_WORD, T_PIPE, T_IN, T_OUT, T_APPEND, T_BG, T_SEMI, T_END };

/* One token of a line; words point into the tokenizer's own buffer. */
struct token {
	enum tok type;
	char *word;
};

/* One command of a pipeline. */
struct cmd {
	char *argv[MAXARGS + 1];
	int argc;
	char *in, *out;   /* redirections, or 0 */
	int append;       /* out was given with >> */
};

/* One pipeline: cmds[0] | cmds[1] | ... */
struct pipeline {
	struct cmd cmds[MAXPIPE];
	int n;
	int background;
};

static int last_status;   /* status of the last foreground pipeline */

/* True if c ends a word. */
static int is_special(char c)
{
	return c == '|' || c == '<' || c == '>' || c == '&' || c == ';' ||
	       c == '#' || isspace(c) || c == 0;
}

/* Copy one (possibly quoted) word from *sp into *wp; advance both. */
static int read_word(const char **sp, char **wp, char *wend)
{
	const char *s = *sp;
	char *w = *wp;
	while (!is_special(*s)) {
		if (*s == '"' || *s == '\'') {
			char q = *s++;
			while (*s && *s != q && w < wend)
				*w++ = *s++;
			if (*s != q)
				return -1;
			s++;
		} else if (w < wend) {
			*w++ = *s++;
		} else {
			return -1;
		}
	}
	if (w >= wend)
		return -1;
	*w++ = 0;
	*sp = s;
	*wp = w;
	return 0;
}

/* Split line into tokens (words copied into buf); -1 on a syntax error. */
static int tokenize(const char *s, struct token *t, char *buf, int bufsize)
{
	char *w = buf;
	int n = 0;
	for (;;) {
		while (isspace(*s))
			s++;
		if (n >= MAXTOK - 1)
			return -1;
		struct token *k = &t[n++];
		k->word = 0;
		switch (*s) {
		case 0: case '#': k->type = T_END; return 0;
		case '|': k->type = T_PIPE; s++; break;
		case '<': k->type = T_IN; s++; break;
		case '&': k->type = T_BG; s++; break;
		case ';': k->type = T_SEMI; s++; break;
		case '>':
			k->type = s[1] == '>' ? T_APPEND : T_OUT;
			s += s[1] == '>' ? 2 : 1;
			break;
		default:
			k->type = T_WORD;
			k->word = w;
			if (read_word(&s, &w, buf + bufsize) < 0)
				return -1;
		}
	}
}

/* Parse one command starting at t[*i]; -1 on a syntax error. */
static int parse_cmd(struct token *t, int *i, struct cmd *c)
{
	memset(c, 0, sizeof(*c));
	for (;; (*i)++) {
		struct token *k = &t[*i];
		if (k->type == T_WORD) {
			if (c->argc >= MAXARGS)
				return -1;
			c->argv[c->argc++] = k->word;
		} else if (k->type == T_IN || k->type == T_OUT || k->type == T_APPEND) {
			if (t[*i + 1].type != T_WORD)
				return -1;
			(*i)++;
			if (k->type == T_IN)
				c->in = t[*i].word;
			else
				c->out = t[*i].word;
			c->append = k->type == T_APPEND;
		} else {
			break;
		}
	}
	return c->argc > 0 ? 0 : -1;
}

/* Parse one pipeline at t[*i], up to ';', '&' or the end; -1 on error. */
static int parse_pipeline(struct token *t, int *i, struct pipeline *p)
{
	p->n = 0;
	p->background = 0;
	for (;;) {
		if (p->n >= MAXPIPE || parse_cmd(t, i, &p->cmds[p->n]) < 0)
			return -1;
		p->n++;
		if (t[*i].type != T_PIPE)
			break;
		(*i)++;
	}
	if (t[*i].type == T_BG)
		p->background = 1;
	if (t[*i].type == T_BG || t[*i].type == T_SEMI)
		(*i)++;
	return 0;
}

/* Make fd the file path opened with flags; exit the child on failure. */
static void redirect(int fd, const char *path, int flags, int append)
{
	close(fd);
	if (open(path, flags) != fd) {
		fprintf(2, "sh: cannot open %s\n", path);
		exit(1);
	}
	if (append) {
		char junk[512];
		while (read(fd, junk, sizeof(junk)) > 0)
			;
	}
}

/* In a child: set up c's redirections and exec it; never returns. */
static void run_cmd(struct cmd *c)
{
	if (c->in)
		redirect(0, c->in, O_RDONLY, 0);
	if (c->out && c->append)
		redirect(1, c->out, O_RDWR | O_CREATE, 1);
	else if (c->out)
		redirect(1, c->out, O_WRONLY | O_CREATE | O_TRUNC, 0);
	exec(c->argv[0], c->argv);
	if (!strchr(c->argv[0], '/')) {
		char path[MAXLINE];
		snprintf(path, sizeof(path), "/bin/%s", c->argv[0]);
		exec(path, c->argv);
	}
	fprintf(2, "sh: %s: cannot run\n", c->argv[0]);
	exit(127);
}

/* Run a built-in command; return 1 if c was one. */
static int builtin(struct cmd *c)
{
	if (strcmp(c->argv[0], "cd") == 0) {
		const char *dir = c->argc > 1 ? c->argv[1] : "/";
		last_status = chdir(dir) < 0;
		if (last_status)
			fprintf(2, "sh: cd: cannot cd to %s\n", dir);
		return 1;
	}
	if (strcmp(c->argv[0], "exit") == 0)
		exit(c->argc > 1 ? atoi(c->argv[1]) : last_status);
	return 0;
}

/* Wait until every pid in pids[0..n) has ended; return the last one's status. */
static int wait_all(int *pids, int n)
{
	int left = n, status = 0;
	while (left > 0) {
		int st = 0;
		int w = wait(&st);
		if (w < 0)
			break;
		for (int i = 0; i < n; i++) {
			if (pids[i] == w) {
				pids[i] = 0;
				left--;
				if (i == n - 1)
					status = st;
			}
		}
	}
	return status;
}

/* Fork the commands of p joined by pipes; wait unless it runs in the background. */
static void run_pipeline(struct pipeline *p)
{
	if (p->n == 1 && !p->background && builtin(&p->cmds[0]))
		return;
	int pids[MAXPIPE], prev = -1, n = 0;
	for (int i = 0; i < p->n; i++) {
		int fds[2] = { -1, -1 };
		if (i + 1 < p->n && pipe(fds) < 0) {
			fprintf(2, "sh: pipe failed\n");
			break;
		}
		int pid = fork();
		if (pid == 0) {
			if (prev >= 0) {
				close(0);
				dup(prev);
				close(prev);
			}
			if (fds[1] >= 0) {
				close(1);
				dup(fds[1]);
				close(fds[0]);
				close(fds[1]);
			}
			run_cmd(&p->cmds[i]);
		}
		if (pid < 0)
			fprintf(2, "sh: fork failed\n");
		else
			pids[n++] = pid;
		if (prev >= 0)
			close(prev);
		if (fds[1] >= 0)
			close(fds[1]);
		prev = fds[0];
	}
	if (prev >= 0)
		close(prev);
	if (p->background) {
		if (n > 0)
			printf("[%d]\n", pids[n - 1]);
		last_status = 0;
	} else {
		last_status = n == p->n ? wait_all(pids, n) : 1;
	}
}

/* Run every pipeline of one line. */
static void run_line(const char *line)
{
	static struct token toks[MAXTOK];
	static char words[MAXLINE * 2];
	static struct pipeline p;
	if (tokenize(line, toks, words, sizeof(words)) < 0) {
		fprintf(2, "sh: syntax error\n");
		last_status = 2;
		return;
	}
	int i = 0;
	while (toks[i].type != T_END) {
		if (parse_pipeline(toks, &i, &p) < 0) {
			fprintf(2, "sh: syntax error\n");
			last_status = 2;
			return;
		}
		run_pipeline(&p);
	}
}

/* True if fd is a terminal (the console device). */
static int is_console(int fd)
{
	struct stat st;
	return fstat(fd, &st) == 0 && st.type == T_DEVICE;
}

/* Read and run lines from fd until the end of input. */
static void run_file(int fd, int prompt)
{
	char line[MAXLINE];
	for (;;) {
		if (prompt)
			writeall(2, "$ ", 2);
		if (fgetline(fd, line, sizeof(line)) == 0)
			break;
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = 0;
		nl = strchr(line, '\r');
		if (nl)
			*nl = 0;
		run_line(line);
	}
}

/* Run a script, one command line, or standard input; exit with the last status. */
int main(int argc, char **argv)
{
	if (argc >= 3 && strcmp(argv[1], "-c") == 0) {
		run_line(argv[2]);
		return last_status;
	}
	if (argc >= 2) {
		int fd = open(argv[1], O_RDONLY);
		if (fd < 0) {
			fprintf(2, "sh: cannot open %s\n", argv[1]);
			return 127;
		}
		run_file(fd, 0);
		close(fd);
		return last_status;
	}
	run_file(0, is_console(0));
	return last_status;
}
