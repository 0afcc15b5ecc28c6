/*
 * config.c - the monitor's configuration, from the machine's command line
 * (--append):
 *
 *   vms=N vcpus=K mem=MB tlb=flush|asid lpage=on|off
 *   vmI.vcpus=K vmI.mem=MB vmI.home=0,1 vmI.disks=0,1 vmI.module=N
 *   -- guest command line
 *
 * The options before "--" configure the monitor (the plain ones every VM,
 * vmI.* one VM); what follows "--" is every VM's kernel command line.
 * Defaults: one VM of one vCPU and 64 MB, tlb=flush, lpage=off, VM i on
 * the next nodes that hold its vCPUs, disk unit i for VM i when it exists,
 * the first --module (number 0) as its guest kernel.
 * A bad option prints one "vmm: ..." line and powers off with status 2.
 */
#include "vmm.h"
#include "machine/bootinfo.h"

#define CFG_DEFAULT_MB 64

int vmm_tlb_mode = VMM_TLB_FLUSH;
int vmm_lpage;

/* Per-VM settings as given (-1: not given, take the default). */
struct cfg_vm {
	int vcpus, mem_mb, nhome, ndisks, module;
	int home[4], disks[VMM_MAXDISK];
};

static struct cfg_vm cfg_vm[VMM_MAXVM];
static int cfg_vcpus = 1, cfg_mem = CFG_DEFAULT_MB, cfg_vms = 1;

/* Print the configuration error and power off with status 2. */
static void cfg_fail(const char *what, const char *word, int len)
{
	kprintf("vmm: bad configuration: %s: %.*s\n", what, len, word);
	kpoweroff(2);
}

/* Parse a decimal number of len characters; -1 if it is not one. */
static int cfg_num(const char *s, int len)
{
	int v = 0;
	if (len <= 0 || len > 6)
		return -1;
	for (int i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* Parse a comma-separated list of numbers below lim into out; its length, or -1. */
static int cfg_list(const char *s, int len, int *out, int max, int lim)
{
	int n = 0, i = 0;
	while (i < len) {
		int j = i;
		while (j < len && s[j] != ',')
			j++;
		int v = cfg_num(s + i, j - i);
		if (v < 0 || v >= lim || n == max)
			return -1;
		out[n++] = v;
		i = j + 1;
	}
	return n;
}

/* Apply one VM's option key=value (key after "vmI."). */
static void cfg_vm_opt(int vm, const char *key, int klen, const char *val,
		       int vlen, const char *word, int wlen)
{
	struct cfg_vm *c = &cfg_vm[vm];
	if (klen == 5 && !strncmp(key, "vcpus", 5))
		c->vcpus = cfg_num(val, vlen);
	else if (klen == 3 && !strncmp(key, "mem", 3))
		c->mem_mb = cfg_num(val, vlen);
	else if (klen == 4 && !strncmp(key, "home", 4)) {
		c->nhome = cfg_list(val, vlen, c->home, 4, vmm_nnodes);
		if (c->nhome <= 0)
			cfg_fail("no such nodes", word, wlen);
	} else if (klen == 5 && !strncmp(key, "disks", 5)) {
		c->ndisks = vlen ? cfg_list(val, vlen, c->disks, VMM_MAXDISK, 8) : 0;
		if (c->ndisks < 0)
			cfg_fail("bad disk list", word, wlen);
	} else if (klen == 6 && !strncmp(key, "module", 6)) {
		c->module = cfg_num(val, vlen);
		if (c->module < 0 || c->module >= vmm_nmodules)
			cfg_fail("no such --module", word, wlen);
	} else
		cfg_fail("unknown option", word, wlen);
	if (c->vcpus == 0 || c->vcpus < -1 || c->vcpus > VMM_MAXVCPU ||
	    c->mem_mb == 0 || c->mem_mb < -1 ||
	    (klen == 5 && !strncmp(key, "vcpus", 5) && c->vcpus < 0) ||
	    (klen == 3 && !strncmp(key, "mem", 3) && c->mem_mb < 0))
		cfg_fail("bad value", word, wlen);
}

/* Apply one word key=value of the monitor's part of the command line. */
static void cfg_word(const char *w, int len)
{
	const char *eq = 0;
	for (int i = 0; i < len; i++)
		if (w[i] == '=') {
			eq = w + i;
			break;
		}
	if (!eq)
		cfg_fail("not key=value", w, len);
	int klen = eq - w, vlen = len - klen - 1;
	const char *val = eq + 1;
	if (klen == 3 && !strncmp(w, "vms", 3))
		cfg_vms = cfg_num(val, vlen);
	else if (klen == 5 && !strncmp(w, "vcpus", 5))
		cfg_vcpus = cfg_num(val, vlen);
	else if (klen == 3 && !strncmp(w, "mem", 3))
		cfg_mem = cfg_num(val, vlen);
	else if (klen == 3 && !strncmp(w, "tlb", 3) && vlen == 5 && !strncmp(val, "flush", 5))
		vmm_tlb_mode = VMM_TLB_FLUSH;
	else if (klen == 3 && !strncmp(w, "tlb", 3) && vlen == 4 && !strncmp(val, "asid", 4))
		vmm_tlb_mode = VMM_TLB_ASID;
	else if (klen == 5 && !strncmp(w, "lpage", 5) && vlen == 2 && !strncmp(val, "on", 2))
		vmm_lpage = 1;
	else if (klen == 5 && !strncmp(w, "lpage", 5) && vlen == 3 && !strncmp(val, "off", 3))
		vmm_lpage = 0;
	else if (klen > 3 && !strncmp(w, "vm", 2) && w[2] >= '0' && w[2] <= '9' && w[3] == '.') {
		if (w[2] - '0' >= VMM_MAXVM)
			cfg_fail("no such VM (vm0 .. vm7)", w, len);
		cfg_vm_opt(w[2] - '0', w + 4, klen - 4, val, vlen, w, len);
	}
	else
		cfg_fail("unknown option", w, len);
	if (cfg_vms < 1 || cfg_vms > VMM_MAXVM || cfg_vcpus < 1 ||
	    cfg_vcpus > VMM_MAXVCPU || cfg_mem < 1)
		cfg_fail("bad value", w, len);
}

/* Give VM i its defaults: nodes after the previous VM's, disk unit i. */
static void cfg_defaults(int i, int *next_node, int ndisks)
{
	struct cfg_vm *c = &cfg_vm[i];
	struct vm *vm = &vmm_vms[i];
	vm->nvcpus = c->vcpus > 0 ? c->vcpus : cfg_vcpus;
	if (vm->nvcpus > VMM_MAXVCPU)
		cfg_fail("too many vcpus", "vcpus", 5);
	int mb = c->mem_mb > 0 ? c->mem_mb : cfg_mem;
	if ((uint32_t)mb > GUEST_MEMMAX >> 20)
		cfg_fail("too much memory for a VM (MB)", "mem", 3);
	vm->mem_bytes = (uint32_t)mb << 20;
	vm->module = c->module;
	if (c->nhome > 0) {
		vm->nhome = c->nhome;
		memcpy(vm->home_nodes, c->home, sizeof vm->home_nodes);
	} else {
		int need = (vm->nvcpus + vmm_cpus_per_node - 1) / vmm_cpus_per_node;
		if (need > 4)
			need = 4;
		if (need > vmm_nnodes)
			need = vmm_nnodes;
		vm->nhome = need;
		for (int k = 0; k < need; k++)
			vm->home_nodes[k] = (*next_node + k) % vmm_nnodes;
		*next_node = (*next_node + need) % vmm_nnodes;
	}
	if (c->ndisks >= 0) {
		vm->ndisks = c->ndisks;
		memcpy(vm->disks, c->disks, sizeof vm->disks);
	} else {
		if (i >= ndisks) {
			char name[8];
			ksnprintf(name, sizeof name, "vm%d", i);
			cfg_fail("no disk for this VM (one --disk per VM, or vmI.disks=)", name, 3);
		}
		vm->ndisks = 1;
		vm->disks[0] = i;
	}
	for (int k = 0; k < vm->ndisks; k++)
		if (vm->disks[k] >= ndisks)
			cfg_fail("no such disk in vmI.disks (or too few --disk for vms)", "disks", 5);
}

/* Number of disks the machine has (device table of the boot information). */
static int cfg_machine_disks(void)
{
	int n = 0;
	uint32_t t = vmm_bi(BI_DEV_OFF);
	for (uint32_t k = 0; k < vmm_bi(BI_DEV_COUNT); k++, t += BI_DEV_BYTES)
		if (vmm_bi(t + BI_DEV_TYPE) == BI_DEV_DISK)
			n++;
	return n;
}

/* Parse the command line into vmm_vms/vmm_nvms and the global options. */
void vmm_config(void)
{
	const char *s = (const char *)((vmm_bootinfo + vmm_bi(BI_CMDLINE_OFF)) | KSEG0_BASE);
	const char *guest = "";
	for (int i = 0; i < VMM_MAXVM; i++)
		cfg_vm[i] = (struct cfg_vm){ .vcpus = -1, .mem_mb = -1, .ndisks = -1,
					     .module = 0 };
	while (*s) {
		while (*s == ' ')
			s++;
		int len = 0;
		while (s[len] && s[len] != ' ')
			len++;
		if (len == 2 && s[0] == '-' && s[1] == '-') {
			guest = s[2] ? s + 3 : s + 2;
			break;
		}
		if (len)
			cfg_word(s, len);
		s += len;
	}
	int next_node = 0, ndisks = cfg_machine_disks();
	vmm_nvms = cfg_vms;
	for (int i = 0; i < vmm_nvms; i++) {
		vmm_vms[i].id = i;
		cfg_defaults(i, &next_node, ndisks);
		if (strlen(guest) >= sizeof vmm_vms[i].cmdline)
			cfg_fail("guest command line too long", guest, 40);
		strcpy(vmm_vms[i].cmdline, guest);
	}
	for (int i = vmm_nvms; i < VMM_MAXVM; i++)
		if (cfg_vm[i].vcpus > 0 || cfg_vm[i].mem_mb > 0 ||
		    cfg_vm[i].nhome > 0 || cfg_vm[i].ndisks >= 0) {
			char name[8];
			ksnprintf(name, sizeof name, "vm%d.*", i);
			cfg_fail("option for a VM that does not exist", name, 6);
		}
}

/* Print the configuration: one line for the machine, one per VM. */
void vmm_config_print(void)
{
	kprintf("vmm: %d cpus on %d nodes, %d VM%s, tlb=%s lpage=%s\n",
		vmm_ncpus, vmm_nnodes, vmm_nvms, vmm_nvms > 1 ? "s" : "",
		vmm_tlb_mode == VMM_TLB_ASID ? "asid" : "flush",
		vmm_lpage ? "on" : "off");
	for (int i = 0; i < vmm_nvms; i++) {
		struct vm *vm = &vmm_vms[i];
		char nodes[32], disks[32];
		int n = 0, d = 0;
		nodes[0] = disks[0] = 0;
		for (int k = 0; k < vm->nhome; k++)
			n += ksnprintf(nodes + n, sizeof nodes - n, "%s%d", k ? "," : "", vm->home_nodes[k]);
		for (int k = 0; k < vm->ndisks; k++)
			d += ksnprintf(disks + d, sizeof disks - d, "%s%d", k ? "," : "", vm->disks[k]);
		kprintf("vmm: vm%d: %d vcpus, %u MB, nodes %s, disks %s, \"%s\"\n", i,
			vm->nvcpus, vm->mem_bytes >> 20, nodes, d ? disks : "none",
			vm->cmdline);
	}
}
