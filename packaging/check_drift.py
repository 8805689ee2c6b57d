#!/usr/bin/env python3
"""Which installed packages moved away from the tested set in ``constraints.txt``.

The README's install command takes the newest versions ``pyproject.toml`` allows; the
installers take the exact tested set. Run this in a venv made by the README's commands to see
the next drift before a user does:

    .venv/bin/python packaging/check_drift.py            # report; exit 0
    .venv/bin/python packaging/check_drift.py --strict   # exit 1 when anything moved
    .venv/bin/python packaging/check_drift.py --write    # make constraints.txt the installed set

CI runs the report after the README's commands, whose test run is on exactly those newest
versions, so a failing test and the package that moved are printed side by side.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONSTRAINTS = ROOT / "constraints.txt"
HEADER = (
    "# The exact versions the tests and the installer builds ran with (Python 3.11, Linux x86_64).\n"
    "# Install the tested set:  .venv/bin/pip install -c constraints.txt -e .\n"
    "# Regenerate after a deliberate upgrade: python packaging/check_drift.py --write\n"
)
SELF = "factcheck-compare"
# the installers' own tools, not part of the app's tested set
IGNORED = {"pip", "setuptools", "wheel", SELF}


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pinned(path: Path = CONSTRAINTS) -> dict[str, str]:
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if "==" in line:
            name, version = line.split("==", 1)
            out[canonical(name)] = version.strip()
    return out


def installed() -> dict[str, tuple[str, str]]:
    """canonical name -> (name as the distribution spells it, version)."""
    out: dict[str, tuple[str, str]] = {}
    for dist in importlib.metadata.distributions():
        name = dist.metadata["Name"]
        if name and canonical(name) not in IGNORED:
            out[canonical(name)] = (name, dist.version)
    return out


def drift(pins: dict[str, str], have: dict[str, tuple[str, str]]) -> list[str]:
    lines = []
    for key in sorted(set(pins) | set(have)):
        want, got = pins.get(key), have.get(key, (key, None))[1]
        name = have.get(key, (key, ""))[0]
        if want is not None and got is None:
            continue  # a pinned extra that this venv did not install (bench tools, say)
        if want is None:
            lines.append(f"new      {name} {got} (not in constraints.txt)")
        elif want != got:
            lines.append(f"moved    {name} {want} -> {got}")
    return lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--strict", action="store_true", help="exit 1 when a package moved")
    ap.add_argument("--write", action="store_true", help="rewrite constraints.txt from this venv")
    args = ap.parse_args(argv)
    have = installed()
    if args.write:
        body = "".join(f"{n}=={v}\n" for _, (n, v) in sorted(have.items(), key=lambda kv: kv[0]))
        CONSTRAINTS.write_text(HEADER + body, encoding="utf-8")
        print(f"constraints.txt: {len(have)} packages written")
        return 0
    lines = drift(pinned(), have)
    if not lines:
        print(f"drift: none — all {len(have)} installed packages are the tested versions")
        return 0
    print(f"drift: {len(lines)} package(s) differ from the tested set in constraints.txt:")
    for line in lines:
        print("  " + line)
    return 1 if args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
