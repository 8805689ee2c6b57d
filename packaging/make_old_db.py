"""Make a review database in the *first* schema revision, for the smoke test's upgrade check.

    python packaging/make_old_db.py PATH      (run with the SOURCE install: .venv/bin/python)

Writes an SQLite file at PATH holding one review of the demo pair (title "before upgrade")
with the current schema, then downgrades it to the oldest Alembic revision, exactly as a
machine that ran an early release would have it. Prints that revision and the head revision
as ``OLD HEAD``. The frozen app must then upgrade it on first start, leaving a backup beside it.
"""

from __future__ import annotations

import sys
from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import URL, create_engine

from factcheck_gui.engine import compare_texts
from factcheck_gui.resources import sample_pair
from factcheck_gui.store import ReviewStore
from factcheck_gui.store.schema import alembic_config


def main(argv: list[str]) -> int:
    """Create the old-schema database at ``argv[0]``; exit status 2 on bad usage."""
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    path = Path(argv[0]).resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    url = URL.create("sqlite", database=str(path)).render_as_string()
    original, rewrite = (p.read_text(encoding="utf-8") for p in sample_pair())
    comparison = compare_texts(original, rewrite, original_name="original.txt", rewrite_name="rewrite.txt")
    with ReviewStore.open(url) as store:
        store.create_review(comparison, title="before upgrade", reviewer="smoke")

    script = ScriptDirectory.from_config(alembic_config())
    oldest = list(script.walk_revisions())[-1].revision  # walk_revisions goes head → base
    head = script.get_current_head()
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, oldest)
    finally:
        engine.dispose()
    print(oldest, head)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
