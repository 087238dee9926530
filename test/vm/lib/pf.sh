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
	kmod vfio_iommu_type1
	assert_eq "vfio-pci enable_sriov" Y \
		"$(cat /sys/module/vfio_pci/parameters/enable_sriov)"
	pci_bind "$PF_BDF" vfio-pci
	echo 0 > "$(pci_dev "$PF_BDF")/sriov_drivers_autoprobe"
}

pf_numvfs() { cat "$(pci_dev "$PF_BDF")/sriov_numvfs"; }

# pfd_start NAME [EAL ARGS...] -- IGB-PFD ARGS...: igb-pfd in the
# background reading its prompt from a FIFO; output in $SCEN_OUT/NAME.log.
pfd_start() {
	local name=$1 fifo log fd
	shift
	fifo=$SCEN_OUT/$name.in
	log=$SCEN_OUT/$name.log
	rm -f "$fifo"
	mkfifo "$fifo"
	exec {fd}<>"$fifo"
	printf -v "TP_FD_$name" %s "$fd"
	log "igb-pfd $name: $PFD -n 1 --file-prefix=$name --vfio-vf-token=$VF_TOKEN $*"
	"$PFD" -n 1 --file-prefix="$name" --vfio-vf-token="$VF_TOKEN" \
		"$@" < "$fifo" > "$log" 2>&1 &
	printf -v "TP_PID_$name" %s $!
	echo $! >> "$SCEN_OUT/pids"
	pfd_wait_prompt "$name" 0 "${PFD_START_SECS:-120}"
}

pfd_wait_prompt() { # NAME OFFSET SECS
	local name=$1 off=$2 secs=$3 log end pid
	log=$SCEN_OUT/$name.log
	pid=$(tp_var PID "$name")
	end=$(($(date +%s) + secs))
	until tail -c +"$((off + 1))" "$log" | grep -q 'igb-pfd> '; do
		if ! kill -0 "$pid" 2>/dev/null; then
			tail -n 20 "$log"
			fail "igb-pfd $name exited"
		fi
		[ "$(date +%s)" -lt "$end" ] || {
			tail -n 20 "$log"
			fail "igb-pfd $name: no prompt within ${secs}s"
		}
		sleep 0.2
	done
}

# pfd_cmd NAME COMMAND: run one prompt command, print its output.
pfd_cmd() {
	local name=$1 cmd=$2 log off
	log=$SCEN_OUT/$name.log
	off=$(stat -c %s "$log")
	printf '%s\n' "$cmd" >&"$(tp_var FD "$name")"
	pfd_wait_prompt "$name" "$off" 30
	tail -c +"$((off + 1))" "$log" | sed 's/igb-pfd> //g'
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

# pfd_stop NAME: "quit" at the prompt; it must exit within 30 s.
pfd_stop() {
	local name=$1 pid fd
	pid=$(tp_var PID "$name")
	fd=$(tp_var FD "$name")
	{ printf 'quit\n' >&"$fd"; } 2> /dev/null
	for _ in $(seq 1 60); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.5
	done
	if kill -0 "$pid" 2>/dev/null; then
		kill -9 "$pid"
		fail "igb-pfd $name did not quit within 30s"
	fi
	wait "$pid" 2>/dev/null
	log "igb-pfd $name stopped"
}

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
