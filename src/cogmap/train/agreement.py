"""Agreement between two independent annotations of the same sample, layer by layer.

``data/agreement/`` holds a second annotation of a random sample of each layer,
made by an annotator who did not see the first. Labels are compared with Cohen's
kappa, spans with the F1 of one-to-one matches (word overlap F1 >= 0.5), as
annotation papers for causal spans report them (Tan et al., 2022).

>>> cohen_kappa([1, 1, 0, 0], [1, 0, 0, 0])
0.5
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from pathlib import Path
from typing import Sequence

from cogmap.train.corpus import read_commentary, read_jsonl
from cogmap.train.evaluate import overlap_f1, prf

__all__ = ["cohen_kappa", "report"]


def cohen_kappa(a: Sequence, b: Sequence) -> float:
    """Cohen's kappa of two label sequences.

    Written out here (four lines) rather than importing scikit-learn for one formula.
    """
    n = len(a)
    if n == 0:
        return float("nan")
    po = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = Counter(a), Counter(b)
    pe = sum(ca[k] * cb[k] for k in set(ca) | set(cb)) / (n * n)
    return round((po - pe) / (1 - pe), 3) if pe < 1 else 1.0


def _csv(path: Path) -> dict[str, dict]:
    with open(path, encoding="utf-8", newline="") as fh:
        return {row["index"]: row for row in csv.DictReader(fh)}


def _signs(data: Path) -> dict:
    first, second = _csv(data / "cnc" / "signs.csv"), _csv(data / "agreement" / "cnc-signs-second.csv")
    keys = [k for k in second if k in first]
    a, b = [first[k]["sign"] for k in keys], [second[k]["sign"] for k in keys]
    return {"items": len(keys), "agreement": round(sum(x == y for x, y in zip(a, b)) / len(keys), 3),
            "kappa": cohen_kappa(a, b), "minus_first": a.count("-1"), "minus_second": b.count("-1")}


def _cnc_forecasts(data: Path) -> dict:
    first, second = _csv(data / "cnc" / "forecasts.csv"), _csv(data / "agreement" / "cnc-forecasts-second.csv")
    keys = [k for k in second if k in first]
    a, b = [first[k]["forecast"] for k in keys], [second[k]["forecast"] for k in keys]
    both = [k for k in keys if first[k]["forecast"] == second[k]["forecast"] == "1"]
    same_hedge = sum(first[k]["hedge"].lower() == second[k]["hedge"].lower() for k in both)
    return {"items": len(keys), "agreement": round(sum(x == y for x, y in zip(a, b)) / len(keys), 3),
            "kappa": cohen_kappa(a, b), "both_forecast": len(both),
            "same_hedge": round(same_hedge / len(both), 3) if both else None,
            "note": "sample stratified: 40 of the first annotator's forecasts and 160 non-forecasts"}


def _spans(rec: dict, key: str, prev_text: str) -> list[tuple[str, int, int]]:
    out = []
    for c in rec.get("claims") or []:
        host = prev_text if c.get(f"{key}_in") == "prev" else rec["text"]
        i = host.find(c.get(key) or "\0")
        if i >= 0:
            out.append(("prev" if host is prev_text and host is not rec["text"] else "this", i, i + len(c[key])))
    return out


def _commentary(data: Path, part: str = "commentary", *folders: str) -> dict:
    second = read_jsonl(data / "agreement" / f"{part}-second.jsonl")
    sample = {(r["doc"], r["i"]): r for r in read_jsonl(data / "agreement" / f"{part}-sample.jsonl")}
    # A batch is annotated in pending/ and moves to commentary/ once a shipped model is trained on it.
    first = {(r["doc"], r["i"]): r for folder in folders or ("commentary",) if (data / folder).is_dir()
             for r in read_commentary(data / folder)}
    pairs = [(first[(r["doc"], r["i"])], r) for r in second if (r["doc"], r["i"]) in first]
    out: dict = {"items": len(pairs)}
    out["causal_kappa"] = cohen_kappa([bool(a["claims"]) for a, _ in pairs], [bool(b["claims"]) for _, b in pairs])
    out["forecast_kappa"] = cohen_kappa([a["forecast"] is not None for a, _ in pairs],
                                        [b["forecast"] is not None for _, b in pairs])
    for key in ("cause", "effect"):
        tp = n_a = n_b = 0
        for a, b in pairs:
            prev = sample[(a["doc"], a["i"])].get("prev") or ""
            sa, sb = _spans(a, key, prev), _spans(b, key, prev)
            n_a, n_b = n_a + len(sa), n_b + len(sb)
            used = set()
            for seg, x0, x1 in sa:
                host = prev if seg == "prev" else a["text"]
                for j, (seg2, y0, y1) in enumerate(sb):
                    if j not in used and seg2 == seg and overlap_f1(host, (x0, x1), (y0, y1)) >= 0.5:
                        used.add(j)
                        tp += 1
                        break
        out[f"{key}_span_f1"] = prf(tp, n_b, n_a)[2]
    # Sign: claims whose cause and effect both match.
    same = total = 0
    for a, b in pairs:
        for ca in a["claims"] or []:
            for cb in b["claims"] or []:
                if ca.get("cause") and cb.get("cause") and ca.get("effect") and cb.get("effect") and \
                        _close(ca["cause"], cb["cause"]) and _close(ca["effect"], cb["effect"]):
                    total += 1
                    same += int(ca["sign"] == cb["sign"])
                    break
    out["sign_agreement"] = round(same / total, 3) if total else None
    out["sign_pairs"] = total
    return out


def _forecast_recheck(data: Path) -> dict:
    """The forecast re-check of sentences with "could", "may" or "might" (``forecast-recheck.jsonl``):
    two annotators, each blind to the other, under the guide's rule for hedged possibilities."""
    rows = read_jsonl(data / "agreement" / "forecast-recheck.jsonl")
    a = [r["first"] is not None for r in rows]
    b = [r["second"] is not None for r in rows]
    both = [r for r in rows if r["first"] is not None and r["second"] is not None]
    return {"items": len(rows), "forecast_kappa": cohen_kappa(a, b), "forecasts_first": sum(a),
            "forecasts_second": sum(b), "outcome_f1": round(
                sum(_word_f1(r["first"]["outcome"], r["second"]["outcome"]) for r in both) / len(both), 3)
            if both else None}


def _close(x: str, y: str) -> bool:
    return _word_f1(x, y) >= 0.5


def _word_f1(x: str, y: str) -> float:
    wx, wy = x.lower().split(), y.lower().split()
    common = sum((Counter(wx) & Counter(wy)).values())
    if not common:
        return 0.0
    p, r = common / len(wx), common / len(wy)
    return 2 * p * r / (p + r)


def _pages(data: Path) -> dict:
    """Debris marks (guide section 4): the second annotator marked copies of a sample of
    ``data/pages`` with the marks taken off (``agreement/pages-second/``); kappa over lines."""
    mark = "~ "
    a, b = [], []
    pages = sorted((data / "agreement" / "pages-second").glob("*.txt"))
    for second in pages:
        # (the first marks of a page no shipped model is trained on yet are in pending/pages)
        marked = next((f for f in (data / "pages" / second.name, data / "pending" / "pages" / second.name)
                       if f.exists()), data / "pages" / second.name)
        first = [ln for ln in marked.read_text(encoding="utf-8").split("\n") if ln.strip()]
        other = [ln for ln in second.read_text(encoding="utf-8").split("\n") if ln.strip()]
        strip = lambda ln: ln[len(mark):] if ln.startswith(mark) else ln  # noqa: E731
        if [strip(x).strip() for x in first] != [strip(x).strip() for x in other]:
            raise ValueError(f"agreement/pages-second/{second.name} is not the page's text with other marks")
        a += [x.startswith(mark) for x in first]
        b += [x.startswith(mark) for x in other]
    return {"pages": len(pages), "items": len(a), "debris_first": sum(a), "debris_second": sum(b),
            "agreement": round(sum(x == y for x, y in zip(a, b)) / len(a), 3) if a else None,
            "debris_kappa": cohen_kappa(a, b) if a else None}


def report(data: Path) -> dict:
    """Agreement on every layer that has a second annotation in ``data/agreement``."""
    data = Path(data)
    out = {}
    for name, fn, needs in (("cnc_signs", _signs, "cnc-signs-second.csv"),
                            ("cnc_forecasts", _cnc_forecasts, "cnc-forecasts-second.csv"),
                            ("commentary", _commentary, "commentary-second.jsonl"),
                            # the spoken-register evaluation set (data/spoken), sampled on its own
                            ("commentary_spoken", lambda d: _commentary(d, "commentary-spoken", "spoken"),
                             "commentary-spoken-second.jsonl"),
                            # the w9 batch of commentary (constructions the earlier batches lacked)
                            ("commentary_w9", lambda d: _commentary(d, "commentary-w9", "commentary"),
                             "commentary-w9-second.jsonl"),
                            # the w11 and w12 batches (data/pending until a shipped model is trained on them)
                            ("commentary_w11", lambda d: _commentary(d, "commentary-w11", "pending", "commentary"),
                             "commentary-w11-second.jsonl"),
                            ("commentary_w12", lambda d: _commentary(d, "commentary-w12", "pending", "commentary"),
                             "commentary-w12-second.jsonl"),
                            # the w13 batch, written in the manner of real web pages
                            ("commentary_w13", lambda d: _commentary(d, "commentary-w13", "pending", "commentary"),
                             "commentary-w13-second.jsonl"),
                            # the constructions evaluation set (data/constructions), sampled on its own
                            ("constructions", lambda d: _commentary(d, "constructions", "constructions"),
                             "constructions-second.jsonl"),
                            # hedged possibilities re-checked for forecasts once the guide settled them
                            ("forecast_recheck", _forecast_recheck, "forecast-recheck.jsonl"),
                            # debris marks of web pages (data/pages)
                            ("pages", _pages, "pages-second")):
        if (data / "agreement" / needs).exists():
            out[name] = fn(data)
    return out


if __name__ == "__main__":  # pragma: no cover
    import sys

    print(json.dumps(report(Path(sys.argv[1] if len(sys.argv) > 1 else "data")), indent=2))
