"""Scores of a reading against gold examples: sentence labels, spans, signs.

Span F1 counts a predicted span as matching a gold span of the same tag and
sentence when their token overlap F1 is at least 0.5, one to one; this is
lenient on a stray "the" and strict on a span that takes half the sentence.

>>> prf(8, 10, 16)
(0.8, 0.5, 0.615)
"""

from __future__ import annotations

from typing import Sequence

from cogmap.extract.learned import Reading
from cogmap.train.examples import Example

__all__ = ["prf", "overlap_f1", "score"]


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 3), round(r, 3), round(f, 3)


def _words(text: str, a: int, b: int) -> set[int]:
    """Indices of the words of ``text[a:b]``, by the position of each word's first letter."""
    out, i = set(), a
    while i < b:
        if not text[i].isspace() and (i == 0 or text[i - 1].isspace() or i == a):
            out.add(i)
        i += 1
    return out


def overlap_f1(text: str, x: tuple[int, int], y: tuple[int, int]) -> float:
    """Word-overlap F1 of two spans of ``text``.

    >>> overlap_f1("the high oil prices", (0, 19), (4, 19))
    0.857
    """
    wx, wy = _words(text, *x), _words(text, *y)
    common = len(wx & wy)
    if not common:
        return 0.0
    p, r = common / len(wx), common / len(wy)
    return round(2 * p * r / (p + r), 3)


def _match(text, pred, gold, threshold=0.5) -> int:
    used, tp = set(), 0
    for a, b in pred:
        best = max(((overlap_f1(text, (a, b), g), k) for k, g in enumerate(gold) if k not in used), default=(0, -1))
        if best[0] >= threshold:
            used.add(best[1])
            tp += 1
    return tp


def score(examples: Sequence[Example], readings: Sequence[Reading], threshold: float = 0.5) -> dict:
    """Causal / forecast sentence P, R, F1; span P, R, F1 per tag; sign accuracy on matched pairs."""
    out: dict = {}
    for label in ("causal", "forecast"):
        tp = n_pred = n_gold = 0
        for ex, rd in zip(examples, readings):
            gold = getattr(ex, label)
            if gold is None:
                continue
            pred = getattr(rd, label) >= threshold
            tp += int(pred and gold == 1)
            n_pred += int(pred)
            n_gold += int(gold == 1)
        out[label] = prf(tp, n_pred, n_gold)
    for tag in ("cause", "effect", "trigger", "hedge"):
        tp = n_pred = n_gold = 0
        for ex, rd in zip(examples, readings):
            gold = ex.spans.get(tag)
            if gold is None:
                continue
            for seg, text in ((0, ex.prev), (1, ex.text)):
                g = [(a, b) for a, b, s in gold if s == seg]
                p = [(a, b) for a, b, s, *_ in rd.spans.get(tag, []) if s == seg]
                tp += _match(text, p, g)
                n_pred += len(p)
                n_gold += len(g)
        out[tag] = prf(tp, n_pred, n_gold)
    right = total = 0
    for ex, rd in zip(examples, readings):
        for gp in ex.pairs:
            if gp.sign is None:
                continue
            for pp in rd.pairs:
                tc = ex.prev if gp.cause[2] == 0 else ex.text
                te = ex.prev if gp.effect[2] == 0 else ex.text
                if pp.cause[2] == gp.cause[2] and pp.effect[2] == gp.effect[2] and \
                        overlap_f1(tc, pp.cause[:2], gp.cause[:2]) >= 0.5 and \
                        overlap_f1(te, pp.effect[:2], gp.effect[:2]) >= 0.5:
                    total += 1
                    right += int((pp.sign >= 0.5) == (gp.sign > 0))
                    break
    out["sign_accuracy"] = round(right / total, 3) if total else None
    out["sign_pairs"] = total
    return out
