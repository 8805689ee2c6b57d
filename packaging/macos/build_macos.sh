#!/usr/bin/env bash
# Build Factcheck Compare for macOS: "Factcheck Compare.app" from packaging/factcheck.spec and a
# compressed .dmg (hdiutil) with an Applications shortcut. Signs and notarises when the
# credentials are in the environment (see packaging/README.md, "macOS signing"):
#   MACOS_SIGN_IDENTITY   "Developer ID Application: Name (TEAMID)" in the login keychain
#   MACOS_NOTARY_PROFILE  a `xcrun notarytool store-credentials` profile name
#
#   bash packaging/macos/build_macos.sh      # → dist/FactcheckCompare-<version>-macos-<arch>.dmg
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=$ROOT/build/macos
DIST=$ROOT/dist
VENV=$BUILD/venv
mkdir -p "$BUILD" "$DIST"

[ -x "$VENV/bin/python" ] || "${PYTHON:-python3}" -m venv "$VENV"
"$VENV/bin/python" -m pip install -q --upgrade pip
"$VENV/bin/python" -m pip install -q 'pyinstaller==6.22.3'  # the exact pin of build_linux.sh
"$VENV/bin/python" -m pip install -q -c "$ROOT/constraints.txt" "$ROOT"  # the tested set
"$VENV/bin/python" -m pip install -q --force-reinstall --no-deps "$ROOT"
VERSION=$("$VENV/bin/python" -c 'import factcheck_gui; print(factcheck_gui.__version__)')
ARCH=$(uname -m)

# PyInstaller signs every binary it collects with the identity (ad hoc "-" without one) and
# the entitlements; notarisation also needs the hardened runtime, added when re-signing below.
export FACTCHECK_CODESIGN_IDENTITY=${MACOS_SIGN_IDENTITY:-}
export FACTCHECK_ENTITLEMENTS=$ROOT/packaging/macos/entitlements.plist
(cd "$ROOT" && "$VENV/bin/pyinstaller" --noconfirm --clean --log-level WARN \
   --distpath "$BUILD/dist" --workpath "$BUILD/work" packaging/factcheck.spec)
APP="$BUILD/dist/Factcheck Compare.app"
# Not a bare `[ a ] && [ b ]`: set -e ignores a failure anywhere but in the list's last command,
# so a missing factcheck-gui went unnoticed (and a missing factcheck only stopped the script
# without saying why).
if [ ! -x "$APP/Contents/MacOS/factcheck-gui" ] || [ ! -x "$APP/Contents/MacOS/factcheck" ]; then
  echo "app incomplete: $APP/Contents/MacOS lacks factcheck-gui or factcheck" >&2
  exit 1
fi

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  # Inside out: nested code first, then the two programs, then the bundle; with the hardened
  # runtime and a secure timestamp, both required by notarisation.
  find "$APP/Contents" -type f \( -name '*.so' -o -name '*.dylib' \) -print0 |
    xargs -0 codesign --force --timestamp --options runtime --sign "$MACOS_SIGN_IDENTITY"
  for exe in factcheck factcheck-gui; do
    codesign --force --timestamp --options runtime --entitlements "$FACTCHECK_ENTITLEMENTS" \
      --sign "$MACOS_SIGN_IDENTITY" "$APP/Contents/MacOS/$exe"
  done
  codesign --force --timestamp --options runtime --entitlements "$FACTCHECK_ENTITLEMENTS" \
    --sign "$MACOS_SIGN_IDENTITY" "$APP"
  codesign --verify --strict --deep --verbose=2 "$APP"
fi

# The disk image: the app and a shortcut to /Applications to drag it onto.
STAGE=$BUILD/dmg
rm -rf "$STAGE" && mkdir -p "$STAGE"
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"
DMG=$DIST/FactcheckCompare-$VERSION-macos-$ARCH.dmg
rm -f "$DMG"
hdiutil create -volname "Factcheck Compare $VERSION" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "$DMG"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
  codesign --force --timestamp --sign "$MACOS_SIGN_IDENTITY" "$DMG"
  if [ -n "${MACOS_NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit "$DMG" --keychain-profile "$MACOS_NOTARY_PROFILE" --wait
    xcrun stapler staple "$DMG"
    spctl --assess --type open --context context:primary-signature --verbose "$DMG"
  fi
fi
echo "app: $APP ($(du -sm "$APP" | cut -f1) MB)"
echo "dmg: $DMG ($(du -m "$DMG" | cut -f1) MB)"
