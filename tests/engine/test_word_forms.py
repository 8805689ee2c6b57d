"""Word forms the stemmer leaves apart that one comparison joins: a place and its people."""

from __future__ import annotations

from factcheck_gui.engine import compare_texts
from factcheck_gui.engine.similarity import terms_and_norms, unified_forms


def test_a_place_and_its_adjective_are_one_term_when_both_texts_use_them() -> None:
    terms, sets, _ = terms_and_norms(
        ["Pakistani troops restored the road.", "Soldiers are trying to restore the road to Pakistan."]
    )
    assert "pakistan" in sets[0] and "pakistani" not in sets[0]
    assert terms[0][0] == "pakistan"
    # only forms that both occur are joined: alone, the adjective stays what it is
    alone, _, _ = terms_and_norms(["Pakistani troops restored the road."])
    assert alone[0][0] == "pakistani"
    found = unified_forms([["iraqi", "iraq", "libyan", "libya", "ghanaian", "ghana", "nigerian", "nigeria"]])
    assert found == {"iraqi": "iraq", "libyan": "libya", "ghanaian": "ghana", "nigerian": "nigeria"}


def test_a_restatement_naming_the_people_not_the_country_is_linked_to_its_source() -> None:
    original = (
        "Rescue workers say key access roads remain blocked by debris and mudslides.\n\n"
        "General Sultan says the death toll will rise as rescue workers reach the hardest hit areas.\n\n"
        "General Sultan says soldiers are trying to restore the main road linking Kashmir to the "
        "rest of Pakistan, to allow urgently needed aid to pass through.\n\n"
        "For now, aid is being ferried into many communities by helicopter.\n"
    )
    rewrite = (
        "Rescue workers say key access roads remain blocked by debris and mudslides.\n\n"
        "Pakistani troops have now restored road links with some of the hardest hit areas.\n\n"
        "For now, aid is being ferried into many communities by helicopter.\n"
    )
    pairs = {(c.original, c.rewrite) for c in compare_texts(original, rewrite).changes}
    assert (("o3",), ("r2",)) in pairs, pairs
    assert (("o2",), ("r2",)) not in pairs, pairs
