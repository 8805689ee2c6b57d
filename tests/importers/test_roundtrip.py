"""The same story as txt, md, html, docx, pdf and eml imports to the same claims.

Residual differences, by design: the HTML page carries its headline as a first paragraph
(one "added" claim), and structured formats separate paragraphs with a blank line where the
.txt file uses a single newline.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck_gui.engine import ChangeKind, compare_texts
from factcheck_gui.importers import load_path

DATA = Path(__file__).resolve().parents[1] / "data" / "importers"
STORY = (DATA / "story.txt").read_text(encoding="utf-8")
HEADLINE = "Putin says Russia might arm North Korea"

FORMATS = [
    "story.txt",
    "story.md",
    "story.docx",
    "story.pdf",
    "story.eml",
    "story-wrapped-crlf.txt",
    "story-utf16.txt",
    "story-cp1252.txt",
    "story.html",
]


@pytest.mark.parametrize("name", FORMATS)
def test_story_text_is_the_same_up_to_whitespace(name: str) -> None:
    text = load_path(DATA / name).text
    if name == "story.html":
        assert text.startswith(HEADLINE + "\n\n")
        text = text[len(HEADLINE) :]
    assert text.split() == STORY.split()


@pytest.mark.parametrize("name", FORMATS)
def test_story_compares_as_unchanged_with_the_original(name: str) -> None:
    result = compare_texts(STORY, load_path(DATA / name).text)
    kinds = [c.kind for c in result.changes]
    # The page's headline sums up the lead: linked to it as a change of its own (the lead
    # itself stays unchanged), not reported as an invented claim.
    expected_headline = 1 if name == "story.html" else 0
    assert kinds.count(ChangeKind.ADDED) == 0
    assert kinds.count(ChangeKind.REWORDED) == expected_headline
    assert kinds.count(ChangeKind.UNCHANGED) == len(kinds) - expected_headline
    assert not any(c.flags for c in result.changes)
    if expected_headline:
        headline = next(c for c in result.changes if c.kind is ChangeKind.REWORDED)
        assert result.text_of(headline, "rewrite") == HEADLINE
        assert headline.original == (result.original.claims[0].id,)
