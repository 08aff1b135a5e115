"""Decoding the reader's outputs into spans and pairs (no model needed: made-up logits)."""
from __future__ import annotations

from types import SimpleNamespace

import numpy as np

from cogmap.extract.learned import TAGS, decode

DIM = 8
TEXT = "Higher rents pushed young families out of the city"
WORDS = TEXT.split()


def _enc():
    offsets, pos = [], 0
    for w in WORDS:
        a = TEXT.index(w, pos)
        offsets.append((a, a + len(w)))
        pos = a + len(w)
    n = len(WORDS)
    # [CLS] words [SEP]: the sentence is segment 1, as it is after an empty context.
    return SimpleNamespace(sequence_ids=[None] + [1] * n + [None], offsets=[(0, 0)] + offsets + [(0, 0)],
                           word_ids=[None] + list(range(n)) + [None])


def _heads():
    return {"sign_w1": np.zeros((4 * DIM, 4)), "sign_b1": np.zeros(4),
            "sign_w2": np.zeros((4, 1)), "sign_b2": np.zeros(1)}


def _logits(inside: dict[str, list[float]]) -> np.ndarray:
    """Tag logits whose P(B) + P(I) per token is the given probability (O otherwise)."""
    n = len(WORDS) + 2
    out = np.zeros((n, len(TAGS), 3))
    for k, tag in enumerate(TAGS):
        probs = [0.0] + inside.get(tag, [0.0] * len(WORDS)) + [0.0]
        for j, p in enumerate(probs):
            p = min(max(p, 1e-4), 1 - 1e-4)
            out[j, k] = np.log([1 - p, p / 2, p / 2])
    return out.reshape(n, -1)


def _read(inside, causal: float):
    sent = np.log([causal / (1 - causal), 0.01])
    return decode(_logits(inside), sent, np.ones((len(WORDS) + 2, DIM)), _enc(), _heads())


def _pairs(reading):
    return [(TEXT[p.cause[0]:p.cause[1]], TEXT[p.effect[0]:p.effect[1]]) for p in reading.pairs]


def test_sure_sides_make_a_pair():
    r = _read({"cause": [0.9, 0.9, 0, 0, 0, 0, 0, 0, 0], "effect": [0, 0, 0, 0.9, 0.9, 0, 0, 0, 0]}, 0.9)
    assert _pairs(r) == [("Higher rents", "young families")]


def test_a_causal_sentence_with_unsure_sides_takes_its_likeliest_runs():
    # No token of either side clears 0.5, as on long clauses the tagger splits its mass over.
    unsure = {"cause": [0.35, 0.4, 0.1, 0.05, 0.05, 0, 0, 0, 0],
              "effect": [0.05, 0.1, 0.1, 0.3, 0.45, 0.3, 0.1, 0.3, 0.3]}
    r = _read(unsure, 0.9)
    assert _pairs(r) == [("Higher rents", "young families out")]
    assert r.pairs[0].confidence < 0.5
    # The same sides in a sentence the reader does not call causal make no pair.
    assert _pairs(_read(unsure, 0.2)) == []


def test_the_likeliest_runs_never_overlap():
    both = [0.4, 0.45, 0.3, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1]
    r = _read({"cause": both, "effect": [0.3, 0.3, 0.35, 0.4, 0.1, 0.1, 0.1, 0.1, 0.1]}, 0.9)
    for p in r.pairs:
        assert p.cause[1] <= p.effect[0] or p.effect[1] <= p.cause[0]


def test_a_side_is_weighed_in_the_role_asked():
    # "increases" is read as an effect only: as a rule's cause it must not pass.
    from cogmap.extract.learned import Reading

    rd = Reading(causal=0.9, forecast=0.0, spans={}, tokens=[(0, 3, 0.9, 0.0), (4, 13, 0.02, 0.8)])
    assert rd.side_probability(4, 13) == 0.8
    assert rd.side_probability(4, 13, "effect") == 0.8
    assert rd.side_probability(4, 13, "cause") == 0.02
    assert rd.side_probability(0, 3, "cause") == 0.9
    assert rd.side_probability(20, 30, "cause") == 0.0


def test_a_verbless_line_the_reader_calls_a_forecast_is_none():
    """A byline after a forecasting headline reads as a forecast in its context; with no
    verb and no hedge of its own it forecasts nothing. A verbless line with a hedge still can."""
    from cogmap.extract.learned import Reading
    from cogmap.extract.nlp import load
    from cogmap.extract.readings import forecast_sentences, sentences

    paras = ["Rents will ease this year, analyst says", "By Ann Lee, 11 March 2025",
             "A recession next year, probably."]
    text = "\n\n".join(paras)
    starts = [text.index(p) for p in paras]
    nlp = load()
    refs = sentences([(a, a + len(p)) for a, p in zip(starts, paras)], [nlp(p) for p in paras], text)
    found = forecast_sentences(refs, [Reading(causal=0.0, forecast=0.9) for _ in refs], [])
    said = [f[2].statement for f in found]
    assert "By Ann Lee, 11 March 2025" not in said
    assert said == [paras[0], paras[2]]
