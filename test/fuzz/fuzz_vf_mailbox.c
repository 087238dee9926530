/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * libFuzzer target: the VF PMD's side of the PF conversation (reset
 * handshake, filter requests, the poll) against a PF that does what the
 * input says: answers or not, late or early, with garbage, resets the VF,
 * holds the buffer, falls off the bus. The input is a script:
 *
 *   operations  opcode byte (b % VF_OPS) and its operands:
 *     VF_OP_RESET     igb_vf_pf_reset()
 *     VF_OP_MAC       igb_vf_mac_addr_set(), 6 address bytes
 *     VF_OP_MC        igb_vf_set_mc_addr_list(), count (b % 40), 2 bytes
 *                     per address (01:00:5e:00:b0:b1)
 *     VF_OP_VLAN      igb_vf_vlan_filter_set(), vid (2 bytes, & 0x1fff),
 *                     on (b & 1)
 *     VF_OP_LPE       igb_vf_set_max_frame(), MTU (2 bytes)
 *     VF_OP_MODE      b % 4: promiscuous on, off, all-multicast on, off
 *     VF_OP_POLL      igb_vf_pf_poll() (the alarm's mailbox part)
 *     VF_OP_RESTORE   igb_vf_filters_restore()
 *     VF_OP_PF        a PF action (below) at a time from now: time byte
 *                     (t & 0x3f) << 6 * (t >> 6) us, action, operands
 *     VF_OP_ANSWER    how the PF's agent answers a type: type (b % 8),
 *                     answer (b % 5: ACK, NACK, NACK without CTS, takes
 *                     it silently, ignores it)
 *     VF_OP_AGENT     b & 1: the agent answers requests at once, or not
 *
 *   PF actions (b % PF_ACTIONS), run as the VF's virtual time passes:
 *     write a message of n (b % 17) words of input; reply to the VF's
 *     last request with flag byte f (f & 0xe0 as ACK, NACK, CTS) and two
 *     words; PF_CONTROL ping (b & 1: with CTS); RSTI set; RSTI cleared
 *     with RSTD (PF reset done); RSTD; take PFU; free PFU; raise PFACK;
 *     raise PFSTS on whatever the buffer holds; off the bus for 1 + 4 b
 *     reads; OR byte b into V2PMAILBOX; take the request (read, ACK)
 *     without answering; a flood of 16 b PF_CONTROL pings, each sent as
 *     soon as the VF took the last.
 *
 * Invariants, aborting on the first violation: no sanitizer report; each
 * call returns within its bound of virtual time and register reads (a
 * bounded number of mailbox requests, each with bounded waits), with 0 or
 * an errno of its documented set; a successful handshake leaves no reset
 * pending and a valid unicast address; a reset once pending stays so until
 * a handshake; a request's result agrees with the reply it consumed (0
 * only on an ACK of its type; a NACK without CTS is -EPERM with the reset
 * pending); a request given up on that is still unanswered marks the
 * reset; a poll that saw RSTI, RSTD or a revocation marks the reset.
 */
#include <errno.h>

#include "vf_fuzz.h"

int igb_vf_logtype; /* registered by the PMD's ethdev file */

enum vf_op {
	VF_OP_RESET,
	VF_OP_MAC,
	VF_OP_MC,
	VF_OP_VLAN,
	VF_OP_LPE,
	VF_OP_MODE,
	VF_OP_POLL,
	VF_OP_RESTORE,
	VF_OP_PF,
	VF_OP_ANSWER,
	VF_OP_AGENT,
	VF_OPS
};

#define VF_CALLS_MAX 24 /* VF calls per input: bounds its run time */

/*
 * Worst case of one mailbox request (igb_mbx_vf_request) in virtual time:
 * a wait for the late answer to a request given up on, the send, the wait
 * for the answer; each wait for a message takes up to four of them (PF
 * notifications first), each a poll up to the timeout and the buffer lock
 * up to the timeout.
 */
static uint64_t
request_us(uint32_t timeout_us)
{
	uint64_t wait = (uint64_t)timeout_us + IGB_MBX_POLL_US;

	return 4 * 2 * wait + 2 * wait + 4 * 2 * wait;
}

static unsigned int
vlans(void)
{
	unsigned int i, n = 0;

	for (i = 0; i < RTE_DIM(vf_fuzz.ad.vfta); i++)
		n += (unsigned int)__builtin_popcountll(vf_fuzz.ad.vfta[i]);
	return n;
}

/* Up to nreq requests (and the handshake's RSTI wait if reset). */
static void
call_begin(const char *name, unsigned int nreq, bool reset)
{
	uint64_t us;

	vf_fuzz.ad.mbx.timeout_us = FUZZ_TIMEOUT_US;
	/* The handshake's request waits with the driver's own timeout. */
	us = nreq * request_us(reset ? IGB_MBX_TIMEOUT_US : FUZZ_TIMEOUT_US);
	if (reset)
		us += IGB_VF_PF_RESET_WAIT_US + 1000;
	vf_fuzz.call = name;
	vf_fuzz.start_us = vf_fuzz.m.now_us;
	vf_fuzz.time_bound = us;
	/* Per poll round: a few V2PMAILBOX reads; per message: the buffer. */
	vf_fuzz.reads = 0;
	vf_fuzz.read_bound = us / IGB_MBX_POLL_US * 4 + 64 * (nreq + 8) * 20;
	vf_fuzz.reqs = 0;
	vf_fuzz.answered = false;
	vf_fuzz.revoked = false;
	vf_fuzz.mbx_reads = 0;
	vf_fuzz.rst_seen = false;
	vf_fuzz_pf_run(); /* what the PF does before the call */
}

static const int transport_err[] = {-EBUSY, -ETIMEDOUT, -ENODEV};

static bool
in_set(int ret, const int *set, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (ret == set[i])
			return true;
	return false;
}

static bool
transport(int ret)
{
	return in_set(ret, transport_err, RTE_DIM(transport_err));
}

/* ret is 0, a transport error or one of the call's own errors. */
static void
check_ret(int ret, const int *own, size_t n)
{
	if (ret != 0 && !transport(ret) && !in_set(ret, own, n))
		vf_fuzz_fail("returned %d (%s): not a documented result", ret,
			strerror(-ret));
}

static void
check_pending_kept(bool before)
{
	if (before && !atomic_load(&vf_fuzz.ad.reset_pending))
		vf_fuzz_fail(
			"a pending reset was forgotten without a handshake");
}

/* One request, its result against the reply the VF took. */
static void
check_single(int ret, bool was_stale, uint16_t type)
{
	bool pending = atomic_load(&vf_fuzz.ad.reset_pending);

	if (vf_fuzz.reqs == 0) {
		if (ret != 0 && ret != -EINVAL && !transport(ret))
			vf_fuzz_fail("returned %d without asking the PF", ret);
		return;
	}
	if (ret == -ETIMEDOUT && was_stale && !pending)
		vf_fuzz_fail("two timeouts in a row and no reset pending");
	if (transport(ret))
		return;
	if (!vf_fuzz.answered)
		vf_fuzz_fail("returned %d without taking a reply", ret);
	if (vf_fuzz_lost_cts(vf_fuzz.answer) && (ret != -EPERM || !pending))
		vf_fuzz_fail("reply %#x (no CTS) gave %d, reset pending %d",
			vf_fuzz.answer, ret, pending);
	if (ret == 0 &&
		(igb_msg_type(vf_fuzz.answer) != type ||
			!(vf_fuzz.answer & IGB_MSG_ACK)))
		vf_fuzz_fail("success on reply %#x to request type %#x",
			vf_fuzz.answer, type);
}

static void
op_reset(void)
{
	static const int own[] = {-EAGAIN, -EPROTO};
	int ret;

	call_begin("reset", 1, true);
	ret = igb_vf_pf_reset(&vf_fuzz.dev);
	check_ret(ret, own, RTE_DIM(own));
	if (ret == 0) {
		if (atomic_load(&vf_fuzz.ad.reset_pending))
			vf_fuzz_fail("handshake done, reset still pending");
		if (!rte_is_valid_assigned_ether_addr(&vf_fuzz.ad.perm_addr))
			vf_fuzz_fail(
				"handshake done without a unicast address");
		if (!rte_is_same_ether_addr(
			    &vf_fuzz.ad.perm_addr, &vf_fuzz.ad.pf_addr))
			vf_fuzz_fail(
				"handshake done, PF address not the permanent");
		rte_ether_addr_copy(&vf_fuzz.ad.perm_addr, &vf_fuzz.macs[0]);
	}
}

static void
op_mac(struct input *in)
{
	static const int own[] = {-EINVAL, -EPERM, -EPROTO};
	struct rte_ether_addr a;
	bool pending = atomic_load(&vf_fuzz.ad.reset_pending);
	bool stale = vf_fuzz.ad.mbx.stale;
	unsigned int i;
	int ret;

	for (i = 0; i < RTE_ETHER_ADDR_LEN; i++)
		a.addr_bytes[i] = next(in);
	call_begin("set MAC", 1, false);
	ret = igb_vf_mac_addr_set(&vf_fuzz.dev, &a);
	check_ret(ret, own, RTE_DIM(own));
	check_pending_kept(pending);
	check_single(ret, stale, IGB_MSG_SET_MAC_ADDR);
	if (ret == 0 && !rte_is_same_ether_addr(&a, &vf_fuzz.ad.pf_addr))
		vf_fuzz_fail("address accepted but not recorded");
}

static void
op_mc(struct input *in)
{
	static const int own[] = {-EPERM, -ENOTSUP, -EPROTO};
	struct rte_ether_addr list[40];
	bool pending = atomic_load(&vf_fuzz.ad.reset_pending);
	unsigned int n = next(in) % RTE_DIM(list), i;
	int ret;

	for (i = 0; i < n; i++) {
		struct rte_ether_addr a = {
			{0x01, 0, 0x5e, 0, next(in), next(in)}};

		list[i] = a;
	}
	call_begin("multicast list", 2, false);
	ret = igb_vf_set_mc_addr_list(&vf_fuzz.dev, list, n);
	check_ret(ret, own, RTE_DIM(own));
	check_pending_kept(pending);
	if (vf_fuzz.ad.nb_mc != n ||
		vf_fuzz.ad.mc_overflow != (n > IGB_MSG_MC_MAX))
		vf_fuzz_fail("list of %u kept as %u, overflow %d", n,
			vf_fuzz.ad.nb_mc, vf_fuzz.ad.mc_overflow);
}

static void
op_vlan(struct input *in)
{
	static const int own[] = {-EINVAL, -EPERM, -EPROTO};
	uint16_t vid = (next(in) | next(in) << 8) & 0x1fff;
	bool on = next(in) & 1,
	     pending = atomic_load(&vf_fuzz.ad.reset_pending);
	bool stale = vf_fuzz.ad.mbx.stale;
	int ret;

	call_begin("VLAN filter", 1, false);
	ret = igb_vf_vlan_filter_set(&vf_fuzz.dev, vid, on);
	check_ret(ret, own, RTE_DIM(own));
	check_pending_kept(pending);
	if (vid > RTE_ETHER_MAX_VLAN_ID && ret != -EINVAL)
		vf_fuzz_fail("VLAN %u gave %d", vid, ret);
	check_single(ret, stale, IGB_MSG_SET_VLAN);
}

static void
op_lpe(struct input *in)
{
	static const int own[] = {-EPERM, -ENOTSUP, -EPROTO};
	uint16_t mtu = next(in) | next(in) << 8;
	bool pending = atomic_load(&vf_fuzz.ad.reset_pending);
	bool stale = vf_fuzz.ad.mbx.stale;
	int ret;

	call_begin("frame size", 1, false);
	ret = igb_vf_set_max_frame(&vf_fuzz.dev, mtu);
	check_ret(ret, own, RTE_DIM(own));
	check_pending_kept(pending);
	check_single(ret, stale, IGB_MSG_SET_LPE);
}

static void
op_mode(struct input *in)
{
	static const int own[] = {-EPERM, -ENOTSUP, -EPROTO};
	static const char *const names[] = {"promiscuous on", "promiscuous off",
		"all-multicast on", "all-multicast off"};
	uint8_t sub = next(in) % 4;
	bool pending = atomic_load(&vf_fuzz.ad.reset_pending);
	bool stale = vf_fuzz.ad.mbx.stale;
	int ret;

	call_begin(names[sub], 2, false);
	switch (sub) {
	case 0:
		ret = igb_vf_promiscuous_enable(&vf_fuzz.dev);
		break;
	case 1:
		ret = igb_vf_promiscuous_disable(&vf_fuzz.dev);
		break;
	case 2:
		ret = igb_vf_allmulticast_enable(&vf_fuzz.dev);
		break;
	default:
		ret = igb_vf_allmulticast_disable(&vf_fuzz.dev);
		break;
	}
	check_ret(ret, own, RTE_DIM(own));
	check_pending_kept(pending);
	if (sub == 1 || sub == 3)
		check_single(ret, stale, IGB_MSG_SET_PROMISC);
	if (sub == 2 && ret != 0 && vf_fuzz.ad.allmulti)
		vf_fuzz_fail("all-multicast refused (%d) but recorded", ret);
}

static void
op_poll(void)
{
	bool pending = atomic_load(&vf_fuzz.ad.reset_pending);
	bool held_revoke = vf_fuzz.ad.mbx.held &&
		(igb_msg_type(vf_fuzz.ad.mbx.held_msg.w[0]) ==
					IGB_MSG_PF_CONTROL
				? !(vf_fuzz.ad.mbx.held_msg.w[0] & IGB_MSG_CTS)
				: vf_fuzz_lost_cts(
					  vf_fuzz.ad.mbx.held_msg.w[0]));
	bool rstd = (vf_fuzz.ad.mbx.latched & IGB_V2PMAILBOX_RSTD) != 0;

	call_begin("poll", 1, false);
	igb_vf_pf_poll(&vf_fuzz.dev);
	check_pending_kept(pending);
	if (atomic_load(&vf_fuzz.ad.gone))
		return; /* gone: nothing more is looked at */
	if ((held_revoke || rstd || vf_fuzz.rst_seen || vf_fuzz.revoked) &&
		!atomic_load(&vf_fuzz.ad.reset_pending))
		vf_fuzz_fail("PF reset or revoked CTS, no reset pending");
}

static void
op_restore(void)
{
	static const int own[] = {-EPERM, -ENOTSUP, -EPROTO};
	bool pending = atomic_load(&vf_fuzz.ad.reset_pending);
	int ret;

	call_begin("restore", 4 + vlans(), false);
	ret = igb_vf_filters_restore(&vf_fuzz.dev);
	check_ret(ret, own, RTE_DIM(own));
	check_pending_kept(pending);
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* The PMD logs every refusal and timeout: keep the run quiet. */
	rte_log_set_global_level(RTE_LOG_EMERG);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input in = {data, size};
	unsigned int calls = 0;
	uint8_t t;

	vf_fuzz_setup();
	while (in.n > 0 && calls < VF_CALLS_MAX) {
		uint8_t op = next(&in) % VF_OPS;

		if (op < VF_OP_PF)
			calls++;
		switch (op) {
		case VF_OP_RESET:
			op_reset();
			break;
		case VF_OP_MAC:
			op_mac(&in);
			break;
		case VF_OP_MC:
			op_mc(&in);
			break;
		case VF_OP_VLAN:
			op_vlan(&in);
			break;
		case VF_OP_LPE:
			op_lpe(&in);
			break;
		case VF_OP_MODE:
			op_mode(&in);
			break;
		case VF_OP_POLL:
			op_poll();
			break;
		case VF_OP_RESTORE:
			op_restore();
			break;
		case VF_OP_PF:
			vf_fuzz_op_pf(&in);
			break;
		case VF_OP_ANSWER:
			t = next(&in) % 8;
			vf_fuzz.m.answer[t] =
				(enum model_answer)(next(&in) % 5);
			break;
		default:
			vf_fuzz.m.agent = next(&in) & 1;
			break;
		}
		vf_fuzz.call = NULL;
	}
	return 0;
}
