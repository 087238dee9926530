/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef SRIOV_BENCH_PKT_BUILD_H
#define SRIOV_BENCH_PKT_BUILD_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/*
 * Frames are Ethernet + IPv4 (no options) + UDP, then a bench header with
 * a magic, a sequence number and the run's nonce. Sizes given to these
 * functions count the FCS, which the NIC appends: the buffer holds
 * size - 4 bytes.
 */
#define PKT_FCS_LEN 4
#define PKT_L2_LEN 14
#define PKT_HDRS_LEN 42 /* Ethernet 14 + IPv4 20 + UDP 8 */
#define PKT_BENCH_OFF PKT_HDRS_LEN
#define PKT_BENCH_LEN 16
#define PKT_BENCH_MAGIC 0x53524231u /* "SRB1" */

struct pkt_template {
	uint8_t src_mac[6];
	uint8_t dst_mac[6];
	uint32_t src_ip; /* host byte order */
	uint32_t dst_ip;
	uint16_t sport;
	uint16_t dport;
	uint64_t nonce; /* random, chosen at the start of the run */
};

/* The magic is in network order ("SRB1" on the wire); seq and nonce in
 * the sender's, as only the sender reads them back. */
struct pkt_bench_hdr {
	uint32_t magic;
	uint32_t seq;
	uint64_t nonce;
};

/* Data length in the buffer for a frame of this size. */
static inline uint16_t
pkt_data_len(uint16_t frame_size)
{
	return frame_size - PKT_FCS_LEN;
}

/*
 * Write the headers of a frame_size frame of flow (0-based offset added
 * to the source address and port) and a bench header with seq and the
 * template's nonce into buf. frame_size must be at least 64.
 */
void pkt_build(uint8_t *buf, const struct pkt_template *t, uint16_t frame_size,
	uint32_t flow, uint32_t seq);

/* The sequence number of a frame built by pkt_build. */
static inline uint32_t
pkt_seq(const uint8_t *buf)
{
	uint32_t seq;

	memcpy(&seq, buf + PKT_BENCH_OFF + 4, sizeof(seq));
	return seq;
}

/*
 * Read the bench header of a received frame of len bytes. Returns true
 * only for IPv4/UDP frames carrying the bench magic.
 */
bool pkt_parse_bench(
	const uint8_t *buf, uint32_t len, struct pkt_bench_hdr *out);

/* Swap the destination and source MAC addresses. */
void pkt_macswap(uint8_t *buf);

/*
 * If the len-byte frame in buf is an IPv4 ICMP echo request, turn it into
 * the reply in place (addresses swapped, type 0, checksum adjusted) and
 * return true; else leave it as it is and return false.
 */
bool pkt_icmp_echo_reply(uint8_t *buf, uint32_t len);

#endif
