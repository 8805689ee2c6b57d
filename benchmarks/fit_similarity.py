"""Fit the similarity score's feature weights on the *train* splits only (MRPC + STS-B).

A logistic regression over the features of ``factcheck_gui.engine.similarity``: MRPC train
pairs with their 0/1 labels and STS-B train pairs with score/5 as a soft label, weighted half
and half, L2 0.001. That setting was chosen on MRPC train accuracy and STS-B *dev* Spearman
(never on test). Prints COEF/INTERCEPT to paste into similarity.py and the MRPC threshold
chosen on train. Usage: python benchmarks/fit_similarity.py
"""

from __future__ import annotations

import numpy as np
from benchdata import mrpc, spearman, stsb

from factcheck_gui.engine.similarity import FEATURES, Vocabulary, features, make_profile, terms_of

MIX = 0.5
L2 = 0.001


def feature_matrix(pairs: list[tuple[str, str, float]]) -> tuple[np.ndarray, np.ndarray]:
    """Features of each pair, the vocabulary (rarity weights) built from the split itself."""
    terms = [(terms_of(a), terms_of(b)) for a, b, _ in pairs]
    vocab = Vocabulary([t for pair in terms for t in pair])
    x = [
        features(make_profile(a, vocab, ta), make_profile(b, vocab, tb), vocab)
        for (a, b, _), (ta, tb) in zip(pairs, terms, strict=True)
    ]
    return np.asarray(x), np.asarray([y for _, _, y in pairs], dtype=float)


def fit(
    x: np.ndarray, y: np.ndarray, weights: np.ndarray, l2: float, steps: int = 60
) -> tuple[np.ndarray, float]:
    xb = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(xb.shape[1])
    reg = l2 * np.diag(np.r_[np.ones(len(w) - 1), 0])
    for _ in range(steps):  # Newton's method on the weighted log loss
        p = 1 / (1 + np.exp(-xb @ w))
        g = xb.T @ (weights * (p - y)) / weights.sum() + reg @ w
        h = (xb.T * (weights * p * (1 - p))) @ xb / weights.sum() + reg
        w -= np.linalg.solve(h, g)
    return w[:-1], float(w[-1])


def mrpc_threshold(p: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """(accuracy, threshold) maximising accuracy on the given (train) split."""
    acc, t = max((float(((p >= t) == y).mean()), float(t)) for t in np.linspace(0.05, 0.95, 181))
    return acc, t


if __name__ == "__main__":
    xm, ym = feature_matrix(mrpc("train"))  # type: ignore[arg-type]
    xs, ys = feature_matrix(stsb("train"))
    x = np.vstack([xm, xs])
    y = np.r_[ym, ys / 5]
    w = np.r_[np.full(len(ym), 1 - MIX), np.full(len(ys), MIX)]
    coef, b = fit(x, y, w, L2)
    acc, t = mrpc_threshold(1 / (1 + np.exp(-(xm @ coef + b))), ym)
    xd, yd = feature_matrix(stsb("dev"))
    print("features:", FEATURES)
    print("COEF: tuple[float, ...] = (" + ", ".join(f"{c:.4f}" for c in coef) + ")")
    print(f"INTERCEPT: float = {b:.4f}")
    print(f"MRPC train accuracy {acc:.4f} at threshold {t:.3f}")
    print(f"STS-B dev Spearman {spearman(list(1 / (1 + np.exp(-(xd @ coef + b)))), list(yd)):.4f}")
