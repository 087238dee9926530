# summary: kernel igbvf (VF 0) and net_igb_vf in testpmd (VF 1) across igb-pfd's first start (VFs bound before it), a --keep-vfs quit and a kill -9: PCI state kept, VFs recover, pings pass; the PF's reset methods back once the VFs go
# timeout: 1500
# vfio-pci resets the PF when a process opens it and when the last one
# closes it, and that reset takes the VFs' PCI state: a kernel igbvf VF
# whose memory enable went off is dead until its driver is rebound.
# igb-pfd empties the PF's reset_method while VFs exist, the PMD keeps
# it so and puts it back once they are gone. Each VF must notice the PF
# going through reset (RSTI/RSTD): igbvf resets itself when the new PF's
# ping says "not clear to send", net_igb_vf raises INTR_RESET and works
# again after "port reset", with the MAC the PF pins on it.
# shellcheck source=../lib/fault.sh
. "$IGB_TOP/test/vm/lib/fault.sh"

KVF_MAC=$(vf_mac 0) KVF_IP=$(vf_ip 0)
VF_MAC=$(vf_mac 1) VF_IP=$(vf_ip 1)
PF_DEV=$(pci_dev "$PF_BDF")
KVF_BDF=$(vf_bdf 0)

pfd_up() { # NAME: igb-pfd serving the 2 VFs, keeping them at exit
	pfd_start "$1" -- --pci "$PF_BDF" --num-vfs 2 \
		--vf "0,mac=$KVF_MAC" --vf "1,mac=$VF_MAC" --keep-vfs
	assert_eq "$1: PF driver" net_igb_pf "$(pfd_driver "$1")"
}

reset_methods() { cat "$PF_DEV/reset_method"; }

# kvf_memory_on WHAT: the kernel VF's PCI command register still enables
# memory space (bit 1): the PF's reset did not take its state.
kvf_memory_on() {
	local cmd
	cmd=$(setpci -s "$KVF_BDF" COMMAND)
	assert_num "$1: igbvf VF command register 0x$cmd has memory on" \
		-ne 0 $((0x$cmd & 0x2))
}

# kvf_works WHAT: igbvf has carrier, the pinned MAC and answers pings.
kvf_works() {
	wait_for 90 "$1: igbvf carrier" carrier "$KVF_IF" kvf
	assert_eq "$1: igbvf MAC (pinned by the PF)" "$KVF_MAC" \
		"$(ip netns exec kvf cat "/sys/class/net/$KVF_IF/address")"
	wait_for 60 "$1: igbvf answers a ping" \
		ping -n -c 1 -W 2 "$KVF_IP"
	assert_num "$1: ping loss peer -> igbvf (%)" -eq 0 \
		"$(ping_loss "$KVF_IP" 20)"
	assert_num "$1: ping loss igbvf -> peer (%)" -eq 0 \
		"$(ping_loss -n kvf "$PEER_IP" 20)"
}

reset_events() { grep -c "Port 0: reset event" "$SCEN_OUT/vf.log" || true; }

events_above() { [ "$(reset_events)" -gt "$1" ]; }

# recover PFD WHAT: the new PF process PFD is up; testpmd's recovery of
# net_igb_vf (port stop, reset, start), then pings.
recover() {
	local t0 out
	t0=$(date +%s)
	testpmd_cmd vf stop > /dev/null
	testpmd_cmd vf "port stop 0" > /dev/null
	out=$(testpmd_cmd vf "port reset 0" 60)
	echo "$out"
	[[ ! "$out" =~ [Ff]ail|[Ee]rror ]] || fail "$2: port reset failed: $out"
	testpmd_cmd vf "port start 0" 60 > /dev/null
	testpmd_wait_link vf 240
	assert_eq "$2: net_igb_vf MAC after the reset" "$VF_MAC" \
		"$(testpmd_mac vf 0)"
	testpmd_cmd vf start > /dev/null
	wait_for 120 "$2: net_igb_vf answers a ping" ping -n -c 1 -W 2 "$VF_IP"
	assert_num "$2: ping loss peer -> net_igb_vf (%)" -eq 0 \
		"$(ping_loss "$VF_IP" 30)"
	assert_eq "$2: VF 1 active at the new PF" active \
		"$(tel_value "$1" /igb_pf/vfs 1 state)"
	assert_num "$2: VF 1 VF_RESET requests at the new PF" -ge 1 \
		"$(tel_value "$1" /igb_pf/mbx 1 resets)"
	log "$2: net_igb_vf recovered in $(($(date +%s) - t0))s"
}

# restart WHAT STOP-COMMAND...: stop the PF process, check the VFs stay
# with their PCI state, start a new PF process, both VFs work again.
# A quit resets the device (close); after a kill -9 nothing does until
# the next PF process, whose reset the VFs see. (QEMU: no frame reached a
# VF meanwhile; emulator.rst says why we think so.)
restart() {
	local what=$1 ev t0 next
	shift
	ev=$(reset_events)
	t0=$(date +%s%N)
	"$@"
	assert_eq "$what: VFs kept" 2 "$(pf_numvfs)"
	assert_eq "$what: the PF's reset stays off" "" "$(reset_methods)"
	kvf_memory_on "$what, PF gone"
	if [ "$what" = quit ]; then
		wait_for 120 "$what: reset event in testpmd" events_above "$ev"
		log "$what: reset event $((($(date +%s%N) - t0) / 1000000)) ms after the stop"
		wait_for 120 "$what: net_igb_vf link down in testpmd" \
			testpmd_link_down vf 0
	fi
	next=pfd$((++PFD_N))
	pfd_up "$next"
	assert_match "$what: new PF process serves the existing VFs" \
		"igb-pfd: port 0 driver net_igb_pf pci $PF_BDF, 2 VFs, ready" \
		"$(cat "$SCEN_OUT/$next.log")"
	wait_for 120 "$what: reset event in testpmd" events_above "$ev"
	kvf_memory_on "$what, new PF"
	kvf_works "$what"
	recover "$next" "$what"
	CUR_PFD=$next
}

quit_pfd() { console_stop "$1" 120; } # NAME

kmod igbvf
pf_setup
methods=$(reset_methods)
assert_ne "the PF has reset methods to begin with" "" "$methods"

# First start with the VFs there and bound: the operator made them.
echo 2 > "$PF_DEV/sriov_numvfs"
vf_bind_igbvf 0 kvf "$KVF_IP/$NET_PREFIX"
KVF_IF=$VF_IF
vf_vfio 1
kvf_memory_on "igbvf bound, no PF process yet"
peer_up
PFD_N=0
CUR_PFD=pfd0
pfd_up pfd0
assert_match "igb-pfd says it disabled the PF's reset" \
	"function reset is disabled \\(reset_method was '$methods'\\)" \
	"$(cat "$SCEN_OUT/pfd0.log")"
assert_eq "the PF's reset methods while VFs exist" "" "$(reset_methods)"
kvf_memory_on "first start"
kvf_works "first start"
vf_testpmd_start vf
testpmd_wait_link vf 240
assert_eq "net_igb_vf MAC (pinned by the PF)" "$VF_MAC" "$(testpmd_mac vf 0)"
testpmd_cmd vf "set fwd icmpecho" > /dev/null
testpmd_cmd vf start > /dev/null
wait_for 120 "net_igb_vf answers a ping" ping -n -c 1 -W 2 "$VF_IP"
assert_num "first start: ping loss peer -> net_igb_vf (%)" -eq 0 \
	"$(ping_loss "$VF_IP" 20)"

restart "quit" quit_pfd "$CUR_PFD"
restart "kill -9" pfd_kill "$CUR_PFD"
testpmd_stop vf
quit_pfd "$CUR_PFD"

# The PF's methods come back with the VFs' end: a PF process that creates
# them (none left, methods as at the start) and removes them at quit.
echo 0 > "$PF_DEV/sriov_numvfs"
echo "$methods" > "$PF_DEV/reset_method"
pfd_start pfdx -- --pci "$PF_BDF" --num-vfs 1
assert_eq "a PF process that created VFs: reset off" "" "$(reset_methods)"
console_stop pfdx 60
assert_eq "its VFs removed at quit" 0 "$(pf_numvfs)"
assert_eq "the PF's reset methods back" "$methods" "$(reset_methods)"
