"""The release workflow, the release check, the Windows installer script, the macOS build script
and the .deb's lintian overrides: the rules issue 11 asks for, checked without the platforms."""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PKG = ROOT / "packaging"
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"


def _load(path: Path, name: str):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


cr = _load(PKG / "check_release.py", "check_release")


# -- the release check (first job of the workflow) -----------------------------------------------
CHANGELOG = """# Changelog

## Unreleased

- next

## 0.2.0 - 2026-07-01

### Added
- a thing

## 0.1.0 - 2026-05-09

- first
"""


def _metainfo_for(changelog: str) -> str:
    mr = sys.modules["metainfo_releases"]
    releases, _ = mr.parse_changelog(changelog)
    return mr.sync("<component>\n  <releases/>\n</component>\n", releases)


def test_a_tag_that_matches_the_version_and_the_changelog_passes() -> None:
    assert cr.problems("v0.2.0", "0.2.0", CHANGELOG, _metainfo_for(CHANGELOG)) == []


def test_a_wrong_tag_or_a_missing_entry_is_reported_before_the_builds() -> None:
    meta = _metainfo_for(CHANGELOG)
    assert any("the tag is v0.2.1" in p for p in cr.problems("v0.2.1", "0.2.0", CHANGELOG, meta))
    missing = cr.problems("v0.3.0", "0.3.0", CHANGELOG, meta)
    assert any("no heading for 0.3.0" in p for p in missing)
    stale = cr.problems("v0.2.0", "0.2.0", CHANGELOG, "<component>\n  <releases/>\n</component>\n")
    assert any("AppStream" in p for p in stale)
    undated = "## 0.2.0\n\n- x\n"
    assert any("no date" in p for p in cr.problems("v0.2.0", "0.2.0", undated, "<releases/>"))


@pytest.mark.parametrize(
    ("tag", "pre"),
    [
        ("v1.0.0", False),
        ("v1.0.0rc1", True),
        ("v1.0rc2", True),
        ("v2.0.0b1", True),
        ("v0.3.0.dev1", True),
        ("v10.0", False),
    ],
)
def test_rc_tags_are_prereleases(tag: str, pre: bool) -> None:
    assert cr.is_prerelease(tag) is pre


def test_the_release_notes_are_the_changelog_section() -> None:
    assert cr.changelog_notes(CHANGELOG, "0.2.0") == "### Added\n- a thing\n"
    assert cr.changelog_notes(CHANGELOG, "0.1.0") == "- first\n"
    assert cr.changelog_notes(CHANGELOG, "9.9.9") is None


def test_the_check_runs_on_this_checkout_and_a_dry_run_never_blocks(tmp_path: Path) -> None:
    out = tmp_path / "github_output"
    env = {"GITHUB_OUTPUT": str(out), "PATH": "/usr/bin:/bin"}
    dry = subprocess.run(
        [sys.executable, str(PKG / "check_release.py"), "--dry-run"], capture_output=True, text=True, env=env
    )
    assert dry.returncode == 0, dry.stderr
    version = cr.source_version()
    assert f"version={version}\n" in out.read_text(encoding="utf-8")
    wrong = subprocess.run(
        [sys.executable, str(PKG / "check_release.py"), "v0.0.0-not-it"], capture_output=True, text=True
    )
    assert wrong.returncode == 1 and "::error::the tag is v0.0.0-not-it" in wrong.stderr


# -- the workflow -------------------------------------------------------------------------------
def _workflow_text() -> str:
    return WORKFLOW.read_text(encoding="utf-8")


def test_no_retired_runner_and_an_intel_mac_build() -> None:
    text = _workflow_text()
    assert "macos-13" not in re.sub(r"#.*", "", text)
    assert re.search(r"runner: \[.*macos-15-intel.*\]", text)


def test_the_release_is_published_only_after_every_asset_is_uploaded() -> None:
    text = _workflow_text()
    create = text.index("gh release create")
    upload = text.index("gh release upload")
    publish = text.index('gh release edit "$tag" --draft=false')
    assert "--draft" in text[create : create + 120]
    assert create < upload < publish
    assert "--prerelease" in text and "prerelease" in text[text.index("check:") : text.index("sdist:")]


def test_the_tag_check_runs_first_and_every_build_waits_for_it() -> None:
    yaml = pytest.importorskip("yaml")
    jobs = yaml.safe_load(_workflow_text())["jobs"]
    assert "needs" not in jobs["check"]
    for name in ("sdist", "linux", "windows", "macos"):
        assert jobs[name]["needs"] == "check", name
    assert set(jobs["assemble"]["needs"]) >= {"sdist", "linux", "windows", "macos"}
    publish = jobs["publish"]
    assert "github.event_name == 'push'" in publish["if"]
    assert publish["permissions"] == {"contents": "write"}
    # Nothing else may write to the repository: a workflow_dispatch run publishes nothing.
    assert all("permissions" not in job for name, job in jobs.items() if name != "publish")
    steps = " ".join(str(s.get("run", "")) for s in jobs["check"]["steps"])
    assert "check_release.py" in steps and "--dry-run" in steps


def test_the_sdist_and_wheel_are_built_and_attached() -> None:
    text = _workflow_text()
    assert "python -m build" in text
    assert "factcheck_compare-$v.tar.gz" in text and "factcheck_compare-$v-py3-none-any.whl" in text


def test_the_linux_job_installs_what_build_linux_sh_needs() -> None:
    script = (PKG / "build_linux.sh").read_text(encoding="utf-8")
    packages = re.search(r"BUILD_PACKAGES=\(([^)]*)\)", script, re.S)
    assert packages
    text = _workflow_text()
    apt = text[text.index("sudo apt-get install") : text.index("- name: Build the bundle")]
    missing = [p for p in packages.group(1).split() if p not in apt.split()]
    assert missing == []
    assert "lintian" in apt.split()


def test_pyinstaller_is_pinned_to_one_exact_version_everywhere() -> None:
    pins = {
        "build_linux.sh": re.findall(
            r"pyinstaller==([\w.]+)", (PKG / "build_linux.sh").read_text(encoding="utf-8")
        ),
        "build_windows.ps1": re.findall(
            r"pyinstaller==([\w.]+)", (PKG / "windows" / "build_windows.ps1").read_text(encoding="utf-8")
        ),
        "build_macos.sh": re.findall(
            r"pyinstaller==([\w.]+)", (PKG / "macos" / "build_macos.sh").read_text(encoding="utf-8")
        ),
    }
    assert all(len(v) == 1 for v in pins.values()), pins
    assert len({v[0] for v in pins.values()}) == 1, pins
    for path in (
        PKG / "build_linux.sh",
        PKG / "windows" / "build_windows.ps1",
        PKG / "macos" / "build_macos.sh",
    ):
        assert not re.search(r"pyinstaller[<>~]", path.read_text(encoding="utf-8")), path


# -- Windows: Inno Setup ------------------------------------------------------------------------
ISS = (PKG / "windows" / "factcheck.iss").read_text(encoding="utf-8")


def _pascal_delete(s: str, index: int, count: int) -> str:
    """Pascal's Delete(S, Index, Count): 1-based; an Index below 1 or past the end deletes nothing."""
    if index < 1 or index > len(s) or count <= 0:
        return s
    return s[: index - 1] + s[index - 1 + count :]


def _uninstall_path(path: str, app: str) -> str:
    """CurUninstallStepChanged's PATH edit, step by step as factcheck.iss writes it."""
    p = (";" + path.upper() + ";").find(";" + app.upper() + ";") + 1  # Pascal Pos: 0 = not found
    if p == 0:
        return path
    path = _pascal_delete(path, 1, len(app) + 1) if p == 1 else _pascal_delete(path, p - 1, len(app) + 1)
    if path[:1] == ";":
        path = _pascal_delete(path, 1, 1)
    return path


def test_the_uninstaller_code_is_the_one_modelled_here() -> None:
    code = ISS[ISS.index("procedure CurUninstallStepChanged") :]
    assert re.search(
        r"if P = 1 then\s+Delete\(Path, 1, Length\(Dir\) \+ 1\)\s+else\s+Delete\(Path, P - 1, Length\(Dir\) \+ 1\);",
        code,
    )


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (r"C:\App;C:\Other", r"C:\Other"),  # {app} first: the case that used to stay behind
        (r"C:\App", ""),
        (r"C:\Other;C:\App", r"C:\Other"),
        (r"C:\Other;C:\App;C:\Third", r"C:\Other;C:\Third"),
        (r"C:\Other;c:\app", r"C:\Other"),  # case-insensitive, as Windows paths are
        (r"C:\Apple;C:\Other", r"C:\Apple;C:\Other"),  # a longer name that starts the same stays
        (r"C:\App;", ""),
    ],
)
def test_uninstall_removes_the_app_folder_from_path_wherever_it_is(before: str, after: str) -> None:
    assert _uninstall_path(before, r"C:\App") == after


def test_an_upgrade_removes_the_old_internal_folder_and_old_compilers_are_refused() -> None:
    section = re.search(r"^\[InstallDelete\](.*?)(?=^\[)", ISS, re.M | re.S)
    assert section and re.search(
        r'^Type: filesandordirs; Name: "\{app\}\\_internal"$', section.group(1), re.M
    )
    assert re.search(r"^#if Ver < EncodeVer\(6, 3, 0\)\n\s+#error", ISS, re.M)
    assert "VersionInfoVersion={#AppNumericVersion}" in ISS


# -- macOS --------------------------------------------------------------------------------------
def test_macos_build_fails_loudly_when_the_app_is_incomplete_and_targets_macos_13() -> None:
    script = (PKG / "macos" / "build_macos.sh").read_text(encoding="utf-8")
    # set -e ignores a failing test that is not the last command of an && list
    code = [line for line in script.splitlines() if not line.lstrip().startswith("#")]
    assert not [line for line in code if re.match(r"^\s*\[[^]]*\]\s*&&\s*\[[^]]*\]\s*$", line)]
    spec = (PKG / "factcheck.spec").read_text(encoding="utf-8")
    assert re.search(r'"LSMinimumSystemVersion": "13\.0"', spec)


@pytest.mark.skipif(not shutil.which("bash"), reason="needs bash")
def test_build_scripts_parse() -> None:
    for script in ("build_linux.sh", "smoke_test.sh", "macos/build_macos.sh", "macos/smoke_test.sh"):
        done = subprocess.run(["bash", "-n", str(PKG / script)], capture_output=True, text=True)
        assert done.returncode == 0, f"{script}: {done.stderr}"


# -- .deb: lintian overrides --------------------------------------------------------------------
def test_every_lintian_override_says_why() -> None:
    lines = (PKG / "lintian-overrides").read_text(encoding="utf-8").splitlines()
    overrides = [i for i, line in enumerate(lines) if line and not line.startswith("#")]
    assert overrides
    for i in overrides:
        assert lines[i].startswith("factcheck-compare: "), lines[i]
        assert i > 0 and lines[i - 1].startswith("# ") and len(lines[i - 1]) > 20, (
            f"no reason above: {lines[i]}"
        )
    # Only what a bundle under /opt cannot avoid; not things a build can fix.
    tags = {lines[i].split()[1] for i in overrides}
    assert not tags & {
        "no-copyright-file",
        "no-md5sums-control-file",
        "custom-library-search-path",
        "no-changelog",
    }
