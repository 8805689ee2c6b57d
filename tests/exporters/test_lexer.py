"""The story lexer: fact tokens with exact offsets, and pygments' HTML output stays escaped."""

from __future__ import annotations

from pygments import highlight, lex
from pygments.formatters import HtmlFormatter

from factcheck_gui.lexer import KINDS, Fact, StoryLexer, StoryStyle, fact_spans, style_css

from .conftest import HOSTILE_REWRITE, STORIES


def spans(text: str) -> list[tuple[str, str]]:
    return [(k, text[s:e]) for s, e, k in fact_spans(text)]


def test_fact_kinds_on_a_news_sentence() -> None:
    text = (
        "Russian President Vladimir Putin said on Thursday that Russia might not supply 12.5% "
        "of $3.4 billion, two million people or 1,200 troops by June 19, 2024, reportedly."
    )
    assert spans(text) == [
        ("name", "Russian President Vladimir Putin"),
        ("attribution", "said"),
        ("date", "Thursday"),
        ("name", "Russia"),
        ("hedge", "might"),
        ("negation", "not"),
        ("number", "12.5%"),
        ("number", "$3.4 billion"),
        ("number", "two"),
        ("number", "million"),
        ("number", "1,200"),
        ("date", "June"),
        ("date", "19"),
        ("date", "2024"),
        ("hedge", "reportedly"),
    ]


def test_quotations_keep_inner_facts_and_relative_dates() -> None:
    text = "“We will not send 5 ships,” he said last week. Putin didn’t reply."
    assert spans(text) == [
        ("quote", "“We "),
        ("hedge", "will"),
        ("quote", " "),
        ("negation", "not"),
        ("quote", " send "),
        ("number", "5"),
        ("quote", " ships,”"),
        ("attribution", "said"),
        ("date", "last week"),
        ("negation", "didn’t"),  # a lone capitalised word opening a sentence is not taken for a name
    ]


def test_sentence_start_is_not_a_name_but_mid_sentence_capitals_are() -> None:
    assert spans("The talks ended. Officials met Kim Jong Un.") == [("name", "Kim Jong Un")]


def test_tokens_cover_the_text_exactly() -> None:
    for text in (STORIES / "original.txt").read_text(encoding="utf-8"), HOSTILE_REWRITE, "\n\nLead.\n":
        tokens = list(StoryLexer().get_tokens_unprocessed(text))
        assert "".join(v for _, _, v in tokens) == text
        assert all(text[i : i + len(v)] == v for i, _, v in tokens)
        for s, e, kind in fact_spans(text):
            assert 0 <= s < e <= len(text) and kind in KINDS


def test_pygments_html_formatter_escapes_story_markup() -> None:
    out = highlight(HOSTILE_REWRITE, StoryLexer(), HtmlFormatter(style=StoryStyle))
    assert "<script>" not in out and "<img" not in out and "<iframe" not in out
    assert "&lt;script&gt;" in out
    assert any(t in Fact for t, _ in lex("Putin said 5.", StoryLexer()))


def test_style_css_covers_every_kind() -> None:
    css = style_css("fact-")
    for kind in KINDS:
        assert f".fact-{kind}{{" in css
    assert "font-weight:bold" in css and "url(" not in css
