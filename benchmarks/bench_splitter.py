"""Choosing the sentence splitter by measurement: our rules against pysbd.

Text: bigpair's original side (N real news/caption sentences, 5 to a paragraph), whose true
sentence boundaries are known. Reports, for each splitter, the time per sentence and the
share of true sentences that come out as exactly one claim. (Some STS-B captions start in
lower case and a few MRPC "sentences" hold two sentences, so neither reaches 100 %.)

Usage: python benchmarks/bench_splitter.py [N]   (pysbd comes with the `bench` extra)
"""

from __future__ import annotations

import sys
import time

from bench_engine import _sentence_spans, build_with_truth

from factcheck_gui.engine import split_claims


def exact_share(text: str, sentences: list[str], spans: list[tuple[int, int]]) -> float:
    truth = set(_sentence_spans(sentences))
    return len(truth & set(spans)) / len(truth)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    text, _, orig, _, _ = build_with_truth(n)
    t = time.perf_counter()
    claims = split_claims(text, "o")
    ours = time.perf_counter() - t
    ours_share = exact_share(text, orig, [(c.start, c.end) for c in claims])
    print(f"{'splitter':<10} {'µs/sentence':>12} {'exact sentences':>16}")
    print(f"{'factcheck':<10} {1e6 * ours / n:>12.1f} {ours_share:>16.3f}")
    try:
        import pysbd
    except ImportError:
        print("pysbd not installed (pip install -e '.[bench]')")
        return
    seg = pysbd.Segmenter(language="en", clean=False, char_span=True)
    t = time.perf_counter()
    spans = []
    pos = 0
    for para in text.split("\n\n"):
        for s in seg.segment(para):
            stripped = s.sent.strip()
            start = pos + s.start + (len(s.sent) - len(s.sent.lstrip()))
            spans.append((start, start + len(stripped)))
        pos += len(para) + 2
    theirs = time.perf_counter() - t
    print(f"{'pysbd':<10} {1e6 * theirs / n:>12.1f} {exact_share(text, orig, spans):>16.3f}")
    print(f"pysbd / factcheck time: ×{theirs / ours:.0f}")


if __name__ == "__main__":
    main()
