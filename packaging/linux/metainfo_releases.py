"""Keep the AppStream metainfo's <releases> in step with CHANGELOG.md.

    python packaging/linux/metainfo_releases.py            # rewrite <releases> in the metainfo
    python packaging/linux/metainfo_releases.py --check    # exit 1 when it is out of date
    python packaging/linux/metainfo_releases.py --build 0.2.0.dev1 --date 2026-05-09 -o OUT.xml

Every versioned CHANGELOG heading becomes a ``<release>`` (newest first, as the CHANGELOG lists
them) with its bullets as the description, one ``<p>`` per "### Added"/"### Fixed" section.
Headings look like ``## 1.2.0 - 2026-05-09`` (also ``## [1.2.0] - 2026-05-09``, ``## v1.2.0
(2026-05-09)``); "## Unreleased" is not a release. ``--build`` is what build_linux.sh runs: the
metainfo as shipped, where a version the CHANGELOG has no heading for yet (a development build)
is added on top as ``type="development"`` with the "Unreleased" notes. Standard library only.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[2]
CHANGELOG = ROOT / "CHANGELOG.md"
METAINFO = Path(__file__).resolve().parent / "org.factcheck.Compare.metainfo.xml"

_HEADING = re.compile(
    r"^##\s+\[?v?(?P<version>\d+(?:\.\d+)*(?:[-.]?(?:a|b|rc|dev|post)\.?\d*)*)\]?"
    r"(?:\s*(?:[-–—:(]\s*)?(?P<date>\d{4}-\d{2}-\d{2})\)?)?\s*$",
    re.IGNORECASE,
)
_UNRELEASED = re.compile(r"^##\s+\[?unreleased\]?", re.IGNORECASE)
_RELEASES_BLOCK = re.compile(
    r"^(?P<indent>[ \t]*)<releases\s*/>|^(?P<indent2>[ \t]*)<releases>.*?</releases>", re.S | re.M
)


@dataclass
class Release:
    version: str
    date: str | None
    sections: list[tuple[str, list[str]]] = field(default_factory=list)  # (heading, bullets)


def plain(markdown: str) -> str:
    """One bullet's Markdown as plain text: code spans, emphasis and links unwrapped."""
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"`([^`]*)`", r"\1", text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


def parse_changelog(text: str) -> tuple[list[Release], Release | None]:
    """The versioned releases (in CHANGELOG order) and the "Unreleased" section, if any."""
    releases: list[Release] = []
    unreleased: Release | None = None
    current: Release | None = None
    bullets: list[str] | None = None
    for line in text.splitlines():
        if line.startswith("## "):
            current = bullets = None
            if _UNRELEASED.match(line):
                current = unreleased = Release("unreleased", None)
            elif match := _HEADING.match(line):
                current = Release(match.group("version"), match.group("date"))
                releases.append(current)
            continue
        if current is None:
            continue
        if line.startswith("### "):
            bullets = []
            current.sections.append((line[4:].strip(), bullets))
        elif re.match(r"^[-*] ", line):
            if bullets is None:
                bullets = []
                current.sections.append(("", bullets))
            bullets.append(line[2:].strip())
        elif bullets and line.strip() and line.startswith((" ", "\t")):
            bullets[-1] += " " + line.strip()  # continuation (and nested bullets) of the last item
    return releases, unreleased


def _description(release: Release, indent: str) -> list[str]:
    sections = [(heading, items) for heading, items in release.sections if items]
    if not sections:
        return []
    lines = [f"{indent}<description>"]
    for heading, items in sections:
        if heading:
            lines.append(f"{indent}  <p>{escape(plain(heading))}:</p>")
        lines.append(f"{indent}  <ul>")
        lines += [f"{indent}    <li>{escape(plain(item))}</li>" for item in items]
        lines.append(f"{indent}  </ul>")
    lines.append(f"{indent}</description>")
    return lines


def render_releases(releases: list[Release], indent: str = "  ", development: Release | None = None) -> str:
    """The ``<releases>`` element (``development``: a build of a version not released yet)."""
    missing = [r.version for r in releases if not r.date]
    if missing:
        raise ValueError(
            f"CHANGELOG.md: no date in the heading of {', '.join(missing)} (## X.Y.Z - YYYY-MM-DD)"
        )
    entries = ([development] if development else []) + releases
    if not entries:
        return f"{indent}<releases/>"
    lines = [f"{indent}<releases>"]
    for r in entries:
        kind = ' type="development"' if r is development else ""
        head = f'{indent}  <release version="{escape(r.version)}" date="{r.date}"{kind}'
        body = _description(r, indent + "    ")
        if body:
            lines += [head + ">", *body, f"{indent}  </release>"]
        else:
            lines.append(head + "/>")
    lines.append(f"{indent}</releases>")
    return "\n".join(lines)


def sync(metainfo: str, releases: list[Release], development: Release | None = None) -> str:
    """``metainfo`` with its ``<releases>`` element replaced."""
    match = _RELEASES_BLOCK.search(metainfo)
    if not match:
        raise ValueError("the metainfo has no <releases> element to fill")
    indent = match.group("indent") if match.group("indent") is not None else match.group("indent2")
    block = render_releases(releases, indent, development)
    return metainfo[: match.start()] + block + metainfo[match.end() :]


def built(metainfo: str, changelog: str, version: str, date: str) -> str:
    """The metainfo as shipped in a build of ``version`` on ``date``."""
    releases, unreleased = parse_changelog(changelog)
    if any(r.version == version for r in releases):
        return sync(metainfo, releases)
    development = Release(version, date, unreleased.sections if unreleased else [])
    return sync(metainfo, releases, development)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--changelog", type=Path, default=CHANGELOG)
    parser.add_argument("--metainfo", type=Path, default=METAINFO)
    parser.add_argument("--check", action="store_true", help="only say whether the metainfo is up to date")
    parser.add_argument("--build", metavar="VERSION", help="write the metainfo of a build of VERSION")
    parser.add_argument("--date", help="the build's date (YYYY-MM-DD), with --build")
    parser.add_argument("-o", "--output", type=Path, help="where --build writes (default: stdout)")
    args = parser.parse_args(argv)
    changelog = args.changelog.read_text(encoding="utf-8")
    metainfo = args.metainfo.read_text(encoding="utf-8")
    try:
        if args.build:
            if not args.date or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", args.date):
                parser.error("--build needs --date YYYY-MM-DD")
            text = built(metainfo, changelog, args.build, args.date)
            if args.output:
                args.output.write_text(text, encoding="utf-8")
            else:
                sys.stdout.write(text)
            return 0
        releases, _ = parse_changelog(changelog)
        wanted = sync(metainfo, releases)
    except ValueError as exc:
        print(f"metainfo_releases: {exc}", file=sys.stderr)
        return 1
    if args.check:
        if wanted != metainfo:
            print(
                f"{args.metainfo.name}: <releases> does not match {args.changelog.name}; "
                "run python packaging/linux/metainfo_releases.py",
                file=sys.stderr,
            )
            return 1
        return 0
    if wanted != metainfo:
        args.metainfo.write_text(wanted, encoding="utf-8")
        print(f"updated {args.metainfo}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
