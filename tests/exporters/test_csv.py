"""CSV and audit-trail exports, parsed back with the csv module and checked cell by cell."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace

from factcheck_gui.exporters import render_review
from factcheck_gui.exporters.csvfile import AUDIT_COLUMNS, CHANGE_COLUMNS, safe_cell
from factcheck_gui.store.records import Review

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def parse(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 byte-order mark for spreadsheet programs"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_every_change_is_one_row_cell_by_cell(hand: Review) -> None:
    rows = parse(render_review(hand, "csv"))
    assert rows[0] == list(CHANGE_COLUMNS)
    body = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    assert [r["change_id"] for r in body] == ["c1", "c2", "c3"]
    c1, c2, c3 = body
    assert c1 == {
        "review_id": "7",
        "review_title": "Hand <i>made</i>",
        "change_id": "c1",
        "kind": "reworded",
        "moved": "no",
        "similarity": "0.7123",
        "needs_review": "yes",
        "original_claims": "o1",
        "rewrite_claims": "r1",
        "original_text": "Putin said 5 people left.",
        "rewrite_text": "Putin claimed 7 people left.",
        "flags": "number: number changed: 5 → 7\nattribution: attribution changed: said → claimed",
        "verdict": "Misleading",
        "note": "'=2+2 <b>bold</b>\nsecond line",  # a formula neutralised, the line break kept
        "reviewer": "Ana",
        "verdict_at": "2024-06-20T09:30:00+00:00",
        "carried_over": "",
        "flag_changes": "changed\nchanged",
        "flag_severities": "medium\nmedium",
        "omitted": "",
        "nearest_claim": "",
        "nearest_similarity": "",
        "changed_or_added": "yes",
    }
    # A lone surrogate cannot be UTF-8 and a control character is no text: both show as U+FFFD.
    assert c2["original_text"] == "She denied it \ufffd here.\ufffd"
    assert (c2["verdict"], c2["note"], c2["rewrite_text"]) == ("", "cleared, note kept", "")
    assert c3["moved"] == "yes" and c3["carried_over"] == "review 4 change c9"
    assert c3["original_text"] == "" and c3["rewrite_text"] == "A new claim.\ufffd"


def test_rows_end_with_crlf_and_multiline_cells_are_quoted(hand: Review) -> None:
    text = render_review(hand, "csv").decode("utf-8-sig")
    assert text.split("\r\n")[0] == ",".join(CHANGE_COLUMNS)
    assert '"\'=2+2 <b>bold</b>\nsecond line"' in text


def test_formula_cells_are_neutralised() -> None:
    for start in (*FORMULA_STARTS, "＝"):
        assert safe_cell(start + "1+1") == "'" + start + "1+1"
    for harmless in ("1+1", "Putin said", "", "'quoted", " x=not at start"):
        assert safe_cell(harmless) == harmless
    assert safe_cell(" =after a space") == "' =after a space"  # OWASP: checked after whitespace


def test_store_reviews_export_every_change_with_inert_cells(store_review: Review) -> None:
    rows = parse(render_review(store_review, "csv"))
    header, body = rows[0], rows[1:]
    cmp = store_review.comparison
    assert len(body) == len(cmp.changes)
    col = {name: i for i, name in enumerate(header)}
    for row, change in zip(body, cmp.changes, strict=True):
        assert all(not cell.startswith(FORMULA_STARTS) for cell in row), row
        assert row[col["change_id"]] == change.id
        assert row[col["original_text"]] == safe_cell(cmp.text_of(change, "original"))
        assert row[col["rewrite_text"]] == safe_cell(cmp.text_of(change, "rewrite"))
        assert row[col["needs_review"]] == ("yes" if change.is_change else "no")
        v = store_review.verdicts.get(change.id)
        assert row[col["verdict"]] == ((v.value or "") if v else "")
        assert row[col["note"]] == (safe_cell(v.note) if v else "")
        assert row[col["reviewer"]] == (safe_cell(v.reviewer) if v else "")
    assert sum(1 for r in body if r[col["verdict"]]) == sum(
        1 for v in store_review.verdicts.values() if v.value
    )


def test_hostile_formulas_reach_the_spreadsheet_as_text(make_store_review) -> None:  # type: ignore[no-untyped-def]
    review = make_store_review("hostile")
    cells = [c for row in parse(render_review(review, "csv"))[1:] for c in row]
    assert any(c.startswith("'=HYPERLINK(") for c in cells)
    assert any(c.startswith("'+4") for c in cells) and any(c.startswith("'@SUM") for c in cells)
    assert any(c.startswith("'=Bob Editor") for c in cells), "a reviewer name is neutralised too"
    # The engine splits the 10,000-character sentence into claims; none of its text is lost.
    assert sum(len(c) for c in cells if "very very" in c) >= 2 * 10_000
    assert any("🎉" in c and "👍🏽" in c for c in cells)


def test_audit_trail_has_every_history_row(store_review: Review) -> None:
    rows = parse(render_review(store_review, "audit"))
    assert rows[0] == list(AUDIT_COLUMNS)
    body = rows[1:]
    assert len(body) == len(store_review.history) >= 2
    for row, h in zip(body, store_review.history, strict=True):
        cell = dict(zip(AUDIT_COLUMNS, row, strict=True))
        assert cell["change_id"] == h.change_id and cell["action"] == h.action
        assert cell["old_verdict"] == (h.old_value or "") and cell["new_verdict"] == (h.new_value or "")
        assert cell["new_note"] == safe_cell(h.new_note) and cell["reviewer"] == safe_cell(h.reviewer)
        assert cell["at"] == h.at.isoformat()
        assert cell["version"] == str(h.version)
        assert cell["replaced_chars"] == str(h.replaced_chars)


def test_audit_counts_the_characters_the_store_replaced(hand: Review) -> None:
    history = tuple(replace(h, replaced_chars=i) for i, h in enumerate(hand.history))
    rows = parse(render_review(replace(hand, history=history), "audit"))
    assert rows[0][-1] == "replaced_chars"
    assert [dict(zip(rows[0], r, strict=True))["replaced_chars"] for r in rows[1:]] == ["0", "1", "2"]


def test_audit_of_a_hand_review_keeps_carry_over_source(hand: Review) -> None:
    rows = parse(render_review(hand, "audit"))
    cell = dict(zip(rows[0], rows[3], strict=True))
    assert (cell["action"], cell["new_verdict"], cell["carried_from"]) == (
        "carried",
        "Unsupported",
        "review 4 change c9",
    )


_FIELD = re.compile(r'"((?:[^"]|"")*)"|([^",\r\n]*)')


def rfc4180_records(text: str) -> list[list[str]]:
    """A strict RFC 4180 reader, independent of the csv module: CRLF between records, a field
    is either quoted (quotes doubled inside, anything else allowed) or free of , " CR and LF."""
    records: list[list[str]] = []
    pos = 0
    row: list[str] = []
    while True:
        m = _FIELD.match(text, pos)
        assert m is not None
        quoted, plain = m.groups()
        row.append(quoted.replace('""', '"') if quoted is not None else plain)
        pos = m.end()
        if text.startswith(",", pos):
            pos += 1
            continue
        records.append(row)
        row = []
        if pos == len(text):
            break
        assert text.startswith("\r\n", pos), f"not RFC 4180 at offset {pos}: {text[pos : pos + 20]!r}"
        pos += 2
        if pos == len(text):
            break  # the optional line break after the last record
    return records


def test_files_are_strict_rfc_4180(hand: Review, make_store_review) -> None:  # type: ignore[no-untyped-def]
    for review in (hand, make_store_review("hostile")):
        for fmt, columns in (("csv", CHANGE_COLUMNS), ("audit", AUDIT_COLUMNS)):
            data = render_review(review, fmt)
            text = data.decode("utf-8")  # strictly valid UTF-8
            assert text.startswith("\ufeff") and text.endswith("\r\n")
            records = rfc4180_records(text[1:])
            assert all(len(r) == len(columns) for r in records), "every record has every column"
            assert records == parse(data), "the csv module reads the same cells"
            # quoting is minimal and never missing: quoted exactly when a cell needs it
            for line_cells in records:
                for cell in line_cells:
                    if any(ch in cell for ch in ',"\r\n'):
                        assert '"' + cell.replace('"', '""') + '"' in text
