#!/bin/bash
# Helpers of the PF scenarios (net_igb_pf in userspace): sourced by
# test/vm/scenarios/pf-*.sh after bench.sh.

PFD=${PFD:-$IGB_BUILD/app/igb-pfd/igb-pfd}
PF_PMD=${PF_PMD:-$IGB_BUILD/drivers/net/igb_pf/librte_net_igb_pf.so}
VF_PMD=${VF_PMD:-$IGB_BUILD/drivers/net/igb_vf/librte_net_igb_vf.so}
VF_TOKEN=${VF_TOKEN:-$(cat /proc/sys/kernel/random/uuid)}

# pf_setup: vfio-pci with SR-IOV allowed, the PF on it, VF autoprobe off
# (each scenario binds its VFs itself).
pf_setup() {
	kmod vfio-pci enable_sriov=1
	# modprobe leaves a loaded module's parameters alone (an earlier
	# scenario may have loaded vfio-pci without it); the parameter is writable.
	echo Y > /sys/module/vfio_pci/parameters/enable_sriov
	kmod vfio_iommu_type1
	assert_eq "vfio-pci enable_sriov" Y \
		"$(cat /sys/module/vfio_pci/parameters/enable_sriov)"
	pci_bind "$PF_BDF" vfio-pci
	echo 0 > "$(pci_dev "$PF_BDF")/sriov_drivers_autoprobe"
}

pf_numvfs() { cat "$(pci_dev "$PF_BDF")/sriov_numvfs"; }

# pfd_start NAME [EAL ARGS...] -- IGB-PFD ARGS...: igb-pfd in the
# background at its prompt (bench.sh console_*); output in $SCEN_OUT/NAME.log.
pfd_start() {
	local name=$1
	shift
	console_start "$name" 'igb-pfd> ' "${PFD_START_SECS:-120}" \
		"$PFD" -n 1 --file-prefix="$name" --vfio-vf-token="$VF_TOKEN" "$@"
}

pfd_cmd() { console_cmd "$1" "$2" 30; }

# pfd_vf NAME VF KEY: one field of "show vf VF" (key=value lines).
pfd_vf() {
	pfd_cmd "$1" "show vf $2" | sed -n "s/^$3=//p" | head -n 1
}

# pfd_show NAME VF: "show vf VF" once into PFD_SHOW; pfd_get KEY reads it
# (one prompt round trip for many checks: the TCG guest is slow).
pfd_show() {
	PFD_SHOW=$(pfd_cmd "$1" "show vf $2")
}

pfd_get() {
	echo "$PFD_SHOW" | sed -n "s/^$1=//p" | head -n 1
}

pfd_driver() { # NAME
	sed -n 's/^igb-pfd: port [0-9]* driver \([^ ]*\) .*/\1/p' \
		"$SCEN_OUT/$1.log" | head -n 1
}

pfd_stop() { console_stop "$1" 30; } # NAME: "quit" must end it in 30 s

# vf_up_igbvf VF NS ADDR [MTU]: bind VF to igbvf, move it to namespace NS
# with ADDR, wait for carrier. Sets VF_IF.
vf_up_igbvf() {
	local bdf
	bdf=$(vf_bdf "$1")
	wait_for 20 "VF $1 at $bdf" test -e "$(pci_dev "$bdf")"
	pci_bind "$bdf" igbvf
	wait_for 10 "VF $1 netdev" netdev_of "$bdf"
	VF_IF=$(netdev_of "$bdf")
	netns_add "$2" "$VF_IF" "$3" "${4:-1500}"
	wait_for 40 "VF $1 carrier" carrier "$VF_IF" "$2"
}

# pfd_vf_has_vlan NAME VF VID / pfd_vf_lacks_vlan: VID in VF's VLAN list.
pfd_vf_has_vlan() {
	pfd_vf "$1" "$2" vlans | grep -qE "(^|,)$3(,|\$)"
}

pfd_vf_lacks_vlan() { ! pfd_vf_has_vlan "$@"; }
