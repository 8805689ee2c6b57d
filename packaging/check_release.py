"""Before the long release builds start: do the tag, the code and the CHANGELOG agree?

    python packaging/check_release.py v0.2.0              # a tag push: all must agree
    python packaging/check_release.py --dry-run            # workflow_dispatch: report, never block
    python packaging/check_release.py v0.2.0 --notes FILE  # also write the release notes

Checks: the tag is ``v`` + ``factcheck_gui.__version__`` (read from the source, without importing
the package); CHANGELOG.md has a dated heading for that version (``## 0.2.0 - 2026-05-09``);
the AppStream metainfo's <releases> match the CHANGELOG (packaging/linux/metainfo_releases.py).
Prints ``version=…`` and ``prerelease=true|false`` (a tag with ``rc``, or any PEP 440 pre- or
dev-release, is a pre-release) and appends them to $GITHUB_OUTPUT when that is set. ``--notes``
writes that version's CHANGELOG section, the body of the GitHub release. Exit 1 when a check
fails (in a dry run the failures are printed as warnings and the exit status is 0).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _metainfo_releases():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "metainfo_releases", ROOT / "packaging" / "linux" / "metainfo_releases.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("metainfo_releases", module)
    spec.loader.exec_module(module)
    return module


def source_version(init: Path = ROOT / "factcheck_gui" / "__init__.py") -> str:
    match = re.search(r'^__version__ = "([^"]+)"', init.read_text(encoding="utf-8"), re.M)
    if not match:
        raise SystemExit(f'no __version__ = "..." in {init}')
    return match.group(1)


def is_prerelease(tag_or_version: str) -> bool:
    return bool(re.search(r"(rc|a|b|alpha|beta|dev|pre)\.?\d*($|[.+-])", tag_or_version.lower()))


def changelog_notes(changelog: str, version: str) -> str | None:
    """The body of ``version``'s CHANGELOG section (None when it has no heading)."""
    mr = _metainfo_releases()
    lines = changelog.splitlines()
    start = None
    for i, line in enumerate(lines):
        if start is None:
            match = mr._HEADING.match(line)
            if match and match.group("version") == version:
                start = i + 1
        elif line.startswith("## "):
            return "\n".join(lines[start:i]).strip() + "\n"
    return None if start is None else "\n".join(lines[start:]).strip() + "\n"


def problems(tag: str | None, version: str, changelog: str, metainfo: str) -> list[str]:
    found = []
    if tag is not None and tag != f"v{version}":
        found.append(f"the tag is {tag} but factcheck_gui.__version__ is {version} (tag v{version})")
    mr = _metainfo_releases()
    releases, _ = mr.parse_changelog(changelog)
    entry = next((r for r in releases if r.version == version), None)
    if entry is None:
        found.append(
            f"CHANGELOG.md has no heading for {version} "
            f'(rename "## Unreleased" to "## {version} - YYYY-MM-DD")'
        )
    elif not entry.date:
        found.append(f"CHANGELOG.md: the heading of {version} has no date (## {version} - YYYY-MM-DD)")
    try:
        if mr.sync(metainfo, releases) != metainfo:
            found.append(
                "the AppStream <releases> are not those of CHANGELOG.md: "
                "run python packaging/linux/metainfo_releases.py"
            )
    except ValueError as exc:
        found.append(str(exc))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("tag", nargs="?", help="the pushed tag, e.g. v0.2.0")
    parser.add_argument("--dry-run", action="store_true", help="report problems as warnings, exit 0")
    parser.add_argument("--notes", type=Path, help="write the version's CHANGELOG section here")
    args = parser.parse_args(argv)
    if args.tag is None and not args.dry_run:
        parser.error("give the tag, or --dry-run")

    version = source_version()
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    metainfo = (ROOT / "packaging" / "linux" / "org.factcheck.Compare.metainfo.xml").read_text(
        encoding="utf-8"
    )
    found = problems(args.tag, version, changelog, metainfo)
    prerelease = is_prerelease(args.tag or version)
    outputs = {"version": version, "prerelease": "true" if prerelease else "false"}
    for key, value in outputs.items():
        print(f"{key}={value}")
    if os.environ.get("GITHUB_OUTPUT"):
        with open(os.environ["GITHUB_OUTPUT"], "a", encoding="utf-8") as out:
            out.writelines(f"{k}={v}\n" for k, v in outputs.items())
    if args.notes is not None:
        notes = changelog_notes(changelog, version)
        args.notes.write_text(
            notes or f"Factcheck Compare {version} (no CHANGELOG entry).\n", encoding="utf-8"
        )
    for problem in found:
        # GitHub shows ::error:: / ::warning:: lines as annotations on the run.
        print(f"::{'warning' if args.dry_run else 'error'}::{problem}", file=sys.stderr)
    return 0 if args.dry_run or not found else 1


if __name__ == "__main__":
    sys.exit(main())
