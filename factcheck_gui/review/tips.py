"""What the tooltips say: a flagged word's reason, a margin mark, a band of the curtain, and
what the similarity figure means. Plain text, without Qt.

Flag messages quote the story, and story text is untrusted: these are plain sentences, and the
views turn them into tooltips only as plain text (Qt would read ``<b>`` or ``<img src=…>`` in a
tooltip as markup, and fetch nothing only because it never sees markup).
"""

from __future__ import annotations

from factcheck_gui.engine.types import Change, ChangeKind, Flag, FlagType
from factcheck_gui.review.docindex import ComparisonIndex, Side

FLAG_WORDS: dict[FlagType, str] = {
    FlagType.NUMBER: "Number",
    FlagType.DATE: "Date",
    FlagType.NAME: "Name",
    FlagType.QUOTE_ALTERED: "Quotation altered",
    FlagType.QUOTE_UNSOURCED: "Quotation not in the original",
    FlagType.HEDGE: "Hedging",
    FlagType.NEGATION: "Negation",
    FlagType.ATTRIBUTION: "Attribution",
    FlagType.SUBSTITUTION: "Word of another meaning",
}

KIND_MEANING: dict[ChangeKind, str] = {
    ChangeKind.UNCHANGED: "worded the same, but a fact in it is flagged",
    ChangeKind.REWORDED: "reworded in the rewrite",
    ChangeKind.MOVED: "moved to another place in the rewrite",
    ChangeKind.SPLIT: "split into several claims in the rewrite",
    ChangeKind.MERGED: "merged with others into one claim in the rewrite",
    ChangeKind.ADDED: "only in the rewrite",
    ChangeKind.REMOVED: "left out of the rewrite",
}

_NO_SIMILARITY = (ChangeKind.ADDED, ChangeKind.REMOVED)
TOOLTIP_CHARS = 400  # a flag quoting a long passage is cut in a tooltip (the panel has it whole)


def _cut(text: str) -> str:
    return text if len(text) <= TOOLTIP_CHARS else text[: TOOLTIP_CHARS - 1] + "…"


def flag_word(flag: Flag) -> str:
    return FLAG_WORDS.get(flag.type, flag.type.value.replace("_", " ").capitalize())


def flags_at(index: ComparisonIndex, side: Side, qpos: int) -> tuple[Change | None, list[Flag]]:
    """The change whose claim holds the character at Qt position ``qpos`` of ``side``, and its
    flags whose wording covers that character."""
    change = index.change_at(side, qpos)
    if change is None:
        return None, []
    to_qt = index.sides[side].to_qt
    hits = []
    for flag in change.flags:
        span = flag.original_span if side is Side.ORIGINAL else flag.rewrite_span
        if span is not None and to_qt(span[0]) <= qpos < to_qt(span[1]):
            hits.append(flag)
    return change, hits


def flag_tip(index: ComparisonIndex, side: Side, qpos: int) -> str:
    """ "c3 · Negation: negation lost: “not” is not in the rewrite" ("" off a flagged word)."""
    change, flags = flags_at(index, side, qpos)
    if change is None or not flags:
        return ""
    lines = [f"{change.id} · {flag_word(f)}: {_cut(f.message)}" for f in flags]
    return "\n".join(lines)


def _flag_summary(change: Change) -> str:
    if not change.flags:
        return "no fact flags"
    kinds = ", ".join(dict.fromkeys(flag_word(f).lower() for f in change.flags))
    count = len(change.flags)
    return f"{count} fact flag{'s' if count != 1 else ''}: {kinds}"


def margin_tip(change: Change, mark: str) -> str:
    """A margin mark: the kind its symbol stands for, and the change's flags."""
    return f"{mark} {change.id}: {KIND_MEANING[change.kind]} · {_flag_summary(change)}"


def band_tip(change: Change, mark: str) -> str:
    """A band of the curtain: which claims it joins; a click selects its change."""
    if not change.original:
        joins = f"{', '.join(change.rewrite)} has no counterpart: the wedge points where it would sit"
    elif not change.rewrite:
        joins = f"{', '.join(change.original)} has no counterpart: the wedge points where it sat"
    else:
        original, rewrite = ", ".join(change.original), ", ".join(change.rewrite)
        joins = f"joins {original} in the original to {rewrite} in the rewrite"
    similarity = similarity_figure(change)
    return (
        f"{mark} {change.id}: {KIND_MEANING[change.kind]} — {joins}"
        + (f" · similarity {similarity}" if similarity else "")
        + f" · {_flag_summary(change)}\nClick to select it."
    )


def similarity_figure(change: Change) -> str:
    """ "0.62 (62%)"; "" where one side is empty and a similarity means nothing."""
    if change.kind in _NO_SIMILARITY:
        return ""
    return f"{change.similarity:.2f} ({round(change.similarity * 100)}%)"


def similarity_line(change: Change) -> str:
    """The verdict panel's line under the title: what the figure means, briefly."""
    figure = similarity_figure(change)
    if not figure:
        return ""
    return (
        f"Similarity {figure}: how alike the wording is (1.00 = the same words), not whether the facts agree."
    )


SIMILARITY_TIP = (
    "Similarity says how alike the wording of the original and the rewrite is, from 0.00 (0%: "
    "nothing in common) to 1.00 (100%: the same words). It weighs shared words by how rare "
    "they are, and shared characters.\n"
    "Above about 0.55 the two usually state the same claim in other words; lower, the claim "
    "was mostly rewritten or is another claim.\n"
    "It measures wording, not facts: one changed number or a dropped “not” hardly lowers it. "
    "The flags say which facts changed."
)
