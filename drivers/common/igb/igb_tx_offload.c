/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What a packet's offload flags ask of the NIC: the words of the context
 * descriptor that carries them (82576: advanced context descriptor), and
 * the checks of tx_pkt_prepare.
 */
#include <rte_errno.h>
#include <rte_net.h>

#include "igb_rxtx.h"
#include "igb_tx_offload.h"

/* TSO headers must fit the context descriptor fields. */
#define TX_TSO_MAX_HDR ((int)(IGB_TXC_MACLEN_MASK + IGB_TXC_IPLEN_MASK + 255))

/* Context descriptor words for a packet's offloads. */
void
igb_tx_ctx_key(
	const struct rte_mbuf *m, uint64_t flags, struct igb_tx_ctx_key *k)
{
	uint32_t tucmd = IGB_TXD_DTYP_CTXT | IGB_TXD_CMD_DEXT;
	uint32_t mss_l4len = 0;

	if (flags & (RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_IP_CKSUM))
		tucmd |= IGB_TXC_TUCMD_IPV4;
	if (flags & RTE_MBUF_F_TX_TCP_SEG) {
		tucmd |= IGB_TXC_TUCMD_L4T_TCP;
		mss_l4len = ((uint32_t)m->tso_segsz << IGB_TXC_MSS_SHIFT) |
			((uint32_t)m->l4_len << IGB_TXC_L4LEN_SHIFT);
	} else {
		switch (flags & RTE_MBUF_F_TX_L4_MASK) {
		case RTE_MBUF_F_TX_TCP_CKSUM:
			tucmd |= IGB_TXC_TUCMD_L4T_TCP;
			break;
		case RTE_MBUF_F_TX_UDP_CKSUM:
			tucmd |= IGB_TXC_TUCMD_L4T_UDP;
			break;
		case RTE_MBUF_F_TX_SCTP_CKSUM:
			tucmd |= IGB_TXC_TUCMD_L4T_SCTP;
			break;
		default:
			tucmd |= IGB_TXC_TUCMD_L4T_RSV;
			break;
		}
	}
	k->vlan_macip_lens = (m->l3_len & IGB_TXC_IPLEN_MASK) |
		((uint32_t)(m->l2_len & IGB_TXC_MACLEN_MASK)
			<< IGB_TXC_MACLEN_SHIFT);
	if (flags & RTE_MBUF_F_TX_VLAN)
		k->vlan_macip_lens |= (uint32_t)m->vlan_tci
			<< IGB_TXC_VLAN_SHIFT;
	k->type_tucmd_mlhl = tucmd;
	k->mss_l4len = mss_l4len;
	k->valid = true;
}

uint16_t
igb_tx_prepare(void *queue, struct rte_mbuf **pkts, uint16_t n)
{
	uint16_t i;
	int ret;

	RTE_SET_USED(queue);
	for (i = 0; i < n; i++) {
		struct rte_mbuf *m = pkts[i];

		if (m->nb_segs > IGB_TX_MAX_SEGS ||
			(m->ol_flags & RTE_MBUF_F_TX_OFFLOAD_MASK &
				~IGB_TX_OK_FLAGS)) {
			rte_errno = (m->nb_segs > IGB_TX_MAX_SEGS) ? EINVAL
								   : ENOTSUP;
			return i;
		}
		if ((m->ol_flags & RTE_MBUF_F_TX_TCP_SEG) &&
			(m->tso_segsz == 0 || m->l4_len == 0 ||
				m->l2_len + m->l3_len + m->l4_len >
					TX_TSO_MAX_HDR)) {
			rte_errno = EINVAL;
			return i;
		}
		ret = rte_net_intel_cksum_prepare(m);
		if (ret != 0) {
			rte_errno = -ret;
			return i;
		}
	}
	return i;
}
