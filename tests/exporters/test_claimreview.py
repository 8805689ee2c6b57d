"""ClaimReview JSON-LD: one object per change with a verdict, only schema.org properties."""

from __future__ import annotations

import json
import re
from typing import Any

from factcheck_gui.exporters import render_review
from factcheck_gui.store.records import Review

# Properties schema.org defines for each type we emit (own and inherited from Review,
# CreativeWork and Thing), and the ones Google's fact-check markup requires.
SCHEMA_ORG = {
    "ClaimReview": {
        "claimReviewed",
        "reviewRating",
        "itemReviewed",
        "author",
        "datePublished",
        "url",
        "name",
        "identifier",
        "reviewBody",
        "publisher",
        "inLanguage",
        "description",
    },
    "Rating": {
        "alternateName",
        "ratingValue",
        "bestRating",
        "worstRating",
        "ratingExplanation",
        "author",
        "name",
    },
    "Claim": {"appearance", "firstAppearance", "author", "claimInterpreter", "datePublished", "name", "url"},
    "CreativeWork": {"name", "url", "author", "datePublished", "headline", "publisher"},
    "Person": {"name", "url"},
    "Organization": {"name", "url"},
}
REQUIRED = {
    "ClaimReview": {"claimReviewed", "reviewRating", "itemReviewed", "author", "datePublished"},
    "Rating": {"alternateName"},
    "Claim": set(),
    "CreativeWork": {"name"},
    "Person": {"name"},
}


def validate(node: Any, expected_type: str) -> None:
    assert isinstance(node, dict) and node.get("@type") == expected_type, node
    keys = set(node) - {"@type", "@context"}
    assert keys <= SCHEMA_ORG[expected_type], (
        f"{expected_type}: not schema.org properties {keys - SCHEMA_ORG[expected_type]}"
    )
    assert REQUIRED.get(expected_type, set()) <= keys, (
        f"{expected_type} lacks {REQUIRED[expected_type] - keys}"
    )
    nested = {
        "reviewRating": "Rating",
        "itemReviewed": "Claim",
        "appearance": "CreativeWork",
        "firstAppearance": "CreativeWork",
    }
    for key, value in node.items():
        if key in nested:
            validate(value, nested[key])
        elif key == "author":
            validate(value, value.get("@type", "Person"))
        elif key not in ("@type", "@context"):
            assert isinstance(value, str | int), (key, value)
        if key == "datePublished" and expected_type == "ClaimReview":
            assert re.fullmatch(r"\d{4}-\d\d-\d\d", value), value  # schema.org Date (ISO 8601)
        if key == "url":
            assert re.fullmatch(r"https?://\S+", value), f"url {value!r} is not a web address"
        if key in ("ratingValue", "bestRating", "worstRating"):
            assert isinstance(value, int) and not isinstance(value, bool)


def reviews_of(review: Review) -> list[dict[str, Any]]:
    data = render_review(review, "claimreview")
    assert b"<" not in data and b">" not in data  # safe to paste into a <script> element
    out = json.loads(data)
    assert isinstance(out, list)
    return out


def test_hand_review(hand: Review) -> None:
    items = reviews_of(hand)
    assert [i["identifier"] for i in items] == ["c1", "c3"]  # c2's verdict was cleared
    for item in items:
        assert item["@context"] == "https://schema.org"
        validate(item, "ClaimReview")
    c1, c3 = items
    assert c1["claimReviewed"] == "Putin claimed 7 people left."
    assert c1["reviewRating"] == {
        "@type": "Rating",
        "alternateName": "Misleading",
        "ratingValue": 4,
        "bestRating": 6,
        "worstRating": 1,
    }
    assert c1["author"] == {"@type": "Person", "name": "Ana"} and c1["datePublished"] == "2024-06-20"
    assert c1["itemReviewed"]["appearance"] == {
        "@type": "CreativeWork",
        "name": "Blog post",
        "url": "https://blog.example/b?x=1",
        "author": {"@type": "Person", "name": "Blogger B"},
    }
    assert c1["itemReviewed"]["firstAppearance"]["url"] == "https://news.example/a"
    assert c1["itemReviewed"]["firstAppearance"]["datePublished"] == "2024-06-19"
    assert c3["claimReviewed"] == "A new claim.\ufffd" and c3["reviewRating"]["ratingValue"] == 2


def test_store_reviews(store_review: Review) -> None:
    items = reviews_of(store_review)
    with_verdict = [
        c
        for c in store_review.comparison.changes
        if store_review.verdicts.get(c.id) and store_review.verdicts[c.id].value
    ]
    assert [i["identifier"] for i in items] == [c.id for c in with_verdict]
    for item, change in zip(items, with_verdict, strict=True):
        validate(item, "ClaimReview")
        v = store_review.verdicts[change.id]
        assert item["reviewRating"]["alternateName"] == v.value
        rating = item["reviewRating"]
        if v.value in ("Needs follow-up", "Not a claim"):
            assert "ratingValue" not in rating  # not a rating of truthfulness
        else:
            assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
        side = "rewrite" if change.rewrite else "original"
        assert item["claimReviewed"] == store_review.comparison.text_of(change, side)
        # Local file paths are never published as URLs.
        assert "url" not in item["itemReviewed"].get("appearance", {})
