"""The extraction pipeline: ``ingest -> clean -> structure -> claims -> concepts -> forecasts``.

Each stage is a module with one job; this one runs them in order over one
parse of the text and assembles the :class:`~cogmap.records.Document`.

Examples
--------
>>> doc = extract("Because of the drought, food prices will probably rise.")
>>> c = doc.claims[0]
>>> (c.cause.label, c.polarity, c.effect.label, c.modality)
('drought', 1, 'food prices', 'likely')
>>> doc.text[c.evidence.start:c.evidence.end] == c.evidence.text
True
"""

from __future__ import annotations

import bisect
import os
import re
from collections import defaultdict
from typing import Callable, Iterable, Iterator, Optional

from cogmap.extract import hedges
from cogmap.extract import llm as language_model
from cogmap.extract.claims import (across_a_time, actors_of_means, aimed, answered_driver, answered_hypothesis,
                                   answered_reason, change_named, death_toll, find_claims, reasons_in_turn, Side,
                                   hypothetical_condition, naming, np_side, only_when, only_where, priced,
                                   state_entered, summed_up, toll_name, topic_drivers)
from cogmap.extract.clean import clean
from cogmap.extract.concepts import ConceptMerger, in_capitals, label_tokens, names_something, negation_sign, roots
from cogmap.errors import InputError
from cogmap.extract.forecasts import HORIZON, answered_forecast, find_forecasts, names_no_event, stated_odds
from cogmap.extract.ingest import RawInput, read
from cogmap.extract.lexicon import CAUSAL_VERBS, LIKELIHOOD_NOUNS, PART_WORDS
from cogmap.extract.nlp import DOCUMENT_NOUNS, parse
from cogmap.records import Claim, Document, Evidence, Forecast, Mention, denials_apart
from cogmap.extract.readings import (
    EXTRA_CLAIM_CONFIDENCE, NEGATED_SIDE, OWN_CLAIM_CONFIDENCE, RULE_CLAIM_CAUSAL, RULE_SIDE, after_dateline,
    claims_from, forecast_sentences, surest_per_cause, read_sentences, sentences,
)
from cogmap.extract.structure import SPEECH_VERBS, TIMESTAMP, structure

__all__ = ["extract", "extract_many", "build"]


#: The extractor ``extract`` uses when none is named: the one that wins on the
#: benchmarks (README, "Benchmarks"); ``COGMAP_EXTRACTOR_KIND`` overrides it.
EXTRACTORS = ("learned", "rules")
DEFAULT_EXTRACTOR = "learned"


def _choose(extractor: Optional[str]) -> str:
    kind = extractor or os.environ.get("COGMAP_EXTRACTOR_KIND") or DEFAULT_EXTRACTOR
    if kind not in EXTRACTORS:
        raise InputError(f"unknown extractor {kind!r}; choose one of: {', '.join(EXTRACTORS)}")
    return kind


def extract(text_or_path, *, source: Optional[str] = None, scale: str = "icd203",
            embed: Optional[bool] = None, extractor: Optional[str] = None, llm=None, aliases=None,
            progress: Optional[Callable[[str, int, int], None]] = None) -> Document:
    """Read an article (text, bytes, a path, or ``"-"``) and return its causal map.

    Parameters
    ----------
    text_or_path : str, bytes or path
        The article: plain text or saved HTML, or the path of such a file.
    source : str, optional
        A name for the source (defaults to the path, or ``<text>``).
    scale : {"icd203", "kent", "survey"}
        How hedges become probabilities (see :mod:`cogmap.extract.hedges`).
    embed : bool, optional
        Also merge concepts by sentence embeddings (:mod:`cogmap.extract.embed`, part of
        the default install); ``None`` (the default) merges by them whenever the model
        is installed, ``False`` by the rules alone.
    extractor : {"learned", "rules"}, optional
        How claims and forecasts are found: the fine-tuned reader
        (:mod:`cogmap.extract.readings`) or the hand-written rules
        (:mod:`cogmap.extract.claims`); default :data:`DEFAULT_EXTRACTOR`.
    llm : cogmap.extract.llm.Settings or Reader, optional
        Also read the article with a language model, grounded in this reading
        (:mod:`cogmap.extract.llm`); without one, only if ``llm.use`` turned it on.
    aliases : cogmap.aliases.Aliases, dict or path, optional
        An analyst's alias file: wordings merged under one label, pairs kept apart
        (:class:`~cogmap.extract.concepts.ConceptMerger`, ``docs/aliases.md``).
    progress : callable, optional
        Called as ``progress(stage, done, total)`` while the two long parts of the work go
        on: ``"parse"`` counts paragraphs parsed, ``"read"`` sentences the learned reader
        has read (a few hundred a second on one core), so a long article can show a bar.

    Examples
    --------
    >>> seen = []
    >>> doc = extract("Higher rates reduced demand. Prices fell.", progress=lambda *a: seen.append(a))
    >>> seen[0], seen[-1]
    (('parse', 0, 1), ('read', 2, 2))
    """
    if scale not in hedges.SCALES:
        raise InputError(f"unknown probability scale {scale!r}; choose one of: {', '.join(hedges.SCALES)}")
    kind = _choose(extractor)
    doc = build(read(text_or_path, source=source), scale=scale, embed=embed, extractor=kind, aliases=aliases,
                progress=progress)
    return language_model.apply(doc, llm, scale=scale, extractor=kind)


def extract_many(items: Iterable, *, scale: str = "icd203", embed: Optional[bool] = None,
                 extractor: Optional[str] = None, aliases=None) -> Iterator[Document]:
    """Extract several articles; the parser is loaded once and reused."""
    for item in items:
        yield extract(item, scale=scale, embed=embed, extractor=extractor, aliases=aliases)


_WORD = re.compile(r"\w+")
#: The next sentence, or the next turn, doubting or denying the one before: "I doubt it.",
#: "I doubt that very much", "That's not true", "That is a myth" (after an optional speaker
#: tag, dash or "Well,").
_DISPUTED = re.compile(
    r"[\s\"”’'»)]*(?:[A-Z][\w.'’ &-]{0,30}:\s+)?(?:[-–—]+\s*)?(?:(?:well|no|sorry|frankly|honestly),?\s+)*"
    r"(?:(?:I|we)\s+(?:very much\s+|really\s+|strongly\s+|seriously\s+)?doubt\s+(?:it|that|this)\b(?!\s+\w+\s+(?:will|would|can|could|is|are))"
    r"|(?:that|this)(?:'s|’s|\s+is)\s+(?:simply\s+|just\s+)?(?:not\s+true|wrong|a\s+myth|nonsense|untrue|false)\b)",
    re.I)
#: A flat denial of what the sentence before said, an auxiliary and its "not" and nothing
#: more: "Some say the cap caused the rise. It did not.", "... It isn't." ("It did not stop
#: there" goes on, and denies nothing).
_DENIED = re.compile(
    r"[\s\"”’'»)]*(?:[A-Z][\w.'’ &-]{0,30}:\s+)?(?:no[,.!]?\s+)?(?:it|that|this|they)\s+"
    r"(?:did|does|do|has|have|had|is|was|were|are)(?:n't|n’t|\s+not)\s*[.!]", re.I)
_LEAD_LABEL = re.compile(r"^(" + TIMESTAMP + r"[A-Z][\w.'’&-]*(?: [\w.'’&-]+){0,3}(?: \([^()\n]{1,40}\))?):\s+(?=\S)")


_NAME_PARTICLES = frozenset("de da del della di van von der den la le al bin ibn y".split())


#: A reference mark as encyclopaedias and papers print them, after a word or a full stop:
#: "[3]", "[4][5]", "[a]", "[citation needed]", "[note 2]". Left in, the parser reads
#: "fishers.[4][5] Warmer water" as one sentence and "levels.[citation" as a word.
_REFERENCE_MARK = re.compile(r"(?<=\S)\[(?:\d{1,3}|[a-z]|note \d{1,3}|nb \d{1,3}|citation needed|clarification needed|"
                             r"according to whom\?|by whom\?|when\?|who\?|which\?|dubious(?: [-–] discuss)?|"
                             r"failed verification|better source needed|page needed|unreliable source\?)\]", re.I)

#: A news dateline opening a paragraph: a place in capitals, then names and a date, then an
#: agency in brackets, then a dash ("LONDON, March 3 (Reuters) - ", "MARLOW FALLS — "). The
#: parser took the place for the sentence's subject.
_WIRE_DATELINE = re.compile(r"^[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+)*(?:, ?(?:[A-Z][\w.'’]*|\d{1,4})(?: (?:[A-Z][\w.'’]*|\d{1,4}))*)*"
                       r"(?: ?\([A-Z][\w .&'’-]{0,30}\))? ?[-–—] ")


#: Where a sentence starts (or a speaker's words after a tag), and the pronoun "I", for
#: giving a paragraph in capitals the case it would be written in.
_SENTENCE_START = re.compile(r"(?:^|(?<=[.!?:]\s)|(?<=[.!?:]\s\s))[\"'“‘(]?[a-z]")
_PRONOUN_I = re.compile(r"(?<![\w'’])i(?=[\s'’,.;:!?]|$)")


#: No word or link is longer: a longer run with no space (an encoded image, a rule of
#: brackets or dashes) is parsed in pieces of this length, every 200th character read as a
#: space, since spaCy's tokenizer peels a run's affixes in time in the square of its
#: length (10,000 brackets took 15 s). The text itself is kept as it is.
_LONGEST_RUN = 200
_LONG_RUN = re.compile(r"\S{%d,}" % (_LONGEST_RUN + 1))
_CUT_RUN = re.compile(r"(\S{%d})\S" % (_LONGEST_RUN - 1))


def _for_parser(paragraph: str) -> str:
    """The paragraph as the parser should see it, with the same length.

    A lead-in label ("Q:", "Jane:", "Experts:") is not part of the sentence, so it
    is blanked, and so are reference marks ("[3]", "[citation needed]") and a news
    dateline ("LONDON, March 3 (Reuters) - "); headlines In
    Title Case confuse the tagger (every word looks like a name), so they are parsed in
    lower case. Offsets do not move: the evidence still quotes the marks as printed.
    """
    paragraph = _LONG_RUN.sub(lambda m: _CUT_RUN.sub(r"\1 ", m.group(0)), paragraph)
    paragraph = _REFERENCE_MARK.sub(lambda m: " " * len(m.group(0)), paragraph)
    paragraph = _WIRE_DATELINE.sub(lambda m: " " * len(m.group(0)), paragraph)
    m = _LEAD_LABEL.match(paragraph)
    words = m.group(1).split(" (")[0].split() if m else []
    if m and len(words) > 2 and not all(w[:1].isupper() or w[:1].isdigit() or w.startswith("[") or
                                        w.lower() in _NAME_PARTICLES for w in words):
        m = None  # a clause before a colon ("Chikwanha is blunter: he predicts ..."), not a tag
    if m:
        paragraph = " " * m.end(1) + paragraph[m.end(1):].replace(":", " ", 1)
    if in_capitals(paragraph):
        # A paragraph in capitals, as captions and some transcripts are set: the tagger
        # reads every word as a name. Parsed as a sentence would be written.
        lowered = paragraph.lower()
        if len(lowered) == len(paragraph):
            lowered = _SENTENCE_START.sub(lambda m: m.group(0).upper(), lowered)
            return _PRONOUN_I.sub("I", lowered)
    words = paragraph.split()
    if len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words) and \
            not paragraph.rstrip().endswith((".", "?", "!", '"', "”")):
        lowered = paragraph.lower()
        if len(lowered) == len(paragraph):
            return lowered
    return paragraph


#: Longest stretch parsed as one paragraph: a file with no line breaks is split at
#: sentence ends (else at spaces) so the parser's length limit is never reached and
#: its cost stays linear.
MAX_PARAGRAPH = 20_000


def _bounded(paragraphs: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Paragraph spans, the long ones cut into pieces of at most ``MAX_PARAGRAPH`` characters."""
    out = []
    for a, b in paragraphs:
        while b - a > MAX_PARAGRAPH:
            window = text[a:a + MAX_PARAGRAPH]
            cut = max(window.rfind(". "), window.rfind("? "), window.rfind("! "))
            cut = cut + 1 if cut > MAX_PARAGRAPH // 2 else window.rfind(" ")
            if cut <= 0:
                cut = MAX_PARAGRAPH
            out.append((a, a + cut))
            a += cut
            while a < b and text[a].isspace():
                a += 1
        if b > a:
            out.append((a, b))
    return out


def _claim_probability(rc, scale: str) -> Optional[float]:
    """The probability a claim's hedge words give on ``scale``; plain "will" gives none."""
    scored = [w for w in (rc.hedge or "").split() if w in hedges.SCALES[scale] and w != "will"]
    return hedges.probability(scored, negated=rc.negated, scale=scale)[0] if scored else None


class _SpanIndex:
    """``(start, end, value)`` spans, asked which contains a position or starts in a range.

    Answers as a scan of the list in order would (the first match), in logarithmic
    time when the spans are sorted and do not overlap, which is what the structure
    stage gives; otherwise it scans. Written here because the standard library's
    ``bisect`` has no interval lookup and this is all the pipeline needs.
    """

    def __init__(self, spans: list):
        self.spans = [s for s in spans if s[2]]
        self.starts = [s[0] for s in self.spans]
        self.ordered = all(x[1] <= y[0] for x, y in zip(self.spans, self.spans[1:])) and \
            all(x[0] < x[1] for x in self.spans)

    def containing(self, pos: int):
        if not self.ordered:
            return next((v for a, b, v in self.spans if a <= pos < b), None)
        k = bisect.bisect_right(self.starts, pos) - 1
        if k >= 0 and self.spans[k][0] <= pos < self.spans[k][1]:
            return self.spans[k][2]
        return None

    def starting_in(self, a: int, b: int):
        if not self.ordered:
            return next((v for s, _, v in self.spans if a <= s < b), None)
        k = bisect.bisect_left(self.starts, a)
        return self.spans[k][2] if k < len(self.spans) and self.spans[k][0] < b else None


def _clause_root(tok):
    """The verb of the clause that ``tok`` opens or lies in: the sentence's root, or a clause
    joined to it with a subject of its own, where a sentence was read as two forecasts
    ("The team expects X, and she warned that Y": the second is hers)."""
    t = tok
    while t.head != t:  # (spaCy makes a new token object each time: "is not" never stops)
        if t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") and t.left_edge.i <= tok.i and \
                any(c.dep_ == "nsubj" for c in t.children):
            return t
        t = t.head
    return t


def _subject_person(pdoc, start: int, people, base: int = 0, speech: bool = False,
                    author: Optional[str] = None) -> Optional[str]:
    """The person who is the subject of the sentence ("Santos puts the odds at ...";
    "she" is the last person named before it; "I", "we" and "my guess" are ``author``, the
    writer of a piece with no interview); with ``speech``, only of a verb of saying or
    discussing ("Lee discussed how tariffs could hurt ..."), for a claim, whose subject
    is as often the actor of its cause."""
    sent = pdoc.char_span(start, start + 1, alignment_mode="expand")
    if sent is None:
        return None
    root = _clause_root(sent[0])
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    first_person = subj.lower_ in ("i", "we") or any(c.dep_ == "poss" and c.lower_ in ("my", "our")
                                                     for c in subj.children)
    if first_person:
        return author  # the writer says what the sentence says, whatever its verb ("I doubt ...")
    if speech and root.lemma_.lower() not in SPEECH_VERBS | {"discuss"}:
        return None
    if any(c.dep_ == "aux" and c.tag_ == "MD" for c in root.children):
        return None  # "Trump will raise tariffs": the one who will act, not the one who says so
    if subj.lower_ in ("he", "she"):
        return people.last_before(base + subj.idx)
    if not subj.text[:1].isupper() or subj.pos_ == "PRON":
        return None
    return people.resolve(pdoc[subj.left_edge.i: subj.i + 1].text)


#: Verbs of a belief or a feeling about what is to come: a forecast they report is the
#: holder's ("the workers fear that X will"), whoever reports it.
_ATTITUDES = frozenset("fear worry hope expect believe think predict anticipate suspect reckon doubt".split())
#: Verbs that state an estimate of a chance: "analysts put the chance that X at 40 percent".
_ESTIMATING = frozenset("put estimate give place peg see rate".split())
_GENERIC_GROUPS = frozenset("most many some few several all everyone everybody nobody people".split())


#: What shows or models, not who forecasts: "the regional climate models suggest we'll likely
#: get more rain", "the data show X will" are the forecast of whoever cites them.
_NO_FORECASTERS = frozenset("model models data figure figures number numbers survey surveys poll polls study "
                            "studies report reports projection projections simulation simulations chart charts "
                            "evidence research analysis trend trends index indicator indicators record records "
                            "statistics estimate estimates".split())


def _a_forecaster(name: Optional[str]) -> Optional[str]:
    """``name``, unless it names a thing that shows or models rather than a person
    ("regional climate models"): None then.

    >>> _a_forecaster("regional climate models"), _a_forecaster("Dana Reyes")
    (None, 'Dana Reyes')
    """
    return name if name and name.split()[-1].lower() not in _NO_FORECASTERS else None


def _holder(pdoc, start: int, people) -> Optional[str]:
    """Who holds the forecast of a sentence that reports someone's belief or feeling:
    "The workers fear that the cranes will cut jobs" is the workers', not the interviewee's
    who tells of it. None for "I" and "we" (the speaker's own) and for a pronoun, which the
    quote or the turn around it answers for.

    >>> from cogmap.extract.nlp import load
    >>> from cogmap.extract.structure import People
    >>> _holder(load()("Dock workers fear that the new cranes will cut jobs."), 0, People())
    'Dock workers'
    """
    span = pdoc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return None
    root = _clause_root(span[0])
    estimate = root.lemma_.lower() in _ESTIMATING and any(
        c.dep_ == "dobj" and {c.lemma_.lower(), c.lower_} & LIKELIHOOD_NOUNS for c in root.children)  # ("odds": "odd")
    if not estimate and (root.lemma_.lower() not in _ATTITUDES or
                         not any(c.dep_ in ("ccomp", "xcomp") for c in root.children)):
        return None
    subj = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.pos_ == "PRON" or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subj.children):
        return None
    if any(c.lower_ in _GENERIC_GROUPS for c in subj.children) or subj.lower_ in _GENERIC_GROUPS:
        return None  # "most people think": a speaker's hedge on their own view, not a group's forecast
    # (no article, and no blank where the parse saw a speaker's tag: "A: The dockers ...")
    words = [t for t in pdoc[subj.left_edge.i: subj.right_edge.i + 1]
             if not (t.is_space or t.dep_ == "det" and t.i < subj.i)]
    if not words or len(words) > 6:
        return None
    phrase = pdoc[words[0].i: words[-1].i + 1].text
    return people.resolve(phrase) or phrase


#: How sure the reader must be of a rule's effect to let the rule name a cause it did not
#: read (:func:`_no_cause_read`).
EFFECT_ALONE = 0.5
#: How sure the reader must be of a side in the sentence before for a sentence-opening
#: "So" to link to it: more than RULE_SIDE, since "So" is as often a speaker's way of going
#: on. (Session 20: a newer onnxruntime read one such side at 0.104 where the older one read
#: it under 0.1; at 0.2 the development and trial sets each lose one wrong link, no right one.)
SO_BEFORE_SIDE = 0.2


def _plain_causal_verb(rc) -> bool:
    """Whether a rule's claim is a causal verb of the lexicon between a common noun and its
    object, in one sentence ("incoming tanks could speed up operations"). Such a claim
    passes the reader's P(causal) gate, which misses some plain verbs of cause while it
    rightly vetoes a time ("as", "since") and an actor's act (a person or body as the
    cause: a name, a pronoun, a noun with an entity type); the reader's check of each
    side still applies, and still drops many actors named by common nouns ("the operator
    raised the wall": treating these claims as fixed added about 20 wrong links on the
    trials for 3 right). Measured on the development and trial articles: 3 right links
    more and 1 wrong (a denial put as "Nor does X accept that"), where lifting the gate for
    every rule (Session 23) found 4 for 12 outputs."""
    if rc.cue not in CAUSAL_VERBS or rc.cross_sentence:
        return False
    heads = [t for t in rc.cause.tokens if t.head not in rc.cause.tokens or t.head is t]
    return bool(heads) and all(t.pos_ == "NOUN" and not t.ent_type_ for t in heads)


def _no_cause_read(reading) -> bool:
    """Whether the reader read a trigger and an effect in the sentence, and no cause in it
    or in the sentence before."""
    return not reading.spans.get("cause") and any(seg == 1 for *_, seg, _p in reading.spans.get("trigger", ())) \
        and any(seg == 1 for *_, seg, _p in reading.spans.get("effect", ()))


def _event_before(pdoc, rf, para_index: dict, docs: list, paragraphs: list) -> Optional[int]:
    """Where the event of a forecast that gives only odds begins ("Call it a two-in-three
    chance.", "I'd put that at one in ten."): the sentence before it in its paragraph, or a
    question that ends the paragraph before ("Below $9,000 by 2027? About a one-in-five
    chance."); None when the forecast names its event or nothing before can be its event."""
    span = pdoc.char_span(rf.sent_start, rf.sent_end, alignment_mode="expand")
    if span is None or not names_no_event(span):
        return None
    before = [s for s in pdoc.sents if s.end <= span.start and s.text.strip()]
    if before:
        sent, pa = before[-1], paragraphs[para_index[id(pdoc)]][0]
    else:
        k = para_index[id(pdoc)]
        prev = [s for s in docs[k - 1].sents if s.text.strip()] if k else []
        if not prev or not prev[-1].text.rstrip().endswith("?"):
            return None
        sent, pa = prev[-1], paragraphs[k - 1][0]
    first = next((t for t in sent if not (t.is_space or t.is_punct)), None)  # (past a blanked speaker tag)
    return None if first is None else pa + first.idx


def _title_span(cleaned) -> Optional[tuple[int, int]]:
    """Where the headline stands in the cleaned text: a paragraph near the top that is the
    title; None when the title is not in the text."""
    if not cleaned.title:
        return None
    title = " ".join(cleaned.title.split())
    for a, b in cleaned.paragraphs[:3]:
        if " ".join(cleaned.text[a:b].split()) == title:
            return a, b
    return None


def headline_restated(forecasts: list, headline: Optional[tuple[int, int]]) -> list:
    """The forecasts, with a headline's forecast folded into the first forecast of the
    body that says the same: the body's words stay the forecast (they are the expert's, with
    the hedge the expert chose), and the headline's go to its ``restated``.

    "The same" is read from the concepts: those of the two forecasts overlap by at least
    half (Jaccard). Only the headline is folded: in the body, two forecasts about the same
    concepts are as often two calls (a rise this year, a fall the next) as one said twice.

    >>> ev = lambda a, b: Evidence(text="x" * (b - a), start=a, end=b)
    >>> f = lambda a, b, cs: Forecast(id="", statement="x", concepts=cs, probability=0.9, hedge="will",
    ...                                evidence=ev(a, b))
    >>> kept = headline_restated([f(0, 40, ["drought", "food_prices"]),
    ...                           f(50, 140, ["drought", "crops", "food_prices"])], (0, 40))
    >>> len(kept), kept[0].evidence.start, [r.start for r in kept[0].restated]
    (1, 50, [0])
    """
    if headline is None:
        return forecasts
    a, b = headline
    top = [f for f in forecasts if a <= f.evidence.start and f.evidence.end <= b and f.concepts]
    for h in top:
        mine = set(h.concepts)
        body = next((f for f in forecasts if f.evidence.start >= b and f.concepts and
                     len(mine & set(f.concepts)) >= 0.5 * len(mine | set(f.concepts))), None)
        if body is not None:
            body.restated.append(h.evidence)
    folded = {id(h) for h in top if any(r is h.evidence for f in forecasts for r in f.restated)}
    return [f for f in forecasts if id(f) not in folded]


def _odds_joined(forecasts: list, odds_only: set, text: str) -> list:
    """The forecasts, each that gives only odds as a number joined with a forecast its event
    sentence holds ("I think it is unlikely. I would put it at one in five."): one
    forecast, at the number. Two estimates in words stay two ("Maybe two years. Could be
    five.")."""
    out: list = []
    for f in sorted(forecasts, key=lambda f: f.evidence.start):
        g = out[-1] if out else None
        if id(f) in odds_only and stated_odds(f.hedge) and g is not None and g.evidence.end > f.evidence.start and \
                g.evidence.start <= f.evidence.start:
            a, b = g.evidence.start, max(f.evidence.end, g.evidence.end)
            f.statement, f.evidence = text[a:b], Evidence(text=text[a:b], start=a, end=b)
            f.concepts = list(dict.fromkeys(g.concepts + f.concepts))
            if id(g) in odds_only:
                odds_only.add(id(f))
            out[-1] = f
        else:
            out.append(f)
    return out


def _side_probability(reading, side, sent, role: Optional[str] = None, before=None) -> float:
    """The reader's P(part of a cause or effect), or of ``role``, for a rule's side, at its
    surest word in the sentence, or in ``before``, the sentence the reader read before it;
    1 when the side is in another sentence (the reader cannot say)."""
    for segment, host in ((1, sent), (0, before)):
        if host is None:
            continue
        words = [t for t in side.tokens if t.doc is host.doc and host.start <= t.i < host.end and not t.is_punct]
        if words:
            base = host.start_char
            return max(reading.side_probability(t.idx - base, t.idx - base + len(t), role, segment) for t in words)
    return 1.0


def _pronoun_subject(rc, pdoc):
    """The "it", "they", "this" or "that" subject of a rule's verb whose cause is what the
    pronoun stands for (the cause's words are elsewhere); else None."""
    k = rc.extra.get("verb")
    if k is None or not rc.cause.tokens or rc.cause.tokens[0].doc is not pdoc or k >= len(pdoc):
        return None
    verb = pdoc[k]
    while verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        verb = verb.head  # "it would halt and create X": the subject of the first verb
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ not in ("it", "they", "this", "that") or subj in rc.cause.tokens:
        return None
    return subj


def _within_one_side(reading, tokens, sent) -> float:
    """How sure the reader is of the one cause or effect it read that holds all of
    ``tokens`` (all in ``sent``), 0 if none does."""
    if any(t.doc is not sent.doc or not sent.start <= t.i < sent.end for t in tokens):
        return 0.0
    lo = min(t.idx for t in tokens) - sent.start_char
    hi = max(t.idx + len(t) for t in tokens) - sent.start_char
    return max((p for role in ("cause", "effect") for a, b, seg, p in reading.spans.get(role, ())
                if seg == 1 and a <= lo and hi <= b), default=0.0)


def _actor_of_means(rc, known: dict) -> bool:
    """Whether one side of a claim is the subject of a verb that names its means and the
    other side lies in that verb's clause: "funds" of "funds lifted rents by buying
    blocks", as a cause of rents or as an effect of the blocks. The actor is neither
    (data/GUIDE.md). ``known`` keeps each parse's verbs of means, so a paragraph is
    scanned once however many claims it has."""
    cause, effect = rc.cause.tokens, rc.effect.tokens
    if not cause or not effect or cause[0].doc is not effect[0].doc:
        return False
    doc = cause[0].doc
    if id(doc) not in known:  # setdefault would scan the parse every time
        known[id(doc)] = actors_of_means(doc)
    means = known[id(doc)]
    for actor, other in ((cause, effect), (effect, cause)):
        ids = {t.i for t in actor}
        if any(subj in ids and all(doc[verb].left_edge.i <= t.i <= doc[verb].right_edge.i for t in other)
               for verb, subj in means.items()):
            return True
    return False


#: "in order to", "in an effort to", "in a bid to", "in an attempt to": an aim, wherever it stands.
_AIM_NOUNS = frozenset("order effort bid attempt".split())


def _aim_as_cause(rc) -> bool:
    """Whether a claim's cause lies in a purpose clause and its effect outside it: "To
    curb inflation, the bank raised rates" read as inflation -> rates. An aim causes
    nothing (data/GUIDE.md codes no claim for a purpose), and the reader, taught on news
    annotated the other way, reads the aim as the cause of the act that serves it."""
    cause, effect = rc.cause.tokens, rc.effect.tokens
    if not cause or not effect or cause[0].doc is not effect[0].doc:
        return False
    for v in [effect[0], *effect[0].ancestors]:
        # What a thing is designed or meant to do, or someone aims at ("the levy is meant
        # to shrink its base"), is an aim too, with the thing as its cause.
        if v.pos_ == "VERB" and aimed(v) and v not in effect:  # (the wanting itself may be an effect)
            inside = {t.i for t in v.subtree}
            if all(t.i in inside for t in effect) and not any(t.i in inside for t in cause):
                return True
            break
    for v in [cause[0], *cause[0].ancestors]:
        # An aim the sentence puts first ("To curb inflation, ..."; "In order to ..."), or a
        # sentence that is only one ("Precisely to stop the tanks."): after its verb, a "to"
        # clause is as often a misparsed complement ("the rush to build furnaces").
        if v.pos_ == "VERB" and v.lemma_ != "be" and \
                any(a.dep_ == "aux" and a.lower_ == "to" and a.i < v.i for a in v.children) and \
                (v.dep_ == "advcl" and v.i < v.head.i or v.dep_ == "acl" and v.head.lower_ == "order"
                 or v.dep_ == "ROOT" and not any(c.dep_.startswith("nsubj") for c in v.children)):
            inside = {t.i for t in v.subtree}
            return all(t.i in inside and t.i >= v.i for t in cause) and not any(t.i in inside for t in effect)
    # "in an effort to X", "in a bid to X", wherever it stands: the phrase is the aim.
    for v in cause:
        if v.pos_ == "VERB" and v.dep_ == "acl" and v.head.lemma_.lower() in _AIM_NOUNS \
                and v.head.head.lower_ == "in" and any(a.dep_ == "aux" and a.lower_ == "to" for a in v.children):
            inside = {t.i for t in v.head.head.subtree}
            return all(t.i in inside for t in cause) and not any(t.i in inside for t in effect)
    return False


def _answered(turns, starts: list[int]):
    """Each question answered by the next turn: ``(question, answer, the paragraph the
    question ends in, the one the answer starts in)``, found by bisect over paragraph starts."""
    for k, turn in enumerate(turns[:-1]):
        nxt = turns[k + 1]
        if turn.kind == "question" and nxt.kind == "answer":
            # (an answer starts after its speaker label, inside its paragraph)
            yield turn, nxt, bisect.bisect_right(starts, turn.end - 1) - 1, bisect.bisect_right(starts, nxt.start) - 1


def _under_hypothesis(st, paragraphs, starts, docs, ruled: list, kept: list) -> list:
    """The rules' forecasts in answers to "What happens if X?", with X as their condition.

    The question states the hypothesis, so the answer's "He would lose the seat" is a
    forecast under it, though the reader, which sees the answer with only the question
    before it as context, often calls a bare "would" no forecast. ``ruled`` are the
    rules' ``(paragraph start, parse, RawForecast)``, ``kept`` those already chosen; the
    kept ones in such an answer get the condition too, if they have none.
    """
    added = []
    chosen = {id(f[2]) for f in kept}
    for _, nxt, qi, ai in _answered(st.turns, starts):
        qsents = [s for s in docs[qi].sents if s.text.strip()]
        cond = hypothetical_condition(qsents[-1].text) if qsents else None
        if cond is None:
            continue
        pa = paragraphs[ai][0]
        # Only the answer's opening sentence, the direct reply: what follows may be unconditional.
        first = next((s for s in docs[ai].sents if s.end_char > nxt.start - pa and s.text.strip()), None)
        if first is None:
            continue
        for f in ruled + kept:
            rf = f[2]
            if f[0] != pa or not (rf.start < first.end_char and first.start_char < rf.end):
                continue
            rf.condition = rf.condition or cond
            if id(rf) not in chosen:
                chosen.add(id(rf))
                added.append(f)
    return added


def _state_entered_by(effect):
    """The state a claim's effect is moved into, when the effect is what moves and not
    the state: "recession" for "country" of "the crisis plunged the country into recession".
    """
    if not effect:
        return None
    ids = {t.i for t in effect}
    heads = [t for t in effect if t.head.i not in ids or t.head == t]
    return state_entered(heads[0].head) if len(heads) == 1 and heads[0].dep_ == "dobj" else None


def _cost_of(rc) -> Optional[list]:
    """The words of the variable an effect of price names ("made imports more expensive":
    "cost of imports"), with the claim's sign turned to it; None for any other effect.

    The phrase is parsed on its own, so that the concept merges with other wordings of
    the cost ("import costs") and never with the thing itself ("imports").
    """
    found = priced(rc.effect)
    if found is None:
        return None
    noun, thing, factor = found
    phrase = parse([f"{noun} of {label_tokens(thing)}"])[0]
    phrase.user_data[DOCUMENT_NOUNS] = thing[0].doc.user_data.get(DOCUMENT_NOUNS, set())
    rc.polarity *= factor
    # The side's words become the thing's, as when the adjective was outside them: the
    # sign is on its cost now, and "plastic got really cheap" would read the other way.
    rc.effect = Side(thing, rc.effect.sign)
    return list(phrase)


def _toll_of(rc) -> Optional[list]:
    """The deaths a count of the dead stands for ("kill millions": the virus raises deaths),
    or the displacement or injuries a count of people stands for, with the claim's sign
    turned to them; None for any other effect (:func:`toll_name`). As for a cost, the
    words stay the side's text and a phrase of their own is the concept."""
    toll = toll_name(rc.effect.tokens)
    if toll is None:
        return None
    rc.polarity = -rc.polarity
    return list(parse([toll])[0])


def _framed_aside(tokens) -> bool:
    """Whether a side is the aside of "contrary to X", "according to X" or "unlike X", or
    a saying or foretelling that "as" sets beside the claim ("(prices fell,) just as the
    company had promised"): a view set beside the claim or the source it cites, never its
    cause or effect ("because, contrary to what many people think, a long war weakens him")."""
    if not tokens:
        return False
    doc, i = tokens[0].doc, tokens[0].i
    before = " ".join(t.lower_ for t in doc[max(0, i - 2):i])
    if before in ("contrary to", "according to") or i > 0 and doc[i - 1].lower_ == "unlike":
        return True
    heads = roots(tokens)
    return len(heads) == 1 and heads[0].lemma_.lower() in _SAYING_AS and any(
        c.dep_ == "mark" and c.lower_ == "as" for c in heads[0].children)


def _advice(tokens) -> bool:
    """Whether a side is a sentence's imperative ("[Order two new ships now], because every
    year of delay raises the bill"): what the speaker urges, which no cause brings about.
    (As a cause it can stand: "Strip out rebates and prices would fall".) Of twelve
    imperatives in the team's annotated text none was an effect. So is "a good time to X"
    ("Flu is in the news, so now is a good time for a reminder that ...")"""
    heads = roots(tokens)
    if len(heads) != 1:
        return False
    verb = heads[0]
    if any(t.lemma_.lower() in ("time", "moment") and any(
            c.dep_ == "amod" and c.lower_ in ("good", "right", "best", "ideal", "perfect") for c in t.children)
           for t in [verb] + [c for c in verb.children if c.dep_ == "attr"]):
        return True
    return verb.tag_ == "VB" and verb.dep_ == "ROOT" and verb.i == verb.sent.start and not any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "expl") for c in verb.children)


#: Verbs of saying or foretelling whose "as" clause only notes who said or foresaw it ("as
#: the ministry had predicted", "just as analysts warned"; the rules read "as I said" so).
_SAYING_AS = frozenset("say mention note explain write tell report expect predict forecast warn promise "
                       "fear hope plan suggest".split())


def _token_set(side) -> set:
    """Which tokens of which parse a side covers (sides of one document share the parses)."""
    return {(id(t.doc), t.i) for t in side.tokens}


def _phrase_set(side) -> set:
    """A side's tokens and the nouns that wrap it ("damage to" the economy, "a rise
    in" prices): the phrase a reader's span of the same side may cover instead."""
    out = _token_set(side)
    mine = {(id(t.doc), t.i) for t in side.tokens}
    for t in side.tokens:
        if t.pos_ in ("NOUN", "PROPN"):
            # "levies on steel from Brazil, Korea"; but not the nouns joined to the side's own
            # head: in "lead to malnutrition, unrest and hunger" each is a side of its own.
            top = t.head.i == t.i or (id(t.doc), t.head.i) not in mine
            out |= {(id(t.doc), d.i) for d in _noun_phrase(t, top=top)}
        while t.dep_ == "pobj" and t.head.dep_ == "prep" and (
                t.head.head.pos_ in ("NOUN", "PROPN") or t.head.head.lemma_.lower() in PART_WORDS):
            out |= {(id(t.doc), t.head.i), (id(t.doc), t.head.head.i)}
            t = t.head.head
    return out


def _noun_phrase(tok, top: bool = False):
    """The words of ``tok``'s noun phrase a side may leave out (its prepositional phrases and
    their conjuncts), but no clause: "rates, which slowed lending" stops at "rates". With
    ``top``, not the conjuncts of ``tok`` itself (other sides, not more of this one)."""
    for c in tok.children:
        if top and c.dep_ in ("conj", "cc", "punct"):
            continue
        if c.dep_ in ("prep", "pobj", "conj", "cc", "compound", "amod", "nummod", "poss", "det", "punct"):
            yield c
            yield from _noun_phrase(c)


def _which_read_twice(pending: list) -> list:
    """The claims, less a rule's where ", which" after the noun of a phrase with a
    preposition made that noun the cause, and the reader, reading the same effect, took
    the clause the phrase hangs on, or its subject or object: "The drought raised feed
    prices for cattle, which in turn pushed up beef prices" is not *cattle* but *feed
    prices*; "Farmers sold cattle to pay for feed, which lowered herd sizes", the selling.
    A relative "which" after a comma as often stands for the clause or its object as for
    the noun it follows, and the reader weighed the whole sentence."""
    by_sentence: dict = defaultdict(list)
    for item in pending:
        by_sentence[item[4]].append(item)
    dropped = set()
    for items in by_sentence.values():
        for x in items:
            rc = x[0]
            if rc.extra.get("read") or not rc.effect.tokens:
                continue
            noun = next((t for t in rc.cause.tokens if t.dep_ == "pobj" and any(
                v.dep_ == "relcl" and _which_after_comma(v) and rc.effect.tokens[0] in v.subtree
                for v in t.children)), None)
            if noun is None:
                continue
            verb = noun.head
            # ("!=", not "is not": spaCy makes a new token object at each access)
            while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
                verb = verb.head
            hung_on = {verb} | {c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "dobj")}
            effect = {(id(t.doc), t.i) for t in rc.effect.tokens}
            if any(y[0].extra.get("read") and effect & {(id(t.doc), t.i) for t in y[0].effect.tokens}
                   and hung_on & set(y[0].cause.tokens) for y in items):
                dropped.add(id(x))
    return [item for item in pending if id(item) not in dropped]


def _which_after_comma(relcl) -> bool:
    return any(c.dep_ == "nsubj" and c.lower_ == "which" and c.i and c.nbor(-1).text == "," for c in relcl.children)


def build(raw: RawInput, scale: str = "icd203", embed: Optional[bool] = None, extractor: str = "rules",
          aliases=None, progress: Optional[Callable[[str, int, int], None]] = None) -> Document:
    """Run the stages after ingest on decoded input."""
    if embed is None:
        from cogmap.extract import embed as embeddings

        embed = embeddings.available()
    debris = None
    if extractor == "learned":
        from cogmap.extract import embed as embeddings
        from cogmap.extract.debris import DebrisModel

        # (the debris the rules miss is told by the lines' embeddings: without the
        # embedding model, the rules clean alone)
        debris = DebrisModel.load() if embeddings.available() else None
    cleaned = clean(raw.text, title=raw.title, date=raw.date, debris=debris)
    if not cleaned.text.strip():
        raise InputError(f"{raw.source}: nothing is left once page debris is removed "
                         f"({len(cleaned.removed)} lines removed)")
    text = cleaned.text
    cleaned.paragraphs = _bounded(cleaned.paragraphs, text)
    docs = parse([_for_parser(text[a:b]) for a, b in cleaned.paragraphs], progress=progress)
    for (a, b), pdoc in zip(cleaned.paragraphs, docs):
        pdoc.user_data["original"] = text[a:b]  # labels quote the words as printed
    st = structure(cleaned, docs)

    said = _SpanIndex([(q.start, q.end, q.speaker) for q in st.quotes if q.speaker])
    attributed = _SpanIndex(list(st.attributions))
    turned = _SpanIndex([(t.start, t.end, t.speaker) for t in st.turns])

    def speaker_at(a: int, b: int) -> Optional[str]:
        return (said.containing(a) or said.starting_in(a, b) or attributed.containing(a)
                or turned.containing(a))

    turn_starts = sorted(t.start for t in st.turns)

    def past_tag(a: int, b: int) -> int:
        """Where a quote starts once the speaker tag that opens its sentence is left out
        ("Lindqvist: It did." quotes "It did.", said by the answer's speaker)."""
        k = bisect.bisect_right(turn_starts, a)
        # (A span across turns, a question and its answer, keeps the question's tag with it.)
        if k < len(turn_starts) and turn_starts[k] < b and not (k + 1 < len(turn_starts) and turn_starts[k + 1] < b):
            tag = text[a:turn_starts[k]].strip()
            if tag.endswith(":") and len(tag) <= 60 and "\n" not in tag:
                return turn_starts[k]
        return a

    merger = ConceptMerger(embed=embed, aliases=aliases)
    pending = []
    # The learned extractor: the trained reader decides which sentences state a cause
    # and which forecast (it tells a temporal "as/since/after" from a causal one, and
    # knows constructions no rule lists); the spans of a claim come from the parse-based
    # rules where they read the sentence, since the reader's own spans are less often a
    # concept phrase, and from the reader where the rules found nothing and it is sure.
    learned = extractor == "learned"
    refs = readings = None
    causal_p: dict = {}
    reading_at: dict = {}
    read_before: dict = {}  # the sentence the reader read before each, as its context
    learned_claims = []
    if learned:
        refs = sentences(cleaned.paragraphs, docs, text)
        readings = read_sentences(refs, progress=progress)
        causal_p = {(r.para, r.sent.start): rd.causal for r, rd in zip(refs, readings)}
        reading_at = {(r.para, r.sent.start): rd for r, rd in zip(refs, readings)}
        read_before = {(r.para, r.sent.start): refs[k - 1].sent for k, r in enumerate(refs) if k}
        learned_claims = surest_per_cause(claims_from(refs, readings, text))
    starts = [a for a, _ in cleaned.paragraphs]
    para_text_of = {id(d): text[pa:pa + len(d.text)] for (pa, _), d in zip(cleaned.paragraphs, docs)}
    para_start_of = {id(d): pa for (pa, _), d in zip(cleaned.paragraphs, docs)}
    all_sents = [x for d in docs for x in d.sents if x.text.strip()]
    sent_index = {(id(x.doc), x.start): k for k, x in enumerate(all_sents)}

    def changes_named(rc, start: int) -> int:
        """A bare "the decline" as a side stands for what declined, in the two sentences
        before (:func:`change_named`): that is the side's concept, the link's sign turned to
        it, while the side's words stay as written, "the decline", with the sign they bear
        on the concept (-1), as "unemployment" bears on employment. The evidence's start
        moves back to the sentence that tells of the change."""
        for role in ("cause", "effect"):
            side = getattr(rc, role)
            k = sent_index.get((id(side.tokens[0].doc), side.tokens[0].sent.start)) if side.tokens else None
            named = change_named(side, all_sents[max(0, k - 2):k][::-1]) if k is not None else None
            if named is not None:
                found, direction, where = named
                # (who says it is found where it is said, not where the change was told)
                rc.extra.setdefault("stated", (side.tokens[0].doc, start))
                rc.extra[f"{role}_as_written"] = side.text(para_text_of[id(side.tokens[0].doc)])
                rc.extra[f"{role}_named_sign"] = direction
                setattr(rc, role, Side(found.tokens, side.sign))
                rc.polarity *= direction
                start = min(start, para_start_of[id(where.doc)] + where.start_char)
        return start
    for _, _, qi, ai in _answered(st.turns, starts):
        # An answer's opening "It ..." may stand for the question's subject ("And hydrogen
        # changes that?" / "It cuts emissions by 90 percent."): the rules may look there.
        asked = [s for s in docs[qi].sents if s.text.strip()] if ai != qi else []
        if asked and asked[-1].text.rstrip().endswith("?"):
            docs[ai].user_data["question"] = asked[-1]
    # Sentences where a rule found a claim (by start offset), with the token sets of each
    # such claim's cause and effect.
    ruled: dict[int, list] = defaultdict(list)
    for k_para, ((pa, _), pdoc) in enumerate(zip(cleaned.paragraphs, docs)):
        for rc in find_claims(pdoc):
            sent0 = pdoc[rc.sent_index].sent
            if learned and rc.extra.get("purpose"):
                # An aim is not an effect (data/GUIDE.md): "they raised rates to curb
                # inflation" says what was wanted, not what happened. The rules path
                # keeps these as "possible" links. Held-out commentary link F1 0.682 ->
                # 0.689 (precision 0.689 -> 0.703, no link lost); spoken set 0.625 -> 0.631.
                continue
            # (A "not" in the effect clause counts as one here, and so does one that leaves the
            # link unproven, "does not prove that X raises Y": the reader's guide tags no
            # negated clause either way, so it is as unsure of those.)
            denial = rc.modality == "negated" or rc.extra.get("effect_not", False) or \
                bool({"not", "n't", "never"} & set((rc.hedge or "").split()))
            # A fixed phrase of attribution or benefit ("X is to blame for Y", "exporters
            # benefit from X") stands whatever the reader says, as a fixed forecasting phrase
            # does: it rarely saw them, and read some backwards. ("Suffering from X" often
            # only describes a state, "55 percent of the country is suffering from drought":
            # the reader still judges it.)
            # So does a link framed "is set to" or "is bound to" ("the port is set to boost
            # exports"): the reader, which reads "is likely / expected / poised to" well, reads
            # no cause at all under these two (P(causal) 0.01).
            fixed = rc.extra.get("fixed", False) or bool({"set", "bound"} & set((rc.hedge or "").split()))
            # So does a toll a thing takes ("the war has killed 300 people", "the floods displaced
            # thousands"): the reader reads no cause in most (P(causal) 0.008 for that one).
            # (Only the subject of the verb that takes the toll: in "fighting disrupted the
            # country, displacing millions" the country displaces no one.)
            fixed = fixed or learned and toll_name(rc.effect.tokens) is not None and _plain_causal_verb(rc) and \
                any(t.dep_ == "nsubj" and t.head.i == rc.extra.get("verb") for t in roots(rc.cause.tokens))
            if learned and not denial and not fixed and causal_p.get((k_para, sent0.start), 1.0) < RULE_CLAIM_CAUSAL \
                    and not _plain_causal_verb(rc):
                continue  # the reader says the sentence states no cause ("as", "since", "after" in time)
            # (A negated link is no claim to the reader, by its guide: the rules keep it as "negated".)
            rd = reading_at.get((k_para, sent0.start))
            if learned and rd is not None:
                # Each side in its own role: a rule that pairs two effects ("slowed increases
                # but pushed up rents": increases -> rents) or makes the actor the cause of
                # its act has a side the reader reads in the other role. Held-out commentary
                # link F1 0.689 -> 0.703 (precision 0.690 -> 0.712), spoken set 0.643 -> 0.646, both
                # read by the model trained without the held-out topics.
                # A sentence-opening "So" is as often a speaker's way of going on as a result
                # ("So structurally, the market looks like ..."): its link to the sentence before
                # stands only where the reader, which read that sentence too, sees the side
                # there. Explicit links ("As a result", "The upshot is", "It has cut" of an
                # answer) keep the benefit of the doubt: the reader misses many of those sides.
                before = read_before.get((k_para, sent0.start)) if rc.cue == "so" and rc.cross_sentence else None
                cause_p = _side_probability(rd, rc.cause, sent0, "cause", before)
                stood = _pronoun_subject(rc, pdoc)
                if stood is not None:
                    # "Critics denounce the plan since it raises rents": the rule's cause is the
                    # plan "it" stands for, and the reader, which does not resolve pronouns, reads
                    # the cause at the "it".
                    cause_p = max(cause_p, _side_probability(rd, Side([stood], 1), sent0, "cause"))
                effect_p = _side_probability(rd, rc.effect, sent0, "effect", before)
                if cause_p < RULE_SIDE <= EFFECT_ALONE <= effect_p and _no_cause_read(rd) and \
                        any(t.dep_ in ("nsubj", "nsubjpass") for t in roots(rc.cause.tokens)):
                    # The reader read the link, its trigger and its effect, and no cause at
                    # all: a subject it cannot place ("the windows were found to reduce
                    # noise"), not one it rejects. The rule's cause fills the gap; not a
                    # phrase of time ("suspended its membership after the coup").
                    cause_p = RULE_SIDE
                side_p = min(cause_p, effect_p)
                if side_p < RULE_SIDE and stood is not None and _plain_causal_verb(rc):
                    # The reader took the whole clause for one side of a link of its own
                    # ("denounce the plan since [it raises rents]"): the link the clause states
                    # stands beside that one, as sure as the reader is of the clause.
                    side_p = max(side_p, _within_one_side(rd, [stood, pdoc[rc.extra["verb"]], *rc.effect.tokens],
                                                          sent0))
                if side_p < (NEGATED_SIDE if denial else SO_BEFORE_SIDE if before is not None else RULE_SIDE) and not fixed:
                    # The reader sees no cause or effect in one side's words; for a negated
                    # claim, almost none (see NEGATED_SIDE).
                    continue
                # The reader's confidence in the rule's claim, on the scale of its own
                # claims' (weakest side times the root of P(causal)). Not a filter: on the
                # held-out commentary topics any bar from 0.4 up lost more links than wrong
                # ones (link F1 0.687 -> 0.680 at 0.4, 0.670 at 0.6; spoken set likewise).
                rc.extra["confidence"] = round(side_p * rd.causal ** 0.5, 3)
            sent = pdoc[rc.sent_index].sent
            prev = rc.extra.get("prev")
            a = pa + sent.start_char if prev is None else para_start_of[id(prev.doc)] + prev.start_char
            b = pa + sent.end_char
            while b > a and text[b - 1].isspace():
                b -= 1
            if prev is not None and prev.doc is not pdoc:
                rc.extra["speaker"] = speaker_at(b - 1, b)  # the answer's, not the question's
            a = changes_named(rc, a)
            if not (names_something(rc.cause.tokens) and (names_something(rc.effect.tokens) or
                                                          death_toll(rc.effect.tokens))) or \
                    across_a_time(rc.cause, rc.effect) or naming(rc.cause) or naming(rc.effect):
                continue
            opening = after_dateline(sent)
            if opening > sent.start and any(
                    all(t.doc is sent.doc and sent.start <= t.i < opening for t in side.tokens)
                    for side in (rc.cause, rc.effect)):
                continue  # "MARLOW FALLS — smoke forced ...": the dateline's place is no side
            if opening > sent.start:
                # nor part of one ("HARWELL - Dockworkers returned", parsed as one noun phrase)
                rc.cause, rc.effect = (Side([t for t in side.tokens if not (
                    t.doc is sent.doc and sent.start <= t.i < opening)], side.sign) for side in (rc.cause, rc.effect))
            ci = merger.add(rc.cause.tokens)
            ei = merger.add(_toll_of(rc) or _cost_of(rc) or rc.effect.tokens, label=rc.extra.get("effect_label"))
            if ci == ei:
                continue  # a variable does not cause itself within one sentence
            merger.linked(ci, ei)
            # Only a claim the rules keep stands in the way of the reader's in its sentence.
            # ("That erosion" as well as the wages it stands for: the reader reads the former)
            summed_from = _phrase_set(Side(rc.extra.get("summed_from", []), 1))
            held_by = _phrase_set(Side(rc.extra.get("effect_from", []), 1))
            ruled[pa + sent0.start_char].append((_phrase_set(rc.cause) | summed_from, _phrase_set(rc.effect) | held_by,
                                                 rc.modality == "counterfactual"))
            prob = _claim_probability(rc, scale)
            words_of = {role: rc.extra.get(f"{role}_as_written") or getattr(rc, role).text(
                para_text_of[id(getattr(rc, role).tokens[0].doc)]) for role in ("cause", "effect")}
            pending.append((rc, ci, ei, a, b, prob, words_of["cause"], words_of["effect"]))

    # "The increase in homicides is large. ... Others point to the bad economy": a cause named
    # as one, of the change the piece is about, a few sentences before.
    para_of = {id(d): k for k, d in enumerate(docs)}
    for topic, named, rc in topic_drivers(docs):
        if not (names_something(rc.cause.tokens) and names_something(rc.effect.tokens)):
            continue
        k = para_of[id(named.doc)]
        rd = reading_at.get((k, named.start))
        if rd is not None:
            rc.extra["confidence"] = round(_side_probability(rd, rc.cause, named, "cause") * rd.causal ** 0.5, 3)
        ci, ei = merger.add(rc.cause.tokens), merger.add(rc.effect.tokens)
        if ci == ei:
            continue
        merger.linked(ci, ei)
        a, b = starts[para_of[id(topic.doc)]] + topic.start_char, starts[k] + named.end_char
        while b > a and text[b - 1].isspace():
            b -= 1
        rc.extra["speaker"] = speaker_at(starts[k] + named.start_char, b)
        ruled[starts[k] + named.start_char].append((_phrase_set(rc.cause), _phrase_set(rc.effect), False))
        pending.append((rc, ci, ei, a, b, _claim_probability(rc, scale),
                        rc.cause.text(para_text_of[id(rc.cause.tokens[0].doc)]),
                        rc.effect.text(para_text_of[id(rc.effect.tokens[0].doc)])))
    ruled_starts = sorted(ruled)
    means_of: dict = {}  # id(parse) -> its verbs of means (_actor_of_means)
    for lc in learned_claims:
        if lc.confidence < OWN_CLAIM_CONFIDENCE:
            continue  # the reader is unsure of its own spans
        # (before the rules' claims are looked at: theirs name the change so too)
        moved = changes_named(lc.raw, lc.start) if lc.raw.cause.tokens and lc.raw.effect.tokens else lc.start
        # (Sorted starts and bisect: a scan of every ruled sentence per claim made long
        # documents quadratic.)
        k = bisect.bisect_left(ruled_starts, lc.start)
        here = [sides for r in ruled_starts[k:bisect.bisect_left(ruled_starts, lc.end)] for sides in ruled[r]]
        if here:
            # The rules read this sentence already: the reader adds a second link of it
            # ("X cuts Y, so Z") only when it is sure, and never one the rules have.
            c, e = _token_set(lc.raw.cause), _token_set(lc.raw.effect)
            # (The same link is the rule's cause and effect, either way round. One between two
            # words of a side is another, "the heat burns off the acidity" inside the cause of
            # "and that leaves the wine flat"; but not inside what a counterfactual says would
            # have been, "Without the dam, [the flood would have left the town under water]".)
            if lc.confidence < EXTRA_CLAIM_CONFIDENCE or any(
                    c & rc_ and e & re_ or c & re_ and e & rc_ or imagined and c & re_ and e & re_
                    for rc_, re_, imagined in here):
                continue
        rc = lc.raw
        if _actor_of_means(rc, means_of):
            continue  # the means is the cause, as for the rules ("by buying blocks")
        if _aim_as_cause(rc) or across_a_time(rc.cause, rc.effect) or only_when(rc.cause.tokens) or \
                only_where(rc.cause.tokens) or only_where(rc.effect.tokens):
            # an aim, a time ("in the wake of the holidays", "at a time when X"), a place
            # ("in the Kremlin"): no side
            continue
        effect_text, cause_text, start = lc.effect_text, lc.cause_text, lc.start
        summed = summed_up(rc.cause)
        if summed is not None:
            # "Those costs explain why Y" after "Rental fees climbed to 210 crowns": the fees.
            (found, before), sign = summed, summed[0].sign
            # (its direction is the sentence before's: "Real wages fell. That erosion ...")
            rc.cause, rc.polarity = Side(found.tokens, 1), rc.polarity * sign
            cause_text = rc.cause.text(para_text_of.get(id(before.doc)))
            start = min(start, para_start_of[id(before.doc)] + before.start_char)
        if moved < lc.start:
            start = min(start, moved)  # (the words stay the reader's, "the decline": changes_named)
        state = _state_entered_by(rc.effect.tokens)
        if state is not None:
            # The state entered is the effect, as for the rules ("into recession"), and it rises.
            rc.effect = np_side(state)
            rc.polarity = 1 if rc.cause.sign * rc.effect.sign > 0 else -1
            effect_text = rc.effect.text(para_text_of.get(id(state.doc)))
        ci = merger.add(rc.cause.tokens)
        cost = _toll_of(rc) or _cost_of(rc)
        if cost is not None:
            effect_text = rc.effect.text(para_text_of.get(id(rc.effect.tokens[0].doc)))
        ei = merger.add(cost or rc.effect.tokens)
        if ci == ei:
            continue
        merger.linked(ci, ei)
        prob = _claim_probability(rc, scale)
        rc.extra["confidence"] = lc.confidence
        rc.extra["read"] = True  # the reader's own claim, not a rule's
        # The claim is said in its own sentence, even when a side is in the one before
        # (an answer's "Because Y" to the interviewer's "Why X?").
        rc.extra["speaker"] = speaker_at(past_tag(lc.sent_start, lc.end), lc.end)
        pending.append((rc, ci, ei, start, lc.end, prob, cause_text, effect_text))

    # "Why X?" answered "Because Y.": the answer's reason causes the question's X; and
    # "What happens if X?" answered "Y would.": the question's X causes the answer's Y;
    # "What is driving X?" answered "Pay is the first thing.": pay causes X.
    for _, nxt, qi, ai in _answered(st.turns, starts):
        found = answered_reason(docs[qi], docs[ai]) or answered_hypothesis(docs[qi], docs[ai]) or \
            answered_driver(docs[qi], docs[ai])
        if found is None:
            continue
        q, ans, rc = found
        if not (names_something(rc.cause.tokens) and names_something(rc.effect.tokens)):
            continue
        in_answer = rc.effect if rc.effect.tokens[0].doc is docs[ai] and rc.cause.tokens[0].doc is not docs[ai] \
            else rc.cause
        rd = reading_at.get((ai, ans.start))
        if rd is not None:  # the reader read the answer with the question before it
            rc.extra["confidence"] = round(_side_probability(rd, in_answer, ans) * rd.causal ** 0.5, 3)
        ci, ei = merger.add(rc.cause.tokens), merger.add(rc.effect.tokens)
        if ci == ei:
            continue
        merger.linked(ci, ei)
        a = starts[qi] + q.start_char
        b = starts[ai] + ans.end_char
        while b > a and text[b - 1].isspace():
            b -= 1
        qtext = text[starts[qi]:starts[qi] + len(docs[qi].text)]
        atext = text[starts[ai]:starts[ai] + len(docs[ai].text)]
        rc.extra["speaker"] = nxt.speaker  # the claim is the answer's
        side_text = {id(docs[qi]): qtext, id(docs[ai]): atext}
        pending.append((rc, ci, ei, a, b, None, rc.cause.text(side_text[id(rc.cause.tokens[0].doc)]),
                        rc.effect.text(side_text[id(rc.effect.tokens[0].doc)])))
    # The same, asked and answered within one paragraph: "X. Why? Because Y."
    for k, pdoc in enumerate(docs):
        for q, ans, rc in reasons_in_turn(pdoc):
            if not (names_something(rc.cause.tokens) and names_something(rc.effect.tokens)):
                continue
            rd = reading_at.get((k, ans.start))
            if rd is not None:
                rc.extra["confidence"] = round(_side_probability(rd, rc.cause, ans) * rd.causal ** 0.5, 3)
            ci, ei = merger.add(rc.cause.tokens), merger.add(rc.effect.tokens)
            if ci == ei:
                continue
            merger.linked(ci, ei)
            first = min(q.start_char, rc.effect.tokens[0].sent.start_char)  # (a bare "Why?" asks of the one before)
            a, b = starts[k] + first, starts[k] + ans.end_char
            while b > a and text[b - 1].isspace():
                b -= 1
            rc.extra["speaker"] = speaker_at(starts[k] + ans.start_char, b)
            ptext = text[starts[k]:starts[k] + len(pdoc.text)]
            pending.append((rc, ci, ei, a, b, None, rc.cause.text(ptext), rc.effect.text(ptext)))
    pending = _which_read_twice(pending)
    pending.sort(key=lambda item: item[3])

    def _claim_reporter(rc, a: int) -> Optional[str]:
        # as a forecast of the same sentence finds its speaker, when the verb is one of saying
        pdoc = rc.cause.tokens[0].doc if rc.cause.tokens else None
        pdoc, a = rc.extra.get("stated", (pdoc, a))
        pa = para_start_of.get(id(pdoc))
        return None if pa is None else _subject_person(pdoc, a - pa, st.people, pa, speech=True, author=st.author)

    concepts = merger.concepts()
    # In a piece whose writer says "I", what no one else is said to say is the writer's.
    writer = st.author if st.voiced else None
    claims = []
    said_where: dict[tuple, list] = {}  # (cause, effect, sign) -> evidence spans: a link's repeats stay cheap to find
    for rc, ci, ei, a, b, prob, cause_text, effect_text in pending:
        cause, effect = concepts[merger.index[ci]], concepts[merger.index[ei]]
        if cause.id == effect.id or _framed_aside(rc.cause.tokens) or _framed_aside(rc.effect.tokens) or \
                _advice(rc.effect.tokens):
            continue
        a = past_tag(a, b)
        spans = said_where.setdefault((cause.id, effect.id, rc.polarity), [])
        if any(s < b and a < e for s, e in spans):
            continue  # one link read twice (by a rule and by the reader, or across a question)
        spans.append((a, b))
        # The link is between the concepts ("tariffs" lower employment); the claim keeps the
        # sign as its words state it ("tariffs" raise "unemployment"), as an analyst codes it.
        cause_sign = negation_sign(rc.cause.tokens) * rc.extra.get("cause_named_sign", 1)
        effect_sign = negation_sign(rc.effect.tokens) * rc.extra.get("effect_named_sign", 1)
        modality = rc.modality
        denied = _DENIED.match(text, b) if modality in ("asserted", "likely", "possible") else None
        if denied is not None:
            # "Some say the cap caused the rise. It did not.": a denial, as "the cap did not
            # cause the rise" is; its evidence holds the denial
            modality, b = "negated", denied.end()
        elif modality in ("asserted", "likely") and _DISPUTED.match(text, b):
            # "They say fuel pushed up fares. I doubt it.": a claim told to be doubted, as
            # "I doubt that fuel pushed up fares" would be
            modality, prob = "possible", hedges.probability(["doubt"], scale=scale)[0]
        claims.append(Claim(
            id=f"c{len(claims) + 1}",
            cause=Mention(concept=cause.id, label=cause.label, text=cause_text, sign=cause_sign),
            effect=Mention(concept=effect.id, label=effect.label, text=effect_text, sign=effect_sign),
            polarity=rc.polarity * cause_sign * effect_sign, modality=modality, tense=rc.tense, probability=prob,
            speaker=rc.extra.get("speaker") or speaker_at(rc.extra.get("stated", (None, a))[1], b)
            or _claim_reporter(rc, a) or writer,
            evidence=Evidence(text=text[a:b], start=a, end=b), confidence=rc.extra.get("confidence")))

    forecasts = []
    questions = [(t.start, t.end) for t in st.turns if t.kind == "question"]  # in order, apart
    question_starts = [qa for qa, _ in questions]
    # Indexes, so that linking forecasts to claims and concepts stays linear in the document.
    claim_starts = [c.evidence.start for c in claims]
    longest_evidence = max((c.evidence.end - c.evidence.start for c in claims), default=0)
    by_first_word: dict[str, list] = {}
    for con in concepts:
        for alias in {al.lower() for al in [con.label, *con.aliases] if len(al) > 3}:
            first = _WORD.findall(alias)
            if first:
                by_first_word.setdefault(first[0], []).append((alias, con.id))
    raw_forecasts = []
    reader_only: set = set()  # forecasts the reader found and no rule read
    for (pa, _), pdoc in zip(cleaned.paragraphs, docs):
        raw_forecasts += [(pa, pdoc, rf) for rf in find_forecasts(pdoc, scale=scale)]
    if learned:
        # The reader decides which sentences forecast; the rules read their details.
        ruled_forecasts = raw_forecasts
        raw_forecasts = forecast_sentences(refs, readings, raw_forecasts, scale=scale)
        raw_forecasts += _under_hypothesis(st, cleaned.paragraphs, starts, docs, ruled_forecasts, raw_forecasts)
    else:
        raw_forecasts += _under_hypothesis(st, cleaned.paragraphs, starts, docs, [], raw_forecasts)
    para_index = {id(d): k for k, d in enumerate(docs)}
    odds_only: set = set()  # forecasts whose event is the sentence before
    for pa, pdoc, rf in raw_forecasts:
        a, b = pa + rf.start, pa + rf.end
        a = past_tag(a, b)
        q = bisect.bisect_right(question_starts, a) - 1
        if q >= 0 and a < questions[q][1]:
            continue  # the interviewer's premise, not a forecast of the expert
        said_at = a
        event = _event_before(pdoc, rf, para_index, docs, cleaned.paragraphs)
        if event is not None:
            a = event  # "Capesize rates stay above $25,000. Call it a two-in-three chance."
        # Claims are sorted by evidence start: only those starting before b can overlap.
        near = claims[max(0, bisect.bisect_left(claim_starts, a - longest_evidence)):
                      bisect.bisect_left(claim_starts, b)]
        here = [c for c in near if a <= c.evidence.start < b or c.evidence.start <= a < c.evidence.end]
        low = text[a:b].lower()
        sides = [side for c in here for side in (c.cause, c.effect)]
        if rf.start > rf.sent_start or rf.end < rf.sent_end:
            # One clause of a sentence read as two forecasts: only the sides of its claims
            # whose words are in this clause are about it.
            sides = [m for m in sides if (m.text or m.label).lower() in low]
        ids = sorted({m.concept for m in sides})
        for word in dict.fromkeys(_WORD.findall(low)):  # in order, so the output is the same every run
            for alias, cid in by_first_word.get(word, ()):
                if cid not in ids and alias in low:
                    ids.append(cid)
        forecasts.append(Forecast(
            id=f"f{len(forecasts) + 1}", statement=text[a:b], concepts=ids, probability=rf.probability,
            hedge=rf.hedge, horizon=rf.horizon, condition=rf.condition,
            speaker=_a_forecaster(_holder(pdoc, rf.start, st.people)) or _a_forecaster(speaker_at(said_at, b))
            or turned.containing(said_at)
            or _a_forecaster(_subject_person(pdoc, rf.start, st.people, pa, author=st.author)) or writer,
            evidence=Evidence(text=text[a:b], start=a, end=b)))
        if rf.reader_only:
            reader_only.add(id(forecasts[-1]))
        if event is not None:
            odds_only.add(id(forecasts[-1]))
    forecasts = _odds_joined(forecasts, odds_only, text)

    # A yes/no question about the future, answered with a hedge ("Almost certainly, yes.").
    # (Indexes again: the forecasts by start, and the paragraphs, found by bisect.)
    forecasts.sort(key=lambda f: f.evidence.start)
    forecast_starts = [f.evidence.start for f in forecasts]
    longest_forecast = max((f.evidence.end - f.evidence.start for f in forecasts), default=0)
    replaced: set = set()
    answered = []
    for k, turn in enumerate(st.turns[:-1]):
        nxt = st.turns[k + 1]
        if turn.kind != "question" or nxt.kind != "answer":
            continue
        qi = bisect.bisect_right(starts, turn.start) - 1
        ai = bisect.bisect_right(starts, nxt.start) - 1  # a turn starts after its speaker label
        found = answered_forecast(docs[ai - 1] if ai - 1 >= qi else docs[qi], docs[ai], scale=scale)
        if found is None:
            continue
        q, ans, p, hedge = found
        qa_ = cleaned.paragraphs[ai - 1][0] + q.start_char if ai - 1 >= qi else cleaned.paragraphs[qi][0] + q.start_char
        b = cleaned.paragraphs[ai][0] + ans.end_char
        while b > qa_ and text[b - 1].isspace():
            b -= 1
        overlapping = [f for f in forecasts[bisect.bisect_left(forecast_starts, qa_ - longest_forecast):
                                             bisect.bisect_left(forecast_starts, b)]
                       if f.evidence.start < b and qa_ < f.evidence.end and id(f) not in replaced]
        if any(id(f) not in reader_only for f in overlapping):
            continue  # the answer is a forecast of its own already
        # A bare "Probably not." the reader called a forecast is the question's forecast.
        replaced |= {id(f) for f in overlapping}
        m = HORIZON.search(q.text)
        answered.append(Forecast(
            id=f"f{len(forecasts) + 1}", statement=text[qa_:qa_ + len(q.text.rstrip())], concepts=[],
            probability=p, hedge=hedge,
            horizon=m.group(0) if m else None, condition=None, speaker=nxt.speaker,
            evidence=Evidence(text=text[qa_:b], start=qa_, end=b)))
    forecasts = [f for f in forecasts if id(f) not in replaced] + answered
    forecasts.sort(key=lambda f: f.evidence.start)
    for n, f in enumerate(forecasts, 1):
        f.id = f"f{n}"

    # Concepts whose only claim was dropped (a side that named nothing, a self-link) go too.
    used = {m.concept for c in claims for m in (c.cause, c.effect)}
    concepts = [c for c in concepts if c.id in used]
    for f in forecasts:
        f.concepts = [cid for cid in f.concepts if cid in used]
    forecasts = headline_restated(forecasts, _title_span(cleaned))
    for n, f in enumerate(forecasts, 1):
        f.id = f"f{n}"
    claims, denials = denials_apart(claims)

    return Document(source=raw.source, title=cleaned.title, date=cleaned.date, text=text,
                    removed=raw.removed + cleaned.removed, turns=st.turns, quotes=st.all_quotes(), concepts=concepts,
                    claims=claims, denials=denials, forecasts=forecasts)
