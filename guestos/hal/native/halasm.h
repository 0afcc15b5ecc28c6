/*
 * halasm.h - names for the native HAL's assembly: those of halregs.h
 * (registers, CP0, struct offsets); the native HAL adds none.
 */
#ifndef GUESTOS_HALASM_H
#define GUESTOS_HALASM_H

#include "halregs.h"

#endif
