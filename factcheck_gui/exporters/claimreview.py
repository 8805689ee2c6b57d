"""schema.org ClaimReview JSON-LD, as fact-checking publishers embed it: one per change with a verdict.

- ``claimReviewed``: the claim as the rewrite states it (the original's wording for a removed
  claim, which is what was checked then).
- ``reviewRating``: ``alternateName`` is the verdict. Verdicts that rate a claim (all of the scale
  but "Needs follow-up" / "Not a claim") also get ``ratingValue`` from their position on the
  scale, best first: ``bestRating`` = number of rating verdicts, ``worstRating`` = 1.
- ``itemReviewed``: a ``Claim`` whose ``appearance`` is the rewrite's source (its URL only when it
  is a web address: local file paths are not published) and whose ``firstAppearance`` is the
  original's source.
- ``author``: the reviewer as a ``Person``; ``datePublished``: the day of the verdict (UTC).

Reviewer notes are internal and are not published here (they are in every other export).
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import IO, Any

from factcheck_gui.engine.types import Change, Document
from factcheck_gui.exporters.common import Utf8Writer, rating_scale
from factcheck_gui.exporters.common import clean_chars as clean_text
from factcheck_gui.store.records import Review, VerdictRecord

CONTEXT = "https://schema.org"


def _is_web(url: str) -> bool:
    return url.lower().startswith(("http://", "https://"))


def _work(doc: Document) -> dict[str, Any]:
    """A CreativeWork describing where a document appeared."""
    src = doc.source
    work: dict[str, Any] = {"@type": "CreativeWork", "name": clean_text(src.title or doc.name)}
    url = src.final_url if _is_web(src.final_url) else src.location if _is_web(src.location) else ""
    if url:
        work["url"] = clean_text(url)
    if src.author:
        work["author"] = {"@type": "Person", "name": clean_text(src.author)}
    if src.published:
        work["datePublished"] = clean_text(src.published)
    return work


def _utc(dt: datetime) -> datetime:
    return dt.astimezone(UTC) if dt.tzinfo is not None else dt


def _rating(value: str, scale: tuple[str, ...]) -> dict[str, Any]:
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": clean_text(value)}
    rated = rating_scale(scale)
    if value in rated:
        rating["ratingValue"] = len(rated) - rated.index(value)
        rating["bestRating"] = len(rated)
        rating["worstRating"] = 1
    return rating


def claim_review(review: Review, change: Change, verdict: VerdictRecord) -> dict[str, Any]:
    """One ClaimReview object for a change with a verdict."""
    cmp = review.comparison
    side = "rewrite" if change.rewrite else "original"
    claim: dict[str, Any] = {"@type": "Claim"}
    if change.rewrite:
        claim["appearance"] = _work(cmp.rewrite)
    claim["firstAppearance"] = _work(cmp.original)
    if side == "rewrite" and cmp.rewrite.source.author:
        claim["author"] = {"@type": "Person", "name": clean_text(cmp.rewrite.source.author)}
    assert verdict.value is not None
    return {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "claimReviewed": clean_text(cmp.text_of(change, side)),
        "reviewRating": _rating(verdict.value, review.scale),
        "itemReviewed": claim,
        "author": {"@type": "Person", "name": clean_text(verdict.reviewer)},
        "datePublished": _utc(verdict.decided_at).date().isoformat(),
        "name": clean_text(f"{review.title}: {change.id}"),
        "identifier": change.id,
    }


def claim_reviews(review: Review) -> list[dict[str, Any]]:
    """ClaimReviews for every change with a verdict, in reading order."""
    out = []
    for ch in review.comparison.changes:
        v = review.verdicts.get(ch.id)
        if v is not None and v.value is not None:
            out.append(claim_review(review, ch, v))
    return out


def write_claimreview(review: Review, stream: IO[bytes]) -> None:
    """A JSON array of ClaimReview objects (what a ``<script type="application/ld+json">`` holds)."""
    text = json.dumps(claim_reviews(review), ensure_ascii=False, indent=1, allow_nan=False)
    # Publishers paste this into a <script> element: "</script>" in a claim must not end it.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    out = Utf8Writer(stream)
    out.write(text)
    out.write("\n")
    out.flush()
