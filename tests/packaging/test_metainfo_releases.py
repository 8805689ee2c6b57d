"""The AppStream <releases> follow CHANGELOG.md (packaging/linux/metainfo_releases.py)."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "linux" / "metainfo_releases.py"
METAINFO = ROOT / "packaging" / "linux" / "org.factcheck.Compare.metainfo.xml"

_spec = importlib.util.spec_from_file_location("metainfo_releases", SCRIPT)
assert _spec and _spec.loader
mr = importlib.util.module_from_spec(_spec)
sys.modules["metainfo_releases"] = mr
_spec.loader.exec_module(mr)

CHANGELOG = """# Changelog

## Unreleased

### Added
- Something new in `factcheck export`.

## [0.2.0] - 2026-07-01

### Added
- Open **one** file from the desktop: it waits for the
  rewrite on the start page.
- See [the docs](https://example.org) for <details>.

### Fixed
- A crash & a typo.

## v0.1.0 (2026-05-09)

- First release.
"""


def test_the_metainfo_in_the_repository_matches_the_changelog() -> None:
    done = subprocess.run([sys.executable, str(SCRIPT), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    releases, _ = mr.parse_changelog((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"))
    shipped = [r.get("version") for r in ET.parse(METAINFO).getroot().iter("release")]
    assert shipped == [r.version for r in releases]


def test_changelog_headings_become_releases_newest_first() -> None:
    releases, unreleased = mr.parse_changelog(CHANGELOG)
    assert [(r.version, r.date) for r in releases] == [("0.2.0", "2026-07-01"), ("0.1.0", "2026-05-09")]
    assert unreleased is not None and unreleased.sections[0][1] == ["Something new in `factcheck export`."]
    added, fixed = releases[0].sections
    assert added[0] == "Added" and len(added[1]) == 2
    assert added[1][0] == "Open **one** file from the desktop: it waits for the rewrite on the start page."
    assert fixed == ("Fixed", ["A crash & a typo."])


def test_rendered_releases_are_xml_with_plain_text_descriptions() -> None:
    releases, _ = mr.parse_changelog(CHANGELOG)
    xml = mr.render_releases(releases)
    root = ET.fromstring(xml)
    first = root.find("release")
    assert first is not None and first.get("version") == "0.2.0" and first.get("date") == "2026-07-01"
    items = [li.text for li in first.iter("li")]
    assert items == [
        "Open one file from the desktop: it waits for the rewrite on the start page.",
        "See the docs for <details>.",
        "A crash & a typo.",
    ]
    assert [p.text for p in first.iter("p")] == ["Added:", "Fixed:"]


def test_sync_replaces_only_the_releases_element() -> None:
    meta = "<component>\n  <id>x</id>\n  <releases>\n    <release version='9' date='2020-01-01'/>\n  </releases>\n</component>\n"
    releases, _ = mr.parse_changelog(CHANGELOG)
    out = mr.sync(meta, releases)
    assert out.startswith('<component>\n  <id>x</id>\n  <releases>\n    <release version="0.2.0"')
    assert "version='9'" not in out and out.endswith("  </releases>\n</component>\n")
    assert mr.sync(out, releases) == out  # stable
    assert mr.sync(meta, []) == "<component>\n  <id>x</id>\n  <releases/>\n</component>\n"


def test_a_release_heading_without_a_date_is_refused() -> None:
    releases, _ = mr.parse_changelog("## 1.0.0\n\n- x\n")
    with pytest.raises(ValueError, match="no date"):
        mr.render_releases(releases)


def test_a_build_of_an_unreleased_version_is_a_development_release() -> None:
    meta = METAINFO.read_text(encoding="utf-8")
    dev = ET.fromstring(mr.built(meta, CHANGELOG, "0.3.0.dev1", "2026-08-01").encode())
    first = dev.find("releases/release")
    assert first is not None
    assert (first.get("version"), first.get("type"), first.get("date")) == (
        "0.3.0.dev1",
        "development",
        "2026-08-01",
    )
    assert [li.text for li in first.iter("li")] == ["Something new in factcheck export."]
    tagged = ET.fromstring(mr.built(meta, CHANGELOG, "0.2.0", "2026-08-01").encode())
    assert [r.get("version") for r in tagged.iter("release")] == ["0.2.0", "0.1.0"]
    assert all(r.get("type") is None for r in tagged.iter("release"))


@pytest.mark.skipif(not shutil.which("appstreamcli"), reason="appstream not installed")
def test_a_build_with_release_notes_validates(tmp_path: Path) -> None:
    changelog = tmp_path / "CHANGELOG.md"
    changelog.write_text(CHANGELOG, encoding="utf-8")
    out = tmp_path / METAINFO.name
    for version in ("0.2.0", "0.3.0.dev1"):
        subprocess.run(
            [
                sys.executable,
                str(SCRIPT),
                "--changelog",
                str(changelog),
                "--build",
                version,
                "--date",
                "2026-08-01",
                "-o",
                str(out),
            ],
            check=True,
        )
        done = subprocess.run(
            ["appstreamcli", "validate", "--no-net", str(out)], capture_output=True, text=True
        )
        assert done.returncode == 0, done.stdout + done.stderr
