"""Read and check the annotated data in ``data/`` (the layers of ``data/GUIDE.md``).

Stdlib only, so an annotator can check a file without installing cogmap::

    python3 src/cogmap/train/corpus.py check data/commentary/water.jsonl

Examples
--------
>>> rec = {"doc": "d", "topic": "t", "genre": "news", "i": 0, "turn": "narration",
...        "speaker": None, "text": "Rain lifts yields.", "forecast": None,
...        "claims": [{"cause": "Rain", "effect": "yields", "trigger": "lifts",
...                    "sign": 1, "hedge": None}]}
>>> check_records([rec])
[]
>>> rec["claims"][0]["effect"] = "harvests"
>>> check_records([rec])
["line 1: claim 1: effect 'harvests' is not in the sentence"]
"""

from __future__ import annotations

import csv
import json
import re
import sys
from pathlib import Path
from typing import Iterable, Iterator

__all__ = [
    "check_records",
    "read_commentary",
    "read_cnc_relations",
    "relation",
    "read_cnc_sentences",
    "read_cnc_signs",
    "counts",
    "datasheet_table",
]

GENRES = {"interview", "analysis", "news"}
TURNS = {"question", "answer", "narration"}
_TAG = re.compile(r"</?(ARG0|ARG1|SIG\d*)>")


def _where(side: str | None) -> str:
    return side or "this"


def check_records(records: list[dict]) -> list[str]:
    """Every problem in a list of commentary records, as one line each (empty: fine)."""
    problems: list[str] = []
    prev: dict | None = None
    for n, rec in enumerate(records, 1):
        at = f"line {n}"
        for key in ("doc", "topic", "genre", "i", "turn", "text", "claims", "forecast"):
            if key not in rec:
                problems.append(f"{at}: missing {key!r}")
        if any(k not in rec for k in ("doc", "i", "text", "claims")):
            prev = None
            continue
        if rec.get("genre") not in GENRES:
            problems.append(f"{at}: genre {rec.get('genre')!r} not in {sorted(GENRES)}")
        if rec.get("turn") not in TURNS:
            problems.append(f"{at}: turn {rec.get('turn')!r} not in {sorted(TURNS)}")
        same_doc = prev is not None and prev["doc"] == rec["doc"]
        expected = prev["i"] + 1 if same_doc else 0
        if rec["i"] != expected:
            problems.append(f"{at}: i is {rec['i']}, expected {expected}")
        text = rec["text"]
        if not isinstance(text, str) or not text.strip():
            problems.append(f"{at}: empty text")
            prev = rec
            continue
        for k, claim in enumerate(rec["claims"] or [], 1):
            where = f"{at}: claim {k}"
            for side in ("cause", "effect"):
                span = claim.get(side)
                loc = _where(claim.get(f"{side}_in"))
                if loc not in ("this", "prev"):
                    problems.append(f"{where}: {side}_in must be 'this' or 'prev'")
                    continue
                host = text if loc == "this" else (prev["text"] if same_doc else None)
                if host is None:
                    problems.append(f"{where}: {side}_in 'prev' on a document's first sentence")
                elif not span or span not in host:
                    name = "sentence" if loc == "this" else "previous sentence"
                    problems.append(f"{where}: {side} {span!r} is not in the {name}")
            for key in ("trigger", "hedge"):
                span = claim.get(key)
                if span is not None and span not in text:
                    problems.append(f"{where}: {key} {span!r} is not in the sentence")
            if claim.get("sign") not in (1, -1):
                problems.append(f"{where}: sign must be 1 or -1")
        fc = rec.get("forecast")
        if fc is not None:
            for key in ("outcome", "hedge"):
                if not fc.get(key) or fc[key] not in text:
                    problems.append(f"{at}: forecast {key} {fc.get(key)!r} is not in the sentence")
            for key in ("condition", "horizon"):
                if fc.get(key) is not None and fc[key] not in text:
                    problems.append(f"{at}: forecast {key} {fc[key]!r} is not in the sentence")
            if not isinstance(fc.get("negated", False), bool):
                problems.append(f"{at}: forecast negated must be true or false")
        prev = rec
    return problems


def read_jsonl(path: Path) -> list[dict]:
    out = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if line.strip():
                try:
                    out.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path}:{n}: not JSON ({exc.msg})") from None
    return out


def read_commentary(folder: Path) -> list[dict]:
    """All commentary records under ``folder`` (``*.jsonl``), file by file, in order."""
    records: list[dict] = []
    for path in sorted(Path(folder).glob("*.jsonl")):
        records.extend(read_jsonl(path))
    return records


def _strip_tags(marked: str) -> tuple[str, dict[str, list[tuple[int, int]]]]:
    """Plain text and the spans of each tag in CNC's inline ``<ARG0>..</ARG0>`` markup."""
    out: list[str] = []
    spans: dict[str, list[tuple[int, int]]] = {}
    opened: dict[str, int] = {}
    pos = 0
    length = 0
    for m in _TAG.finditer(marked):
        chunk = marked[pos : m.start()]
        out.append(chunk)
        length += len(chunk)
        name = m.group(1)
        if m.group(0).startswith("</"):
            if name in opened:
                spans.setdefault(name, []).append((opened.pop(name), length))
        else:
            opened[name] = length
        pos = m.end()
    out.append(marked[pos:])
    return "".join(out), spans


def relation(row: dict) -> dict:
    """One upstream subtask-2 row as plain text and spans.

    Gives ``index``, ``text`` (tags removed, whitespace as marked), and
    ``cause``/``effect``/``signal`` lists of ``(start, end)`` offsets into it.
    """
    plain, spans = _strip_tags(row["text_w_pairs"])
    return {
        "index": row.get("index"),
        "sentence": f"{row.get('corpus')}:{row.get('doc_id')}:{row.get('sent_id')}",
        "text": plain,
        "cause": spans.get("ARG0", []),
        "effect": spans.get("ARG1", []),
        "signal": [s for k, v in spans.items() if k.startswith("SIG") for s in v],
    }


def read_cnc_relations(path: Path) -> Iterator[dict]:
    """Rows of an upstream ``train_subtask2.csv``-format file, each read by :func:`relation`."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            yield relation(row)


def read_cnc_sentences(path: Path) -> Iterator[dict]:
    """Rows of an upstream ``train_subtask1.csv``-format file: ``index, text, label``."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            label = row.get("label")
            yield {"index": row["index"], "text": row["text"],
                   "label": int(label) if label not in (None, "") else None}


def read_cnc_signs(path: Path) -> dict[str, int]:
    """``index -> sign`` from ``data/cnc/signs.csv``."""
    with open(path, encoding="utf-8", newline="") as fh:
        return {row["index"]: int(row["sign"]) for row in csv.DictReader(fh)}


def counts(data: Path) -> dict:
    """The datasheet's figures for a ``data/`` folder (``data/README.md`` quotes them)."""
    data = Path(data)
    recs = read_commentary(data / "commentary")
    claims = [c for r in recs for c in r["claims"] or []]
    out = {
        "commentary": {
            "files": len(list((data / "commentary").glob("*.jsonl"))),
            "documents": len({r["doc"] for r in recs}),
            "topics": len({r["topic"] for r in recs}),
            "sentences": len(recs),
            "sentences_with_claims": sum(1 for r in recs if r["claims"]),
            "claims": len(claims),
            "claims_lowering": sum(1 for c in claims if c.get("sign") == -1),
            "cross_sentence_claims": sum(1 for c in claims if "prev" in (c.get("cause_in"), c.get("effect_in"))),
            "hedged_claims": sum(1 for c in claims if c.get("hedge")),
            "forecasts": sum(1 for r in recs if r["forecast"]),
            "negated_forecasts": sum(1 for r in recs if r["forecast"] and r["forecast"].get("negated")),
            "genres": {g: len({r["doc"] for r in recs if r["genre"] == g}) for g in sorted(GENRES)},
            "turns": {t: sum(1 for r in recs if r["turn"] == t) for t in sorted(TURNS)},
        }
    }
    pages = sorted((data / "pages").glob("*.txt"))
    if pages:
        lines = [ln for f in pages for ln in f.read_text(encoding="utf-8").split("\n") if ln.strip()]
        out["pages"] = {"pages": len(pages), "page_lines": len(lines),
                        "debris_lines": sum(1 for ln in lines if ln.startswith("~ "))}
    cnc = data / "cnc"
    if (cnc / "train_subtask1.csv").exists():
        s1 = list(read_cnc_sentences(cnc / "train_subtask1.csv"))
        s2 = list(read_cnc_relations(cnc / "train_subtask2.csv"))
        signs = read_cnc_signs(cnc / "signs.csv") if (cnc / "signs.csv").exists() else {}
        with open(cnc / "forecasts.csv", encoding="utf-8", newline="") as fh:
            fc = [row for row in csv.DictReader(fh)]
        out["cnc"] = {"sentences": len(s1), "causal_sentences": sum(1 for r in s1 if r["label"] == 1),
                      "relations": len(s2), "signed_relations": len(signs),
                      "lowering_relations": sum(1 for v in signs.values() if v == -1),
                      "forecast_sentences": sum(1 for r in fc if r["forecast"] == "1")}
    return out


def datasheet_table(data: Path) -> str:
    """The counts of :func:`counts` as the Markdown table ``data/README.md`` carries."""
    c = counts(data)
    rows = ["| layer | count |", "|---|---|"]
    cm = c["commentary"]
    for key in ("topics", "documents", "sentences", "sentences_with_claims", "claims", "claims_lowering",
                "cross_sentence_claims", "hedged_claims", "forecasts", "negated_forecasts"):
        rows.append(f"| {key.replace('_', ' ')} | {cm[key]:,} |")
    rows.append("| documents by genre | " + ", ".join(f"{g} {n}" for g, n in cm["genres"].items()) + " |")
    rows.append("| sentences by turn | " + ", ".join(f"{t} {n}" for t, n in cm["turns"].items()) + " |")
    for key, value in c.get("pages", {}).items():
        rows.append(f"| {key.replace('_', ' ')} | {value:,} |")
    if "cnc" in c:
        for key, value in c["cnc"].items():
            rows.append(f"| {('CNC ' if key in ('sentences', 'relations') else '') + key.replace('_', ' ')} | {value:,} |")
    return "\n".join(rows)


def _main(argv: Iterable[str]) -> int:
    args = list(argv)
    if len(args) < 2 or args[0] != "check":
        print("usage: corpus.py check FILE.jsonl [FILE.jsonl ...]", file=sys.stderr)
        return 2
    bad = 0
    for name in args[1:]:
        try:
            problems = check_records(read_jsonl(Path(name)))
        except (OSError, ValueError) as exc:
            problems = [str(exc)]
        for p in problems:
            print(f"{name}: {p}")
        bad += len(problems)
        if not problems:
            recs = read_jsonl(Path(name))
            n_claims = sum(len(r["claims"] or []) for r in recs)
            n_fc = sum(1 for r in recs if r["forecast"])
            print(f"{name}: ok, {len(recs)} sentences, {n_claims} claims, {n_fc} forecasts")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
