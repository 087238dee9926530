/* SPDX-License-Identifier: BSD-3-Clause */
/* The --plot series: growth and per-interval rates. */
#include "igb_check.h"
#include "series.h"

static void
test_rates(void)
{
	struct series s = {.nb_ports = 2};
	struct series_sample x = {0};
	unsigned int i;

	for (i = 0; i <= 200; i++) {
		x.t = i * 0.5;
		x.ipackets[0] = 1000ULL * i; /* 2000 pps */
		x.opackets[0] = 10ULL * i; /* 20 pps */
		x.ipackets[1] = 7; /* idle */
		x.opackets[1] = 500ULL * i * i; /* accelerating */
		if (series_add(&s, &x) != 0)
			break;
	}
	CHECK_EQ("201 samples kept (past the first allocation)", 201, s.len);
	CHECK_DBL("port 0 rx 2000 pps", 2000, series_rx_pps(&s, 1, 0), 1e-9);
	CHECK_DBL("port 0 tx 20 pps", 20, series_tx_pps(&s, 200, 0), 1e-9);
	CHECK_DBL("idle port 1 rx 0 pps", 0, series_rx_pps(&s, 100, 1), 0);
	/* 500 * (3^2 - 2^2) packets in 0.5 s */
	CHECK_DBL("port 1 tx interval 3", 5000, series_tx_pps(&s, 3, 1), 1e-9);
	CHECK_EQ("first sample kept as added", 0, s.v[0].ipackets[0]);
	s.v[5].ipackets[0] = 0;
	CHECK_DBL("counter going back (port reset): 0, not a huge rate", 0,
		series_rx_pps(&s, 5, 0), 0);
	s.v[7].t = s.v[6].t;
	CHECK_DBL("no time between samples: 0", 0, series_rx_pps(&s, 7, 0), 0);
	series_free(&s);
	CHECK_EQ("free empties", 0, s.len);
}

int
main(void)
{
	test_rates();
	return check_exit();
}
