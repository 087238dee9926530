#!/usr/bin/env bash
# Build (or reuse) the guest kernel tree and initramfs from Debian's
# packages. Cached under .cache/guest/<kernel>-<package version>-<init
# hash>/; prints that folder's path on stdout when it is ready.
set -euo pipefail

top=$(cd "$(dirname "$0")/../.." && pwd)
cache=${IGB_CACHE:-$top/.cache}/guest

meta=$(apt-cache depends linux-image-amd64 2>/dev/null |
	awk '/Depends: linux-image-[0-9]/ { print $2; exit }')
[ -n "$meta" ] || {
	echo "build-guest: cannot resolve linux-image-amd64 (apt-get update?)" >&2
	exit 1
}
kver=${meta#linux-image-}
pver=$(apt-cache policy "$meta" | awk '/Candidate:/ { print $2 }')
ihash=$(cat "$0" "$top/test/vm/guest/init" | sha256sum | cut -c 1-8)
out=$cache/$kver-$pver-$ihash
if [ -f "$out/ready" ]; then
	echo "$out"
	exit 0
fi

rm -rf "$out"
mkdir -p "$out/deb" "$out/kroot" "$out/initramfs"
(cd "$out/deb" && apt-get download -qq -o APT::Sandbox::User=root "$meta=$pver") >&2
dpkg -x "$out"/deb/*.deb "$out/kroot"
depmod -b "$out/kroot" "$kver"
rm -rf "$out/deb"

# initramfs: static busybox and the modules that mount the host root over
# 9p. Order matters: each insmod needs its dependencies already loaded.
ir=$out/initramfs
mkdir -p "$ir"/{bin,dev,proc,sys,newroot,modules}
cp /bin/busybox "$ir/bin/busybox"
for m in virtio_ring virtio virtio_pci_modern_dev virtio_pci_legacy_dev \
	virtio_pci 9pnet 9pnet_virtio netfs fscache 9p; do
	f=$(find "$out/kroot/lib/modules/$kver" -name "$m.ko*" | head -n 1)
	[ -n "$f" ] || { echo "build-guest: module $m not found" >&2; exit 1; }
	case "$f" in
	*.ko.xz) xz -dc "$f" > "$ir/modules/$m.ko" ;;
	*.ko) cp "$f" "$ir/modules/$m.ko" ;;
	*) echo "build-guest: unsupported module file $f" >&2; exit 1 ;;
	esac
	echo "$m" >> "$ir/modules/order"
done
cp "$top/test/vm/guest/init" "$ir/init"
chmod +x "$ir/init"
(cd "$ir" && find . | cpio -o -H newc --quiet | gzip -1) > "$out/initrd.gz"
echo "$kver" > "$out/kver"
touch "$out/ready"
echo "$out"
