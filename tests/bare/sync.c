/*
 * sync.c - spinlocks, atomics and the CP0 helpers, on one CPU.
 */
#include "ktest.h"

TEST(spinlock_states)
{
	struct kspinlock l = KSPINLOCK_INIT;
	KEXPECT_TRUE(!kspin_held(&l));
	kspin_lock(&l);
	KEXPECT_TRUE(kspin_held(&l));
	KEXPECT_TRUE(!kspin_trylock(&l)); /* held: trylock fails */
	kspin_unlock(&l);
	KEXPECT_TRUE(!kspin_held(&l));
	KEXPECT_TRUE(kspin_trylock(&l));
	KEXPECT_TRUE(kspin_held(&l));
	kspin_unlock(&l);
	kspin_init(&l);
	KEXPECT_EQ(l.locked, 0);
}

TEST(atomic_add)
{
	static volatile uint32_t x = 5;
	KEXPECT_EQ(katomic_add(&x, 3), 8);
	KEXPECT_EQ(x, 8);
	KEXPECT_EQ(katomic_add(&x, (uint32_t)-10), (uint32_t)-2);
	KEXPECT_EQ(katomic_add(&x, 2), 0); /* wraps */
	for (int i = 0; i < 1000; i++)
		katomic_add(&x, 1);
	KEXPECT_EQ(x, 1000);
}

TEST(atomic_cas_and_swap)
{
	static volatile uint32_t x = 7;
	KEXPECT_TRUE(!katomic_cas(&x, 6, 9)); /* wrong old value */
	KEXPECT_EQ(x, 7);
	KEXPECT_TRUE(katomic_cas(&x, 7, 9));
	KEXPECT_EQ(x, 9);
	KEXPECT_EQ(katomic_swap(&x, 0xffffffffu), 9);
	KEXPECT_EQ(x, 0xffffffffu);
}

TEST(count_advances)
{
	uint32_t a = kcp0_count();
	for (volatile int i = 0; i < 100; i++)
		;
	uint32_t b = kcp0_count();
	KEXPECT_TRUE(b - a >= 100); /* at least one tick per iteration */
	KEXPECT_TRUE(b - a < 100000);
}

TEST(status_after_boot)
{
	uint32_t s = kcp0_status();
	KEXPECT_EQ(s & (ST_ERL | ST_EXL | ST_BEV | ST_IE | ST_KSU), 0);
}

TEST(interrupt_toggle)
{
	uint32_t ie = kintr_off();
	KEXPECT_EQ(ie, 0); /* klib starts with interrupts off */
	kcp0_set_status(kcp0_status() | ST_IE); /* no line is unmasked: safe */
	KEXPECT_EQ(kintr_off(), 1);
	KEXPECT_EQ(kcp0_status() & ST_IE, 0);
	kintr_restore(1);
	KEXPECT_EQ(kcp0_status() & ST_IE, ST_IE);
	kintr_restore(0); /* leaves it as it is */
	KEXPECT_EQ(kcp0_status() & ST_IE, ST_IE);
	kintr_off();
}

KTEST_MAIN("sync")
