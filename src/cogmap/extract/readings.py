"""The learned reader's spans, snapped to the parse: claims and forecast sentences.

The model (:mod:`cogmap.extract.learned`) says *where* a cause, an effect, a trigger
and a hedge are, and whether a link raises or lowers; the parse says what the
phrase there is. Each tagged span becomes the noun phrase (or clause) its
syntactic head heads, through the same :func:`~cogmap.extract.claims.np_side` and
:func:`~cogmap.extract.claims.clause_side` the rules use, so "falling oil prices"
is the variable *oil prices* going down and the link's sign flips with it.
Modality, tense and hedge words come from the parse around the trigger, as in the
rules; the evidence is the sentence (and the one before when a side is there).

Examples
--------
>>> import cogmap
>>> d = cogmap.extract("Lower interest rates boost demand for houses.", extractor="learned")
>>> [(c.cause.label, c.polarity, c.effect.label) for c in d.claims]
[('interest rates', -1, 'demand for houses')]
>>> cogmap.extract("Since March, the agency has hired 40 people.", extractor="learned").claims
[]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from cogmap.extract.clean import _QA_MARK, _SPEAKER_LABEL  # (a turn's label, which the reader never learned from)
from cogmap.extract.concepts import names_something
from cogmap.extract.claims import (RawClaim, Side, ability_sign, actors_move, clause_side, correlative, counted_object,
                                   death_toll, echo_clause, examples_of, even_clause, heads_a_clause,
                                   in_anonymity_request, level_side, modality_of, naming, np_side, resolve_anaphor,
                                   sign_on_object, so_that_aim, with_companions)
from cogmap.extract.claims import _conjuncts, _verb_group  # (joined nouns; the clause a verb's modality is read over)
from cogmap.extract.claims import _arrow_cuts  # (the arrows of a chain written "A → B → C")
# (verbs of inference: "falling sales suggest weaker demand" is evidence for the demand, not its cause)
from cogmap.extract.claims import _INFERRING
from cogmap.extract.claims import _TO_NOUN_PREPS, _TO_NOUNS, _judged_effect  # (nouns that act on their object)
from cogmap.extract.learned import Reader, Reading
from cogmap.extract.lexicon import (CAUSAL_VERBS, COMPARATIVE, DECREASE, FRAME_ONLY, INCREASE, LEVELS, PHRASAL_CAUSAL,
                                    SIGNED_MODIFIERS, STATE_ADJECTIVES)

__all__ = ["EXTRA_CLAIM_CONFIDENCE", "RULE_SIDE", "NEGATED_SIDE", "SentenceRef", "sentences", "read_sentences",
           "claims_from", "surest_per_cause", "forecast_sentences", "LearnedClaim"]

#: P(causal) a sentence needs before the reader's own claims in it are kept.
CAUSAL_THRESHOLD = 0.5
#: P(causal) below which the reader vetoes a rule's claim ("as", "since", "after" in time).
#: Lower than the reader's own bar: the rule's parse is evidence of a link too. Chosen on
#: nine commentary topics held out of training (benchmarks/commentary.py): with 0.3
#: instead of 0.5, link F1 0.616 against 0.618, link+sign F1 0.494 both, and more
#: recall on the development articles.
RULE_CLAIM_CAUSAL = 0.3
#: P(part of a cause) that some word of a rule's cause needs, and P(part of an effect)
#: some word of its effect: a side the reader does not see in that role is the parse's
#: mistake ("in turn" read as an effect, two effects paired as cause and effect). Held-out
#: commentary link F1, either role: 0.660 without, 0.665 at 0.05, 0.668 at 0.1, 0.666 at
#: 0.2 and 0.3; each side in its own role (later data and model): 0.697 at 0.05, 0.703
#: at 0.1, 0.711 at 0.2, 0.702 at 0.3, the spoken set best at 0.05-0.1 (0.646).
RULE_SIDE = 0.1
#: The same for a negated rule claim. The reader is trained to tag no negated link (the
#: guide codes none), yet it still half sees the sides of a real one ("the sanctions will
#: not lead to a change of course": 0.042 with the 6-epoch model) and not those of a
#: misparse ("when he says he wants to cut fares, it is not just talk": 0.016). Held-out
#: commentary link F1, 4-epoch model: 0.706 without, 0.710 at 0.05, 0.711 at 0.1 (which
#: drops real negated links too). The 6-epoch model is surer, so its side probabilities
#: of negated links fell: 0.717 at 0.05 and at 0.03 (one link more found), spoken and
#: constructions sets the same at both.
NEGATED_SIDE = 0.03
#: P(forecast) a sentence needs to be a forecast.
FORECAST_THRESHOLD = 0.5
#: A forecast the rules found (a future-marked main clause) stands where the reader gives
#: its sentence at least this. The reader, trained on few actors' moves ("Israel may
#: strike X"), is often unsure of a plain modal forecast: on held-out commentary topics
#: this floor took forecast recall from 0.87 to 0.93 at precision 0.87 -> 0.84 (0.05
#: cost more precision than it found). The 6-epoch model is surer, so the floor came down
#: with it: held-out forecast F1 0.883 at 0.2, 0.888 at 0.1, 0.872 at 0.05; spoken set
#: 0.919, 0.925, 0.930; constructions set 0.897, 0.899, 0.875. The 8-epoch model is surer
#: still: held-out 0.876 at 0.1, 0.882 at 0.05; spoken 0.925 at both; constructions 0.897,
#: 0.913; development forecasts 33 of 42 at both.
RULES_FORECAST_FLOOR = 0.05
#: Confidence a claim of the reader's own spans needs where the rules found none in its
#: sentence: its spans are less often a concept phrase than the rules' parse-based ones.
#: On the held-out commentary topics 0.6 finds 25 more of 520 links than 0.8 at about
#: the same precision (link F1 0.618 against 0.595).
OWN_CLAIM_CONFIDENCE = 0.6
#: Confidence a claim of the reader's own spans needs in a sentence where the rules found
#: another link ("X cuts Y, so Z": the rules read the first, the reader the second). On
#: the held-out commentary topics: never (the old rule) link F1 0.624, 0.9 0.632, 0.8
#: 0.639, 0.7 0.644 (recall 0.583 to 0.633, precision 0.671 to 0.656), 0.6 0.642.
EXTRA_CLAIM_CONFIDENCE = 0.7


@dataclass
class SentenceRef:
    """One sentence of the document: its paragraph, its parsed span, its place and words."""

    para: int
    sent: object  # spaCy Span in the paragraph's parse
    start: int  # offset in the document text
    end: int
    text: str  # the words as printed (the parse may have seen them lower-cased)


@dataclass
class LearnedClaim:
    raw: RawClaim
    start: int  # the evidence: from the sentence before when a side is there
    end: int
    sent_start: int  # the sentence that states the link
    cause_text: str
    effect_text: str
    confidence: float


def sentences(paragraphs, docs, text: str) -> list[SentenceRef]:
    """Every non-empty sentence, in order, with document offsets."""
    out = []
    for k, ((pa, _), pdoc) in enumerate(zip(paragraphs, docs)):
        for sent in pdoc.sents:
            a, b = pa + sent.start_char, pa + sent.end_char
            while b > a and text[b - 1].isspace():
                b -= 1
            if b > a:
                out.append(SentenceRef(k, sent, a, b, text[a:b]))
    return out


def read_sentences(refs: list[SentenceRef], reader: Optional[Reader] = None, progress=None) -> list[Reading]:
    """The reader's output for each sentence, with the sentence before it as context.

    A turn's speaker label ("Ann Lee: It has cut hours") is left out of what the reader
    reads, and its offsets are moved back past it: the reader learned from sentences
    without labels, and with one it read "It has cut hours rather than jobs" after "Has
    the rise cost jobs?" as causal but found neither side."""
    reader = reader or Reader.load()
    cut = [_label_length(r) for r in refs]
    items = [(refs[k - 1].text[cut[k - 1]:] if k else "", r.text[cut[k]:]) for k, r in enumerate(refs)]
    readings = reader.read_many(items, progress=(lambda done, total: progress("read", done, total))
                                if progress is not None else None)
    return [_shifted(rd, cut[k - 1] if k else 0, cut[k]) for k, rd in enumerate(readings)]


def _label_length(ref: SentenceRef) -> int:
    """The length of the speaker label or turn mark ("Q: ") that opens a paragraph's first sentence."""
    if ref.sent.start != 0:
        return 0
    m = _SPEAKER_LABEL.match(ref.text) or _QA_MARK.match(ref.text)
    return m.end() if m and m.end() < len(ref.text) else 0


def _shifted(rd: Reading, before: int, here: int) -> Reading:
    """The reading with its offsets moved on by ``before`` characters in the sentence before
    (segment 0) and ``here`` in this one (segment 1)."""
    if not (before or here):
        return rd

    def move(span):
        return None if span is None else (span[0] + (here if span[2] == 1 else before),
                                           span[1] + (here if span[2] == 1 else before), *span[2:])

    rd.spans = {k: [move(s) for s in v] for k, v in rd.spans.items()}
    for p in rd.pairs:
        p.cause, p.effect, p.trigger = move(p.cause), move(p.effect), move(p.trigger)
    rd.tokens = [(a + here, b + here, pc, pe) for a, b, pc, pe in rd.tokens]
    rd.context = [(a + before, b + before, pc, pe) for a, b, pc, pe in rd.context]
    return rd


_EDGE_POS = frozenset({"CCONJ", "PUNCT", "SPACE"})


def _side(ref: SentenceRef, a: int, b: int) -> Optional[Side]:
    """The parse's phrase at characters ``a:b`` of the sentence."""
    sent = ref.sent
    base = sent.start_char
    span = sent.doc.char_span(base + a, base + b, alignment_mode="expand")
    if span is None or not len(span):
        return None
    # A span that starts with "and" or a comma would be headed by the conjunction.
    i, j = span.start, span.end
    opening = after_dateline(sent)
    i = max(i, opening)
    while i < j and sent.doc[i].pos_ in _EDGE_POS:
        i += 1
    while j > i and sent.doc[j - 1].pos_ in _EDGE_POS:
        j -= 1
    if i == j:
        return None
    head = sent.doc[i:j].root
    roots = [t for t in sent.doc[i:j] if not i <= t.head.i < j or t.head == t]
    if len(roots) > 1:
        # Not one phrase ("give [you fewer pods]"): the root that holds most of the span's
        # words and names something, not a pronoun beside it.
        named = [t for t in roots if t.pos_ not in ("PRON", "DET", "ADP", "PART", "PUNCT")] or roots
        head = max(named, key=lambda t: (sum(1 for x in t.subtree if i <= x.i < j), t.i))
        doing = next((pc for r in roots if r.dep_ == "prep" and r.lower_ == "from"
                      and CAUSAL_VERBS.get(r.head.lemma_.lower()) == -1
                      for pc in r.children if pc.dep_ == "pcomp" and pc.pos_ == "VERB" and pc.i < j), None)
        if doing is not None:
            # "discourages [people from going into the streets]": what is stopped is the going,
            # not the people (the rules read "prevent X from doing Y" the same way).
            head = doing
    widened = False
    if j - i == 1:
        # A span of the modifier alone ("[warmer] surface water"): the noun it modifies is
        # the thing, and the modifier its direction or kind.
        while head.dep_ in ("amod", "compound") and head.head.pos_ in ("NOUN", "PROPN") and head.head.i >= j:
            head, widened = head.head, True
    if head.lemma_.lower() in ("time", "moment") and any(c.dep_ == "det" and c.lower_ in ("every", "each")
                                                          for c in head.children):
        # "[Every time they raised ticket prices], the lads stopped coming": the clause, not the time
        head = next((c for c in head.children if c.dep_ == "relcl" and c.i < j), head)
    if head.lower_ in COMPARATIVE and head.pos_ in ("ADV", "ADJ"):
        # "This pushed [inflation higher]", parsed with the noun a modifier of "higher": the
        # thing is the noun; "higher" is the link's direction, which its sign already reads.
        head = next((c for c in head.children if c.dep_ == "npadvmod" and i <= c.i < j
                     and c.pos_ in ("NOUN", "PROPN")), head)
    for t in sent.doc[i:j]:
        # A span of a level alone, or of the thing and its level without the verb between
        # ("Why are [prices high]?", "[reservoir levels that low]"): the thing, that way;
        # "high" is no concept. (Not "full", "idle": they name a state, "full hospital".)
        level = level_side(t) if t.lower_ in LEVELS else None
        if level is not None and level.tokens and (j - i == 1 or any(i <= x.i < j for x in level.tokens)):
            return level
    small_clause = head.pos_ == "ADJ" and head.dep_ == "ccomp" and any(c.dep_ == "nsubj" for c in head.children)
    side = clause_side(head) if heads_a_clause(head) or small_clause else np_side(head)  # "[food scarce]"
    if head.pos_ in ("VERB", "AUX") and not i <= head.head.i < j:
        # "[afford the homes]" of "are no longer able to afford the homes": the frame the
        # span left out still says which way the doing goes.
        side = Side(side.tokens, side.sign * ability_sign(head))
    inside = [t for t in side.tokens if i <= t.i < j]
    subject = _subject_short_of_object(head, i, j)
    if subject is not None:
        # A span that runs from a subject into its verb and stops before the verb's object
        # ("[The new law bans] the sale"): the tagger took in the link's verb; the side is
        # the subject ("[prices rose]", with nothing after the verb, stays the clause).
        side = np_side(subject)
    elif len(inside) * 2 < len(side.tokens) and not widened and \
            not (head.pos_ in ("NOUN", "PROPN") and head not in side.tokens):
        # The parse's phrase lies mostly outside the reader's span (a passive verb's
        # clause swallowing the clause before it): the span's own words are the side.
        # Not where the span's noun stands for another ("[a damper] on home sales",
        # "[most] of the harvest"): the parse's phrase is what the noun points to.
        side = Side(inside or [t for t in sent.doc[i:j] if not t.is_punct and t.pos_ != "DET"], side.sign)
    if opening > sent.start:
        side = Side([t for t in side.tokens if t.i >= opening], side.sign)  # "MARLOW - [Heavy rain]"
    return side if side.tokens else None


_DASHES = frozenset("—–-")


def after_dateline(sent) -> int:
    """The first token after a news dateline that opens the sentence ("MARLOW FALLS —",
    "GENEVA (Reuters) -"), else the sentence's first token: a place in capitals before a
    dash sets the scene and is no side of a link."""
    # (A wire's longer form too: "SARNIK, Valdoria, Oct 9 (Meridian Wire) - ": the place in
    # capitals first, then names, a date and the agency, all capitalised or numbers.)
    for t in sent[:14]:
        if t.text in _DASHES:
            words = [w for w in sent[:t.i - sent.start] if w.is_alpha]
            if words and words[0].is_upper and len(words[0]) > 1 and all(w.text[:1].isupper() for w in words):
                return t.i + 1
            break
        if not (t.text[:1].isupper() or t.is_punct or t.like_num):
            break
    return sent.start


def _subject_short_of_object(head, i: int, j: int):
    """The subject of a verb that ends the tokens ``i:j`` when they hold the subject and the
    verb's object lies after them; else None ("[filings to drop] in the second half" is a
    change, whose "in" is no object)."""
    if head.pos_ not in ("VERB", "AUX") or head.i != j - 1 or not any(
            c.i >= j and (c.dep_ in ("dobj", "ccomp", "xcomp", "oprd", "dative") or
                          c.dep_ == "prep" and (head.lemma_.lower(), c.lower_) in PHRASAL_CAUSAL)
            for c in head.children):
        return None
    return next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and i <= c.left_edge.i
                 and c.right_edge.i < j and c.pos_ not in ("PRON", "DET")), None)


def _within(side: Side, ref: SentenceRef, span) -> Side:
    """The side's words that lie in the reader's span ``(a, b, segment)`` of the sentence."""
    a, b = ref.sent.start_char + span[0], ref.sent.start_char + span[1]
    return Side([t for t in side.tokens if a <= t.idx < b], side.sign)


def _trigger_unsigned(side: Side, ref: SentenceRef, trigger) -> Side:
    """The side without the direction its noun's modifier gave it when that modifier is the
    reader's trigger: in "Higher fees lower demand" the tagger reads the verb "lower" as an
    adjective of "demand", so the side came out as demand going down, and the link's own
    sign, which the reader already took from "lower", counted it twice. (Only a noun's
    side took that direction: in "Dry summers reduced recharge" the tagger may make
    "recharge" a verb with "reduced" its modifier, and a verb's side is its event, unsigned.)"""
    a, b = ref.sent.start_char + trigger[0], ref.sent.start_char + trigger[1]
    kept = {t.i for t in side.tokens}
    for t in side.tokens:
        if t.pos_ in ("VERB", "AUX"):
            continue
        for c in t.children:
            if c.dep_ == "amod" and a <= c.idx < b and c.i not in kept and c.lower_ in SIGNED_MODIFIERS:
                return Side(side.tokens, side.sign * SIGNED_MODIFIERS[c.lower_])
    return side


def _described_thing(side: Side, ref: SentenceRef, trigger) -> Side:
    """The thing a relative clause describes when the cause read is the clause's other verb:
    in "The gas, which smells of rotten eggs and can cause headaches" the gas causes them,
    not the smell. A verb of change keeps its clause ("prices, which rose and hurt
    families": the rise is the cause)."""
    a, b = ref.sent.start_char + trigger[0], ref.sent.start_char + trigger[1]
    for v in side.tokens:
        if v.pos_ != "VERB" or v.dep_ != "relcl" or v.lemma_.lower() in INCREASE | DECREASE:
            continue
        if not any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP") for c in v.children):
            continue
        if any(c.dep_ == "conj" and a <= c.idx < b for c in v.children) and v.head.pos_ in ("NOUN", "PROPN"):
            return np_side(v.head)
    return side


def _beyond_the_object(trigger, cause: Side, effect: Side) -> bool:
    """Whether the effect lies outside the clause of a trigger verb that has an object of its
    own while the cause lies in it: "The gas, which can cause headaches, leaked from the
    plant" does not cause the plant. An effect is in the verb's phrase, or is what the
    verb's clause hangs on ("the damage that the storm caused"). (A cause outside the
    clause too means the reader tied the pair to another verb: "Prices climbed as the mills
    laid off crews, and demand kept them there".)"""
    objects = [c for c in trigger.children if c.dep_ == "dobj"]
    if trigger.pos_ != "VERB" or not objects or any(o.pos_ == "PRON" for o in objects) or not effect.tokens:
        return False  # ("kept them there": "them" stands for an effect named before)
    # (with the ancestors' own objects: the parser may hang the trigger's clause on the one
    # it feeds, "X will squeeze supply - which will boost prices")
    near = {t.i for t in trigger.subtree} | {t.i for a in trigger.ancestors for t in (a, *a.children)
                                              if t == a or t.dep_ in ("dobj", "nsubj", "nsubjpass", "attr")}
    mine = {t.i for t in effect.tokens}
    roots = [t for t in effect.tokens if t.head.i not in mine or t.head == t]
    if any(t.dep_ == "dep" for t in roots):
        return False  # the parser found no place for the effect's phrase ("made teaching [look] like")
    return any(t.i in near for t in cause.tokens) and not any(t.i in near for t in roots)


def _not_the_links(verb, trigger, cause: Optional[Side], effect: Optional[Side]) -> bool:
    """Whether every "not" of the link's clause is a side's own: on the verb of the effect's
    or the cause's clause where that verb is not the trigger ("the attacks won't stop,
    because ...": the attacks go on; "if a base isn't making money, it's gone"), or on the
    effect's own words ("when the coast is hot, we can't lean on imports"). "The tax did
    not reduce smoking", whose "not" is on the trigger, is denied."""
    negs = [c for v in _verb_group(verb) for c in v.children if c.dep_ == "neg"]
    if not negs:
        return False
    own = set()
    for side in (cause, effect):
        if side is not None and side.tokens:
            own |= {t.i for t in side.tokens}
            mine = {t.i for t in side.tokens}
            roots = [t for t in side.tokens if t.head.i not in mine or t.head == t]
            if len(roots) == 1:
                clause = _clause_of(roots[0])
                if clause.i != trigger.i:
                    own.add(clause.i)
    return all(n.head.i in own for n in negs)


def _clause_of(tok):
    """The verb of the clause a token is in."""
    while tok.pos_ not in ("VERB", "AUX") and tok.head != tok:
        tok = tok.head
    return tok


def _in_anothers_clause(cause: Side, effect: Side, causes: list, trigger=None) -> bool:
    """Whether the effect is another subject's doing, in a clause joined on to the cause's:
    in "A smaller tax base forces cuts, and higher property taxes push buyers away" the
    buyers are pushed by the taxes, not by the tax base. So it is where the reader read that
    subject as a cause (``causes``: its cause spans in the sentence, as characters), or
    where the link's trigger is a verb of the cause's clause ("makes" of "A shrinking budget
    makes defection cheaper, and each departure shows the others ..."). A connective may
    join both clauses to the cause ("Because the summers are hotter, and the grapes build
    up sugar faster"), and a pronoun subject may stand for it ("and that pushed prices up")."""
    if not cause.tokens or not effect.tokens or cause.tokens[0].doc is not effect.tokens[0].doc:
        return False
    mine = {t.i for t in effect.tokens}
    roots = [t for t in effect.tokens if t.head.i not in mine or t.head == t]
    verb = _clause_of(roots[0]) if len(roots) == 1 else None
    if verb is None or verb.dep_ != "conj" or any(t.i == verb.i for t in cause.tokens):
        return False
    if verb.head != _clause_of(min(cause.tokens, key=lambda t: t.i)):
        return False
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ not in ("NOUN", "PROPN") or subj.i in mine or any(t.i == subj.i for t in cause.tokens):
        return False
    at = subj.idx - subj.sent.start_char
    return any(a <= at < b for a, b in causes) or trigger is not None and trigger.pos_ == "VERB" and \
        trigger == verb.head


def _describes_the_subject(trigger, cause: Side) -> bool:
    """Whether the cause lies in a relative clause of the trigger verb's own subject, which
    only says what the subject is: in "Marvania, which supplies a quarter of the region's
    wheat, halted exports", the exports were halted by Marvania, not by the wheat."""
    for subj in (c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")):
        for clause in (c for c in subj.children if c.dep_ in ("relcl", "acl")):
            inside = {t.i for t in clause.subtree}
            if cause.tokens and all(t.i in inside for t in cause.tokens):
                return True
    return False


_CONCESSIVE = frozenset("although though whereas while albeit".split())


def _conceded(side: Side, trigger) -> bool:
    """Whether the side lies in a clause of concession or contrast ("although X", "while
    X", "even if X") or a "despite X" that the trigger is not in."""
    if not side.tokens:
        return False
    for t in [side.head, *side.head.ancestors]:
        if t.dep_ == "prep" and (t.lower_ in ("despite", "notwithstanding") or t.lower_ == "of" and
                                  t.head.lower_ == "spite"):
            # "despite the price rises, our share held steady" (the reader may call "despite" the trigger)
            return trigger == t or trigger not in t.subtree
        if t.dep_ != "advcl":
            continue
        if even_clause(t):
            return trigger not in t.subtree  # "even if national rates fall", "even when X"
        before = t.doc[t.left_edge.i - 1] if t.left_edge.i > t.sent.start else None
        # (the parser may hang the "while" on the main verb, just before the clause)
        if any(c.dep_ == "mark" and c.lower_ in _CONCESSIVE for c in t.children) or \
                before is not None and before.dep_ == "mark" and before.lower_ in _CONCESSIVE:
            return trigger not in t.subtree
    return False


def _subject_beside(verb, conceded: Side) -> Optional[Side]:
    """The subject of ``verb``, the clause that grants ``conceded``'s: "it" or "they" is the
    granting clause's subject ("Although tourism brings money, it strains ...")."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    if subject.lower_ in ("it", "they"):
        clause = next(t for t in [conceded.head, *conceded.head.ancestors] if t.dep_ == "advcl")
        subject = next((c for c in clause.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")), None)
        return None if subject is None else np_side(subject)
    return None if subject.pos_ == "PRON" else np_side(subject)


def _held_until(cause: Side):
    """The verb of the state a cause's "until" clause ends ("prices will remain high [until
    there is enough power]": "remain"), or None."""
    tops = [t for t in cause.tokens if t.head not in cause.tokens]
    for t in tops[:1]:
        for v in [t, *t.ancestors]:
            if v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("until", "till") for c in v.children):
                return v.head if v.head.pos_ in ("VERB", "AUX") else None
    return None


def _dependence_only(cause: Side) -> bool:
    """Whether a cause is only what something depends on: "depending on the weather", "it
    depends on the weather" say it matters, not which way."""
    tops = [t for t in cause.tokens if t.head not in cause.tokens]
    return any(t.dep_ == "pobj" and t.head.lower_ in ("on", "upon") and t.head.head.lemma_.lower() == "depend"
               for t in tops)


#: Nouns of an effect, and the words that say there was none of it.
_EFFECT_NOUNS = frozenset("effect impact influence bearing".split())
_NONE = frozenset("no negligible little minimal marginal scant zero nil".split())


def _no_effect_on(effect: Side) -> bool:
    """Whether a side is what something had no effect on: "[current energy prices]" of
    "climate policies have had negligible impact on current energy prices"."""
    tops = [t for t in effect.tokens if t.head not in effect.tokens]
    if len(tops) != 1 or tops[0].dep_ != "pobj" or tops[0].head.lower_ not in ("on", "upon"):
        return False
    noun = tops[0].head.head
    return noun.lemma_.lower() in _EFFECT_NOUNS and any(
        c.dep_ in ("amod", "det") and c.lower_ in _NONE for c in noun.children)


def _echo(side: Side) -> bool:
    """Whether a side holds a clause that only echoes another's verb (:func:`echo_clause`)."""
    return any(echo_clause(t) for t in side.tokens)


def _reflected(cause: Side, effect: Side) -> bool:
    """Whether the reader took "X reflects Y" as X acting on Y: a thing reflects its cause."""
    tops = [t for t in cause.tokens if t.head not in cause.tokens]
    top = tops[0] if len(tops) == 1 else None
    while top is not None and top.dep_ == "conj" and top.head != top:
        top = top.head  # ("Heat and [flooding] reflect X": the first of the subjects)
    verb = top.head if top is not None and top.dep_ == "nsubj" else None
    return verb is not None and verb.lemma_.lower() == "reflect" and any(
        t.dep_ == "dobj" and t.head == verb for t in effect.tokens + [x for e in effect.tokens for x in e.ancestors])


#: Subjects that stand for the sentence before: "So all of this points to ...".
_BEFORE_WORDS = frozenset("this that these those it all which everything".split())


def _inferred(cause: Side, effect: Side, cause_before: bool) -> bool:
    """Whether the reader took an inference for a link: the effect is what a verb of
    inference (:data:`claims._INFERRING`) concludes, and the cause is its subject, or the sentence before
    where that subject is "this" or "all of that" ("Exports fell. So all of this points
    to a weaker economy"). A link inside what is concluded ("data suggest that X raises
    Y") is not touched: its cause is no subject of the verb.
    """
    if cause_before and effect.tokens:
        # Read by the words, not the parse: the small parser takes "all of this points to"
        # for a pronoun and a noun. Before the effect: a connective, "this" or "all of that",
        # adverbs, and one verb of inference.
        sent = effect.tokens[0].sent
        start = min(t.left_edge.i for t in effect.tokens)  # ("a weaker economy": its words too)
        words = [t for t in sent if t.i < start and not (t.is_punct or t.is_space)]
        verbs = [t for t in words if t.lemma_.lower() in _INFERRING or t.lower_.rstrip("s") in _INFERRING]
        rest = [t for t in words if t not in verbs and t.lower_ not in ("so", "and", "but", "to", "that")]
        if len(verbs) == 1 and rest and all(t.lower_ in _BEFORE_WORDS or t.pos_ in ("DET", "ADP", "ADV", "AUX")
                                            for t in rest):
            return True
    for verb in {a for e in effect.tokens for a in e.ancestors if a.pos_ == "VERB"} - set(effect.tokens):
        if verb.lemma_.lower() not in _INFERRING or verb.lemma_.lower() == "point" and not any(
                c.dep_ == "prep" and c.lower_ == "to" for c in verb.children):
            continue
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or any(subject in e.ancestors or subject == e for e in effect.tokens):
            continue
        words = list(subject.subtree)
        if cause_before:
            if all(w.lower_ in _BEFORE_WORDS or w.pos_ in ("DET", "ADP", "PRON") for w in words):
                return True
        elif any(t in words for t in cause.tokens):
            return True
    return False


def _what_it_was_made_to_do(cause: Side, effect: Side) -> Side:
    """The effect of "X led banks to cut lending", "X helped farmers survive the drought":
    what the object was brought to do, not the object (the reader takes the banks, or the
    drought, for what X acts on)."""
    tops = [t for t in effect.tokens if t.head not in effect.tokens or t.head == t]
    if len(tops) != 1:
        return effect

    def caused_by_cause(verb):
        return verb.pos_ == "VERB" and any(c.dep_ == "nsubj" and c in cause.tokens for c in verb.children)

    top, done = tops[0], None
    # (an infinitive, "to cut", "survive": not a state, "keeps rates elevated")
    if top.dep_ == "dobj" and caused_by_cause(top.head):
        # "led [banks] to cut lending"
        done = next((c for c in top.head.children if c.dep_ in ("xcomp", "ccomp") and c.i > top.i and c.tag_ == "VB"),
                    None)
    elif top.dep_ == "dobj" and top.head.dep_ in ("xcomp", "ccomp") and top.head.tag_ == "VB" and \
            caused_by_cause(top.head.head) and any(c.dep_ == "nsubj" for c in top.head.children):
        # "helped farmers survive [the drought]": the parser's subject of "survive"
        done = top.head
    elif top.dep_ == "nsubj" and top.head.dep_ in ("xcomp", "ccomp") and top.head.tag_ == "VB" and \
            caused_by_cause(top.head.head):
        done = top.head  # "helped [farmers] survive the drought"
    if done is None:
        return effect
    side = clause_side(done)
    return side if side.tokens else effect


def _listed_together(cause: Side, effect: Side) -> bool:
    """Whether the two sides are subjects of one list ("A, B and C are behind X"): the reader
    sometimes pairs two of them; what a list joins plays one part."""
    def top(side):
        tops = [t for t in side.tokens if t.head not in side.tokens or t.head == t]
        t = _of_whole(tops[0]) if len(tops) == 1 else None  # ("a lack of [labor]": the lack)
        while t is not None and t.dep_ == "conj" and t.head != t:
            t = t.head
        return t
    a, b = top(cause), top(effect)
    # (a list of subjects: an object "list" is as often a misparse of verbs, "exposed peat
    # oxidises and releases carbon")
    return a is not None and a == b and a.pos_ in ("NOUN", "PROPN") and a.dep_ in ("nsubj", "nsubjpass")


#: Verbs that compare one quantity with another and change neither: "demand is outstripping
#: supply" says nothing of what moves supply.
_COMPARING = frozenset("outstrip outpace exceed surpass overtake outrun outnumber outweigh eclipse dwarf "
                       "outgrow outperform".split())


def _compared_with(effect: Side) -> bool:
    """Whether the effect is only what something else is compared with: the object of
    "outstrip", "outpace", "exceed" ("demand is far outstripping [supply], as more products
    need chips": the reader made supply the products' effect)."""
    tops = [t for t in effect.tokens if t.head not in effect.tokens or t.head == t]
    return len(tops) == 1 and tops[0].dep_ == "dobj" and tops[0].head.lemma_.lower() in _COMPARING


def _sibling_results(cause: Side, effect: Side) -> bool:
    """Whether the sides are the objects of two participles joined as one list of results:
    in "the planet is warming, drying out forests and creating conditions that ...", the
    warming does both; the first result is no cause of the second."""
    def verb_of(side):
        tops = [t for t in side.tokens if t.head not in side.tokens or t.head == t]
        t = tops[0] if len(tops) == 1 else None
        while t is not None and t.pos_ not in ("VERB", "AUX") and t.head != t:
            t = t.head
        return t
    a, b = verb_of(cause), verb_of(effect)
    # (the cause an object: in "malnutrition is soaring and is claiming lives" the subject of
    # both does the second)
    objects = a is not None and b is not None and \
        not any(t.dep_ in ("nsubj", "nsubjpass") and t.head in (a, b) for t in cause.tokens)
    return objects and a != b and a.tag_ == b.tag_ == "VBG" and \
        (b.dep_ == "conj" and b.head == a or a.dep_ == "conj" and a.head == b) and \
        not any(t.lower_ in ("thus", "thereby", "so", "hence") for t in (a.doc[min(a.i, b.i):max(a.i, b.i)]))


def _coordinated(side_host, span, sent) -> list:
    """A side and the nouns joined to it in the reader's span, each a side of its own:
    "[Drought and heat] cut yields" is two links, as the rules read "X and Y" (the parse's
    phrase of a noun keeps one of them)."""
    side, host = side_host
    tops = [t for t in side.tokens if t.head not in side.tokens or t.head == t]
    if sent is None or len(tops) != 1 or tops[0].pos_ not in ("NOUN", "PROPN") or tops[0].sent != sent:
        return [side_host]  # (a pronoun's antecedent elsewhere: the span's words are not its)
    base = sent.start_char
    out = [side_host]
    # What the side's phrase says of the first noun beyond its own words goes for each: a
    # wrapping noun's way ("harmful consequences for [farmers] and ranchers") or the side's
    # verb's ("people have lost their [livelihoods] and wealth").
    around = side.sign * np_side(tops[0]).sign
    for c in _conjuncts(tops[0])[1:]:
        if base + span[0] <= c.idx < base + span[1] and c not in side.tokens:
            s = np_side(c)
            if s.tokens and names_something(s.tokens):
                out.append((Side(s.tokens, s.sign * around), host))
    return out


def _acted_on_by_noun(span) -> Optional[int]:
    """The way a noun outside the effect's words acts on it, when the effect is that noun's
    object: "The best remedy against [high prices] is X" lowers prices, "X is a drag on
    [growth]" lowers growth, whatever the reader's sign head says (it read the remedy as
    raising: a rare frame in what it learned from). The nouns and their prepositions are
    the rules' (``_TO_NOUNS``)."""
    root = span.root
    prep = root.head if root.dep_ == "pobj" else None
    noun = prep.head if prep is not None and prep.dep_ == "prep" else None
    if noun is None or noun.i in range(span.start, span.end) or noun.pos_ != "NOUN":
        return None
    lemma = noun.lemma_.lower()
    if lemma not in _TO_NOUNS or prep.lower_ not in _TO_NOUN_PREPS.get(lemma, ("to", "on", "for")):
        return None
    return _TO_NOUNS[lemma]


def _judged_way(effect: Side):
    """``(way, in the side's sign)`` when the effect is what an effect noun an adjective
    judges bears on ("harmful consequences for [farmers]", and each noun listed with it);
    else None."""
    tops = [t for t in effect.tokens if t.head not in effect.tokens or t.head == t]
    if len(tops) != 1:
        return None
    first = tops[0]
    while first.dep_ == "conj" and first.head != first:
        first = first.head
    if first.dep_ != "pobj" or first.head.dep_ != "prep":
        return None
    judged = _judged_effect(first.head.head)
    if judged is None or judged[0] != first:
        return None
    way = judged[1]
    return way, effect.sign == way * np_side(tops[0]).sign


def _moved_by_its_verb(span) -> Optional[int]:
    """The way a verb of change outside the effect's words moves it, when the effect is its
    subject: "With wage growth sluggish, [the chances of a hike] continue to diminish" lowers
    the chances, "[exports] fell after the strike" and "[births] tend to fall" lower them. The
    sentence says which way the effect went, so the reader's sign head (which read "With" as
    raising) gives way. None where the effect names no such subject, or the verb is denied
    or asked about."""
    head = span.root
    if head.dep_ != "nsubj" or head.head.i in range(span.start, span.end):
        return None
    verb = head.head
    if verb.lemma_.lower() in ("keep", "continue", "begin", "start", "tend", "seem", "appear"):
        verb = next((x for x in verb.children if x.dep_ == "xcomp" and x.pos_ == "VERB"), verb)
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in INCREASE and lemma not in DECREASE or \
            any(c.dep_ in ("neg", "dobj") for c in (*verb.children, *head.head.children)):
        return None  # ("exports did not fall"; "it gained ground" has an object of its own)
    return 1 if lemma in INCREASE else -1


def _verb_sign(trigger, effect: Side, same_sentence: bool) -> Optional[int]:
    """The sign a plain transitive causal verb gives its object, when the effect is that
    object: "It accelerated retirements" raises them, whatever the reader's sign head
    says (it learned rarer verbs from few examples). None for verbs whose sign depends on
    their frame or particle ("make", "push up"), and for any other construction."""
    lemma = trigger.lemma_.lower()
    if not same_sentence or trigger.pos_ != "VERB" or any(c.dep_ == "neg" for c in trigger.children) \
            or not effect.tokens:
        return None
    objects = [c for c in trigger.children if c.dep_ == "dobj"]
    mine = {t.i for t in effect.tokens}
    if len(objects) != 1 or objects[0].i not in mine or any(c.dep_ in ("xcomp", "ccomp", "dative")
                                                            for c in trigger.children):
        return None
    # "puts more crews out of work", "drive young workers away": the particle's sign
    phrasal = [PHRASAL_CAUSAL[lemma, c.lower_] for c in trigger.children
               if c.dep_ in ("prt", "prep", "advmod") and PHRASAL_CAUSAL.get((lemma, c.lower_))]
    if phrasal:
        return phrasal[0]
    if lemma not in CAUSAL_VERBS and counted_object(trigger, objects[0]) is not None:
        # "a darker surface absorbs [more sunlight]": no verb of change, the word of how many
        # says the way, and the effect's side carries it (the sign head read "absorb" as
        # lowering, as in "absorb the shock").
        return 1
    if lemma in FRAME_ONLY or lemma not in CAUSAL_VERBS or any(c.dep_ == "prt" for c in trigger.children):
        return None
    return sign_on_object(lemma, objects[0])


_TIME_PREPS = frozenset("since until till before during".split())


def _a_time(side: Side) -> bool:
    """Whether the side is the object of a preposition of time ("since the war", "before
    the election"): a point in time the other side is dated from, not its cause."""
    roots = [t for t in side.tokens if t.head not in side.tokens or t.head == t]
    return bool(roots) and all(t.dep_ == "pobj" and t.head.lower_ in _TIME_PREPS for t in map(_of_whole, roots))


def _of_whole(tok):
    """The noun a phrase of "of" hangs from: "since the downturn of [the pandemic]" dates
    from the pandemic's downturn as much as "since the downturn" does."""
    while tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.pos_ in ("NOUN", "PROPN"):
        tok = tok.head.head
    return tok


#: Verbs whose infinitive says what their subject is for or after, not what it brings about.
_AIMING = frozenset("exist aim seek try intend plan want hope strive design mean attempt".split())


def _an_aim(side: Side, other: Side) -> bool:
    """Whether the side is an infinitive of purpose and the other side the clause it is
    the purpose of: "they arrived [to protect the mines]", "pricing exists [to pull
    generators onto the grid]". An aim is not an effect, nor a cause (data/GUIDE.md);
    "forced farmers to sell" is an effect, and "the rush to build furnaces" a noun's."""
    roots = [t for t in side.tokens if t.head not in side.tokens or t.head == t]
    if len(roots) != 1 or not other.tokens or other.tokens[0].doc is not roots[0].doc:
        return False
    verb = roots[0]
    while verb.pos_ not in ("VERB", "AUX") and verb.dep_ in ("dobj", "pobj", "prep", "compound", "nsubj", "nsubjpass") \
            and verb.head != verb:
        verb = verb.head  # ("to pull [every available generator]": the object of the aim)
    if verb.dep_ == "advcl" and so_that_aim(verb, verb.head):
        # "... so that small farmers are not made worse off"
        aim = {t.i for t in verb.subtree}
        return any(t.i not in aim and t.i in {x.i for x in verb.head.subtree} for t in other.tokens)
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if verb.pos_ not in ("VERB", "AUX") or to is None or to.i == 0:
        return False
    before = to.nbor(-1)
    if before.pos_ == "NOUN" and before.ent_type_ not in ("DATE", "TIME"):
        return False  # "the rush to build", parsed as a purpose: the noun's (not "in March to protect")
    head = verb.head
    if not (verb.dep_ == "advcl" and head.lemma_.lower() not in CAUSAL_VERBS and head.lemma_.lower() not in FRAME_ONLY
            or verb.dep_ == "xcomp" and head.lemma_.lower() in _AIMING):
        return False
    aim = {t.i for t in verb.subtree}
    main = {t.i for t in head.subtree} - aim
    return any(t.i in main for t in other.tokens)


def _clause_verb(tok):
    """The verb whose clause a token belongs to (for modality and tense)."""
    t = tok
    for _ in range(8):
        if t.pos_ in ("VERB", "AUX"):
            return t
        if t.head == t:
            break
        t = t.head
    return tok.sent.root


#: Words by which a sentence points back to the one before it.
_TIES = frozenset("this these those it its they them their such so thus therefore hence consequently result "
                  "because why which turn then accordingly".split())


def _tied_to_before(ref: SentenceRef, prev: Optional[SentenceRef]) -> bool:
    """Whether a sentence points back to the one before it: an answer to a question, or a
    word of reference or consequence ("That is why", "As a result", "It has cut")."""
    if prev is None:
        return False
    if prev.text.rstrip().endswith("?"):
        return True
    if prev.para != ref.para and len(list(prev.sent.doc.sents)) == 1 and \
            not any(t.pos_ in ("VERB", "AUX") for t in prev.sent):
        return False  # a heading ("Sales") names the topic; it states nothing to point back to
    words = [t for t in ref.sent if not (t.is_punct or t.is_space)]
    # ("because" ties only as an answer opens on it, "Because the harvest failed.": inside
    # a sentence, "fell because of the strike", its reason is there)
    return any(t.lower_ in _TIES and (t.lower_ != "because" or k < 3 and _only_a_reason(t, words))
               or t.lower_ == "that" and t.dep_ != "mark" for k, t in enumerate(words))


def _only_a_reason(because, words) -> bool:
    """Whether a sentence opening on "because" is only the reason, as an answer gives it
    ("Because the harvest failed.", "Because of the drought."), not a reason with the
    sentence's own main clause ("Because of the strike, imports fell")."""
    if because.dep_ == "mark":
        return because.head == because.sent.root
    inside = {t.i for t in because.subtree}
    return all(t.i in inside for t in words)


def claims_from(refs: list[SentenceRef], readings: list[Reading], text: str) -> list[LearnedClaim]:
    """Claims from the readings: each decoded pair whose sides both name something."""
    out = []
    seen = set()
    for k, (ref, rd) in enumerate(zip(refs, readings)):
        if rd.causal < CAUSAL_THRESHOLD or ref.text.rstrip().endswith("?"):
            continue  # a question asserts no link (its answer may, with the question as context)
        prev = refs[k - 1] if k else None

        def side_at(a, b, seg):
            host = ref if seg == 1 else prev
            side = None if host is None else _side(host, a, b)
            if side is not None:
                # "it", "this", "the move": the side is what the pronoun stands for.
                side, before = resolve_anaphor(side, host.sent)
                if before is not None:
                    same = host is ref and prev is not None and prev.sent.doc is before.doc \
                        and prev.sent.start == before.start
                    host = prev if same else None
            return None if host is None or side is None else (side, host)

        tied = _tied_to_before(ref, prev)
        for pair in rd.pairs:
            if (pair.cause[2] == 0 or pair.effect[2] == 0) and not tied:
                # A side in the sentence before, with nothing in this one that points back to
                # it ("this", "so", "as a result", an answer to "Why?"): two statements side
                # by side, not one link ("The noise scares off tourists. / Rising rents priced
                # artists out" made the noise drive the artists out).
                continue
            if pair.cause[2] == 0 and pair.effect[2] == 0:
                # Both sides in the sentence before, read as context: that sentence's own
                # reading says whether it holds a link ("The West no longer respects the red
                # lines. And this goes against ..." made the West an effect of its own act).
                continue
            sides = [side_at(*pair.cause), side_at(*pair.effect)]
            if sides[1] is not None and (sides[0] is None or not names_something(sides[0][0].tokens)):
                # The nearest cause names nothing ("by [some 12 percent]", a cause read in
                # pieces): the next cause of the sentence that does, as the reader paired it
                # with this effect and trigger (its sign is the pair's: the trigger's).
                for a, b, seg, _p in _other_causes(rd, pair):
                    alt = side_at(a, b, seg)
                    if alt is not None and names_something(alt[0].tokens):
                        sides[0] = alt
                        break
            if any(s is None or s[0] is None for s in sides):
                continue
            in_sent = {1: ref.sent, 0: prev.sent if prev is not None else None}
            for (cause, c_ref), (effect, e_ref) in [
                    ((c, c_ref), (e, e_ref))
                    for c0, c_ref in _coordinated(sides[0], pair.cause, in_sent[pair.cause[2]])
                    for e0, e_ref in _coordinated(sides[1], pair.effect, in_sent[pair.effect[2]])
                    # ("several factors, including A and B": A, and B)
                    for c in (x for c1 in examples_of(c0) for x in with_companions(c1)) for e in examples_of(e0)]:
                if not (names_something(cause.tokens) and (names_something(effect.tokens) or death_toll(effect.tokens))):
                    continue  # a bare "it" or "this" is no concept: the claim is dropped (a count of the dead is its deaths)
                if c_ref is e_ref and set(t.i for t in cause.tokens) & set(t.i for t in effect.tokens):
                    # The parse's phrases overlap where the reader's spans do not (a headline's
                    # "Drought forces farmers to leave" parsed as one noun phrase): keep each
                    # side to the words of its own span.
                    cause = _within(cause, c_ref, pair.cause)
                    effect = _within(effect, e_ref, pair.effect)
                    if not (names_something(cause.tokens) and (names_something(effect.tokens) or death_toll(effect.tokens))) \
                            or set(t.i for t in cause.tokens) & set(t.i for t in effect.tokens):
                        continue
                if e_ref is prev and c_ref is ref and pair.effect[2] == 0:
                    effect = _as_asked(effect, prev, pair.effect)
                if any(_a_time(side) for side in (cause, effect)):
                    continue  # "the rise in diesel prices since [the war]": when, not what
                if c_ref is ref and _echo(cause):
                    continue  # "rates will fall, [as they have for decades]": a comparison, no cause
                if any(_set_aside(side) for side in (cause, effect)):
                    continue  # "raised feed costs instead of [grain prices]": what it did not do
                if c_ref is ref and e_ref is ref and _across_arrows(cause, effect, ref.sent):
                    continue  # "A → B → C" links A to B and B to C; the rules read each arrow
                if c_ref is e_ref:
                    effect = _what_it_was_made_to_do(cause, effect)
                if c_ref is e_ref and _listed_together(cause, effect):
                    continue  # "Shipping delays and a lack of labor are behind X": two causes, not one of the other
                if c_ref is e_ref and _sibling_results(cause, effect):
                    continue  # "warming, drying out forests and creating X": two results of one cause
                if e_ref is ref and _compared_with(effect):
                    continue  # "demand is outstripping [supply]": a comparison moves nothing
                if any(naming(side) for side in (cause, effect)):
                    continue  # "skeptical to call this a revolution due to X": a word chosen, no variable
                if c_ref is ref and _dependence_only(cause):
                    continue  # "Depending on the weather, there could be X": no way of its own
                if e_ref is ref and _no_effect_on(effect):
                    continue  # "X had negligible impact on Y": a denial, no link
                if e_ref is ref and _inferred(cause, effect, c_ref is not ref):
                    continue  # "Sales fell. That suggests weaker demand": evidence for it, not its cause
                if c_ref is ref and e_ref is ref and _reflected(cause, effect):
                    # "Higher bread prices reflect the poor harvest": what reflects is the effect
                    cause, effect = effect, cause
                if _an_aim(cause, effect) or _an_aim(effect, cause):
                    continue  # "arrived in March [to protect the mines]": what was wanted (data/GUIDE.md)
                if c_ref is e_ref and actors_move(cause.tokens, effect.tokens):
                    continue  # "the carmakers could cut prices": an actor's move, as the rules read it
                sent = ref.sent
                if pair.trigger is not None and pair.trigger[2] == 1:
                    span = sent.doc.char_span(sent.start_char + pair.trigger[0], sent.start_char + pair.trigger[1],
                                              alignment_mode="expand")
                    anchor = span.root if span is not None and len(span) else sent.root
                    if c_ref is ref and e_ref is ref and (_beyond_the_object(anchor, cause, effect)
                                                          or _describes_the_subject(anchor, cause)):
                        continue
                else:
                    anchor = effect.head if e_ref is ref else sent.root
                if c_ref is ref and e_ref is ref and _in_anothers_clause(
                        cause, effect, [(a, b) for a, b, _s, _p in _other_causes(rd, pair)],
                        anchor if pair.trigger is not None and pair.trigger[2] == 1 else None):
                    continue
                if in_anonymity_request(cause) or in_anonymity_request(effect):
                    continue  # "who asked not to be named because he was not authorised to speak"
                if c_ref is ref and _conceded(cause, anchor):
                    # "Although tourism brings money, it strains the water supply": what is granted
                    # is no reason; the trigger's own subject is the cause.
                    cause = _subject_beside(anchor, cause) if pair.trigger is not None else None
                    if cause is None or not names_something(cause.tokens):
                        continue
                verb = _clause_verb(anchor)
                modality, tense, hedge, negated = modality_of(verb, sent)
                if negated and _not_the_links(verb, anchor, cause if c_ref is ref else None, effect if e_ref is ref else None):
                    # The "not" is a side's own, and the reader's sign says it already ("when the
                    # seaboard is hot, we can't lean on imports" lowers the leaning; "the attacks
                    # won't stop, because ..."): the link is asserted, as the rules read "so
                    # teachers can't afford to live there".
                    modality, tense, hedge, negated = modality_of(verb, sent, negation=False)
                words = list(hedge)
                for ha, hb, seg, _p in rd.spans.get("hedge", []):
                    if seg == 1:
                        words += [w for w in ref.text[ha:hb].lower().split() if w not in words]
                if modality == "asserted" and any(w in ("likely", "probably") for w in words):
                    modality = "likely"
                elif modality == "asserted" and any(w in ("may", "might", "could", "possibly", "perhaps")
                                                    for w in words):
                    modality = "possible"
                sign = 1 if pair.sign >= 0.5 else -1
                if pair.trigger is not None and pair.trigger[2] == 1:
                    sign = _verb_sign(anchor, effect, e_ref is ref) or sign
                    if e_ref is ref and any(t.dep_ == "conj" and t.head == anchor and t.pos_ == "VERB"
                                            for t in effect.tokens):
                        # "Limits slow panic buying and [keep stock on the shelves]": the effect is a
                        # clause of its own verb, whose way its side already reads, not the trigger's.
                        sign = 1
                    cause, effect = (_trigger_unsigned(s, ref, pair.trigger) for s in (cause, effect))
                    if c_ref is ref:
                        cause = _described_thing(cause, ref, pair.trigger)
                if e_ref is ref and pair.effect[2] == 1:
                    marked = sent.doc.char_span(sent.start_char + pair.effect[0], sent.start_char + pair.effect[1],
                                                alignment_mode="expand")
                    moved = _moved_by_its_verb(marked) if marked is not None and len(marked) else None
                    if moved is not None and anchor != marked.root.head:
                        sign = moved
                    acted_on = _acted_on_by_noun(marked) if marked is not None and len(marked) else None
                    if acted_on is not None:
                        sign = acted_on
                if e_ref is ref:
                    judged = _judged_way(effect)
                    if judged is not None:
                        # "harmful consequences for [farmers]": the adjective says which way, and the
                        # sign head, which read it in the trigger or the span or not at all, does not
                        # (1 where the side's own direction already holds it).
                        sign = 1 if judged[1] else judged[0]
                held = _held_until(cause) if c_ref is ref and e_ref is ref else None
                if held is not None:
                    # "Rates will stay low until inflation picks up": what ends the state moves
                    # the effect against it (up here), whatever the sign head read
                    sign = -clause_side(held).sign * effect.sign
                polarity = sign * cause.sign * effect.sign
                if prev is not None and (c_ref is prev or e_ref is prev) and _why_not(prev.text):
                    # "Why not let each school decide? Because a patchwork is hard to enforce.": the
                    # answer's reason tells against what the question proposes (as the rules read it)
                    polarity = -polarity
                cross = c_ref is not ref or e_ref is not ref
                start = prev.start if cross and prev is not None else ref.start
                cue = ref.text[pair.trigger[0]:pair.trigger[1]] if pair.trigger and pair.trigger[2] == 1 else ""
                raw = RawClaim(cause=Side(cause.tokens, 1), effect=Side(effect.tokens, 1), polarity=polarity,
                               cue=cue, modality=modality, tense=tense, hedge=" ".join(words) or None,
                               negated=negated, cross_sentence=cross)
                key = (tuple(t.idx for t in cause.tokens), id(c_ref), tuple(t.idx for t in effect.tokens), id(e_ref))
                if key in seen:
                    continue  # the same link read again with the next sentence as context
                seen.add(key)
                out.append(LearnedClaim(raw, start, ref.end, ref.start, _text(cause, c_ref), _text(effect, e_ref),
                                        round(pair.confidence, 3)))
    return out


def _as_asked(effect: Side, question: SentenceRef, span) -> Side:
    """The effect, at the level the why-question before asks about: to "Why are stocks
    that low?" the answer's cause lowers the stocks the reader tagged. (A level inside
    the effect's span, characters ``span[0]:span[1]`` of the question, is the side's
    already, :func:`_side`.)"""
    if not question.text.rstrip().endswith("?") or not any(t.lower_ == "why" for t in question.sent):
        return effect
    mine = set(effect.tokens)
    base = question.sent.start_char
    for t in question.sent:
        asked = level_side(t) if not span[0] <= t.idx - base < span[1] else None
        if asked is not None and mine & set(asked.tokens):
            return Side(effect.tokens, effect.sign * (LEVELS.get(t.lower_) or STATE_ADJECTIVES.get(t.lower_)))
    return effect


def _why_not(question: str) -> bool:
    """Whether a sentence asks "Why not X?" (or "Why don't we X?"), whose answer gives a reason against X."""
    q = question.strip().lower()
    return q.endswith("?") and q.startswith(("why not ", "why don't ", "why don’t ", "why wouldn't ",
                                             "why wouldn’t ", "why shouldn't ", "why shouldn’t "))


def _across_arrows(cause: Side, effect: Side, sent) -> bool:
    """Whether more than one arrow of a chain lies between the sides ("Higher yields →
    spending cuts → slower growth" does not link the yields to the growth)."""
    cuts = _arrow_cuts(sent)
    if len(cuts) < 2 or not (cause.tokens and effect.tokens):
        return False
    a, b = sorted((min(t.i for t in cause.tokens), min(t.i for t in effect.tokens)))
    return sum(1 for lo, _hi in cuts if a < lo < b) > 1


def _set_aside(side: Side) -> bool:
    """Whether the side is what a "rather than" or "instead of" sets aside: "The drought
    raised feed costs instead of grain prices" says nothing raised grain prices.

    >>> from cogmap.extract.nlp import load
    >>> d = load()("The levy cut hours rather than jobs.")
    >>> _set_aside(Side([d[6]])), _set_aside(Side([d[3]]))
    (True, False)
    """
    if not side.tokens:
        return False
    tops = [t for t in side.tokens if t.head not in side.tokens or t.head == t]
    for t in tops:
        marker = t.head if t.dep_ == "pobj" else next((c for c in t.head.children if c.dep_ == "cc" and c.i < t.i),
                                                      None) if t.dep_ == "conj" else None
        if marker is not None and marker.lower_ in ("than", "of") and any(
                c.lower_ in ("rather", "instead") and c.i < marker.i for c in marker.children):
            return True
    return False


def _other_causes(rd: Reading, pair) -> list:
    """The reader's other cause spans of this sentence, nearest the pair's effect first,
    none overlapping it."""
    (ea, eb, eseg), mid = pair.effect, (pair.effect[0] + pair.effect[1]) / 2
    return sorted((c for c in rd.spans.get("cause", ()) if c[2] == 1 and c[:3] != tuple(pair.cause)
                   and not (eseg == 1 and c[0] < eb and ea < c[1])),
                  key=lambda c: abs((c[0] + c[1]) / 2 - mid))


def _text(side: Side, ref: SentenceRef) -> str:
    """The side's words as printed (the parse may have seen the paragraph lower-cased)."""
    doc = side.tokens[0].doc
    original = doc.user_data.get("original")  # (doc.text joins every token anew: only when needed)
    return side.text(original if original is not None else doc.text)


def surest_per_cause(claims: list[LearnedClaim]) -> list[LearnedClaim]:
    """The claims, but of a cause's several effects in one sentence only the surest, and
    the others that reach :data:`EXTRA_CLAIM_CONFIDENCE`.

    One cause with several effects is often one effect read in pieces ("more homes
    would ease demand, where it is most intense": *demand*, *intense*). Held-out
    commentary link F1 0.691 -> 0.693 (precision 0.708 -> 0.714); spoken set 0.635 -> 0.641.
    """
    best: dict = {}
    for lc in claims:
        key = (lc.sent_start, tuple((id(t.doc), t.i) for t in lc.raw.cause.tokens))
        if key not in best or lc.confidence > best[key].confidence:
            best[key] = lc
    surest = {id(v) for v in best.values()}
    kept = [lc for lc in claims if id(lc) in surest or lc.confidence >= EXTRA_CLAIM_CONFIDENCE]
    by_sentence: dict = {}
    for lc in kept:  # (compared within a sentence only, so a long document stays linear)
        by_sentence.setdefault(lc.sent_start, []).append(lc)
    # Two readings each a piece of the other: a wrapper noun and what it carries ("had a
    # severe [impact] on [farmers]", the phrase of each holding the other). Only the surer
    # stands; before, each took the other with it and the sentence lost its link.
    lost = {id(lc) for lc in kept for other in by_sentence[lc.sent_start]
            if other is not lc and _piece_of(lc, other) and _piece_of(other, lc) and
            (other.confidence, -len(other.raw.effect.tokens)) > (lc.confidence, -len(lc.raw.effect.tokens))}
    return [lc for lc in kept if id(lc) not in lost and not any(
        _piece_of(lc, other) and not _piece_of(other, lc) for other in by_sentence[lc.sent_start]
        if other is not lc and id(other) not in lost)]


def _piece_of(lc: LearnedClaim, other: LearnedClaim) -> bool:
    """Whether ``lc`` is a piece of ``other``'s reading: the same cause, and an effect inside
    the phrase of ``other``'s effect. The reader may tag a relative clause on its effect
    apart ("the drop in hours [that we] see [in the] payroll data": *see*, *payroll*)."""
    if lc.sent_start != other.sent_start or not lc.raw.effect.tokens or not other.raw.effect.tokens:
        return False
    same_cause = [(id(t.doc), t.i) for t in lc.raw.cause.tokens] == [(id(t.doc), t.i) for t in other.raw.cause.tokens]
    if not same_cause or lc.raw.effect.tokens[0].doc is not other.raw.effect.tokens[0].doc:
        return False
    mine = {t.i for t in lc.raw.effect.tokens}
    theirs = {t.i for t in other.raw.effect.tokens}
    # (Not the sentence's root: its phrase is the whole sentence, which holds every piece.
    # The test read "or t.head is t" until Session 14, which was never true of spaCy's
    # tokens; with "==" it lost "every cut in the price of a new car makes a used one
    # worth less".)
    top = next((t for t in other.raw.effect.tokens if t.head.i not in theirs), None)
    if top is None or mine == theirs:
        return False
    if mine & {c.i for c in top.conjuncts}:
        return False  # "[farmers] and [ranchers]": two effects side by side, neither a piece
    if mine < theirs:
        return True  # "[prices for] [consumers]": the parse's phrase of one piece holds the other
    if mine & theirs:
        return False
    while top.dep_ == "pobj" and top.head.dep_ == "prep" and top.head.head.pos_ in ("NOUN", "PRON", "NUM", "ADJ"):
        top = top.head.head  # the side named "hours" in "most of the drop in hours": the whole phrase
    # the phrase without its conjuncts: "prices and wages" are two effects
    inside = {t.i for t in top.subtree} - {t.i for c in top.children if c.dep_ in ("conj", "cc") for t in c.subtree}
    return mine <= inside


_VIEWS = frozenset("doubt think believe expect hope fear suspect guess reckon agree disagree".split())


#: What a speaker does in the conversation itself ("I'll give you an example", "I'll be
#: brief", "I'll stick my neck out"): said with "I will", no outcome in the world.
_DISCOURSE_MOVES = frozenset("give tell say explain argue show start begin focus talk point add answer mention "
                             "stick admit confess repeat return come leave stop end close open try "
                             "put spell sum summarise summarize".split())


def _nothing_foretold(root) -> bool:
    """Whether a sentence is only a view of another's words: a verb of opinion whose object
    is "it", "that" or "so" and that has no clause of its own ("I doubt that very much");
    or the speaker's own next move, said with "I will" ("I'll stick my neck out:", "I'll
    give you an example"), which is no outcome to come."""
    clauses = any(c.dep_ in ("ccomp", "xcomp", "advcl", "conj") for c in root.children)
    if not clauses and root.lemma_.lower() in _DISCOURSE_MOVES and \
            any(c.dep_ == "nsubj" and c.lower_ == "i" for c in root.children) and \
            any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "’ll", "shall") for c in root.children):
        return True
    if root.lemma_.lower() not in _VIEWS or clauses:
        return False
    objects = [c for c in root.children
               if c.dep_ in ("dobj", "advmod", "neg") and c.lower_ in ("it", "that", "this", "so", "not")]
    return bool(objects) and not any(c.dep_ == "dobj" and c not in objects for c in root.children)


def _set_in_place(text: str, words: list[str]) -> bool:
    """Whether the only hedge term of a sentence is a "set to" that forecasts nothing
    ("set to the left of", "set to 20 degrees"), by the rules' forecasting phrases."""
    from cogmap.extract import hedges
    from cogmap.extract.forecasts import framed_term

    if "set to" not in " ".join(words) or framed_term(text) == "set to":
        return False
    rest = " ".join(words).replace("set to", " ").split()
    return not hedges.has_term(rest)


def _modal_noun(tok) -> bool:
    """A modal's word used as a noun: "the political will to act", "military might"."""
    return tok.pos_ == "NOUN" and tok.lower_ in ("will", "might")


def forecast_sentences(refs: list[SentenceRef], readings: list[Reading], found: list, scale: str = "icd203") -> list:
    """The forecasts of the sentences the reader calls forecasts.

    ``found`` is the rules' ``(paragraph start, parse, RawForecast)`` list: a sentence
    the reader calls a forecast keeps the rules' reading of it (probability, horizon,
    condition) when there is one, and otherwise gets one from the hedge words the
    reader tagged; a sentence it doubts (under ``FORECAST_THRESHOLD`` but at least
    ``RULES_FORECAST_FLOOR``) keeps the rules' forecast, and one it calls no forecast
    keeps only a forecasting phrase's.
    """
    from cogmap.extract import hedges
    from cogmap.extract.forecasts import (HORIZON, JUDGING_VERBS, RawForecast, advised, counterfactual, excused,
                                          explicit_probability, in_the_past, is_explainer_title, judged,
                                          only_dependence, permitted, short_of_certain)

    out = []
    by_paragraph: dict[int, list] = {}  # the rules' forecasts by paragraph: no scan of all per sentence
    for f in found:
        by_paragraph.setdefault(f[0], []).append(f)
    for k, (ref, rd) in enumerate(zip(refs, readings)):
        if ref.text.rstrip().endswith("?") or is_explainer_title(ref.sent):
            continue  # a question, or one put as a title, forecasts nothing
        root = ref.sent.root
        main = [root] + [c for c in root.children if c.dep_ in ("ccomp", "conj", "parataxis") and c.pos_ in ("VERB", "AUX")]
        if _nothing_foretold(root):
            continue  # "I doubt it.", "I think so.": a view of what was said, with no outcome of its own
        if correlative(ref.sent) is not None:
            continue  # "The higher the debt, the less room it will have": a rule of how things go, no outcome
        if any(counterfactual(t) or permitted(t) or in_the_past(t) or advised(t) or excused(t) for t in main) or \
                only_dependence(root) or \
                any(c.dep_ == "ccomp" and only_dependence(c) for c in root.children):
            # "But for the voucher, the firm would be losing money": it is not; "under the
            # rules, councils may waive it": they are allowed to; "in 2022 they assumed it would
            # fold": a forecast of the past; "the city should limit rents": advice; "it will
            # depend on the war": no outcome, nor "I can only say that it will depend on the
            # war" (the rules test the future's own verb)
            continue
        pa = ref.start - ref.sent.start_char
        if any(f[0] == pa and f[2].start < ref.sent.start_char < f[2].end for f in out[-2:]):
            continue  # "I'm certain of that.": the forecast before, kept, took it in (forecasts.confidence_after)
        mine = [f for f in by_paragraph.get(pa, ()) if ref.sent.start_char <= f[2].start < ref.sent.end_char]
        if rd.forecast < FORECAST_THRESHOLD:
            # A fixed forecasting phrase stands without the reader ("it's only a matter of
            # time before X"): it says what a modal verb says, in words the reader rarely saw.
            out += [f for f in mine if f[2].framed or f[2].possible or rd.forecast >= RULES_FORECAST_FLOOR]
            continue
        if mine:
            out += mine
            continue
        words = []
        hedged = []  # the verbs the reader's hedge words modify
        reach = [len(ref.text), 0]
        for a, b, seg, _p in rd.spans.get("hedge", []):
            if seg == 1:
                # Whole words of the parse (a span may start inside "it'll"), each once: two
                # clauses' "will" make one hedge, not "will will likely".
                base = ref.sent.start_char
                inside = [t for t in ref.sent if a <= t.idx - base < b or t.idx - base < a < t.idx - base + len(t)]
                if inside and all(_modal_noun(t) for t in inside):
                    continue
                if inside:  # (as written: "gonna" and "don't" are one word to the hedge scales)
                    a = min(a, inside[0].idx - base)
                words += [w for w in ref.text[a:b].lower().split() if w not in words]
                hedged += [t.head if t.dep_ in ("aux", "advmod", "neg") else t for t in inside]
                reach = [min(reach[0], a), max(reach[1], b)]
        # The "not" of the main clause ("I'm not convinced they'll"), or of the verb the hedge
        # words modify ("warned that land alone would not bring rents down"); not one of a
        # phrase they also touch ("will ..., though probably not before 2030").
        hedged = [v for v in hedged if v.pos_ in ("VERB", "AUX")]
        negated = any(c.dep_ == "neg" for v in {ref.sent.root, *hedged} for c in v.children)
        # Without a hedge term in the reader's spans, the sentence's own words say how sure
        # it is ("can change" is a possibility, not the plain future "will" stands for).
        low = [w.strip(".,;:") for w in words]
        if not hedges.has_term(low) or " chance" in ref.text.lower():
            # ("not a chance" may stand apart from the words the reader tagged)
            own = [t.lower_ for t in ref.sent if not _modal_noun(t)]
            if not low and _set_in_place(ref.text, own):
                # "The thermostat is set to 20 degrees": the only cue is a "set to" that
                # puts a thing in a place or at a level, which the rules tell from the
                # forecasting "is set to rise"; the reader, which saw few of them, may not.
                continue
            if not hedges.has_term(own) and not any(t.pos_ in ("VERB", "AUX") for t in ref.sent):
                # No verb and no hedge: a byline or a dateline after a forecasting headline
                # ("By Ann Lee, 11 March 2025"), which the reader read in its context.
                continue
            if not hedges.has_term(own) and not HORIZON.search(ref.text) and root.lemma_ == "be" and \
                    not any(t.dep_ in ("mark", "advmod") and t.lower_ in ("if", "unless", "once", "when")
                            for t in ref.sent) and not (k and refs[k - 1].text.rstrip().endswith("?")):
                # A state described with nothing that says what is to come, nor when, nor what
                # it hangs on ("Looking ahead, the outlook is bleak"): a judgement the reader
                # heard in a forecasting passage, with no word to take a probability from (it
                # read as a plain "will", 88%). An answer to a question of what comes next
                # ("Where will the rate be? / Around 55 percent") is a forecast.
                continue
            low += own
            # The "not" of the verb that carries the sentence's own hedge word ("said it did
            # not expect any strikes"): the reader tagged none, so no verb was hedged above.
            hedged += [t.head if t.dep_ in ("aux", "advmod") else t for t in ref.sent
                       if hedges.has_term([t.lower_]) and (t.head if t.dep_ in ("aux", "advmod") else t).pos_
                       in ("VERB", "AUX")]
            negated = negated or any(c.dep_ == "neg" for v in hedged for c in v.children)
        if not any(t.pos_ in ("VERB", "AUX") for t in ref.sent) and any(t.dep_ == "neg" or t.lower_ == "not"
                                                                       for t in ref.sent):
            negated = True  # a bare reply, "Almost certainly not.", whose "not" hangs on no verb
        explicit = explicit_probability(ref.sent, scale)
        if explicit is not None:
            prob, hedge = explicit  # "I'd put the odds at one in ten" outranks the "would" beside it
        else:
            prob, hedge = hedges.probability(low, negated=negated, scale=scale)
        if explicit is None and (any(w in JUDGING_VERBS for w in low) or any(judged(v) for v in hedged)):
            prob, hedge = short_of_certain(prob, hedge, scale)  # "I think it will definitely": judged
        m = HORIZON.search(ref.text)
        start = ref.sent.start_char
        # The words as written where they are one phrase ("will likely", "looks like");
        # hedges of two clauses ("will lead to ..., which could push") are the term the
        # probability comes from, not "will could".
        phrase = ref.text[reach[0]:reach[1]].lower().split() == words
        rf = RawForecast(
            start=start, end=start + len(ref.text), statement=ref.text, probability=prob,
            hedge=(" ".join(words) if phrase else hedge) or hedge, horizon=m.group(0) if m else None, condition=None,
            sent_start=start, sent_end=start + len(ref.text), reader_only=True)
        out.append((pa, ref.sent.doc, rf))
    return out
