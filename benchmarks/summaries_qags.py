"""Does what the engine reports tell a faithful news summary from an unfaithful one?

    python benchmarks/summaries_qags.py MTURK_CNNDM_JSONL [--half dev|test]

Reads QAGS-C (Wang, Cho and Lewis, "Asking and Answering Questions to Evaluate the Factual
Consistency of Summaries", ACL 2020: 235 CNN/DailyMail articles, each with a model-written
summary whose every sentence three crowd workers judged "is this supported by the article?").
The file is ``data/mturk_cnndm.jsonl`` of https://github.com/W4ngatang/qags; it is read from
where it lies and never copied into this repository (the articles are CNN/DailyMail's).

Each article is compared with its summary (original = article, rewrite = summary). A summary
sentence is unfaithful when most workers said "no"; a summary is unfaithful when any of its
sentences is. Each detector below says "unfaithful" for a sentence when the engine reports on
the rewrite claims that overlap it:

- ``added``: a claim the engine calls added (no counterpart in the article);
- ``changed or added fact``: a fact flag whose ``change`` is "changed" or "added" (a number,
  name, date, quotation, negation … that differs from the article or is not in it);
- ``any flag``: any fact flag, omissions included (what a reader filtering on "flagged" sees);
- ``added or changed/added fact``: either of the first two.

Balanced accuracy (the mean of the recall on unfaithful and on faithful items: 0.5 is chance)
is printed per sentence and per summary, with the counts. The items are halved by their line:
even lines (from 0) are ``dev``, the half any error analysis may look at; odd lines are ``test``,
reported only. Without ``--half`` all are scored.

``--detok`` first undoes two marks of the tokeniser that made QAGS-C's articles (the summaries
were detokenised, the articles were not): a figure split at its thousands separator ("56, 000"
→ "56,000", "98. 7" → "98.7") and a spaced hyphen inside a compound ("84 - year - old" →
"84-year-old"). Without it a faithful "around 56,000 dogs" reads as a changed figure.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from factcheck_gui.engine import compare_texts

_SPLIT_FIGURE = re.compile(r"(?<=\d)(?:(,) (?=\d{3}(?!\d))|(\.) (?=\d+ ?(?:per ?cent|%)))")
_SPACED_HYPHEN = re.compile(r"(?<=\w) - (?=\w)")


def detokenise(text: str) -> str:
    """Rejoin what the articles' tokeniser split ("56, 000", "98. 7", "84 - year - old")."""
    return _SPACED_HYPHEN.sub("-", _SPLIT_FIGURE.sub(lambda m: m.group(1) or m.group(2), text))


def _claims_flagged(result: dict[str, Any]) -> dict[str, set[str]]:
    """For each rewrite claim id, which detector reasons hold for it."""
    reasons: dict[str, set[str]] = {}
    for change in result["changes"]:
        found: set[str] = set()
        if change["kind"] == "added":
            found.add("added")
        for flag in change.get("flags") or []:
            found.add("flag")
            if flag.get("change") in ("changed", "added"):
                found.add("fact")
        for claim in change["rewrite"]:
            reasons.setdefault(claim, set()).update(found)
    return reasons


DETECTORS: dict[str, Callable[[set[str]], bool]] = {
    "added": lambda r: "added" in r,
    "changed or added fact": lambda r: "fact" in r,
    "any flag": lambda r: "flag" in r,
    "added or changed/added fact": lambda r: bool(r & {"added", "fact"}),
}


def _balanced(pairs: list[tuple[bool, bool]]) -> tuple[float, int, int]:
    """(balanced accuracy, unfaithful count, faithful count) of (truly unfaithful, said so)."""
    bad = [said for truth, said in pairs if truth]
    good = [not said for truth, said in pairs if not truth]
    if not bad or not good:
        return float("nan"), len(bad), len(good)
    return (sum(bad) / len(bad) + sum(good) / len(good)) / 2, len(bad), len(good)


def run(path: Path, half: str | None = None, detok: bool = False) -> dict[str, dict[str, float]]:
    sentence_rows: dict[str, list[tuple[bool, bool]]] = {name: [] for name in DETECTORS}
    summary_rows: dict[str, list[tuple[bool, bool]]] = {name: [] for name in DETECTORS}
    for k, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        if not line.strip() or (half == "dev" and k % 2) or (half == "test" and not k % 2):
            continue
        item = json.loads(line)
        sentences = [s["sentence"].strip() for s in item["summary_sentences"]]
        if detok:
            sentences = [detokenise(s) for s in sentences]
        truths = [
            sum(r["response"] == "no" for r in s["responses"]) * 2 > len(s["responses"])
            for s in item["summary_sentences"]
        ]
        summary = "\n".join(sentences) + "\n"
        article = detokenise(item["article"]) if detok else item["article"]
        result = compare_texts(article, summary).to_json()
        reasons = _claims_flagged(result)
        # Where each summary sentence lies in the rewrite text, and the claims overlapping it.
        spans, at = [], 0
        for sentence in sentences:
            spans.append((at, at + len(sentence)))
            at += len(sentence) + 1
        per_sentence: list[set[str]] = [set() for _ in sentences]
        for claim in result["rewrite"]["claims"]:
            for i, (start, end) in enumerate(spans):
                if claim["start"] < end and claim["end"] > start:
                    per_sentence[i] |= reasons.get(claim["id"], set())
        for name, says in DETECTORS.items():
            said = [says(r) for r in per_sentence]
            sentence_rows[name].extend(zip(truths, said, strict=True))
            summary_rows[name].append((any(truths), any(said)))
    out: dict[str, dict[str, float]] = {}
    for name in DETECTORS:
        s_acc, s_bad, s_good = _balanced(sentence_rows[name])
        m_acc, m_bad, m_good = _balanced(summary_rows[name])
        out[name] = {
            "sentence_bacc": round(s_acc, 3),
            "summary_bacc": round(m_acc, 3),
            "sentences_unfaithful": s_bad,
            "sentences_faithful": s_good,
            "summaries_unfaithful": m_bad,
            "summaries_faithful": m_good,
        }
    return out


def main() -> int:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="QAGS-C's data/mturk_cnndm.jsonl")
    parser.add_argument("--half", choices=("dev", "test"), help="even lines (dev) or odd lines (test)")
    parser.add_argument("--detok", action="store_true", help="rejoin split figures and spaced hyphens first")
    args = parser.parse_args()
    if not args.data.is_file():
        parser.error(f"{args.data} is not a file: give the path of QAGS-C's data/mturk_cnndm.jsonl")
    rows = run(args.data, args.half, args.detok)
    first = next(iter(rows.values()))
    bad, good = first["summaries_unfaithful"], first["summaries_faithful"]
    summaries = f"{bad} unfaithful / {good} faithful summaries"
    sentences = f"{first['sentences_unfaithful']} / {first['sentences_faithful']} sentences"
    detok = ", split figures and hyphens rejoined" if args.detok else ""
    print(f"QAGS-C ({args.half or 'all'}{detok}): {summaries}, {sentences}")
    print(f"{'detector':32} {'sentence bal. acc':>18} {'summary bal. acc':>17}")
    for name, row in rows.items():
        print(f"{name:32} {row['sentence_bacc']:>18.3f} {row['summary_bacc']:>17.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
