"""What a reviewer sees of a comparison's flags: for each change, the flags of changed or added
facts, and apart from them the omissions and low notes.

Once the engine stores the omissions itself (``Change.omitted``) this reads them from there;
until then it runs :func:`compare_texts` as the engine will (the flags given the whole texts
to look an added value up in, then parted with :func:`split_omitted`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields
from typing import Any
from unittest import mock

from factcheck_gui.engine import compare as compare_module
from factcheck_gui.engine.flags import fact_flags, split_omitted
from factcheck_gui.engine.types import Change, Comparison, Flag, FlagType


@dataclass(frozen=True)
class Seen:
    change: Change
    flags: tuple[Flag, ...]  # changed or added facts
    omitted: tuple[Flag, ...]  # omissions and low notes


ENGINE_SPLITS = "omitted" in {f.name for f in fields(Change)}


@contextmanager
def _with_context() -> Iterator[None]:
    """compare_texts with the flags given the whole texts, as the engine will give them."""
    made: list[Any] = []
    init = compare_module._Context.__init__

    def keep(self: Any, *args: Any, **kwargs: Any) -> None:
        init(self, *args, **kwargs)
        made.append(self)

    def flags(*args: Any, **kwargs: Any) -> list[Flag]:
        kwargs.setdefault("context", made[-1])
        return fact_flags(*args, **kwargs)

    with (
        mock.patch.object(compare_module._Context, "__init__", keep),
        mock.patch.object(compare_module, "fact_flags", flags),
    ):
        yield


def review(original: str, rewrite: str) -> tuple[Comparison, list[Seen]]:
    """The comparison and, per change, what a reviewer sees of its flags."""
    if ENGINE_SPLITS:
        cmp = compare_module.compare_texts(original, rewrite)
        return cmp, [Seen(c, tuple(c.flags), tuple(getattr(c, "omitted", ()))) for c in cmp.changes]
    with _with_context():
        cmp = compare_module.compare_texts(original, rewrite)
    seen = []
    for c in cmp.changes:
        kept, omitted = split_omitted(c.flags)
        seen.append(Seen(c, tuple(kept), tuple(omitted)))
    return cmp, seen


def flags(seen: list[Seen], ftype: FlagType | None = None) -> list[Flag]:
    return [f for s in seen for f in s.flags if ftype is None or f.type is ftype]


def omitted(seen: list[Seen], ftype: FlagType | None = None) -> list[Flag]:
    return [f for s in seen for f in s.omitted if ftype is None or f.type is ftype]


def messages(found: list[Flag]) -> list[str]:
    return [f.message for f in found]
