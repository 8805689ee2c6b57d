"""What else the spec does to the bundle: no GNU readline, no dangling symlinks, licence texts
with an index (packaging/bundle_licenses.py), a Windows version resource (version_info.py)."""

from __future__ import annotations

import ast
import importlib.util
import sys
from email.message import Message
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load(name: str):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, ROOT / "packaging" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


bf = _load("bundle_filter")
bl = _load("bundle_licenses")
vi = _load("version_info")


# -- GNU readline -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "dest",
    [
        "python3.11/lib-dynload/readline.cpython-311-x86_64-linux-gnu.so",
        "libreadline.so.8",
        "libhistory.so.8",
        "lib-dynload/readline.cpython-312-darwin.so",
    ],
)
def test_gnu_readline_never_enters_the_bundle(dest: str) -> None:
    assert not bf.keep_binary(dest)
    assert bf.gpl_readline([dest]) == [dest]


def test_what_readline_alone_pulled_in_goes_with_it() -> None:
    links = {"/py/readline.so": ["libreadline.so.8"], "/sys/libreadline.so.8": ["libtinfo.so.6"]}
    binaries = [
        ("python3.11/lib-dynload/readline.cpython-311-x86_64-linux-gnu.so", "/py/readline.so", "EXTENSION"),
        ("libreadline.so.8", "/sys/libreadline.so.8", "BINARY"),
        ("libtinfo.so.6", "/sys/libtinfo.so.6", "BINARY"),
        ("libedit.so.2", "/sys/libedit.so.2", "BINARY"),
    ]
    kept = bf.drop_unused_qt(binaries, lambda path: links.get(path, []))
    assert [d for d, _, _ in kept] == ["libedit.so.2"]
    assert bf.gpl_readline(["libedit.so.2", "history.txt"]) == []


# -- dangling symlinks --------------------------------------------------------------------------
def test_links_to_dropped_libraries_are_dropped_and_the_rest_stay() -> None:
    datas = [
        ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK"),  # target filtered out
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("PySide6/Qt/lib/libQt6Core.so.6.11", "libQt6Core.so.6.11.real", "SYMLINK"),  # dangling
        ("alias.so", "libQt6Core.so.6", "SYMLINK"),  # a link to a good link
        ("loop.so", "loop.so", "SYMLINK"),
        ("outside.so", "../../etc/libfoo.so", "SYMLINK"),
        ("trafilatura/settings.cfg", "/src/settings.cfg", "DATA"),
    ]
    present = ["PySide6/Qt/lib/libQt6Core.so.6", "trafilatura/settings.cfg"]
    kept = [d for d, _, _ in bf.drop_dangling_links(datas, present)]
    assert kept == ["libQt6Core.so.6", "alias.so", "trafilatura/settings.cfg"]


def test_windows_separators_in_links_are_understood() -> None:
    toc = [("sub\\link.dll", "..\\real.dll", "SYMLINK")]
    assert bf.drop_dangling_links(toc, ["real.dll"]) == toc
    assert bf.drop_dangling_links(toc, ["other.dll"]) == []


# -- licence texts ------------------------------------------------------------------------------
class _FakeDist:
    """Just enough of importlib.metadata.Distribution for bundle_licenses."""

    def __init__(self, root: Path, name: str, version: str, files: dict[str, str], **meta: str) -> None:
        self.root, self.version = root, version
        self.metadata = Message()
        self.metadata["Name"] = name
        for key, value in meta.items():
            self.metadata[key.replace("_", "-")] = value
        self.files = []
        for rel, text in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            self.files.append(Path(rel))

    def locate_file(self, file: Path) -> Path:
        return self.root / file


def test_the_licence_files_of_a_dist_info_are_found(tmp_path: Path) -> None:
    dist = _FakeDist(
        tmp_path,
        "tld",
        "0.13",
        {
            "tld/__init__.py": "",
            "tld-0.13.dist-info/METADATA": "",
            "tld-0.13.dist-info/RECORD": "",
            "tld-0.13.dist-info/licenses/LICENSE_GPL2.0.txt": "GPL",
            "tld-0.13.dist-info/licenses/sub/NOTICE": "n",
            "tld-0.13.dist-info/COPYING": "old style",
        },
        License_Expression="MPL-1.1 OR GPL-2.0-only",
    )
    assert [name for _p, name in bl.licence_files(dist)] == ["COPYING", "LICENSE_GPL2.0.txt", "sub/NOTICE"]
    assert bl.licence_expression(dist.metadata) == "MPL-1.1 OR GPL-2.0-only"


def test_licence_from_classifiers_when_the_metadata_has_no_expression() -> None:
    meta = Message()
    meta["License"] = "A very long licence text\nwith lines"
    meta["Classifier"] = "License :: OSI Approved :: BSD License"
    meta["Classifier"] = "Programming Language :: Python"
    assert bl.licence_expression(meta) == "BSD License"


def test_only_the_distributions_whose_files_are_bundled_are_listed(tmp_path: Path) -> None:
    used = _FakeDist(
        tmp_path, "RapidFuzz", "3.0", {"rapidfuzz/fuzz.py": "", "rapidfuzz-3.0.dist-info/LICENSE": "MIT"}
    )
    unused = _FakeDist(tmp_path, "pip", "26", {"pip/__init__.py": "", "pip-26.dist-info/LICENSE.txt": "MIT"})
    index = bl.files_index([used, unused])
    toc = [
        ("rapidfuzz.fuzz", str(tmp_path / "rapidfuzz" / "fuzz.py"), "PYMODULE"),
        ("x", "rapidfuzz/fuzz.py", "SYMLINK"),
    ]
    found = bl.bundled_distributions(bl.toc_sources(toc), index)
    assert [d.metadata["Name"] for d in found] == ["RapidFuzz"]


def test_pyside6_wheels_without_texts_get_the_lgpl_and_gpl_and_a_pointer_to_qt(tmp_path: Path) -> None:
    dist = _FakeDist(
        tmp_path,
        "PySide6_Essentials",
        "6.11.3",
        {"PySide6/QtCore.abi3.so": "", "pyside6_essentials-6.11.3.dist-info/METADATA": ""},
        License="LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only",
    )
    c = bl.distribution_component(dist)
    assert [name for _p, name in c.files] == ["LGPL-3.0.txt", "GPL-3.0.txt"]
    assert all(p.is_file() and p.stat().st_size > 5000 for p, _n in c.files)
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in c.files[0][0].read_text(encoding="utf-8")
    assert bl.QT_ATTRIBUTIONS in c.note and "Qt 6" in c.note


def test_our_own_licence_is_used_when_the_installed_copy_has_none(tmp_path: Path) -> None:
    dist = _FakeDist(tmp_path, "factcheck-compare", "0.1.0", {"factcheck_gui/__init__.py": ""})
    c = bl.distribution_component(dist, own_licence=ROOT / "LICENSE")
    assert c.files == [(ROOT / "LICENSE", "LICENSE")]
    assert "Copyright (c) 2026 Factcheck Compare developers" in (ROOT / "LICENSE").read_text(encoding="utf-8")


def test_python_openssl_and_system_libraries(tmp_path: Path) -> None:
    py = bl.python_component()
    assert py.licence == "PSF-2.0" and py.files and py.files[0][0].is_file()
    assert bl.openssl_component([("libz.so.1", "/lib/libz.so.1", "BINARY")]) is None
    ssl_c = bl.openssl_component([("libssl.so.3", "/lib/libssl.so.3", "BINARY")])
    assert ssl_c is not None and ssl_c.licence == "Apache-2.0"
    assert "Apache License" in ssl_c.files[0][0].read_text(encoding="utf-8")

    docs = tmp_path / "doc"
    (docs / "libpng16-16").mkdir(parents=True)
    (docs / "libpng16-16" / "copyright").write_text("Format: ...", encoding="utf-8")
    binaries = [
        ("libpng16.so.16", "/lib/x86_64-linux-gnu/libpng16.so.16", "BINARY"),
        ("libmystery.so.1", "/opt/x/libmystery.so.1", "BINARY"),
        ("lxml/etree.so", "/venv/lxml/etree.so", "EXTENSION"),
    ]
    owners = {"/lib/x86_64-linux-gnu/libpng16.so.16": "libpng16-16:amd64"}
    comps = bl.system_components(
        binaries, owned=lambda src: src.startswith("/venv/"), owner=owners.get, doc_root=docs
    )
    assert [c.name for c in comps] == ["libpng16-16:amd64", "other system libraries"]
    assert comps[0].files == [(docs / "libpng16-16" / "copyright", "copyright")]
    assert "libmystery.so.1" in comps[1].origin


def test_the_index_names_every_component_and_its_files(tmp_path: Path) -> None:
    components = [
        bl.Component("Python", "3.11.7", "PSF-2.0", "the interpreter", [(ROOT / "LICENSE", "LICENSE.txt")]),
        bl.Component("libfoo1:amd64", "1.0-2", "see copyright", "Debian package", [], note="missing"),
    ]
    datas = bl.license_datas(components, tmp_path / "stage")
    assert datas[0][0] == "licenses/INDEX.txt" and Path(datas[0][1]).is_file()
    assert ("licenses/Python-3.11.7/LICENSE.txt", str(ROOT / "LICENSE"), "DATA") in datas
    index = Path(datas[0][1]).read_text(encoding="utf-8")
    assert "Python 3.11.7\n  licence: PSF-2.0" in index
    assert "text:    Python-3.11.7/LICENSE.txt" in index
    assert "libfoo1-amd64-1.0-2" not in index and "note:    missing" in index
    assert components[1].folder == "libfoo1-amd64-1.0-2"


def test_collect_on_this_environment_finds_the_real_distributions() -> None:
    """Against the dev venv: a module of SQLAlchemy and Qt's core library are traced to their wheels."""
    import PySide6
    import sqlalchemy

    qt_core = next((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libQt6Core*"), None) or next(
        Path(PySide6.__file__).parent.glob("*Qt6Core*"), None
    )
    if qt_core is None:
        pytest.skip("no Qt core library found beside PySide6")
    pure = [("sqlalchemy", sqlalchemy.__file__, "PYMODULE")]
    binaries = [("PySide6/Qt/lib/libQt6Core.so.6", str(qt_core), "BINARY")]
    names = {
        bl.normalise_name(c.name)
        for c in bl.collect([pure, binaries], binaries, own_licence=ROOT / "LICENSE")
    }
    assert {"sqlalchemy", "pyside6-essentials", "python"} <= names


# -- Windows version resource -------------------------------------------------------------------
@pytest.mark.parametrize(
    ("version", "numbers"),
    [("0.1.0", (0, 1, 0, 0)), ("1.2.3rc1", (1, 2, 3, 0)), ("2.0", (2, 0, 0, 0)), ("1.2.3.4.5", (1, 2, 3, 4))],
)
def test_windows_version_numbers(version: str, numbers: tuple[int, int, int, int]) -> None:
    assert vi.numeric_version(version) == numbers


def test_the_version_file_is_an_expression_pyinstaller_can_evaluate() -> None:
    text = vi.version_file_text("1.2.3rc1")
    tree = ast.parse(text, mode="eval")  # PyInstaller eval()s the file with its versioninfo classes
    calls: dict[str, list[ast.Call]] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            calls.setdefault(node.func.id, []).append(node)
    assert {
        "VSVersionInfo",
        "FixedFileInfo",
        "StringFileInfo",
        "StringTable",
        "StringStruct",
        "VarFileInfo",
    } <= set(calls)
    strings = {ast.literal_eval(c.args[0]): ast.literal_eval(c.args[1]) for c in calls["StringStruct"]}
    assert strings["FileVersion"] == strings["ProductVersion"] == "1.2.3rc1"
    assert strings["ProductName"] == "Factcheck Compare"
    ffi = {k.arg: ast.literal_eval(k.value) for k in calls["FixedFileInfo"][0].keywords}
    assert ffi["filevers"] == ffi["prodvers"] == (1, 2, 3, 0)
    with pytest.raises(ValueError):
        vi.numeric_version("1.70000")
