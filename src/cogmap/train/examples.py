"""Training examples: every layer of ``data/`` as one kind of record.

An :class:`Example` is a sentence with the sentence before it as context, the
character spans of each tag (cause, effect, trigger, hedge) in either part, the
sentence labels (causal, forecast) and the cause-effect pairs with their sign.
A label that a layer does not annotate is ``None`` and masked out of the loss,
so the Causal News Corpus (no hedges, no context) and the team's commentary
(every layer) train one model together.

Examples
--------
>>> recs = [{"doc": "d", "i": 0, "text": "Rain fell.", "claims": [], "forecast": None},
...         {"doc": "d", "i": 1, "text": "That is why yields rose.", "forecast": None,
...          "claims": [{"cause": "Rain fell", "cause_in": "prev", "effect": "yields rose",
...                      "trigger": "That is why", "sign": 1, "hedge": None}]}]
>>> ex = list(from_commentary(recs))[1]
>>> ex.prev, ex.spans["cause"], ex.pairs[0].sign
('Rain fell.', [(0, 9, 0)], 1)
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional

from cogmap.train.corpus import read_cnc_relations, read_cnc_sentences, read_cnc_signs, read_commentary

__all__ = ["TAGS", "Example", "Pair", "from_commentary", "from_cnc", "load_all"]

TAGS = ("cause", "effect", "trigger", "hedge")

#: A span is ``(start, end, segment)``: segment 0 is the previous sentence, 1 this one.
SpanT = tuple[int, int, int]


@dataclass
class Pair:
    cause: SpanT
    effect: SpanT
    trigger: Optional[SpanT]
    sign: Optional[int]


@dataclass
class Example:
    """One sentence to learn from; ``None`` labels are not annotated in its source."""

    source: str
    group: str  # examples of one group (document, CNC sentence) stay in one fold
    prev: str
    text: str
    spans: dict[str, Optional[list[SpanT]]] = field(default_factory=dict)
    causal: Optional[int] = None
    forecast: Optional[int] = None
    pairs: list[Pair] = field(default_factory=list)


def _find(host: str, needle: Optional[str]) -> Optional[tuple[int, int]]:
    if not needle:
        return None
    i = host.find(needle)
    return None if i < 0 else (i, i + len(needle))


def from_commentary(records: Iterable[dict]) -> Iterator[Example]:
    """Examples from the commentary layer (``data/commentary``): every label present."""
    prev: Optional[dict] = None
    for rec in records:
        prev_text = prev["text"] if prev is not None and prev["doc"] == rec["doc"] else ""
        ex = Example(source="commentary", group=rec["doc"], prev=prev_text, text=rec["text"],
                     spans={t: [] for t in TAGS}, causal=int(bool(rec["claims"])),
                     forecast=int(rec.get("forecast") is not None))
        for claim in rec["claims"] or []:
            sides = {}
            for side in ("cause", "effect"):
                seg = 0 if claim.get(f"{side}_in") == "prev" else 1
                found = _find(prev_text if seg == 0 else rec["text"], claim[side])
                sides[side] = None if found is None else (*found, seg)
            trig = _find(rec["text"], claim.get("trigger"))
            trig_span = None if trig is None else (*trig, 1)
            for side in ("cause", "effect"):
                if sides[side] is not None:
                    ex.spans[side].append(sides[side])
            if trig_span:
                ex.spans["trigger"].append(trig_span)
            hedge = _find(rec["text"], claim.get("hedge"))
            if hedge:
                ex.spans["hedge"].append((*hedge, 1))
            if sides["cause"] and sides["effect"]:
                ex.pairs.append(Pair(sides["cause"], sides["effect"], trig_span, claim.get("sign")))
        fc = rec.get("forecast")
        if fc:
            hedge = _find(rec["text"], fc.get("hedge"))
            if hedge:
                ex.spans["hedge"].append((*hedge, 1))
        for t in TAGS:
            ex.spans[t] = sorted(set(ex.spans[t]))
        yield ex
        prev = rec


def _cnc_forecasts(path: Path) -> dict[str, int]:
    if not path.exists():
        return {}
    with open(path, encoding="utf-8", newline="") as fh:
        return {row["index"]: int(row["forecast"]) for row in csv.DictReader(fh)}


def from_cnc(subtask1: Optional[Path], subtask2: Optional[Path], signs: Optional[Path] = None,
             forecasts: Optional[Path] = None) -> list[Example]:
    """Examples from Causal News Corpus files in the upstream format.

    Sentences of subtask 1 carry the causal label (and the team's forecast label when
    ``forecasts`` is given); relations of subtask 2 add cause, effect and signal spans
    (hedges are not annotated there, so that tag is masked) and the team's signs.
    """
    sign_of = read_cnc_signs(signs) if signs and Path(signs).exists() else {}
    fc_of = _cnc_forecasts(Path(forecasts)) if forecasts else {}
    by_text: dict[str, Example] = {}
    out: list[Example] = []
    if subtask1:
        for row in read_cnc_sentences(subtask1):
            ex = Example(source="cnc", group=row["index"], prev="", text=row["text"], causal=row["label"],
                         forecast=fc_of.get(row["index"]) if fc_of else None)
            # A sentence subtask 1 calls non-causal has no cause or effect: all tags are O
            # but the hedge, which CNC does not annotate.
            ex.spans = {t: ([] if row["label"] == 0 else None) for t in ("cause", "effect", "trigger")}
            ex.spans["hedge"] = None
            by_text.setdefault(" ".join(row["text"].split()), ex)
            out.append(ex)
    if subtask2:
        for rel in read_cnc_relations(subtask2):
            key = " ".join(rel["text"].split())
            ex = by_text.get(key)
            if ex is None:
                ex = Example(source="cnc", group=rel["sentence"], prev="", text=rel["text"], causal=1,
                             spans={"hedge": None})
                by_text[key] = ex
                out.append(ex)
            if ex.text != rel["text"]:
                # Same words, other spacing: map offsets through the collapsed form.
                rel = _respace(rel, ex.text)
                if rel is None:
                    continue
            for tag, key2 in (("cause", "cause"), ("effect", "effect"), ("trigger", "signal")):
                spans = ex.spans.get(tag) or []
                spans.extend((a, b, 1) for a, b in rel[key2])
                ex.spans[tag] = sorted(set(spans))
            if rel["cause"] and rel["effect"]:
                trig = (*rel["signal"][0], 1) if rel["signal"] else None
                ex.pairs.append(Pair((*rel["cause"][0], 1), (*rel["effect"][0], 1), trig,
                                     sign_of.get(rel["index"])))
    return out


def _respace(rel: dict, target: str) -> Optional[dict]:
    """The relation's spans moved onto ``target``, which has the same words but other spaces."""
    src = rel["text"]
    mapping: list[int] = []
    j = 0
    for ch in src:
        if ch.isspace():
            mapping.append(j)
            continue
        while j < len(target) and target[j].isspace():
            j += 1
        if j >= len(target) or target[j] != ch:
            return None
        mapping.append(j)
        j += 1
    mapping.append(len(target))

    def move(spans):
        return [(mapping[a], mapping[b - 1] + 1 if b > a else mapping[a]) for a, b in spans]

    return {**rel, "text": target, "cause": move(rel["cause"]), "effect": move(rel["effect"]),
            "signal": move(rel["signal"])}


def load_all(data: Path) -> list[Example]:
    """Every example in a ``data/`` folder laid out as ``data/README.md`` describes."""
    data = Path(data)
    cnc = data / "cnc"
    out = from_cnc(cnc / "train_subtask1.csv", cnc / "train_subtask2.csv", cnc / "signs.csv",
                   cnc / "forecasts.csv")
    out.extend(from_commentary(read_commentary(data / "commentary")))
    return out
