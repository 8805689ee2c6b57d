"""E-mail files: the text body (or the HTML body), with subject, sender and date as metadata."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from factcheck_gui.importers import ImportFailed, load_bytes, load_path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data" / "importers"
STORY = (DATA / "story.txt").read_text(encoding="utf-8")


def test_plain_text_mail_gives_the_reflowed_story_and_its_headers() -> None:
    item = load_path(DATA / "story.eml")  # quoted-printable, CRLF, hard-wrapped at 68
    assert item.text.rstrip("\n").split("\n\n") == STORY.strip("\n").split("\n")
    src = item.source
    assert (src.kind, src.title, src.author, src.published) == (
        "eml",
        "Putin says Russia might arm North Korea",
        "Wire Desk <desk@example.invalid>",
        "2024-06-20T09:15:00+00:00",
    )


def test_html_only_mail_is_extracted_like_a_page() -> None:
    mail = (
        "From: a@example.invalid\r\nSubject: Flood\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/alternative; boundary="b"\r\n\r\n--b\r\n'
        "Content-Type: text/html; charset=iso-8859-1\r\n\r\n"
        "<html><body><p>Caf\xe9 owners said the \x93water\x94 rose fast.</p><script>x()</script></body></html>\r\n"
        "--b--\r\n"
    ).encode("latin-1")
    item = load_bytes(mail, name="flood.eml")
    assert item.text == "Café owners said the “water” rose fast."
    assert item.source.title == "Flood"


def test_mail_without_a_text_body_is_refused() -> None:
    mail = (
        b"From: a@example.invalid\r\nMIME-Version: 1.0\r\nContent-Type: image/png\r\n"
        b"Content-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n"
    )
    with pytest.raises(ImportFailed, match=r"^x\.eml: the e-mail has no text or HTML body$"):
        load_bytes(mail, name="x.eml")


def test_mail_that_forwards_a_message_as_attachment_gives_the_forwarded_text() -> None:
    mail = (
        b"From: desk@example.invalid\r\nSubject: Fwd: statement\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n--b\r\n'
        b"Content-Type: message/rfc822\r\n\r\n"
        b"From: press@example.invalid\r\nSubject: Statement\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
        b"The ministry said 3,000 troops were involved.\r\n--b--\r\n"
    )
    item = load_bytes(mail, name="fwd.eml")
    assert item.text.strip() == "The ministry said 3,000 troops were involved."
    assert item.source.title == "Fwd: statement"


def _forwarded(levels: int, innermost: bytes) -> bytes:
    """A message forwarded as an attachment ``levels`` times, each forward holding only the last."""
    mail = b"From: press@example.invalid\r\nSubject: Statement\r\n" + innermost
    for i in range(levels):
        mail = (
            b"From: desk@example.invalid\r\nSubject: Fwd\r\nMIME-Version: 1.0\r\n"
            b'Content-Type: multipart/mixed; boundary="b%d"\r\n\r\n--b%d\r\n'
            b"Content-Type: message/rfc822\r\n\r\n%s\r\n--b%d--\r\n" % (i, i, mail, i)
        )
    return mail


NO_TEXT = b"Content-Type: application/octet-stream\r\n\r\nAAAA\r\n"
TEXT = b"Content-Type: text/plain; charset=utf-8\r\n\r\nThe ministry said 3,000 troops were involved.\r\n"


def test_a_message_forwarded_twenty_times_gives_the_innermost_text() -> None:
    item = load_bytes(_forwarded(20, TEXT), name="fwd.eml")
    assert item.text.strip() == "The ministry said 3,000 troops were involved."
    assert item.source.title == "Fwd"


def test_forwards_without_any_text_body_are_refused_in_one_pass(tmp_path: Path) -> None:
    # Each forward used to be searched again from every enclosing one, doubling the time per
    # forward: 25 took 9 s, 30 would take hours. Now each part is visited once. Run in a child
    # process so that a regression fails on the timeout instead of hanging the suite.
    mail = tmp_path / "x.eml"
    mail.write_bytes(_forwarded(30, NO_TEXT))
    code = "import sys\nfrom factcheck_gui.importers import ImportFailed, load_path\n"
    code += "try:\n    load_path(sys.argv[1])\nexcept ImportFailed as exc:\n    print(exc)\n"
    out = subprocess.run(
        [sys.executable, "-c", code, str(mail)], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.endswith("x.eml: the e-mail has no text or HTML body\n")


@pytest.mark.parametrize("levels", [33, 60, 1500])
def test_a_message_nested_too_deep_is_refused_with_one_line(levels: int) -> None:
    # 1500 levels also overflows the standard e-mail parser's recursion; same one line.
    for innermost in (NO_TEXT, TEXT):
        with pytest.raises(
            ImportFailed, match=r"^x\.eml: the e-mail nests its parts more than 64 levels deep"
        ):
            load_bytes(_forwarded(levels, innermost), name="x.eml")
