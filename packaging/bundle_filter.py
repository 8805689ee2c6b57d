"""Which Qt files the PyInstaller bundle keeps (used by factcheck.spec, tested in tests/packaging).

PySide6's hooks collect every plugin and translation that belongs to a Qt module the app
imports. The app needs far fewer: it draws widgets on X11, Wayland, Windows or macOS (plus
the offscreen platform for tests and headless PDF export), loads SVG/PNG/ICO/JPEG images and
SVG icons, and speaks English. The rest only costs megabytes, and some plugins pull whole Qt
libraries in (the PDF image plugin drags libQt6Pdf, touch plugins libQt6Network).

Destination names look like ``PySide6/Qt/plugins/imageformats/libqsvg.so`` on Linux and macOS
and ``PySide6/plugins/imageformats/qsvg.dll`` on Windows; both layouts are handled.

Also kept out, whatever the platform: GNU readline (GPL-3.0, which the MIT-licensed bundle must
not carry; the app has no interactive prompt that would use it), and symbolic links whose
target was filtered out (PyInstaller links top-level ``libQt6Network.so.6`` and the like to
the copies under ``PySide6/Qt/lib``; with those copies gone the links would dangle).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterable
from pathlib import Path, PurePosixPath

# Plugin folders kept whole (inside a kept folder, _DROP_PLUGIN still applies).
KEEP_PLUGIN_DIRS = frozenset(
    {
        "platforms",
        "platformthemes",  # native file dialogs and colours (portal, macOS, Windows)
        "platforminputcontexts",  # compose keys and input methods for accented names
        "imageformats",
        "iconengines",
        "xcbglintegrations",
        "wayland-decoration-client",
        "wayland-graphics-integration-client",
        "wayland-shell-integration",
        "styles",  # the Windows 11 style
        "printsupport",  # only present when QtPrintSupport is used
    }
)

# Individual plugins dropped inside kept folders: embedded-Linux platforms; the GTK theme (it
# would load the desktop's own GTK against the cairo/pango copies bundled from the build
# machine — a known source of crashes; the XDG portal theme gives native dialogs over D-Bus);
# image formats nobody pastes into a story (libqpdf also needs the 10 MB libQt6Pdf).
_DROP_PLUGIN = re.compile(
    r"(^|/)(lib)?q(eglfs|linuxfb|vnc|minimalegl|vkkhrdisplay|direct2d|gtk3|pdf|tiff|webp|tga|wbmp|icns|gif)"
    r"(\.|$)",
    re.IGNORECASE,
)

# Qt libraries only ever needed by the plugins or modules left out above.
_DROP_LIB = re.compile(
    r"(^|/)(lib)?Qt6(Pdf|Qml\w*|Quick\w*|Network|VirtualKeyboard\w*|Designer\w*|EglFs\w*|"
    r"WaylandEglCompositor\w*|WaylandCompositor\w*|Sql|Test|Help|Xml|Concurrent|OpenGLWidgets)"
    r"(\.|$)",
    re.IGNORECASE,
)


# GNU readline and its history library are GPL-3.0; the `readline` extension module links them.
# (libedit, the BSD-licensed stand-in some Pythons use on macOS, is named libedit and stays.)
_DROP_GPL = re.compile(r"^(lib(readline|history)|readline)([.-]|$)", re.IGNORECASE)


def gpl_readline(dests: Iterable[str]) -> list[str]:
    """The destinations among ``dests`` that are GNU readline or the module linking it."""
    return [d for d in dests if _DROP_GPL.search(PurePosixPath(d.replace("\\", "/")).name)]


def _qt_relative(dest: str) -> PurePosixPath | None:
    """Path below the Qt root (``plugins/...``, ``translations/...``, ``lib/...``), or None."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if not parts or parts[0] != "PySide6":
        return None
    rest = parts[2:] if len(parts) > 1 and parts[1] == "Qt" else parts[1:]
    return PurePosixPath(*rest) if rest else None


def keep_binary(dest: str) -> bool:
    """Whether a collected binary (destination name in the bundle) stays in it."""
    name = dest.replace("\\", "/")
    if _DROP_LIB.search(PurePosixPath(name).name) or _DROP_GPL.search(PurePosixPath(name).name):
        return False
    rel = _qt_relative(dest)
    if rel is None or len(rel.parts) < 3 or rel.parts[0] != "plugins":
        return True
    if rel.parts[1] not in KEEP_PLUGIN_DIRS:
        return False
    return not _DROP_PLUGIN.search(rel.name)


# Babel (imported by courlan, trafilatura's URL helper) ships 33 MB of CLDR locale data. The
# app never asks trafilatura for a target language, the only path that reaches Locale.parse(),
# and courlan treats an unknown locale as "no match" (it catches UnknownLocaleError).
_BABEL_LOCALES = frozenset({"root", "en"})


def keep_data(dest: str, languages: Iterable[str] = ()) -> bool:
    """Whether a collected data file stays; Qt translations only for ``languages``."""
    path = PurePosixPath(dest.replace("\\", "/"))
    if path.parts[:2] == ("babel", "locale-data"):
        return path.stem in _BABEL_LOCALES
    rel = _qt_relative(dest)
    if rel is None:
        return True
    if rel.parts[0] == "translations":
        match = re.match(r"^[a-z]+_([a-z]{2,3}(?:_[A-Za-z]{2,4})?)\.qm$", rel.name)
        if not match:
            return False
        lang = match.group(1)
        return lang in languages or lang.split("_")[0] in languages
    if rel.parts[0] == "plugins":
        return keep_binary(dest)
    return True


def _base(name: str) -> str:
    return PurePosixPath(name.replace("\\", "/")).name.lower()


def drop_unused_qt(
    binaries: list[tuple[str, str, str]], imports_of: Callable[[str], Iterable[str]]
) -> list[tuple[str, str, str]]:
    """Drop the Qt plugins ``keep_binary`` rejects and the libraries only they needed.

    PyInstaller resolves library dependencies before the spec can filter, so leaving out a
    plugin (the GTK theme, say) would still ship the cairo/pango/GTK-side libraries it pulled
    in. ``imports_of(path)`` gives the libraries one binary links against (PyInstaller's
    ``bindepend.get_imports``); a library goes when a dropped binary links it and no kept one
    does. Entries are PyInstaller TOC tuples ``(destination, source, typecode)``.
    """
    kept = [entry for entry in binaries if keep_binary(entry[0])]
    dropped = [entry for entry in binaries if not keep_binary(entry[0])]
    imports = {entry[1]: {_base(lib) for lib in imports_of(entry[1])} for entry in binaries}
    wanted_by_dropped = set().union(*(imports[entry[1]] for entry in dropped))
    # Repeat until nothing changes: a library kept only by another orphan is an orphan too
    # (the GTK theme pulls pangoft2, which pulls cairo).
    while True:
        wanted_by_kept = set().union(*(imports[entry[1]] for entry in kept))
        orphans = wanted_by_dropped - wanted_by_kept
        still = [entry for entry in kept if _base(entry[0]) not in orphans]
        if len(still) == len(kept):
            return kept
        kept = still


def drop_dangling_links(
    toc: list[tuple[str, str, str]], present: Iterable[str]
) -> list[tuple[str, str, str]]:
    """``toc`` without the SYMLINK entries whose target is not among ``present`` destinations.

    A SYMLINK entry is ``(link destination, target relative to the link's folder, "SYMLINK")``.
    PyInstaller puts them in ``Analysis.datas`` for libraries it also collected elsewhere; when
    the filters above drop the target, the link must go too. Links to links are followed.
    """
    entries = list(toc)
    files = {PurePosixPath(d.replace("\\", "/")).as_posix() for d in present}
    links = {
        PurePosixPath(dest.replace("\\", "/")).as_posix(): src.replace("\\", "/")
        for dest, src, kind in entries
        if kind == "SYMLINK"
    }

    def resolves(dest: str, seen: frozenset[str] = frozenset()) -> bool:
        if dest in files:
            return True
        if dest not in links or dest in seen:
            return False
        target = _normalise(PurePosixPath(dest).parent / links[dest])
        return target is not None and resolves(target, seen | {dest})

    return [
        entry
        for entry in entries
        if entry[2] != "SYMLINK" or resolves(PurePosixPath(entry[0].replace("\\", "/")).as_posix())
    ]


def _normalise(path: PurePosixPath) -> str | None:
    """``a/b/../c`` → ``a/c`` without touching the file system; None when it leaves the bundle."""
    parts: list[str] = []
    for part in path.parts:
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part not in {".", ""}:
            parts.append(part)
    return "/".join(parts)


def imports_module(package_dir: Path, module: str) -> bool:
    """Whether any Python file under ``package_dir`` imports ``module`` (or a submodule of it)."""
    for path in package_dir.rglob("*.py"):
        try:
            tree = ast.parse(path.read_text(encoding="utf-8"))
        except (SyntaxError, UnicodeDecodeError):
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            if any(name == module or name.startswith(module + ".") for name in names):
                return True
    return False


def missing_resources(resources_dir: Path, datas: Iterable[tuple[str, str]]) -> list[str]:
    """Files of the source ``resources/`` folder that the data list would not ship.

    ``datas`` holds PyInstaller (source, destination folder) pairs; each resource must land in
    ``factcheck_gui/data/<same relative path>`` because that is where importlib.resources looks.
    """
    shipped = {(PurePosixPath(dest.replace("\\", "/")) / Path(src).name).as_posix() for src, dest in datas}
    missing = []
    for path in sorted(resources_dir.rglob("*")):
        # .py files there are the package's modules (its __init__), bundled as code, not data.
        if not path.is_file() or "__pycache__" in path.parts or path.suffix in {".py", ".pyc"}:
            continue
        want = (PurePosixPath("factcheck_gui/data") / path.relative_to(resources_dir).as_posix()).as_posix()
        if want not in shipped:
            missing.append(want)
    return missing
