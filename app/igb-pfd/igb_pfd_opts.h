/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * igb-pfd command line (after EAL's options and "--"):
 *   --pci BDF          the 82576 PF (bound to vfio-pci)
 *   --num-vfs N        create N VFs (1..7); without it, serve existing VFs
 *   --keep-vfs         leave the VFs in place on exit
 *   --vf N,KEY=VAL...  admin settings of VF N: mac=, vlan=, trust=on|off,
 *                      spoofchk=on|off (repeatable)
 * They become the PF's device arguments (-a BDF,num_vfs=N,vfN_mac=...),
 * checked here with the PMD's own parser so mistakes fail before EAL.
 */
#ifndef IGB_PFD_OPTS_H
#define IGB_PFD_OPTS_H

#include <stddef.h>

#define PFD_DEVARGS_MAX 1024

struct pfd_opts {
	char pci[32];
	char devargs[PFD_DEVARGS_MAX]; /* "BDF,key=val,..." for EAL -a */
	unsigned int num_vfs; /* --num-vfs; 0: not given */
};

/* 0, 1 (help printed) or -EINVAL with a message in err. */
int pfd_opts_parse(
	int argc, char **argv, struct pfd_opts *o, char *err, size_t errlen);

extern const char pfd_opts_usage[];

#endif /* IGB_PFD_OPTS_H */
