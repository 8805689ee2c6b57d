"""PDF with a text layer → story text: running headers, footers and page numbers removed,
line-end hyphenation undone where the document shows which reading is right, lines re-flowed.

pypdf reads the text layer only; a page without one (a scan) is counted and reported, and a
PDF with no text at all is refused with "no text found — run OCR first".
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError, PyPdfError

from factcheck_gui.engine import reflow
from factcheck_gui.engine.lexicon import COMMON_WORDS, STOPWORDS
from factcheck_gui.importers.base import Extracted, ImportFailed

# pypdf logs recoverable oddities of a file as warnings, which Python's last-resort handler would
# print on the CLI's stderr; what matters to the user reaches them as our one-line warnings.
logging.getLogger("pypdf").setLevel(logging.ERROR)

NO_TEXT = "no text found — run OCR first"
MAX_PAGES = 2000

_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"})
_PAGE_NUMBER = re.compile(
    r"^(?:page|p\.|seite|página|pagina)?\s*[-–—(\[]?\s*\d{1,4}\s*[-–—)\]]?\s*(?:(?:of|/|von|de)\s*\d{1,4})?$",
    re.IGNORECASE,
)
_EDGE = 2  # lines at the top and at the bottom of a page that may be a running header/footer
# the rest of the broken word moves up, so line lengths (which re-flowing reads) barely change
_LINE_END_HYPHEN = re.compile(r"([^\W\d_]+)-\n[ \t]*([^\W\d_]+)(\S*)[^\S\n]*")
_HYPHENATED = re.compile(r"[^\W\d_]+-[^\W\d_]+")
_WORD = re.compile(r"[^\W\d_]+")


def _page_lines(text: str) -> list[str]:
    text = text.translate(_LIGATURES).replace("\t", " ").replace("\u00a0", " ")
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _edge_key(line: str) -> str:
    """Headers and footers repeat with a changing page number or date: compare without digits."""
    return re.sub(r"\d+", "#", line.casefold())


def strip_running_lines(pages: list[list[str]]) -> list[list[str]]:
    """Drop page-number lines and lines repeated at the same edge of most pages."""
    with_text = [p for p in pages if p]
    top: Counter[str] = Counter()
    bottom: Counter[str] = Counter()
    for lines in with_text:
        top.update({_edge_key(x) for x in lines[:_EDGE]})
        bottom.update({_edge_key(x) for x in lines[-_EDGE:]})
    need = max(2, (len(with_text) + 1) // 2)
    out = []
    for lines in pages:
        keep = list(lines)
        for edge, counts in ((slice(0, _EDGE), top), (slice(-_EDGE, None), bottom)):
            idx = range(len(keep))[edge]
            drop = {i for i in idx if _PAGE_NUMBER.match(keep[i]) or counts[_edge_key(keep[i])] >= need}
            keep = [x for i, x in enumerate(keep) if i not in drop]
        out.append(keep)
    return out


def dehyphenate(text: str) -> str:
    """Join words broken across lines at a hyphen.

    The hyphen stays when the document writes the word with a hyphen elsewhere, when both halves
    are words of their own (a compound like "nuclear-armed"), or before a capital ("anti-
    American"); it goes when the joined word occurs elsewhere or the halves are syllables.
    """
    words = Counter(w.casefold() for w in _WORD.findall(_LINE_END_HYPHEN.sub(" ", text)))
    compounds = {w.casefold() for w in _HYPHENATED.findall(text)}
    known = words.keys() | COMMON_WORDS | STOPWORDS

    def join(m: re.Match[str]) -> str:
        a, b = m.group(1), m.group(2)
        keep = f"{a}-{b}".casefold() in compounds or (
            (a + b).casefold() not in words
            and (b[0].isupper() or (a.casefold() in known and b.casefold() in known))
        )
        line_goes_on = m.end() < len(m.string) and m.string[m.end()] != "\n"
        return (f"{a}-{b}" if keep else a + b) + m.group(3) + ("\n" if line_goes_on else "")

    return _LINE_END_HYPHEN.sub(join, text)


def read_pdf(data: bytes, name: str) -> Extracted:
    """The text layer of a PDF (see module doc); warnings name pages that had no text."""
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            try:
                opened = reader.decrypt("")
            except DependencyError:
                raise ImportFailed(name, "the PDF is encrypted (AES) — save an unprotected copy") from None
            if not opened:
                raise ImportFailed(name, "the PDF is password-protected — save an unprotected copy first")
        count = len(reader.pages)
    except ImportFailed:
        raise
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, OSError, AttributeError):
        raise ImportFailed(name, "not a valid PDF (the file is damaged or incomplete)") from None
    if count == 0:
        raise ImportFailed(name, "the PDF has no pages")
    if count > MAX_PAGES:
        raise ImportFailed(name, f"refused: {count} pages (the limit is {MAX_PAGES})")
    pages: list[list[str]] = []
    unreadable: list[int] = []
    for number, page in enumerate(reader.pages, 1):
        try:
            pages.append(_page_lines(page.extract_text() or ""))
        except (
            PyPdfError,
            FileNotDecryptedError,
            ValueError,
            KeyError,
            TypeError,
            AttributeError,
            ZeroDivisionError,
            IndexError,
            RecursionError,
        ):
            # one broken page must not cost the user the others
            unreadable.append(number)
            pages.append([])
    if not any(pages):
        raise ImportFailed(name, NO_TEXT)
    pages = (
        strip_running_lines(pages)
        if count > 1
        else [[x for x in p if not _PAGE_NUMBER.match(x)] for p in pages]
    )
    # counted after the running lines go: a scan with a printed page number is still a scan
    blank = sum(1 for p in pages if not p) - len(unreadable)
    if not any(pages):
        raise ImportFailed(name, NO_TEXT)
    text = reflow(dehyphenate("\n".join("\n".join(p) for p in pages if p)))
    warnings = []
    if blank:
        pages_word = "page" if blank == 1 else "pages"
        warnings.append(f"{blank} {pages_word} had no text layer (scanned?) — run OCR on them")
    if unreadable:
        warnings.append("could not read the text of page(s) " + ", ".join(map(str, unreadable)))
    meta = reader.metadata if reader.metadata else {}
    title = str(meta.get("/Title") or "")
    author = str(meta.get("/Author") or "")
    return Extracted(text=text, title=title, author=author, warnings=tuple(warnings))
