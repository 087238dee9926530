/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Prints net_igb_pf's device argument keys, one "key=form" a line, from
 * the list its parser dispatches on: what pmdinfo_test.py expects the
 * PMD to declare.
 */
#include <stdio.h>

#include "igb_pf_devargs.h"

#define PRINT_KEY(id, key, form) puts(key "=" form);

int
main(void)
{
	IGB_PF_DEVARGS_KEYS(PRINT_KEY)
	return 0;
}
