/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The register model's access functions, compiled without coverage
 * instrumentation: the model sees every register access of the server,
 * and its address comparisons would otherwise dominate the run time and
 * steer the fuzzer towards the model instead of the driver.
 */
#include "pf_oracle.h"

void
fuzz_model_init(struct pf_model *m)
{
	pf_model_init(m);
}
