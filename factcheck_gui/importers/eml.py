"""E-mail files (.eml): the plain-text body (or the HTML body, extracted like a page).

Subject, sender and date become the title, author and publication date. Attachments are
ignored; nothing in the message is fetched or run.
"""

from __future__ import annotations

import email
import email.policy
import email.utils
from email.message import EmailMessage, MIMEPart

from factcheck_gui.engine import reflow
from factcheck_gui.importers.base import Extracted, ImportFailed, normalize_newlines
from factcheck_gui.importers.html import read_html
from factcheck_gui.importers.text import decode_text


def _iso_date(value: str) -> str:
    try:
        return email.utils.parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError, IndexError):
        return value


def _body(msg: MIMEPart, depth: int = 0) -> MIMEPart | None:
    """The message's text (else HTML) body; for a message that only forwards another one as an
    attachment (message/rfc822, as "Forward as attachment" sends a press release), that one's."""
    body = msg.get_body(preferencelist=("plain", "html"))
    if body is not None or depth >= 5:
        return body
    for part in msg.walk():
        if part.get_content_type() == "message/rfc822":
            inner = part.get_payload()
            for candidate in inner if isinstance(inner, list) else [inner]:
                if isinstance(candidate, MIMEPart):
                    found = _body(candidate, depth + 1)
                    if found is not None:
                        return found
    return None


def read_eml(data: bytes, name: str) -> Extracted:
    """The story text of an e-mail message (see module doc)."""
    msg = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(msg, EmailMessage) or not msg.keys():
        raise ImportFailed(name, "not an e-mail message (no headers found)")
    body = _body(msg)
    if body is None:
        raise ImportFailed(name, "the e-mail has no text or HTML body")
    payload = body.get_payload(decode=True)
    raw = payload if isinstance(payload, bytes) else b""
    charset = body.get_content_charset()
    if body.get_content_subtype() == "html":
        out = read_html(raw, name, charset)
        text, warnings = out.text, out.warnings
    else:
        decoded, warning = decode_text(raw, name, charset)
        text, warnings = reflow(normalize_newlines(decoded)), ((warning,) if warning else ())
    return Extracted(
        text=text,
        title=str(msg.get("Subject", "") or ""),
        author=str(msg.get("From", "") or ""),
        published=_iso_date(str(msg.get("Date", "") or "")),
        warnings=warnings,
    )
