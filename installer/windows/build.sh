#!/usr/bin/env bash
# installer/windows/build.sh PAYLOAD_DIR OUT_DIR [--fast]
#
# Compiles agentlocator.nsi around a PyInstaller one-folder build into
# OUT_DIR/AgentLocator-Setup-<desktop/VERSION>.exe. On Linux the payload is the Linux build,
# a stand-in, so the script is compiled (and so checked) on every run; the Windows payload is
# built by .github/workflows/desktop-windows.yml. --fast stores instead of compressing.
set -euo pipefail

usage() { echo "usage: $0 PAYLOAD_DIR OUT_DIR [--fast]" >&2; exit 2; }
[ $# -eq 2 ] || [ $# -eq 3 ] || usage
defines=()
if [ $# -eq 3 ]; then
  [ "$3" = --fast ] || usage
  defines+=(-DFAST)
fi

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
command -v makensis >/dev/null || { echo "makensis not found (Debian: apt-get install nsis)" >&2; exit 1; }
[ -d "$1" ] || { echo "no such payload folder: $1" >&2; exit 1; }
# makensis resolves relative paths from the script's folder: hand it absolute ones.
payload=$(cd "$1" && pwd)
mkdir -p "$2"
out_dir=$(cd "$2" && pwd)

version=$(tr -d '[:space:]' < "$root/desktop/VERSION")
exe=
for name in agentlocator-desktop.exe agentlocator-desktop; do
  if [ -f "$payload/$name" ]; then exe=$name; break; fi
done
[ -n "$exe" ] || { echo "$payload holds neither agentlocator-desktop.exe nor agentlocator-desktop" >&2; exit 1; }
icon="$root/installer/build/icons/agentlocator.ico"
[ -f "$icon" ] && defines+=(-DICON="$icon")

out="$out_dir/AgentLocator-Setup-$version.exe"
# -V2: warnings and errors only (-WX makes any warning an error), not a line per file.
makensis -WX -V2 -DVERSION="$version" -DPAYLOAD="$payload" -DEXE="$exe" -DOUTFILE="$out" \
  "${defines[@]}" "$here/agentlocator.nsi"
echo "$out ($(du -h "$out" | cut -f1))"
