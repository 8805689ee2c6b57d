#!/bin/sh
# Install this unpacked tarball for the current user only (no root needed):
#   ./install-user.sh            put it in the applications menu and on PATH
#   ./install-user.sh --remove   undo that (the folder itself and your reviews stay)
# The app runs from wherever this folder is; move the folder first, then run this script.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data=${XDG_DATA_HOME:-$HOME/.local/share}
bin=$HOME/.local/bin
id=org.factcheck.Compare
if [ "${1:-}" = --remove ]; then
  rm -f "$bin/factcheck" "$bin/factcheck-gui" "$data/applications/$id.desktop" \
        "$data/metainfo/$id.metainfo.xml"
  find "$data/icons/hicolor" -name "$id.*" -delete 2>/dev/null || true
  echo "removed the menu entry and launchers"
  exit 0
fi
mkdir -p "$bin" "$data/applications"
ln -sf "$here/factcheck" "$bin/factcheck"
ln -sf "$here/factcheck-gui" "$bin/factcheck-gui"
cp -R "$here/share/icons" "$here/share/metainfo" "$data/"
# Exec by absolute path: ~/.local/bin is not on every desktop session's PATH.
sed "s#^Exec=factcheck-gui#Exec=$here/factcheck-gui#; s#^TryExec=factcheck-gui#TryExec=$here/factcheck-gui#" \
  "$here/share/applications/$id.desktop" > "$data/applications/$id.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$data/applications" || true
echo "installed: 'Factcheck Compare' in the applications menu; factcheck and factcheck-gui in $bin"
