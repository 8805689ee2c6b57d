"""Third-party licence texts for the PyInstaller bundle (used by factcheck.spec, tested in tests/packaging).

The bundle redistributes the Python runtime, every Python distribution the analysis pulled in,
Qt (through PySide6) and, on Linux, shared libraries copied from the build machine. Their
licences ask for their texts to travel with the binaries, so the spec puts a ``licenses/``
folder into the bundle (``_internal/licenses/`` on Linux and Windows, ``Contents/Resources/
licenses/`` in the macOS app):

- ``INDEX.txt`` — one block per component: name, version, licence, where it came from, and the
  files holding its texts;
- ``<name>-<version>/…`` — the licence files of each bundled distribution, copied from its
  ``.dist-info`` (``licenses/`` sub-folder of PEP 639 wheels, or LICENSE/COPYING/NOTICE/AUTHORS
  files beside METADATA);
- the texts a wheel does not carry, from ``packaging/licenses/``: LGPL-3.0 and GPL-3.0 for Qt,
  PySide6 and Shiboken (the PySide6 wheels ship none; LGPL-3.0 is a set of additional
  permissions on top of GPL-3.0, so both travel together), Apache-2.0 for OpenSSL 3;
- Python's own licence (PSF-2.0) from the interpreter's ``LICENSE.txt``;
- on Debian-like build machines, the ``/usr/share/doc/<package>/copyright`` file of every
  Debian package a bundled system library came from (``dpkg -S``).

"Bundled" means: some file of the distribution is in the analysis' TOCs (pure modules,
scripts, binaries, data files), matched by its resolved path against the distribution's RECORD.
"""

from __future__ import annotations

import os
import platform
import re
import shutil
import ssl
import subprocess
import sys
import sysconfig
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path, PurePosixPath

VENDORED = Path(__file__).resolve().parent / "licenses"
LGPL_TEXTS = ("LGPL-3.0.txt", "GPL-3.0.txt")
QT_ATTRIBUTIONS = "https://doc.qt.io/qt-6/licenses-used-in-qt.html"
QT_SOURCES = "https://download.qt.io/official_releases/qt/"

# Distributions whose wheels carry no licence text, and the texts that stand in (from VENDORED).
MISSING_TEXTS: Mapping[str, tuple[str, ...]] = {
    "pyside6-essentials": LGPL_TEXTS,
    "pyside6-addons": LGPL_TEXTS,
    "pyside6": LGPL_TEXTS,
    "shiboken6": LGPL_TEXTS,
}

_LICENCE_FILE = re.compile(r"^(LICEN[CS]E|COPYING|NOTICE|AUTHORS|COPYRIGHT)", re.IGNORECASE)
_OPENSSL_LIB = re.compile(r"^lib(ssl|crypto)([.-]|$)", re.IGNORECASE)


@dataclass
class Component:
    """One thing the bundle redistributes, and the texts of its licence."""

    name: str
    version: str
    licence: str
    origin: str
    files: list[tuple[Path, str]] = field(default_factory=list)  # (source, path inside its folder)
    note: str = ""

    @property
    def folder(self) -> str:
        safe = re.sub(r"[^A-Za-z0-9._+-]+", "-", self.name).strip("-")
        return f"{safe}-{self.version}" if self.version else safe


def normalise_name(name: str) -> str:
    """PEP 503 form: ``PySide6_Essentials`` → ``pyside6-essentials``."""
    return re.sub(r"[-_.]+", "-", name).lower()


def licence_expression(meta: Mapping[str, str] | metadata.PackageMetadata) -> str:
    """The distribution's licence as its metadata states it (SPDX expression when it has one)."""
    expression = (meta.get("License-Expression") or "").strip()
    if expression:
        return expression
    text = (meta.get("License") or "").strip()
    if text and "\n" not in text and len(text) <= 100:
        return text
    every = meta.get_all("Classifier") if hasattr(meta, "get_all") else None
    classifiers = [c.split("::")[-1].strip() for c in every or [] if c.startswith("License ::")]
    if classifiers:
        return " / ".join(classifiers)
    return "see the licence files" if text else "not stated in the metadata"


def licence_files(dist: metadata.Distribution) -> list[tuple[Path, str]]:
    """The licence files in a distribution's .dist-info: (absolute path, name to give the copy)."""
    found: list[tuple[Path, str]] = []
    for file in dist.files or ():
        parts = PurePosixPath(str(file)).parts
        if len(parts) < 2 or not parts[0].endswith((".dist-info", ".egg-info")):
            continue
        inner = parts[1:]
        if inner[0] == "licenses" and len(inner) > 1:
            name = "/".join(inner[1:])
        elif len(inner) == 1 and _LICENCE_FILE.match(inner[0]):
            name = inner[0]
        else:
            continue
        path = Path(str(dist.locate_file(file)))
        if path.is_file():
            found.append((path, name))
    return sorted(found, key=lambda f: f[1])


def files_index(dists: Iterable[metadata.Distribution]) -> dict[str, metadata.Distribution]:
    """Resolved absolute path of every installed file → the distribution that installed it."""
    index: dict[str, metadata.Distribution] = {}
    for dist in dists:
        for file in dist.files or ():
            try:
                index[str(Path(str(dist.locate_file(file))).resolve())] = dist
            except OSError:
                continue
    return index


def bundled_distributions(
    sources: Iterable[str], index: Mapping[str, metadata.Distribution]
) -> list[metadata.Distribution]:
    """The distributions owning at least one of the ``sources`` (paths of collected files)."""
    seen: dict[str, metadata.Distribution] = {}
    for src in sources:
        try:
            dist = index.get(str(Path(src).resolve()))
        except (OSError, ValueError):
            continue
        if dist is not None and dist.metadata["Name"]:
            seen.setdefault(normalise_name(dist.metadata["Name"]), dist)
    return [seen[name] for name in sorted(seen)]


def toc_sources(*tocs: Iterable[tuple[str, str, str]]) -> list[str]:
    """Source paths of PyInstaller TOC entries (SYMLINK entries name a link target, not a file)."""
    return [src for toc in tocs for _dest, src, kind in toc if src and kind != "SYMLINK"]


def python_licence_file() -> Path | None:
    """The interpreter's LICENSE.txt (python.org, pyenv, setup-python; Debian's copyright file)."""
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    base = Path(sys.base_prefix)
    candidates = [
        Path(sysconfig.get_paths(vars={"base": sys.base_prefix, "installed_base": sys.base_prefix})["stdlib"])
        / "LICENSE.txt",
        base / "lib" / f"python{version}" / "LICENSE.txt",
        base / "Lib" / "LICENSE.txt",
        base / "LICENSE.txt",
        Path(f"/usr/share/doc/python{version}/copyright"),
    ]
    return next((c for c in candidates if c.is_file()), None)


def python_component() -> Component:
    text = python_licence_file()
    if text is None:
        raise SystemExit("licences: no LICENSE.txt for this Python (looked in its stdlib and prefix)")
    return Component(
        name="Python",
        version=platform.python_version(),
        licence="PSF-2.0",
        origin=f"the interpreter the bundle was built with ({sys.base_prefix})",
        files=[(text, "LICENSE.txt")],
    )


def openssl_component(binaries: Iterable[tuple[str, str, str]]) -> Component | None:
    """OpenSSL, when its libraries are bundled (Python's ssl and hashlib modules load them)."""
    if not any(_OPENSSL_LIB.match(PurePosixPath(dest.replace("\\", "/")).name) for dest, _s, _k in binaries):
        return None
    match = re.match(r"OpenSSL (\d+)\.(\d+)\.(\S+)", ssl.OPENSSL_VERSION)
    if not match or int(match.group(1)) < 3:
        raise SystemExit(
            f"licences: the bundle carries {ssl.OPENSSL_VERSION}; only OpenSSL 3 (Apache-2.0) has its "
            "text in packaging/licenses/ — add the OpenSSL/SSLeay licence for older versions"
        )
    return Component(
        name="OpenSSL",
        version=".".join(match.groups()),
        licence="Apache-2.0",
        origin="libssl and libcrypto, as linked by the interpreter's ssl module",
        files=[(VENDORED / "Apache-2.0.txt", "LICENSE.txt")],
    )


def dpkg_owner(
    path: str, run: Callable[..., subprocess.CompletedProcess[str]] = subprocess.run
) -> str | None:
    """The Debian package that installed ``path`` (resolved and as given), or None."""
    for candidate in dict.fromkeys([str(Path(path).resolve()), path]):
        done = run(["dpkg", "-S", candidate], capture_output=True, text=True, check=False)
        if done.returncode == 0 and ":" in done.stdout:
            return done.stdout.split(":", 1)[0].strip().split(",")[0].strip()
    return None


def system_components(
    binaries: Iterable[tuple[str, str, str]],
    owned: Callable[[str], bool],
    owner: Callable[[str], str | None] | None = None,
    doc_root: Path = Path("/usr/share/doc"),
) -> list[Component]:
    """Libraries copied from the build machine (not owned by a Python distribution or Python).

    On a dpkg system each is traced to its Debian package, whose copyright file is copied; a
    library no package owns (or a machine without dpkg) is listed in one entry without texts.
    """
    libraries = sorted({src for _dest, src, kind in binaries if kind != "SYMLINK" and src and not owned(src)})
    if not libraries:
        return []
    if owner is None:
        owner = dpkg_owner if shutil.which("dpkg") else (lambda _p: None)
    by_package: dict[str, list[str]] = {}
    unknown: list[str] = []
    for lib in libraries:
        package = owner(lib)
        if package is None:
            unknown.append(lib)
        else:
            by_package.setdefault(package, []).append(lib)
    components = []
    for package, libs in sorted(by_package.items()):
        copyright_file = doc_root / package.split(":")[0] / "copyright"
        components.append(
            Component(
                name=package,
                version=_dpkg_version(package) if owner is dpkg_owner else "",
                licence="see copyright (Debian machine-readable format)",
                origin="Debian package of the build machine: " + ", ".join(Path(p).name for p in libs),
                files=[(copyright_file, "copyright")] if copyright_file.is_file() else [],
                note="" if copyright_file.is_file() else f"{copyright_file} was missing on the build machine",
            )
        )
    if unknown:
        components.append(
            Component(
                name="other system libraries",
                version="",
                licence="unknown to this build (no package database)",
                origin="the build machine: " + ", ".join(Path(p).name for p in unknown),
                note="their licences are those of the libraries' upstream projects",
            )
        )
    return components


def _dpkg_version(package: str) -> str:
    done = subprocess.run(
        ["dpkg-query", "-W", "-f=${Version}", package], capture_output=True, text=True, check=False
    )
    return done.stdout.strip() if done.returncode == 0 else ""


def distribution_component(dist: metadata.Distribution, own_licence: Path | None = None) -> Component:
    meta = dist.metadata
    name = meta["Name"]
    key = normalise_name(name)
    files = licence_files(dist)
    note = ""
    if not files and own_licence is not None:
        files = [(own_licence, own_licence.name)]
    if not files and key in MISSING_TEXTS:
        files = [(VENDORED / text, text) for text in MISSING_TEXTS[key]]
        note = "the wheel carries no licence text; the standard texts of the licence it names are included"
    if key in {"pyside6-essentials", "pyside6-addons", "pyside6"}:
        note = (f"{note}; " if note else "") + (
            "includes the Qt 6 libraries (LGPL-3.0-only, used as shared libraries that can be "
            f"replaced). Qt's source: {QT_SOURCES}. The third-party code inside Qt (ICU, HarfBuzz, "
            f"PCRE2, libpng, libjpeg, FreeType, zlib…) and its licences: {QT_ATTRIBUTIONS}"
        )
    if not files and not note:
        note = "the distribution carries no licence file"
    return Component(
        name=name,
        version=dist.version,
        licence=licence_expression(meta),
        origin="Python distribution (PyPI)",
        files=files,
        note=note,
    )


def pyinstaller_component() -> Component | None:
    """PyInstaller's bootloader is the executable itself (GPL-2.0 with the bootloader exception)."""
    try:
        dist = metadata.distribution("pyinstaller")
    except metadata.PackageNotFoundError:
        return None
    component = distribution_component(dist)
    component.origin = "the bootloader (the factcheck-gui executable) and its startup modules"
    return component


def collect(
    tocs: Iterable[Iterable[tuple[str, str, str]]],
    binaries: Iterable[tuple[str, str, str]],
    own_licence: Path | None = None,
    own_name: str = "factcheck-compare",
    dists: Iterable[metadata.Distribution] | None = None,
) -> list[Component]:
    """Every component of the bundle whose TOC entries are ``tocs`` (``binaries`` among them)."""
    binaries = list(binaries)
    tocs = [list(t) for t in tocs]
    index = files_index(metadata.distributions() if dists is None else dists)
    owned_by_dist = bundled_distributions(toc_sources(*tocs), index)
    components: list[Component] = []
    for dist in owned_by_dist:
        own = normalise_name(dist.metadata["Name"]) == normalise_name(own_name)
        components.append(distribution_component(dist, own_licence if own else None))
    bootloader = None
    if not any(normalise_name(c.name) == "pyinstaller" for c in components):
        bootloader = pyinstaller_component()
    if bootloader is not None:
        components.append(bootloader)
    components.append(python_component())
    if (openssl := openssl_component(binaries)) is not None:
        components.append(openssl)

    # Python's own files: its standard library (lib-dynload included), libpython, and the build
    # venv. (Not all of sys.base_prefix: for a distribution's Python that is /usr, where the
    # system libraries live too.)
    roots = {sysconfig.get_paths()["stdlib"], sysconfig.get_paths()["platstdlib"]}
    if sys.prefix != sys.base_prefix:
        roots.add(sys.prefix)
    python_roots = tuple(str(Path(r).resolve()) + os.sep for r in roots)

    def owned(src: str) -> bool:
        resolved = Path(src).resolve()
        return (
            str(resolved) in index
            or str(resolved).startswith(python_roots)
            or resolved.name.lower().startswith(("libpython", "python3"))
        )

    if sys.platform.startswith("linux"):
        components += system_components(binaries, owned)
    return components


def render_index(components: Iterable[Component], app: str = "Factcheck Compare") -> str:
    """INDEX.txt: what the bundle redistributes and where each licence text is."""
    lines = [
        f"Third-party software in this {app} bundle",
        "=" * 60,
        "",
        f"{app} itself is MIT-licensed (factcheck-compare-*/LICENSE). It carries the components",
        "below; each folder beside this file holds the licence texts of one component.",
        "",
    ]
    for c in components:
        lines.append(f"{c.name} {c.version}".rstrip())
        lines.append(f"  licence: {c.licence}")
        lines.append(f"  from:    {c.origin}")
        for _src, name in c.files:
            lines.append(f"  text:    {c.folder}/{name}")
        if c.note:
            lines.append(f"  note:    {c.note}")
        lines.append("")
    return "\n".join(lines)


def license_datas(
    components: list[Component], stage: Path, dest_root: str = "licenses"
) -> list[tuple[str, str, str]]:
    """PyInstaller DATA entries for the licence folder; INDEX.txt is written into ``stage``."""
    stage.mkdir(parents=True, exist_ok=True)
    index = stage / "INDEX.txt"
    index.write_text(render_index(components), encoding="utf-8")
    entries = [(f"{dest_root}/INDEX.txt", str(index), "DATA")]
    for c in components:
        for src, name in c.files:
            entries.append((f"{dest_root}/{c.folder}/{name}", str(src), "DATA"))
    return entries
