"""A text the importer had to guess about (its encoding) is said so when it opens: a reviewer
found a Windows-1252 file shown garbled with nothing on screen saying it was guessed."""

from __future__ import annotations

from pathlib import Path

from tests.ui.driver import Driver

LINE = "The mayor said the café would reopen on Monday, at a cost of €5m, officials said.\n"


def test_a_guessed_encoding_is_said_when_the_comparison_opens(driver: Driver, tmp_path: Path) -> None:
    a = tmp_path / "mayor-1252.txt"
    a.write_bytes(LINE.encode("cp1252"))
    b = tmp_path / "rewrite.txt"
    b.write_text(LINE.replace("€5m", "€6m"), encoding="utf-8")
    driver.open_pair(a, b)
    assert "Original “mayor-1252.txt”: not UTF-8: decoded as cp1252 (detected)" in driver.message
    assert "Check that the text reads right" in driver.message
    assert driver.message_level == "warning"
    assert "café" in driver.win.review.comparison.left.toPlainText()


def test_no_word_when_both_texts_are_plain_utf8(driver: Driver, tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(LINE, encoding="utf-8")
    b.write_text(LINE.replace("€5m", "€6m"), encoding="utf-8")
    driver.open_pair(a, b)
    assert "decoded as" not in driver.message
