/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * libFuzzer target: the PF mailbox server against the register model and
 * the reference model; the input is a script (pf_script.h) and any
 * difference abort()s.
 */
#include <stddef.h>
#include <stdint.h>

#include "pf_script.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	pf_script_run(data, size, NULL);
	return 0;
}
