"""Several sources at once: speed against the pairwise runs, and attribution accuracy.

Two parts (both by default):

``--synthetic``: five sources of N real sentences each (default 2,000; MRPC and STS-B
sentences from ../shared/bench, as ../shared/tools/bigpair.py uses) and one derived text of
about N sentences made by a known construction: blocks of 5–30 consecutive sentences taken
from the sources in turn, each source's blocks in its own order; ~15 % of the sentences that
have a human paraphrase (MRPC) replaced by it; ~4 % merged with a sentence of another source
("A; B"); ~3 % of the sentences also stated (word for word or paraphrased) in a second source;
~5 % sentences from no source; ~4 % of the taken sentences dropped. Then it times
``compare_sources(derived, 5 sources)`` against the sum of the five ``compare_texts(source,
derived)`` runs, interleaved in one process (the machine is shared: the ratio is what counts),
and prints attribution precision and recall against the construction (pairs of derived and
source sentences) and precision/recall of "from no source", for ``compare_sources`` and for
the five pairwise runs' links pooled (what a reviewer running pair after pair would get).

``--real``: the labelled real cases in benchmarks/pairs/multi/*/ (format: that folder's
README.md): per case and mean, link precision/recall/F1 (derived sentence, source sentence),
"from no source" F1 and "not used" F1, for ``compare_sources`` and for the pooled pairwise runs.

Usage: python benchmarks/bench_multisource.py [--synthetic] [--real] [--n 2000] [--rounds 2]
       [--json FILE]
"""

from __future__ import annotations

import argparse
import bisect
import csv
import gc
import json
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from sharedpath import shared_dir

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from factcheck_gui.engine import Comparison, compare_texts, split_claims  # noqa: E402
from factcheck_gui.engine.sources import MultiComparison, compare_sources  # noqa: E402

MULTI = HERE / "pairs" / "multi"
N_SOURCES = 5


def pool() -> tuple[dict[str, str], list[str]]:
    """(MRPC sentence → its human paraphrase, the sentences): bigpair.py's corpus, one side of
    each MRPC and STS-B pair only and sentences of six words or more, so that no two sources
    share a paraphrase or a look-alike by accident (the construction's gold would miss it)."""
    bench = shared_dir() / "bench"
    para: dict[str, str] = {}
    one: list[str] = []
    for f in ("msr_paraphrase_train.txt", "msr_paraphrase_test.txt"):
        with open(bench / "mrpc" / f, encoding="utf-8-sig") as fh:
            for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                if len(row) >= 5 and row[0] in ("0", "1"):
                    one.append(row[3].strip())
                    if row[0] == "1":
                        para[row[3].strip()] = row[4].strip()
    for f in ("sts-train.csv", "sts-dev.csv", "sts-test.csv"):
        with open(bench / "stsb" / f, encoding="utf-8") as fh:
            for row in csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
                if len(row) >= 7:
                    one.append(row[5].strip())
    seen: set[str] = set()
    uniq = []
    for s in one:
        if len(s) > 15 and s[-1] not in ".!?\"'":
            s += "."
        if len(s.split()) >= 6 and s not in seen:
            seen.add(s)
            uniq.append(s)
    return para, uniq


# ---------------------------------------------------------------- the synthetic construction


class Text:
    """A text built sentence by sentence, five to a paragraph, with each sentence's span."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.spans: list[tuple[int, int]] = []
        self._len = 0
        self._in_para = 0

    def add(self, sentence: str) -> int:
        if self.parts:
            sep = "\n\n" if self._in_para == 5 else " "
            if sep == "\n\n":
                self._in_para = 0
            self.parts.append(sep)
            self._len += len(sep)
        self.spans.append((self._len, self._len + len(sentence)))
        self.parts.append(sentence)
        self._len += len(sentence)
        self._in_para += 1
        return len(self.spans) - 1

    @property
    def text(self) -> str:
        return "".join(self.parts) + "\n"


def _one_claim(s: str) -> bool:
    cs = split_claims(s, "o")
    return len(cs) == 1 and cs[0].text == s


Spans = list[tuple[int, int]]
Gold = dict[int, set[tuple[int, int]]]


def build(n: int, seed: int = 17) -> tuple[list[str], str, Gold, list[Spans], Spans]:
    """(five source texts, the derived text, gold: derived sentence → {(source, sentence)},
    each source's sentence spans, the derived text's)."""
    rnd = random.Random(seed)
    para, uniq = pool()
    uniq = [s for s in uniq if _one_claim(s)]
    rnd.shuffle(uniq)
    need = N_SOURCES * n
    if len(uniq) < need + n // 10:
        raise SystemExit(f"only {len(uniq)} usable sentences for {need}")
    plain = uniq[:need]
    extra = uniq[need:]
    src_sents = [plain[k * n : (k + 1) * n] for k in range(N_SOURCES)]
    # ~3 % of each source's sentences are also stated in another source (a corroboration)
    also: dict[tuple[int, int], tuple[int, str]] = {}
    for k in range(N_SOURCES):
        for i in rnd.sample(range(n), n * 3 // 100):
            other = (k + 1 + rnd.randrange(N_SOURCES - 1)) % N_SOURCES
            s = src_sents[k][i]
            also[(k, i)] = (other, para.get(s, s) if rnd.random() < 0.5 else s)
    # sources: the plain sentences, with the corroborating copies inserted at random places
    texts = [Text() for _ in range(N_SOURCES)]
    where: dict[tuple[int, int], int] = {}  # (source, plain index) → sentence index in its text
    inserts: dict[int, list[tuple[int, tuple[int, int]]]] = {k: [] for k in range(N_SOURCES)}
    for key, (other, _) in also.items():
        inserts[other].append((rnd.randrange(n), key))
    copy_at: dict[tuple[int, int], tuple[int, int]] = {}  # original key → (other source, index)
    for k in range(N_SOURCES):
        ins = sorted(inserts[k])
        p = 0
        for i, s in enumerate(src_sents[k]):
            while p < len(ins) and ins[p][0] == i:
                key = ins[p][1]
                copy_at[key] = (k, texts[k].add(also[key][1]))
                p += 1
            where[(k, i)] = texts[k].add(s)
    # the derived text: blocks taken from the sources in turn
    derived = Text()
    gold: dict[int, set[tuple[int, int]]] = {}
    cursor = [0] * N_SOURCES
    per_source = n // N_SOURCES  # sentences taken from each source, about
    taken = [0] * N_SOURCES
    order = list(range(N_SOURCES))
    while any(taken[k] < per_source for k in order):
        k = rnd.choice([k for k in order if taken[k] < per_source])
        size = rnd.randint(5, 30)
        cursor[k] += rnd.randint(0, 3 * n // per_source)  # skip some of the source
        for _ in range(size):
            i = cursor[k]
            if i >= n or taken[k] >= per_source:
                break
            cursor[k] += 1
            taken[k] += 1
            r = rnd.random()
            if r < 0.04:
                continue  # dropped
            s = src_sents[k][i]
            support = {(k, where[(k, i)])}
            if (k, i) in copy_at:
                support.add(copy_at[(k, i)])
            if s in para and rnd.random() < 0.15:
                s = para[s]
            if rnd.random() < 0.04:  # merged with a sentence of another source
                k2 = (k + 1 + rnd.randrange(N_SOURCES - 1)) % N_SOURCES
                i2 = rnd.randrange(n)
                s = s.rstrip(".!?") + "; " + src_sents[k2][i2]
                support.add((k2, where[(k2, i2)]))
            gold[derived.add(s)] = support
            if rnd.random() < 0.05 and extra:
                gold[derived.add(extra.pop())] = set()  # from no source
    return [t.text for t in texts], derived.text, gold, [t.spans for t in texts], derived.spans


def _unit(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> list[int]:
    """The sentences a claim's span overlaps."""
    k = bisect.bisect_right(starts, start) - 1
    out = []
    k = max(k, 0)
    while k < len(spans) and spans[k][0] < end:
        if spans[k][1] > start:
            out.append(k)
        k += 1
    return out


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


Link = tuple[tuple[int, int], int, tuple[int, int]]  # (derived claim span, source, source claim span)


def multi_links(m: MultiComparison) -> list[Link]:
    """The attribution of ``compare_sources`` (primary changes)."""
    out: list[Link] = []
    for ch in m.changes:
        if ch.rewrite and ch.primary:
            for ref in ch.original:
                oc = m.source_claim(ref)
                out.extend(
                    ((rc.start, rc.end), ref.source, (oc.start, oc.end))
                    for rc in map(m.rewrite.claim, ch.rewrite)
                )
    return out


def pooled_links(pairs: Sequence[Comparison]) -> list[Link]:
    """What running one ``compare_texts(source, derived)`` per source and pooling the links gives."""
    out: list[Link] = []
    for k, pc in enumerate(pairs):
        for ch in pc.changes:
            for o in ch.original if ch.rewrite else ():
                oc = pc.original.claim(o)
                out.extend(
                    ((rc.start, rc.end), k, (oc.start, oc.end)) for rc in map(pc.rewrite.claim, ch.rewrite)
                )
    return out


def score_synthetic(
    links: list[Link], gold: Gold, src_spans: list[Spans], der_spans: Spans
) -> dict[str, float]:
    src_starts = [[s for s, _ in sp] for sp in src_spans]
    der_starts = [s for s, _ in der_spans]
    pred: set[tuple[int, int, int]] = set()
    claimed: set[int] = set()
    for (rs, re_), k, (os_, oe) in links:
        for du in _unit(der_spans, der_starts, rs, re_):
            claimed.add(du)
            for su in _unit(src_spans[k], src_starts[k], os_, oe):
                pred.add((du, k, su))
    truth = {(d, k, s) for d, sup in gold.items() for k, s in sup}
    p, r, f = prf(len(pred & truth), len(pred), len(truth))
    none_pred = {d for d in gold if d not in claimed}
    none_gold = {d for d, sup in gold.items() if not sup}
    np_, nr, nf = prf(len(none_pred & none_gold), len(none_pred), len(none_gold))
    return {"link_p": p, "link_r": r, "link_f1": f, "none_p": np_, "none_r": nr, "none_f1": nf}


def synthetic(n: int, rounds: int) -> dict[str, Any]:
    sources, derived, gold, src_spans, der_spans = build(n)
    named = [(f"source{k + 1}", t) for k, t in enumerate(sources)]
    t_multi: list[float] = []
    t_pairs: list[float] = []
    m = None
    pairs: list[Comparison] = []
    for _ in range(rounds):
        gc.collect()
        t0 = time.perf_counter()
        m = compare_sources(derived, named)
        t_multi.append(time.perf_counter() - t0)
        total = 0.0
        pairs = []
        for _, text in named:
            gc.collect()
            t0 = time.perf_counter()
            pairs.append(compare_texts(text, derived))
            total += time.perf_counter() - t0
        t_pairs.append(total)
    assert m is not None
    figures = score_synthetic(multi_links(m), gold, src_spans, der_spans)
    pooled = score_synthetic(pooled_links(pairs), gold, src_spans, der_spans)
    n_src = [len(d.claims) for d in m.sources]
    out = {
        "source_claims": n_src,
        "derived_claims": len(m.rewrite.claims),
        "multi_s": min(t_multi),
        "pairs_s": min(t_pairs),
        "ratio": min(t_multi) / min(t_pairs),
        **figures,
        "pooled_pairwise": pooled,
    }
    print(
        f"synthetic: {N_SOURCES} sources of {n_src} claims, derived {len(m.rewrite.claims)} claims\n"
        f"  compare_sources {out['multi_s']:.2f} s   sum of 5 compare_texts {out['pairs_s']:.2f} s   "
        f"ratio {out['ratio']:.2f} (goal <= 1.5; best of {rounds}, interleaved)"
    )
    for label, fig in (("compare_sources", figures), ("5 x compare_texts, links pooled", pooled)):
        print(
            f"  {label:<32} attribution P {fig['link_p']:.3f} R {fig['link_r']:.3f} F1 {fig['link_f1']:.3f}"
            f" · from no source P {fig['none_p']:.3f} R {fig['none_r']:.3f} F1 {fig['none_f1']:.3f}"
        )
    return out


# ---------------------------------------------------------------- the labelled real cases


def _locate(text: str, sentences: Sequence[str]) -> list[tuple[int, int]]:
    """Each gold sentence's span in the text (they are in order and copied verbatim)."""
    spans, at = [], 0
    for s in sentences:
        k = text.find(s, at)
        if k < 0:
            raise SystemExit(f"gold sentence not found in its text: {s[:60]!r}")
        spans.append((k, k + len(s)))
        at = k + len(s)
    return spans


def _overlap(spans: list[tuple[int, int]], start: int, end: int) -> list[int]:
    """Sentences a claim covers (more than half of the sentence or of the claim)."""
    out = []
    for k, (a, b) in enumerate(spans):
        inter = min(b, end) - max(a, start)
        if inter > 0 and (inter * 2 > b - a or inter * 2 > end - start):
            out.append(k)
    return out


Triple = tuple[int, int, int]  # (derived sentence, source, source sentence)


def case_links(folder: Path, pairwise: bool = False) -> tuple[dict[str, Any], set[Triple]]:
    """The gold and the predicted links of one case: by ``compare_sources``, or (``pairwise``)
    by one ``compare_texts(source, derived)`` per source, their links put together."""
    gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    names = [s["file"] for s in gold["sources"]]
    texts = [(folder / f).read_text(encoding="utf-8") for f in names]
    derived = (folder / gold["derived"]["file"]).read_text(encoding="utf-8")
    src_spans = [_locate(t, s["sentences"]) for t, s in zip(texts, gold["sources"], strict=True)]
    der_spans = _locate(derived, gold["derived"]["sentences"])
    if pairwise:
        links = pooled_links([compare_texts(text, derived) for text in texts])
    else:
        m = compare_sources(derived, list(zip(names, texts, strict=True)))
        # every two-sided change, as the pair form's scorer counts links
        links = [
            ((rc.start, rc.end), ref.source, (m.source_claim(ref).start, m.source_claim(ref).end))
            for ch in m.changes
            if ch.rewrite
            for ref in ch.original
            for rc in map(m.rewrite.claim, ch.rewrite)
        ]
    pred = {
        (du, k, su)
        for (rs, re_), k, (os_, oe) in links
        for du in _overlap(der_spans, rs, re_)
        for su in _overlap(src_spans[k], os_, oe)
    }
    return gold, pred


def score_case(folder: Path, pairwise: bool = False) -> dict[str, float]:
    gold, pred = case_links(folder, pairwise)
    used = {(k, s) for _, k, s in pred}
    truth = {(lk["derived"], int(lk["source"][1:]) - 1, lk["sentence"]) for lk in gold["links"]}
    p, r, f = prf(len(pred & truth), len(pred), len(truth))
    n_der = len(gold["derived"]["sentences"])
    none_pred = set(range(n_der)) - {d for d, _, _ in pred}
    none_gold = set(range(n_der)) - {d for d, _, _ in truth}
    nf = prf(len(none_pred & none_gold), len(none_pred), len(none_gold))[2]
    all_src = {(k, j) for k, s in enumerate(gold["sources"]) for j in range(len(s["sentences"]))}
    unused_pred = all_src - used
    unused_gold = all_src - {(k, s) for _, k, s in truth}
    uf = prf(len(unused_pred & unused_gold), len(unused_pred), len(unused_gold))[2]
    return {"link_p": p, "link_r": r, "link_f1": f, "none_f1": nf, "unused_f1": uf}


def real() -> dict[str, Any]:
    cases = sorted(d for d in MULTI.iterdir() if (d / "gold.json").is_file()) if MULTI.is_dir() else []
    if not cases:
        print("real: no labelled cases in", MULTI)
        return {}
    keys = ["link_p", "link_r", "link_f1", "none_f1", "unused_f1"]
    out: dict[str, Any] = {}
    for label, pairwise in (("compare_sources", False), ("pairwise compare_texts, links pooled", True)):
        rows = {d.name: score_case(d, pairwise) for d in cases}
        mean = {k: sum(r[k] for r in rows.values()) / len(rows) for k in keys}
        print(f"real cases, {label}:")
        print(f"  {'':<34}" + "".join(f"{k:>11}" for k in keys))
        for name, row in rows.items():
            print(f"  {name:<34}" + "".join(f"{row[k]:>11.3f}" for k in keys))
        print(f"  {'mean':<34}" + "".join(f"{mean[k]:>11.3f}" for k in keys))
        out["pairwise" if pairwise else "multi"] = {"cases": rows, "mean": mean}
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--synthetic", action="store_true")
    ap.add_argument("--real", action="store_true")
    ap.add_argument("--n", type=int, default=2000, help="sentences per source (synthetic)")
    ap.add_argument("--rounds", type=int, default=2, help="timing rounds, best taken")
    ap.add_argument("--json", metavar="FILE")
    args = ap.parse_args()
    both = not (args.synthetic or args.real)
    out: dict[str, Any] = {}
    if args.synthetic or both:
        out["synthetic"] = synthetic(args.n, args.rounds)
    if args.real or both:
        out["real"] = real()
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
