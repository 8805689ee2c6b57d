"""Where ``shared/`` is (the benchmark data and the scoring tools, never copied into the repo).

``$FACTCHECK_SHARED`` when set; otherwise the first ``shared`` folder holding ``tools/`` beside
the repository root or beside any folder above it, so a checkout anywhere under the
workplace (a CI clone in another folder, a worktree) finds it without a setting.
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    env = os.environ.get("FACTCHECK_SHARED")
    if env:
        return Path(env)
    for base in (ROOT, *ROOT.parents):
        cand = base.parent / "shared" if base == ROOT else base / "shared"
        if (cand / "tools").is_dir():
            return cand
    raise SystemExit(
        "shared/ (benchmark data and tools) not found beside the repository or above it; "
        "set FACTCHECK_SHARED to its path"
    )
