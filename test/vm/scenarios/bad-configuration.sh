# summary: wrong settings each refused within 300 s, naming the problem: igb-pfd (num_vfs 0, 8, -1, abc; no or malformed VF token; --huge-dir not hugetlbfs; no hugepages; PF on igb) exits non-zero with exactly one line; testpmd (devarg num_vfs=abc; VF without the token) prints the cause and probes no port
# timeout: 900
# Each refusal must come with a non-zero status within a deadline and one
# line that names the problem; igb-pfd's own refusals are exactly one line
# (its checks run before EAL prints anything).
# shellcheck source=../lib/fault.sh
. "$IGB_TOP/test/vm/lib/fault.sh"

[ -f "$VF_PMD" ] || fail "no VF PMD at $VF_PMD (build first)"
pf_setup
tok=--vfio-vf-token=$VF_TOKEN

pfd_refused "--num-vfs 0" '^igb-pfd: num_vfs=0 out of range: 1\.\.7' \
	"$tok" -- --pci "$PF_BDF" --num-vfs 0
pfd_refused "--num-vfs 8" '^igb-pfd: num_vfs=8 out of range: 1\.\.7' \
	"$tok" -- --pci "$PF_BDF" --num-vfs 8
pfd_refused "--num-vfs -1" '^igb-pfd: num_vfs=-1 out of range: 1\.\.7' \
	"$tok" -- --pci "$PF_BDF" --num-vfs -1
pfd_refused "--num-vfs abc" '^igb-pfd: num_vfs=abc is not a number' \
	"$tok" -- --pci "$PF_BDF" --num-vfs abc
pfd_refused "no VF token" '^igb-pfd: no VF token: .*--vfio-vf-token=<uuid>' \
	-- --pci "$PF_BDF" --num-vfs 1
pfd_refused "malformed VF token" '^igb-pfd: --vfio-vf-token 1234 is not a UUID' \
	--vfio-vf-token=1234 -- --pci "$PF_BDF" --num-vfs 1

# The PMD's own parser, through a raw device argument (no igb-pfd).
testpmd_refused "raw devarg num_vfs=abc" \
	'^net_igb_pf: 0000:01:00\.0: num_vfs=abc is not a number' \
	-d "$PF_PMD" "$tok" -a "$PF_BDF,num_vfs=abc"

# Hugepages: a folder that is no hugetlbfs, then none reserved at all.
mkdir -p /tmp/nohuge
pfd_refused "--huge-dir on tmpfs" \
	'^igb-pfd: --huge-dir /tmp/nohuge is not a hugetlbfs mount point' \
	"$tok" --huge-dir /tmp/nohuge -- --pci "$PF_BDF" --num-vfs 1
# Hugepage files a DPDK process leaves behind keep their pages.
rm -f /dev/hugepages/bad*
huge=$(cat "$HUGE_NR")
trap 'echo "$huge" > "$HUGE_NR"' EXIT
echo 0 > "$HUGE_NR"
assert_eq "hugepages released" 0 "$(cat "$HUGE_NR")"
pfd_refused "nr_hugepages 0" '^igb-pfd: no hugepages reserved' \
	"$tok" -- --pci "$PF_BDF" --num-vfs 1
echo "$huge" > "$HUGE_NR"
assert_eq "hugepages reserved again" "$huge" "$(cat "$HUGE_NR")"

# The PF on the kernel driver.
pci_bind "$PF_BDF" igb
pfd_refused "PF bound to igb" \
	"^igb-pfd: $PF_BDF is bound to igb: VFs of a userspace PF need vfio-pci" \
	"$tok" -- --pci "$PF_BDF" --num-vfs 1
pci_bind "$PF_BDF" vfio-pci

# A VF process without the PF process's token: vfio-pci refuses the
# device (its reason is in the kernel log), EAL says which device.
pfd_serve pfd 1
vf_vfio 0
dmesg -c > /dev/null
testpmd_refused "VF without the token" \
	"^EAL: Getting a vfio_dev_fd for $VF_BDF failed" -d "$VF_PMD" -a "$VF_BDF"
kline=$(dmesg | grep -m 1 "$VF_BDF: VF token required") ||
	fail "no 'VF token required' for $VF_BDF in the kernel log"
log "ok: kernel: $kline"
pfd_stop pfd
