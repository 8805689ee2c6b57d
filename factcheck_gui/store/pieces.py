"""A big comparison's JSON written, compressed and read back in pieces.

``json.dumps`` and ``json.loads`` of a 20,000-claim comparison (14 MB of JSON) are each one C
call of 0.1–0.4 s that holds the GIL from start to end: while the worker stores or reads a
review, the window could not run a single event in that time. Here the same text is made and
read a list element at a time (each a short C call), so the interpreter can hand the GUI
thread its turn between any two of them. The text is exactly what ``json.dumps(value,
ensure_ascii=False, separators=(",", ":"), check_circular=False)`` makes, and the values
exactly what ``json.loads`` gives.
"""

from __future__ import annotations

import codecs
import json
import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from json.decoder import JSONDecodeError
from typing import Any

_ENCODE = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False).encode
_DECODER = json.JSONDecoder()
_SCANSTRING: Callable[[str, int], tuple[str, int]] = json.decoder.scanstring  # type: ignore[attr-defined]
_WHITESPACE = re.compile(r"[ \t\n\r]*")
# A piece of text compressed at once: big enough that the calls are few, small enough that
# encoding it to UTF-8 (which holds the GIL) stays well under a millisecond or two.
BATCH_CHARS = 1 << 18
READ_BYTES = 1 << 20  # decompressed per call when reading back
LIST_BATCH = 256  # list elements encoded in one call (some 60 kB of a big comparison's claims)


def dump_pieces(value: Any) -> Iterator[str]:
    """The compact JSON of ``value`` in pieces: dicts (with string keys) and lists are opened
    here, the elements of a list encoded :data:`LIST_BATCH` at a time."""
    if isinstance(value, dict) and all(isinstance(k, str) for k in value):
        yield "{"
        first = True
        for key, item in value.items():
            yield ("" if first else ",") + _ENCODE(key) + ":"
            first = False
            yield from dump_pieces(item)
        yield "}"
    elif isinstance(value, list | tuple):
        yield "["
        for k in range(0, len(value), LIST_BATCH):
            # "[a,b,c]" without its brackets is a run of elements as the whole list has them.
            yield ("," if k else "") + _ENCODE(value[k : k + LIST_BATCH])[1:-1]
        yield "]"
    else:
        yield _ENCODE(value)


def batched(pieces: Iterable[str], size: int = BATCH_CHARS) -> Iterator[str]:
    """``pieces`` joined into strings of about ``size`` characters (one long piece stays whole)."""
    buf: list[str] = []
    held = 0
    for piece in pieces:
        buf.append(piece)
        held += len(piece)
        if held >= size:
            yield "".join(buf)
            buf, held = [], 0
    if buf:
        yield "".join(buf)


def compress_pieces(pieces: Iterable[str], level: int) -> bytes:
    """The UTF-8 of the pieces joined, zlib-compressed (what ``zlib.compress`` of the whole
    gives back on decompression), a batch at a time."""
    packer = zlib.compressobj(level)
    out = [packer.compress(text.encode("utf-8")) for text in batched(pieces)]
    out.append(packer.flush())
    return b"".join(out)


def decompress_text(blob: bytes) -> str:
    """The UTF-8 text of a zlib stream, decoded a megabyte at a time.

    Raises ``zlib.error`` or ``UnicodeDecodeError`` as the one-shot calls would."""
    unpacker = zlib.decompressobj()
    decoder = codecs.getincrementaldecoder("utf-8")()
    parts: list[str] = []
    data = blob
    while data:
        chunk = unpacker.decompress(data, READ_BYTES)
        parts.append(decoder.decode(chunk))
        data = unpacker.unconsumed_tail
    rest = unpacker.flush()
    if not unpacker.eof:
        raise zlib.error("incomplete or truncated stream")
    parts.append(decoder.decode(rest, final=True))
    return "".join(parts)


def loads_in_pieces(text: str) -> Any:
    """``json.loads(text)``, the elements of every list parsed one at a time.

    Objects and lists reached through objects are walked here; each list element is parsed
    whole by the C scanner. Invalid JSON raises ``json.JSONDecodeError`` (a ``ValueError``).
    """
    value, i = _value(text, _skip(text, 0), in_list=False)
    i = _skip(text, i)
    if i != len(text):
        raise JSONDecodeError("Extra data", text, i)
    return value


def _skip(text: str, i: int) -> int:
    """The first position from ``i`` on that is not JSON white space."""
    m = _WHITESPACE.match(text, i)
    return m.end() if m else i


def _value(text: str, i: int, *, in_list: bool) -> tuple[Any, int]:
    ch = text[i : i + 1]
    if in_list or ch not in ("{", "["):
        return _DECODER.raw_decode(text, i)  # one C call for the whole value
    if ch == "[":
        items: list[Any] = []
        i = _skip(text, i + 1)
        if text[i : i + 1] == "]":
            return items, i + 1
        while True:
            item, i = _value(text, i, in_list=True)
            items.append(item)
            i = _skip(text, i)
            sep = text[i : i + 1]
            if sep == "]":
                return items, i + 1
            if sep != ",":
                raise JSONDecodeError("Expecting ',' delimiter", text, i)
            i = _skip(text, i + 1)
    obj: dict[str, Any] = {}
    i = _skip(text, i + 1)
    if text[i : i + 1] == "}":
        return obj, i + 1
    while True:
        if text[i : i + 1] != '"':
            raise JSONDecodeError("Expecting property name enclosed in double quotes", text, i)
        key, i = _SCANSTRING(text, i + 1)
        i = _skip(text, i)
        if text[i : i + 1] != ":":
            raise JSONDecodeError("Expecting ':' delimiter", text, i)
        i = _skip(text, i + 1)
        obj[key], i = _value(text, i, in_list=False)
        i = _skip(text, i)
        sep = text[i : i + 1]
        if sep == "}":
            return obj, i + 1
        if sep != ",":
            raise JSONDecodeError("Expecting ',' delimiter", text, i)
        i = _skip(text, i + 1)
