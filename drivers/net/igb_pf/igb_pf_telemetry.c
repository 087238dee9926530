/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Telemetry: /igb_pf/vfs,<port> lists the VFs (address, VLANs, trust,
 * state, traffic counters); /igb_pf/mbx,<port> their mailbox counters by
 * verdict; /igb_pf/regs,<port> what the device holds for each VF, read
 * back from its registers (address entries, VLVF entries, VMOLR
 * multicast bits, Rx/Tx enables, DTXSWC anti-spoof bits) next to the
 * multicast table's bit count and DTXSWC itself, so a test can tell a
 * stale filter from stale bookkeeping. Without a
 * port number the first net_igb_pf port is used.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_telemetry.h>

#include "igb_pf_private.h"

/* A reference to the adapter of the port params names (or the first
 * net_igb_pf port); NULL if there is none. */
static struct igb_pf_adapter *
port_param(const char *params, uint16_t *port)
{
	struct igb_pf_adapter *ad;
	char *end;
	unsigned long p;

	if (params != NULL && *params != '\0') {
		p = strtoul(params, &end, 10);
		if (*end != '\0' || p >= RTE_MAX_ETHPORTS)
			return NULL;
		*port = (uint16_t)p;
		return igb_pf_adapter_get(*port);
	}
	for (p = 0; p < RTE_MAX_ETHPORTS; p++) {
		ad = igb_pf_adapter_get((uint16_t)p);
		if (ad != NULL) {
			*port = (uint16_t)p;
			return ad;
		}
	}
	return NULL;
}

static const char *
vf_state(const struct igb_pf_vf *v)
{
	if (!v->cts)
		return "reset";
	if (!v->rx_allowed || !v->tx_allowed)
		return "disabled";
	return "active";
}

static void
add_vlans(struct rte_tel_data *d, const struct igb_pf_sriov *s, uint16_t vf)
{
	uint16_t vids[IGB_PF_VLAN_ENTRIES];
	char buf[IGB_PF_VLAN_ENTRIES * 5 + 1] = "";
	unsigned int n, i;
	size_t len = 0;

	n = igb_pf_vlan_pool_list(&s->vlans, vf, vids, IGB_PF_VLAN_ENTRIES);
	for (i = 0; i < n && len < sizeof(buf); i++)
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s%u",
			i ? "," : "", vids[i]);
	rte_tel_data_add_dict_string(d, "vlans", buf);
}

static struct rte_tel_data *
vf_dict(struct igb_pf_adapter *ad, uint16_t vf)
{
	const struct igb_pf_vf *v = &ad->sriov.vf[vf];
	const struct igb_pool_stats *t = &ad->vfstats[vf];
	struct rte_tel_data *d = rte_tel_data_alloc();
	char mac[RTE_ETHER_ADDR_FMT_SIZE];

	if (d == NULL)
		return NULL;
	rte_tel_data_start_dict(d);
	rte_ether_format_addr(
		mac, sizeof(mac), (const struct rte_ether_addr *)v->mac);
	rte_tel_data_add_dict_int(d, "vf", vf);
	rte_tel_data_add_dict_string(d, "mac", mac);
	rte_tel_data_add_dict_int(d, "mac_pinned", v->mac_pinned);
	rte_tel_data_add_dict_int(d, "port_vlan", v->port_vlan);
	add_vlans(d, &ad->sriov, vf);
	rte_tel_data_add_dict_int(d, "trusted", v->trusted);
	rte_tel_data_add_dict_int(d, "mac_anti_spoof", v->mac_spoofchk);
	rte_tel_data_add_dict_int(d, "vlan_anti_spoof", v->vlan_spoofchk);
	rte_tel_data_add_dict_string(d, "state", vf_state(v));
	rte_tel_data_add_dict_int(d, "max_frame", v->max_frame);
	rte_tel_data_add_dict_int(d, "mc_hashes", v->mc_count);
	rte_tel_data_add_dict_int(d, "mc_overflow", v->mc_overflow);
	rte_tel_data_add_dict_int(d, "promisc_unicast", v->promisc_uc);
	rte_tel_data_add_dict_int(d, "promisc_multicast", v->promisc_mc);
	rte_tel_data_add_dict_u64(
		d, "rx_packets", igb_pool_stat(t, IGB_POOL_GPRC));
	rte_tel_data_add_dict_u64(
		d, "tx_packets", igb_pool_stat(t, IGB_POOL_GPTC));
	rte_tel_data_add_dict_u64(
		d, "rx_bytes", igb_pool_stat(t, IGB_POOL_GORC));
	rte_tel_data_add_dict_u64(
		d, "tx_bytes", igb_pool_stat(t, IGB_POOL_GOTC));
	rte_tel_data_add_dict_u64(
		d, "rx_multicast", igb_pool_stat(t, IGB_POOL_MPRC));
	return d;
}

/* Addresses of the receive-address entries that steer to pool vf. */
static void
add_hw_macs(struct rte_tel_data *d, struct igb_hw *hw, uint16_t vf)
{
	char buf[IGB_RAR_ENTRIES * RTE_ETHER_ADDR_FMT_SIZE] = "";
	struct rte_ether_addr a;
	size_t len = 0;
	unsigned int i;

	for (i = 0; i < IGB_RAR_ENTRIES && len < sizeof(buf); i++) {
		uint32_t ral = igb_read(hw, IGB_RAL(i));
		uint32_t rah = igb_read(hw, IGB_RAH(i));

		if (!(rah & IGB_RAH_AV) ||
			!(rah & IGB_BIT(IGB_RAH_POOL_SHIFT + vf)))
			continue;
		memcpy(a.addr_bytes, &ral, 4);
		a.addr_bytes[4] = (uint8_t)rah;
		a.addr_bytes[5] = (uint8_t)(rah >> 8);
		if (len > 0)
			buf[len++] = ',';
		rte_ether_format_addr(buf + len, sizeof(buf) - len, &a);
		len = strlen(buf);
	}
	rte_tel_data_add_dict_string(d, "hw_macs", buf);
}

/* VLAN ids of the enabled VLVF entries that include pool vf. */
static void
add_hw_vlans(struct rte_tel_data *d, struct igb_hw *hw, uint16_t vf)
{
	char buf[IGB_VLVF_ENTRIES * 5 + 1] = "";
	size_t len = 0;
	unsigned int i;

	for (i = 0; i < IGB_VLVF_ENTRIES && len < sizeof(buf); i++) {
		uint32_t vlvf = igb_read(hw, IGB_VLVF(i));

		if (!(vlvf & IGB_VLVF_VLANID_ENABLE) ||
			!(vlvf & IGB_BIT(IGB_VLVF_POOLSEL_SHIFT + vf)))
			continue;
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s%u",
			len ? "," : "", vlvf & IGB_VLVF_VLANID_MASK);
	}
	rte_tel_data_add_dict_string(d, "hw_vlans", buf);
}

static struct rte_tel_data *
regs_dict(struct igb_hw *hw, uint16_t vf)
{
	struct rte_tel_data *d = rte_tel_data_alloc();
	uint32_t vmolr = igb_read(hw, IGB_VMOLR(vf));
	uint32_t dtxswc = igb_read(hw, IGB_DTXSWC);

	if (d == NULL)
		return NULL;
	rte_tel_data_start_dict(d);
	rte_tel_data_add_dict_int(d, "vf", vf);
	add_hw_macs(d, hw, vf);
	add_hw_vlans(d, hw, vf);
	rte_tel_data_add_dict_int(
		d, "hw_mc_filter", !!(vmolr & IGB_VMOLR_ROMPE));
	rte_tel_data_add_dict_int(d, "hw_allmulti", !!(vmolr & IGB_VMOLR_MPME));
	rte_tel_data_add_dict_int(
		d, "hw_rx", !!(igb_read(hw, IGB_VFRE) & IGB_BIT(vf)));
	rte_tel_data_add_dict_int(
		d, "hw_tx", !!(igb_read(hw, IGB_VFTE) & IGB_BIT(vf)));
	rte_tel_data_add_dict_int(
		d, "hw_mac_anti_spoof", !!(dtxswc & IGB_DTXSWC_MAC_SPOOF(vf)));
	rte_tel_data_add_dict_int(d, "hw_vlan_anti_spoof",
		!!(dtxswc & IGB_DTXSWC_VLAN_SPOOF(vf)));
	return d;
}

static unsigned int
mta_bits(struct igb_hw *hw)
{
	unsigned int i, n = 0;

	for (i = 0; i < IGB_MTA_WORDS; i++)
		n += (unsigned int)__builtin_popcount(igb_read(hw, IGB_MTA(i)));
	return n;
}

static struct rte_tel_data *
mbx_dict(const struct igb_pf_vf *v, uint16_t vf)
{
	struct rte_tel_data *d = rte_tel_data_alloc();
	char name[32];
	unsigned int r;

	if (d == NULL)
		return NULL;
	rte_tel_data_start_dict(d);
	rte_tel_data_add_dict_int(d, "vf", vf);
	rte_tel_data_add_dict_u64(d, "requests", v->cnt.msgs);
	rte_tel_data_add_dict_u64(d, "acks", v->cnt.acks);
	rte_tel_data_add_dict_u64(d, "nacks", v->cnt.nacks);
	for (r = IGB_PF_ACK + 1; r < IGB_PF_NACK_REASONS; r++) {
		snprintf(name, sizeof(name), "nack_%s", igb_pf_nack_name(r));
		rte_tel_data_add_dict_u64(d, name, v->cnt.nack_by_reason[r]);
	}
	rte_tel_data_add_dict_u64(d, "resets", v->cnt.resets);
	rte_tel_data_add_dict_u64(d, "flrs", v->cnt.flrs);
	rte_tel_data_add_dict_u64(d, "errors", v->cnt.mbx_errors);
	return d;
}

enum vf_view { VIEW_STATE, VIEW_MBX, VIEW_REGS };

static int
list_vfs(const char *cmd, const char *params, struct rte_tel_data *d,
	enum vf_view view)
{
	struct igb_pf_adapter *ad;
	struct rte_tel_data *vfs;
	uint16_t port = 0, vf;
	char key[8];

	(void)cmd;
	ad = port_param(params, &port);
	if (ad == NULL)
		return -EINVAL;
	vfs = rte_tel_data_alloc();
	if (vfs == NULL) {
		igb_pf_adapter_put(ad);
		return -ENOMEM;
	}
	/* The port may have closed since: then ad is only ours. */
	if (igb_pf_adapter_lock(ad) != 0) {
		rte_tel_data_free(vfs);
		igb_pf_adapter_put(ad);
		return -ENODEV;
	}
	/* DPDK 22.11 arrays hold no dicts (the add fails): "vfs" is a dict
	 * keyed by VF number. */
	rte_tel_data_start_dict(vfs);
	rte_tel_data_start_dict(d);
	if (view == VIEW_STATE)
		igb_pf_vfstats_update(ad);
	for (vf = 0; vf < ad->sriov.num_vfs; vf++) {
		struct rte_tel_data *e;

		if (view == VIEW_MBX)
			e = mbx_dict(&ad->sriov.vf[vf], vf);
		else if (view == VIEW_REGS)
			e = regs_dict(&ad->hw, vf);
		else
			e = vf_dict(ad, vf);
		snprintf(key, sizeof(key), "%u", vf);
		if (e != NULL &&
			rte_tel_data_add_dict_container(vfs, key, e, 0) != 0)
			rte_tel_data_free(e);
	}
	if (view == VIEW_REGS) {
		rte_tel_data_add_dict_int(d, "mta_bits", mta_bits(&ad->hw));
		rte_tel_data_add_dict_u64(
			d, "dtxswc", igb_read(&ad->hw, IGB_DTXSWC));
	}
	rte_tel_data_add_dict_int(d, "port", port);
	rte_tel_data_add_dict_string(d, "pci", ad->bdf);
	rte_tel_data_add_dict_int(d, "num_vfs", ad->sriov.num_vfs);
	rte_tel_data_add_dict_int(d, "link_up", ad->link_up);
	igb_pf_adapter_leave(ad);
	if (rte_tel_data_add_dict_container(d, "vfs", vfs, 0) != 0)
		rte_tel_data_free(vfs);
	return 0;
}

static int
tel_vfs(const char *cmd, const char *params, struct rte_tel_data *d)
{
	return list_vfs(cmd, params, d, VIEW_STATE);
}

static int
tel_mbx(const char *cmd, const char *params, struct rte_tel_data *d)
{
	return list_vfs(cmd, params, d, VIEW_MBX);
}

static int
tel_regs(const char *cmd, const char *params, struct rte_tel_data *d)
{
	return list_vfs(cmd, params, d, VIEW_REGS);
}

/* As lib/ethdev does: registered when the PMD is loaded, before EAL starts
 * the telemetry socket. */
RTE_INIT(igb_pf_telemetry_init)
{
	rte_telemetry_register_cmd("/igb_pf/vfs", tel_vfs,
		"VFs of a net_igb_pf port: MAC, VLANs, trust, state, counters. "
		"Parameters: int port_id");
	rte_telemetry_register_cmd("/igb_pf/mbx", tel_mbx,
		"Mailbox counters of each VF of a net_igb_pf port. Parameters: "
		"int port_id");
	rte_telemetry_register_cmd("/igb_pf/regs", tel_regs,
		"Filters the device holds for each VF of a net_igb_pf port, "
		"read from its registers. Parameters: int port_id");
}
