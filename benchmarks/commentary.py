"""Benchmark: whole-document extraction on annotated commentary the model never saw.

    python benchmarks/commentary.py --train --model /tmp/heldout-model   # train without the held-out topics, then score
    python benchmarks/commentary.py --model /tmp/heldout-model           # score a model trained that way
    python benchmarks/commentary.py --model /tmp/heldout-model --extractor rules learned

The team's commentary (``data/commentary``) is annotated sentence by sentence.
Nine topics, one per writer batch (``--hold``), are held out: ``--train`` builds
a model from ``data/`` without them (``cogmap.train``, fixed seed, one thread;
``--layers`` keeps only the encoder's first layers). Each held-out document is
then put together as an article (paragraphs per turn, "Speaker:" leads in
interviews) and read by ``cogmap.extract`` as any article is, and its claims and
forecasts are compared with the annotations:

* a gold claim is found when a predicted claim's evidence overlaps the gold
  sentence and its cause and effect share a content word with the gold cause and
  effect ("link"); "link+sign" also needs the same sign. The gold sides are as
  written ("a shortage of flats" raises "rents climb"), the predicted ones are
  mostly variables (*flats* lowers *rents*; only a side worded as its concept's
  opposite keeps its sign as written, ``Claim.polarity``), so the signs as written
  understate the sign accuracy. "link+sign, variables" compares like with like: each side, gold
  and predicted, is parsed and put in variable form the way cogmap does it
  (``claims.np_side`` / ``claims.clause_side``: "a shortage of flats" is *flats*,
  down) and the claim's sign is multiplied by the two sides' directions. The
  same reading of both sides cancels out where the two sides agree in wording;
  where they do not, a sign is compared on the variables each names.
  Every claim of a held-out sentence is annotated, so precision is meaningful.
* a gold forecast is found when a predicted forecast's evidence overlaps its
  sentence.
* "links missed" (learned path) splits the gold links not found by where they are lost:
  the reader pairs words of both sides in that sentence, read with the one before, and
  decoding loses the link; or the reader reads no such pair. More training data can
  only help the second; the first is decoding's (Session 26: 33 and 70 on the spoken
  set; on twelve real pages of set R and twelve of T, 29 and 63).

The shipped model has seen every topic: scoring it here (no ``--model``) says
how well it fits its training data, not how it reads new text. Numbers only.

``--pending`` scores ``data/pending``, a batch annotated for training that no shipped
model is trained on yet (see ``data/README.md``).

``--spoken`` scores the spoken-register evaluation set instead (``data/spoken``:
interview transcripts, a panel, a press briefing; no model is trained on it), with
the shipped model or ``--model``; ``--constructions`` scores the set written around
the constructions the held-out errors showed (``data/constructions``: links to the
sentence before, counterfactuals, "died from", "in the wake of", the means of an
act, timetables that are no forecasts; no model is trained on it either)::

    python benchmarks/commentary.py --spoken --extractor learned rules
    python benchmarks/commentary.py --constructions --extractor learned rules
"""
from __future__ import annotations

import argparse
import collections
import json
import os
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
#: One topic from each writer batch, so that no writer's style is wholly unseen or wholly seen.
HELD_OUT = ["ux-rents", "w1-water", "w2-shipping", "w3-fertilizer", "w4-protest", "w5-misinfo",
            "w6-gig", "w7-sanctions", "w8-remittances"]


def content_words(s: str | None) -> set[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return {w for w in re.findall(r"[a-z0-9]+", (s or "").lower()) if w not in STOP_WORDS and len(w) > 2}


def article(rows: list[dict]) -> tuple[str, list[tuple[int, int]]]:
    """The document's text, a paragraph per turn, and where each annotated sentence is in it."""
    text, at, prev = "", [], None
    for r in rows:
        key = (r["turn"], r["speaker"])
        if prev is None:
            sep = ""
        elif key != prev or (r["turn"] == "narration" and r["i"] == 1):  # a headline stands alone
            sep = "\n\n"
        else:
            sep = " "
        lead = f"{r['speaker']}: " if key != prev and r["turn"] in ("question", "answer") and r["speaker"] else ""
        text += sep + lead
        at.append((len(text), len(text) + len(r["text"])))
        text += r["text"]
        prev = key
    return text, at


def direction(text: str, effect: bool = False) -> int:
    """+1 or -1: the direction a side states of its variable ("fewer homes" -1, "rents climb" +1);
    an effect of price is its thing's cost, as cogmap reads one ("plastic got cheap" -1)."""
    from cogmap.extract.claims import clause_side, np_side, priced
    from cogmap.extract.nlp import load

    if (text, effect) not in _DIRECTIONS:
        sents = list(load()(text).sents) if text.strip() else []
        if not sents:
            _DIRECTIONS[text, effect] = 1
        else:
            root = sents[0].root
            side = clause_side(root) if root.pos_ in ("VERB", "AUX") else np_side(root)
            price = priced(type(side)(list(sents[0]), side.sign)) if effect else None
            _DIRECTIONS[text, effect] = (side.sign or 1) * (price[2] if price else 1)
    return _DIRECTIONS[text, effect]


_DIRECTIONS: dict[tuple[str, bool], int] = {}


def _gold_probability(forecast: dict) -> float:
    """The probability cogmap's scale gives the annotator's hedge words (plain "will" when none)."""
    from cogmap.extract.forecasts import framed
    from cogmap.extract.hedges import probability

    hedge = (forecast.get("hedge") or "").lower()
    stated = re.search(r"(\d{1,3})\s*(?:%|percent|per cent)", hedge)
    if stated:
        return int(stated.group(1)) / 100  # "about 60 percent": the number itself
    words = re.findall(r"[a-z]+(?:'[a-z]+)?", hedge)
    found = framed(hedge)
    if found is not None:
        # A phrase the scales lack ("I'd bet", "I wouldn't rule out", "there's a danger
        # that") is read as the term cogmap reads it as, not as a plain "will"; its own
        # "not" is the phrase's, and the outcome's is the annotator's "negated".
        words = found[0].split()
    p, term = probability(words)
    if term in _DENYING:
        # The annotators mark "unlikely" and "I doubt" as negated outcomes: the term says
        # so already. Only a "not" in the hedge itself turns it ("wouldn't be surprised").
        denied = any(w in ("not", "never") or w.endswith("n't") for w in words)
    else:
        denied = bool(forecast.get("negated"))
    return probability(words, negated=denied)[0]


_DENYING = {"unlikely", "very unlikely", "highly unlikely", "improbable", "probably not", "doubt", "surprised",
            "no chance", "little chance", "almost no chance", "remote"}


def one_to_one(golds, preds, match) -> int:
    used, hit = set(), 0
    for g in golds:
        for j, p in enumerate(preds):
            if j not in used and match(g, p):
                used.add(j)
                hit += 1
                break
    return hit


def _where_lost(rows: list[dict], at: list, preds: list, reader) -> collections.Counter:
    """Where each gold link the extraction misses is lost: the reader pairs words of both
    its sides in that sentence (read with the one before, as the pipeline reads it), so
    decoding loses the link ("lost_decoding"); or it reads no such pair ("lost_reader").
    Says whether the next gain is in the training data or in the decoding."""
    out = collections.Counter()
    for k, r in enumerate(rows):
        prev = rows[k - 1]["text"] if k else ""
        reading = None
        for c in r["claims"]:
            (a, b), gc, ge = at[k], content_words(c["cause"]), content_words(c["effect"])
            if any(p[0] < b and a < p[1] and gc & p[2] and ge & p[3] for p in preds):
                continue
            reading = reading or reader.read(prev, r["text"])

            def words(span):
                return content_words((prev if span[2] == 0 else r["text"])[span[0]:span[1]]) if span else set()
            paired = any(gc & words(pr.cause) and ge & words(pr.effect) for pr in reading.pairs)
            out["lost_decoding" if paired else "lost_reader"] += 1
    return out


def score(files: list[Path], extractor: str) -> dict:
    import cogmap

    tot = collections.Counter()
    if extractor == "learned":
        from cogmap.extract.learned import Reader

        reader = Reader.load()
    else:
        reader = None
    for f in files:
        docs: dict[str, list] = {}
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                docs.setdefault(row["doc"], []).append(row)
        for rows in docs.values():
            text, at = article(rows)
            golds = [(at[k], content_words(c["cause"]), content_words(c["effect"]), c["sign"],
                      c["sign"] * direction(c["cause"]) * direction(c["effect"], effect=True))
                     for k, r in enumerate(rows) for c in r["claims"]]
            gold_fc = [at[k] for k, r in enumerate(rows) if r.get("forecast")]
            gold_p = [_gold_probability(r["forecast"]) for r in rows if r.get("forecast")]
            d = cogmap.extract(text, extractor=extractor)
            preds = [(c.evidence.start, c.evidence.end, content_words(c.cause.text) | content_words(c.cause.label),
                      content_words(c.effect.text) | content_words(c.effect.label), c.polarity,
                      c.polarity * direction(c.cause.text) * direction(c.effect.text, effect=True)) for c in d.claims]
            for key in ("link", "sign", "var"):
                def match(g, p, key=key):
                    (a, b), gc, ge, gs, gv = g
                    return (p[0] < b and a < p[1] and bool(gc & p[2]) and bool(ge & p[3])
                            and (key == "link" or key == "sign" and gs == p[4] or key == "var" and gv == p[5]))
                tot[key + "_found"] += one_to_one(golds, preds, match)
                tot[key + "_good"] += sum(1 for p in preds if any(match(g, p) for g in golds))
            fcs = [(f.evidence.start, f.evidence.end) for f in d.forecasts]
            def fmatch(g, p):
                return p[0] < g[1] and g[0] < p[1]
            tot["fc_found"] += one_to_one(gold_fc, fcs, fmatch)
            probs = [f.probability for f in d.forecasts]
            # The same forecast, read as sure as the annotator's hedge words say (within one
            # half-band of ICD 203, 0.1): does the hedge reading hold, not only the finding?
            tot["fc_prob"] += one_to_one(list(zip(gold_fc, gold_p)), list(zip(fcs, probs)),
                                         lambda g, p: fmatch(g[0], p[0]) and p[1] is not None
                                         and abs(p[1] - g[1]) <= 0.1)
            tot["fc_good"] += sum(1 for p in fcs if any(fmatch(g, p) for g in gold_fc))
            if reader is not None:
                tot.update(_where_lost(rows, at, preds, reader))
            tot["gold"] += len(golds)
            tot["pred"] += len(preds)
            tot["gold_fc"] += len(gold_fc)
            tot["pred_fc"] += len(fcs)
            tot["docs"] += 1
    return dict(tot)


def prf(found: int, gold: int, good: int, pred: int) -> str:
    r, p = found / max(1, gold), good / max(1, pred)
    f1 = 2 * r * p / (r + p) if r + p else 0.0
    return f"recall {found}/{gold} {r:.3f}  precision {good}/{pred} {p:.3f}  F1 {f1:.3f}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, default=None, help="a model trained without the held-out topics")
    ap.add_argument("--train", action="store_true", help="train that model first (minutes to an hour)")
    ap.add_argument("--layers", type=int, default=None, help="with --train: keep the encoder's first N layers")
    ap.add_argument("--seed", type=int, default=None, help="with --train: another seed than 13")
    ap.add_argument("--epochs", type=int, default=None,
                    help="with --train: other epochs than the shipped model's (train/config.py)")
    ap.add_argument("--with-spoken", action="store_true",
                    help="with --train: train on data/spoken too (the experiment behind keeping it out)")
    ap.add_argument("--hold", nargs="+", default=HELD_OUT, help="the held-out topics (file stems)")
    ap.add_argument("--extractor", nargs="+", default=["learned"], choices=["learned", "rules"])
    ap.add_argument("--spoken", action="store_true", help="score the spoken evaluation set (data/spoken)")
    ap.add_argument("--constructions", action="store_true",
                    help="score the constructions evaluation set (data/constructions)")
    ap.add_argument("--pending", action="store_true",
                    help="score the batch annotated but not trained on yet (data/pending)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    evaluation = "spoken" if args.spoken else "constructions" if args.constructions else \
        "pending" if args.pending else None
    if evaluation and args.train:
        print(f"--{evaluation} needs no training: no model is trained on data/{evaluation}", file=sys.stderr)
        return 2
    files = sorted((DATA / evaluation).glob("*.jsonl")) if evaluation else \
        [DATA / "commentary" / f"{stem}.jsonl" for stem in args.hold]
    missing = [str(f) for f in files if not f.exists()]
    if missing:
        print(f"no such held-out file: {', '.join(missing)}", file=sys.stderr)
        return 2
    if args.train:
        if args.model is None:
            print("--train needs --model DIR (where the held-out model goes)", file=sys.stderr)
            return 2
        from cogmap.train.run import build

        work = Path(tempfile.mkdtemp(prefix="cogmap-heldout-"))
        shutil.copytree(DATA, work / "data", ignore=lambda d, names: [n for n in names if Path(n).stem in args.hold])
        if args.with_spoken:
            for f in sorted((DATA / "spoken").glob("*.jsonl")):
                shutil.copy(f, work / "data" / "commentary" / f.name)
        build(work / "data", args.model, layers=args.layers, seed=args.seed, epochs=args.epochs)
        shutil.rmtree(work, ignore_errors=True)
    if args.model is not None:
        os.environ["COGMAP_MODEL_DIR"] = str(args.model)
    elif "learned" in args.extractor and not evaluation:
        print("note: the shipped model was trained on these topics too; pass --model for a fair score",
              file=sys.stderr)
    out = {}
    for kind in args.extractor:
        t0 = time.perf_counter()
        out[kind] = score(files, kind)
        out[kind]["seconds"] = round(time.perf_counter() - t0, 1)
    if args.json:
        print(json.dumps(out, indent=1))
        return 0
    for kind, t in out.items():
        print(f"{kind} on {t['docs']} {evaluation or 'held-out'} documents ({t['seconds']} s)")
        print(f"  claims, link       {prf(t['link_found'], t['gold'], t['link_good'], t['pred'])}")
        print(f"  claims, link+sign  {prf(t['sign_found'], t['gold'], t['sign_good'], t['pred'])}  (signs as written)")
        print(f"  claims, link+sign  {prf(t['var_found'], t['gold'], t['var_good'], t['pred'])}  (signs of variables)")
        if kind == "learned":
            lost = t.get("lost_decoding", 0) + t.get("lost_reader", 0)
            print(f"  links missed       {lost}: the reader pairs their sides in {t.get('lost_decoding', 0)} "
                  f"(decoding loses them), reads no such pair in {t.get('lost_reader', 0)}")
        print(f"  forecasts          {prf(t['fc_found'], t['gold_fc'], t['fc_good'], t['pred_fc'])}")
        print(f"  forecasts, as sure {prf(t['fc_prob'], t['gold_fc'], t['fc_prob'], t['pred_fc'])}"
              "  (probability within 0.1 of the annotated hedge's)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
