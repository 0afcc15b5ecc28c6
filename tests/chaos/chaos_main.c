/*
 * chaos_main.c - the `chaos` tool's subcommands (docs/chaos.md):
 *
 *   chaos gen SEED OUT.elf [MIX]        write one random kernel
 *   chaos guests BIN DIR SEED COUNT ... random kernels on random machines
 *   chaos ini BIN DIR SEED COUNT        random --machine files
 *   chaos args BIN DIR SEED COUNT       random command lines
 */
#include "tests/chaos/chaos.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* `chaos gen SEED OUT.elf [MIX]`: one kernel, as `chaos guests` makes it
 * for seed on the 64 MB machine (MIX 0..3 overrides the seed's mix). */
static int chaos_cmd_gen(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: chaos gen SEED OUT.elf [MIX]\n");
		return 2;
	}
	uint64_t seed = strtoull(argv[0], NULL, 0);
	struct chaos_kernel k = chaos_gen_shape(seed);
	if (argc > 2)
		k.mix = (enum chaos_mix)(strtoul(argv[2], NULL, 0) %
					 CHAOS_MIX_COUNT);
	if (chaos_gen_kernel(seed, &k, argv[1]) != 0) {
		perror(argv[1]);
		return 2;
	}
	return 0;
}

/* Dispatch to the subcommand named by argv[1]. */
int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*fn)(int argc, char **argv);
	} cmds[] = {
		{"gen", chaos_cmd_gen},
		{"guests", chaos_cmd_guests},
		{"ini", chaos_cmd_ini},
		{"args", chaos_cmd_args},
	};
	/* A child may exit before its input is written: EPIPE, not death. */
	signal(SIGPIPE, SIG_IGN);
	for (size_t i = 0; argc > 1 && i < sizeof cmds / sizeof cmds[0]; i++)
		if (strcmp(argv[1], cmds[i].name) == 0)
			return cmds[i].fn(argc - 2, argv + 2);
	fprintf(stderr, "usage: chaos gen|guests|ini|args ... "
		"(docs/chaos.md)\n");
	return 2;
}
