# summary: igb-pfd + kernel igbvf: VF 0 (pinned MAC, trusted, spoof check off: DTXSWC bits clear) reset by FLR keeps those settings, in DTXSWC too, and passes traffic again; spoof check back on sets its DTXSWC bits
# timeout: 600
# The administrator pins VF 0's MAC, trusts it and turns spoof checking
# off. The VF is unbound, reset through sysfs (a PCIe FLR: VFLRE on the
# PF) and bound again: the PF must have restored its filters and kept the
# admin settings, and pings must flow again. Spoof checking is read back
# from the emulated DTXSWC (MAC anti-spoof bit 0, VLAN anti-spoof bit 8
# for VF 0): QEMU stores the bits and applies neither (emulator.rst).
# shellcheck source=../lib/pf.sh
. "$IGB_TOP/test/vm/lib/pf.sh"


kmod igbvf
pfd_serve pfd 1 --vf 0,trust=on
assert_eq "DTXSWC anti-spoof bits of a new VF" "1 1" "$(tel_spoof_bits pfd 0)"
pfd_cmd pfd "set vf 0 spoofchk off"
assert_eq "DTXSWC anti-spoof bits after spoofchk off" "0 0" "$(tel_spoof_bits pfd 0)"
peer_up
vf_up_igbvf 0 vf0 "$VF_IP/$NET_PREFIX"
assert_num "ping loss before FLR (%)" -eq 0 "$(ping_loss "$VF_IP" 20)"
flrs=$(pfd_vf pfd 0 flrs)

bdf=$(vf_bdf 0)
ip netns del vf0
echo "$bdf" > "$(pci_dev "$bdf")/driver/unbind"
echo 1 > "$(pci_dev "$bdf")/reset"
log "VF 0 unbound and reset (FLR)"
wait_for 10 "PF saw the FLR" \
	test "$(pfd_vf pfd 0 flrs)" -gt "$flrs"
pfd_show pfd 0
assert_eq "VF 0 waits for its reset after FLR" reset "$(pfd_get state)"
assert_eq "pinned MAC kept over FLR" "$VF_MAC" "$(pfd_get mac)"
assert_eq "trust kept over FLR" 1 "$(pfd_get trusted)"
assert_eq "spoof check setting kept over FLR" 0 "$(pfd_get mac_anti_spoof)"
assert_eq "DTXSWC anti-spoof bits still clear after FLR" "0 0" "$(tel_spoof_bits pfd 0)"

vf_up_igbvf 0 vf0b "$VF_IP/$NET_PREFIX"
assert_eq "VF 0 MAC after FLR (igbvf)" "$VF_MAC" \
	"$(ip netns exec vf0b cat "/sys/class/net/$VF_IF/address")"
assert_eq "VF 0 active again" active "$(pfd_vf pfd 0 state)"
assert_num "ping loss after FLR (%)" -eq 0 "$(ping_loss "$VF_IP" 20)"
assert_num "ping loss VF -> peer after FLR (%)" -eq 0 \
	"$(ping_loss -n vf0b "$PEER_IP" 20)"
assert_eq "DTXSWC anti-spoof bits clear after the VF's reset" "0 0" \
	"$(tel_spoof_bits pfd 0)"
pfd_cmd pfd "set vf 0 spoofchk on"
assert_eq "DTXSWC anti-spoof bits after spoofchk on" "1 1" "$(tel_spoof_bits pfd 0)"
assert_eq "DTXSWC: VM-to-VM loopback and VF 0's bits only" 0x80000101 \
	"$(tel_dtxswc pfd)"
pfd_stop pfd
