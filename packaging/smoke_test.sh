#!/usr/bin/env bash
# Smoke-test the BUILT Linux artefacts (never the source tree's code):
#   bash packaging/smoke_test.sh [BUNDLE_DIR] [DEB] [TARBALL]
# Defaults: build/linux/dist/factcheck-compare, the newest dist/*.deb and dist/*.tar.gz.
#
# Everything runs as an unprivileged user (nobody) with a clean environment and an empty home,
# the way a fact-checker's first start looks: the install folder is read-only to them and the
# user data folder does not exist yet. The bundle is copied elsewhere first, so nothing depends
# on the path it was built at. The .deb part (dpkg -i, launchers in /usr/bin, dpkg -r) needs
# root and is skipped with a note otherwise; so is lintian on the .deb, which must report no
# error beyond those packaging/lintian-overrides explains (lintian is installed with apt-get
# when missing and we are root). Prints "ok"/"not ok" per check and a closing
# "N passed, N failed" line; exit status 1 if any check failed.
set -uo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUNDLE=${1:-$ROOT/build/linux/dist/factcheck-compare}
DEB=${2:-$(ls -t "$ROOT"/dist/factcheck-compare_*.deb 2>/dev/null | head -n 1)}
TARBALL=${3:-$(ls -t "$ROOT"/dist/factcheck-compare-*-linux-*.tar.gz 2>/dev/null | head -n 1)}
CHECK_CONTRACT=${CHECK_CONTRACT:-$ROOT/../shared/tools/check_contract.py}
[ -f "$CHECK_CONTRACT" ] || CHECK_CONTRACT=/work/shared/tools/check_contract.py
EXPECTED_VERSION=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$ROOT/factcheck_gui/__init__.py")
SAMPLES=$ROOT/resources/samples
GUI_TIMEOUT=${GUI_TIMEOUT:-120}

passed=0 failed=0 skipped=0
ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() { failed=$((failed + 1)); echo "not ok - $1"; [ -n "${2:-}" ] && sed 's/^/    /' <<<"$2" | head -n 25; }
skip() { skipped=$((skipped + 1)); echo "skip - $1"; }

[ -x "$BUNDLE/factcheck" ] || { echo "no bundle at $BUNDLE: run packaging/build_linux.sh first" >&2; exit 2; }

T=$(mktemp -d /tmp/factcheck-smoke.XXXXXX)
chmod 755 "$T"
trap 'rm -rf "$T"' EXIT
mkdir -p "$T/home" "$T/run" "$T/work"
cp "$SAMPLES/original.txt" "$SAMPLES/rewrite.txt" "$T/work/"

# The user everything runs as: nobody when we are root, else ourselves (then the read-only
# check relies on chmod alone, which is what an unprivileged user sees anyway).
if [ "$(id -u)" = 0 ]; then
  chown -R 65534:65534 "$T/home" "$T/run" "$T/work"
  AS_USER=(setpriv --reuid=65534 --regid=65534 --clear-groups --)
else
  AS_USER=()
fi
chmod 700 "$T/run"

# run LABEL CMD...: run as the user in a clean environment; sets OUT, ERR, RC.
run() {
  local label=$1; shift
  "${AS_USER[@]}" env -i PATH=/usr/bin:/bin HOME="${RUN_HOME:-$T/home}" LANG=C.UTF-8 \
    XDG_RUNTIME_DIR="$T/run" QT_QPA_PLATFORM=offscreen "$@" \
    >"$T/$label.out" 2>"$T/$label.err" </dev/null
  RC=$?
  OUT=$(cat "$T/$label.out"); ERR=$(cat "$T/$label.err")
}

# --- the bundle, installed read-only somewhere else ----------------------------------------
INSTALL=$T/install/factcheck-compare
mkdir -p "$T/install" && cp -a "$BUNDLE" "$INSTALL" && chmod -R a-w "$INSTALL"
(cd "$INSTALL" && find . | sort) >"$T/files.before"

# `factcheck --version` prints "factcheck X.Y.Z", possibly followed by " (comparison engine …)":
# the comparisons below take the text before " (".
check_cli() {  # $1: how to call factcheck, $2: label
  local fc=$1 where=$2
  run version "$fc" --version
  if [ $RC = 0 ] && [ "${OUT%% (*}" = "factcheck $EXPECTED_VERSION" ]; then ok "$where: factcheck --version says $EXPECTED_VERSION"
  else not_ok "$where: factcheck --version (rc=$RC)" "$OUT$ERR"; fi

  run compare "$fc" compare "$T/work/original.txt" "$T/work/rewrite.txt" --format json
  if [ $RC != 0 ]; then not_ok "$where: compare the demo pair (rc=$RC)" "$ERR"
  elif [ -f "$CHECK_CONTRACT" ]; then
    if msg=$(python3 "$CHECK_CONTRACT" "$T/work/original.txt" "$T/work/rewrite.txt" "$T/compare.out" 2>&1)
    then ok "$where: compare --format json meets factcheck.compare/1 (check_contract.py)"
    else not_ok "$where: compare JSON breaks the contract" "$msg"; fi
  elif python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["schema"]=="factcheck.compare/1" and d["changes"]' "$T/compare.out"
  then ok "$where: compare --format json gives factcheck.compare/1 with changes"
  else not_ok "$where: compare JSON is not factcheck.compare/1"; fi
}

check_cli "$INSTALL/factcheck" "bundle"

# What the bundle carries besides the app: licence texts, no GNU readline, no dangling links.
dangling=$(find "$INSTALL" -xtype l)
if [ -z "$dangling" ]; then ok "bundle: no dangling symlinks"
else not_ok "bundle: dangling symlinks" "$dangling"; fi
gpl=$(find "$INSTALL" \( -iname 'libreadline*' -o -iname 'readline.*' -o -iname 'libhistory*' \))
if [ -z "$gpl" ]; then ok "bundle: no GNU readline (GPL-3.0)"
else not_ok "bundle: GNU readline is bundled" "$gpl"; fi
LIC=$INSTALL/_internal/licenses
missing_lic=
for pattern in "PySide6_Essentials-*/LGPL-3.0.txt" "PySide6_Essentials-*/GPL-3.0.txt" "shiboken6-*/LGPL-3.0.txt" \
               "Python-*/LICENSE.txt" "OpenSSL-*/LICENSE.txt" "factcheck-compare-*/LICENSE" "SQLAlchemy-*/LICENSE"; do
  compgen -G "$LIC/$pattern" >/dev/null || missing_lic="$missing_lic $pattern"
done
if [ -s "$LIC/INDEX.txt" ] && [ -z "$missing_lic" ] && grep -q "^PySide6_Essentials .*" "$LIC/INDEX.txt"
then ok "bundle: licenses/ holds INDEX.txt and the Qt (LGPL-3.0), PSF, OpenSSL and MIT texts ($(ls "$LIC" | wc -l) entries)"
else not_ok "bundle: licence texts missing:${missing_lic:- INDEX.txt}"; fi
undocumented=
for d in "$LIC"/*/; do
  d=$(basename "$d")
  grep -q "  text:    $d/" "$LIC/INDEX.txt" || undocumented="$undocumented $d"
done
if [ -z "$undocumented" ]; then ok "bundle: every licence folder is in INDEX.txt"
else not_ok "bundle: licence folders missing from INDEX.txt:$undocumented"; fi

run badinput "$INSTALL/factcheck" compare "$T/work/missing.txt" "$T/work/rewrite.txt"
if [ $RC = 2 ] && [ "$(wc -l <"$T/badinput.err")" = 1 ] && ! grep -q Traceback "$T/badinput.err"
then ok "bundle: a missing input file gives exit 2 and one line"
else not_ok "bundle: missing input file (rc=$RC)" "$ERR"; fi

# Every importer, frozen: trafilatura + lxml (HTML), python-docx, pypdf, markdown-it, email.
for name in article.html story.docx story.pdf story.md story.eml; do
  f=$ROOT/tests/data/importers/$name ext=${name##*.}
  if [ ! -f "$f" ]; then skip "bundle: no $name under tests/data/importers"; continue; fi
  cp "$f" "$T/work/sample.$ext" && chmod a+r "$T/work/sample.$ext"
  run "import-$ext" "$INSTALL/factcheck" compare "$T/work/sample.$ext" "$T/work/sample.$ext" --format json
  if [ $RC = 0 ] && python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["original"]["claims"]' "$T/import-$ext.out" 2>/dev/null
  then ok "bundle: imports $name"
  else not_ok "bundle: import of $name (rc=$RC)" "$ERR"; fi
done

# Resources and migrations are files in the bundle, where importlib.resources and Alembic look.
for rel in factcheck_gui/data/samples/original.txt factcheck_gui/data/samples/rewrite.txt; do
  if [ -f "$INSTALL/_internal/$rel" ]; then ok "bundle carries $rel"; else not_ok "bundle lacks $rel"; fi
done
if [ -f "$ROOT/factcheck_gui/store/migrations/env.py" ]; then
  for f in "$ROOT"/factcheck_gui/store/migrations/env.py "$ROOT"/factcheck_gui/store/migrations/versions/*.py; do
    rel=${f#"$ROOT"/}
    if [ -f "$INSTALL/_internal/$rel" ]; then ok "bundle carries $rel"; else not_ok "bundle lacks $rel"; fi
  done
else
  skip "no Alembic migrations in the source tree yet"
fi

# The review store: first run with no user data folder; the database appears in it.
run reviewhelp "$INSTALL/factcheck" review --help
if [ $RC != 0 ] && grep -q "invalid choice: 'review'" "$T/reviewhelp.err"; then
  skip "bundle: this build has no 'factcheck review' command yet"
elif [ $RC != 0 ]; then
  not_ok "bundle: factcheck review --help (rc=$RC)" "$ERR"
else
  run reviewnew "$INSTALL/factcheck" review new "$T/work/original.txt" "$T/work/rewrite.txt" --title smoke --json
  if [ $RC = 0 ]; then ok "bundle: review new on a first run (no user data folder yet)"
  else not_ok "bundle: review new on a first run (rc=$RC)" "$ERR"; fi
  run reviewlist "$INSTALL/factcheck" review list --json
  if [ $RC = 0 ] && grep -q smoke "$T/reviewlist.out"; then ok "bundle: review list finds it again"
  else not_ok "bundle: review list (rc=$RC)" "$OUT$ERR"; fi
  # PDF export goes through QtGui from the console program: Qt in the CLI path, offscreen.
  rid=$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(d if isinstance(d,int) else d.get("id", d.get("review_id")))' "$T/reviewnew.out" 2>/dev/null)
  run exportpdf "$INSTALL/factcheck" export "$rid" --format pdf -o "$T/work/review.pdf"
  if [ $RC = 0 ] && [ "$(head -c 5 "$T/work/review.pdf" 2>/dev/null)" = "%PDF-" ]; then ok "bundle: export --format pdf writes a PDF"
  else not_ok "bundle: export review $rid as PDF (rc=$RC)" "$OUT$ERR"; fi
  if [ -n "$(find "$T/home" -name '*.db' -o -name '*.sqlite*')" ]; then ok "bundle: the database lives under the user's home"
  else not_ok "bundle: no database file under the user's home" "$(find "$T/home")"; fi
fi

# First start on a machine with an older database: the app upgrades it and keeps a backup.
# The old database is made with the SOURCE install (make_old_db.py), the upgrade is done by the
# bundle (its start page opens the default database).
SRC_PY=
for c in "${SOURCE_PYTHON:-}" "$ROOT/.venv/bin/python" /work/venv/bin/python python3; do
  if [ -n "$c" ] && "$c" -c 'import factcheck_gui.store.schema, alembic' 2>/dev/null; then SRC_PY=$c; break; fi
done
if [ -z "$SRC_PY" ]; then
  skip "old-database upgrade: no source install to make the old database with (set SOURCE_PYTHON)"
else
  OLD_HOME=$T/oldhome
  mkdir -p "$OLD_HOME"
  DB=$(env -i HOME="$OLD_HOME" "$SRC_PY" -c 'from pathlib import Path; from platformdirs import user_data_dir
from factcheck_gui.store.paths import APP_DIR_NAME, DB_FILE_NAME
print(Path(user_data_dir(APP_DIR_NAME)) / DB_FILE_NAME)' 2>"$T/olddb.err")
  if [ -z "$DB" ]; then
    not_ok "old-database upgrade: could not name the default database path" "$(cat "$T/olddb.err")"
  elif revs=$("$SRC_PY" "$ROOT/packaging/make_old_db.py" "$DB" 2>"$T/olddb.err"); then
    read -r OLD_REV HEAD_REV <<<"$revs"
    [ "$(id -u)" = 0 ] && chown -R 65534:65534 "$OLD_HOME"
    RUN_HOME=$OLD_HOME run upgrade timeout "$GUI_TIMEOUT" "$INSTALL/factcheck-gui" --quit-after 300
    now=$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select version_num from alembic_version").fetchone()[0])' "$DB" 2>&1)
    kept=$(python3 - "$DB" <<'PY' 2>&1
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
tables = [r[0] for r in con.execute("select name from sqlite_master where type='table'")]
print(any("before upgrade" in map(str, row) for t in tables for row in con.execute(f'select * from "{t}"')))
PY
)
    backups=$(find "$(dirname "$DB")" -name "*.schema-$OLD_REV.bak" | wc -l)
    if [ "$OLD_REV" = "$HEAD_REV" ]; then skip "old-database upgrade: only one schema revision so far"
    elif [ $RC = 0 ] && [ "$now" = "$HEAD_REV" ] && [ "$kept" = True ] && [ "$backups" = 1 ]
    then ok "bundle: a schema-$OLD_REV database is upgraded to $HEAD_REV on first start, review kept, backup beside it"
    else not_ok "bundle: upgrading a schema-$OLD_REV database (rc=$RC, now=$now, review kept=$kept, backups=$backups)" "$ERR"; fi
  else
    not_ok "old-database upgrade: make_old_db.py failed" "$(cat "$T/olddb.err")"
  fi
fi

# The GUI, offscreen: the demo pair, then two files given on the command line.
if run guihelp "$INSTALL/factcheck-gui" --help && [ $RC = 0 ]; then
  run gui timeout "$GUI_TIMEOUT" "$INSTALL/factcheck-gui" --demo --quit-after 1500
  if [ $RC = 0 ] && ! grep -q Traceback "$T/gui.err"; then ok "bundle: factcheck-gui --demo shows the window and exits 0"
  else not_ok "bundle: factcheck-gui --demo (rc=$RC)" "$ERR"; fi
  run gui2 timeout "$GUI_TIMEOUT" "$INSTALL/factcheck-gui" "$T/work/original.txt" "$T/work/rewrite.txt" --quit-after 1500
  if [ $RC = 0 ] && ! grep -q Traceback "$T/gui2.err"; then ok "bundle: factcheck-gui ORIGINAL REWRITE opens them and exits 0"
  else not_ok "bundle: factcheck-gui ORIGINAL REWRITE (rc=$RC)" "$ERR"; fi
  # One file, as a desktop's "Open with" passes it (%F): the start page with it as the original
  # (--quit-after closes once it is imported there; an import failure exits 1).
  run gui1 timeout "$GUI_TIMEOUT" "$INSTALL/factcheck-gui" "$T/work/original.txt" --quit-after 1500
  if [ $RC = 0 ] && ! grep -q -e Traceback -e "give both" "$T/gui1.err"; then ok "bundle: factcheck-gui ONE-FILE opens it as the original and exits 0"
  else not_ok "bundle: factcheck-gui ONE-FILE (rc=$RC)" "$ERR"; fi
  # File → Export runs the bundle's own `factcheck` as a child process: the frozen path.
  for out in review-gui.pdf review-gui.csv; do
    run guiexport timeout "$GUI_TIMEOUT" "$INSTALL/factcheck-gui" --demo --quit-after 100 --export-to "$T/work/$out"
    if [ $RC = 0 ] && [ -s "$T/work/$out" ] && ! grep -q Traceback "$T/guiexport.err"; then
      ok "bundle: the window's export (a child factcheck process) writes $out"
    else not_ok "bundle: the window's export to $out (rc=$RC)" "$ERR"; fi
  done
  if [ "$(head -c 5 "$T/work/review-gui.pdf" 2>/dev/null)" = "%PDF-" ] && grep -q "change_id" "$T/work/review-gui.csv" 2>/dev/null
  then ok "bundle: the window's exports are a real PDF and CSV"
  else not_ok "bundle: the window's exports are not a PDF and a CSV" "$(head -c 200 "$T/work/review-gui.csv" 2>/dev/null)"; fi
else
  not_ok "bundle: factcheck-gui --help (rc=$RC)" "$ERR"
fi

(cd "$INSTALL" && find . | sort) >"$T/files.after"
if diff -q "$T/files.before" "$T/files.after" >/dev/null; then ok "bundle: nothing was written into the install folder"
else not_ok "bundle: files appeared in the install folder" "$(diff "$T/files.before" "$T/files.after")"; fi

# --- the tarball ----------------------------------------------------------------------------
if [ -n "$TARBALL" ] && [ -f "$TARBALL" ]; then
  mkdir -p "$T/tar" && tar -C "$T/tar" -xzf "$TARBALL"
  fc=$(find "$T/tar" -maxdepth 2 -name factcheck \( -type f -o -type l \) | head -n 1)
  run tarversion "$fc" --version
  if [ $RC = 0 ] && [ "${OUT%% (*}" = "factcheck $EXPECTED_VERSION" ] && [ -f "$(dirname "$fc")/share/applications/org.factcheck.Compare.desktop" ]
  then ok "tarball: unpacks and runs ($(basename "$TARBALL"))"
  else not_ok "tarball: $(basename "$TARBALL") (rc=$RC)" "$OUT$ERR"; fi
  # install-user.sh from a folder with a space in its path, for a user whose home has one too:
  # the menu entry's Exec must still name the program (quoted) and start it.
  SPACED="$T/my apps"
  mkdir -p "$SPACED" "$T/home with space" && cp -a "$(dirname "$fc")" "$SPACED/"
  app_dir="$SPACED/$(basename "$(dirname "$fc")")"
  [ "$(id -u)" = 0 ] && chown -R 65534:65534 "$SPACED" "$T/home with space"
  RUN_HOME="$T/home with space" run installuser sh "$app_dir/install-user.sh"
  desktop="$T/home with space/.local/share/applications/org.factcheck.Compare.desktop"
  exec_line=$(grep '^Exec=' "$desktop" 2>/dev/null)
  if [ $RC = 0 ] && [ "$exec_line" = "Exec=\"$app_dir/factcheck-gui\" %F" ]; then
    ok "tarball: install-user.sh in a folder with a space quotes Exec ($exec_line)"
  else not_ok "tarball: install-user.sh in a folder with a space (rc=$RC)" "$exec_line$ERR"; fi
  if command -v desktop-file-validate >/dev/null; then
    if msg=$(desktop-file-validate "$desktop" 2>&1); then ok "tarball: the installed menu entry validates"
    else not_ok "tarball: desktop-file-validate on the installed menu entry" "$msg"; fi
  fi
  # Start it as the desktop would: the quoted path, %F expanded to one story.
  RUN_HOME="$T/home with space" run menuentry timeout "$GUI_TIMEOUT" "$app_dir/factcheck-gui" "$T/work/original.txt" --quit-after 500
  if [ $RC = 0 ] && ! grep -q Traceback "$T/menuentry.err"; then ok "tarball: the program in the spaced folder opens one file and exits 0"
  else not_ok "tarball: the program in the spaced folder (rc=$RC)" "$ERR"; fi
  RUN_HOME="$T/home with space" run removeuser sh "$app_dir/install-user.sh" --remove
  if [ $RC = 0 ] && [ ! -e "$desktop" ] && [ ! -e "$T/home with space/.local/bin/factcheck" ]; then ok "tarball: install-user.sh --remove undoes it"
  else not_ok "tarball: install-user.sh --remove (rc=$RC)" "$ERR"; fi
else
  skip "no tarball found"
fi

# --- the .deb: its metadata, lintian, then install, run the /usr/bin launchers, remove -------
if [ -n "$DEB" ] && [ -f "$DEB" ] && command -v dpkg-deb >/dev/null; then
  depends=$(dpkg-deb -f "$DEB" Depends)
  if grep -Eq '(^|, )libc6 \(>= [0-9.]+\)' <<<"$depends" && grep -q 'fontconfig-config' <<<"$depends" \
     && grep -q 'fonts-dejavu-core' <<<"$depends"; then
    ok "deb: Depends has a versioned libc6 and the fonts ($(grep -Eo 'libc6 \([^)]*\)' <<<"$depends"))"
  else not_ok "deb: Depends lacks a versioned libc6 or the font packages" "$depends"; fi
  if dpkg-deb -I "$DEB" md5sums >/dev/null 2>&1; then ok "deb: has an md5sums control file"
  else not_ok "deb: no md5sums control file"; fi
  # Read the whole file first: `grep -q` leaving a pipe early kills tar with SIGPIPE, and under
  # pipefail that turned a good file into a failure (the CI run of stop 21).
  copyright=$(dpkg-deb --fsys-tarfile "$DEB" | tar -xO ./usr/share/doc/factcheck-compare/copyright 2>/dev/null)
  if grep -Eq '^Copyright: [0-9]{4}' <<<"$copyright"; then ok "deb: copyright file with a year"
  else not_ok "deb: /usr/share/doc/factcheck-compare/copyright lacks a dated Copyright line"; fi
fi

# lintian: no error except the ones packaging/lintian-overrides explains (it is in the .deb).
if [ -n "$DEB" ] && [ -f "$DEB" ]; then
  if ! command -v lintian >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq lintian; } >"$T/apt-lintian.log" 2>&1
  fi
  if command -v lintian >/dev/null; then
    # lintian warns when run as root; it only reads the package. (Not --show-overrides: with it,
    # lintian 2.116 exits 2 for overridden errors.) An override that no longer matches anything
    # is reported as unused-override/mismatched-override and fails too: the list stays honest.
    lintian --fail-on error --tag-display-limit 0 --display-info "$DEB" >"$T/lintian.out" 2>"$T/lintian.err"
    RC=$?
    errors=$(grep -c '^E: ' "$T/lintian.out")
    overrides=$(grep -c '^factcheck-compare: ' "$ROOT/packaging/lintian-overrides")
    unused=$(grep -E '^[IWE]: .*(unused-override|mismatched-override)' "$T/lintian.out")
    if [ $RC = 0 ] && [ "$errors" = 0 ] && [ -z "$unused" ]; then
      ok "deb: lintian reports no error ($overrides overrides in packaging/lintian-overrides, $(grep -c '^W: ' "$T/lintian.out") warnings)"
    else not_ok "deb: lintian (rc=$RC, $errors errors)" "$(grep -E '^E: |override' "$T/lintian.out" | sort | uniq -c | sort -rn)$(cat "$T/lintian.err")"; fi
  else
    not_ok "deb: lintian is not installed (apt-get install lintian)" "$(tail -n 5 "$T/apt-lintian.log" 2>/dev/null)"
  fi
fi

if [ -z "$DEB" ] || [ ! -f "$DEB" ]; then
  skip "no .deb found"
elif [ "$(id -u)" != 0 ] || ! command -v dpkg >/dev/null; then
  skip ".deb install test needs root and dpkg"
else
  # As a user would: apt installs the Depends the package names (which proves they exist);
  # plain dpkg -i where there is no apt.
  if command -v apt-get >/dev/null; then
    install_cmd=(env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$(realpath "$DEB")")
    how="apt-get install ./$(basename "$DEB")"
  else
    install_cmd=(dpkg -i "$DEB")
    how="dpkg -i $(basename "$DEB")"
  fi
  if msg=$("${install_cmd[@]}" 2>&1); then
    ok "deb: $how (its Depends resolve)"
    if msg=$(dpkg --verify factcheck-compare 2>&1) && [ -z "$msg" ]; then ok "deb: dpkg --verify (md5sums) finds every file intact"
    else not_ok "deb: dpkg --verify factcheck-compare" "$msg"; fi
    dangling=$(find /opt/factcheck-compare /usr/bin/factcheck /usr/bin/factcheck-gui -xtype l 2>&1)
    if [ -z "$dangling" ]; then ok "deb: no dangling symlinks in the installed files"
    else not_ok "deb: dangling symlinks" "$dangling"; fi
    check_cli /usr/bin/factcheck "deb"
    if run guihelp2 /usr/bin/factcheck-gui --help && [ $RC = 0 ]; then
      run debgui timeout "$GUI_TIMEOUT" /usr/bin/factcheck-gui --demo --quit-after 1500
      if [ $RC = 0 ]; then ok "deb: /usr/bin/factcheck-gui --demo exits 0"
      else not_ok "deb: /usr/bin/factcheck-gui --demo (rc=$RC)" "$ERR"; fi
    else
      not_ok "deb: /usr/bin/factcheck-gui --help (rc=$RC)" "$ERR"
    fi
    for f in /usr/share/applications/org.factcheck.Compare.desktop \
             /usr/share/metainfo/org.factcheck.Compare.metainfo.xml \
             /usr/share/icons/hicolor/256x256/apps/org.factcheck.Compare.png \
             /usr/share/icons/hicolor/scalable/apps/org.factcheck.Compare.svg; do
      if [ -f "$f" ]; then ok "deb installs $f"; else not_ok "deb lacks $f"; fi
    done
    if command -v desktop-file-validate >/dev/null; then
      if msg=$(desktop-file-validate /usr/share/applications/org.factcheck.Compare.desktop 2>&1); then ok "deb: desktop-file-validate"
      else not_ok "deb: desktop-file-validate" "$msg"; fi
    fi
    if command -v appstreamcli >/dev/null; then
      if msg=$(appstreamcli validate --no-net /usr/share/metainfo/org.factcheck.Compare.metainfo.xml 2>&1); then ok "deb: appstreamcli validate"
      else not_ok "deb: appstreamcli validate" "$msg"; fi
    fi
    if [ -f /usr/share/lintian/overrides/factcheck-compare ] && [ -f /usr/share/doc/factcheck-compare/copyright ] \
       && [ -f /usr/share/doc/factcheck-compare/changelog.gz ] && [ -f /usr/share/man/man1/factcheck.1.gz ]; then
      ok "deb installs its copyright, changelog, man pages and lintian overrides"
    else not_ok "deb lacks copyright, changelog, man pages or lintian overrides"; fi
    if msg=$(dpkg -r factcheck-compare 2>&1) && [ ! -e /opt/factcheck-compare ] && [ ! -e /usr/bin/factcheck ] \
       && [ ! -e /usr/share/applications/org.factcheck.Compare.desktop ]
    then ok "deb: dpkg -r removes /opt/factcheck-compare and the launchers"
    else not_ok "deb: dpkg -r" "$msg"; fi
  else
    not_ok "deb: $how" "$msg"
  fi
fi

echo
echo "smoke: $passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
