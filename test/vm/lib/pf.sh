#!/bin/bash
# Our PF in the guest: net_igb_pf in userspace on vfio-pci, igb-pfd driven
# at its prompt, and the VFs it creates.
[ -z "${IGB_LIB_PF:-}" ] || return 0
IGB_LIB_PF=1
# shellcheck source=bench.sh
. "$IGB_TOP/test/vm/lib/bench.sh"

# The VF token of this scenario's PF process (vfio-pci hands a VF of a
# vfio-pci PF only to a process that presents it).
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

# pfd_serve NAME NUM_VFS [IGB-PFD ARGS...]: igb-pfd on the PF (pf_setup
# first) with NUM_VFS VFs, VF i pinned to $(vf_mac i); checks the port is
# net_igb_pf and the VFs exist.
pfd_serve() {
	local name=$1 n=$2 i vfs=()
	shift 2
	[ -x "$PFD" ] || fail "no igb-pfd at $PFD (build first)"
	pf_setup
	for ((i = 0; i < n; i++)); do
		vfs+=(--vf "$i,mac=$(vf_mac "$i")")
	done
	pfd_start "$name" -- --pci "$PF_BDF" --num-vfs "$n" "${vfs[@]}" "$@"
	assert_eq "$name: PF driver" net_igb_pf "$(pfd_driver "$name")"
	assert_eq "$name: VFs created" "$n" "$(pf_numvfs)"
}

# vf_vfio N: VF N bound to vfio-pci for a DPDK process; sets VF_BDF.
vf_vfio() {
	VF_BDF=$(vf_bdf "$1")
	wait_for 20 "VF $1 at $VF_BDF" test -e "$(pci_dev "$VF_BDF")"
	pci_bind "$VF_BDF" vfio-pci
}

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

# pfd_kill NAME: igb-pfd NAME killed with SIGKILL (no teardown of its own:
# the VFs see the PF gone), and reaped.
pfd_kill() {
	local pid
	pid=$(tp_var PID "$1")
	kill -9 "$pid"
	wait "$pid" 2>/dev/null || true
	log "igb-pfd $1 (pid $pid) killed"
}

# vf_bind_igbvf VF NS ADDR [MTU]: bind VF to igbvf, move it to namespace
# NS with ADDR (no wait for carrier: there may be no PF yet). Sets VF_IF.
vf_bind_igbvf() {
	local bdf
	bdf=$(vf_bdf "$1")
	wait_for 20 "VF $1 at $bdf" test -e "$(pci_dev "$bdf")"
	pci_bind "$bdf" igbvf
	wait_for 10 "VF $1 netdev" netdev_of "$bdf"
	VF_IF=$(netdev_of "$bdf")
	netns_add "$2" "$VF_IF" "$3" "${4:-1500}"
}

# vf_up_igbvf VF NS ADDR [MTU]: vf_bind_igbvf, then carrier. Sets VF_IF.
vf_up_igbvf() {
	vf_bind_igbvf "$@"
	wait_for 40 "VF $1 carrier" carrier "$VF_IF" "$2"
}

# pfd_vf_has_vlan NAME VF VID / pfd_vf_lacks_vlan: VID in VF's VLAN list.
pfd_vf_has_vlan() {
	pfd_vf "$1" "$2" vlans | grep -qE "(^|,)$3(,|\$)"
}

pfd_vf_lacks_vlan() { ! pfd_vf_has_vlan "$@"; }

# ---- telemetry of a DPDK process ---------------------------------------

# telemetry PREFIX COMMAND [VF]: key=value lines of a DPDK process's
# telemetry reply for VF (see lib/dpdk_telemetry.py).
telemetry() {
	python3 "$IGB_TOP/test/vm/lib/dpdk_telemetry.py" "$1" "$2" ${3:+--vf "$3"}
}

# telemetry_vfs PREFIX COMMAND: the reply's scalars, then VF.key=value
# lines for every VF (one snapshot of all VFs).
telemetry_vfs() {
	python3 "$IGB_TOP/test/vm/lib/dpdk_telemetry.py" "$1" "$2" --vfs
}

# tel_value PREFIX COMMAND VF KEY: one field of a telemetry reply.
tel_value() {
	telemetry "$1" "$2" "$3" | sed -n "s/^$4=//p" | head -n 1
}

# tel_get KEY: one value out of a telemetry reply kept in TEL.
tel_get() {
	echo "$TEL" | sed -n "s/^$1=//p" | head -n 1
}

# tel_spoof_bits PREFIX VF: "MAC VLAN", VF's anti-spoof bits as the PF
# reads them back from DTXSWC (/igb_pf/regs); tel_dtxswc PREFIX: DTXSWC.
tel_spoof_bits() {
	local r
	r=$(telemetry "$1" /igb_pf/regs "$2")
	echo "$(echo "$r" | sed -n 's/^hw_mac_anti_spoof=//p')" \
		"$(echo "$r" | sed -n 's/^hw_vlan_anti_spoof=//p')"
}

tel_dtxswc() { printf '0x%08x' "$(tel_value "$1" /igb_pf/regs 0 dtxswc)"; }

# tel_fields TEXT KEY...: "KEY=VALUE" lines of TEXT for the KEYs, in order.
tel_fields() {
	local text=$1 k
	shift
	for k in "$@"; do
		echo "$text" | grep -m 1 "^$k=" || echo "$k=<absent>"
	done
}
