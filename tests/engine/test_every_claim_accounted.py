"""Whatever the phases do to the links (gap filling, splits and merges, headlines, a new
quotation taken apart), every claim of both texts is in the result: in a change, and a claim
left one-sided in exactly one added or removed change. Checked on every labelled real pair and
the demo (a claim in no change would be a sentence the reviewer never sees)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from factcheck_gui.engine.compare import compare_texts
from factcheck_gui.engine.types import ChangeKind
from tests.conftest import SAMPLES

PAIRS = Path(__file__).resolve().parents[2] / "benchmarks" / "pairs"
FOLDERS = sorted(
    p for part in ("tune", "test", "fresh") for p in (PAIRS / part).iterdir() if (p / "gold.json").is_file()
)


@pytest.mark.parametrize("folder", [SAMPLES, *FOLDERS], ids=lambda p: p.name)
def test_every_claim_is_in_a_change_and_one_sided_claims_once(folder: Path) -> None:
    cmp = compare_texts(
        (folder / "original.txt").read_text(encoding="utf-8"),
        (folder / "rewrite.txt").read_text(encoding="utf-8"),
    )
    for side, doc in (("original", cmp.original), ("rewrite", cmp.rewrite)):
        seen = Counter(cid for c in cmp.changes for cid in getattr(c, side))
        assert set(seen) == {c.id for c in doc.claims}, f"{side} claims in no change"
        kind = ChangeKind.REMOVED if side == "original" else ChangeKind.ADDED
        alone = Counter(cid for c in cmp.changes if c.kind is kind for cid in getattr(c, side))
        assert all(n == 1 for n in alone.values()), f"{side} claims one-sided twice"
        linked = {cid for c in cmp.changes if c.original and c.rewrite for cid in getattr(c, side)}
        assert not set(alone) & linked, f"{side} claims both linked and {kind.value}"
