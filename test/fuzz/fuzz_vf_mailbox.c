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
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_input.h"
#include "igb_model.h"
#include "igb_vf.h"
#include "vf_fakes.h"

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

enum pf_action {
	PF_MSG,
	PF_REPLY,
	PF_PING,
	PF_RSTI,
	PF_RESET_DONE,
	PF_RSTD,
	PF_LOCK,
	PF_UNLOCK,
	PF_ACK,
	PF_STS,
	PF_GONE,
	PF_RAW,
	PF_TAKE,
	PF_FLOOD,
	PF_ACTIONS
};

#define VF_CALLS_MAX 24 /* VF calls per input: bounds its run time */
/* The mailbox timeout the calls run with, but for the handshake (which
 * starts its mailbox afresh): a hundredth of the driver's, so that a
 * silent PF costs 400 poll rounds, not 40000. The waits are the same code
 * whatever the field holds. */
#define FUZZ_TIMEOUT_US (IGB_MBX_TIMEOUT_US / 100)
#define PF_QUEUE 16 /* PF actions pending */
#define R2C (IGB_V2PMAILBOX_PFSTS | IGB_V2PMAILBOX_PFACK | IGB_V2PMAILBOX_RSTD)

struct pf_act {
	uint64_t at_us;
	uint8_t what, arg;
	struct igb_msg msg;
};

static struct {
	struct igb_model m;
	struct igb_vf_adapter ad;
	struct rte_eth_dev dev;
	struct rte_eth_dev_data data;
	struct rte_ether_addr macs[1];
	struct igb_hw_model ops; /* VF 0's BAR, watched */
	struct pf_act q[PF_QUEUE];
	unsigned int nq;
	/* The call under way and what the VF did in it. */
	const char *call;
	uint64_t start_us, time_bound, reads, read_bound;
	uint32_t req_w0; /* word 0 of the last request signalled */
	uint32_t w0_read; /* word 0 the VF last read from its buffer */
	unsigned int reqs; /* requests signalled (REQ) */
	bool answered; /* a non-PF_CONTROL message consumed */
	uint32_t answer; /* the last one */
	bool revoked; /* consumed PF_CONTROL without CTS, or lost CTS */
	unsigned int mbx_reads; /* V2PMAILBOX reads */
	bool rst_seen; /* RSTI or RSTD in the poll's first samples */
} f;

static void __attribute__((noreturn, format(printf, 1, 2)))
fail(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "vf-mailbox invariant violated in %s: ",
		f.call != NULL ? f.call : "setup");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

#define V2P (f.m.reg[IGB_V2PMAILBOX_PF(0) / 4])

static void
pf_send(const struct igb_msg *msg)
{
	/* -EBUSY while the VF holds the buffer: the PF's message is lost,
	 * as a PF driver's would be. */
	(void)igb_mbx_pf_write(&f.m.hw, 0, msg);
}

static void
pf_act(const struct pf_act *a)
{
	struct igb_msg msg = a->msg;

	switch (a->what) {
	case PF_MSG:
		pf_send(&msg);
		break;
	case PF_REPLY:
		msg.w[0] = igb_msg_type(f.req_w0) |
			((uint32_t)(a->arg & 0xe0) << 24);
		pf_send(&msg);
		break;
	case PF_PING:
		igb_msg_encode_pf_control(&msg, a->arg & 1);
		pf_send(&msg);
		break;
	case PF_RSTI:
		V2P |= IGB_V2PMAILBOX_RSTI;
		break;
	case PF_RESET_DONE:
		V2P = (V2P & ~IGB_V2PMAILBOX_RSTI) | IGB_V2PMAILBOX_RSTD;
		break;
	case PF_RSTD:
		V2P |= IGB_V2PMAILBOX_RSTD;
		break;
	case PF_LOCK:
		igb_write(&f.m.hw, IGB_P2VMAILBOX(0), IGB_P2VMAILBOX_PFU);
		break;
	case PF_UNLOCK:
		igb_write(&f.m.hw, IGB_P2VMAILBOX(0), 0);
		break;
	case PF_ACK:
		V2P |= IGB_V2PMAILBOX_PFACK;
		break;
	case PF_STS:
		V2P |= IGB_V2PMAILBOX_PFSTS;
		break;
	case PF_GONE:
		f.m.gone_reads = 1 + 4u * a->arg;
		break;
	case PF_RAW:
		V2P |= a->arg;
		break;
	case PF_TAKE:
		if (igb_mbx_pf_check_msg(&f.m.hw, 0))
			igb_mbx_pf_read(&f.m.hw, 0, &msg);
		break;
	default:
		/* The model pings again each time the VF took a message. */
		f.m.ping_flood = 16u * a->arg;
		model_pf_send(&f.m, IGB_MSG_PF_CONTROL | IGB_MSG_CTS);
		break;
	}
}

/* Run the PF actions whose time has come, in the order given. */
static void
pf_run(void)
{
	unsigned int i = 0;

	while (i < f.nq) {
		if (f.q[i].at_us > f.m.now_us) {
			i++;
			continue;
		}
		struct pf_act a = f.q[i];

		memmove(&f.q[i], &f.q[i + 1], (f.nq - i - 1) * sizeof(f.q[0]));
		f.nq--;
		pf_act(&a);
	}
}

static void
op_pf(struct input *in)
{
	uint8_t t = next(in);
	struct pf_act a = {0};
	unsigned int i;

	a.at_us = f.m.now_us + ((uint64_t)(t & 0x3f) << (6 * (t >> 6)));
	a.what = next(in) % PF_ACTIONS;
	switch (a.what) {
	case PF_MSG:
		a.msg.len = next(in) % (IGB_MBX_WORDS + 1);
		for (i = 0; i < a.msg.len; i++)
			a.msg.w[i] = next_word(in);
		break;
	case PF_REPLY:
		a.arg = next(in);
		a.msg.len = 3;
		a.msg.w[1] = next_word(in);
		a.msg.w[2] = next_word(in);
		break;
	case PF_PING:
	case PF_GONE:
	case PF_RAW:
	case PF_FLOOD:
		a.arg = next(in);
		break;
	default:
		break;
	}
	if (f.nq < PF_QUEUE)
		f.q[f.nq++] = a;
}

/* VF 0's BAR through the model, every access seen. */
static uint32_t
vf_read(void *ctx, uint32_t off)
{
	uint32_t v;

	(void)ctx;
	if (++f.reads > f.read_bound)
		fail("more than %lu register reads: spinning",
			(unsigned long)f.read_bound);
	v = f.m.vf_ops.read(&f.m, off);
	if (off == IGB_VF_VMBMEM)
		f.w0_read = v;
	if (off == IGB_VF_V2PMAILBOX && !igb_mbx_vf_gone(v) &&
		f.mbx_reads++ < 2 &&
		(v & (IGB_V2PMAILBOX_RSTI | IGB_V2PMAILBOX_RSTD)))
		f.rst_seen = true;
	return v;
}

/* A NACK without CTS: the PF has forgotten the VF. */
static bool
lost_cts(uint32_t w0)
{
	return (w0 & IGB_MSG_NACK) && !(w0 & IGB_MSG_CTS);
}

static void
vf_write(void *ctx, uint32_t off, uint32_t val)
{
	(void)ctx;
	if (off == IGB_VF_V2PMAILBOX && (val & IGB_V2PMAILBOX_ACK)) {
		/* The VF took the message it read. */
		if (igb_msg_type(f.w0_read) == IGB_MSG_PF_CONTROL) {
			f.revoked |= !(f.w0_read & IGB_MSG_CTS);
		} else {
			f.answered = true;
			f.answer = f.w0_read;
			f.revoked |= lost_cts(f.w0_read);
		}
	}
	if (off == IGB_VF_V2PMAILBOX && (val & IGB_V2PMAILBOX_REQ)) {
		f.req_w0 = f.m.reg[IGB_VMBMEM(0) / 4];
		f.reqs++;
	}
	f.m.vf_ops.write(&f.m, off, val);
}

static void
vf_delay(void *ctx, unsigned int us)
{
	(void)ctx;
	f.m.vf_ops.delay_us(&f.m, us);
	if (f.m.now_us - f.start_us > f.time_bound)
		fail("waited more than %lu us", (unsigned long)f.time_bound);
	pf_run();
}

static void
setup(void)
{
	fake_reset();
	memset(&f, 0, sizeof(f));
	fake_port_init(&f.m, &f.ad, &f.dev, &f.data, f.macs);
	f.ops.read = vf_read;
	f.ops.write = vf_write;
	f.ops.delay_us = vf_delay;
	f.ad.hw.model = &f.ops;
	f.ad.mbx.hw = &f.ad.hw;
	f.data.dev_started = 1;
}

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

	for (i = 0; i < RTE_DIM(f.ad.vfta); i++)
		n += (unsigned int)__builtin_popcountll(f.ad.vfta[i]);
	return n;
}

/* Up to nreq requests (and the handshake's RSTI wait if reset). */
static void
call_begin(const char *name, unsigned int nreq, bool reset)
{
	uint64_t us;

	f.ad.mbx.timeout_us = FUZZ_TIMEOUT_US;
	/* The handshake's request waits with the driver's own timeout. */
	us = nreq * request_us(reset ? IGB_MBX_TIMEOUT_US : FUZZ_TIMEOUT_US);
	if (reset)
		us += IGB_VF_PF_RESET_WAIT_US + 1000;
	f.call = name;
	f.start_us = f.m.now_us;
	f.time_bound = us;
	/* Per poll round: a few V2PMAILBOX reads; per message: the buffer. */
	f.reads = 0;
	f.read_bound = us / IGB_MBX_POLL_US * 4 + 64 * (nreq + 8) * 20;
	f.reqs = 0;
	f.answered = false;
	f.revoked = false;
	f.mbx_reads = 0;
	f.rst_seen = false;
	pf_run(); /* what the PF does before the call */
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
		fail("returned %d (%s): not a documented result", ret,
			strerror(-ret));
}

static void
check_pending_kept(bool before)
{
	if (before && !atomic_load(&f.ad.reset_pending))
		fail("a pending reset was forgotten without a handshake");
}

/* One request, its result against the reply the VF took. */
static void
check_single(int ret, bool was_stale, uint16_t type)
{
	bool pending = atomic_load(&f.ad.reset_pending);

	if (f.reqs == 0) {
		if (ret != 0 && ret != -EINVAL && !transport(ret))
			fail("returned %d without asking the PF", ret);
		return;
	}
	if (ret == -ETIMEDOUT && was_stale && !pending)
		fail("two timeouts in a row and no reset pending");
	if (transport(ret))
		return;
	if (!f.answered)
		fail("returned %d without taking a reply", ret);
	if (lost_cts(f.answer) && (ret != -EPERM || !pending))
		fail("reply %#x (no CTS) gave %d, reset pending %d", f.answer,
			ret, pending);
	if (ret == 0 &&
		(igb_msg_type(f.answer) != type || !(f.answer & IGB_MSG_ACK)))
		fail("success on reply %#x to request type %#x", f.answer,
			type);
}

static void
op_reset(void)
{
	static const int own[] = {-EAGAIN, -EPROTO};
	int ret;

	call_begin("reset", 1, true);
	ret = igb_vf_pf_reset(&f.dev);
	check_ret(ret, own, RTE_DIM(own));
	if (ret == 0) {
		if (atomic_load(&f.ad.reset_pending))
			fail("handshake done, reset still pending");
		if (!rte_is_valid_assigned_ether_addr(&f.ad.perm_addr))
			fail("handshake done without a unicast address");
		if (!rte_is_same_ether_addr(&f.ad.perm_addr, &f.ad.pf_addr))
			fail("handshake done, PF address not the permanent");
		rte_ether_addr_copy(&f.ad.perm_addr, &f.macs[0]);
	}
}

static void
op_mac(struct input *in)
{
	static const int own[] = {-EINVAL, -EPERM, -EPROTO};
	struct rte_ether_addr a;
	bool pending = atomic_load(&f.ad.reset_pending);
	bool stale = f.ad.mbx.stale;
	unsigned int i;
	int ret;

	for (i = 0; i < RTE_ETHER_ADDR_LEN; i++)
		a.addr_bytes[i] = next(in);
	call_begin("set MAC", 1, false);
	ret = igb_vf_mac_addr_set(&f.dev, &a);
	check_ret(ret, own, RTE_DIM(own));
	check_pending_kept(pending);
	check_single(ret, stale, IGB_MSG_SET_MAC_ADDR);
	if (ret == 0 && !rte_is_same_ether_addr(&a, &f.ad.pf_addr))
		fail("address accepted but not recorded");
}

static void
op_mc(struct input *in)
{
	static const int own[] = {-EPERM, -ENOTSUP, -EPROTO};
	struct rte_ether_addr list[40];
	bool pending = atomic_load(&f.ad.reset_pending);
	unsigned int n = next(in) % RTE_DIM(list), i;
	int ret;

	for (i = 0; i < n; i++) {
		struct rte_ether_addr a = {
			{0x01, 0, 0x5e, 0, next(in), next(in)}};

		list[i] = a;
	}
	call_begin("multicast list", 2, false);
	ret = igb_vf_set_mc_addr_list(&f.dev, list, n);
	check_ret(ret, own, RTE_DIM(own));
	check_pending_kept(pending);
	if (f.ad.nb_mc != n || f.ad.mc_overflow != (n > IGB_MSG_MC_MAX))
		fail("list of %u kept as %u, overflow %d", n, f.ad.nb_mc,
			f.ad.mc_overflow);
}

static void
op_vlan(struct input *in)
{
	static const int own[] = {-EINVAL, -EPERM, -EPROTO};
	uint16_t vid = (next(in) | next(in) << 8) & 0x1fff;
	bool on = next(in) & 1, pending = atomic_load(&f.ad.reset_pending);
	bool stale = f.ad.mbx.stale;
	int ret;

	call_begin("VLAN filter", 1, false);
	ret = igb_vf_vlan_filter_set(&f.dev, vid, on);
	check_ret(ret, own, RTE_DIM(own));
	check_pending_kept(pending);
	if (vid > RTE_ETHER_MAX_VLAN_ID && ret != -EINVAL)
		fail("VLAN %u gave %d", vid, ret);
	check_single(ret, stale, IGB_MSG_SET_VLAN);
}

static void
op_lpe(struct input *in)
{
	static const int own[] = {-EPERM, -ENOTSUP, -EPROTO};
	uint16_t mtu = next(in) | next(in) << 8;
	bool pending = atomic_load(&f.ad.reset_pending);
	bool stale = f.ad.mbx.stale;
	int ret;

	call_begin("frame size", 1, false);
	ret = igb_vf_set_max_frame(&f.dev, mtu);
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
	bool pending = atomic_load(&f.ad.reset_pending);
	bool stale = f.ad.mbx.stale;
	int ret;

	call_begin(names[sub], 2, false);
	switch (sub) {
	case 0:
		ret = igb_vf_promiscuous_enable(&f.dev);
		break;
	case 1:
		ret = igb_vf_promiscuous_disable(&f.dev);
		break;
	case 2:
		ret = igb_vf_allmulticast_enable(&f.dev);
		break;
	default:
		ret = igb_vf_allmulticast_disable(&f.dev);
		break;
	}
	check_ret(ret, own, RTE_DIM(own));
	check_pending_kept(pending);
	if (sub == 1 || sub == 3)
		check_single(ret, stale, IGB_MSG_SET_PROMISC);
	if (sub == 2 && ret != 0 && f.ad.allmulti)
		fail("all-multicast refused (%d) but recorded", ret);
}

static void
op_poll(void)
{
	bool pending = atomic_load(&f.ad.reset_pending);
	bool held_revoke = f.ad.mbx.held &&
		(igb_msg_type(f.ad.mbx.held_msg.w[0]) == IGB_MSG_PF_CONTROL
				? !(f.ad.mbx.held_msg.w[0] & IGB_MSG_CTS)
				: lost_cts(f.ad.mbx.held_msg.w[0]));
	bool rstd = (f.ad.mbx.latched & IGB_V2PMAILBOX_RSTD) != 0;

	call_begin("poll", 1, false);
	igb_vf_pf_poll(&f.dev);
	check_pending_kept(pending);
	if (atomic_load(&f.ad.gone))
		return; /* gone: nothing more is looked at */
	if ((held_revoke || rstd || f.rst_seen || f.revoked) &&
		!atomic_load(&f.ad.reset_pending))
		fail("PF reset or revoked CTS, no reset pending");
}

static void
op_restore(void)
{
	static const int own[] = {-EPERM, -ENOTSUP, -EPROTO};
	bool pending = atomic_load(&f.ad.reset_pending);
	int ret;

	call_begin("restore", 4 + vlans(), false);
	ret = igb_vf_filters_restore(&f.dev);
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

	setup();
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
			op_pf(&in);
			break;
		case VF_OP_ANSWER:
			t = next(&in) % 8;
			f.m.answer[t] = (enum model_answer)(next(&in) % 5);
			break;
		default:
			f.m.agent = next(&in) & 1;
			break;
		}
		f.call = NULL;
	}
	return 0;
}
