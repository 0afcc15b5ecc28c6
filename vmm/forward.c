/*
 * forward.c - exceptions forwarded into the guest, and the real Status a
 * vCPU runs with.
 *
 * Forwarding does to the virtual CP0 what the R4000 does to the real one
 * (User's Manual, chapter 5), then resumes the guest at its vector:
 *
 *   virtual EXL was 0:  EPC = regs.pc (the branch when the instruction
 *                       was in a delay slot), Cause.BD = that;
 *                       vector = refill (0xC0000000) for a TLB miss the
 *                       virtual TLB has no entry for (whatever the real
 *                       TLB had: the monitor's caches are invisible),
 *                       else 0xC0000180
 *   virtual EXL was 1:  EPC and BD unchanged, vector 0xC0000180
 *   Cause.ExcCode (and CE for CpU); BadVAddr for Mod/TLBL/TLBS/AdEL/AdES;
 *   Context.BadVPN2 and EntryHi.VPN2 (ASID kept) for Mod/TLBL/TLBS;
 *   Status.EXL = 1 (KSU stays as it was: the guest's handler reads it)
 *
 * Real Status of a running vCPU:
 *
 *   CU1 = virtual CU1 (FR with it), IM2 IM3 IM7 and IE on (real interrupts
 *   always reach the monitor), KSU = user if the virtual CPU is in user
 *   mode (KSU = user, EXL = ERL = 0), else supervisor; CU0 = 0, so every
 *   privileged instruction traps.
 */
#include "memint.h"

#define KSU_SUPER 0x08u
#define KSU_USER  0x10u

/* Whether v's virtual TLB holds an entry matching va with the current guest ASID. */
static int fwd_vtlb_has(struct vcpu *v, uint32_t va)
{
	return vtlb_find(v->vtlb, VMM_VTLB, va, VSP(v, SP_ENTRYHI) & 0xFF) >= 0;
}

/* Forward exception exccode (badvaddr for address and TLB ones) into v's guest. */
void vmm_forward(struct vcpu *v, uint32_t exccode, uint32_t badvaddr, int refill)
{
	struct vregs *r = &v->regs;
	uint32_t st = VSP(v, SP_STATUS), cause = VSP(v, SP_CAUSE);
	uint32_t vector = GUEST_VEC_GENERAL;
	int tlb = exccode == EXC_MOD || exccode == EXC_TLBL || exccode == EXC_TLBS;
	if (!(st & ST_EXL)) {
		VSP(v, SP_EPC) = r->pc;
		cause = (cause & ~CAUSE_BD) | (r->cause & CAUSE_BD);
		if (refill && exccode != EXC_MOD && !fwd_vtlb_has(v, badvaddr))
			vector = GUEST_VEC_REFILL;
	}
	cause &= CAUSE_BD | 0xFF00u;
	cause |= exccode << 2;
	if (exccode == EXC_CPU)
		cause |= r->cause & 0x30000000u;
	VSP(v, SP_CAUSE) = cause;
	if (tlb || exccode == EXC_ADEL || exccode == EXC_ADES)
		VSP(v, SP_BADVADDR) = badvaddr;
	if (tlb) {
		VSP(v, SP_CONTEXT) = (VSP(v, SP_CONTEXT) & 0xFF800000u) |
				     ((badvaddr >> 13) << 4);
		VSP(v, SP_ENTRYHI) = (badvaddr & 0xFFFFE000u) | (VSP(v, SP_ENTRYHI) & 0xFF);
	}
	VSP(v, SP_STATUS) = st | ST_EXL;
	r->pc = vector;
	r->cause &= ~CAUSE_BD;
	v->st.forwarded++;
}

/* The real Status v runs with (EXL is added by the return path). */
uint32_t vmm_real_status(struct vcpu *v)
{
	uint32_t vs = VSP(v, SP_STATUS);
	uint32_t s = ST_IE | ST_IM(2) | ST_IM(3) | ST_IM(7);
	if (!(vs & (ST_EXL | ST_ERL)) && (vs & ST_KSU) == KSU_USER)
		s |= KSU_USER;
	else
		s |= KSU_SUPER;
	if (vs & ST_CU1)
		s |= ST_CU1 | (vs & ST_FR);
	return s;
}
