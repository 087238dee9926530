/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Rx burst for plain frames with SSE4.1: four write-back descriptors a
 * step. Each step loads the four descriptors and their four mbuf pointers,
 * finds how many of them, from the first, are plain frames (done, EOP, no
 * VP, no RXE, not longer than the buffer: the rule of the scalar run),
 * and fills each mbuf with two 16-byte stores: data_off, refcnt, nb_segs,
 * port and ol_flags (rearm_data and the word after it), then packet type,
 * lengths, VLAN and hash (rx_descriptor_fields1) taken from the
 * descriptor by one shuffle. Packet type and checksum flags come from
 * igb_rx_parse.h's tables, the same as the scalar path's. The slots left
 * over at the end of a run (fewer than four) go through the scalar run,
 * and a frame that is not plain ends the run: igb_rx_burst_plain() hands
 * it and the rest of the burst to igb_rx_burst.
 */
#include <stddef.h>

#include <rte_common.h>
#include <rte_mbuf.h>
#include <rte_vect.h>

#include "igb_rx_parse.h"
#include "igb_rx_run.h"
#include "igb_rxtx.h"

/* The two stores depend on the mbuf layout of DPDK 22.11 and later. */
static_assert(offsetof(struct rte_mbuf, ol_flags) ==
		offsetof(struct rte_mbuf, rearm_data) + 8,
	"ol_flags follows rearm_data");
static_assert(offsetof(struct rte_mbuf, pkt_len) ==
		offsetof(struct rte_mbuf, rx_descriptor_fields1) + 4,
	"rx_descriptor_fields1: packet_type, pkt_len");
static_assert(offsetof(struct rte_mbuf, data_len) ==
		offsetof(struct rte_mbuf, rx_descriptor_fields1) + 8,
	"rx_descriptor_fields1: data_len");
static_assert(offsetof(struct rte_mbuf, vlan_tci) ==
		offsetof(struct rte_mbuf, rx_descriptor_fields1) + 10,
	"rx_descriptor_fields1: vlan_tci");
static_assert(offsetof(struct rte_mbuf, hash) ==
		offsetof(struct rte_mbuf, rx_descriptor_fields1) + 12,
	"rx_descriptor_fields1: hash");
static_assert(offsetof(union igb_rx_desc, wb.length) == 12,
	"write-back: length in bytes 12-13");

#define RX_VEC_STEP 4
#define Z (-128) /* shuffle: a zero byte */

/*
 * Write-back bytes 12-13 (length) to pkt_len (low half) and data_len;
 * packet_type is inserted afterwards; VLAN and hash zero (a plain frame
 * has no tag, and the queues offer no RSS hash).
 */
#define RX_FIELDS_SHUFFLE \
	_mm_setr_epi8(Z, Z, Z, Z, 12, 13, Z, Z, 12, 13, Z, Z, Z, Z, Z, Z)

/*
 * Per lane, both table indices in one word: igb_rx_ptype_tbl's (the 7
 * packet type bits of pkt_info, or IGB_PT_ETQF_IDX) in bits 0-15 and
 * igb_rx_csum_tbl's (IGB_CS_IDX of the status/error word) in bits 16-31.
 */
static inline __m128i
rx_vec_parse(__m128i info, __m128i staterr)
{
	const __m128i etqf_bit = _mm_set1_epi32(IGB_RXD_PKT_ETQF);
	__m128i pt = _mm_and_si128(
		_mm_srli_epi32(info, IGB_RXD_PKT_SHIFT), _mm_set1_epi32(0x7f));
	__m128i etqf = _mm_cmpeq_epi32(_mm_and_si128(info, etqf_bit), etqf_bit);
	__m128i cs = _mm_or_si128(
		_mm_and_si128(_mm_srli_epi32(staterr, IGB_CS_STAT_SHIFT),
			_mm_set1_epi32(IGB_CS_STAT_MASK)),
		_mm_and_si128(_mm_srli_epi32(staterr, IGB_CS_ERR_SHIFT),
			_mm_set1_epi32(IGB_CS_ERR_MASK)));

	pt = _mm_blendv_epi8(pt, _mm_set1_epi32(IGB_PT_ETQF_IDX), etqf);
	return _mm_or_si128(pt, _mm_slli_epi32(cs, 16));
}

static inline void
rx_vec_mbuf(struct rte_mbuf *m, __m128i desc, __m128i shuffle, uint64_t init,
	uint32_t parsed)
{
	__m128i fields = _mm_shuffle_epi8(desc, shuffle);

	fields = _mm_insert_epi32(
		fields, (int)igb_rx_ptype_tbl[parsed & 0xffff], 0);
	_mm_store_si128((__m128i *)&m->rx_descriptor_fields1, fields);
	_mm_store_si128((__m128i *)&m->rearm_data,
		_mm_set_epi64x((long long)igb_rx_csum_tbl[parsed >> 16],
			(long long)init));
}

/* Lanes below n all ones: the lengths to count. */
static inline __m128i
rx_vec_prefix(unsigned int n)
{
	return _mm_cmpgt_epi32(
		_mm_set1_epi32((int)n), _mm_setr_epi32(0, 1, 2, 3));
}

static inline uint16_t
rx_sse_run(struct igb_rx_queue *rxq, uint16_t idx, struct rte_mbuf **pkts,
	uint16_t n, uint64_t *bytes)
{
	volatile union igb_rx_desc *ring = &rxq->ring[idx];
	struct rte_mbuf **sw = &rxq->sw_ring[idx];
	const __m128i plain_mask = _mm_set1_epi32((int)IGB_RX_PLAIN_MASK);
	const __m128i plain_ok = _mm_set1_epi32((int)IGB_RX_PLAIN_OK);
	const __m128i len_max = _mm_set1_epi32(rxq->buf_len);
	const __m128i len_mask = _mm_set1_epi32(0xffff);
	const __m128i shuffle = RX_FIELDS_SHUFFLE;
	const uint64_t init = rxq->mbuf_init;
	__m128i sum = _mm_setzero_si128();
	uint16_t i;

	for (i = 0; i + RX_VEC_STEP <= n; i += RX_VEC_STEP) {
		const volatile union igb_rx_desc *d = &ring[i];
		__m128i d0, d1, d2, d3, s01, s23, st, len, ok, parsed;
		unsigned int plain, nb;

		/*
		 * 82576 (QEMU too): descriptors are written back in ring
		 * order, DD in the same write as the rest. Read the
		 * last of the four first: if it is done, the ones before it
		 * are too. x86 keeps loads in order; the barriers keep the
		 * compiler from reordering them.
		 */
		d3 = _mm_load_si128((const __m128i *)(uintptr_t)&d[3]);
		rte_compiler_barrier();
		d2 = _mm_load_si128((const __m128i *)(uintptr_t)&d[2]);
		rte_compiler_barrier();
		d1 = _mm_load_si128((const __m128i *)(uintptr_t)&d[1]);
		rte_compiler_barrier();
		d0 = _mm_load_si128((const __m128i *)(uintptr_t)&d[0]);

		/* Status/error words (dword 2) and length/VLAN (dword 3). */
		s01 = _mm_unpackhi_epi32(d0, d1);
		s23 = _mm_unpackhi_epi32(d2, d3);
		st = _mm_unpacklo_epi64(s01, s23);
		len = _mm_and_si128(_mm_unpackhi_epi64(s01, s23), len_mask);
		ok = _mm_andnot_si128(_mm_cmpgt_epi32(len, len_max),
			_mm_cmpeq_epi32(
				_mm_and_si128(st, plain_mask), plain_ok));
		plain = (unsigned int)_mm_movemask_ps(_mm_castsi128_ps(ok));
		/* Plain frames from the first on (bit 4 stops the count). */
		nb = (unsigned int)__builtin_ctz(~plain | 0x10);
		if (nb == 0)
			goto out;

		/* pkt_info and hdr_info (dword 0). */
		parsed = rx_vec_parse(
			_mm_unpacklo_epi64(_mm_unpacklo_epi32(d0, d1),
				_mm_unpacklo_epi32(d2, d3)),
			st);
		_mm_storeu_si128((__m128i *)&pkts[i],
			_mm_loadu_si128((const __m128i *)&sw[i]));
		_mm_storeu_si128((__m128i *)&pkts[i + 2],
			_mm_loadu_si128((const __m128i *)&sw[i + 2]));
		rx_vec_mbuf(sw[i], d0, shuffle, init,
			(uint32_t)_mm_cvtsi128_si32(parsed));
		rx_vec_mbuf(sw[i + 1], d1, shuffle, init,
			(uint32_t)_mm_extract_epi32(parsed, 1));
		rx_vec_mbuf(sw[i + 2], d2, shuffle, init,
			(uint32_t)_mm_extract_epi32(parsed, 2));
		rx_vec_mbuf(sw[i + 3], d3, shuffle, init,
			(uint32_t)_mm_extract_epi32(parsed, 3));
		sum = _mm_add_epi32(sum, _mm_and_si128(len, rx_vec_prefix(nb)));
		if (nb < RX_VEC_STEP) {
			i += nb;
			goto out;
		}
	}
	if (i < n)
		i += igb_rx_simple_run(rxq, idx + i, pkts + i, n - i, bytes);
out:
	sum = _mm_add_epi32(sum, _mm_srli_si128(sum, 8));
	sum = _mm_add_epi32(sum, _mm_srli_si128(sum, 4));
	*bytes += (uint32_t)_mm_cvtsi128_si32(sum);
	return i;
}

uint16_t
igb_rx_burst_sse(void *queue, struct rte_mbuf **pkts, uint16_t n)
{
	return igb_rx_burst_plain(queue, pkts, n, rx_sse_run);
}
