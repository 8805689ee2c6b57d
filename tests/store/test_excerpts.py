"""The first words of each text on its review's row (migration 0006), read with the summary."""

from __future__ import annotations

import pytest

from factcheck_gui.engine import compare_texts
from factcheck_gui.store import ReviewStore
from factcheck_gui.store.convert import EXCERPT_CHARS, excerpt


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ""),
        ("  Short   story.\n\nTwo lines. ", "Short story. Two lines."),
        ("word " * 40, ("word " * 20).strip() + "…"),  # cut between words, marked
        ("x" * 300, "x" * EXCERPT_CHARS + "…"),  # one long word: cut inside it
        ("<b>Bold</b> & “quoted”", "<b>Bold</b> & “quoted”"),  # text as written, no markup made
    ],
)
def test_excerpt(text: str, expected: str) -> None:
    assert excerpt(text) == expected
    assert len(excerpt(text)) <= EXCERPT_CHARS + 1


def test_excerpt_reads_only_the_start_of_a_long_text() -> None:
    long = "Opening words of a long story. " + "x " * 5_000_000
    assert excerpt(long).startswith("Opening words of a long story.") and excerpt(long).endswith("…")


def test_a_new_review_lists_with_the_first_words_and_places_of_its_texts(store: ReviewStore) -> None:
    comparison = compare_texts(
        "Mayor Announces New Budget\nThe mayor said on Monday.",
        "Budget news\nThe mayor said on Tuesday.",
        original_name="original.txt",
        rewrite_name="rewrite.txt",
    )
    rid = store.create_review(comparison, title="original.txt → rewrite.txt", reviewer="ann")
    (summary,) = store.list_reviews()
    assert summary.id == rid
    assert summary.original_excerpt == "Mayor Announces New Budget The mayor said on Monday."
    assert summary.rewrite_excerpt == "Budget news The mayor said on Tuesday."
    assert summary.original_location == comparison.original.source.location
    assert store.review_summary(rid) == summary
