"""E-mail files (.eml): the plain-text body (or the HTML body, extracted like a page).

Subject, sender and date become the title, author and publication date. Attachments are
ignored; nothing in the message is fetched or run.
"""

from __future__ import annotations

import email
import email.policy
import email.utils
from collections.abc import Iterator
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


# Deeper than any real mail: "Forward as attachment" adds two levels (the multipart and the
# message/rfc822 part) per forward, and a message's own alternatives and attachments a few more.
MAX_NESTING = 64
_TOO_DEEP = (
    f"the e-mail nests its parts more than {MAX_NESTING} levels deep "
    "(a message forwarded as an attachment over and over?)"
)


def _parts(msg: MIMEPart) -> Iterator[tuple[MIMEPart, int]]:
    """Every part of ``msg`` (itself first) with its nesting depth, in ``msg.walk()`` order, and
    descending into forwarded messages as ``walk`` does, but without recursion."""
    stack: list[tuple[MIMEPart, int]] = [(msg, 0)]
    while stack:
        part, depth = stack.pop()
        yield part, depth
        if part.is_multipart():
            children = part.get_payload()
            if isinstance(children, list):
                stack.extend(
                    (child, depth + 1) for child in reversed(children) if isinstance(child, MIMEPart)
                )


def _body(msg: MIMEPart, name: str) -> MIMEPart | None:
    """The message's text (else HTML) body; for a message that only forwards another one as an
    attachment (message/rfc822, as "Forward as attachment" sends a press release), the first
    forwarded message's body, however many times it was forwarded.

    One pass over the parts: each forwarded message is asked for its own body only (``get_body``
    does not descend into message/rfc822 parts), so the time is linear in the message's size.
    A message nested deeper than :data:`MAX_NESTING` is refused before any of that.
    """
    parts = list(_parts(msg))
    if max(depth for _, depth in parts) > MAX_NESTING:
        raise ImportFailed(name, _TOO_DEEP)
    body = msg.get_body(preferencelist=("plain", "html"))
    if body is not None:
        return body
    for part, _ in parts:
        if part.get_content_type() == "message/rfc822":
            inner = part.get_payload()
            for candidate in inner if isinstance(inner, list) else [inner]:
                if isinstance(candidate, MIMEPart):
                    found = candidate.get_body(preferencelist=("plain", "html"))
                    if found is not None:
                        return found
    return None


def read_eml(data: bytes, name: str) -> Extracted:
    """The story text of an e-mail message (see module doc)."""
    try:
        msg = email.message_from_bytes(data, policy=email.policy.default)
    except RecursionError:  # the standard parser recurses once per nested part
        raise ImportFailed(name, _TOO_DEEP) from None
    if not isinstance(msg, EmailMessage) or not msg.keys():
        raise ImportFailed(name, "not an e-mail message (no headers found)")
    body = _body(msg, name)
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
