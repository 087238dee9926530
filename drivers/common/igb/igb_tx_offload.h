/* SPDX-License-Identifier: BSD-3-Clause */
/* Tx offloads: the flags the context descriptor carries, and its words. */
#ifndef IGB_TX_OFFLOAD_H
#define IGB_TX_OFFLOAD_H

#include <stdbool.h>
#include <stdint.h>

#include <rte_mbuf.h>

#include "igb_rxtx.h"

#define IGB_TX_CKSUM_FLAGS \
	(RTE_MBUF_F_TX_IP_CKSUM | RTE_MBUF_F_TX_L4_MASK | RTE_MBUF_F_TX_TCP_SEG)
/* Flags that need a context descriptor. */
#define IGB_TX_CTX_FLAGS (IGB_TX_CKSUM_FLAGS | RTE_MBUF_F_TX_VLAN)
/* Flags the Tx path honours. */
#define IGB_TX_OK_FLAGS \
	(IGB_TX_CTX_FLAGS | RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_IPV6)

/* The context descriptor words for m's offloads (flags: its ol_flags
 * masked with IGB_TX_OK_FLAGS). */
void igb_tx_ctx_key(
	const struct rte_mbuf *m, uint64_t flags, struct igb_tx_ctx_key *k);

/* Does context slot a already hold the words of b? */
static inline bool
igb_tx_ctx_equal(const struct igb_tx_ctx_key *a, const struct igb_tx_ctx_key *b)
{
	return a->valid && a->vlan_macip_lens == b->vlan_macip_lens &&
		a->type_tucmd_mlhl == b->type_tucmd_mlhl &&
		a->mss_l4len == b->mss_l4len;
}

#endif /* IGB_TX_OFFLOAD_H */
