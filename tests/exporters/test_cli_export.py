"""`factcheck export` and `factcheck import-review` through a real argparse parser and SQLite file."""

from __future__ import annotations

import argparse
import io
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from factcheck_gui.cli import export as export_cli
from factcheck_gui.cli.common import CliError
from factcheck_gui.engine import compare_texts
from factcheck_gui.exporters import render_review
from factcheck_gui.store import ReviewStore
from factcheck_gui.store.records import Review

from .conftest import PUBLISHER, ROOT, options_for


def run(argv: list[str], stdout: io.BytesIO | None = None) -> int:
    parser = argparse.ArgumentParser(prog="factcheck")
    export_cli.register(parser.add_subparsers())
    args = parser.parse_args(argv)
    if args.func is export_cli.run_export:
        return export_cli.run_export(args, stdout=stdout or io.BytesIO())
    return int(args.func(args))


@pytest.fixture
def db(tmp_path: Path, make_store_review) -> tuple[str, Review]:  # type: ignore[no-untyped-def]
    review = make_store_review("reference")  # stored in tmp_path/reviews.sqlite3
    return f"sqlite:///{tmp_path / 'reviews.sqlite3'}", review


@pytest.mark.parametrize("fmt", ["csv", "json", "md", "html", "claimreview", "audit"])
def test_text_formats_go_to_stdout(db: tuple[str, Review], fmt: str) -> None:
    url, review = db
    out = io.BytesIO()
    publisher = [
        *("--organisation", PUBLISHER.organisation),
        *("--reviewer-name", PUBLISHER.reviewer_name),
        *("--review-url", PUBLISHER.review_url),
    ]
    extra = publisher if fmt == "claimreview" else []
    assert run(["export", str(review.id), "--format", fmt, "--db", url, *extra], out) == 0
    assert out.getvalue() == render_review(review, fmt, options_for(fmt))


def test_export_to_a_file_and_import_it_into_another_database(
    db: tuple[str, Review], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, review = db
    target = tmp_path / "review.json"
    assert run(["export", str(review.id), "--format", "json", "-o", str(target), "--db", url]) == 0
    other = f"sqlite:///{tmp_path / 'other.sqlite3'}"
    capsys.readouterr()
    assert run(["import-review", str(target), "--db", other]) == 0
    new_id = int(capsys.readouterr().out.strip())
    with ReviewStore.open(other) as store:
        back = store.load_review(new_id)
    assert back.comparison == review.comparison and back.verdicts == review.verdicts
    assert back.history == review.history


def test_replaced_characters_survive_export_and_import_review(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Characters the store could not keep (a lone surrogate, NUL) are counted on the review, the
    verdict and the history row; `export --format json` then `import-review` keeps the counts."""
    url = f"sqlite:///{tmp_path / 'reviews.sqlite3'}"
    cmp = compare_texts("Five people left on Monday.", "Seven people left on Friday.")
    with ReviewStore.open(url) as store:
        rid = store.create_review(cmp, title="Bridge \ud800 cost", reviewer="ann")
        cid = next(c.id for c in cmp.changes if c.is_change)
        store.set_verdict(rid, cid, "Misleading", reviewer="b\udc00ob", note="5\x00→7", expected_version=None)
        review = store.load_review(rid)
    assert review.summary.replaced_chars == 1
    assert review.verdicts[cid].replaced_chars == review.history[-1].replaced_chars == 2

    target = tmp_path / "review.json"
    assert run(["export", str(rid), "--format", "json", "-o", str(target), "--db", url]) == 0
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["review"]["replaced_chars"] == 1
    assert [v["replaced_chars"] for v in data["verdicts"]] == [2]
    assert [h["replaced_chars"] for h in data["history"]] == [h.replaced_chars for h in review.history]

    other = f"sqlite:///{tmp_path / 'other.sqlite3'}"
    capsys.readouterr()
    assert run(["import-review", str(target), "--db", other]) == 0
    with ReviewStore.open(other) as store:
        back = store.load_review(int(capsys.readouterr().out.strip()))
    assert back.summary.replaced_chars == 1
    assert back.verdicts == review.verdicts and back.history == review.history


def test_pdf_is_refused_on_a_terminal(db: tuple[str, Review]) -> None:
    url, review = db
    master, slave = os.openpty()
    try:
        with os.fdopen(slave, "wb", closefd=False) as tty, pytest.raises(CliError, match="terminal"):
            run(["export", str(review.id), "--format", "pdf", "--db", url], tty)  # type: ignore[arg-type]
    finally:
        os.close(master)
        os.close(slave)


def test_errors_are_one_line_cli_errors(db: tuple[str, Review], tmp_path: Path) -> None:
    url, review = db
    with pytest.raises(CliError, match="99") as err:
        run(["export", "99", "--format", "csv", "--db", url])
    assert err.value.status == 2
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(CliError, match="invalid JSON at line 1"):
        run(["import-review", str(bad), "--db", url])
    bad.write_text(json.dumps({"schema": "factcheck.review/9", "app": "9.0"}), encoding="utf-8")
    with pytest.raises(CliError, match="newer version"):
        run(["import-review", str(bad), "--db", url])
    with pytest.raises(CliError, match="cannot read"):
        run(["import-review", str(tmp_path / "nope.json"), "--db", url])
    with pytest.raises(CliError, match="does not exist"):
        run(["export", str(review.id), "--format", "csv", "-o", str(tmp_path / "no" / "x.csv"), "--db", url])
    with pytest.raises(SystemExit):
        run(["export", "abc", "--format", "csv"])
    with ReviewStore.open(url) as store:
        assert [r.id for r in store.list_reviews()] == [review.id]  # nothing was added


def test_pdf_to_a_pipe_in_a_fresh_process_loads_qt_only_for_pdf(db: tuple[str, Review]) -> None:
    url, review = db
    code = textwrap.dedent(
        f"""
        import argparse, sys
        sys.path.insert(0, {str(ROOT)!r})
        from factcheck_gui.cli import export
        p = argparse.ArgumentParser(); export.register(p.add_subparsers())
        a = p.parse_args(["export", "{review.id}", "--format", sys.argv[1], "--db", {url!r}])
        a.func(a)
        sys.stderr.write("qt loaded" if "PySide6" in sys.modules else "no qt")
        """
    )
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    for fmt, qt in (("csv", "no qt"), ("pdf", "qt loaded")):
        out = subprocess.run([sys.executable, "-c", code, fmt], capture_output=True, cwd=ROOT, env=env)
        assert out.returncode == 0, out.stderr.decode()
        assert out.stderr.decode().endswith(qt)
        assert out.stdout.startswith(b"%PDF-" if fmt == "pdf" else b"\xef\xbb\xbfreview_id,")


def test_import_review_of_a_pipe_without_writer_does_not_hang(db: tuple[str, Review], tmp_path: Path) -> None:
    url, _ = db
    fifo = tmp_path / "review.json"
    os.mkfifo(fifo)
    done = subprocess.run(
        [sys.executable, "-m", "factcheck_gui.cli", "import-review", str(fifo), "--db", url],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
    )
    assert done.returncode == 2 and done.stderr.count("\n") == 1, done.stderr
    assert "nothing to read" in done.stderr and "Traceback" not in done.stderr


def test_import_review_of_a_file_with_a_huge_number_is_a_clean_error(
    db: tuple[str, Review], tmp_path: Path
) -> None:
    url, review = db
    data = json.loads(render_review(review, "json"))
    data["review"]["replaced_chars"] = 2**63  # more than any database INTEGER column holds
    bad = tmp_path / "big.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(CliError, match="out of range") as err:
        run(["import-review", str(bad), "--db", url])
    assert err.value.status == 2
    with ReviewStore.open(url) as store:
        assert [r.id for r in store.list_reviews()] == [review.id]


def test_claimreview_without_its_publisher_is_refused_before_anything_is_opened(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("FACTCHECK_ORGANISATION", "FACTCHECK_REVIEW_URL", "FACTCHECK_ORGANISATION_URL"):
        monkeypatch.delenv(name, raising=False)  # the options would be read from them
    db = tmp_path / "none.sqlite3"
    target = tmp_path / "fc.jsonld"
    with pytest.raises(CliError) as err:
        run(["export", "1", "--format", "claimreview", "-o", str(target), "--db", f"sqlite:///{db}"])
    msg = str(err.value)
    assert err.value.status == 2 and "\n" not in msg
    assert msg.startswith("ClaimReview needs the organisation's name and the review URL")
    assert msg.endswith(
        "give --organisation NAME (or set FACTCHECK_ORGANISATION) and "
        "--review-url URL (or set FACTCHECK_REVIEW_URL)"
    )
    with pytest.raises(
        CliError, match=r"needs the review URL .*give --review-url URL \(or set FACTCHECK_REVIEW_URL\)$"
    ):
        run(["export", "1", "--format", "claimreview", "--organisation", "Checks", "--db", f"sqlite:///{db}"])
    with pytest.raises(CliError, match="is not a web address"):
        run(
            [
                *("export", "1", "--format", "claimreview", "--organisation", "Checks"),
                *("--review-url", "ftp://x", "--db", f"sqlite:///{db}"),
            ]
        )
    assert not target.exists() and not db.exists()  # nothing written, no database made


def test_claimreview_to_a_file_says_what_it_left_out(
    db: tuple[str, Review], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url, review = db
    target = tmp_path / "fc.jsonld"
    argv = [
        *("export", str(review.id), "--format", "claimreview", "-o", str(target), "--db", url),
        *("--organisation", "Example Fact Checks", "--reviewer-name", "Ana Analyst"),
        *(
            "--review-url",
            "https://checks.example/reviews/7",
            "--organisation-url",
            "https://checks.example/",
        ),
    ]
    assert run(argv) == 0
    items = json.loads(target.read_text(encoding="utf-8"))
    assert items and all(i["url"] == "https://checks.example/reviews/7" for i in items)
    assert items[0]["author"] == {
        "@type": "Organization",
        "name": "Example Fact Checks",
        "url": "https://checks.example/",
    }
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"{len(items)} ClaimReview items written; ") and "marked Needs follow-up (" in err
    assert "not yet rated (" in err and "\n" not in err
