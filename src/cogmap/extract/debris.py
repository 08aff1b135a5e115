"""Page debris the rules miss, found by a linear model over a line's meaning and shape.

:func:`cogmap.extract.clean.clean` drops what its rules recognise by form (menus, ad
slots, credit lines, datelines, duplicates). What they miss on pages nobody wrote them
for is mostly debris of a kind no word list covers: a photo caption in a sentence of its
own, an alt text ("protesters march in the capital"), a promo line ("Be the first to
know"), a byline at the foot of the page. Such lines are told by what they mean and
where they stand: this model scores each line the rules keep from its sentence
embedding (:mod:`cogmap.extract.embed`, all-MiniLM-L6-v2, part of the default install),
a few features of its shape, and the shape of its neighbours and whether the rules
dropped them (debris comes in blocks). It is a logistic regression trained on web
pages written and marked by the team (``data/pages/``, guide section 4) by
``python -m cogmap.train debris`` (:mod:`cogmap.train.debris`); its penalty and threshold
were chosen there, out of fold, for a low rate of the article's sentences dropped, since
a dropped sentence loses its claims. The lines it must never take (a speaker's words,
the lines speakers are found from) are the cleaner's to protect.

Only the learned extractor uses it (``--extractor learned``); the rules path cleans as
it always has.

Examples
--------
>>> shape_features("Be the first to know").shape == (N_SHAPE,)
True
>>> float(shape_features("(Jane Roe / Agency)")[SHAPE_NAMES.index("bracketed")])
1.0
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Optional

import numpy as np

from cogmap.errors import CogmapError

__all__ = ["DebrisModel", "MODEL_FILE", "SHAPE_NAMES", "N_SHAPE", "candidates", "features", "has_verb_form",
           "shape_features"]

#: The weights' file name, in the learned extractor's model folder.
MODEL_FILE = "debris.npz"
#: Lines longer than this are prose paragraphs: never scored (embedding them would cost most, and of the
#: debris lines in data/pages fewer than 1 in 100 are longer).
MAX_WORDS = 30

#: A text of fewer lines than this is a snippet, not a page: its short lines are its
#: words (a headline and one sentence), and no frame is there to tell debris by.
MIN_LINES = 5

#: A short text in which the rules found no frame at all (no menu, credit, date line ...)
#: is an article pasted as it is, not a saved page: its last answer or its guest's
#: introduction is no footer or byline, however it scores.
MIN_FRAMED_LINES = 12

#: At most this many lines are scored, the first and the last half of them: a page's
#: frame is at its top and bottom, and a document of more short lines than this is a
#: transcript or a list, whose middle is its text (and embedding thousands of lines
#: would cost more than parsing them).
MAX_CANDIDATES = 400

_REBUILD = "python -m cogmap.train debris --out {dir}"
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
SHAPE_NAMES = ["log_words", "chars", "ends_stop", "ends_colon", "ends_question", "upper_share", "all_caps",
               "digit_share", "slash", "bracketed", "has_bracket", "capital_share", "lower_start",
               "separator", "short", "one_word", "has_verb_ending", "quote_mark"]
N_SHAPE = len(SHAPE_NAMES)
# Word endings of a finite verb or a participle: a cheap proxy for "this line has a verb"
# (the parse comes later in the pipeline and costs far more than this pass).
_VERBISH = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|says?|said|\w{3,}(?:ed|es|ing))\b", re.I)


def has_verb_form(line: str) -> bool:
    """Whether a line has a word in the form of a finite verb or a participle (no parse).

    >>> has_verb_form("Ann Lee – Harbour Bank & Co."), has_verb_form("Prices have risen.")
    (False, True)
    """
    return bool(_VERBISH.search(line))


def shape_features(line: str) -> np.ndarray:
    """What a line looks like, as numbers: its length, how it ends, its capitals, digits,
    slashes and brackets (credit lines), separators (menus)."""
    s = line.strip()
    words = _WORD.findall(s)
    letters = [c for c in s if c.isalpha()]
    n = max(1, len(words))
    end = s.rstrip("\"'”’»)]")[-1:] if s else ""
    v = [
        np.log1p(len(words)) / 4,
        min(len(s), 400) / 200,
        end in (".", "!"),
        end == ":",
        end == "?",
        sum(c.isupper() for c in letters) / max(1, len(letters)),
        len(letters) >= 3 and all(c.isupper() for c in letters),
        sum(c.isdigit() for c in s) / max(1, len(s)),
        "/" in s,
        s.startswith("(") and s.endswith(")"),
        "(" in s,
        sum(w[:1].isupper() for w in words) / n,
        s[:1].islower(),
        bool(re.search(r"\s[|·•›»]\s", s)),
        len(words) <= 4,
        len(words) <= 1,
        has_verb_form(s),
        s[:1] in "\"“‘'",
    ]
    return np.asarray(v, dtype=np.float32)


def candidates(lines: list[str], drop: dict, keep: set) -> list[int]:
    """The lines the model scores: kept by the rules, not protected (``keep``: a speaker's
    turn, a Markdown heading, the first line, which may be the headline), at most
    :data:`MAX_WORDS` words; none on a page of fewer than :data:`MIN_LINES` lines, or of
    fewer than :data:`MIN_FRAMED_LINES` where the rules dropped nothing, and at
    most :data:`MAX_CANDIDATES`."""
    kept = [i for i in range(len(lines)) if i not in drop]
    if len(kept) < MIN_LINES or not drop and len(kept) < MIN_FRAMED_LINES:
        return []
    idx = [i for i in kept if i not in keep and i != kept[0] and len(_WORD.findall(lines[i])) <= MAX_WORDS]
    if len(idx) > MAX_CANDIDATES:
        half = MAX_CANDIDATES // 2
        idx = idx[:half] + idx[-half:]
    return idx


def features(lines: list[str], drop: dict, idx: list[int], vectors: np.ndarray) -> np.ndarray:
    """One row per line in ``idx``: its embedding (``vectors``, in the order of ``idx``),
    its shape, its neighbours' shapes and whether the rules dropped them, and where it
    stands on the page."""
    n = len(lines)
    zero = np.zeros(N_SHAPE, dtype=np.float32)
    rows = []
    for k, i in enumerate(idx):
        prev = shape_features(lines[i - 1]) if i > 0 else zero
        nxt = shape_features(lines[i + 1]) if i + 1 < n else zero
        around = [i == 0 or (i - 1) in drop, i + 1 >= n or (i + 1) in drop,
                  i / max(1, n - 1), i < 4, n - 1 - i < 4]
        rows.append(np.concatenate([vectors[k], shape_features(lines[i]), prev, nxt,
                                    np.asarray(around, dtype=np.float32)]))
    return np.asarray(rows, dtype=np.float32).reshape(len(idx), -1)


def embed_lines(lines: list[str]) -> np.ndarray:
    """The sentence embeddings of ``lines`` (imported here: the CLI must not load
    onnxruntime before it needs it)."""
    from cogmap.extract import embed

    return embed.encode([ln.strip()[:600] or "." for ln in lines]) if lines else np.zeros((0, 384), np.float32)


_loaded: dict = {}  # (path, mtime) -> model: loaded once per process, again if rebuilt


class DebrisModel:
    """The trained weights: ``score`` gives each candidate line its probability of being debris."""

    def __init__(self, weights: np.ndarray, bias: float, mean: np.ndarray, scale: np.ndarray,
                 threshold: float, meta: Optional[dict] = None):
        self.weights, self.bias, self.mean, self.scale = weights, float(bias), mean, scale
        self.threshold, self.meta = float(threshold), meta or {}

    @classmethod
    def load(cls, model_dir: Path | str | None = None) -> "DebrisModel":
        """The weights in ``model_dir``, else ``$COGMAP_MODEL_DIR``, else the shipped folder."""
        from cogmap.extract.learned import MODEL_DIR

        model_dir = Path(model_dir or os.environ.get("COGMAP_MODEL_DIR") or MODEL_DIR)
        path = model_dir / MODEL_FILE
        try:
            key = (str(path), path.stat().st_mtime_ns)
        except OSError:
            key = None
        if key in _loaded:
            return _loaded[key]
        try:
            with np.load(path) as z:
                model = cls(z["weights"], float(z["bias"]), z["mean"], z["scale"], float(z["threshold"]),
                            json.loads(str(z["meta"])))
        except FileNotFoundError:
            raise CogmapError(f"no debris model at {path}; rebuild it: {_REBUILD.format(dir=model_dir)}") from None
        except (OSError, ValueError, KeyError) as exc:
            raise CogmapError(f"the debris model at {path} is unreadable ({exc}); rebuild it: "
                              f"{_REBUILD.format(dir=model_dir)}") from None
        if model.weights.shape != model.mean.shape or model.weights.ndim != 1:
            raise CogmapError(f"the debris model at {path} does not fit this version of cogmap; rebuild it: "
                              f"{_REBUILD.format(dir=model_dir)}")
        _loaded[key] = model
        return model

    def save(self, path: Path) -> None:
        np.savez(path, weights=self.weights.astype(np.float32), bias=np.float32(self.bias),
                 mean=self.mean.astype(np.float32), scale=self.scale.astype(np.float32),
                 threshold=np.float32(self.threshold), meta=np.asarray(json.dumps(self.meta, sort_keys=True)))

    def probabilities(self, x: np.ndarray) -> np.ndarray:
        z = ((x - self.mean) / self.scale) @ self.weights + self.bias
        return 1.0 / (1.0 + np.exp(-z))

    def __call__(self, lines: list[str], drop: dict, keep: set) -> dict[int, float]:
        """The lines to drop as debris, with their probabilities: what clean()'s hook expects."""
        idx = candidates(lines, drop, keep)
        if not idx:
            return {}
        x = features(lines, drop, idx, embed_lines([lines[i] for i in idx]))
        if x.shape[1] != self.weights.shape[0]:
            raise CogmapError("the debris model does not fit this version of cogmap; rebuild it: "
                              + _REBUILD.format(dir="<model folder>"))
        p = self.probabilities(x)
        return {i: float(q) for i, q in zip(idx, p) if q >= self.threshold}
