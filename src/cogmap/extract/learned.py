"""The learned reader: a fine-tuned MiniLM that tags causes, effects, triggers and hedges.

The encoder runs under onnxruntime (``models/extractor/encoder.onnx``, shipped in
the package) and the small heads on top of it are numpy matrices (``heads.npz``),
so reading needs neither torch nor a download. The model reads one sentence with
the sentence before it as context, and gives:

* a BIO tag per token for each of ``cause``, ``effect``, ``trigger``, ``hedge``,
  in either sentence (so "That is why Y" can take its cause from the sentence before);
* the probability that the sentence states a causal link, and that it is a forecast;
* for each cause-effect pair it decodes, the probability that the link raises.

:func:`decode` turns the arrays into character spans; it is shared with training,
so the numbers the benchmarks report are those of the code that runs.
``python -m cogmap.train`` rebuilds the files (``data/README.md``).

Examples
--------
>>> r = Reader.load()                                      # doctest: +SKIP
>>> r.read("", "Drought cut yields.").pairs[0].sign > 0.5  # doctest: +SKIP
False
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Sequence

import numpy as np

from cogmap.errors import CogmapError

__all__ = ["TAGS", "MODEL_DIR", "Reading", "SpanPair", "Reader", "decode", "encode_pair", "pair_features", "token_range",
           "available"]

TAGS = ("cause", "effect", "trigger", "hedge")
MODEL_DIR = Path(__file__).resolve().parent / "models" / "extractor"
#: Words kept of the previous sentence: the context needs its end, not all of it.
CONTEXT_WORDS = 48
#: A causal sentence with no side above 0.5 takes its likeliest runs above this (see decode).
FALLBACK_FLOOR = 0.2

REBUILD = "rebuild it with: pip install '.[train]' && python -m cogmap.train"


@dataclass
class SpanPair:
    """A decoded link: cause and effect as ``(start, end, segment)`` (segment 0 is the
    previous sentence, 1 this one), the trigger if any, and P(raises)."""

    cause: tuple[int, int, int]
    effect: tuple[int, int, int]
    trigger: Optional[tuple[int, int, int]]
    sign: float
    confidence: float


@dataclass
class Reading:
    causal: float
    forecast: float
    spans: dict[str, list[tuple[int, int, int, float]]] = field(default_factory=dict)
    pairs: list[SpanPair] = field(default_factory=list)
    #: Per token of this sentence (segment 1): (start, end, P(inside a cause), P(inside an effect)).
    tokens: list[tuple[int, int, float, float]] = field(default_factory=list)
    #: The same for the sentence before, as far as the reader read it (segment 0).
    context: list[tuple[int, int, float, float]] = field(default_factory=list)

    def side_probability(self, a: int, b: int, role: str | None = None, segment: int = 1) -> float:
        """How sure the reader is that characters ``a:b`` of the sentence (``segment`` 1) or
        of the one before (0) are part of a cause or an effect (or, with ``role``, of that
        one): the highest P(inside) of a token there."""
        pick = {"cause": lambda pc, pe: pc, "effect": lambda pc, pe: pe}.get(role, max)
        tokens = self.tokens if segment == 1 else self.context
        return max((pick(pc, pe) for s, e, pc, pe in tokens if s < b and a < e), default=0.0)


def encode_pair(tokenizer, prev: str, text: str, max_len: int):
    """The tokenizer's encoding of ``[CLS] prev [SEP] text [SEP]``, at most ``max_len`` tokens.

    The previous sentence is cut to its last words first: it is context, and the
    sentence itself must never be cut before it.
    """
    words = prev.split()
    if len(words) > CONTEXT_WORDS:
        cut = len(prev) - len(" ".join(words[-CONTEXT_WORDS:]))
        prev = " " * cut + prev[cut:]  # keep offsets into the original string
    # A "sentence" of thousands of characters (an encoded image pasted as text) is cut to
    # the pieces the model can see before it is encoded: truncating two long sequences a
    # token at a time took seconds for each. Each piece is one token or more, so the cut
    # text encodes to what truncation would have kept.
    if len(text) > 8 * max_len:
        pieces = tokenizer.pre_tokenizer.pre_tokenize_str(text)
        if len(pieces) > max_len:
            text = text[:pieces[max_len][1][0]]
    if len(prev) > 8 * max_len:
        pieces = tokenizer.pre_tokenizer.pre_tokenize_str(prev)
        if len(pieces) > max_len:
            cut = pieces[-max_len][1][0]
            prev = " " * cut + prev[cut:]
    if tokenizer.padding is not None:
        tokenizer.no_padding()  # the packaged tokenizer pads to 128: batches pad to their longest instead
    wanted = tokenizer.truncation
    if not wanted or wanted.get("max_length") != max_len or wanted.get("strategy") != "longest_first":
        # (Set once: setting it per sentence cost as much time as encoding.)
        tokenizer.enable_truncation(max_length=max_len, strategy="longest_first")
    return tokenizer.encode(prev, text)


def _spans_from_bio(probs: np.ndarray, seq_ids: Sequence, offsets: Sequence, words: Sequence = ()) -> list:
    """Character spans from one tag's (tokens, 3) O/B/I probabilities.

    A token is inside a span when P(B) + P(I) > 0.5, not when B or I wins the
    argmax: a long clause whose tokens split their mass between B and I would
    otherwise come out in pieces. A new span starts inside a run only where B
    clearly wins (two spans side by side); a one-token dip between two runs of
    one segment is bridged; spans end on whole words (``words``: the tokenizer's
    word index per token).
    """
    inside = probs[:, 1] + probs[:, 2]
    runs = []
    cur = None
    for k, seg in enumerate(seq_ids):
        if seg is None or inside[k] <= 0.5:
            if cur is not None:
                runs.append(cur)
            cur = None
            continue
        starts_new = cur is not None and (cur[2] != seg or (
            probs[k, 1] > 0.8 and probs[k - 1, 1] < 0.5 and words and words[k] != words[k - 1]))
        if cur is None or starts_new:
            if cur is not None:
                runs.append(cur)
            cur = [k, k, seg]
        else:
            cur[1] = k
    if cur is not None:
        runs.append(cur)
    merged = []
    for run in runs:
        if merged and merged[-1][2] == run[2] and run[0] - merged[-1][1] == 2 and \
                inside[run[0] - 1] > 0.25 and probs[run[0], 1] <= 0.5:
            merged[-1][1] = run[1]
        else:
            merged.append(run)
    spans = []
    for a, b, seg in merged:
        if words:  # whole words: a span never ends inside "counter|balance"
            while a > 0 and seq_ids[a - 1] == seq_ids[a] and words[a - 1] == words[a]:
                a -= 1
            while b + 1 < len(words) and seq_ids[b + 1] == seq_ids[b] and words[b + 1] == words[b]:
                b += 1
        conf = float(inside[a:b + 1].mean())
        one_word = not words or words[a] == words[b]
        if conf < (0.65 if one_word else 0.5):
            continue  # a lone word the model is unsure of is noise, not a side
        spans.append((int(offsets[a][0]), int(offsets[b][1]), int(0 if seg == 0 else 1), conf))
    return spans


def _likeliest_run(inside: np.ndarray, seq_ids: Sequence, offsets: Sequence, words: Sequence,
                   floor: float = FALLBACK_FLOOR) -> Optional[tuple]:
    """The run of this sentence's tokens (segment 1) above ``floor`` with the most
    probability mass, on whole words, as ``(start, end, 1, mean probability)``."""
    best, cur = None, None
    for k, seg in enumerate(seq_ids):
        if seg == 1 and inside[k] > floor:
            cur = [cur[0], k, cur[2] + inside[k]] if cur else [k, k, inside[k]]
            if best is None or cur[2] > best[2]:
                best = list(cur)
        else:
            cur = None
    if best is None:
        return None
    a, b = best[0], best[1]
    while a > 0 and seq_ids[a - 1] == 1 and words[a - 1] == words[a]:
        a -= 1
    while b + 1 < len(words) and seq_ids[b + 1] == 1 and words[b + 1] == words[b]:
        b += 1
    return int(offsets[a][0]), int(offsets[b][1]), 1, float(inside[a:b + 1].mean())


def _softmax(x: np.ndarray, axis: int = -1) -> np.ndarray:
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def _sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def token_range(span, seq_ids, offsets) -> list[int]:
    a, b, seg = span[:3]
    return [k for k, (s, (oa, ob)) in enumerate(zip(seq_ids, offsets))
            if s is not None and (0 if s == 0 else 1) == seg and oa < b and ob > a and ob > oa]


def pair_features(hidden: np.ndarray, cur: np.ndarray, tok_ranges: Sequence[list[int]]) -> np.ndarray:
    """The sign head's input: mean hidden states of cause, effect and trigger, and of the sentence."""
    parts = []
    for r in tok_ranges:
        parts.append(hidden[r].mean(0) if r else np.zeros(hidden.shape[-1], dtype=hidden.dtype))
    parts.append(cur)
    return np.concatenate(parts)


def _pair_up(spans: dict) -> list[tuple]:
    """Cause-effect pairs from the tagged spans.

    One cause and one effect make one pair. With several, each effect takes the
    nearest cause that does not overlap it, and the trigger nearest to the two; a
    chain ("X cut Y, which raised Z") tags Y as both effect and cause.
    """
    causes, effects, triggers = spans["cause"], spans["effect"], spans["trigger"]

    def pos(s):
        return (s[0] + s[1]) / 2 + (0 if s[2] == 1 else -10_000)

    pairs = []
    for e in effects:
        best = None
        for c in causes:
            if c[2] == e[2] and c[0] < e[1] and e[0] < c[1]:
                continue  # overlapping spans are one phrase, not two ends of a link
            # Near and sure: distance in characters (a side in the sentence before is
            # far), less what the model's confidence in the cause is worth.
            d = abs(pos(c) - pos(e)) - 100 * c[3]
            if best is None or d < best[0]:
                best = (d, c)
        if best is None:
            continue
        c = best[1]
        mid = (pos(c) + pos(e)) / 2
        trig = min(triggers, key=lambda t: abs(pos(t) - mid)) if triggers else None
        pairs.append((c, e, trig))
    return pairs


def decode(tag_logits: np.ndarray, sent_logits: np.ndarray, hidden: np.ndarray, enc, heads: dict) -> Reading:
    """A :class:`Reading` from one sentence's outputs (tokens x tags x 3, 2, tokens x dim)."""
    seq_ids, offsets, words = enc.sequence_ids, enc.offsets, enc.word_ids
    probs = _softmax(tag_logits.reshape(len(seq_ids), len(TAGS), 3))
    spans = {t: _spans_from_bio(probs[:, k, :], seq_ids, offsets, words) for k, t in enumerate(TAGS)}
    cur_idx = [k for k, s in enumerate(seq_ids) if s == 1]
    cur = hidden[cur_idx].mean(0) if cur_idx else hidden[0]
    sent = _sigmoid(sent_logits)
    inside = probs[:, :, 1] + probs[:, :, 2]

    def per_token(idx):
        return [(int(offsets[k][0]), int(offsets[k][1]), float(inside[k, 0]), float(inside[k, 1])) for k in idx]

    reading = Reading(causal=float(sent[0]), forecast=float(sent[1]), spans=spans, tokens=per_token(cur_idx),
                      context=per_token([k for k, s in enumerate(seq_ids) if s == 0]))
    found = _pair_up(spans)
    if not found and reading.causal >= 0.5:
        # The sentence is causal but neither side cleared 0.5: a long clause whose tokens
        # the tagger is unsure of one by one. Its likeliest cause and effect runs are a
        # better reading than none (on held-out CNC folds, a fifth of the relations
        # had no pair at all).
        # Each token goes to the side it is likelier part of, so the two never overlap.
        pc, pe = inside[:, 0], inside[:, 1]
        c = _likeliest_run(np.where(pc >= pe, pc, 0.0), seq_ids, offsets, words)
        e = _likeliest_run(np.where(pe > pc, pe, 0.0), seq_ids, offsets, words)
        if c and e and not (c[0] < e[1] and e[0] < c[1]):
            found = [(c, e, min(spans["trigger"], key=lambda t: abs(t[0] - (c[0] + e[0]) / 2))
                      if spans["trigger"] else None)]
    for c, e, trig in found:
        ranges = [token_range(c, seq_ids, offsets), token_range(e, seq_ids, offsets),
                  token_range(trig, seq_ids, offsets) if trig else []]
        x = pair_features(hidden, cur, ranges)
        h = np.tanh(x @ heads["sign_w1"] + heads["sign_b1"])
        p = float(_sigmoid(h @ heads["sign_w2"] + heads["sign_b2"])[0])
        reading.pairs.append(SpanPair(c[:3], e[:3], trig[:3] if trig else None, p,
                                      confidence=float(min(c[3], e[3]) * reading.causal ** 0.5)))
    return reading


def available(model_dir: Path | None = None) -> bool:
    """Whether a model is there to load (``model_dir``, ``$COGMAP_MODEL_DIR`` or the shipped one)."""
    model_dir = Path(model_dir or os.environ.get("COGMAP_MODEL_DIR") or MODEL_DIR)
    return (model_dir / "meta.json").exists() and (model_dir / "heads.npz").exists()


class Reader:
    """The shipped model, loaded once per process (:meth:`load`)."""

    _cache: dict = {}

    def __init__(self, session, tokenizer, heads: dict, meta: dict):
        self.session, self.tokenizer, self.heads, self.meta = session, tokenizer, heads, meta
        self.max_len = int(meta.get("config", {}).get("max_len", 128))

    @classmethod
    def load(cls, model_dir: Path | str | None = None) -> "Reader":
        """The model in ``model_dir``, else ``$COGMAP_MODEL_DIR``, else the shipped one."""
        model_dir = Path(model_dir or os.environ.get("COGMAP_MODEL_DIR") or MODEL_DIR)
        key = str(model_dir)
        if key in cls._cache:
            return cls._cache[key]
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as exc:  # pragma: no cover - both are dependencies
            raise CogmapError(f"the learned extractor needs {exc.name}: pip install cogmap") from None
        try:
            meta = json.loads((model_dir / "meta.json").read_text(encoding="utf-8"))
            with np.load(model_dir / "heads.npz") as z:
                heads = {k: z[k] for k in z.files}
            tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
            opts = ort.SessionOptions()
            opts.intra_op_num_threads = 1
            opts.inter_op_num_threads = 1
            session = ort.InferenceSession(str(model_dir / meta["encoder"]), opts,
                                           providers=["CPUExecutionProvider"])
        except FileNotFoundError as exc:
            raise CogmapError(f"the learned extractor's model is missing ({Path(exc.filename).name} in "
                              f"{model_dir}); {REBUILD}, or use --extractor rules") from None
        except Exception as exc:
            raise CogmapError(f"the learned extractor's model in {model_dir} cannot be read "
                              f"({type(exc).__name__}); {REBUILD}, or use --extractor rules") from None
        reader = cls._cache[key] = cls(session, tokenizer, heads, meta)
        return reader

    def outputs(self, encs) -> list[tuple[np.ndarray, np.ndarray, np.ndarray]]:
        """(tag logits, sentence logits, hidden states) for a batch of encodings."""
        n = max(len(e.ids) for e in encs)
        ids = np.zeros((len(encs), n), dtype=np.int64)
        mask = np.zeros_like(ids)
        types = np.zeros_like(ids)
        for k, e in enumerate(encs):
            ids[k, :len(e.ids)] = e.ids
            mask[k, :len(e.ids)] = e.attention_mask
            types[k, :len(e.ids)] = e.type_ids
        hidden = self.session.run(None, {"input_ids": ids, "attention_mask": mask, "token_type_ids": types})[0]
        out = []
        for k, e in enumerate(encs):
            h = hidden[k, :len(e.ids)]
            cur = [j for j, s in enumerate(e.sequence_ids) if s == 1]
            pooled = h[cur].mean(0) if cur else h[0]
            tags = h @ self.heads["tag_w"] + self.heads["tag_b"]
            sent = pooled @ self.heads["sent_w"] + self.heads["sent_b"]
            out.append((tags, sent, h))
        return out

    def read_many(self, items: Sequence[tuple[str, str]], batch_size: int = 1, progress=None) -> list[Reading]:
        """Readings of ``(previous sentence, sentence)`` pairs, in order.

        One pair per run by default: the int8 encoder quantizes its activations with one
        scale per batch, so in a batch a sentence's reading would depend on the longest
        sentences beside it, and the same sentence would read differently in another
        document. Unbatched it costs no more time on one thread (no padding).
        ``progress(done, total)`` is called before the first run and after every batch.
        """
        readings: list[Reading] = []
        encs = [encode_pair(self.tokenizer, p, t, self.max_len) for p, t in items]
        order = sorted(range(len(encs)), key=lambda k: len(encs[k].ids))  # less padding
        result: dict[int, Reading] = {}
        if progress is not None:
            progress(0, len(order))
        for s in range(0, len(order), batch_size):
            idx = order[s:s + batch_size]
            for k, (tags, sent, h) in zip(idx, self.outputs([encs[k] for k in idx])):
                result[k] = decode(tags, sent, h, encs[k], self.heads)
            if progress is not None:
                progress(min(s + batch_size, len(order)), len(order))
        readings = [result[k] for k in range(len(encs))]
        return readings

    def read(self, prev: str, text: str) -> Reading:
        return self.read_many([(prev, text)])[0]
