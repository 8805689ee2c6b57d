#!/usr/bin/env bash
# Smoke-test the BUILT macOS app (not the source): version, compare JSON, GUI offscreen, and the
# .dmg mounts and carries the app.   bash packaging/macos/smoke_test.sh
set -uo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
APP="${1:-$ROOT/build/macos/dist/Factcheck Compare.app}"
DMG=${2:-$(ls -t "$ROOT"/dist/FactcheckCompare-*-macos-*.dmg 2>/dev/null | head -n 1)}
EXPECTED=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$ROOT/factcheck_gui/__init__.py")
export QT_QPA_PLATFORM=offscreen HOME
HOME=$(mktemp -d)  # a first run: no user data folder yet
passed=0 failed=0
check() { if eval "$2"; then passed=$((passed + 1)); echo "ok - $1"; else failed=$((failed + 1)); echo "not ok - $1"; fi; }

FC="$APP/Contents/MacOS/factcheck"
# "factcheck X.Y.Z", possibly followed by " (comparison engine …)"
check "factcheck --version" 'v=$("$FC" --version) && [ "${v%% (*}" = "factcheck $EXPECTED" ]'
check "compare JSON" '"$FC" compare "$ROOT/resources/samples/original.txt" "$ROOT/resources/samples/rewrite.txt" --format json |
  python3 -c "import json,sys; d=json.load(sys.stdin); assert d[\"schema\"]==\"factcheck.compare/1\" and d[\"changes\"]"'
check "factcheck-gui --demo exits 0" '"$APP/Contents/MacOS/factcheck-gui" --demo --quit-after 1500'
# File → Export runs the app's own `factcheck` as a child process: the frozen path.
check "the window's export writes a PDF" '"$APP/Contents/MacOS/factcheck-gui" --demo --quit-after 100 --export-to "$HOME/review-gui.pdf" &&
  [ "$(head -c 5 "$HOME/review-gui.pdf")" = "%PDF-" ]'
if [ -n "$DMG" ]; then
  MNT=$(mktemp -d)
  check "dmg mounts and holds the app" 'hdiutil attach -nobrowse -readonly -mountpoint "$MNT" "$DMG" >/dev/null &&
    [ -x "$MNT/Factcheck Compare.app/Contents/MacOS/factcheck-gui" ]'
  hdiutil detach "$MNT" >/dev/null 2>&1 || true
fi
echo "smoke: $passed passed, $failed failed"
[ "$failed" = 0 ]
