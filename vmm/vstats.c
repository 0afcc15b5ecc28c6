/*
 * vstats.c - the monitor's statistics as JSON, handed to the emulator
 * through the host channel (docs/dev-hostchan.md) as the record named
 * "monitor"; `--stats FILE.json` shows it under the top-level key
 * "monitor" (and in "hostchan").  The record:
 *
 *   monitor\n
 *   { "version": 1, "tlb": "flush"|"asid", "lpage": bool, "hz": n,
 *     "vms": [ { "id", "vcpus", "mem_bytes", "disks": [unit, ...],
 *                "done", "status", "console_out", "console_in",
 *                "total": counters,           (sum over its vCPUs)
 *                "vcpu": [ { "id", counters... }, ... ] } ],
 *     "disks": [ { "unit", "commands", "bounced" } ] }
 *
 *   counters = "traps": { "Int": n, "Mod": n, ... }     real exceptions
 *              "emulated": { "mfc0": n, ... }           by instruction
 *              "tlb_misses": { "monitor_refill": n, "l2tlb_hit": n,
 *                              "forwarded": n }
 *              "mcalls": { "cons_write": n, ... }       by call
 *              "forwarded": n        exceptions forwarded to the guest
 *              "monitor_cycles": n   cycles spent in the monitor
 *
 * Host channel registers (kseg1 0xBF000200): +0 DATA (sb appends a
 * byte), +4 COMMAND (1 COMMIT).  A committed record named "monitor"
 * replaces the previous one, so publishing again is fine.
 */
#include "vmm.h"

#define DEV_REGS_ONLY
#include "devices/hostchan.h"

/* The host channel's registers, through kseg1 (docs/dev-hostchan.md). */
#define HC_REG(off) (0xBF000200u + (off))
#define HC_DATA    (*(volatile uint8_t *)HC_REG(DEV_HOSTCHAN_DATA))
#define HC_COMMAND (*(volatile uint32_t *)HC_REG(DEV_HOSTCHAN_COMMAND))
#define VSTATS_UNITS 8

static struct kspinlock vstats_lock;

static const char *const vstats_emul_names[] = {
	[VEMU_MFC0] = "mfc0", [VEMU_MTC0] = "mtc0", [VEMU_TLBR] = "tlbr",
	[VEMU_TLBWI] = "tlbwi", [VEMU_TLBWR] = "tlbwr", [VEMU_TLBP] = "tlbp",
	[VEMU_ERET] = "eret", [VEMU_WAIT] = "wait", [VEMU_CACHE] = "cache",
	[VEMU_OTHER] = "other",
};

static const char *const vstats_mcall_names[MC_MAX + 1] = {
	[MC_CONS_WRITE] = "cons_write", [MC_CONS_GETC] = "cons_getc",
	[MC_DISK_INFO] = "disk_info", [MC_DISK_START] = "disk_start",
	[MC_DISK_DONE] = "disk_done", [MC_DISK_FLUSH] = "disk_flush",
	[MC_DEV_ACK] = "dev_ack", [MC_IPI_SEND] = "ipi_send",
	[MC_IPI_TAKE] = "ipi_take", [MC_VCPU_START] = "vcpu_start",
	[MC_IDLE] = "idle", [MC_TIMER_SET] = "timer_set",
	[MC_PAGE_ZERO] = "page_zero", [MC_PAGE_FREE] = "page_free",
	[MC_POWEROFF] = "poweroff", [MC_TLB_DROP] = "tlb_drop",
};

/* kformat's output routine: one byte into the current record. */
static void vstats_put(void *arg, char c)
{
	(void)arg;
	HC_DATA = (uint8_t)c;
}

/* Append formatted text to the current record. */
static void vstats_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	kformat(vstats_put, 0, fmt, ap);
	va_end(ap);
}

/* Add every counter of src to dst. */
static void vstats_add(struct vcpu_stats *dst, const struct vcpu_stats *src)
{
	const uint64_t *s = (const uint64_t *)src;
	uint64_t *d = (uint64_t *)dst;

	for (unsigned i = 0; i < sizeof *src / sizeof(uint64_t); i++)
		d[i] += s[i];
}

/* Write "name": { "k": n, ... } for the named entries of c[0..n). */
static void vstats_table(const char *name, const char *const *names,
			 const uint64_t *c, int n)
{
	const char *sep = "";

	vstats_printf("\"%s\":{", name);
	for (int i = 0; i < n; i++) {
		if (names[i] == 0)
			continue;
		vstats_printf("%s\"%s\":%llu", sep, names[i],
			      (unsigned long long)c[i]);
		sep = ",";
	}
	vstats_printf("}");
}

/* Write the counters of one vCPU (or a VM's sum) as object members. */
static void vstats_counters(const struct vcpu_stats *st)
{
	const char *exc[32];

	for (int i = 0; i < 32; i++) {
		const char *n = kexc_name((uint32_t)i);
		exc[i] = strcmp(n, "reserved") ? n : 0;
	}
	vstats_table("traps", exc, st->traps, 32);
	vstats_printf(",");
	vstats_table("emulated", vstats_emul_names, st->emulated,
		     VEMU_OTHER + 1);
	vstats_printf(",\"tlb_misses\":{\"monitor_refill\":%llu,"
		      "\"l2tlb_hit\":%llu,\"forwarded\":%llu},",
		      (unsigned long long)st->tlb_refill_monitor,
		      (unsigned long long)st->tlb_l2tlb_hit,
		      (unsigned long long)st->tlb_forwarded);
	vstats_table("mcalls", vstats_mcall_names, st->mcalls, MC_MAX + 1);
	vstats_printf(",\"forwarded\":%llu,\"monitor_cycles\":%llu",
		      (unsigned long long)st->forwarded,
		      (unsigned long long)st->monitor_cycles);
}

/* Write the object of VM vm. */
static void vstats_vm(struct vm *vm)
{
	struct vcpu_stats total;
	uint64_t out, in;

	vcons_counts(vm->id, &out, &in);
	vstats_printf("{\"id\":%d,\"vcpus\":%d,\"mem_bytes\":%u,\"disks\":[",
		      vm->id, vm->nvcpus, vm->mem_bytes);
	for (int k = 0; k < vm->ndisks; k++)
		vstats_printf("%s%d", k ? "," : "", vm->disks[k]);
	vstats_printf("],\"done\":%s,\"status\":%d,\"console_out\":%llu,"
		      "\"console_in\":%llu,\"total\":{",
		      vm->done ? "true" : "false", vm->status,
		      (unsigned long long)out, (unsigned long long)in);
	memset(&total, 0, sizeof total);
	for (int i = 0; i < vm->nvcpus; i++)
		vstats_add(&total, &vm->vcpu[i]->st);
	vstats_counters(&total);
	vstats_printf("},\"vcpu\":[");
	for (int i = 0; i < vm->nvcpus; i++) {
		vstats_printf("%s{\"id\":%d,", i ? "," : "", i);
		vstats_counters(&vm->vcpu[i]->st);
		vstats_printf("}");
	}
	vstats_printf("]}");
}

/* Write the "disks" array: commands per machine unit in use. */
static void vstats_disks(void)
{
	const char *sep = "";

	vstats_printf("\"disks\":[");
	for (int id = 0; id < vmm_nvms; id++) {
		for (int k = 0; k < vmm_vms[id].ndisks; k++) {
			uint64_t cmds, bounced;
			int u = vmm_vms[id].disks[k];
			vdisk_counts(u, &cmds, &bounced);
			vstats_printf("%s{\"unit\":%d,\"vm\":%d,\"commands\":%llu,"
				      "\"bounced\":%llu}", sep, u, id,
				      (unsigned long long)cmds,
				      (unsigned long long)bounced);
			sep = ",";
		}
	}
	vstats_printf("]");
}

/* Publish the monitor's statistics as the host-channel record "monitor". */
void io_stats_publish(void)
{
	vcons_flush_old(1);
	kspin_lock(&vstats_lock);
	vstats_printf("monitor\n{\"version\":1,\"tlb\":\"%s\",\"lpage\":%s,"
		      "\"hz\":%u,\"vms\":[",
		      vmm_tlb_mode == VMM_TLB_ASID ? "asid" : "flush",
		      vmm_lpage ? "true" : "false", vmm_hz);
	for (int id = 0; id < vmm_nvms; id++) {
		if (id)
			vstats_printf(",");
		vstats_vm(&vmm_vms[id]);
	}
	vstats_printf("],");
	vstats_disks();
	vstats_printf("}");
	HC_COMMAND = DEV_HOSTCHAN_CMD_COMMIT;
	kspin_unlock(&vstats_lock);
}
