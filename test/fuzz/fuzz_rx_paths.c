/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * libFuzzer target: the three Rx burst functions (igb_rx_burst, the
 * simple one, the SSE4.1 one) against a device that writes arbitrary
 * descriptors back. Three queues of the same configuration, one per
 * function, each with its own pool of the same size, get the same
 * write-backs and the same bursts. The input is a script:
 *
 *   bytes 0-1  ring size: bit 15 set, the low 13 bits as they are (often
 *              invalid); else 32 + 8 * (v % 509)
 *   bytes 2-3  rx_free_thresh (v & 0xfff; 0 is the default)
 *   byte 4     bit 0 VLAN_STRIP, bit 1 SCATTER, bits 2-3 the VLANs the
 *              port owns: none given (NULL), none, only VID, all
 *   bytes 5-6  VID
 *   then operations, opcode byte (b % 8) and its operands:
 *     0 write-back   status/errors (4, LE), length (2), pkt_info (2),
 *                    VLAN (2), frame bytes 12-15 (4): at the device's head
 *     1 plain frames count (1), length (2), bits (1, see plain_bits()),
 *                    pkt_info (2): count frames at the head
 *     2 burst        b < 0x80: b frames; else the next 2 bytes (LE)
 *     3 rogue write  slot (2, % ring size), then as 0 without the bytes:
 *                    anywhere in the ring, armed or not
 *     4 free         the b oldest frames the application holds
 *     5 restart      stop and start the queues
 *     6 pool         b & 0x80: give back what 6 took; else take 16 * b
 *                    mbufs from each pool
 *     7 chain        buffers (1 + b % 16), length of each (2), of the last
 *                    (2), bits of the last (1): one frame over several
 *
 * The device writes (0, 1, 7) only where it may, from its head up to the
 * tail register, if all three queues give it room (if one does not, the
 * write is dropped); 3 writes anywhere. Invariants, any violation
 * abort()s (rx_fuzz_check.c):
 * - every mbuf of a pool is in it, in a slot of its queue that holds a
 *   buffer, in the frame in progress, with the application (returned,
 *   not yet freed) or taken by operation 6, exactly once;
 * - a returned frame is well formed (nb_segs, pkt_len, each segment
 *   within its buffer and no longer than the queue's buffer length,
 *   refcnt 1, the queue's pool and port) and the driver does not touch
 *   it again while the application holds it;
 * - each slot from the device's head to the tail is armed with its own
 *   buffer's address; no burst returns more than asked;
 * - the simple and vector functions return the same frames and leave
 *   their queues in the same state, always; the full function returns
 *   the same frames as they do as long as the device wrote only where it
 *   may (the plain functions refill at other moments, so where the tail
 *   stands differs, and a rogue write beyond one tail is not beyond the
 *   other).
 * The rings and software rings are malloc()ed at their exact size, so
 * ASan catches an access outside them.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <rte_mbuf.h>

#include "fuzz_input.h"
#include "igb_ring.h"
#include "rx_fuzz.h"

static struct rx_fuzz f;

/* Operation 1's and 7's bits: checksum status (bits 0-2 -> status bits
 * 4-6), VP (bit 3), L4E, IPE, RXE (bits 4-6 -> error bits 29-31). */
static uint32_t
plain_bits(uint8_t b)
{
	return ((uint32_t)(b & 0x7) << 4) | ((b & 0x8) ? IGB_RXD_STAT_VP : 0) |
		((uint32_t)((b >> 4) & 0x7) << 29);
}

static void
op_writeback(struct input *in, bool rogue)
{
	struct rx_wb w;
	uint16_t slot = 0;

	if (rogue)
		slot = next_half(in) % f.nb_desc;
	w.staterr = next_word(in);
	w.len = next_half(in);
	w.pkt_info = next_half(in);
	w.vlan = next_half(in);
	if (rogue) {
		memset(w.bytes, 0, sizeof(w.bytes));
		rx_fuzz_rogue_write(&f, slot, &w);
		return;
	}
	w.bytes[0] = next(in);
	w.bytes[1] = next(in);
	w.bytes[2] = next(in);
	w.bytes[3] = next(in);
	rx_fuzz_write(&f, &w);
}

static void
op_plain(struct input *in)
{
	uint8_t count = next(in);
	struct rx_wb w = {.len = next_half(in)};
	uint32_t bits = plain_bits(next(in));
	uint8_t i;

	w.pkt_info = next_half(in);
	w.bytes[0] = 0x08; /* IPv4 */
	for (i = 0; i < count; i++) {
		w.staterr = IGB_RXD_STAT_DD | IGB_RXD_STAT_EOP | bits;
		if (!rx_fuzz_write(&f, &w))
			return;
		w.len++;
	}
}

static void
op_chain(struct input *in)
{
	uint8_t segs = 1 + next(in) % 16;
	struct rx_wb w = {.staterr = IGB_RXD_STAT_DD, .len = next_half(in)};
	uint16_t last_len = next_half(in);
	uint32_t bits = plain_bits(next(in));
	uint8_t i;

	w.bytes[0] = 0x08;
	for (i = 1; i < segs; i++)
		if (!rx_fuzz_write(&f, &w))
			return;
	w.staterr = IGB_RXD_STAT_DD | IGB_RXD_STAT_EOP | bits;
	w.len = last_len;
	rx_fuzz_write(&f, &w);
}

static void
op_burst(struct input *in)
{
	uint8_t b = next(in);
	uint16_t n = b < 0x80 ? b : next_half(in);

	rx_fuzz_burst(&f, n);
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	rx_fuzz_init(&f);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input in = {data, size};
	struct rx_fuzz_conf c;
	uint16_t raw = next_half(&in);
	uint8_t flags;

	c.nb_desc = (raw & 0x8000) ? raw & 0x1fff : 32 + 8 * (raw % 509);
	c.free_thresh = next_half(&in) & 0xfff;
	flags = next(&in);
	c.offloads = ((flags & 1) ? RTE_ETH_RX_OFFLOAD_VLAN_STRIP : 0) |
		((flags & 2) ? RTE_ETH_RX_OFFLOAD_SCATTER : 0);
	c.vlan_mode = (flags >> 2) & 3;
	c.vid = next_half(&in) & RTE_VLAN_ID_MASK;
	if (!rx_fuzz_setup(&f, &c))
		return 0; /* a configuration the driver rightly refused */

	while (in.n > 0 && f.running) {
		switch (next(&in) % 8) {
		case 0:
			op_writeback(&in, false);
			break;
		case 1:
			op_plain(&in);
			break;
		case 2:
			op_burst(&in);
			break;
		case 3:
			op_writeback(&in, true);
			break;
		case 4:
			rx_fuzz_free_held(&f, next(&in));
			break;
		case 5:
			rx_fuzz_restart(&f);
			break;
		case 6:
			rx_fuzz_drain(&f, next(&in));
			break;
		default:
			op_chain(&in);
			break;
		}
	}
	rx_fuzz_teardown(&f);
	return 0;
}
