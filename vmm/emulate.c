/*
 * emulate.c - the guest kernel's privileged instructions.
 *
 * The guest kernel runs in supervisor mode with CU0 = 0, so each of its
 * privileged instructions raises Coprocessor Unusable (CE = 0) and comes
 * here.  The instruction is read from guest memory through the pmap; its
 * effect is applied to the vCPU's virtual CP0 (special page and struct
 * vcpu); the guest resumes after it.  An instruction in a branch delay
 * slot (Cause.BD: EPC is the branch) is emulated, and so is its branch,
 * whose condition and link are taken before the instruction's effect:
 *
 *   EPC -> branch      taken: pc = target      not taken: pc = EPC + 8
 *   EPC+4  mfc0 ...    (emulated)
 *
 * COP0 encodings used (R4000 User's Manual, appendix A):
 *
 *   31    26 25  21 20  16 15  11 10       0
 *  +--------+------+------+------+----------+
 *  | 010000 |  rs  |  rt  |  rd  |    0     |   rs 0 mfc0, 4 mtc0
 *  +--------+------+------+------+----------+
 *  | 010000 |1 0000 0000 0000 0000 0| funct|   CO: 1 tlbr, 2 tlbwi,
 *  +--------+---------------------------+---+   6 tlbwr, 8 tlbp, 24 eret,
 *                                               32 wait
 *  cache: opcode 101111 (a no-op here)
 */
#include "vmm.h"

#define OP_SPECIAL 0x00
#define OP_REGIMM  0x01
#define OP_COP0    0x10
#define OP_COP1    0x11
#define OP_CACHE   0x2F

/* Read the instruction word at guest virtual address gva; 0, or -1 if unmapped. */
int vmm_fetch(struct vcpu *v, uint32_t gva, uint32_t *insn)
{
	if (gva >= GUEST_KERNBASE && gva - GUEST_KERNBASE < v->vm->mem_bytes) {
		uint32_t pa = mem_gpa_to_pa(v->vm, gva - GUEST_KERNBASE);
		if (pa == ~0u)
			return -1;
		*insn = *(volatile uint32_t *)(pa | KSEG0_BASE);
		return 0;
	}
	return mem_copyin(v, insn, gva, 4);
}

/* The FPU condition bit (FCSR bit 23) of v, for bc1f/bc1t. */
static int emu_fpcond(struct vcpu *v)
{
	uint32_t fcsr = v->fcsr;
	if (vmm_pcpu()->fpu_owner == v) {
		uint32_t st = kcp0_status();
		kcp0_set_status(st | ST_CU1);
		__asm__ volatile(".set push\n\t.set hardfloat\n\tcfc1 %0, $31\n\t.set pop"
				 : "=r"(fcsr));
		kcp0_set_status(st);
	}
	return (fcsr >> 23) & 1;
}

/* Whether the branch b at pc is taken (regs as at the trap); writes its link. */
static int emu_branch(struct vcpu *v, uint32_t b, uint32_t pc, uint32_t *target)
{
	uint32_t *r = v->regs.r;
	int32_t rs = (int32_t)r[(b >> 21) & 31], rt = (int32_t)r[(b >> 16) & 31];
	uint32_t op = b >> 26, rti = (b >> 16) & 31;
	*target = pc + 4 + ((uint32_t)(int32_t)(int16_t)b << 2);
	switch (op) {
	case OP_SPECIAL:
		*target = (uint32_t)rs;
		if ((b & 63) == 9 && ((b >> 11) & 31))
			r[(b >> 11) & 31] = pc + 8;
		return 1;
	case OP_REGIMM:
		if (rti & 0x10)
			r[31] = pc + 8;
		return (rti & 1) ? rs >= 0 : rs < 0;
	case 2: case 3:
		*target = ((pc + 4) & 0xF0000000u) | ((b & 0x03FFFFFFu) << 2);
		if (op == 3)
			r[31] = pc + 8;
		return 1;
	case 4: case 0x14: return rs == rt;
	case 5: case 0x15: return rs != rt;
	case 6: case 0x16: return rs <= 0;
	case 7: case 0x17: return rs > 0;
	case OP_COP1:
		return emu_fpcond(v) == (int)((b >> 16) & 1);
	}
	return 0;
}

/* The pc after v's trapping instruction: pc + 4, or its branch's outcome (BD). */
uint32_t vmm_next_pc(struct vcpu *v)
{
	struct vregs *r = &v->regs;
	uint32_t b, target;
	if (!(r->cause & CAUSE_BD))
		return r->pc + 4;
	if (vmm_fetch(v, r->pc, &b) != 0)
		return r->pc + 8;
	return emu_branch(v, b, r->pc, &target) ? target : r->pc + 8;
}

/* mfc0: the virtual CP0 register rd of v. */
static uint32_t emu_mfc0(struct vcpu *v, int rd)
{
	switch (rd) {
	case CP0_INDEX: return v->index;
	case CP0_RANDOM:                        /* the mem part steps it at each tlbwr */
		return v->random < v->wired || v->random >= VMM_VTLB ? VMM_VTLB - 1 : v->random;
	case CP0_ENTRYLO0: return v->entrylo0;
	case CP0_ENTRYLO1: return v->entrylo1;
	case CP0_CONTEXT: return VSP(v, SP_CONTEXT);
	case CP0_PAGEMASK: return v->pagemask;
	case CP0_WIRED: return v->wired;
	case CP0_BADVADDR: return VSP(v, SP_BADVADDR);
	case CP0_COUNT: return vmm_vcount(v);
	case CP0_ENTRYHI: return VSP(v, SP_ENTRYHI);
	case CP0_COMPARE: return VSP(v, SP_COMPARE);
	case CP0_STATUS: return VSP(v, SP_STATUS);
	case CP0_CAUSE:
		return (VSP(v, SP_CAUSE) & ~0xFF00u) | vmm_virq_pending(v) << 8;
	case CP0_EPC: return VSP(v, SP_EPC);
	case CP0_PRID: return KCP0_READ(15);
	case CP0_CONFIG: return KCP0_READ(16);
	}
	return 0;
}

/* A new virtual Compare: clears the timer interrupt and arms the next. */
static void emu_set_compare(struct vcpu *v, uint32_t val)
{
	VSP(v, SP_COMPARE) = val;
	v->timer_pending = 0;
	v->timer_armed = 1;
}

/* mtc0: write val to the virtual CP0 register rd of v. */
static void emu_mtc0(struct vcpu *v, int rd, uint32_t val)
{
	switch (rd) {
	case CP0_INDEX: v->index = val & 0x3F; break;
	case CP0_ENTRYLO0: v->entrylo0 = val & 0x3FFFFFFFu; break;
	case CP0_ENTRYLO1: v->entrylo1 = val & 0x3FFFFFFFu; break;
	case CP0_CONTEXT:
		VSP(v, SP_CONTEXT) = (val & 0xFF800000u) | (VSP(v, SP_CONTEXT) & 0x007FFFF0u);
		break;
	case CP0_PAGEMASK: v->pagemask = val & 0x01FFE000u; break;
	case CP0_WIRED:                         /* and Random restarts at the top */
		v->wired = val & 0x3F;
		v->random = VMM_VTLB - 1;
		break;
	case CP0_COUNT: v->count_base = kcp0_count() - val; break;
	case CP0_ENTRYHI: {
		uint32_t old = VSP(v, SP_ENTRYHI);
		VSP(v, SP_ENTRYHI) = val & 0xFFFFE0FFu;
		if ((old ^ val) & 0xFF)
			mem_guest_asid_changed(v);
		break;
	}
	case CP0_COMPARE: emu_set_compare(v, val); break;
	case CP0_STATUS:
		VSP(v, SP_STATUS) = val;
		if (val & ST_CU1)
			vmm_fpu_load(vmm_pcpu(), v);
		break;
	case CP0_CAUSE: v->soft_ip = (val >> 8) & 3; break;
	case CP0_EPC: VSP(v, SP_EPC) = val; break;
	}
}

/* eret: back to virtual EPC with virtual EXL cleared. */
static void emu_eret(struct vcpu *v)
{
	uint32_t st = VSP(v, SP_STATUS);
	VSP(v, SP_STATUS) = st & ~(uint32_t)(ST_EXL | ST_ERL);
	v->regs.pc = VSP(v, SP_EPC);
}

/* The COP0 instruction insn of v (the guest resumes at next unless it jumps). */
static void emu_cop0(struct vcpu *v, uint32_t insn, uint32_t next)
{
	struct vregs *r = &v->regs;
	int rs = (insn >> 21) & 31, rt = (insn >> 16) & 31, rd = (insn >> 11) & 31;
	r->pc = next;
	if (rs == 0 || rs == 1) {
		v->st.emulated[VEMU_MFC0]++;
		if (rt)
			r->r[rt] = emu_mfc0(v, rd);
		return;
	}
	if (rs == 4 || rs == 5) {
		v->st.emulated[VEMU_MTC0]++;
		emu_mtc0(v, rd, r->r[rt]);
		return;
	}
	switch (insn & 63) {
	case 1: v->st.emulated[VEMU_TLBR]++; mem_emul_tlbr(v); return;
	case 2: v->st.emulated[VEMU_TLBWI]++; mem_emul_tlbwi(v); return;
	case 6: v->st.emulated[VEMU_TLBWR]++; mem_emul_tlbwr(v); return;
	case 8: v->st.emulated[VEMU_TLBP]++; mem_emul_tlbp(v); return;
	case 24: v->st.emulated[VEMU_ERET]++; emu_eret(v); return;
	case 32: v->st.emulated[VEMU_WAIT]++; vmm_idle(v); return;
	}
}

/* Whether insn is an instruction emu_cop0 or the cache no-op handles. */
static int emu_known(uint32_t insn)
{
	uint32_t op = insn >> 26, rs = (insn >> 21) & 31, f = insn & 63;
	if (op == OP_CACHE)
		return 1;
	if (op != OP_COP0)
		return 0;
	if (rs == 0 || rs == 1 || rs == 4 || rs == 5)
		return 1;
	return (rs & 0x10) && (f == 1 || f == 2 || f == 6 || f == 8 || f == 24 || f == 32);
}

/* Emulate the privileged instruction v trapped on (CpU, CE = 0, supervisor mode). */
void vmm_emulate(struct vcpu *v)
{
	struct vregs *r = &v->regs;
	uint32_t insn, ipc = r->pc + ((r->cause & CAUSE_BD) ? 4 : 0);
	if (vmm_fetch(v, ipc, &insn) != 0) {
		vmm_forward(v, EXC_CPU, 0, 0);
		return;
	}
	uint32_t op = insn >> 26;
	if (!emu_known(insn)) {
		v->st.emulated[VEMU_OTHER]++;
		vmm_forward(v, op == OP_COP0 ? EXC_RI : EXC_CPU, 0, 0);
		return;
	}
	uint32_t next = vmm_next_pc(v);
	r->cause &= ~CAUSE_BD;
	if (op == OP_CACHE) {
		v->st.emulated[VEMU_CACHE]++;
		r->pc = next;
		return;
	}
	emu_cop0(v, insn, next);
}
