/*
 * vcpuasm.h - offsets in struct pcpu and struct vcpu (vmm.h) that the
 * monitor's assembly reads; trap.c checks each against offsetof.
 */
#ifndef VMM_VCPUASM_H
#define VMM_VCPUASM_H

#define PCPU_REGS   0
#define PCPU_KSP    4
#define PCPU_FSP    8
#define PCPU_REFILL 12
#define PCPU_FAULT  16
#define PCPU_CUR    176
#define PCPU_ENTER  196

#define VCPU_SPECIAL       0
#define VCPU_TIMER_PENDING 4
#define VCPU_SOFT_IP       8
#define VCPU_FAST_MTC0     12
#define VCPU_FAST_CYCLES   16
#define VCPU_FAST_ERET     20

/* struct vregs */
#define VR_R(n)     (4 * (n))
#define VR_HI       128
#define VR_LO       132
#define VR_PC       136
#define VR_CAUSE    140
#define VR_BADVADDR 144
#define VR_MODE     148
#define VR_EXIT     156

#endif
