"""schema.org ClaimReview JSON-LD, as fact-checking publishers embed it: one per rated change.

Written to Google's fact-check structured-data rules:

- ``claimReviewed`` (required): the claim as the rewrite states it (the original's wording for a
  removed claim, which is what was checked then).
- ``reviewRating`` (required) with ``alternateName``: the verdict, in words; ``ratingValue`` from
  its position on the scale, best first (``bestRating`` = number of rating verdicts,
  ``worstRating`` = 1); ``ratingExplanation``: the reviewer's note, when there is one;
  ``author``: the reviewer, by the name the publisher gave (never the login name).
- ``url`` (required): the page that publishes the review (:attr:`ClaimReviewPublisher.review_url`).
- ``author`` (required): the publishing organisation, an ``Organization`` (with its web address
  when given).
- ``itemReviewed`` (recommended): a ``Claim`` with the ``author`` and ``datePublished`` of the
  text that states it, its ``appearance`` (the rewrite's source; a URL only when it is a web
  address: local file paths are not published) and ``firstAppearance`` (the original's source).
- ``datePublished`` (recommended): the day of the verdict (UTC).

Only changes rated on the scale get an item: "Needs follow-up", "Not a claim", cleared and
missing verdicts are left out, and :class:`ClaimReviewResult` says which and why. Without the
organisation or the review URL no document is written: :class:`PublisherMissing` names what is
missing (a ClaimReview without them is invalid).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import IO, Any

from factcheck_gui.engine.sources.projection import sourced
from factcheck_gui.engine.types import Change, Document
from factcheck_gui.exporters.common import (
    NON_RATING_VERDICTS,
    ExportError,
    Skipped,
    Utf8Writer,
    parse_when,
    rating_scale,
    skipped_sentence,
)
from factcheck_gui.exporters.common import clean_chars as clean_text
from factcheck_gui.store.records import Review, VerdictRecord

CONTEXT = "https://schema.org"
# A web address: http(s), a host, no spaces or control characters.
_WEB_URL = re.compile(r"https?://[^\s/?#]+(?:[/?#]\S*)?", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ClaimReviewPublisher:
    """Who publishes the fact checks, asked once (Settings in the app, options in the CLI).

    ``organisation`` (required): the name of the organisation that publishes the review.
    ``reviewer_name``: the reviewer's name as published ("" to publish none).
    ``review_url`` (required): the web address of the page that publishes the review.
    ``organisation_url``: the organisation's own web address ("" for none).
    """

    organisation: str
    reviewer_name: str
    review_url: str
    organisation_url: str = ""

    def missing(self) -> list[str]:
        """What a valid ClaimReview still needs, in words ([] when nothing)."""
        out = []
        if not self.organisation.strip():
            out.append("the organisation's name")
        if not self.review_url.strip():
            out.append("the review URL")
        return out

    def check(self) -> None:
        """Raise :class:`PublisherMissing` when the organisation or the review URL is missing,
        :class:`ExportError` when a web address is not one."""
        missing = self.missing()
        if missing:
            raise PublisherMissing(tuple(missing))
        for label, url in (("review URL", self.review_url), ("organisation URL", self.organisation_url)):
            if url.strip() and not _is_web_url(url.strip()):
                raise ExportError(
                    f"ClaimReview: the {label} {url.strip()!r} is not a web address (http:// or https://)"
                )


class PublisherMissing(ExportError):
    """A ClaimReview export without the organisation or the review URL: nothing was written.
    ``missing`` holds what is missing, in words ("the organisation's name", "the review URL")."""

    def __init__(self, missing: tuple[str, ...]) -> None:
        self.missing = missing
        super().__init__(
            f"ClaimReview needs {' and '.join(missing)} (who publishes the fact check, and where); "
            "nothing was written"
        )


@dataclass(frozen=True, slots=True)
class ClaimReviewResult:
    """What a ClaimReview export wrote and what it left out."""

    items: int
    skipped: tuple[Skipped, ...]

    @property
    def message(self) -> str:
        """One or two sentences a caller can show: how many items, which changes were left out."""
        head = f"{self.items} ClaimReview item{'' if self.items == 1 else 's'} written"
        if not self.skipped:
            return head + "."
        n = len(self.skipped)
        return (
            f"{head}; {n} change{'' if n == 1 else 's'} left out, having no rating: "
            f"{skipped_sentence(self.skipped)}."
        )


def _is_web(url: str) -> bool:
    return url.lower().startswith(("http://", "https://"))


def _is_web_url(url: str) -> bool:
    return _WEB_URL.fullmatch(url) is not None


def _work(doc: Document) -> dict[str, Any]:
    """A CreativeWork describing where a document appeared."""
    src = doc.source
    work: dict[str, Any] = {"@type": "CreativeWork", "name": clean_text(src.title or doc.name)}
    url = src.final_url if _is_web(src.final_url) else src.location if _is_web(src.location) else ""
    if url:
        work["url"] = clean_text(url)
    if src.author:
        work["author"] = {"@type": "Person", "name": clean_text(src.author)}
    if published := _iso_date(src.published):
        work["datePublished"] = published
    return work


def _iso_date(text: str) -> str:
    """A source's publication date as ISO 8601 ("" when it states none that reads as one:
    schema.org dates are ISO 8601, and a free-form "Spring 2024" would make the item invalid)."""
    parsed = parse_when(text) if text else None
    return parsed.isoformat() if parsed is not None else ""


def _utc(dt: datetime) -> datetime:
    return dt.astimezone(UTC) if dt.tzinfo is not None else dt


def _rating(
    verdict: VerdictRecord, scale: tuple[str, ...], publisher: ClaimReviewPublisher
) -> dict[str, Any]:
    value = verdict.value or ""
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": clean_text(value)}
    rated = rating_scale(scale)
    if value in rated:
        rating["ratingValue"] = len(rated) - rated.index(value)
        rating["bestRating"] = len(rated)
        rating["worstRating"] = 1
    if verdict.note.strip():
        rating["ratingExplanation"] = clean_text(verdict.note.strip())
    if publisher.reviewer_name.strip():
        rating["author"] = {"@type": "Person", "name": clean_text(publisher.reviewer_name.strip())}
    return rating


def _organisation(publisher: ClaimReviewPublisher) -> dict[str, Any]:
    org: dict[str, Any] = {"@type": "Organization", "name": clean_text(publisher.organisation.strip())}
    if publisher.organisation_url.strip():
        org["url"] = clean_text(publisher.organisation_url.strip())
    return org


def claim_review(
    review: Review, change: Change, verdict: VerdictRecord, publisher: ClaimReviewPublisher
) -> dict[str, Any]:
    """One ClaimReview object for a change with a rating verdict."""
    cmp = review.comparison
    side = "rewrite" if change.rewrite else "original"
    stated_in = cmp.rewrite if change.rewrite else cmp.original
    claim: dict[str, Any] = {"@type": "Claim"}
    if stated_in.source.author:
        claim["author"] = {"@type": "Person", "name": clean_text(stated_in.source.author)}
    if published := _iso_date(stated_in.source.published):
        claim["datePublished"] = published
    if change.rewrite:
        claim["appearance"] = _work(cmp.rewrite)
    several = sourced(cmp)
    if several is None:
        claim["firstAppearance"] = _work(cmp.original)
    else:
        # A several-source review: the claim is based on the change's own sources (none for a
        # claim from no source), each named; the first is where it first appeared.
        works = [_work(several.multi.sources[k]) for k in several.sources_of(change)]
        if works:
            claim["firstAppearance"] = works[0]
            claim["isBasedOn"] = works
    return {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "claimReviewed": clean_text(cmp.text_of(change, side)),
        "reviewRating": _rating(verdict, review.scale, publisher),
        "url": clean_text(publisher.review_url.strip()),
        "author": _organisation(publisher),
        "itemReviewed": claim,
        "datePublished": _utc(verdict.decided_at).date().isoformat(),
        "identifier": change.id,
    }


def _skip_reason(review: Review, change: Change) -> str | None:
    """Why a change gets no item ("marked Needs follow-up", "not yet rated"), or None when it
    gets one (or is a clean unchanged claim with no verdict, which is no candidate)."""
    v = review.verdicts.get(change.id)
    if v is None or v.value is None:
        return "not yet rated" if change.is_change or v is not None else ""
    if v.value.casefold() in NON_RATING_VERDICTS or v.value not in rating_scale(review.scale):
        return f"marked {v.value}"
    return None


def claim_reviews_with_skips(
    review: Review, publisher: ClaimReviewPublisher
) -> tuple[list[dict[str, Any]], tuple[Skipped, ...]]:
    """The ClaimReview items (every change with a rating verdict, in reading order) and the
    changes left out, with why."""
    publisher.check()
    items: list[dict[str, Any]] = []
    skipped: list[Skipped] = []
    for ch in review.comparison.changes:
        reason = _skip_reason(review, ch)
        if reason is None:
            v = review.verdicts[ch.id]
            items.append(claim_review(review, ch, v, publisher))
        elif reason:
            skipped.append(Skipped(ch.id, reason))
    return items, tuple(skipped)


def claim_reviews(review: Review, publisher: ClaimReviewPublisher) -> list[dict[str, Any]]:
    """ClaimReviews for every change with a rating verdict, in reading order."""
    return claim_reviews_with_skips(review, publisher)[0]


def write_claimreview(
    review: Review, stream: IO[bytes], *, publisher: ClaimReviewPublisher | None
) -> ClaimReviewResult:
    """A JSON array of ClaimReview objects (what a ``<script type="application/ld+json">`` holds).

    Raises :class:`PublisherMissing` (nothing written) without a publisher, or one lacking the
    organisation or the review URL.
    """
    if publisher is None:
        raise PublisherMissing(("the organisation's name", "the review URL"))
    items, skipped = claim_reviews_with_skips(review, publisher)
    text = json.dumps(items, ensure_ascii=False, indent=1, allow_nan=False)
    # Publishers paste this into a <script> element: "</script>" in a claim must not end it.
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    out = Utf8Writer(stream)
    out.write(text)
    out.write("\n")
    out.flush()
    return ClaimReviewResult(len(items), skipped)
