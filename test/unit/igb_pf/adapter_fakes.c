/* SPDX-License-Identifier: BSD-3-Clause */
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "adapter_fakes.h"
#include "igb_check.h"

atomic_uint fake_released;

void
fake_release_zeroed(struct igb_pf_adapter *ad)
{
	memset(ad, 0, sizeof(*ad));
	atomic_fetch_add(&fake_released, 1);
}

struct igb_pf_adapter *
fake_adapter_new(uint16_t port)
{
	struct igb_pf_adapter *ad = calloc(1, sizeof(*ad));

	if (ad == NULL) {
		perror("calloc");
		exit(EXIT_FAILURE);
	}
	atomic_store(&fake_released, 0);
	igb_pf_adapter_init(ad, fake_release_zeroed);
	CHECK_EQ("adapter published", 0, igb_pf_adapter_publish(ad, port));
	return ad;
}

bool
fake_wait(bool (*done)(void *arg), void *arg)
{
	struct timespec t0, t;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	do {
		if (done(arg))
			return true;
		sched_yield();
		clock_gettime(CLOCK_MONOTONIC, &t);
	} while (t.tv_sec - t0.tv_sec < 5);
	return false;
}
