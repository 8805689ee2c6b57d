"""The Linux desktop integration files, icons and installer scripts are valid and consistent."""

from __future__ import annotations

import configparser
import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PKG = ROOT / "packaging"
APP_ID = "org.factcheck.Compare"
DESKTOP = PKG / "linux" / f"{APP_ID}.desktop"
METAINFO = PKG / "linux" / f"{APP_ID}.metainfo.xml"


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def test_desktop_entry_launches_the_gui_with_files() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Exec"].split()[0] == "factcheck-gui"
    assert entry["Exec"].split()[1] in {"%f", "%F", "%u", "%U"}
    assert entry["Icon"] == APP_ID
    assert entry["Terminal"] == "false"
    assert "text/plain" in entry["MimeType"].split(";")


@pytest.mark.skipif(not shutil.which("desktop-file-validate"), reason="desktop-file-utils not installed")
def test_desktop_file_validates() -> None:
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout


def test_metainfo_names_the_desktop_file_and_both_binaries() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == f"{APP_ID}.desktop"
    assert {b.text for b in root.iter("binary")} == {"factcheck", "factcheck-gui"}
    # <releases> comes from CHANGELOG.md (test_metainfo_releases.py); build_linux.sh adds the
    # version being built when the CHANGELOG has no heading for it yet.
    assert root.find("releases") is not None


def test_metainfo_has_a_page_worth_showing() -> None:
    root = ET.parse(METAINFO).getroot()
    urls = {u.get("type"): u.text for u in root.iter("url")}
    assert urls["homepage"].startswith("https://") and urls["bugtracker"].startswith(urls["homepage"])
    developer = root.find("developer")
    assert developer is not None and developer.get("id") and developer.findtext("name")
    images = [s.findtext("image") for s in root.iter("screenshot")]
    assert images and all(
        i.startswith(urls["homepage"].replace("github.com", "raw.githubusercontent.com")) for i in images
    )
    for image in images:  # each names a screenshot that exists in docs/screenshots
        assert (ROOT / "docs" / "screenshots" / image.rsplit("/", 1)[1]).is_file(), image
    assert [s.get("type") for s in root.iter("screenshot")].count("default") == 1


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream not installed")
def test_metainfo_validates(tmp_path: Path) -> None:
    import sys

    target = tmp_path / METAINFO.name
    subprocess.run(
        [
            sys.executable,
            str(PKG / "linux" / "metainfo_releases.py"),
            "--build",
            "1.0.0",
            "--date",
            "2025-01-01",
            "-o",
            str(target),
        ],
        check=True,
    )
    for path in (METAINFO, target):  # as in the repository, and as a build ships it
        result = subprocess.run(
            ["appstreamcli", "validate", "--no-net", str(path)], capture_output=True, text=True
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_hicolor_pngs_have_the_size_their_name_says() -> None:
    pngs = sorted((PKG / "icons" / "png").glob("*.png"))
    assert {p.stem for p in pngs} >= {"16", "32", "48", "64", "128", "256", "512"}
    for png in pngs:
        head = png.read_bytes()[:24]
        assert head[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = struct.unpack(">II", head[16:24])
        assert width == height == int(png.stem), png


def test_windows_and_macos_icons_are_real_files() -> None:
    ico = (PKG / "icons" / "factcheck-compare.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", ico[:6])
    assert (reserved, kind) == (0, 1) and count >= 5
    icns = (PKG / "icons" / "factcheck-compare.icns").read_bytes()
    assert icns[:4] == b"icns" and struct.unpack(">I", icns[4:8])[0] == len(icns)


def test_inno_setup_uninstaller_keeps_the_review_database() -> None:
    iss = (PKG / "windows" / "factcheck.iss").read_text(encoding="utf-8")
    assert re.search(r"^PrivilegesRequired=lowest", iss, re.M)  # per-user, no admin prompt
    assert re.search(
        r'^Name: "\{autoprograms\}\\Factcheck Compare"; Filename: "\{app\}\\factcheck-gui\.exe"', iss, re.M
    )
    # Nothing that deletes the user's data folder on uninstall.
    for section in re.findall(r"^\[UninstallDelete\](.*?)(?=^\[|\Z)", iss, re.M | re.S):
        assert "appdata" not in section.lower()
        assert "factcheck-compare" not in section.lower() or "{app}" in section


def test_every_script_the_release_workflow_calls_exists() -> None:
    workflow = (ROOT / ".github" / "workflows" / "release.yml").read_text(encoding="utf-8")
    called = set(re.findall(r"packaging/[\w./-]+\.(?:sh|ps1|iss|spec|py)", workflow))
    assert called, "the workflow calls no packaging script"
    missing = sorted(c for c in called if not (ROOT / c).is_file())
    assert missing == []
