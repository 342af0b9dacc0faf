#!/usr/bin/env bash
# Install the Debian/Ubuntu packages the station needs. As root (or with passwordless sudo)
# it installs what is missing; otherwise it prints the exact command and stops.
#   scripts/setup-system.sh run    Qt runtime libraries and audio for the window
#   scripts/setup-system.sh test   the same, plus PostgreSQL server binaries, Xvfb and what the
#                                  tests drive (xdotool, faketime, CUPS, chattr for a read-only file)
set -euo pipefail
profile=${1:-run}
run_pkgs=(libgl1 libegl1 libxkbcommon0 libglib2.0-0 libfreetype6 libfontconfig1 libdbus-1-3
          libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
          libpulse0 fonts-dejavu-core python3-venv libzbar0)
test_pkgs=(postgresql e2fsprogs xvfb xauth xdotool x11-xkb-utils faketime poppler-utils cups-daemon cups-client printer-driver-cups-pdf)
pkgs=("${run_pkgs[@]}")
[ "$profile" = test ] && pkgs+=("${test_pkgs[@]}")

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "setup-system: not a Debian/Ubuntu system; install the equivalents of: ${pkgs[*]}" >&2
  exit 0
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" = 0 ]; then
  echo "setup-system: installing ${missing[*]}"
  bash -c "$cmd"
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  echo "setup-system: installing ${missing[*]} with sudo"
  sudo bash -c "$cmd"
else
  echo "setup-system: these system packages are missing: ${missing[*]}" >&2
  echo "Run this once as root, then run make again:" >&2
  echo "  sudo bash -c '$cmd'" >&2
  exit 1
fi
