"""Shared fixtures: the reference story pair, and isolation of user folders for every test."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

# Property tests draw the same examples on every run, with no example database: a fresh clone's
# CI must not fail on a case no earlier run met (a new case is found by raising max_examples).
settings.register_profile("repeatable", derandomize=True, database=None)
settings.load_profile("repeatable")

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "resources" / "samples"


@pytest.fixture(scope="session")
def reference_pair() -> tuple[str, str]:
    """The built-in demo pair (original, rewrite) as text."""
    return (
        (SAMPLES / "original.txt").read_text(encoding="utf-8"),
        (SAMPLES / "rewrite.txt").read_text(encoding="utf-8"),
    )


@pytest.fixture(autouse=True)
def _isolated_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the real user's data, config or database."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / ".cache"))
    monkeypatch.delenv("FACTCHECK_DB", raising=False)
