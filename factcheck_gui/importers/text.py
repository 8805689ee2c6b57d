"""Bytes → str for text formats: BOMs first, then UTF-8, then a detector for legacy encodings.

Plain text then only has its line endings normalised and hard-wrapped paragraphs re-flowed, so a
UTF-8 file with LF endings and one paragraph per line comes through unchanged.
"""

from __future__ import annotations

import codecs

import charset_normalizer

from factcheck_gui.engine import reflow
from factcheck_gui.importers.base import Extracted, ImportFailed, normalize_newlines

BINARY = "looks like a binary file, not text"

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts the same way
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# C0 controls that never occur in text someone typed (tab, LF, FF, CR and ESC excepted).
_CONTROL = frozenset(range(0, 32)) - {9, 10, 12, 13, 27}
_SAMPLE = 65536  # enough to judge "binary or text" without scanning a 20 MB file twice


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM shows up as a NUL in every other byte of ASCII-heavy text."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:_SAMPLE]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.4 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.4 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def decode_text(data: bytes, name: str, declared: str | None = None) -> tuple[str, str | None]:
    """Decode ``data`` to str; returns ``(text, warning or None)``.

    ``declared`` is a charset stated by the source (HTTP header, e-mail part, meta tag); it is
    trusted after the byte-order marks, which are unambiguous, and when it decodes cleanly.
    Raises :class:`ImportFailed` for data that is not text in any encoding.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding), None
            except UnicodeDecodeError:
                raise ImportFailed(name, f"not valid {encoding.upper()} although it starts like it") from None
    if b"\x00" in data[:_SAMPLE]:
        utf16 = _bomless_utf16(data)
        if utf16 is None:
            raise ImportFailed(name, BINARY)
        try:
            return data.decode(utf16), None
        except UnicodeDecodeError:
            raise ImportFailed(name, BINARY) from None
    if declared:
        try:
            text = data.decode(_codec_name(declared))
        except (LookupError, UnicodeDecodeError):
            pass
        else:
            return _refuse_controls(text, name), None
    try:
        return _refuse_controls(data.decode("utf-8"), name), None
    except UnicodeDecodeError:
        pass
    results = charset_normalizer.from_bytes(data[: 4 * _SAMPLE])
    best = results.best()
    if best is None:
        raise ImportFailed(name, BINARY)
    encoding = best.encoding
    # A short text often reads equally well in several code pages (French in cp1250 turns
    # "coûte" into "coűte" with the same scores): between equals, the most common one wins.
    for match in results:
        if (
            match.encoding == "cp1252"
            and match.chaos <= best.chaos
            and match.coherence >= best.coherence - 0.01
        ):
            encoding = "cp1252"
            break
    if _legacy(encoding) and _cp1252_reads(data):
        # A short Western text also "reads" in the DOS and old Mac code pages (the curly
        # quotes of "the mayor said “we will rebuild” – at €5m" become "ōwe … ö ¢ Ć5m" in
        # cp775, which the detector then prefers): today's files in those are rare, Windows-1252
        # files are not, and browsers read such bytes as Windows-1252 too.
        encoding = "cp1252"
    try:
        text = data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        raise ImportFailed(name, BINARY) from None
    if encoding != "cp1252" and data.decode("cp1252", "replace") == text:
        encoding = "cp1252"  # the same reading under the more common name (detectors pick either)
    return _refuse_controls(text, name), f"not UTF-8: decoded as {encoding} (detected)"


# The DOS and old Mac code pages a detector may pick for a short Western text.
_LEGACY = frozenset(
    {"cp437", "cp737", "cp775", "cp850", "cp852", "cp855", "cp856", "cp857", "cp858", "cp860", "cp861"}
    | {"cp862", "cp863", "cp864", "cp865", "cp866", "cp869", "cp1006", "cp1125", "hp_roman8", "kz1048"}
    | {"ptcp154"}
)


def _legacy(encoding: str) -> bool:
    return encoding in _LEGACY or encoding.startswith("mac_")


def _cp1252_reads(data: bytes) -> bool:
    """Do the bytes decode as Windows-1252 (none of its five unassigned bytes, no C0 control
    but tab and line ends)?"""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return not any(ord(c) < 32 and c not in "\t\n\r\f" for c in text)


def _codec_name(label: str) -> str:
    """A charset label as sources write it ("ISO-8859-1", "utf8", "windows-1252") → codec name.

    Browsers decode ISO-8859-1 and ASCII labels as windows-1252; so do we, so that curly quotes
    in mislabelled pages survive.
    """
    name = codecs.lookup(label.strip().strip("\"'")).name
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name


def _refuse_controls(text: str, name: str) -> str:
    sample = text[:_SAMPLE]
    controls = sum(1 for ch in sample if ord(ch) in _CONTROL)
    if controls > max(2, len(sample) // 100):
        raise ImportFailed(name, BINARY)
    return text


def read_plain(data: bytes, name: str) -> Extracted:
    """A plain-text story: decoded, line endings normalised, hard wraps re-flowed."""
    text, warning = decode_text(data, name)
    return Extracted(text=reflow(normalize_newlines(text)), warnings=(warning,) if warning else ())
