#!/bin/sh
# Runs PROGRAM with the system's copies of every library an unpacked AppImage at ROOT carries
# hidden (each covered by an empty file), and WebKitGTK's helper processes hidden as well: a
# program that still starts needs none of them from the system. Run it as root, in a mount
# namespace of its own (`unshare --mount`), so that what it hides is hidden from PROGRAM and its
# children alone. The libraries PROGRAM itself links to stay: an AppImage's runtime loads the
# system's zlib before it starts what the image carries.
#   without-system-libraries.sh ROOT PROGRAM [ARG...]
set -eu
root=$1
shift
lib=/usr/lib/x86_64-linux-gnu
# mount needs some of the libraries it hides: it runs on copies of its own, made first.
own=$(mktemp -d)
ldd "$(command -v mount)" | awk '$3 ~ /^\// { print $3 }' | xargs -I{} cp -L {} "$own/"
hide() { LD_LIBRARY_PATH=$own mount "$@"; }
hide -t tmpfs none "$lib/webkit2gtk-4.1"
keep=" $(readelf -d "$1" 2>/dev/null | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p' | tr '\n' ' ' || true)"
hidden=0
for carried in "$root/usr/lib/x86_64-linux-gnu/"*.so*; do
  name=$(basename "$carried")
  case $keep in *" $name "*) continue ;; esac
  if [ -e "$lib/$name" ]; then
    hide --bind /dev/null "$lib/$name"
    hidden=$((hidden + 1))
  fi
done
if [ "$hidden" -eq 0 ]; then
  echo "without-system-libraries.sh: $root carries no library the system has; nothing was hidden" >&2
  exit 1
fi
echo "without-system-libraries.sh: $hidden of the system's libraries hidden" >&2
rm -rf "$own"
exec "$@"
