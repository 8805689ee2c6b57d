#!/usr/bin/env bash
# Build Factcheck Compare for Linux from a clean checkout:
#   1. a build venv (never the developer's own) with PyInstaller and the project installed;
#   2. the one-folder bundle from packaging/factcheck.spec;
#   3. a .deb (dpkg-deb) installing to /opt/factcheck-compare with launchers in /usr/bin, the
#      .desktop file, AppStream metainfo and hicolor icons; Depends from dpkg-shlibdeps over every
#      ELF file of the bundle, md5sums, a machine-readable copyright file, lintian overrides;
#   4. a .tar.gz of the same bundle for machines without dpkg.
#
#   bash packaging/build_linux.sh            # artefacts in dist/, work files in build/linux/
#
# Environment: PYTHON (default python3, 3.11+), BUILD_DIR (default build/linux), DIST_DIR
# (default dist), DEB_COMPRESSION (dpkg-deb -Z: xz default, gzip is faster), FRESH_VENV=1 to
# recreate the build venv, EXTRAS (project extras to bundle, e.g. "postgres" for team
# databases on PostgreSQL: +10 MB). Needs dpkg-deb and dpkg-shlibdeps (dpkg-dev) for step 3
# (skipped with a note without dpkg-deb), patchelf, and the system libraries Qt links but the
# bundle does not carry (BUILD_PACKAGES below): as root they are installed with apt-get when
# missing, otherwise the build stops and names them.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PYTHON=${PYTHON:-python3}
BUILD_DIR=$(mkdir -p "${BUILD_DIR:-$ROOT/build/linux}" && cd "${BUILD_DIR:-$ROOT/build/linux}" && pwd)
DIST_DIR=$(mkdir -p "${DIST_DIR:-$ROOT/dist}" && cd "${DIST_DIR:-$ROOT/dist}" && pwd)
VENV=$BUILD_DIR/venv
APP=factcheck-compare
APP_ID=org.factcheck.Compare
# Exactly the PyInstaller the bundle was tested with (same pin in the Windows and macOS scripts;
# tests/packaging checks they agree). Raise it deliberately, then re-run the smoke tests.
PYINSTALLER_SPEC='pyinstaller==6.22.3'
# Debian packages the build machine needs: the tools, and the libraries Qt's xcb/Wayland plugins
# link that PyInstaller leaves to the system (so they must be installed for PyInstaller to skip
# them knowingly and for dpkg-shlibdeps to turn them into Depends).
BUILD_PACKAGES=(dpkg-dev patchelf libegl1 libgl1 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4
  libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-shape0 libxcb-randr0 libwayland-client0
  libwayland-cursor0 libwayland-egl1 libfontconfig1 libdbus-1-3)
# Fonts: the bundle carries libfontconfig, which reads the system's /etc/fonts configuration
# (fontconfig-config) and needs at least one font to draw with.
FONT_DEPENDS='fontconfig-config, fonts-dejavu-core'

step() { printf '\n== %s (%ss)\n' "$1" "$SECONDS"; }
# pip's and setuptools' chatter goes to a log, shown only when the command fails.
quiet() {
  "$@" >>"$BUILD_DIR/pip.log" 2>&1 || { tail -n 40 "$BUILD_DIR/pip.log" >&2; echo "failed: $*" >&2; exit 1; }
}

step "build machine"
if command -v dpkg >/dev/null; then
  need=()
  for pkg in "${BUILD_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'ok installed' || need+=("$pkg")
  done
  if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "installing ${need[*]}"
      { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"; } \
        >>"$BUILD_DIR/apt.log" 2>&1 || { tail -n 20 "$BUILD_DIR/apt.log" >&2; exit 1; }
    else
      echo "missing system packages (install them, e.g. sudo apt-get install ${need[*]})" >&2
      exit 1
    fi
  fi
fi
command -v patchelf >/dev/null || { echo "patchelf is needed (apt-get install patchelf)" >&2; exit 1; }

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
# The exact tested versions (constraints.txt), so an installer never ships an untested set.
quiet "$VENV/bin/python" -m pip install -c "$ROOT/constraints.txt" "$TARGET"
quiet "$VENV/bin/python" -m pip install --force-reinstall --no-deps "$ROOT"  # same version, new code
VERSION=$("$VENV/bin/python" -c 'import factcheck_gui; print(factcheck_gui.__version__)')
# Debian orders 1.0~rc1 before 1.0; PEP 440 writes 1.0rc1 / 1.0.dev1.
DEB_VERSION=$(printf '%s' "$VERSION" | sed -E 's/\.?(dev|a|b|rc)([0-9]*)/~\1\2/')
ARCH=$(dpkg --print-architecture 2>/dev/null || uname -m)
MAINTAINER='Factcheck Compare developers <factcheck-compare@users.noreply.github.com>'
# One date for the build's dated files (reproducible with SOURCE_DATE_EPOCH).
BUILD_EPOCH=${SOURCE_DATE_EPOCH:-$(date +%s)}
BUILD_DATE=$(date -u -d "@$BUILD_EPOCH" +%F)
echo "version $VERSION (deb $DEB_VERSION), arch $ARCH"

step "PyInstaller bundle"
(cd "$ROOT" && "$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
   --distpath "$BUILD_DIR/dist" --workpath "$BUILD_DIR/work" packaging/factcheck.spec)
BUNDLE=$BUILD_DIR/dist/$APP
[ -x "$BUNDLE/factcheck" ] && [ -x "$BUNDLE/factcheck-gui" ] || { echo "bundle incomplete" >&2; exit 1; }

# ELF files of the bundle (executables and shared objects, not symlinks).
bundle_elves() {
  find "$BUNDLE" -type f \( -name '*.so' -o -name '*.so.*' -o -perm -u+x \) -print0 |
    while IFS= read -r -d '' f; do [ "$(head -c 4 "$f")" = $'\x7fELF' ] && printf '%s\0' "$f"; done
}
# Search paths of the build machine (pyenv's or setup-python's lib folder, baked into libpython
# and the stdlib extension modules) mean nothing on a user's machine and could load a stranger's
# library from there: keep only the bundle-relative $ORIGIN entries.
fixed=0
while IFS= read -r -d '' f; do
  rpath=$(patchelf --print-rpath "$f" 2>/dev/null) || continue
  [ -n "$rpath" ] || continue
  keep=$(tr ':' '\n' <<<"$rpath" | grep -E '^\$(ORIGIN|\{ORIGIN\})' | paste -sd: - || true)
  if [ "$keep" != "$rpath" ]; then
    if [ -n "$keep" ]; then patchelf --set-rpath "$keep" "$f"; else patchelf --remove-rpath "$f"; fi
    fixed=$((fixed + 1))
  fi
done < <(bundle_elves)
echo "build-machine search paths removed from $fixed ELF files"
# Shared libraries are not programs: no execute bit (PyInstaller copies them 0755).
find "$BUNDLE" -type f \( -name '*.so' -o -name '*.so.*' \) -exec chmod 0644 {} +
# Nothing may point at a file the spec's filters removed, and GNU readline (GPL-3.0) stays out.
dangling=$(find "$BUNDLE" -xtype l)
[ -z "$dangling" ] || { printf 'dangling symlinks in the bundle:\n%s\n' "$dangling" >&2; exit 1; }
gpl=$(find "$BUNDLE" \( -iname 'libreadline*' -o -iname 'readline.*' -o -iname 'libhistory*' \))
[ -z "$gpl" ] || { printf 'GNU readline in the bundle:\n%s\n' "$gpl" >&2; exit 1; }
[ -s "$BUNDLE/_internal/licenses/INDEX.txt" ] || { echo "bundle has no licenses/INDEX.txt" >&2; exit 1; }
# Sizes are the bytes of the files (apparent size), in MiB and in decimal MB.
size_of() { du -sb "$1" | awk '{printf "%.1f MiB = %.1f MB", $1 / 1048576, $1 / 1e6}'; }
echo "bundle: $BUNDLE ($(size_of "$BUNDLE"))"

# Desktop integration files, shared by the .deb and the tarball (share/ mirrors /usr/share).
stage_share() {  # $1: destination "share" folder
  local share=$1 size
  install -Dm644 "$ROOT/packaging/linux/$APP_ID.desktop" "$share/applications/$APP_ID.desktop"
  install -d "$share/metainfo"
  # <releases> from CHANGELOG.md; a version without a CHANGELOG heading yet is a development build.
  "$VENV/bin/python" "$ROOT/packaging/linux/metainfo_releases.py" --build "$VERSION" --date "$BUILD_DATE" \
    -o "$share/metainfo/$APP_ID.metainfo.xml"
  chmod 644 "$share/metainfo/$APP_ID.metainfo.xml"
  for png in "$ROOT"/packaging/icons/png/*.png; do
    size=$(basename "$png" .png)
    install -Dm644 "$png" "$share/icons/hicolor/${size}x${size}/apps/$APP_ID.png"
  done
  install -Dm644 "$ROOT/resources/icons/factcheck-gui.svg" "$share/icons/hicolor/scalable/apps/$APP_ID.svg"
}

# Depends: what dpkg-shlibdeps makes of every ELF file in the package, run the way a Debian
# source package would (a debian/control beside the staged tree, whose DEBIAN/ folder marks the
# package root). The bundle's own libraries are found there through -l (paths as installed), so
# only the system libraries it links but does not carry turn into dependencies, each with the
# minimum version its symbols need (libc6 (>= 2.36) on Debian 12: the glibc of the build machine).
shlibs_depends() {  # $1: staged package root
  local stage=$1 work=$BUILD_DIR/shlibdeps dirs=() elves=() out
  rm -rf "$work" && mkdir -p "$work/debian"
  printf 'Source: %s\n\nPackage: %s\nArchitecture: any\n' "$APP" "$APP" > "$work/debian/control"
  while IFS= read -r dir; do dirs+=("-l$dir"); done < <(
    cd "$stage" && find opt -type f \( -name '*.so' -o -name '*.so.*' \) -printf '/%h\n' | sort -u)
  while IFS= read -r -d '' f; do elves+=("$f"); done < <(BUNDLE=$stage/opt/$APP bundle_elves)
  if ! out=$(cd "$work" && dpkg-shlibdeps -O "${dirs[@]}" "${elves[@]}" 2>"$work/stderr"); then
    grep -v 'warning:' "$work/stderr" >&2 || true
    echo "dpkg-shlibdeps failed (a library the bundle links is not installed? see above)" >&2
    return 1
  fi
  sed -n 's/^shlibs:Depends=//p' <<<"$out"
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
  # A native package's changelog: one entry for this version, pointing at the project's own.
  {
    printf '%s (%s) stable; urgency=medium\n\n' "$APP" "$DEB_VERSION"
    printf '  * Factcheck Compare %s. The changes are listed in CHANGELOG.md of the\n' "$VERSION"
    printf '    project: https://github.com/factcheck-compare/factcheck-compare\n\n'
    printf ' -- %s  %s\n' "$MAINTAINER" "$(date -u -R -d "@$BUILD_EPOCH")"
  } | gzip -9n > "$STAGE/usr/share/doc/$APP/changelog.gz"
  chmod 644 "$STAGE/usr/share/doc/$APP/changelog.gz"
  for page in "$ROOT"/packaging/linux/*.1; do
    install -d "$STAGE/usr/share/man/man1"
    gzip -9n < "$page" > "$STAGE/usr/share/man/man1/$(basename "$page").gz"
    chmod 644 "$STAGE/usr/share/man/man1/$(basename "$page").gz"
  done
  # What lintian reports that is inherent to a self-contained bundle under /opt (each with why).
  install -Dm644 "$ROOT/packaging/lintian-overrides" "$STAGE/usr/share/lintian/overrides/$APP"
  DEPENDS="$(shlibs_depends "$STAGE"), $FONT_DEPENDS"
  cat > "$STAGE/DEBIAN/control" <<EOF
Package: $APP
Version: $DEB_VERSION
Architecture: $ARCH
Maintainer: $MAINTAINER
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
  # md5sums of every file, as dpkg --verify and debsums check them.
  (cd "$STAGE" && find . -path ./DEBIAN -prune -o -type f -print0 | LC_ALL=C sort -z |
     xargs -0 md5sum | sed 's#  \./#  #') > "$STAGE/DEBIAN/md5sums"
  chmod 644 "$STAGE/DEBIAN/control" "$STAGE/DEBIAN/md5sums"
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

# The artefacts of this build only (not an older SHA256SUMS, nor other versions' files).
(cd "$DIST_DIR" && sha256sum -- "$(basename "$TARBALL")" ${DEB:+"$(basename "$DEB")"} > "SHA256SUMS-linux-$VERSION")
step "done"
ls -l "$DIST_DIR"
