"""Score cogmap's extractor on a Causal News Corpus file (Tan et al., 2022).

Usage::

    python benchmarks/cnc.py PATH.csv [--folds 5] [--limit N]

Subtask 1 files (``index,text,label``): a sentence counts as causal when
``cogmap.extract`` finds at least one claim in it; prints precision, recall and
F1. Subtask 2 files (``text_w_pairs`` with ``<ARG0>`` cause and ``<ARG1>``
effect spans): for each gold relation, the extracted claim whose cause and
effect overlap it best is compared token by token; prints token-overlap F1 of
cause and effect spans (averaged over gold relations; a sentence with no claim
scores 0), plus sentence-level detection recall.

The extractor has no trained parameters, so cross-validation here only splits
the file into folds and scores each one: the spread across folds says how
stable the figures are. Any file in the upstream format works, so the same
command scores the held-out split.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

import cogmap  # noqa: E402
from cogmap.errors import InputError  # noqa: E402

_TOKEN = re.compile(r"\w+", re.U)


def tokens(s: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(s)]


def overlap_f1(pred: str, gold: str) -> float:
    """Token-overlap F1 of two spans (bag of tokens, as SQuAD scores answers)."""
    p, g = tokens(pred), tokens(gold)
    if not p or not g:
        return 0.0
    common = 0
    pool = list(g)
    for t in p:
        if t in pool:
            pool.remove(t)
            common += 1
    if common == 0:
        return 0.0
    prec, rec = common / len(p), common / len(g)
    return 2 * prec * rec / (prec + rec)


def claims_of(text: str):
    try:
        return cogmap.extract(text, source="cnc").claims
    except InputError:
        return []


def read_rows(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def prf(gold: list[int], pred: list[int]) -> tuple[float, float, float]:
    tp = sum(1 for g, p in zip(gold, pred) if g and p)
    fp = sum(1 for g, p in zip(gold, pred) if not g and p)
    fn = sum(1 for g, p in zip(gold, pred) if g and not p)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1


def folds_of(n: int, k: int, seed: int = 13) -> list[list[int]]:
    idx = list(range(n))
    random.Random(seed).shuffle(idx)
    return [sorted(idx[i::k]) for i in range(k)]


def subtask1(rows, k: int) -> None:
    t0 = time.perf_counter()
    gold = [int(r["label"]) for r in rows]
    pred = [1 if claims_of(r["text"]) else 0 for r in rows]
    secs = time.perf_counter() - t0
    p, r, f = prf(gold, pred)
    print(f"subtask 1: {len(rows)} sentences ({sum(gold)} causal), {secs:.1f} s")
    print(f"  all:       precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")
    if k > 1:
        scores = []
        for i, fold in enumerate(folds_of(len(rows), k)):
            fp, fr, ff = prf([gold[j] for j in fold], [pred[j] for j in fold])
            scores.append((fp, fr, ff))
            print(f"  fold {i + 1}:    precision {fp:.3f}  recall {fr:.3f}  F1 {ff:.3f}")
        for name, col in (("precision", 0), ("recall", 1), ("F1", 2)):
            vals = [s[col] for s in scores]
            print(f"  {k}-fold {name}: mean {statistics.mean(vals):.3f}  sd {statistics.stdev(vals):.3f}")


_ARG = {name: re.compile(rf"<{name}>(.*?)</{name}>", re.S) for name in ("ARG0", "ARG1")}


def subtask2(rows, k: int) -> None:
    t0 = time.perf_counter()
    by_text: dict[str, list] = {}
    for r in rows:
        by_text.setdefault(r["text"], [])
    cache = {t: claims_of(t) for t in by_text}
    secs = time.perf_counter() - t0
    cause_f, effect_f, found = [], [], []
    for r in rows:
        marked = r.get("text_w_pairs", "")
        g0, g1 = _ARG["ARG0"].search(marked), _ARG["ARG1"].search(marked)
        if not g0 or not g1:
            continue
        gc = re.sub(r"</?SIG\d*>", "", g0.group(1))
        ge = re.sub(r"</?SIG\d*>", "", g1.group(1))
        best = (0.0, 0.0)
        for c in cache[r["text"]]:
            fc, fe = overlap_f1(c.cause.text, gc), overlap_f1(c.effect.text, ge)
            if fc + fe > sum(best):
                best = (fc, fe)
        cause_f.append(best[0])
        effect_f.append(best[1])
        found.append(1 if cache[r["text"]] else 0)
    n = len(cause_f)
    print(f"subtask 2: {n} relations in {len(cache)} sentences, {secs:.1f} s")
    print(f"  sentences with a claim: {sum(found) / n:.3f}")
    print(f"  all:       cause F1 {statistics.mean(cause_f):.3f}  effect F1 {statistics.mean(effect_f):.3f}  "
          f"mean {statistics.mean(cause_f + effect_f):.3f}")
    if k > 1:
        means = []
        for i, fold in enumerate(folds_of(n, k)):
            c = statistics.mean(cause_f[j] for j in fold)
            e = statistics.mean(effect_f[j] for j in fold)
            means.append((c + e) / 2)
            print(f"  fold {i + 1}:    cause F1 {c:.3f}  effect F1 {e:.3f}")
        print(f"  {k}-fold mean span F1: mean {statistics.mean(means):.3f}  sd {statistics.stdev(means):.3f}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("path", type=Path)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--limit", type=int, default=0, help="score only the first N rows")
    args = ap.parse_args(argv)
    rows = read_rows(args.path)
    if args.limit:
        rows = rows[: args.limit]
    if not rows:
        print(f"{args.path}: no rows", file=sys.stderr)
        return 2
    if "text_w_pairs" in rows[0]:
        subtask2(rows, args.folds)
    elif "label" in rows[0]:
        subtask1(rows, args.folds)
    else:
        print(f"{args.path}: not a Causal News Corpus file (no label or text_w_pairs column)", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
