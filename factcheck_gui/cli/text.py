"""Text every `factcheck` command prints through: story text and names made inert for a
terminal, and counted nouns. Nothing here imports the engine or the store, so `--version`
and an error line cost no more than this module."""

from __future__ import annotations

import re

# Story text may carry terminal escape sequences (ESC [31m ...): shown as visible escapes, never
# obeyed. Unicode bidi controls (embeddings, overrides, isolates, LRM/RLM, the Arabic letter mark)
# can make a line read in a misleading order: shown as visible escapes too.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f{BIDI_CONTROLS}]")
_CONTROL_LINE = re.compile(f"[\\x00-\\x1f\\x7f-\\x9f{BIDI_CONTROLS}]")


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def inert(text: str) -> str:
    """``text`` safe to print on a terminal: control characters (but tab and newline) as ``\\xNN``,
    bidi controls as ``\\uNNNN``."""
    return _CONTROL.sub(_escape, text)


def inert_line(text: str) -> str:
    """``text`` as one inert line (an error message): :func:`inert`, and tab, CR and LF escaped too."""
    return _CONTROL_LINE.sub(_escape, text)


def plural(n: int, noun: str) -> str:
    """``1 claim``, ``2 claims``."""
    return f"{n} {noun if n == 1 else noun + 's'}"


# The word markers of the text output ([-deleted-], {+inserted+}) and how story text that looks
# like one is shown: a backslash before its dash or plus, so a marker is always the tool's.
_MARKER_LOOKALIKE = re.compile(r"\[-|-\]|\{\+|\+\}")
MARKER_NOTE = "(a backslash in [\\- \\-] {\\+ \\+} shows story text that looks like a marker)"


def marker_escapes(text: str, start: int, end: int) -> frozenset[int]:
    """Where, in ``text[start:end]``, a dash or plus makes a marker of the text's own
    (``[-``, ``-]``, ``{+``, ``+}``, a neighbour outside the stretch counted too): the text
    output shows a backslash before each, so that a marker is always the tool's."""
    lo = max(0, start - 1)
    out = set()
    for m in _MARKER_LOOKALIKE.finditer(text, lo, min(len(text), end + 1)):
        at = m.start() + 1 if m.group()[0] in "[{" else m.start()
        if start <= at < end:
            out.add(at)
    return frozenset(out)


def marker_safe(text: str, start: int, end: int, escapes: frozenset[int]) -> str:
    """``text[start:end]`` with a backslash before each place in ``escapes``."""
    if not escapes:
        return text[start:end]
    pieces, pos = [], start
    for at in sorted(a for a in escapes if start <= a < end):
        pieces += [text[pos:at], "\\"]
        pos = at
    pieces.append(text[pos:end])
    return "".join(pieces)


def has_marker_lookalike(text: str) -> bool:
    """Does ``text`` hold a sequence the text output shows with a backslash?"""
    return _MARKER_LOOKALIKE.search(text) is not None
