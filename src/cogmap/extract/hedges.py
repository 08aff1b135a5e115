"""Words of estimative probability: hedges read as numbers on a documented scale.

Three scales:

* ``icd203`` (default): US Intelligence Community Directive 203 (2015), the
  midpoint of each band: almost no chance 1-5%, very unlikely 5-20%, unlikely
  20-45%, roughly even chance 45-55%, likely 55-80%, very likely 80-95%, almost
  certain 95-99%.
* ``kent``: Sherman Kent, "Words of Estimative Probability" (1964): certain
  100, almost certain 93, probable 75, chances about even 50, probably not 30,
  almost certainly not 7, impossible 0.
* ``survey``: median readings of the phrases by survey respondents (rounded,
  after the 2015 "perceptions of probability" survey by zonination and
  Mauboussin & Mauboussin, HBR 2018).

Modal verbs are not on these scales; cogmap reads them as follows, on every
scale: an unhedged "will" as *very likely* (an expert's plain future is rarely
a certainty); "would" as *likely*; "may", "might", "could" as a *possibility*
(0.4 on icd203 and kent: between "roughly even" and "unlikely"; the survey
median elsewhere). A negated statement ("certainly not") is the complement of
its hedge: "certainly not" on icd203 is 1 - 0.97 = 0.03.

Examples
--------
>>> probability(["likely"])
(0.675, 'likely')
>>> probability(["certainly"], negated=True)
(0.03, 'certainly not')
>>> probability(["can"]), probability(["can"], negated=True)
((0.4, 'can'), (0.125, 'cannot'))
"""

from __future__ import annotations

import re

__all__ = ["SCALES", "has_term", "probability", "term_band"]

# Words the published scales leave out, read as their nearest term: "can" and the nouns of
# chance ("a chance to win", "the risk of") say a real possibility, as "may" does;
# "expect" and a forecast's "should" ("output should recover") say likely; "set to",
# "going to" say what "will" says; "I'd be surprised if" says what "unlikely" says (and
# "I wouldn't be surprised", negated, its complement).
_POSSIBLE = ("can", "chance", "chances", "possibility", "potential", "risk")
_EXPECTED = ("expect", "expects", "expected", "expecting", "should")
_WILL = ("set to", "going to", "gonna", "'ll")
# Even odds said with a coin or a split down the middle: "a coin toss", "a toss-up", "50-50".
_EVEN = ("coin toss", "coin flip", "toss-up", "tossup", "50-50", "50/50", "fifty fifty")
# The size of a chance says how likely: "a good chance" is likely, "a slim chance" unlikely.
_CHANCE_SIZE = {**dict.fromkeys("good strong high decent fair".split(), "likely"),
                **dict.fromkeys("slim small low slight".split(), "unlikely")}

# Each scale maps a canonical phrase to a probability.
_ICD = {
    "almost no chance": 0.03, "remote": 0.03, "very unlikely": 0.125, "highly improbable": 0.125,
    "highly unlikely": 0.125, "unlikely": 0.325, "improbable": 0.325, "probably not": 0.325,
    "roughly even": 0.5, "even chance": 0.5, "fifty-fifty": 0.5, "likely": 0.675, "probable": 0.675,
    "probably": 0.675, "very likely": 0.875, "highly likely": 0.875, "highly probable": 0.875,
    "almost certain": 0.97, "almost certainly": 0.97, "nearly certain": 0.97, "certainly": 0.97,
    "certain": 0.97, "definitely": 0.97, "surely": 0.97, "undoubtedly": 0.97, "absolutely sure": 0.97,
    "inevitably": 0.97, "will": 0.875, "would": 0.675, "possible": 0.4, "may": 0.4, "might": 0.4,
    "could": 0.4, "perhaps": 0.4, "maybe": 0.4, "possibly": 0.4, "doubt": 0.325, "surprised": 0.325,
    **{w: 0.4 for w in _POSSIBLE}, **{w: 0.675 for w in _EXPECTED}, **{w: 0.875 for w in _WILL},
    "little chance": 0.125, "no chance": 0.03, "bound to": 0.97, **{w: 0.5 for w in _EVEN},
}
_KENT = {
    "almost no chance": 0.07, "remote": 0.07, "very unlikely": 0.07, "highly unlikely": 0.07,
    "highly improbable": 0.07, "unlikely": 0.3, "improbable": 0.3, "probably not": 0.3, "doubt": 0.3,
    "surprised": 0.3,
    "roughly even": 0.5, "even chance": 0.5, "fifty-fifty": 0.5, "likely": 0.75, "probable": 0.75,
    "probably": 0.75, "very likely": 0.93, "highly likely": 0.93, "highly probable": 0.93,
    "almost certain": 0.93, "almost certainly": 0.93, "nearly certain": 0.93, "certainly": 1.0,
    "certain": 1.0, "definitely": 1.0, "surely": 1.0, "undoubtedly": 1.0, "absolutely sure": 1.0,
    "inevitably": 1.0, "will": 0.93, "would": 0.75, "possible": 0.4, "may": 0.4, "might": 0.4,
    "could": 0.4, "perhaps": 0.4, "maybe": 0.4, "possibly": 0.4,
    **{w: 0.4 for w in _POSSIBLE}, **{w: 0.75 for w in _EXPECTED}, **{w: 0.93 for w in _WILL},
    "little chance": 0.07, "no chance": 0.07, "bound to": 1.0, **{w: 0.5 for w in _EVEN},
}
_SURVEY = {
    "almost no chance": 0.02, "remote": 0.05, "very unlikely": 0.1, "highly unlikely": 0.05,
    "highly improbable": 0.05, "unlikely": 0.2, "improbable": 0.1, "probably not": 0.25, "doubt": 0.2,
    "surprised": 0.2,
    "roughly even": 0.5, "even chance": 0.5, "fifty-fifty": 0.5, "likely": 0.7, "probable": 0.7,
    "probably": 0.7, "very likely": 0.85, "highly likely": 0.9, "highly probable": 0.9,
    "almost certain": 0.95, "almost certainly": 0.95, "nearly certain": 0.95, "certainly": 0.95,
    "certain": 0.95, "definitely": 0.95, "surely": 0.9, "undoubtedly": 0.95, "absolutely sure": 0.97,
    "inevitably": 0.95, "will": 0.85, "would": 0.7, "possible": 0.4, "may": 0.45, "might": 0.4,
    "could": 0.4, "perhaps": 0.4, "maybe": 0.5, "possibly": 0.4,
    **{w: 0.4 for w in _POSSIBLE}, **{w: 0.7 for w in _EXPECTED}, **{w: 0.85 for w in _WILL},
    "little chance": 0.1, "no chance": 0.02, "bound to": 0.95, **{w: 0.5 for w in _EVEN},
}
SCALES = {"icd203": _ICD, "kent": _KENT, "survey": _SURVEY}

# Strength order: a stronger hedge word decides when several occur together.
_ORDER = ["certainly", "definitely", "surely", "undoubtedly", "inevitably", "almost certainly", "almost certain",
          "nearly certain",
          "very likely", "highly likely", "likely", "probably", "unlikely", "very unlikely",
          "highly unlikely", "no chance", "little chance", "roughly even", "even chance", "fifty-fifty",
          *_EVEN, "bound to",
          "doubt", "surprised", "expect", "expects", "expected", "expecting", "should", "perhaps", "maybe", "possibly",
          "possible", "may", "might", "could", "can", "chance", "chances", "possibility", "potential", "risk", "would",
          "set to", "going to", "gonna", "'ll", "will"]


# Other forms of the terms above: "she doubted it", "I'd be surprised".
# ("won't" is "will" and its "not", which the parse holds: the tokenizer makes it "wo" and
# "n't", and a "wo" the scales did not know read as no hedge at all, so the "not" was lost)
_FORMS = {"doubts": "doubt", "doubted": "doubt", "doubting": "doubt", "doubtful": "doubt",
          "surprise": "surprised", "surprising": "surprised", "wo": "will", "won't": "will", "won’t": "will"}


def _joined(low: list[str]) -> str:
    """The words as one string, a hyphen or slash between two words closed up as written
    ("toss - up" of a tokenizer is "toss-up")."""
    return re.sub(r"(?<=\w) ([-/]) (?=\w)", r"\1", " ".join(low))


def _in(term: str, low: list[str], joined: str) -> bool:
    """Whether a term is among the words: one word as a word, a phrase ("very likely",
    "toss-up", "50-50") as whole words of the joined string."""
    if " " not in term and "-" not in term and "/" not in term:
        return term in low
    return re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", joined) is not None


def has_term(words: list[str]) -> bool:
    """Whether the words hold any term of the scales (else :func:`probability` reads "will")."""
    low = [_FORMS.get(w.lower(), w.lower()) for w in words]
    joined = _joined(low)
    return any(_in(t, low, joined) for t in _ORDER) or " certain to" in f" {joined}"


def term_band(term: str, scale: str = "icd203") -> float | None:
    return SCALES[scale].get(term)


def probability(words: list[str], negated: bool = False, scale: str = "icd203") -> tuple[float, str]:
    """The probability a list of hedge words gives, and the phrase that set it.

    The strongest word decides ("will certainly" is "certainly"); "very" and
    "highly" before "likely"/"unlikely" are read together; a negated statement
    gets the complement.
    """
    table = SCALES.get(scale)
    if table is None:
        raise ValueError(f"unknown scale {scale!r}; choose one of {', '.join(SCALES)}")
    low = [_FORMS.get(w.lower(), w.lower()) for w in words]
    joined = _joined(low)
    if "not a chance" in joined or "no chance" in joined:
        # "I don't see them keeping it, not a chance": the tag denies the outcome however
        # the clause before is negated, so no "not" turns it round.
        return table["no chance"], "no chance"
    phrases = []
    for term in _ORDER:
        if _in(term, low, joined):
            phrases.append(term)
    if "almost" in low and "certainly" in low:
        phrases.insert(0, "almost certainly")
    elif re.search(r"\b(?<!almost )(?<!nearly )certain to\b", joined):
        phrases.insert(0, "certain")  # "is certain to fall" ("certain" alone is as often "certain firms")
    for prefix in ("very", "highly"):
        for base in ("likely", "unlikely", "probably"):
            if prefix in low and base in low and low.index(prefix) < low.index(base):
                # ("very probably" is "very likely", as "probably" is "likely")
                phrases.insert(0, f"{prefix} {'likely' if base == 'probably' else base}")
    sized = next((k for k, w in enumerate(low[:-1]) if w in _CHANCE_SIZE and low[k + 1] in ("chance", "chances")), None)
    if sized is not None and (not phrases or phrases[0] in _POSSIBLE):
        # ("a good chance" outranks the bare "chance", not a "likely" or "will" of its own)
        size = _CHANCE_SIZE[low[sized]]
        p = table[size]
        name = f"{low[sized]} {low[sized + 1]}"
        return (round(1.0 - p, 6), f"{name} not") if negated else (p, name)
    term = phrases[0] if phrases else "will"
    p = table.get(term, table["will"])
    if negated:
        if term == "can":  # "cannot win" rules the event out, unlike "may not win"
            return round(1.0 - table["will"], 6), "cannot"
        return round(1.0 - p, 6), f"{term} not"
    return p, term
