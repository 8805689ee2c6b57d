"""Issue 15, defect 6: the start page tells recent reviews apart (folder, first words, date)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QDateTime, QLocale, Qt

from factcheck_gui.engine import compare_texts
from factcheck_gui.engine.types import SourceInfo
from factcheck_gui.ui.views.start_page import Col, short_folder
from tests.ui.driver import Driver

BUDGET = "Mayor Announces New Budget\nThe mayor said on Monday that schools get 5 million.\n"
STRIKE = "<b>Nurses strike</b> for a second day\nThe union said 300 nurses walked out.\n"


def _pair(folder: Path, original: str, rewrite: str) -> tuple[Path, Path]:
    folder.mkdir(parents=True)
    (folder / "original.txt").write_text(original, encoding="utf-8")
    (folder / "rewrite.txt").write_text(rewrite, encoding="utf-8")
    return folder / "original.txt", folder / "rewrite.txt"


def test_reviews_of_same_named_files_and_of_pasted_text_can_be_told_apart(  # type: ignore[no-untyped-def]
    qtbot, driver: Driver, tmp_path: Path, db_url: str, store_for
) -> None:
    driver.open_pair(*_pair(tmp_path / "desk" / "city", BUDGET, BUDGET.replace("5", "6")))
    driver.open_pair(*_pair(tmp_path / "desk" / "health", STRIKE, STRIKE.replace("300", "250")))
    pasted = SourceInfo(kind="clipboard")
    store_for(db_url).create_review(
        compare_texts(
            "Flood warning for the valley.",
            "Flood warning lifted.",
            original_name="clipboard",
            rewrite_name="clipboard",
            original_source=pasted,
            rewrite_source=pasted,
        ),
        title="clipboard → clipboard",
        reviewer="Tester",
    )
    driver.go_to_start_page()
    driver.wait_for_recent_reviews(3)
    rows = driver.recent_reviews()
    # Two reviews titled alike, "original.txt → rewrite.txt", and one of pasted text: each row
    # differs by its folder and its first words.
    assert len({tuple(r.values()) for r in rows}) == 3
    assert {r["Folder"] for r in rows} == {"…/desk/city", "…/desk/health", "pasted text"}
    by_folder = {r["Folder"]: r for r in rows}
    city = by_folder["…/desk/city"]["Original begins"]
    assert city == "Mayor Announces New Budget The mayor said on Monday that schools get 5 million."
    assert by_folder["…/desk/health"]["Rewrite begins"].startswith("<b>Nurses strike</b> for a second day")
    assert by_folder["pasted text"]["Original begins"] == "Flood warning for the valley."
    # the date in the reader's locale, not an ISO stamp
    model = driver.win.start.model
    for row in range(model.rowCount()):
        when = model.review_at(row).updated_at
        local = QDateTime.fromMSecsSinceEpoch(round(when.timestamp() * 1000))
        assert rows[row]["Updated"] == QLocale().toString(local, QLocale.FormatType.ShortFormat)
    # one line a row: nothing wraps, long texts are shortened
    table = driver.win.start.table
    assert not table.wordWrap()
    line = table.fontMetrics().lineSpacing()
    assert all(table.rowHeight(r) < 2 * line for r in range(model.rowCount()))
    # untrusted story text is never markup: the tooltip shows it as written
    tip = model.index([r["Folder"] for r in rows].index("…/desk/health"), Col.REWRITE).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert "&lt;b&gt;Nurses strike&lt;/b&gt;" in tip and "<b>" not in tip


def test_the_date_follows_the_readers_locale(qtbot) -> None:  # type: ignore[no-untyped-def]
    from factcheck_gui.ui.views.start_page import local_time

    moment = datetime(2026, 3, 4, 15, 30, tzinfo=UTC)
    before = QLocale()
    try:
        QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
        german = local_time(moment)
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        american = local_time(moment)
    finally:
        QLocale.setDefault(before)
    assert german != american
    assert "04.03.26" in german and "3/4/26" in american


def test_short_folder() -> None:
    assert short_folder("") == "pasted text"
    assert short_folder("/home/ann/news/2024/june/original.txt", home="/home/ann") == "…/2024/june"
    assert short_folder("/home/ann/desk/original.txt", home="/home/ann") == "~/desk"
    assert short_folder("/srv/original.txt", home="/home/ann") == "/srv"
    assert short_folder("https://example.org/news/story.html", home="/home/ann") == "example.org"
    assert short_folder(r"C:\Users\ann\news\june\a.txt", home="/home/ann") == "…/news/june"
