/* SPDX-License-Identifier: BSD-3-Clause */
/* Generated frame layout, checked byte by byte with an independent
 * checksum, and the probe header round trip. */
#include "igb_check.h"
#include "pkt_build.h"

static const struct pkt_template tmpl = {
	.src_mac = {0x02, 0x00, 0x00, 0x00, 0x00, 0x01},
	.dst_mac = {0x02, 0x00, 0x00, 0x00, 0x00, 0x02},
	.src_ip = 0xc6120001, /* 198.18.0.1 */
	.dst_ip = 0xc6130002, /* 198.19.0.2 */
	.sport = 49152,
	.dport = 9,
	.nonce = 0x0123456789abcdefULL,
};

static uint32_t
be16_at(const uint8_t *p)
{
	return (uint32_t)p[0] << 8 | p[1];
}

static uint32_t
be32_at(const uint8_t *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
		(uint32_t)p[2] << 8 | p[3];
}

/* RFC 1071 sum over the IPv4 header: 0xffff when the checksum is right. */
static uint32_t
ones_sum(const uint8_t *p, unsigned int len)
{
	uint32_t sum = 0;
	unsigned int i;

	for (i = 0; i < len; i += 2)
		sum += be16_at(p + i);
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return sum;
}

static void
test_layout(void)
{
	uint8_t f[1600];
	const uint8_t *ip = f + 14, *udp = f + 34;
	struct pkt_bench_hdr h;

	memset(f, 0xee, sizeof(f));
	pkt_build(f, &tmpl, 64, 3, 77);
	CHECK_EQ("data length of a 64-byte frame is 60", 60, pkt_data_len(64));
	CHECK_EQ("dst MAC first byte", 0x02, f[0]);
	CHECK_EQ("dst MAC last byte", 0x02, f[5]);
	CHECK_EQ("src MAC last byte", 0x01, f[11]);
	CHECK_EQ("ethertype IPv4", 0x0800, be16_at(f + 12));
	CHECK_EQ("IPv4, 20-byte header", 0x45, ip[0]);
	CHECK_EQ("IP total length = 60 - 14", 46, be16_at(ip + 2));
	CHECK_EQ("no fragmentation fields", 0, be16_at(ip + 6));
	CHECK_EQ("TTL 64", 64, ip[8]);
	CHECK_EQ("protocol UDP", 17, ip[9]);
	CHECK_EQ("header checksum verifies", 0xffff, ones_sum(ip, 20));
	CHECK_EQ("flow 3: source 198.18.0.4", 0xc6120004, be32_at(ip + 12));
	CHECK_EQ("destination 198.19.0.2", 0xc6130002, be32_at(ip + 16));
	CHECK_EQ("flow 3: source port 49155", 49155, be16_at(udp));
	CHECK_EQ("destination port 9", 9, be16_at(udp + 2));
	CHECK_EQ("UDP length = 46 - 20", 26, be16_at(udp + 4));
	CHECK_EQ("UDP checksum 0 (none)", 0, be16_at(udp + 6));
	CHECK_EQ("magic in network order", PKT_BENCH_MAGIC, be32_at(f + 42));
	CHECK_EQ("nothing written past the bench header", 0xee, f[58]);

	CHECK("own frame parses as probe", pkt_parse_bench(f, 60, &h));
	CHECK_EQ("  sequence 77", 77, h.seq);
	CHECK_EQ("  the template's nonce", tmpl.nonce, h.nonce);
	CHECK_EQ("pkt_seq reads the sequence number", 77, pkt_seq(f));

	CHECK("frame shorter than the bench header is not a probe",
		!pkt_parse_bench(f, 57, &h));
	f[43] ^= 1;
	CHECK("wrong magic: not a probe", !pkt_parse_bench(f, 60, &h));
	f[43] ^= 1;
	f[23] = 6;
	CHECK("TCP: not a probe", !pkt_parse_bench(f, 60, &h));
	f[23] = 17;
	f[12] = 0x08;
	f[13] = 0x06;
	CHECK("ARP: not a probe", !pkt_parse_bench(f, 60, &h));

	pkt_build(f, &tmpl, 1518, 0, 1);
	CHECK_EQ(
		"1518-byte frame: IP total length 1500", 1500, be16_at(ip + 2));
	CHECK_EQ("1518-byte frame: UDP length 1480", 1480, be16_at(udp + 4));
	CHECK_EQ(
		"1518-byte frame: checksum verifies", 0xffff, ones_sum(ip, 20));
	CHECK_EQ("flow 0: base source address", 0xc6120001, be32_at(ip + 12));
}

static void
test_macswap(void)
{
	uint8_t f[64];

	pkt_build(f, &tmpl, 64, 0, 0);
	pkt_macswap(f);
	CHECK_EQ("macswap: dst is the old src", 0x01, f[5]);
	CHECK_EQ("macswap: src is the old dst", 0x02, f[11]);
	CHECK_EQ("macswap: ethertype untouched", 0x0800, be16_at(f + 12));
	pkt_macswap(f);
	CHECK("macswap twice restores the frame",
		memcmp(f, tmpl.dst_mac, 6) == 0 &&
			memcmp(f + 6, tmpl.src_mac, 6) == 0);
}

/* An ICMP echo request as ping sends it: 20-byte IPv4 header, id, seq,
 * 8 bytes of data; checksums right. */
static unsigned int
echo_request(uint8_t *f, uint8_t type)
{
	static const uint8_t frame[] = {0x02, 0, 0, 0, 0, 0x02, 0x02, 0, 0, 0,
		0, 0x01, 0x08, 0x00, 0x45, 0, 0, 36, 0x12, 0x34, 0x40, 0, 64, 1,
		0, 0, 198, 18, 0, 1, 198, 18, 0, 2, 0, 0, 0, 0, 0xab, 0xcd, 0,
		7, 1, 2, 3, 4, 5, 6, 7, 8};
	uint32_t sum;

	memcpy(f, frame, sizeof(frame));
	sum = ~ones_sum(f + 14, 20) & 0xffff;
	f[24] = sum >> 8;
	f[25] = sum & 0xff;
	f[34] = type;
	sum = ~ones_sum(f + 34, 16) & 0xffff;
	f[36] = sum >> 8;
	f[37] = sum & 0xff;
	return sizeof(frame);
}

static void
test_icmp_echo(void)
{
	uint8_t f[64], orig[64];
	unsigned int len = echo_request(f, 8);

	memcpy(orig, f, sizeof(f));
	CHECK("echo request: answered", pkt_icmp_echo_reply(f, len));
	CHECK_EQ("echo reply: type 0", 0, f[34]);
	CHECK_EQ("echo reply: ICMP checksum verifies", 0xffff,
		ones_sum(f + 34, 16));
	CHECK_EQ("echo reply: IPv4 checksum verifies", 0xffff,
		ones_sum(f + 14, 20));
	CHECK("echo reply: MACs swapped",
		memcmp(f, orig + 6, 6) == 0 && memcmp(f + 6, orig, 6) == 0);
	CHECK("echo reply: addresses swapped",
		memcmp(f + 26, orig + 30, 4) == 0 &&
			memcmp(f + 30, orig + 26, 4) == 0);
	CHECK("echo reply: id, seq and data kept",
		memcmp(f + 38, orig + 38, len - 38) == 0);

	len = echo_request(f, 0);
	memcpy(orig, f, sizeof(f));
	CHECK("echo reply: not answered", !pkt_icmp_echo_reply(f, len));
	CHECK("echo reply: left as it was", memcmp(f, orig, len) == 0);
	len = echo_request(f, 8);
	CHECK("truncated request: not answered",
		!pkt_icmp_echo_reply(f, 14 + 20 + 4));
	pkt_build(f, &tmpl, 64, 0, 0);
	memcpy(orig, f, sizeof(f));
	CHECK("UDP frame: not answered", !pkt_icmp_echo_reply(f, 60));
	CHECK("UDP frame: left as it was", memcmp(f, orig, 60) == 0);
}

int
main(void)
{
	test_layout();
	test_macswap();
	test_icmp_echo();
	return check_exit();
}
