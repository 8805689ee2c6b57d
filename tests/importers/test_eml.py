"""E-mail files: the text body (or the HTML body), with subject, sender and date as metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck_gui.importers import ImportFailed, load_bytes, load_path

DATA = Path(__file__).resolve().parents[1] / "data" / "importers"
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
