/* SPDX-License-Identifier: BSD-3-Clause */
#include <rte_byteorder.h>
#include <rte_ether.h>
#include <rte_icmp.h>
#include <rte_ip.h>
#include <rte_udp.h>

#include "pkt_build.h"

void
pkt_build(uint8_t *buf, const struct pkt_template *t, uint16_t frame_size,
	uint32_t flow, uint32_t seq)
{
	struct rte_ether_hdr *eth = (struct rte_ether_hdr *)buf;
	struct rte_ipv4_hdr *ip = (struct rte_ipv4_hdr *)(eth + 1);
	struct rte_udp_hdr *udp = (struct rte_udp_hdr *)(ip + 1);
	uint16_t ip_len = pkt_data_len(frame_size) - PKT_L2_LEN;
	struct pkt_bench_hdr bh = {
		.magic = rte_cpu_to_be_32(PKT_BENCH_MAGIC),
		.seq = seq,
		.nonce = t->nonce,
	};

	memcpy(eth->dst_addr.addr_bytes, t->dst_mac, RTE_ETHER_ADDR_LEN);
	memcpy(eth->src_addr.addr_bytes, t->src_mac, RTE_ETHER_ADDR_LEN);
	eth->ether_type = rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4);

	ip->version_ihl = RTE_IPV4_VHL_DEF;
	ip->type_of_service = 0;
	ip->total_length = rte_cpu_to_be_16(ip_len);
	ip->packet_id = 0;
	ip->fragment_offset = 0;
	ip->time_to_live = 64;
	ip->next_proto_id = IPPROTO_UDP;
	ip->hdr_checksum = 0;
	ip->src_addr = rte_cpu_to_be_32(t->src_ip + flow);
	ip->dst_addr = rte_cpu_to_be_32(t->dst_ip);
	ip->hdr_checksum = rte_ipv4_cksum(ip);

	udp->src_port = rte_cpu_to_be_16((uint16_t)(t->sport + flow));
	udp->dst_port = rte_cpu_to_be_16(t->dport);
	udp->dgram_len = rte_cpu_to_be_16(ip_len - sizeof(*ip));
	/* A zero UDP checksum means "none" in IPv4 (RFC 768). */
	udp->dgram_cksum = 0;

	memcpy(buf + PKT_BENCH_OFF, &bh, sizeof(bh));
}

bool
pkt_parse_bench(const uint8_t *buf, uint32_t len, struct pkt_bench_hdr *out)
{
	const struct rte_ether_hdr *eth = (const struct rte_ether_hdr *)buf;
	const struct rte_ipv4_hdr *ip = (const struct rte_ipv4_hdr *)(eth + 1);

	if (len < PKT_BENCH_OFF + PKT_BENCH_LEN ||
		eth->ether_type != rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4) ||
		ip->version_ihl != RTE_IPV4_VHL_DEF ||
		ip->next_proto_id != IPPROTO_UDP)
		return false;
	memcpy(out, buf + PKT_BENCH_OFF, sizeof(*out));
	if (out->magic != rte_cpu_to_be_32(PKT_BENCH_MAGIC))
		return false;
	out->magic = PKT_BENCH_MAGIC;
	return true;
}

void
pkt_macswap(uint8_t *buf)
{
	uint8_t tmp[RTE_ETHER_ADDR_LEN];

	memcpy(tmp, buf, RTE_ETHER_ADDR_LEN);
	memcpy(buf, buf + RTE_ETHER_ADDR_LEN, RTE_ETHER_ADDR_LEN);
	memcpy(buf + RTE_ETHER_ADDR_LEN, tmp, RTE_ETHER_ADDR_LEN);
}

bool
pkt_icmp_echo_reply(uint8_t *buf, uint32_t len)
{
	struct rte_ether_hdr *eth = (struct rte_ether_hdr *)buf;
	struct rte_ipv4_hdr *ip = (struct rte_ipv4_hdr *)(eth + 1);
	struct rte_icmp_hdr *icmp;
	uint32_t ihl, sum;
	rte_be32_t addr;

	if (len < PKT_L2_LEN + sizeof(*ip) ||
		eth->ether_type != rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4) ||
		(ip->version_ihl >> 4) != 4 ||
		ip->next_proto_id != IPPROTO_ICMP)
		return false;
	ihl = rte_ipv4_hdr_len(ip);
	if (ihl < sizeof(*ip) || len < PKT_L2_LEN + ihl + sizeof(*icmp))
		return false;
	icmp = (struct rte_icmp_hdr *)((uint8_t *)ip + ihl);
	if (icmp->icmp_type != RTE_IP_ICMP_ECHO_REQUEST || icmp->icmp_code != 0)
		return false;
	pkt_macswap(buf);
	/* Swapping the addresses keeps the IPv4 header checksum. */
	addr = ip->src_addr;
	ip->src_addr = ip->dst_addr;
	ip->dst_addr = addr;
	icmp->icmp_type = RTE_IP_ICMP_ECHO_REPLY;
	/* RFC 1624: the type byte went from 8 to 0 in the first word. */
	sum = (uint16_t)~rte_be_to_cpu_16(icmp->icmp_cksum) +
		(uint16_t) ~(RTE_IP_ICMP_ECHO_REQUEST << 8);
	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	icmp->icmp_cksum = rte_cpu_to_be_16((uint16_t)~sum);
	return true;
}
