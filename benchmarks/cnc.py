"""Score cogmap's extractors on Causal News Corpus files (Tan et al., 2022).

Usage::

    python benchmarks/cnc.py FILE.csv [FILE.csv]                  # the shipped learned model
    python benchmarks/cnc.py FILE.csv --extractor rules           # the rule-based extractor
    python benchmarks/cnc.py data/cnc/train_subtask1.csv data/cnc/train_subtask2.csv --cv 5
                                                                  # train inside each fold, score the rest
    python benchmarks/cnc.py data/cnc/train_subtask1.csv data/cnc/train_subtask2.csv --cv 5 --save /tmp/folds
    python benchmarks/cnc.py data/cnc/train_subtask1.csv data/cnc/train_subtask2.csv --cv 5 --saved /tmp/folds
                                                                  # keep the fold models; score them again
    python benchmarks/cnc.py data/cnc/train_subtask1.csv data/cnc/train_subtask2.csv --cv 5 --folds 1 --with-commentary
                                                                  # one fold only, trained on the commentary too

Files are in the upstream format: subtask 1 (``index,text,label``) and subtask 2
(``text_w_pairs`` with ``<ARG0>`` cause and ``<ARG1>`` effect spans), so a held-out
split scores the same way.

* Subtask 1: a sentence is causal when the learned path would state a link in it:
  the reader's P(causal) >= 0.5 (``readings.CAUSAL_THRESHOLD``, the bar for its own
  claims), or >= 0.3 where the rules read a claim (``readings.RULE_CLAIM_CAUSAL``, the
  bar for theirs); for ``rules``, when ``cogmap.extract`` finds a claim. Precision,
  recall, F1. (The reader's bar alone gave 5-fold F1 0.822, this reading 0.828, with the
  same 6-epoch fold models.)
* Subtask 2: for each gold relation, the predicted pair whose cause and effect
  overlap it best, scored by token-overlap F1 (bag of words, as SQuAD scores
  answers) and averaged over gold relations; a sentence with no pair scores 0.

``--cv K`` needs the training extra (``pip install '.[train]'``): the sentences are
split into K folds by text (a sentence's relations stay together), a model is
trained on the other folds (the CNC rows only, unless ``--with-commentary``) with
the shipped settings and ``--epochs``, one thread, exported as the shipped model is
(int8 ONNX), and scored on the held-out fold through onnxruntime, as it would ship.
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

from cogmap.errors import CogmapError, InputError  # noqa: E402
from cogmap.train.corpus import relation  # noqa: E402

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


def prf(gold: list[int], pred: list[int]) -> tuple[float, float, float]:
    tp = sum(1 for g, p in zip(gold, pred) if g and p)
    fp = sum(1 for g, p in zip(gold, pred) if not g and p)
    fn = sum(1 for g, p in zip(gold, pred) if g and not p)
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1


def read_rows(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


# -- predictors: text -> (is causal, [(cause text, effect text)]) ---------------


def rules_predictor():
    import cogmap

    def predict(texts):
        out = []
        for t in texts:
            try:
                claims = cogmap.extract(t, source="cnc", extractor="rules").claims
            except InputError:
                claims = []
            out.append((bool(claims), [(c.cause.text, c.effect.text) for c in claims]))
        return out

    return predict


def _from_readings(texts, readings):
    from cogmap.extract.claims import find_claims
    from cogmap.extract.nlp import load
    from cogmap.extract.readings import CAUSAL_THRESHOLD, RULE_CLAIM_CAUSAL

    out = []
    readings = list(readings)
    # The rules are asked only where their bar decides (it is lower than the reader's).
    unsure = [k for k, rd in enumerate(readings) if RULE_CLAIM_CAUSAL <= rd.causal < CAUSAL_THRESHOLD]
    ruled = {k for k, doc in zip(unsure, load().pipe(texts[k] for k in unsure)) if find_claims(doc)}
    for k, (t, rd) in enumerate(zip(texts, readings)):
        pairs = [(t[p.cause[0]:p.cause[1]], t[p.effect[0]:p.effect[1]]) for p in rd.pairs
                 if p.cause[2] == 1 and p.effect[2] == 1]
        out.append((rd.causal >= CAUSAL_THRESHOLD or k in ruled, pairs))
    return out


def learned_predictor(model_dir=None):
    from cogmap.extract.learned import MODEL_DIR, Reader

    reader = Reader.load(model_dir or MODEL_DIR)
    return lambda texts: _from_readings(texts, reader.read_many([("", t) for t in texts]))


# -- scoring ---------------------------------------------------------------------


def score(s1_rows, s2_rows, predict) -> dict:
    texts = sorted({r["text"] for r in s1_rows} | {r["text"] for r in s2_rows})
    t0 = time.perf_counter()
    pred = dict(zip(texts, predict(texts)))
    out = {"seconds": time.perf_counter() - t0, "sentences": len(texts)}
    if s1_rows:
        gold = [int(r["label"]) for r in s1_rows]
        out["subtask1"] = prf(gold, [int(pred[r["text"]][0]) for r in s1_rows])
    if s2_rows:
        cause_f, effect_f = [], []
        for r in s2_rows:
            rel = relation(r)
            if not rel["cause"] or not rel["effect"]:
                continue
            gc = rel["text"][rel["cause"][0][0]:rel["cause"][0][1]]
            ge = rel["text"][rel["effect"][0][0]:rel["effect"][0][1]]
            best = (0.0, 0.0)
            for c, e in pred[r["text"]][1]:
                fc, fe = overlap_f1(c, gc), overlap_f1(e, ge)
                if fc + fe > sum(best):
                    best = (fc, fe)
            cause_f.append(best[0])
            effect_f.append(best[1])
        out["subtask2"] = (statistics.mean(cause_f), statistics.mean(effect_f),
                           statistics.mean(cause_f + effect_f), len(cause_f))
    return out


def show(name: str, res: dict) -> None:
    print(f"{name}: {res['sentences']} sentences in {res['seconds']:.1f} s")
    if "subtask1" in res:
        p, r, f = res["subtask1"]
        print(f"  subtask 1 (causal sentence): precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}")
    if "subtask2" in res:
        c, e, m, n = res["subtask2"]
        print(f"  subtask 2 ({n} relations): cause F1 {c:.3f}  effect F1 {e:.3f}  span F1 {m:.3f}")


def fold_of_texts(s1_rows, s2_rows, k: int, seed: int = 13) -> dict:
    """Each sentence's fold: sentences shuffled with ``seed``, dealt out in turn."""
    texts = sorted({r["text"] for r in s1_rows} | {r["text"] for r in s2_rows})
    random.Random(seed).shuffle(texts)
    return {t: i % k for i, t in enumerate(texts)}


def score_saved_folds(s1_rows, s2_rows, k: int, folder: Path) -> list:
    """Score the fold models a ``--cv K --save FOLDER`` run wrote, each on its own fold.

    Decoding (spans, pairs, the causal-sentence rule) runs as shipped, through
    onnxruntime, so a change to it is measured on all K folds in seconds, without
    training again.
    """
    from cogmap.extract.learned import Reader

    fold_of = fold_of_texts(s1_rows, s2_rows, k)
    results = []
    for i in range(k):
        reader = Reader.load(folder / f"fold{i + 1}")
        res = score([r for r in s1_rows if fold_of[r["text"]] == i],
                    [r for r in s2_rows if fold_of[r["text"]] == i],
                    lambda ts: _from_readings(ts, reader.read_many([("", t) for t in ts])))
        show(f"fold {i + 1} ({folder / f'fold{i + 1}'})", res)
        results.append(res)
    return results


def summarise(results: list, s1_rows, s2_rows) -> None:
    if s1_rows:
        for name, col in (("precision", 0), ("recall", 1), ("F1", 2)):
            vals = [r["subtask1"][col] for r in results]
            print(f"  subtask 1 {name}: mean {statistics.mean(vals):.3f}  sd {statistics.stdev(vals):.3f}")
    if s2_rows:
        for name, col in (("cause F1", 0), ("effect F1", 1), ("span F1", 2)):
            vals = [r["subtask2"][col] for r in results]
            print(f"  subtask 2 {name}: mean {statistics.mean(vals):.3f}  sd {statistics.stdev(vals):.3f}")


def cross_validate(s1_rows, s2_rows, k: int, epochs: int, with_commentary: bool, data: Path, seed: int = 13,
                   save: Path | None = None, only: int = 0, which: list[int] | None = None,
                   layers: int | None = None):
    import tempfile

    from cogmap.train.config import Config
    from cogmap.train.corpus import read_commentary
    from cogmap.train.examples import from_cnc, from_commentary
    from cogmap.extract.learned import Reader
    from cogmap.train.loop import export, train

    fold_of = fold_of_texts(s1_rows, s2_rows, k, seed)
    extra = list(from_commentary(read_commentary(data / "commentary"))) if with_commentary else []
    results = []
    # ``which`` (1-based) lets the folds of one --save folder be trained in separate runs,
    # e.g. one a sitting on a shared machine, and summarised together with --saved.
    for i in [w - 1 for w in which] if which else range(only or k):
        with tempfile.TemporaryDirectory() as tmp:
            tr1, tr2 = Path(tmp) / "s1.csv", Path(tmp) / "s2.csv"
            for rows, path in ((s1_rows, tr1), (s2_rows, tr2)):
                keep = [r for r in rows if fold_of[r["text"]] != i]
                if rows:
                    with open(path, "w", newline="", encoding="utf-8") as fh:
                        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
                        w.writeheader()
                        w.writerows(keep)
            examples = from_cnc(tr1 if s1_rows else None, tr2 if s2_rows else None,
                                data / "cnc" / "signs.csv", data / "cnc" / "forecasts.csv") + extra
            cfg = Config(epochs=epochs, layers=layers)
            t0 = time.perf_counter()
            net = train(examples, cfg, log=lambda s: None)
            secs = time.perf_counter() - t0
            # Scored as it would ship: exported (int8) and read through onnxruntime.
            folder = save / f"fold{i + 1}" if save is not None else Path(tmp) / "model"
            export(net, folder, cfg, {"fold": i + 1, "of": k, "seed": seed})
            Reader._cache.clear()
            reader = Reader.load(folder)

            def predict(ts, reader=reader):
                return _from_readings(ts, reader.read_many([("", t) for t in ts]))

            res = score([r for r in s1_rows if fold_of[r["text"]] == i],
                        [r for r in s2_rows if fold_of[r["text"]] == i], predict)
            show(f"fold {i + 1} (trained on {len(examples)} examples in {secs:.0f} s)", res)
            results.append(res)
    part = f" (fold {', '.join(map(str, which))} only)" if which else f" (first {only} folds only)" if only else ""
    print(f"{k}-fold cross-validation{part}, {epochs} epochs{f', {layers} layers' if layers else ''}, "
          f"training data: CNC{' + commentary' if with_commentary else ''} of the other folds")
    if len(results) > 1:
        summarise(results, s1_rows, s2_rows)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("paths", type=Path, nargs="+", help="subtask 1 and/or subtask 2 files")
    ap.add_argument("--extractor", choices=["learned", "rules"], default="learned")
    ap.add_argument("--model", type=Path, default=None, help="a model folder other than the shipped one")
    ap.add_argument("--cv", type=int, default=0, help="train inside each of K folds (needs '.[train]')")
    ap.add_argument("--epochs", type=int, default=None,
                    help="with --cv: epochs per fold (default: the shipped model's, train/config.py)")
    ap.add_argument("--save", type=Path, default=None,
                    help="with --cv: write each fold's model to SAVE/foldN (int8, as shipped)")
    ap.add_argument("--saved", type=Path, default=None,
                    help="score the fold models of an earlier '--cv K --save SAVED' run, without training")
    ap.add_argument("--folds", type=int, default=0,
                    help="with --cv: train and score only the first N folds (a quicker comparison)")
    ap.add_argument("--fold", type=int, action="append", default=None, metavar="I",
                    help="with --cv: train and score fold I only (repeatable); with --save, --saved then sums them up")
    ap.add_argument("--layers", type=int, default=None,
                    help="with --cv: keep only the encoder's first N layers (a smaller, faster reader)")
    ap.add_argument("--with-commentary", action="store_true", help="also train on data/commentary")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N rows of each file")
    args = ap.parse_args(argv)
    s1, s2 = [], []
    for path in args.paths:
        try:
            rows = read_rows(path)
        except OSError as exc:
            print(f"{path}: {exc.strerror}", file=sys.stderr)
            return 2
        if args.limit:
            rows = rows[: args.limit]
        if rows and "text_w_pairs" in rows[0]:
            s2 += rows
        elif rows and "label" in rows[0]:
            s1 += rows
        else:
            print(f"{path}: not a Causal News Corpus file (no label or text_w_pairs column)", file=sys.stderr)
            return 2
    try:
        if args.cv and args.saved:
            summarise(score_saved_folds(s1, s2, args.cv, args.saved), s1, s2)
        elif args.cv:
            data = Path(__file__).resolve().parents[1] / "data"
            from cogmap.train.config import Config

            cross_validate(s1, s2, args.cv, args.epochs or Config().epochs, args.with_commentary, data, save=args.save,
                           only=args.folds, which=args.fold, layers=args.layers)
        else:
            predict = rules_predictor() if args.extractor == "rules" else learned_predictor(args.model)
            show(args.extractor, score(s1, s2, predict))
    except CogmapError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
