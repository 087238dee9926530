/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * igb-pfd prompt commands, parsed into a struct (no side effects):
 *   show vfs | show vf N | stats [vf N] | mbx | ping [vf N]
 *   set vf N mac XX:XX:XX:XX:XX:XX    (00:00:00:00:00:00 unpins)
 *   set vf N vlan V                   (0 removes the port VLAN)
 *   set vf N trust on|off | set vf N spoofchk on|off
 *   set vf N state enable|disable     (VF Rx and Tx)
 *   help | quit
 */
#ifndef IGB_PFD_CMD_H
#define IGB_PFD_CMD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <rte_ether.h>

enum pfd_cmd_kind {
	PFD_CMD_NONE, /* empty line */
	PFD_CMD_HELP,
	PFD_CMD_QUIT,
	PFD_CMD_SHOW_VFS,
	PFD_CMD_SHOW_VF,
	PFD_CMD_STATS, /* vf < 0: the PF port and every VF */
	PFD_CMD_MBX,
	PFD_CMD_PING, /* vf < 0: every VF */
	PFD_CMD_SET_MAC,
	PFD_CMD_SET_VLAN,
	PFD_CMD_SET_TRUST,
	PFD_CMD_SET_SPOOFCHK,
	PFD_CMD_SET_STATE,
};

struct pfd_cmd {
	enum pfd_cmd_kind kind;
	int vf; /* -1: not given */
	struct rte_ether_addr mac;
	uint16_t vlan;
	bool on;
};

/* 0 or -EINVAL with a message for the user in err. */
int pfd_cmd_parse(
	const char *line, struct pfd_cmd *cmd, char *err, size_t errlen);

extern const char pfd_cmd_help[];

#endif /* IGB_PFD_CMD_H */
