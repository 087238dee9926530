#!/bin/bash
# Scenario library for the guest bench: sourced (never run) inside the
# guest by the runner. Scenarios are bash files that call these helpers;
# any helper that finds something wrong prints what it expected and what it
# saw, and ends the scenario with a failure.
#
# Environment from the runner: IGB_TOP IGB_BUILD IGB_KROOT IGB_KVER
# SCEN_NAME SCEN_OUT (this scenario's log folder, on the host too).
#
# The other libraries (testpmd.sh, pf.sh, vf.sh, fault.sh, rogue.sh,
# pktgen.sh, sriov-bench.sh) each source what they need; a library
# sourced twice is read once.
[ -z "${IGB_LIB_BENCH:-}" ] || return 0
IGB_LIB_BENCH=1

# ---- the functions, the programs, the wire ------------------------------

PF_BDF=0000:01:00.0
PEER_MAC=02:00:00:00:00:01
PEER_IP=198.18.0.1
NET_PREFIX=24

# This project's drivers and programs, from the build tree.
PF_PMD=${PF_PMD:-$IGB_BUILD/drivers/net/igb_pf/librte_net_igb_pf.so}
VF_PMD=${VF_PMD:-$IGB_BUILD/drivers/net/igb_vf/librte_net_igb_vf.so}
PFD=${PFD:-$IGB_BUILD/app/igb-pfd/igb-pfd}
SRIOV_BENCH=${SRIOV_BENCH:-$IGB_BUILD/app/sriov-bench/sriov-bench}
ROGUE=${ROGUE:-$IGB_BUILD/app/rogue-vf/rogue-vf}

# vf_mac N / vf_ip N: the MAC the PF pins on VF N and the address VF N
# answers on the wire (02:00:00:00:00:10 and 198.18.0.2 for VF 0).
vf_mac() { printf '02:00:00:00:00:%02x\n' $((0x10 + $1)); }
vf_ip() { echo "198.18.0.$((2 + $1))"; }
VF_MAC=$(vf_mac 0)
VF_IP=$(vf_ip 0)
export VF_MAC VF_IP

# ---- reporting ----------------------------------------------------------

log() { echo "[$(date +%T)] $*"; }

fail() {
	echo "FAIL: $*"
	exit 1
}

# A short remark appended to the scenario's result line.
note() {
	echo "note: $*"
	echo "$*" >> "$SCEN_OUT/notes"
}

# xfail REASON: end the scenario as an expected failure (a known defect of
# a driver that is not ours, documented here); what was asserted before
# this point still had to pass.
xfail() {
	echo "XFAIL: $*"
	echo "$*" >> "$SCEN_OUT/notes"
	exit 3
}

assert_eq() { # DESC EXPECTED SEEN
	[ "$2" = "$3" ] || fail "$1: expected '$2', saw '$3'"
	log "ok: $1 = '$3'"
}

assert_ne() { # DESC UNEXPECTED SEEN
	[ "$2" != "$3" ] || fail "$1: expected anything but '$2', saw '$3'"
	log "ok: $1 = '$3' (not '$2')"
}

assert_num() { # DESC OP(-eq,-ge,-le,-gt,-lt) EXPECTED SEEN
	[[ "$4" =~ ^-?[0-9]+$ ]] || fail "$1: expected a number, saw '$4'"
	test "$4" "$2" "$3" || fail "$1: expected $2 $3, saw $4"
	log "ok: $1 = $4 ($2 $3)"
}

assert_match() { # DESC REGEX SEEN
	[[ "$3" =~ $2 ]] || fail "$1: expected to match /$2/, saw '$3'"
	log "ok: $1 matches /$2/"
}

# wait_for SECS DESC CMD...: run CMD every half second until it succeeds.
wait_for() {
	local secs=$1 desc=$2 end
	shift 2
	end=$(($(date +%s) + secs))
	until "$@" > /dev/null 2>&1; do
		[ "$(date +%s)" -lt "$end" ] ||
			fail "timed out after ${secs}s waiting for $desc"
		sleep 0.5
	done
	log "ok: $desc"
}

# ---- kernel modules and PCI functions ----------------------------------

# kmod NAME [PARAM=VALUE...]: load a module from the guest kernel tree.
kmod() {
	modprobe -d "$IGB_KROOT" -S "$IGB_KVER" "$@" ||
		fail "modprobe $* failed"
}

pci_dev() { echo "/sys/bus/pci/devices/$1"; }

pci_driver() { # BDF -> driver name or "none"
	local l
	l=$(readlink "$(pci_dev "$1")/driver" 2>/dev/null) || {
		echo none
		return
	}
	basename "$l"
}

# vf_bdf N: the PCI address of VF N (0-based): offset 0x80, stride 2.
vf_bdf() {
	local fn=$((0x80 + 2 * $1))
	printf '0000:01:%02x.%x\n' $((fn >> 3)) $((fn & 7))
}

# pci_bind BDF DRIVER: bind to vfio-pci, igb, igbvf, or "none" to unbind.
pci_bind() {
	local bdf=$1 drv=$2 dev cur
	dev=$(pci_dev "$bdf")
	[ -e "$dev" ] || fail "pci_bind: no device $bdf"
	cur=$(pci_driver "$bdf")
	[ "$cur" != "$drv" ] || return 0
	[ "$cur" = none ] || echo "$bdf" > "$dev/driver/unbind"
	[ "$drv" != none ] || return 0
	case "$drv" in
	vfio-pci) kmod vfio-pci; kmod vfio_iommu_type1 ;;
	*) kmod "$drv" ;;
	esac
	echo "$drv" > "$dev/driver_override"
	echo "$bdf" > "/sys/bus/pci/drivers/$drv/bind" 2>/dev/null ||
		echo "$bdf" > /sys/bus/pci/drivers_probe
	echo > "$dev/driver_override"
	cur=$(pci_driver "$bdf")
	[ "$cur" = "$drv" ] || fail "pci_bind: $bdf is bound to $cur, not $drv"
	log "bound $bdf to $drv"
}

# vfs_create N [AUTOPROBE]: create N VFs on the PF (whose driver must
# support SR-IOV). Driver autoprobe is off unless AUTOPROBE is 1, so the
# scenario binds each VF itself.
vfs_create() {
	local n=$1 dev i
	dev=$(pci_dev "$PF_BDF")
	echo "${2:-0}" > "$dev/sriov_drivers_autoprobe"
	echo "$n" > "$dev/sriov_numvfs" ||
		fail "cannot create $n VFs on $PF_BDF ($(pci_driver "$PF_BDF"))"
	for ((i = 0; i < n; i++)); do
		wait_for 10 "VF $i at $(vf_bdf "$i")" test -e "$(pci_dev "$(vf_bdf "$i")")"
	done
	vf_bars_below_4g
}

# QEMU 10.0 decodes a VF BAR as 32-bit whatever the PF's SR-IOV capability
# says: a VF BAR placed above 4 GiB is unreachable (every register reads 0).
# Fail at once, naming the cause, instead of timing out in a driver.
vf_bars_below_4g() {
	local hi0 hi3
	hi0=$(setpci -s "$PF_BDF" ECAP_SRIOV+0x28.l)
	hi3=$(setpci -s "$PF_BDF" ECAP_SRIOV+0x34.l)
	[ "$hi0$hi3" = 0000000000000000 ] ||
		fail "VF BARs above 4 GiB (high dwords $hi0 $hi3): QEMU cannot reach them; give the guest less than 2816 MiB"
}

vfs_destroy() {
	local f
	f=$(pci_dev "$PF_BDF")/sriov_numvfs
	[ ! -w "$f" ] || [ "$(cat "$f")" = 0 ] || echo 0 > "$f"
}

# kernel_pf_up NUM_VFS: the Linux igb driver owns the PF with NUM_VFS VFs
# (none bound) and its link up; sets KPF_IF to its interface.
# Order matters with the emulated 82576: creating VFs resets them, and a
# VF's RSTD (reset done) is set only when the PF writes CTRL_EXT.PFRSTD,
# which igb does when its interface comes up. VFs first, then PF up.
kernel_pf_up() {
	pci_bind "$PF_BDF" igb
	KPF_IF=$(netdev_of "$PF_BDF")
	export KPF_IF
	vfs_create "$1"
	ip link set "$KPF_IF" up
	wait_for 30 "PF $KPF_IF carrier" carrier "$KPF_IF"
}

# netdev_of BDF: the kernel network interface of a PCI function.
netdev_of() {
	local d
	d=$(ls "$(pci_dev "$1")/net" 2>/dev/null | head -n 1)
	[ -n "$d" ] || fail "no network interface for $1 ($(pci_driver "$1"))"
	echo "$d"
}

# ---- the wire -----------------------------------------------------------

# peer_if: the virtio-net interface on the hub (the "far end" of the wire).
peer_if() {
	local i
	for i in /sys/class/net/*; do
		if [ "$(cat "$i/address")" = "$PEER_MAC" ]; then
			basename "$i"
			return
		fi
	done
	return 1
}

# peer_up [MTU]: the virtio-net peer up with $PEER_IP in the root namespace.
peer_up() {
	local ifc
	kmod virtio_net
	wait_for 10 "virtio-net peer interface" peer_if
	ifc=$(peer_if)
	ip addr flush dev "$ifc"
	ip addr add "$PEER_IP/$NET_PREFIX" dev "$ifc"
	ip link set "$ifc" mtu "${1:-1500}" up
	export PEER_IF=$ifc
	log "peer $ifc up with $PEER_IP"
}

# netns_add NS IFACE ADDR/PREFIX [MTU]: move IFACE into a new namespace.
netns_add() {
	ip netns add "$1"
	ip link set "$2" netns "$1"
	ip -n "$1" link set lo up
	ip -n "$1" addr add "$3" dev "$2"
	ip -n "$1" link set "$2" mtu "${4:-1500}" up
	log "netns $1: $2 $3"
}

# carrier IFACE [NS]: succeeds when the interface has carrier.
carrier() {
	ip ${2:+-n "$2"} -o link show "$1" 2>/dev/null | grep -q LOWER_UP
}

# ping_loss [-n NS] DEST COUNT [PING ARGS...]: prints the loss in percent.
ping_loss() {
	local ns=() out
	if [ "$1" = -n ]; then
		ns=(ip netns exec "$2")
		shift 2
	fi
	local dest=$1 count=$2
	shift 2
	out=$("${ns[@]}" ping -n -q -c "$count" -i 0.05 -W 2 "$@" "$dest" 2>&1) ||
		true
	echo "$out" >&2
	echo "$out" | sed -n 's/.* \([0-9.]*\)% packet loss.*/\1/p' |
		awk '{ printf "%d\n", $1 + 0.5 } END { if (NR == 0) print 100 }'
}

# ---- DPDK processes ----------------------------------------------------

# Stop any DPDK process of this scenario and free its hugepages.
dpdk_reset_runtime() {
	rm -rf /dev/hugepages/* /run/dpdk/*
}

# ---- interactive programs (testpmd, igb-pfd) ----------------------------

CONSOLE_PROMPT=$IGB_TOP/test/vm/lib/console-prompt.pl

# console_start NAME PROMPT SECS CMD...: run CMD in the background reading
# commands from a FIFO, output in $SCEN_OUT/NAME.log, and wait SECS for its
# PROMPT. With CONSOLE_SOFT=1 a missing prompt returns 1 instead of failing.
console_start() {
	local name=$1 prompt=$2 secs=$3 fifo log fd
	shift 3
	fifo=$SCEN_OUT/$name.in
	log=$SCEN_OUT/$name.log
	rm -f "$fifo"
	mkfifo "$fifo"
	exec {fd}<>"$fifo"
	printf -v "TP_FD_$name" %s "$fd"
	printf -v "TP_PROMPT_$name" %s "$prompt"
	log "$name: $*"
	# Line-buffered: these programs print with stdio, which a file would
	# buffer fully, while their prompt is written directly.
	stdbuf -oL -eL "$@" < "$fifo" > "$log" 2>&1 &
	printf -v "TP_PID_$name" %s $!
	echo $! >> "$SCEN_OUT/pids"
	console_wait_prompt "$name" 0 "$secs" "${CONSOLE_SOFT:-0}"
}

tp_var() { local v="TP_$1_$2"; echo "${!v}"; }

# console_prompt_whole NAME OFFSET: the prompt after OFFSET, as one piece.
console_prompt_whole() {
	tail -c +"$(($2 + 1))" "$SCEN_OUT/$1.log" | grep -qF "$(tp_var PROMPT "$1")"
}

# console_wait_prompt NAME OFFSET SECS [SOFT]: wait for the prompt after
# OFFSET; with SOFT=1 a timeout returns 1 instead of failing. Another
# thread's line may split the prompt (console-prompt.pl finds it then),
# but a perl start costs 1-2 s in the TCG guest (its files come through
# 9p): grep looks for the whole prompt at each poll, the matcher only once
# the output has not grown for a second.
console_wait_prompt() {
	local name=$1 off=$2 secs=$3 soft=${4:-0} log end pid prompt
	local size last=-1 still=0
	log=$SCEN_OUT/$name.log
	pid=$(tp_var PID "$name")
	prompt=$(tp_var PROMPT "$name")
	end=$(($(date +%s) + secs))
	until console_prompt_whole "$name" "$off"; do
		size=$(stat -c %s "$log")
		if [ "$size" = "$last" ]; then
			still=$((still + 1))
		else
			still=0
			last=$size
		fi
		if [ $still = 5 ] && tail -c +"$((off + 1))" "$log" |
			"$CONSOLE_PROMPT" seen "$prompt"; then
			return 0
		fi
		if ! kill -0 "$pid" 2>/dev/null; then
			tail -n 20 "$log"
			fail "$name exited"
		fi
		[ "$(date +%s)" -lt "$end" ] || {
			tail -n 20 "$log"
			[ "$soft" = 1 ] && return 1
			fail "$name: no prompt within ${secs}s"
		}
		sleep 0.2
	done
}

# console_cmd NAME COMMAND [SECS]: run one command (deadline 90 s: TCG is
# slow when the host is loaded); print its output without the prompt.
console_cmd() {
	local name=$1 cmd=$2 secs=${3:-90} log off fd prompt
	log=$SCEN_OUT/$name.log
	off=$(stat -c %s "$log")
	fd=$(tp_var FD "$name")
	prompt=$(tp_var PROMPT "$name")
	printf '%s\n' "$cmd" >&"$fd"
	console_wait_prompt "$name" "$off" "$secs"
	if console_prompt_whole "$name" "$off"; then
		tail -c +"$((off + 1))" "$log" | sed "s/$prompt//g"
	else
		tail -c +"$((off + 1))" "$log" | "$CONSOLE_PROMPT" strip "$prompt"
	fi
}

# console_stop NAME [SECS]: "quit", and kill it if it is not gone in SECS
# (20) seconds, which fails the scenario.
console_stop() {
	local name=$1 secs=${2:-20} pid fd
	pid=$(tp_var PID "$name")
	fd=$(tp_var FD "$name")
	{ printf 'quit\n' >&"$fd"; } 2> /dev/null
	for _ in $(seq 1 $((secs * 2))); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.5
	done
	if kill -0 "$pid" 2>/dev/null; then
		kill -9 "$pid"
		fail "$name did not quit within ${secs}s"
	fi
	wait "$pid" 2>/dev/null
	log "$name stopped"
}

# ---- scenario life cycle ------------------------------------------------

bench_scenario_main() {
	set -E -o pipefail
	trap 'fail "command failed at ${BASH_SOURCE[0]##*/}:$LINENO: $BASH_COMMAND"' ERR
	log "scenario $SCEN_NAME"
	# shellcheck source=/dev/null
	. "$1"
	log "scenario $SCEN_NAME passed"
}

# Leave the guest as the next scenario expects it: no DPDK process, no
# namespace, no VF, the PF unbound.
bench_cleanup() {
	local p ns
	if [ -f "$SCEN_OUT/pids" ]; then
		while read -r p; do
			kill -9 "$p" 2>/dev/null
		done < "$SCEN_OUT/pids"
	fi
	pkill -9 -f dpdk- 2>/dev/null
	sleep 0.5
	for ns in $(ip netns list | awk '{ print $1 }'); do
		ip netns pids "$ns" | xargs -r kill -9
		ip netns del "$ns"
	done
	# VLAN interfaces a scenario stacked on the peer, and the peer's MTU,
	# addresses and routes: the next scenario starts from a plain wire.
	ip -o link show type vlan | awk -F': ' '{ print $2 }' |
		cut -d@ -f1 | xargs -r -n 1 ip link del
	p=$(peer_if) && {
		ip addr flush dev "$p"
		ip route flush dev "$p"
		ip link set "$p" mtu 1500
	}
	vfs_destroy
	# A PF process that kept its VFs at exit leaves the PF's reset
	# methods off (pf.rst); the next scenario starts with the kernel's.
	echo default > "$(pci_dev "$PF_BDF")/reset_method" 2>/dev/null || true
	pci_bind "$PF_BDF" none
	dpdk_reset_runtime
}
