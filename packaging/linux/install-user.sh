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
# Exec by absolute path: ~/.local/bin is not on every desktop session's PATH. The folder may
# hold spaces or other reserved characters, so the path is quoted as the Desktop Entry spec
# says: inside double quotes, \ " ` $ take a backslash, % is doubled (Exec only), and then
# every backslash is doubled once more for the string escaping of .desktop values (which is
# all TryExec, a plain path, gets).
case $here in
  *"
"*) echo "install-user.sh: the folder's path holds a line break; move it elsewhere first" >&2; exit 1 ;;
esac
gui=$here/factcheck-gui
exec_arg=$(printf '%s\n' "$gui" | sed -e 's/[\\"`$]/\\&/g' -e 's/%/%%/g' -e 's/\\/\\\\/g')
try_exec=$(printf '%s\n' "$gui" | sed -e 's/\\/\\\\/g')
EXEC_ARG="\"$exec_arg\"" TRY_EXEC=$try_exec awk '
  /^Exec=factcheck-gui( |$)/ { print "Exec=" ENVIRON["EXEC_ARG"] substr($0, length("Exec=factcheck-gui") + 1); next }
  /^TryExec=factcheck-gui$/ { print "TryExec=" ENVIRON["TRY_EXEC"]; next }
  { print }
' "$here/share/applications/$id.desktop" > "$data/applications/$id.desktop"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$data/applications" || true
echo "installed: 'Factcheck Compare' in the applications menu; factcheck and factcheck-gui in $bin"
