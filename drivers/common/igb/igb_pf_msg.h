/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Mailbox details only the PF needs, on top of igb_mbx_msg.h: the
 * unicast filter sub-commands Linux igbvf sends in SET_MAC_ADDR's MSGINFO
 * (0 there means "set my address").
 */
#ifndef IGB_PF_MSG_H
#define IGB_PF_MSG_H

#include "igb_mbx_msg.h"

#define IGB_MSG_MAC_FILTER_CLR (0x01u << IGB_MSG_INFO_SHIFT)
#define IGB_MSG_MAC_FILTER_ADD (0x02u << IGB_MSG_INFO_SHIFT)

#endif /* IGB_PF_MSG_H */
