"""Train the debris model (:mod:`cogmap.extract.debris`) from the team's marked pages.

``data/pages/*.txt`` are web pages as they reach the cleaner, written by the team, with
every debris line marked ``~ `` (guide section 4). Each page goes through the cleaner's
rules exactly as at run time; the lines the rules keep, and would hand to the model, are
the examples, labelled by their marks. A logistic regression (scikit-learn, the
``train`` extra) is fitted to them, its penalty chosen out of fold. Its threshold is chosen on out-of-fold
probabilities (pages grouped into folds, so a page never scores itself) as the lowest at
which at most :data:`ARTICLE_LOSS` of the article's sentences would be dropped: a dropped
sentence loses the claims it states, a kept debris line costs little more than noise.
(The article's other short lines, subheadings and list items, are not held to it: the
model does drop some, counted in the figures; every dropped line stays listed in
``Cleaned.removed``.)

    python -m cogmap.train debris                 # rebuild the shipped weights
    python -m cogmap.train debris --out DIR       # beside another model
"""

from __future__ import annotations

import json
import re
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from cogmap.errors import CogmapError

__all__ = ["ARTICLE_LOSS", "Page", "build_debris", "examples", "load_pages"]

MARK = "~ "
#: The share of the article's sentences the threshold may drop, out of fold.
ARTICLE_LOSS = 0.01
SEED = 13
FOLDS = 5
#: Inverse penalties tried (scikit-learn's C): strong ones, so that 440 features do not
#: learn single pages by heart.
PENALTIES = (0.003, 0.01, 0.03, 0.1, 0.3)


@dataclass
class Page:
    name: str
    text: str  # the page with its marks stripped
    debris: set  # the normalised debris lines
    article: set  # the normalised article lines
    marks: list  # (normalised line, is debris) of every non-empty line, in order


def load_pages(data: Path, folder: str = "pages") -> list[Page]:
    """Every marked page under ``data/pages`` (or another folder of ``data``, such as
    ``pending/pages``: marked pages no shipped model is trained on), in name order."""
    from cogmap.extract.clean import line_key

    pages = []
    for path in sorted((Path(data) / folder).glob("*.txt")):
        lines = path.read_text(encoding="utf-8").split("\n")
        text, debris, article, marks = [], set(), set(), []
        for ln in lines:
            marked = ln.startswith(MARK) or ln.rstrip() == MARK.strip()
            body = ln[len(MARK):] if marked else ln
            text.append(body)
            if line_key(body):
                (debris if marked else article).add(line_key(body))
                marks.append((line_key(body), marked))
        pages.append(Page(path.stem, "\n".join(text), debris, article, marks))
    return pages


def examples(pages: list[Page], log=print):
    """(page index, line index, label, the cleaner's lines, its drops) of every line the
    rules keep and the model would score; lines whose mark cannot be told (the cleaner
    rewrote them past recognition: split or joined them) are left out."""
    from cogmap.extract.clean import clean, line_key
    from cogmap.extract.debris import candidates

    out = []
    unknown = 0
    for k, page in enumerate(pages):
        seen = {}

        def record(lines, drop, keep):
            seen.update(lines=lines, drop=drop, idx=candidates(lines, drop, keep))
            return {}

        clean(page.text, debris=record)
        # The cleaner's lines follow the page's in order: each takes the mark of the next
        # page line with its words (so a headline's second copy takes its own mark).
        label, j = {}, 0
        for i, line in enumerate(seen["lines"]):
            key = line_key(line)
            at = next((t for t in range(j, len(page.marks)) if page.marks[t][0] == key), None)
            if at is not None:
                label[i], j = page.marks[at][1], at + 1
        for i in seen["idx"]:
            if i not in label:
                unknown += 1
                continue
            out.append((k, i, int(label[i]), seen["lines"], seen["drop"]))
    if unknown:
        log(f"debris: {unknown} lines left out (their mark could not be told)")
    return out


def _is_sentence(line: str) -> bool:
    """An article line that may state a claim: five words or more with a verb, ending a
    sentence (not "Ann Lee – Harbour Bank & Co.")."""
    from cogmap.extract.debris import has_verb_form

    return len(line.split()) >= 5 and bool(re.search(r"[.!?][\"'”’)\]]*$", line.strip())) and has_verb_form(line)


def _fit(x, y, c: float):
    from sklearn.linear_model import LogisticRegression

    mean = x.mean(axis=0)
    scale = x.std(axis=0) + 1e-6
    lr = LogisticRegression(C=c, max_iter=2000, random_state=SEED)
    lr.fit((x - mean) / scale, y)
    return lr.coef_[0].astype(np.float32), float(lr.intercept_[0]), mean, scale


def build_debris(data: Path, out: Path, tiny: bool = False, log=print) -> dict:
    """Fit the model on ``data/pages`` and write ``out/debris.npz``; returns its figures."""
    try:
        import sklearn  # noqa: F401
    except ImportError:
        raise CogmapError("training the debris model needs scikit-learn: pip install 'cogmap[train]'") from None
    from cogmap.extract.debris import MODEL_FILE, DebrisModel, embed_lines, features

    t0 = time.perf_counter()
    pages = load_pages(data)
    if tiny:
        pages = pages[:6]
    if len(pages) < 2:
        raise CogmapError(f"the debris model needs marked pages in {Path(data) / 'pages'} (found {len(pages)})")
    with warnings.catch_warnings():  # (dateutil's notes on the pages' time zones are no news here)
        warnings.simplefilter("ignore")
        rows = examples(pages, log=log)
    y = np.array([r[2] for r in rows])
    if len(set(y)) < 2:
        raise CogmapError("the marked pages hold only one kind of line: mark debris with '~ ' (data/GUIDE.md)")
    vectors = embed_lines([r[3][r[1]] for r in rows])
    x = np.concatenate([features(r[3], r[4], [r[1]], vectors[j:j + 1]) for j, r in enumerate(rows)])
    group = np.array([r[0] for r in rows])

    # Out-of-fold probabilities: pages dealt to folds by a seeded shuffle. The penalty is
    # the one of PENALTIES that catches most debris out of fold within the loss allowed.
    order = np.random.default_rng(SEED).permutation(len(pages))
    fold_of = {int(p): f % FOLDS for f, p in enumerate(order)}
    folds = np.array([fold_of[g] for g in group])
    sentence = np.array([_is_sentence(r[3][r[1]]) for r in rows]) & (y == 0)
    best = None
    for c in PENALTIES:
        oof = np.zeros(len(y))
        for f in range(FOLDS):
            test = folds == f
            if test.any() and len(set(y[~test])) == 2:
                w, b, mean, scale = _fit(x[~test], y[~test], c)
                oof[test] = DebrisModel(w, b, mean, scale, 0.5).probabilities(x[test])
        article = np.sort(oof[sentence])[::-1]
        allowed = int(ARTICLE_LOSS * len(article))
        threshold = float(max(0.5, article[allowed] + 1e-6)) if len(article) > allowed else 0.5
        caught = int(((oof >= threshold) & (y == 1)).sum())
        if best is None or caught > best[0]:
            best = (caught, c, threshold, oof)
    caught, c, threshold, oof = best
    lost = int(((oof >= threshold) & (y == 0)).sum())
    figures = {"pages": len(pages), "lines": len(y), "debris_lines": int(y.sum()),
               "out_of_fold": {"threshold": round(threshold, 4), "penalty_C": c, "debris_caught": caught,
                               "debris": int(y.sum()), "article_dropped": lost, "article": int((y == 0).sum()),
                               "sentences_dropped": int(((oof >= threshold) & sentence).sum()),
                               "sentences": int(sentence.sum())}}
    w, b, mean, scale = _fit(x, y, c)
    out.mkdir(parents=True, exist_ok=True)
    figures["train_seconds"] = round(time.perf_counter() - t0, 1)
    DebrisModel(w, b, mean, scale, threshold, meta={**figures, "seed": SEED}).save(out / MODEL_FILE)
    o = figures["out_of_fold"]
    log(f"debris: {figures['debris_lines']} of {figures['lines']} lines the rules keep are marked debris on "
        f"{len(pages)} pages; out of fold, at threshold {threshold:.3f}, {caught} of them are caught, and "
        f"{lost} of {o['article']} article lines are dropped ({o['sentences_dropped']} of its "
        f"{o['sentences']} sentences); wrote {out / MODEL_FILE} in {figures['train_seconds']:.0f} s")
    return figures


if __name__ == "__main__":  # pragma: no cover
    import sys

    print(json.dumps(build_debris(Path(sys.argv[1]), Path(sys.argv[2])), indent=2))
