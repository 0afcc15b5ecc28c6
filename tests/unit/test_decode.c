/* test_decode.c - the instruction decoder (cpu/decode.c). */
#include <criterion/criterion.h>

#include "cpu/ops.h"
#include "tests/unit/cpu_fixture.h"

/* Decode one word. */
static struct dinsn dec(uint32_t w)
{
	struct dinsn d;
	memset(&d, 0, sizeof(d));
	cpu_decode(&d, w);
	return d;
}

Test(decode, addiu_fields_sign_extend)
{
	struct dinsn d = dec(I_ADDIU(5, 7, -2));
	cr_assert_eq(d.fn, op_addiu);
	cr_assert_eq(d.d, 5);
	cr_assert_eq(d.s, 7);
	cr_assert_eq(d.imm, 0xfffffffeu);
}

Test(decode, logical_immediates_zero_extend)
{
	cr_assert_eq(dec(I_I(12, 1, 2, 0x8000)).imm, 0x8000u);
	cr_assert_eq(dec(I_I(13, 1, 2, 0xffff)).imm, 0xffffu);
	cr_assert_eq(dec(I_I(14, 1, 2, 0x8001)).fn, op_xori);
}

Test(decode, lui_shifts_immediate)
{
	struct dinsn d = dec(I_I(15, 0, 3, 0x8001));
	cr_assert_eq(d.fn, op_lui);
	cr_assert_eq(d.imm, 0x80010000u);
}

Test(decode, write_to_r0_goes_to_sink)
{
	cr_assert_eq(dec(I_ADDIU(0, 7, 1)).d, CPU_GPR_SINK);
	cr_assert_eq(dec(I_R(1, 2, 0, 0, 33)).d, CPU_GPR_SINK);
	cr_assert_eq(dec(I_LW(0, 0, 4)).d, CPU_GPR_SINK);
}

Test(decode, branches_scale_offset)
{
	struct dinsn d = dec(I_BEQ(1, 2, -3));
	cr_assert_eq(d.fn, op_beq);
	cr_assert_eq(d.imm, (uint32_t)-12);
	cr_assert_eq(dec(I_BEQ(0, 0, 4)).fn, op_b);
	cr_assert_eq(dec(I_I(1, 0, 17, 4)).fn, op_bal);
	cr_assert_eq(dec(I_I(1, 3, 17, 4)).fn, op_bgezal);
	cr_assert_eq(dec(I_I(1, 3, 19, 4)).fn, op_bgezall);
	cr_assert_eq(dec(I_I(22, 3, 0, 4)).fn, op_blezl);
}

Test(decode, jumps)
{
	struct dinsn d = dec(0x0c000010u | 0x3ffffffu);
	cr_assert_eq(d.fn, op_jal);
	cr_assert_eq(d.imm, 0x0ffffffcu);
	cr_assert_eq(dec(I_R(31, 0, 0, 0, 8)).fn, op_jr);
	cr_assert_eq(dec(I_R(4, 0, 31, 0, 9)).fn, op_jalr);
}

Test(decode, nop_and_shift)
{
	cr_assert_eq(dec(0).fn, op_nop);
	struct dinsn d = dec(I_R(0, 3, 4, 31, 0));
	cr_assert_eq(d.fn, op_sll);
	cr_assert_eq(d.sa, 31);
	cr_assert_eq(dec(I_R(0, 3, 4, 5, 60)).fn, op_dsll32);
}

Test(decode, undefined_special_functs_are_ri)
{
	static const int bad[] = {1, 5, 10, 11, 14, 21, 40, 41, 53, 55, 57, 61};
	for (unsigned k = 0; k < sizeof(bad) / sizeof(bad[0]); k++)
		cr_assert_eq(dec(I_R(1, 2, 3, 0, bad[k])).fn, op_ri,
			     "funct %d", bad[k]);
}

Test(decode, undefined_primary_and_regimm_are_ri)
{
	static const int bad[] = {28, 29, 30, 31, 51, 59};
	for (unsigned k = 0; k < sizeof(bad) / sizeof(bad[0]); k++)
		cr_assert_eq(dec(I_I(bad[k], 1, 2, 0)).fn, op_ri, "op %d", bad[k]);
	static const int rbad[] = {4, 5, 6, 7, 13, 15, 20, 31};
	for (unsigned k = 0; k < sizeof(rbad) / sizeof(rbad[0]); k++)
		cr_assert_eq(dec(I_I(1, 1, rbad[k], 0)).fn, op_ri, "rt %d",
			     rbad[k]);
}

Test(decode, cop0)
{
	struct dinsn d = dec(I_MFC0(4, 12));
	cr_assert_eq(d.fn, op_mfc0);
	cr_assert_eq(d.d, 4);
	cr_assert_eq(d.sa, 12);
	cr_assert_eq(dec(I_MTC0(4, 9)).fn, op_mtc0);
	cr_assert_eq(dec(I_ERET).fn, op_eret);
	cr_assert_eq(dec(I_TLBWI).fn, op_tlbwi);
	cr_assert_eq(dec(0x42000020u).fn, op_wait);
	cr_assert_eq(dec(0x42000003u).fn, op_cop0_ri);
	cr_assert_eq(dec(0x40400000u).fn, op_cop0_ri);
}

Test(decode, traps_and_coprocessors)
{
	cr_assert_eq(dec(I_I(1, 4, 12, 5)).fn, op_teqi);
	cr_assert_eq(dec(I_I(1, 4, 9, 5)).fn, op_tgeiu);
	cr_assert_eq(dec(I_R(1, 2, 0, 0, 52)).fn, op_teq);
	cr_assert_eq(dec(I_I(18, 0, 0, 0)).fn, op_cop2);
	cr_assert_eq(dec(I_I(19, 0, 0, 0)).fn, op_cop3);
	cr_assert_eq(dec(I_I(49, 1, 2, 0)).fn, op_lwc1);
}
