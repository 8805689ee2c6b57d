"""How well the engine's similarity score separates paraphrases from other sentence pairs.

MRPC test accuracy/F1 (decision threshold chosen on MRPC *train*) and STS-B test Spearman
correlation, for the engine's score and for plain TF-IDF cosine on words and on character
n-grams (2–4), all computed in this run on the same data from ../shared/bench. Rarity weights
(IDF) of every method come from the sentences of the split being scored (no labels used).

Usage: python benchmarks/accuracy.py
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable

import numpy as np
from benchdata import mrpc, spearman, stsb

from factcheck_gui.engine.similarity import Vocabulary, make_profile, similarity, terms_of

Pairs = list[tuple[str, str, float]]


def engine_scores(pairs: Pairs) -> list[float]:
    terms = [(terms_of(a), terms_of(b)) for a, b, _ in pairs]
    vocab = Vocabulary([t for pair in terms for t in pair])
    return [
        similarity(make_profile(a, vocab, ta), make_profile(b, vocab, tb), vocab)
        for (a, b, _), (ta, tb) in zip(pairs, terms, strict=True)
    ]


def _tfidf_cosine(pairs: Pairs, features: Callable[[str], list[str]]) -> list[float]:
    docs = [(Counter(features(a)), Counter(features(b))) for a, b, _ in pairs]
    df: Counter[str] = Counter()
    for x, y in docs:
        df.update(x.keys())
        df.update(y.keys())
    n = 2 * len(docs)

    def vec(c: Counter[str]) -> dict[str, float]:
        return {t: (1 + math.log(k)) * math.log((1 + n) / (1 + df[t])) + 1 for t, k in c.items()}

    out = []
    for x, y in docs:
        vx, vy = vec(x), vec(y)
        dot = sum(w * vy.get(t, 0.0) for t, w in vx.items())
        nx = math.sqrt(sum(w * w for w in vx.values()))
        ny = math.sqrt(sum(w * w for w in vy.values()))
        out.append(dot / (nx * ny) if nx and ny else 0.0)
    return out


def tfidf_words(pairs: Pairs) -> list[float]:
    return _tfidf_cosine(pairs, lambda s: re.findall(r"\w+", s.lower()))


def tfidf_chars(pairs: Pairs) -> list[float]:
    def grams(s: str) -> list[str]:
        s = " " + " ".join(s.lower().split()) + " "
        return [s[i : i + k] for k in (2, 3, 4) for i in range(len(s) - k + 1)]

    return _tfidf_cosine(pairs, grams)


def best_threshold(scores: list[float], labels: list[float]) -> float:
    s, y = np.asarray(scores), np.asarray(labels)
    cands = np.unique(np.round(s, 4))
    return float(max(cands, key=lambda t: float(((s >= t) == y).mean())))


def mrpc_eval(method: Callable[[Pairs], list[float]]) -> tuple[float, float, float]:
    train, test = mrpc("train"), mrpc("test")
    t = best_threshold(method(train), [y for *_, y in train])  # type: ignore[arg-type]
    s = np.asarray(method(test)) >= t  # type: ignore[arg-type]
    y = np.asarray([y for *_, y in test]) == 1
    acc = float((s == y).mean())
    tp = float((s & y).sum())
    f1 = 2 * tp / (s.sum() + y.sum())
    return acc, float(f1), t


def main() -> None:
    methods: dict[str, Callable[[Pairs], list[float]]] = {
        "factcheck similarity": engine_scores,
        "TF-IDF cosine, words": tfidf_words,
        "TF-IDF cosine, char 2-4-grams": tfidf_chars,
    }
    sts = stsb("test")
    gold = [s for *_, s in sts]
    print(f"{'method':<32} {'MRPC test acc':>13} {'F1':>6} {'thr (train)':>11} {'STS-B test Spearman':>20}")
    for name, fn in methods.items():
        acc, f1, t = mrpc_eval(fn)
        rho = spearman(fn(sts), gold)
        print(f"{name:<32} {acc:>13.3f} {f1:>6.3f} {t:>11.3f} {rho:>20.3f}")
    print(
        f"(MRPC test: {len(mrpc('test'))} pairs, {sum(y for *_, y in mrpc('test'))} paraphrases; "
        f"majority-class accuracy {sum(y for *_, y in mrpc('test')) / len(mrpc('test')):.3f})"
    )


if __name__ == "__main__":
    main()
