/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <rte_byteorder.h>
#include <rte_ether.h>
#include <rte_ip.h>
#include <rte_udp.h>

#include "perf_frame.h"

/* 198.18.0.0/15 is the benchmarking range (RFC 2544). RTE_IPV4 would
 * shift 198 into an int's sign bit. */
#define SRC_IP (UINT32_C(198) << 24 | 18 << 16 | 1)
#define DST_IP (UINT32_C(198) << 24 | 18 << 16 | 2)

int
perf_frame_init(struct perf_frame *f, uint16_t len)
{
	struct rte_ether_hdr *eth = (struct rte_ether_hdr *)f->bytes;
	struct rte_ipv4_hdr *ip = (struct rte_ipv4_hdr *)(eth + 1);
	struct rte_udp_hdr *udp = (struct rte_udp_hdr *)(ip + 1);
	uint16_t i;

	if (len < PERF_FRAME_MIN || len > PERF_FRAME_MAX)
		return -EINVAL;
	memset(f, 0, sizeof(*f));
	f->len = len;
	for (i = PERF_FRAME_SEQ_OFF; i < len; i++)
		f->bytes[i] = (uint8_t)(i * 7 + 1);
	eth->dst_addr.addr_bytes[0] = 0x02;
	eth->dst_addr.addr_bytes[5] = 0x02;
	eth->src_addr.addr_bytes[0] = 0x02;
	eth->src_addr.addr_bytes[5] = 0x01;
	eth->ether_type = rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4);
	ip->version_ihl = RTE_IPV4_VHL_DEF;
	ip->total_length = rte_cpu_to_be_16(len - sizeof(*eth));
	ip->time_to_live = 64;
	ip->next_proto_id = IPPROTO_UDP;
	ip->src_addr = rte_cpu_to_be_32(SRC_IP);
	ip->dst_addr = rte_cpu_to_be_32(DST_IP);
	ip->hdr_checksum = rte_ipv4_cksum(ip);
	udp->src_port = rte_cpu_to_be_16(9);
	udp->dst_port = rte_cpu_to_be_16(9);
	udp->dgram_len = rte_cpu_to_be_16(len - sizeof(*eth) - sizeof(*ip));
	return 0;
}

void
perf_frame_write(const struct perf_frame *f, void *buf, uint32_t seq)
{
	memcpy(buf, f->bytes, f->len);
	memcpy((uint8_t *)buf + PERF_FRAME_SEQ_OFF, &seq, sizeof(seq));
}

bool
perf_frame_check(const struct perf_frame *f, const void *buf, uint16_t len,
	uint32_t seq, const char *who)
{
	const uint8_t *b = buf;
	const size_t rest = PERF_FRAME_SEQ_OFF + sizeof(seq);
	uint32_t got;

	if (len != f->len) {
		printf("FAIL %s: frame %u length: expected %u, seen %u\n", who,
			seq, f->len, len);
		return false;
	}
	memcpy(&got, b + PERF_FRAME_SEQ_OFF, sizeof(got));
	if (got != seq) {
		printf("FAIL %s: sequence: expected %u, seen %u\n", who, seq,
			got);
		return false;
	}
	if (memcmp(b, f->bytes, PERF_FRAME_SEQ_OFF) != 0 ||
		memcmp(b + rest, f->bytes + rest, len - rest) != 0) {
		printf("FAIL %s: frame %u: bytes differ from the template\n",
			who, seq);
		return false;
	}
	return true;
}
