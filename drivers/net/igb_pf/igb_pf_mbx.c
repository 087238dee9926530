/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>

#include "igb_mbx.h"
#include "igb_mbx_msg.h"
#include "igb_pf_hw.h"
#include "igb_pf_mbx.h"

static enum igb_pf_nack
handle_set_mac(struct igb_pf_sriov *s, uint16_t vf, const struct igb_msg *m)
{
	uint32_t sub = m->w[0] & IGB_MSG_INFO_MASK;
	uint8_t mac[IGB_PF_ETH_ALEN];

	if (igb_msg_decode_mac(m, mac) != 0)
		return IGB_PF_NACK_MALFORMED;
	if (sub == 0)
		return igb_pf_req_set_mac(s, vf, mac);
	if (sub == IGB_MSG_MAC_FILTER_CLR || sub == IGB_MSG_MAC_FILTER_ADD)
		return igb_pf_req_mac_filter(
			s, vf, sub == IGB_MSG_MAC_FILTER_CLR, mac);
	return IGB_PF_NACK_MALFORMED;
}

/* Decodes and applies one request of a clear-to-send VF. */
static enum igb_pf_nack
dispatch(struct igb_pf_sriov *s, uint16_t vf, const struct igb_msg *m)
{
	uint16_t hashes[IGB_MSG_MC_MAX];
	unsigned int count;
	uint32_t frame;
	bool a, b;
	uint16_t vid;

	switch (igb_msg_type(m->w[0])) {
	case IGB_MSG_SET_MAC_ADDR:
		return handle_set_mac(s, vf, m);
	case IGB_MSG_SET_MULTICAST:
		if (igb_msg_decode_multicast(m, hashes, &count, &a) != 0)
			return IGB_PF_NACK_MALFORMED;
		return igb_pf_req_set_mc(s, vf, hashes, count, a);
	case IGB_MSG_SET_VLAN:
		if (igb_msg_decode_vlan(m, &vid, &a) != 0)
			return IGB_PF_NACK_MALFORMED;
		return igb_pf_req_set_vlan(s, vf, vid, a);
	case IGB_MSG_SET_LPE:
		if (igb_msg_decode_lpe(m, &frame) != 0)
			return IGB_PF_NACK_MALFORMED;
		return igb_pf_req_set_lpe(s, vf, frame);
	case IGB_MSG_SET_PROMISC:
		if (igb_msg_decode_promisc(m, &a, &b) != 0)
			return IGB_PF_NACK_MALFORMED;
		return igb_pf_req_set_promisc(s, vf, a, b);
	default:
		return IGB_PF_NACK_UNKNOWN;
	}
}

static void
reply(struct igb_pf_mbx_server *srv, uint16_t vf, struct igb_msg *m,
	enum igb_pf_nack verdict, bool cts)
{
	igb_msg_make_reply(m, verdict == IGB_PF_ACK, cts);
	m->len = 1; /* the verdict is all a reply carries */
	if (igb_mbx_pf_write(srv->hw, vf, m) != 0)
		srv->s->vf[vf].cnt.mbx_errors++;
}

static void
handle_reset(struct igb_pf_mbx_server *srv, uint16_t vf)
{
	struct igb_pf_sriov *s = srv->s;
	struct igb_msg r;

	igb_pf_req_reset(s, vf);
	igb_pf_hw_sync(srv->hw, s);
	igb_msg_encode_reset_reply(&r, s->vf[vf].mac, true);
	if (igb_mbx_pf_write(srv->hw, vf, &r) != 0)
		s->vf[vf].cnt.mbx_errors++;
	igb_pf_vf_count(s, vf, IGB_PF_ACK);
}

static void
handle_request(struct igb_pf_mbx_server *srv, uint16_t vf)
{
	struct igb_pf_sriov *s = srv->s;
	enum igb_pf_mbx_verdict app = IGB_PF_MBX_PROCEED;
	enum igb_pf_nack verdict;
	struct igb_msg m;

	if (igb_mbx_pf_read(srv->hw, vf, &m) != 0) {
		s->vf[vf].cnt.mbx_errors++;
		return;
	}
	/* Our own reply still in the buffer: nothing new. */
	if (m.w[0] & (IGB_MSG_ACK | IGB_MSG_NACK))
		return;
	if (srv->ask != NULL)
		app = srv->ask(srv->ask_ctx, vf, &m);
	if (app == IGB_PF_MBX_STOP) {
		srv->stopped = true;
		return;
	}
	/* A VF must always be able to reset: the verdict does not apply. */
	if (igb_msg_type(m.w[0]) == IGB_MSG_VF_RESET) {
		handle_reset(srv, vf);
		return;
	}
	if (!s->vf[vf].cts) {
		/* No CTS in the reply either: the VF must reset first. */
		igb_pf_vf_count(s, vf, IGB_PF_NACK_NOT_CTS);
		reply(srv, vf, &m, IGB_PF_NACK_NOT_CTS, false);
		return;
	}
	if (app == IGB_PF_MBX_NOOP_ACK)
		verdict = IGB_PF_ACK;
	else if (app == IGB_PF_MBX_NOOP_NACK)
		verdict = IGB_PF_NACK_APP;
	else
		verdict = dispatch(s, vf, &m);
	if (verdict == IGB_PF_ACK && app == IGB_PF_MBX_PROCEED)
		igb_pf_hw_sync(srv->hw, s);
	igb_pf_vf_count(s, vf, verdict);
	reply(srv, vf, &m, verdict, true);
}

unsigned int
igb_pf_mbx_service(struct igb_pf_mbx_server *srv)
{
	struct igb_pf_sriov *s = srv->s;
	unsigned int events = 0;
	uint16_t vf;

	for (vf = 0; vf < s->num_vfs && !srv->stopped; vf++) {
		/* 82576: VFLRE tells of a VF's reset; forget its settings. */
		if (igb_mbx_pf_check_reset(srv->hw, vf)) {
			igb_pf_vf_flr(s, vf);
			igb_pf_hw_sync(srv->hw, s);
			events++;
		}
		if (igb_mbx_pf_check_msg(srv->hw, vf)) {
			handle_request(srv, vf);
			events++;
			if (srv->stopped)
				break;
		}
		/* The VF took our last message; nothing else to do. */
		if (igb_mbx_pf_check_ack(srv->hw, vf))
			events++;
	}
	return events;
}

unsigned int
igb_pf_mbx_service_bounded(struct igb_pf_mbx_server *srv)
{
	unsigned int events = 0, n, round;

	for (round = 0; round < IGB_PF_MBX_ROUNDS; round++) {
		n = igb_pf_mbx_service(srv);
		if (n == 0)
			break;
		events += n;
	}
	return events;
}

int
igb_pf_mbx_ping(struct igb_pf_mbx_server *srv, uint16_t vf)
{
	struct igb_msg m;
	int ret;

	if (vf >= srv->s->num_vfs)
		return -EINVAL;
	igb_msg_encode_pf_control(&m, srv->s->vf[vf].cts);
	ret = igb_mbx_pf_write(srv->hw, vf, &m);
	if (ret != 0)
		srv->s->vf[vf].cnt.mbx_errors++;
	return ret;
}

void
igb_pf_mbx_ping_all(struct igb_pf_mbx_server *srv)
{
	uint16_t vf;

	for (vf = 0; vf < srv->s->num_vfs; vf++)
		igb_pf_mbx_ping(srv, vf);
}
