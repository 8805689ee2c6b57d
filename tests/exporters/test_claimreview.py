"""ClaimReview JSON-LD: one object per rated change, only schema.org properties, Google's
required ones always there; without the publisher nothing is written."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from factcheck_gui.exporters import (
    ClaimReviewPublisher,
    ExportError,
    ExportOptions,
    PublisherMissing,
    export_review_result,
    render_review,
)
from factcheck_gui.store.records import Review, VerdictRecord

from .conftest import PUBLISHER, T0

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
# Google's fact-check structured data: required properties of each type (recommended ones are
# checked by the tests below).
REQUIRED = {
    "ClaimReview": {"claimReviewed", "reviewRating", "url", "author"},
    "Rating": {"alternateName"},
    "Claim": set(),
    "CreativeWork": {"name"},
    "Person": {"name"},
    "Organization": {"name"},
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
            if isinstance(value, str):
                assert value.strip(), f"{key} is empty"
        if key == "datePublished" and expected_type == "ClaimReview":
            assert re.fullmatch(r"\d{4}-\d\d-\d\d", value), value  # schema.org Date (ISO 8601)
        if key == "url":
            assert re.fullmatch(r"https?://\S+", value), f"url {value!r} is not a web address"
        if key in ("ratingValue", "bestRating", "worstRating"):
            assert isinstance(value, int) and not isinstance(value, bool)
    if expected_type == "ClaimReview":
        assert node["author"]["@type"] == "Organization"  # the publisher of the fact check


def reviews_of(review: Review, publisher: ClaimReviewPublisher = PUBLISHER) -> list[dict[str, Any]]:
    data = render_review(review, "claimreview", ExportOptions(publisher=publisher))
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
    rating = c1["reviewRating"]
    assert (rating["alternateName"], rating["bestRating"], rating["worstRating"]) == ("Misleading", 6, 1)
    assert rating["ratingValue"] == 4  # third of six rating verdicts, best first
    # The reviewer's note is the rating's explanation; the reviewer is named as published.
    assert rating["ratingExplanation"] == "=2+2 <b>bold</b>\nsecond line"
    assert rating["author"] == {"@type": "Person", "name": "Ana Analyst"}
    # The organisation is the author, the review page the url; never the login name "Ana".
    assert c1["author"] == {"@type": "Organization", "name": "Example Fact Checks"}
    assert c1["url"] == "https://checks.example/reviews/7"
    assert "Ana" not in json.dumps(c1["author"]) and c1["datePublished"] == "2024-06-20"
    claim = c1["itemReviewed"]
    # Recommended: the claim's author and date (of the text that states it: the rewrite).
    assert claim["author"] == {"@type": "Person", "name": "Blogger B"}
    assert claim["appearance"] == {
        "@type": "CreativeWork",
        "name": "Blog post",
        "url": "https://blog.example/b?x=1",
        "author": {"@type": "Person", "name": "Blogger B"},
    }
    assert claim["firstAppearance"]["url"] == "https://news.example/a"
    assert claim["firstAppearance"]["datePublished"] == "2024-06-19"
    assert c3["claimReviewed"] == "A new claim.\ufffd" and c3["reviewRating"]["ratingValue"] == 2
    assert "ratingExplanation" not in c3["reviewRating"]  # no note, no explanation


def test_a_removed_claim_names_the_original_as_its_source(hand: Review) -> None:
    verdicts = dict(hand.verdicts)
    verdicts["c2"] = VerdictRecord("c2", "Accurate", "", "Ben", T0, 4)
    (c2,) = [i for i in reviews_of(replace(hand, verdicts=verdicts)) if i["identifier"] == "c2"]
    validate(c2, "ClaimReview")
    assert c2["claimReviewed"] == "She denied it \ufffd here.\ufffd"
    assert c2["itemReviewed"]["author"] == {"@type": "Person", "name": "Reporter A"}
    assert c2["itemReviewed"]["datePublished"] == "2024-06-19"
    assert "appearance" not in c2["itemReviewed"]


def test_store_reviews(store_review: Review) -> None:
    items = reviews_of(store_review)
    rated = [
        c
        for c in store_review.comparison.changes
        if (v := store_review.verdicts.get(c.id)) is not None
        and v.value is not None
        and v.value not in ("Needs follow-up", "Not a claim")
    ]
    assert rated, "the fixture rates some changes"
    assert [i["identifier"] for i in items] == [c.id for c in rated]
    for item, change in zip(items, rated, strict=True):
        validate(item, "ClaimReview")
        v = store_review.verdicts[change.id]
        rating = item["reviewRating"]
        assert rating["alternateName"] == v.value
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
        side = "rewrite" if change.rewrite else "original"
        assert item["claimReviewed"] == store_review.comparison.text_of(change, side)
        # Local file paths are never published as URLs.
        assert "url" not in item["itemReviewed"].get("appearance", {})
        if v.note:
            assert rating["ratingExplanation"] == v.note.strip()


def test_follow_up_and_unreviewed_changes_get_no_item_and_the_result_says_so(
    make_store_review, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    review = make_store_review("reference")
    follow_up = [c for c, v in review.verdicts.items() if v.value == "Needs follow-up"]
    unrated = [c.id for c in review.comparison.changes if c.is_change and c.id not in review.verdicts]
    assert follow_up and unrated, "the fixture has both"
    result = export_review_result(
        review, "claimreview", tmp_path / "fc.jsonld", ExportOptions(publisher=PUBLISHER)
    )
    items = json.loads((tmp_path / "fc.jsonld").read_text(encoding="utf-8"))
    ids = {i["identifier"] for i in items}
    assert not ids & set(follow_up) and not ids & set(unrated)
    assert all(i["reviewRating"]["alternateName"] not in ("Needs follow-up", "Not a claim") for i in items)
    reasons = {s.change_id: s.reason for s in result.skipped}
    assert {c: reasons[c] for c in follow_up} == {c: "marked Needs follow-up" for c in follow_up}
    assert {c: reasons[c] for c in unrated} == {c: "not yet rated" for c in unrated}
    # One sentence the app can show: how many written, how many left out and why, with ids.
    msg = result.message
    assert msg.startswith(f"{len(items)} ClaimReview items written; {len(result.skipped)} changes left out")
    assert f"{len(follow_up)} marked Needs follow-up ({follow_up[0]}" in msg
    assert f"{len(unrated)} not yet rated ({unrated[0]}" in msg
    assert result.path == tmp_path / "fc.jsonld"


@pytest.mark.parametrize(
    ("publisher", "missing"),
    [
        (None, "the organisation's name and the review URL"),
        (ClaimReviewPublisher("", "Ana", "https://checks.example/r"), "the organisation's name"),
        (ClaimReviewPublisher("Example Fact Checks", "Ana", "  "), "the review URL"),
    ],
)
def test_without_organisation_or_url_nothing_is_written(
    hand: Review, tmp_path: Path, publisher: ClaimReviewPublisher | None, missing: str
) -> None:
    target = tmp_path / "fc.jsonld"
    target.write_text("[]\n", encoding="utf-8")  # an earlier export: left as it was
    with pytest.raises(PublisherMissing) as err:
        export_review_result(hand, "claimreview", target, ExportOptions(publisher=publisher))
    assert str(err.value).startswith(f"ClaimReview needs {missing} ")
    assert "\n" not in str(err.value) and "nothing was written" in str(err.value)
    assert target.read_text(encoding="utf-8") == "[]\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fc.jsonld"]
    with pytest.raises(PublisherMissing):
        render_review(hand, "claimreview")


def test_a_review_url_that_is_no_web_address_is_refused(hand: Review) -> None:
    bad = ClaimReviewPublisher("Example Fact Checks", "Ana", "checks.example/r/7")
    with pytest.raises(ExportError, match=r"review URL 'checks\.example/r/7' is not a web address"):
        render_review(hand, "claimreview", ExportOptions(publisher=bad))


def test_the_organisation_url_and_an_unnamed_reviewer(hand: Review) -> None:
    publisher = ClaimReviewPublisher(
        "Example Fact Checks", "", "https://checks.example/r/7", "https://checks.example/"
    )
    c1 = reviews_of(hand, publisher)[0]
    validate(c1, "ClaimReview")
    assert c1["author"] == {
        "@type": "Organization",
        "name": "Example Fact Checks",
        "url": "https://checks.example/",
    }
    assert "author" not in c1["reviewRating"]  # no published name: no person, never the login name


def test_hostile_publisher_fields_cannot_end_the_script_element(hand: Review) -> None:
    publisher = ClaimReviewPublisher(
        "</script><script>alert(1)</script>", "<b>Ana</b>", "https://x.example/?a=<b>"
    )
    data = render_review(hand, "claimreview", ExportOptions(publisher=publisher))
    assert b"<" not in data and b">" not in data
    assert json.loads(data)[0]["author"]["name"] == "</script><script>alert(1)</script>"


def test_a_publication_date_that_is_no_iso_date_is_left_out(hand: Review) -> None:
    cmp = hand.comparison
    rewrite = replace(cmp.rewrite, source=replace(cmp.rewrite.source, published="Spring 2024"))
    original = replace(cmp.original, source=replace(cmp.original.source, published="2024-06-19T10:00:00Z"))
    c1 = reviews_of(replace(hand, comparison=replace(cmp, original=original, rewrite=rewrite)))[0]
    validate(c1, "ClaimReview")
    assert (
        "datePublished" not in c1["itemReviewed"] and "datePublished" not in c1["itemReviewed"]["appearance"]
    )
    assert c1["itemReviewed"]["firstAppearance"]["datePublished"] == "2024-06-19T10:00:00+00:00"
