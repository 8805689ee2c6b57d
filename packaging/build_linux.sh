#!/usr/bin/env bash
# Build Factcheck Compare for Linux from a clean checkout:
#   1. a build venv (never the developer's own) with PyInstaller and the project installed;
#   2. the one-folder bundle from packaging/factcheck.spec;
#   3. a .deb (dpkg-deb) installing to /opt/factcheck-compare with launchers in /usr/bin, the
#      .desktop file, AppStream metainfo and hicolor icons;
#   4. a .tar.gz of the same bundle for machines without dpkg.
#
#   bash packaging/build_linux.sh            # artefacts in dist/, work files in build/linux/
#
# Environment: PYTHON (default python3, 3.11+), BUILD_DIR (default build/linux), DIST_DIR
# (default dist), DEB_COMPRESSION (dpkg-deb -Z: xz default, gzip is faster), FRESH_VENV=1 to
# recreate the build venv, EXTRAS (project extras to bundle, e.g. "postgres" for team
# databases on PostgreSQL: +10 MB). Needs dpkg-deb for step 3 (skipped with a note without it).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PYTHON=${PYTHON:-python3}
BUILD_DIR=$(mkdir -p "${BUILD_DIR:-$ROOT/build/linux}" && cd "${BUILD_DIR:-$ROOT/build/linux}" && pwd)
DIST_DIR=$(mkdir -p "${DIST_DIR:-$ROOT/dist}" && cd "${DIST_DIR:-$ROOT/dist}" && pwd)
VENV=$BUILD_DIR/venv
APP=factcheck-compare
APP_ID=org.factcheck.Compare
PYINSTALLER_SPEC='pyinstaller>=6.10,<7'

step() { printf '\n== %s (%ss)\n' "$1" "$SECONDS"; }
# pip's and setuptools' chatter goes to a log, shown only when the command fails.
quiet() {
  "$@" >>"$BUILD_DIR/pip.log" 2>&1 || { tail -n 40 "$BUILD_DIR/pip.log" >&2; echo "failed: $*" >&2; exit 1; }
}

step "build venv"
if [ "${FRESH_VENV:-0}" = 1 ] || [ ! -x "$VENV/bin/python" ]; then
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
fi
: >"$BUILD_DIR/pip.log"
quiet "$VENV/bin/python" -m pip install --upgrade pip
quiet "$VENV/bin/python" -m pip install "$PYINSTALLER_SPEC"
# A regular (not editable) install: the spec analyses the installed package, where
# resources/ is the real package factcheck_gui.data, exactly as users of the wheel get it.
TARGET=$ROOT${EXTRAS:+[$EXTRAS]}
quiet "$VENV/bin/python" -m pip install "$TARGET"
quiet "$VENV/bin/python" -m pip install --force-reinstall --no-deps "$ROOT"  # same version, new code
VERSION=$("$VENV/bin/python" -c 'import factcheck_gui; print(factcheck_gui.__version__)')
# Debian orders 1.0~rc1 before 1.0; PEP 440 writes 1.0rc1 / 1.0.dev1.
DEB_VERSION=$(printf '%s' "$VERSION" | sed -E 's/\.?(dev|a|b|rc)([0-9]*)/~\1\2/')
ARCH=$(dpkg --print-architecture 2>/dev/null || uname -m)
echo "version $VERSION (deb $DEB_VERSION), arch $ARCH"

step "PyInstaller bundle"
(cd "$ROOT" && "$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
   --distpath "$BUILD_DIR/dist" --workpath "$BUILD_DIR/work" packaging/factcheck.spec)
BUNDLE=$BUILD_DIR/dist/$APP
[ -x "$BUNDLE/factcheck" ] && [ -x "$BUNDLE/factcheck-gui" ] || { echo "bundle incomplete" >&2; exit 1; }
# Sizes are the bytes of the files (apparent size), in MiB and in decimal MB.
size_of() { du -sb "$1" | awk '{printf "%.1f MiB = %.1f MB", $1 / 1048576, $1 / 1e6}'; }
echo "bundle: $BUNDLE ($(size_of "$BUNDLE"))"

# Desktop integration files, shared by the .deb and the tarball (share/ mirrors /usr/share).
stage_share() {  # $1: destination "share" folder
  local share=$1 size
  install -Dm644 "$ROOT/packaging/linux/$APP_ID.desktop" "$share/applications/$APP_ID.desktop"
  install -d "$share/metainfo"
  sed -e "s/@VERSION@/$VERSION/" -e "s/@DATE@/$(date -u +%F)/" \
    "$ROOT/packaging/linux/$APP_ID.metainfo.xml" > "$share/metainfo/$APP_ID.metainfo.xml"
  for png in "$ROOT"/packaging/icons/png/*.png; do
    size=$(basename "$png" .png)
    install -Dm644 "$png" "$share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
  done
  install -Dm644 "$ROOT/resources/icons/factcheck-gui.svg" "$share/icons/hicolor/scalable/apps/$APP_ID.svg"
}

# Debian package names providing the system libraries the bundle links against but does not
# carry (libc, libGL/EGL, xcb, fontconfig...), found the way dpkg-shlibdeps does: by asking
# dpkg which installed package owns each resolved library. Missing ones are reported.
system_depends() {
  local libs
  libs=$(find "$BUNDLE" -type f \( -name '*.so' -o -name '*.so.*' -o -perm -u+x \) -print0 |
    LD_LIBRARY_PATH="$BUNDLE/_internal:$BUNDLE/_internal/PySide6/Qt/lib" xargs -0 ldd 2>/dev/null |
    awk '/=> \// {print $3} /not found/ {print "MISSING:" $1}' | sort -u)
  if grep -q '^MISSING:' <<<"$libs"; then
    echo "warning: libraries not found on this machine (their packages are not in Depends):" >&2
    grep '^MISSING:' <<<"$libs" | sed 's/^MISSING:/  /' | sort -u >&2
  fi
  grep -v '^MISSING:' <<<"$libs" | grep -v "^$BUNDLE/" | while read -r lib; do
    dpkg -S "$(readlink -f "$lib")" 2>/dev/null || dpkg -S "$lib" 2>/dev/null || true
  done | cut -d: -f1 | sort -u | paste -sd, - | sed 's/,/, /g'
}

if command -v dpkg-deb >/dev/null; then
  step ".deb"
  STAGE=$BUILD_DIR/deb-root
  rm -rf "$STAGE"
  install -d "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/DEBIAN"
  cp -a "$BUNDLE" "$STAGE/opt/$APP"
  # Symlinks: the PyInstaller bootloader resolves /proc/self/exe, so it finds _internal/.
  ln -s "/opt/$APP/factcheck-gui" "$STAGE/usr/bin/factcheck-gui"
  ln -s "/opt/$APP/factcheck" "$STAGE/usr/bin/factcheck"
  stage_share "$STAGE/usr/share"
  install -Dm644 "$ROOT/packaging/linux/copyright" "$STAGE/usr/share/doc/$APP/copyright"
  DEPENDS=$(system_depends)
  cat > "$STAGE/DEBIAN/control" <<EOF
Package: $APP
Version: $DEB_VERSION
Architecture: $ARCH
Maintainer: Factcheck Compare developers <factcheck-compare@users.noreply.github.com>
Installed-Size: $(du -sk "$STAGE" --exclude=DEBIAN | cut -f1)
Depends: ${DEPENDS}
Section: text
Priority: optional
Homepage: https://github.com/factcheck-compare/factcheck-compare
Description: compare two versions of a story claim by claim
 Factcheck Compare lines up an original story and its rewrite claim by claim,
 flags changed numbers, dates, names, quotations, hedges and attributions, and
 keeps a fact-checker's review log in a local database. Works offline.
 .
 This package carries its own Python and Qt in /opt/$APP.
EOF
  DEB=$DIST_DIR/${APP}_${DEB_VERSION}_${ARCH}.deb
  dpkg-deb --root-owner-group -Z"${DEB_COMPRESSION:-xz}" --build "$STAGE" "$DEB" >/dev/null
  echo "deb: $DEB ($(size_of "$DEB")); Depends: $DEPENDS"
else
  echo "dpkg-deb not found: .deb skipped (install the dpkg package)" >&2
fi

step "tarball"
TAR_STAGE=$BUILD_DIR/tar-root
rm -rf "$TAR_STAGE"
install -d "$TAR_STAGE/$APP-$VERSION"
cp -a "$BUNDLE/." "$TAR_STAGE/$APP-$VERSION/"
stage_share "$TAR_STAGE/$APP-$VERSION/share"
install -m755 "$ROOT/packaging/linux/install-user.sh" "$TAR_STAGE/$APP-$VERSION/install-user.sh"
TARBALL=$DIST_DIR/$APP-$VERSION-linux-$(uname -m).tar.gz
tar -C "$TAR_STAGE" --owner=0 --group=0 -czf "$TARBALL" "$APP-$VERSION"
echo "tarball: $TARBALL ($(size_of "$TARBALL"))"

(cd "$DIST_DIR" && sha256sum -- *"$VERSION"* > "SHA256SUMS-linux-$VERSION" 2>/dev/null || true)
step "done"
ls -l "$DIST_DIR"
