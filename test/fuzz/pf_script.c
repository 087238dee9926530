/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The PF mailbox script interpreter shared by the libFuzzer target
 * (fuzz_pf_mailbox.c) and the soak (soak_pf_mailbox.c): it drives the PF
 * mailbox server (igb_pf_mbx.c and the policy behind it) on the PF
 * register model, from a script whose format pf_script.h gives. VF
 * numbers at or above the VF count reach mailboxes of VFs that do not
 * exist (0..7) or only the server's API (8 and up). After every operation
 * the driver's state, the device registers and the replies each VF got are
 * compared with the reference model (pf_oracle.c); any difference goes to
 * oracle_fail().
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "fuzz_input.h"
#include "igb_mbx.h"
#include "igb_pf_hw.h"
#include "igb_pf_mbx.h"
#include "pf_oracle.h"
#include "pf_script.h"

struct fuzz {
	struct igb_model m;
	struct igb_pf_sriov s;
	struct igb_pf_mbx_server srv;
	struct oracle o;
	int app; /* enum igb_pf_mbx_verdict */
	uint32_t expect[IGB_PF_POOLS]; /* reply word 0 each VF should get */
	uint8_t expect_mask; /* VFs that should get one */
	struct pf_script_counts *cnt; /* NULL: nobody counts */
};

static struct fuzz f;

static const uint8_t pf_mac[IGB_PF_ETH_ALEN] = {0x02, 0, 0, 0, 0, 0x01};

static enum igb_pf_mbx_verdict
ask(void *ctx, uint16_t vf, const struct igb_msg *msg)
{
	(void)ctx;
	(void)msg;
	if (vf >= f.s.num_vfs)
		oracle_fail(
			"application asked about VF %u of %u", vf, f.s.num_vfs);
	return (enum igb_pf_mbx_verdict)f.app;
}

/* Admin and API VF numbers: 0..15, or far out of range. */
static uint16_t
admin_vf(uint8_t b)
{
	return (b & 0x80) ? (uint16_t)(0xff00 | b) : b & 0x0f;
}

static void
expect_reply(uint16_t vf, uint32_t w0)
{
	f.expect[vf] = w0;
	f.expect_mask |= (uint8_t)(1u << vf);
}

static void
count_ignored(void)
{
	if (f.cnt != NULL)
		f.cnt->ignored++;
}

/* The server handles what VF vf's buffer holds now, as a request. */
static void
serve_request(uint16_t vf)
{
	uint32_t w[IGB_MBX_WORDS];
	enum igb_pf_nack verdict;
	bool counted;
	unsigned int i;
	uint32_t w0;

	if (f.cnt != NULL)
		f.cnt->sent++;
	if (vf >= f.o.num_vfs) {
		count_ignored(); /* nobody looks at a missing VF's mailbox */
		return;
	}
	if (f.o.vf[vf].vf_lock) {
		f.o.vf[vf].cnt.mbx_errors++;
		count_ignored();
		return;
	}
	for (i = 0; i < IGB_MBX_WORDS; i++)
		w[i] = model_reg(&f.m, IGB_VMBMEM(vf) + 4 * i);
	verdict = oracle_request(&f.o, vf, w, f.app, &counted);
	if (!counted) {
		count_ignored();
		return;
	}
	if (f.cnt != NULL) {
		if (verdict == IGB_PF_ACK)
			f.cnt->acked++;
		else
			f.cnt->nacked++;
	}
	if ((w[0] & IGB_MSG_TYPE_MASK) == IGB_MSG_VF_RESET) {
		/* Exact word: Linux igbvf compares it whole. */
		expect_reply(vf, IGB_MSG_VF_RESET | IGB_MSG_ACK);
		return;
	}
	w0 = w[0] & ~(IGB_MSG_ACK | IGB_MSG_NACK | IGB_MSG_CTS);
	w0 |= verdict == IGB_PF_ACK ? IGB_MSG_ACK : IGB_MSG_NACK;
	if (verdict != IGB_PF_NACK_NOT_CTS)
		w0 |= IGB_MSG_CTS;
	expect_reply(vf, w0);
}

static void
op_message(struct input *in, bool resend)
{
	uint16_t vf = next(in) % 16;
	struct igb_msg msg;
	unsigned int i;

	memset(&msg, 0, sizeof(msg));
	if (!resend) {
		msg.len = next(in) % (IGB_MBX_WORDS + 1);
		for (i = 0; i < msg.len; i++)
			msg.w[i] = next_word(in);
	}
	if (vf >= IGB_PF_POOLS) {
		/* No such mailbox: the index only reaches the API. */
		igb_pf_vf_count(&f.s, vf, IGB_PF_NACK_MALFORMED);
		igb_pf_vf_count(&f.s, vf, (enum igb_pf_nack)(msg.w[0] & 0xff));
		return;
	}
	if (resend)
		f.m.reg[IGB_MBVFICR / 4] |= IGB_MBVFICR_VFREQ(vf);
	else
		model_vf_send(&f.m, vf, &msg);
	serve_request(vf);
	igb_pf_mbx_service(&f.srv);
}

static void
op_flr(struct input *in)
{
	uint16_t vf = next(in) % 16;

	if (vf >= IGB_PF_POOLS) {
		igb_pf_vf_flr(&f.s, vf);
		return;
	}
	/* Pool 7 is the PF's: only a spurious VFLRE bit can name it. */
	if (vf < IGB_PF_MAX_VFS)
		model_vf_reset(&f.m, vf);
	else
		f.m.reg[IGB_VFLRE / 4] |= IGB_BIT(vf);
	if (vf < f.o.num_vfs)
		oracle_flr(&f.o, vf);
	igb_pf_mbx_service(&f.srv);
}

/* Addresses that collide with something, or raw bytes. */
static void
pick_mac(struct input *in, uint8_t mac[IGB_PF_ETH_ALEN])
{
	uint8_t sel = next(in);
	unsigned int i;

	if (sel < 0xc0) {
		for (i = 0; i < IGB_PF_ETH_ALEN; i++)
			mac[i] = next(in);
		return;
	}
	memset(mac, 0, IGB_PF_ETH_ALEN);
	switch (sel & 3) {
	case 0: /* the PF's */
		memcpy(mac, pf_mac, IGB_PF_ETH_ALEN);
		break;
	case 1: /* some VF's current one */
		memcpy(mac, f.s.vf[(sel >> 2) % IGB_PF_MAX_VFS].mac,
			IGB_PF_ETH_ALEN);
		break;
	case 2: /* a fresh one */
		mac[0] = 0x02;
		mac[5] = 0x40 + ((sel >> 2) & 0x0f);
		break;
	default: /* zero: unpin */
		break;
	}
}

static void
op_admin(struct input *in)
{
	uint8_t action = next(in) % 8;
	uint16_t vf = admin_vf(next(in));
	uint8_t mac[IGB_PF_ETH_ALEN];
	uint16_t arg;
	int want, got;
	bool on;

	switch (action) {
	case 0:
		pick_mac(in, mac);
		want = oracle_admin_mac(&f.o, vf, mac);
		got = igb_pf_admin_set_mac(&f.s, vf, mac);
		break;
	case 1:
		arg = (uint16_t)((next(in) | next(in) << 8) & 0x1fff);
		want = oracle_admin_port_vlan(&f.o, vf, arg);
		got = igb_pf_admin_set_port_vlan(&f.s, vf, arg);
		break;
	case 7:
		/* The PF's own VLAN filter (pool 7), as vlan_filter_set. */
		arg = (uint16_t)(next(in) | next(in) << 8);
		on = (arg & 0x8000) != 0;
		arg &= 0x1fff;
		want = oracle_pf_vlan(&f.o, arg, on);
		got = on ? igb_pf_vlan_add(&f.s.vlans, arg, IGB_PF_POOL)
			 : igb_pf_vlan_del(&f.s.vlans, arg, IGB_PF_POOL);
		break;
	default:
		on = next(in) & 1;
		want = oracle_admin_flag(&f.o, vf, action - 2, on);
		switch (action) {
		case 2:
			got = igb_pf_admin_set_trust(&f.s, vf, on);
			break;
		case 3:
			got = igb_pf_admin_set_mac_spoofchk(&f.s, vf, on);
			break;
		case 4:
			got = igb_pf_admin_set_vlan_spoofchk(&f.s, vf, on);
			break;
		case 5:
			got = igb_pf_admin_set_rx(&f.s, vf, on);
			break;
		default:
			got = igb_pf_admin_set_tx(&f.s, vf, on);
			break;
		}
		break;
	}
	if (want != got)
		oracle_fail("admin action %u on VF %u returned %d, expected %d",
			action, vf, got, want);
	/* What rte_pmd_igb_pf_* and vlan_filter_set do on success. */
	if (got == 0)
		igb_pf_hw_sync(&f.m.hw, &f.s);
}

static void
op_lock(struct input *in)
{
	uint8_t b = next(in);
	uint16_t vf = b % IGB_PF_POOLS;

	if (b & 0x80) {
		/* The VF side's VFU write: granted while the PF is out. */
		f.m.reg[IGB_P2VMAILBOX(vf) / 4] |= IGB_P2VMAILBOX_VFU;
		f.o.vf[vf].vf_lock = true;
	} else {
		igb_mbx_pf_release_vf_lock(&f.m.hw, vf);
		f.o.vf[vf].vf_lock = false;
	}
}

static void
ping_one(uint16_t vf)
{
	int want = 0, got;

	if (vf >= f.o.num_vfs) {
		want = -EINVAL;
	} else if (f.o.vf[vf].vf_lock) {
		want = -EBUSY;
		f.o.vf[vf].cnt.mbx_errors++;
	} else {
		expect_reply(vf,
			IGB_MSG_PF_CONTROL |
				(f.o.vf[vf].cts ? IGB_MSG_CTS : IGB_MSG_NACK));
	}
	got = igb_pf_mbx_ping(&f.srv, vf);
	if (got != want)
		oracle_fail("ping of VF %u returned %d, expected %d", vf, got,
			want);
}

static void
op_ping(struct input *in)
{
	uint8_t b = next(in);
	uint16_t vf;

	if (b != 0xff) {
		ping_one(admin_vf(b));
		return;
	}
	for (vf = 0; vf < f.o.num_vfs; vf++)
		if (f.o.vf[vf].vf_lock)
			f.o.vf[vf].cnt.mbx_errors++;
		else
			expect_reply(vf,
				IGB_MSG_PF_CONTROL |
					(f.o.vf[vf].cts ? IGB_MSG_CTS
							: IGB_MSG_NACK));
	igb_pf_mbx_ping_all(&f.srv);
}

static void
op_vf_ack(struct input *in)
{
	f.m.reg[IGB_MBVFICR / 4] |= IGB_MBVFICR_VFACK(next(in) % IGB_PF_POOLS);
	igb_pf_mbx_service(&f.srv);
}

/* Each VF got exactly the message the model expects, and nobody else. */
static void
check_replies(const char *after)
{
	struct igb_msg r;
	uint16_t vf;

	for (vf = 0; vf < IGB_PF_POOLS; vf++) {
		bool want = f.expect_mask & (1u << vf);
		bool got = model_vf_recv(&f.m, vf, &r) != 0;

		if (want != got)
			oracle_fail("after %s: VF %u %s a message", after, vf,
				want ? "did not get" : "unexpectedly got");
		if (got && r.w[0] != f.expect[vf])
			oracle_fail(
				"after %s: VF %u got word 0 %#x, expected %#x",
				after, vf, r.w[0], f.expect[vf]);
		if (got && (r.w[0] & IGB_MSG_TYPE_MASK) == IGB_MSG_VF_RESET &&
			(r.w[1] !=
					((uint32_t)f.o.vf[vf].mac[0] |
						(uint32_t)f.o.vf[vf].mac[1]
							<< 8 |
						(uint32_t)f.o.vf[vf].mac[2]
							<< 16 |
						(uint32_t)f.o.vf[vf].mac[3]
							<< 24) ||
				(r.w[2] & 0xffff) !=
					((uint32_t)f.o.vf[vf].mac[4] |
						(uint32_t)f.o.vf[vf].mac[5]
							<< 8)))
			oracle_fail("after %s: VF %u reset reply without its "
				    "address",
				after, vf);
	}
	f.expect_mask = 0;
}

static void
setup(uint16_t num_vfs)
{
	uint8_t macs[IGB_PF_MAX_VFS][IGB_PF_ETH_ALEN];
	uint16_t i;

	memset(&f, 0, sizeof(f));
	model_init(&f.m);
	for (i = 0; i < num_vfs; i++) {
		static const uint8_t base[IGB_PF_ETH_ALEN] = {
			0x02, 0, 0, 0, 0, 0x10};

		memcpy(macs[i], base, IGB_PF_ETH_ALEN);
		macs[i][5] += i;
	}
	if (igb_pf_sriov_init(&f.s, num_vfs, macs) != 0)
		oracle_fail("igb_pf_sriov_init(%u) failed", num_vfs);
	memcpy(f.s.pf.mac, pf_mac, IGB_PF_ETH_ALEN);
	f.srv.hw = &f.m.hw;
	f.srv.s = &f.s;
	f.srv.ask = ask;
	f.app = IGB_PF_MBX_PROCEED;
	igb_pf_hw_sriov_enable(&f.m.hw, &f.s);
	igb_pf_hw_pf_ready(&f.m.hw);
	oracle_init(&f.o, num_vfs, pf_mac, macs);
	oracle_check(&f.o, &f.s, &f.m, "setup");
}

static const char *const op_names[PF_OPS] = {
	"VF message",
	"VF re-signal",
	"VF FLR",
	"admin action",
	"app verdict",
	"VF lock",
	"ping",
	"VF ack",
};

void
pf_script_run(const uint8_t *data, size_t size, struct pf_script_counts *cnt)
{
	struct input in = {data, size};
	unsigned int events;

	setup(1 + next(&in) % IGB_PF_MAX_VFS);
	f.cnt = cnt;
	while (in.n > 0) {
		uint8_t op = next(&in) % PF_OPS;

		switch (op) {
		case PF_OP_MESSAGE:
		case PF_OP_RESIGNAL:
			op_message(&in, op == PF_OP_RESIGNAL);
			break;
		case PF_OP_FLR:
			op_flr(&in);
			break;
		case PF_OP_ADMIN:
			op_admin(&in);
			break;
		case PF_OP_VERDICT:
			f.app = next(&in) % 4;
			if (f.app > IGB_PF_MBX_PROCEED)
				f.app = IGB_PF_MBX_PROCEED;
			break;
		case PF_OP_LOCK:
			op_lock(&in);
			break;
		case PF_OP_PING:
			op_ping(&in);
			break;
		default:
			op_vf_ack(&in);
			break;
		}
		/* Everything pending was handled in one pass. */
		events = igb_pf_mbx_service(&f.srv);
		if (events != 0)
			oracle_fail("after %s: second service pass found %u "
				    "events",
				op_names[op], events);
		check_replies(op_names[op]);
		oracle_check(&f.o, &f.s, &f.m, op_names[op]);
		if (cnt != NULL)
			cnt->ops++;
	}
}
