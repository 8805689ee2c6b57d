"""What the PyInstaller spec keeps and drops (packaging/bundle_filter.py), on real file names."""

from __future__ import annotations

import importlib.util
import sys
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
entry = _load("entry")


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so",
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/lib/libicudata.so.73",
        "PySide6/plugins/platforms/qwindows.dll",
        "PySide6/plugins/styles/qmodernwindowsstyle.dll",
        "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
        "libpython3.11.so.1.0",
        "lxml/etree.cpython-311-x86_64-linux-gnu.so",
    ],
)
def test_what_the_app_needs_stays(dest: str) -> None:
    assert bf.keep_binary(dest)


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/plugins/imageformats/libqpdf.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/platforms/libqlinuxfb.so",
        "PySide6/Qt/plugins/sqldrivers/libqsqlite.so",
        "PySide6/Qt/plugins/qmltooling/libqmldbg_debugger.so",
        "PySide6/Qt/plugins/networkinformation/libqnetworkmanager.so",
        "PySide6/Qt/plugins/tls/libqopensslbackend.so",
        "PySide6/Qt/plugins/egldeviceintegrations/libqeglfs-kms-integration.so",
        "PySide6/Qt/lib/libQt6Pdf.so.6",
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6/Qt6Qml.dll",
        "PySide6/plugins/platforms/qdirect2d.dll",
    ],
)
def test_unused_qt_parts_go(dest: str) -> None:
    assert not bf.keep_binary(dest)


def test_qt_translations_only_for_the_languages_asked() -> None:
    assert not bf.keep_data("PySide6/Qt/translations/qtbase_de.qm")
    assert bf.keep_data("PySide6/Qt/translations/qtbase_de.qm", {"de"})
    assert bf.keep_data("PySide6/translations/qtbase_pt_BR.qm", {"pt"})
    assert not bf.keep_data("PySide6/Qt/translations/qtbase_fr.qm", {"de"})
    assert bf.keep_data("factcheck_gui/data/samples/original.txt")
    assert bf.keep_data("trafilatura/settings.cfg")


def test_babel_keeps_only_root_and_english() -> None:
    assert bf.keep_data("babel/locale-data/root.dat")
    assert bf.keep_data("babel/locale-data/en.dat")
    assert bf.keep_data("babel/global.dat")
    assert not bf.keep_data("babel/locale-data/fy.dat")


def test_libraries_only_a_dropped_plugin_needed_go_with_it() -> None:
    links = {
        "/qt/libqgtk3.so": ["libgtk-3.so.0", "libpangoft2-1.0.so.0", "libcairo.so.2", "libQt6Gui.so.6"],
        "/sys/libpangoft2-1.0.so.0": ["libcairo.so.2", "libfontconfig.so.1"],
        "/sys/libcairo.so.2": ["libpixman-1.so.0"],
        "/qt/libqxcb.so": ["libQt6Gui.so.6", "libfontconfig.so.1"],
    }
    binaries = [
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/qt/libqgtk3.so", "BINARY"),
        ("libpangoft2-1.0.so.0", "/sys/libpangoft2-1.0.so.0", "BINARY"),
        ("libcairo.so.2", "/sys/libcairo.so.2", "BINARY"),
        ("libfontconfig.so.1", "/sys/libfontconfig.so.1", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/qt/libqxcb.so", "BINARY"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/qt/libQt6Gui.so.6", "BINARY"),
    ]
    kept = bf.drop_unused_qt(binaries, lambda path: links.get(path, []))
    assert [dest for dest, _, _ in kept] == [
        "libfontconfig.so.1",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/lib/libQt6Gui.so.6",
    ]


def test_every_resource_file_must_land_in_factcheck_gui_data(tmp_path: Path) -> None:
    res = tmp_path / "resources"
    (res / "samples").mkdir(parents=True)
    (res / "__init__.py").write_text("")
    (res / "samples" / "original.txt").write_text("a")
    (res / "samples" / "rewrite.txt").write_text("b")
    complete = [
        (str(res / "samples" / n), "factcheck_gui/data/samples") for n in ("original.txt", "rewrite.txt")
    ]
    assert bf.missing_resources(res, complete) == []
    wrong_place = [(str(res / "samples" / "original.txt"), "data/samples"), complete[1]]
    assert bf.missing_resources(res, wrong_place) == ["factcheck_gui/data/samples/original.txt"]


def test_the_real_resources_folder_is_covered_by_a_package_data_walk() -> None:
    # The same (source, destination) pairs collect_data_files("factcheck_gui") yields from an
    # installed copy: every resource file, mirrored under factcheck_gui/data.
    res = ROOT / "resources"
    datas = [
        (str(p), str(Path("factcheck_gui/data") / p.parent.relative_to(res)))
        for p in res.rglob("*")
        if p.is_file() and p.suffix not in {".py", ".pyc"}
    ]
    assert datas
    assert bf.missing_resources(res, datas) == []
    assert bf.missing_resources(res, datas[1:]) != []


def test_numpy_detection(tmp_path: Path) -> None:
    pkg = tmp_path / "pkg"
    pkg.mkdir()
    (pkg / "a.py").write_text("import rapidfuzz\nfrom rapidfuzz import fuzz\n")
    assert not bf.imports_module(pkg, "numpy")
    (pkg / "b.py").write_text("def f():\n    from numpy.linalg import norm\n")
    assert bf.imports_module(pkg, "numpy")
    assert not bf.imports_module(ROOT / "factcheck_gui" / "engine", "PySide6")


@pytest.mark.parametrize(
    ("argv0", "name"),
    [
        ("/usr/bin/factcheck", "factcheck"),
        ("factcheck-gui", "factcheck-gui"),
        (r"C:\Program Files\Factcheck Compare\FACTCHECK.EXE", "factcheck"),
        ("/Applications/Factcheck Compare.app/Contents/MacOS/factcheck-gui", "factcheck-gui"),
    ],
)
def test_the_program_name_picks_cli_or_gui(argv0: str, name: str) -> None:
    assert entry._program_name(argv0.replace("\\", "/")) == name
