#!/usr/bin/env bash
# `make installer`: the frozen desktop build (PyInstaller, one folder), the Debian package
# and the NSIS installer compiled against that build as a stand-in payload.
# Output: installer/dist/agentlocator-desktop_<version>_amd64.deb. The NSIS check compiles to
# installer/build/nsis-check/: around a Linux payload it is not a Windows installer.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=$ROOT/installer/build
DIST=$ROOT/installer/dist
VERSION=$(tr -d '[:space:]' < "$ROOT/desktop/VERSION")
PACKAGE=agentlocator-desktop
PYTHON312=${PYTHON312:?set PYTHON312 to a Python 3.12 interpreter}
started=$SECONDS
step() { printf '== %s (%ss)\n' "$1" $((SECONDS - started)); }

# A venv holding only the desktop distribution and the freezer: what the bundle can contain
# is what an office PC installs, never the server.
step "build venv"
venv=$BUILD/venv
stamp=$venv/.installed-$(cat "$ROOT/desktop/pyproject.toml" "$ROOT/desktop/VERSION" | sha256sum | cut -c1-16)
if [ ! -f "$stamp" ]; then
    rm -rf "$venv"
    "$PYTHON312" -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check "$ROOT/desktop[freeze]"
    touch "$stamp"
else
    # the package's own code changes without its metadata: reinstall just it
    "$venv/bin/pip" install --quiet --disable-pip-version-check --no-deps --force-reinstall "$ROOT/desktop"
fi
rm -rf "$ROOT/desktop/build"

step "icons"
"$venv/bin/python" "$ROOT/installer/render_icons.py" "$BUILD/icons"

step "PyInstaller"
"$venv/bin/pyinstaller" --noconfirm --log-level WARN --distpath "$BUILD/dist" --workpath "$BUILD/work" \
    "$ROOT/installer/agentlocator-desktop.spec"
payload=$BUILD/dist/$PACKAGE

step "Debian package"
# Staged as debian/<package>/ so dpkg-shlibdeps knows the bundled libraries are the package's own.
deb=$BUILD/deb
stage=$deb/debian/$PACKAGE
rm -rf "$deb"
mkdir -p "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" "$stage/usr/share/applications" "$stage/usr/share/doc/$PACKAGE"
cp -a "$payload" "$stage/opt/$PACKAGE"
ln -s "/opt/$PACKAGE/$PACKAGE" "$stage/usr/bin/$PACKAGE"
install -m 0644 "$ROOT/installer/debian/$PACKAGE.desktop" "$stage/usr/share/applications/"
install -m 0644 "$ROOT/installer/debian/copyright" "$stage/usr/share/doc/$PACKAGE/"
for size in 16 24 32 48 64 128 256; do
    install -D -m 0644 "$BUILD/icons/$size.png" "$stage/usr/share/icons/hicolor/${size}x${size}/apps/$PACKAGE.png"
done
install -D -m 0644 "$ROOT/desktop/resources/icons/agentlocator.svg" "$stage/usr/share/icons/hicolor/scalable/apps/$PACKAGE.svg"
for script in config postinst postrm; do install -m 0755 "$ROOT/installer/debian/$script" "$stage/DEBIAN/"; done
install -m 0644 "$ROOT/installer/debian/templates" "$stage/DEBIAN/"
# Depends: what the bundled ELF files link to outside the bundle (Qt's xcb plugin's libxcb-*,
# GTK for the platform theme, PulseAudio...), as Debian's own packages compute it.
printf 'Source: %s\n\nPackage: %s\nArchitecture: amd64\n' "$PACKAGE" "$PACKAGE" > "$deb/debian/control"
mapfile -t elves < <(find "$stage/opt" -type f \( -name '*.so*' -o -perm -u+x \) -exec sh -c 'head -c4 "$1" | grep -q ELF' _ {} \; -print)
libdirs=$(find "$stage/opt" -type f -name '*.so*' -printf '-l%h\n' | sort -u)
# shellcheck disable=SC2086
shlibs=$(cd "$deb" && dpkg-shlibdeps -O --ignore-missing-info $libdirs "${elves[@]/#$deb\//}" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
[ -n "$shlibs" ] || { echo "dpkg-shlibdeps found no dependencies" >&2; exit 1; }
size_kb=$(du -sk --exclude=DEBIAN "$stage" | cut -f1)
sed -e "s/@VERSION@/$VERSION/" -e "s/@SIZE@/$size_kb/" -e "s/@SHLIBS@/$shlibs/" \
    "$ROOT/installer/debian/control.in" > "$stage/DEBIAN/control"
mkdir -p "$DIST"
deb_file=$DIST/${PACKAGE}_${VERSION}_amd64.deb
dpkg-deb --root-owner-group -Zzstd -z9 --build "$stage" "$deb_file" >/dev/null

step "NSIS installer (stand-in payload)"
# Not in dist/: wrapped around the Linux build it is a check of the script, never to be shipped.
"$ROOT/installer/windows/build.sh" "$payload" "$BUILD/nsis-check" --fast

step "done"
ls -l "$DIST" "$BUILD/nsis-check"
