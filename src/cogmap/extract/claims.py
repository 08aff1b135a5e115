"""Claims: causal statements found in the dependency parse.

A claim is ``cause -> effect`` with a polarity (+1 raises, -1 lowers), a
modality, a tense, a hedge and the exact words that support it. The rules read
the parse, not the words of any article:

* causal verbs with a direction ("X erodes Y", "X will prompt Y to Z", "X leads
  to Y", passives "Y is driven by X");
* connectives ("because", "since", "so", "therefore", "as a result", "due to",
  "thanks to", "that's why", "which is why"), across a sentence boundary when
  the consequence points back ("That's why ...", "This will ...");
* conditionals ("if X, Y", "unless X, Y", "without X, Y");
* change statements with a cause ("with X, the likelihood of Y is increasing",
  "after X, his chances are dwindling") and feelings ("X worries Y");
* purpose ("they did X to prevent Y");
* negation ("will not lead to") and hedges ("likely", "could", "certainly").

Each side is returned as a token span with a direction: "his chances are
dwindling" is the variable "his chances" going down.

References
----------
Axelrod, R. (1976). Structure of Decision: The Cognitive Maps of Political Elites.
Tan, F. A. et al. (2022). The Causal News Corpus. CASE workshop.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Optional

from cogmap.extract import lexicon as L
from cogmap.extract.concepts import misparsed_particle, negation_sign, roots, transferred
from cogmap.extract.structure import SPEECH_VERBS

__all__ = ["RawClaim", "Side", "actors_move", "find_claims", "only_when", "answered_reason", "reasons_in_turn",
           "answered_hypothesis", "answered_driver", "topic_drivers", "hypothetical_condition", "resolve_anaphor",
           "summed_up", "death_toll", "toll_name", "counted_object", "sign_on_object", "inverted_condition",
           "level_side",
           "echo_clause", "statement_of"]

_CLAUSE_DROP = {"mark", "advcl", "punct", "cc", "conj", "parataxis", "relcl", "appos", "discourse",
                "intj", "meta", "dep", "preconj"}
_NP_DROP = {"relcl", "acl", "appos", "punct", "cc", "conj", "advcl", "parataxis", "det", "predet",
            "dep", "prep"}
_SUBJ = ("nsubj", "nsubjpass", "csubj", "expl")
#: Dependents only a verb has; on a noun they are the parser's mistakes.
_NOT_OF_A_NOUN = frozenset({"mark", "aux", "auxpass", "nsubj", "nsubjpass", "dobj"})
_MODAL_POSSIBLE = {"may", "might", "could", "can"}
FUTURE_AUX = {"will", "'ll", "shall", "wo"}
_DEMONSTRATIVE = {"this", "that", "these", "those"}
_REL_PRONOUNS = {"which", "that", "who", "what"}
_CHANGE = L.INCREASE | L.DECREASE
_REPORTING = frozenset("say think believe expect suspect fear hope argue claim suggest estimate reckon "
                       "assume guess predict warn note add insist know feel tell write explain".split())
#: Verbs of an outcome observed or undergone, whose object is what moved ("reported falling orders").
_OBSERVED = frozenset("report record post see register experience suffer notice log".split())
_ANNOUNCED = frozenset("report record post register log".split())
#: Verbs of saying, moving and meeting: "after X" with these tells the time, not a cause.
_NEUTRAL_VERBS = frozenset("be say speak talk tell come go arrive leave visit meet address travel return "
                           "attend join write add note see hold take".split())
_REASON_OBJECTS = frozenset("reason incentive motive excuse pretext chance opportunity impetus".split())
_DURATION_VERBS = frozenset("last drag persist linger continue endure".split())
#: What a thing that lasts enters: "the strike entered its third week".
_ENTERED_UNITS = frozenset("day week month year decade".split())
#: Verbs that hold or reach a level named by an adjective ("stay high", "run low").
#: ("be" is not one: a level only stated stays as written, see clause_side.)
_HOLDING = frozenset("stay remain become get grow turn keep run hold".split())
#: Verbs whose "up" or "down" moves their subject ("demand picks up", "rates tick down").
_MOVING = frozenset("go come shoot move head pick tick creep edge inch drift ratchet trend climb".split())
#: Verbs by which a thing comes to be (+1) or ceases to be (-1). ("Die" is not one:
#: "three workers died" is deaths, up, not fewer workers.)
_COMING_GOING = {**dict.fromkeys("appear emerge arise surface develop".split(), 1),
                 **dict.fromkeys("vanish disappear".split(), -1)}
#: Verbs of something doing its job, whose "better" or "less well" says how well.
_WORKING = frozenset("work perform function".split())
_TOWARD_VERBS = frozenset("head move slide drift edge lurch veer tip plunge spiral descend march".split())
_CHANGE_NOUNS = {**dict.fromkeys("rise increase growth surge jump spike gain hike boost upturn climb "
                                  "expansion acceleration escalation".split(), 1),
                 **dict.fromkeys("fall decline drop decrease loss lack shortage reduction cut slowdown "
                                 "downturn slump contraction erosion absence scarcity weakening deterioration "
                                 "collapse problem trouble end removal withdrawal expiry abolition disruption"
                                 .split(), -1),
                 **dict.fromkeys("improvement strengthening recovery".split(), 1)}
#: Verbs whose complement names what the subject is: "weak exports are a drag on growth",
#: "the deal became a boon for farmers" hand the noun to what it acts on as "pose" does.
_COPULAS = frozenset("be become remain prove".split())
#: Nouns whose "to" phrase names what they act on: "a threat to growth" is growth
#: going down, "a boost to exports" exports going up.
_TO_NOUNS = {**dict.fromkeys("damage harm threat risk danger blow hit toll drag setback lid brake damper "
                             "headwind remedy cure antidote solution end halt stop".split(), -1),
             **dict.fromkeys("boost lift fillip floor boon tailwind".split(), 1)}
#: Those of them that are metaphors only with one preposition, which alone names what
#: they act on: "a lid on prices", "the brakes on lending", "a floor under wages" (but
#: "the lid of the jar", "the factory floor").
_TO_NOUN_PREPS = {"lid": ("on",), "brake": ("on",), "damper": ("on",), "floor": ("under",),
                  # "put an end (a halt, a stop) to the talks"; "the end of the war" goes as a change's
                  "end": ("of", "to"), "halt": ("to",), "stop": ("to",),
                  # "the best remedy for (against) inflation", "the solution to the shortage"
                  **dict.fromkeys("remedy cure antidote solution".split(), ("for", "to", "against"))}
#: Verbs that only hand one of those nouns to what it acts on: "dealt a blow to morale",
#: "gave a boost to exports", "takes a toll on farms", "poses a threat to growth", "keeps a
#: lid on prices" ("keep" with the metaphors alone: "kept damage to a minimum" hands nothing).
_IMPACT_VERBS = frozenset("deal deliver give provide lend inflict pose take put exert represent do keep "
                          "slam apply".split()) | _COPULAS
_CAUSE_PREP_WORDS = frozenset("because due thanks owing".split())
_REFLEXIVE = frozenset("itself themselves himself herself ourselves myself yourself yourselves".split())
_PRONOUN_SUBJ = {"it", "they", "he", "she", "we", "i", "you", "this", "that"}


@dataclass
class Side:
    """One side of a claim: the tokens that name the variable, and its direction."""

    tokens: list  # spaCy tokens, in order
    sign: int = 1

    @property
    def head(self):
        return self.tokens[-1] if self.tokens else None

    def text(self, source: str | None = None) -> str:
        """The words as written; ``source`` is the string the tokens' offsets point into
        (the paragraph as printed, when it was parsed in another case)."""
        if not self.tokens:
            return ""
        doc = self.tokens[0].doc
        src = source if source is not None else doc.text
        a, b = self.tokens[0].i, self.tokens[-1].i
        if b - a + 1 == len(self.tokens):
            return src[self.tokens[0].idx: self.tokens[-1].idx + len(self.tokens[-1])]
        parts = []
        for k, t in enumerate(self.tokens):
            parts.append(src[t.idx: t.idx + len(t)])
            nxt = self.tokens[k + 1] if k + 1 < len(self.tokens) else None
            if nxt is not None and (t.whitespace_ or nxt.i != t.i + 1):
                parts.append(" ")
        return "".join(parts)

    def span(self) -> tuple[int, int]:
        return self.tokens[0].idx, self.tokens[-1].idx + len(self.tokens[-1])


@dataclass
class RawClaim:
    cause: Side
    effect: Side
    polarity: int
    cue: str
    modality: str = "asserted"
    tense: str = "present"
    hedge: Optional[str] = None
    negated: bool = False
    sent_index: int = 0
    cross_sentence: bool = False
    condition: Optional[str] = None
    extra: dict = field(default_factory=dict)


# ---------------------------------------------------------------------------
# Spans


def _children(tok, *deps):
    return [c for c in tok.children if c.dep_ in deps]


def _left_without(tok):
    """The noun ``tok`` is left without, where ``tok`` is the object of "leave" with a
    "without" phrase, which the parser hangs on the verb or on the noun ("the strike left
    hospitals without nurses"); else ``None``.

    >>> from cogmap.extract.nlp import load
    >>> d = load()("The cuts have left many families without a doctor.")
    >>> _left_without(d[5]), _left_without(d[8]), _left_without(d[1])
    (doctor, doctor, None)
    """
    if tok.lower_ == "without" and tok.dep_ == "prep":
        tok = next(iter(_children(tok, "pobj")), tok)
    if tok.dep_ == "pobj" and tok.head.lower_ == "without" and tok.pos_ in ("NOUN", "PROPN"):
        # The side may be the lacking itself ("left him [without a home]").
        prep, held = tok.head, tok.head.head
        if held.dep_ == "dobj" and held.head.lemma_.lower() == "leave" or held.lemma_.lower() == "leave" and any(
                o.i < prep.i for o in _children(held, "dobj")):  # (not "Without the plant, X would have left ...")
            return tok
    if tok.dep_ != "dobj" or tok.head.lemma_.lower() != "leave":
        return None
    for prep in (*_children(tok, "prep"), *_children(tok.head, "prep")):
        if prep.lower_ == "without" and prep.i > tok.i:
            return next((p for p in _children(prep, "pobj") if p.pos_ in ("NOUN", "PROPN")), None)
    return None


#: Verbs that give their subject a trait: "a leader who looks weak".
_TRAIT_VERBS = frozenset("be look seem appear feel become remain sound".split())


def _trait(clause) -> bool:
    """Whether a relative clause gives its noun a trait ("a leader [who looks weak]", "firms
    [that are small]"): the trait is the variable, so the clause stays in the side."""
    return clause.dep_ == "relcl" and clause.lemma_.lower() in _TRAIT_VERBS and any(
        c.dep_ in ("acomp", "attr", "oprd") and c.pos_ == "ADJ" for c in clause.children) and not any(
        c.dep_ in ("dobj", "ccomp", "xcomp") for c in clause.children)


def _placed_change(noun, prep) -> bool:
    """Whether a change noun's "in" phrase names a place ("growth in China"): the variable
    is the change noun, and the place stays in its label."""
    return noun.lemma_.lower() in _CHANGE_NOUNS and any(o.ent_type_ in ("GPE", "LOC", "NORP")
                                                        for o in _children(prep, "pobj"))


def _wanting(noun, acl) -> bool:
    """Whether a participle's clause is what a group does, and so part of the variable:
    "(due to) voters wanting stability", "tenants fleeing the suburbs" (the voters alone
    name no cause). Only of a plural noun, with an object."""
    return acl.dep_ == "acl" and acl.tag_ == "VBG" and noun.tag_ == "NNS" and bool(_children(acl, "dobj"))


def np_side(tok, depth: int = 0) -> Side:
    """The variable a noun phrase names: head, compounds, modifiers and one "of" phrase.

    Signed modifiers ("higher prices") become the direction, and wrapper nouns
    ("the likelihood of X") give way to what they wrap.
    """
    sign = 1
    lacked = _left_without(tok) if depth < 2 else None
    if lacked is not None:
        # "left hospitals without nurses", "leaving thousands without heat": what changes is
        # what they are left without, and it goes down.
        inner = np_side(lacked, 2)  # (at the depth where no further redirect is made)
        return Side(inner.tokens, -inner.sign)
    if tok.lower_ == "absent" and depth < 2:
        # "Absent a threshold, ..." is "without a threshold" (the parser reads the preposition
        # as a noun or an adjective with an object): the threshold, down.
        obj = next((c for c in tok.children if c.i > tok.i and c.dep_ in ("dobj", "pobj", "relcl", "appos", "npadvmod")
                    and c.pos_ in ("NOUN", "PROPN", "VERB")), None)
        if obj is not None:
            inner = np_side(obj, depth + 1) if obj.pos_ != "VERB" else Side([t for t in obj.subtree if not t.is_punct], 1)
            return Side(inner.tokens, -inner.sign)
    if tok.lower_ in ("less", "more") and depth < 2:
        # "less of an impact", "more of a risk": the impact, down; the risk, up
        one = next((o for p in _children(tok, "prep") if p.lower_ == "of" for o in _children(p, "pobj")
                    if any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in o.children)), None)
        if one is not None:
            inner = np_side(one, depth + 1)
            return Side(inner.tokens, inner.sign * (1 if tok.lower_ == "more" else -1))
    if tok.lemma_.lower() in L.LIKELIHOOD_NOUNS and depth < 2:
        for prep in _children(tok, "prep"):
            if prep.lower_ == "of":
                pobj = _children(prep, "pobj")
                if pobj:
                    return np_side(pobj[0], depth + 1)
        for acl in _children(tok, "acl", "ccomp", "relcl"):
            if any(c.dep_ == "mark" and c.lower_ == "that" for c in acl.children):
                return clause_side(acl)
    if tok.lemma_.lower() in _FAILURE_NOUNS and depth < 2:
        # "the government's failure to act" is the acting going down
        inf = next((c for c in _children(tok, "acl")  # (the tagger may call the verb a noun: "to act")
                    if any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        if inf is not None:
            inner = clause_side(inf)
            return Side(inner.tokens, -inner.sign)
    if tok.lemma_.lower() in L.FACT_NOUNS and depth < 2:
        for acl in _children(tok, "acl", "ccomp", "relcl", "appos"):
            if acl.pos_ in ("VERB", "AUX") and any(c.dep_ == "mark" and c.lower_ == "that" for c in acl.children):
                return clause_side(acl)
    if tok.pos_ in ("VERB", "AUX"):
        return clause_side(tok)
    noun = tok.lemma_.lower()
    share = noun in _FRACTIONS or tok.ent_type_ == "PERCENT"
    if (noun in L.PART_WORDS or noun in L.PATH_NOUNS or share) and depth < 2:
        # "most of the harvest" is the harvest; "the way for more lawsuits", the lawsuits;
        # "2 percent of its sales", "a third of the cost": how much of them moves, not a variable
        preps = ("of",) if noun in L.PART_WORDS or share else ("for", "to")
        # (the parser may hang "for X" on the verb: "sets [the stage] [for a deal]")
        handed = _children(tok.head, "prep") if noun in L.PATH_NOUNS and tok.dep_ == "dobj" else []
        pobj = next((o for p in _children(tok, "prep") + handed if p.lower_ in preps for o in _children(p, "pobj")),
                    None)
        if pobj is not None and pobj.pos_ != "PRON":  # ("all of which", "many of them": no noun to stand for)
            return np_side(pobj, depth + 1)
    judged = _judged_effect(tok) if depth < 2 else None
    if judged is not None:
        # "harmful consequences for farmers": the farmers, down; "a positive effect on jobs", up
        inner = np_side(judged[0], depth + 1)
        return Side(inner.tokens, inner.sign * judged[1])
    way = next((1 if c.lower_ == "upward" else -1 for c in tok.children
                if c.dep_ == "amod" and c.lower_ in ("upward", "downward")), None) if noun == "pressure" else None
    on = next((o for p in _children(tok, "prep") + (_children(tok.head, "prep") if tok.dep_ == "dobj" else [])
               if p.lower_ == "on" for o in _children(p, "pobj")), None) if way and depth < 2 else None
    if on is not None:
        # "upward pressure on wages": the wages, up; "downward pressure on prices", down
        inner = np_side(on, depth + 1)
        return Side(inner.tokens, inner.sign * way)
    change, preps = _CHANGE_NOUNS.get(noun), ("in", "of", "with") if noun in ("problem", "trouble") else ("in", "of")
    if noun in ("problem", "trouble") and tok.tag_ != "NNS":
        change = None  # "problems of legitimacy" lack it; "the problem of debt" is too much of it
    if noun in _TO_NOUNS:
        change, preps = _TO_NOUNS[noun], _TO_NOUN_PREPS.get(noun, ("in", "of", "to", "on"))
    if change is not None and depth < 2:
        # "a rise in demand" is demand going up; "a lack of supply" is supply going
        # down; "problems of legitimacy" and "a blow to morale", the same. The parser may
        # hang the phrase on the verb that hands the noun over ("keep [a lid] [on wages]").
        handed = _children(tok.head, "prep") if noun in _TO_NOUNS and tok.dep_ == "dobj" else []
        for prep in _children(tok, "prep") + handed:
            pobj = _children(prep, "pobj")
            if prep.lower_ == "to" and noun in _CHANGE_NOUNS and pobj and not (
                    _is_amount(pobj[0]) or pobj[0].lower_ in L.LEVELS):
                preps = (*preps, "to")  # "cuts to subsidies", but "a rise to 5 percent" is how far
            if prep.lower_ == "in" and any(c.dep_ == "compound" and c.pos_ in ("NOUN", "PROPN") and not _measure(c)
                                           for c in tok.children):
                continue  # "sickness absence in the hospitals", "job cuts in the sector": where, not what
            if prep.lower_ == "in" and _placed_change(tok, prep):
                continue  # "slower growth in China", "a surge in Ohio": where it changes, not what
            if prep.lower_ in preps:
                if pobj:
                    inner = np_side(pobj[0], depth + 1)
                    return Side(inner.tokens, inner.sign * change)
    keep = []

    def walk(t, d):
        nonlocal sign
        for c in t.children:
            if c.dep_ == "det" and c.lower_ == "no" and d == 0 and tok.pos_ == "NOUN":
                sign = -sign  # "there is no extra income for the hotels": none of it, the income down
                continue
            # Keep one "of" phrase and an infinitive ("the decision to send tanks").
            if c.dep_ in _NP_DROP and not (c.dep_ == "prep" and c.lower_ in ("of", "for", "on", "against") and d == 0) and not (
                    c.dep_ == "acl" and d == 0 and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)) and not (
                    d == 0 and _trait(c)) and not (
                    d == 0 and _wanting(tok, c)) and not (
                    c.dep_ == "prep" and d == 0 and t.dep_ == "acl" and t.head == tok and
                    tok.lemma_.lower() in L.INTENT_NOUNS) and not (
                    c.dep_ == "prep" and d == 0 and c.lower_ == "in" and _placed_change(tok, c)):
                continue
            if c.dep_ == "poss" and c.pos_ == "PRON" or c == misparsed_particle(tok.head) or c.dep_ == "neg":
                continue  # ("the wage rise, not ingredients": the "not" is the contrast's)
            if c.dep_ == "npadvmod" and (c.ent_type_ in ("DATE", "TIME") or c.lemma_.lower() in _TIME_NOUNS):
                continue  # "a smaller catch this year": when is no part of what
            if c.dep_ == "prep" and c.lower_ == "of" and d == 0 and any(_measure(o) for o in _children(c, "pobj")):
                continue  # "a strike of little more than a week", "a rise of 5 percent": how long or how much
            if c.dep_ in _NOT_OF_A_NOUN and t.pos_ in ("NOUN", "PROPN"):
                # A noun has no "since", auxiliary, subject or object of its own: the parser took
                # a verb for an adjective ("since good harvests [lower] food prices" hangs "food
                # prices" and "since" on "harvests"), and the noun phrase ends before them.
                continue
            moved = _ing_of_change(c) if c.dep_ in ("pobj", "pcomp") and d == 1 else None
            if moved:
                # "(sent) the price of corn soaring": the small parser hangs the verb of change
                # on "of" and the noun on the verb; the variable is the price of corn, going up.
                noun = [x for x in c.children if x.dep_ in ("compound", "npadvmod", "nsubj") and x.i < c.i
                        and x.pos_ in ("NOUN", "PROPN")]
                if noun:
                    sign *= 1 if moved in L.INCREASE else -1
                    for x in noun:
                        keep.extend(x.subtree)
                    continue
            if c.dep_ in ("amod", "advmod") and c.lower_ in L.SIGNED_MODIFIERS and d == 0:
                sign *= L.SIGNED_MODIFIERS[c.lower_]
                continue
            if c.dep_ == "amod" and c.lower_ in ("little", "few") and d == 0 and tok.tag_ != "CD" and not (
                    c.i > 0 and c.nbor(-1).tag_ in ("DT", "PDT", "PRP$", "JJ")) and not any(
                    x.dep_ in ("det", "predet", "poss") for x in [*tok.children, *c.children]):
                # "little basis for X", "few jobs": a small amount; not "a little house" (a
                # size), "another few thousand", "the last few farms"
                sign = -sign
                continue
            if c.dep_ == "amod" and c.lower_ == "absent" and d == 0 and c.i == c.sent.start:
                sign = -sign  # "Absent new rules, ...": the preposition, parsed as an adjective
                continue
            if c.dep_ == "advmod" and d == 0:
                continue
            keep.append(c)
            walk(c, d + (1 if c.dep_ == "prep" else 0))

    keep.append(tok)
    walk(tok, 0)
    sign *= _shared_direction(tok)
    keep = _with_hyphens(keep)
    # An "of" phrase left without its object is noise.
    while keep and keep[-1].dep_ in ("prep", "case", "cc", "punct"):
        keep.pop()
    while keep and keep[0].dep_ in ("prep", "case", "cc", "punct"):
        keep.pop(0)
    # "unemployment" is employment going down: the concept keeps the positive name.
    return Side(keep, sign * negation_sign(keep))


#: Nouns of an effect that an adjective judges: "harmful consequences for X", "a positive
#: effect on Y" (unjudged, "the impact on Y" says no direction).
_JUDGED_NOUNS = frozenset("effect impact consequence implication repercussion outcome".split())
_JUDGING = {**L.EVALUATIVE, **dict.fromkeys("adverse devastating dire".split(), -1)}


def _judged_effect(tok):
    """``(what, direction)`` for an effect noun an adjective judges, with what it bears on:
    "harmful consequences for farmers" is (farmers, -1); else None.

    >>> from cogmap.extract.nlp import load
    >>> d = load()("It had harmful consequences for farmers and a positive effect on jobs.")
    >>> [(w.text, s) for w, s in (_judged_effect(d[3]), _judged_effect(d[9]))]
    [('farmers', -1), ('jobs', 1)]
    """
    if tok.lemma_.lower() not in _JUDGED_NOUNS or tok.pos_ != "NOUN":
        return None
    ways = {_JUDGING[c.lower_] for c in tok.children if c.dep_ == "amod" and c.lower_ in _JUDGING}
    if len(ways) != 1:
        return None
    what = next((o for p in _children(tok, "prep") if p.lower_ in ("for", "on", "upon", "to")
                 for o in _children(p, "pobj") if o.pos_ in ("NOUN", "PROPN")), None)
    return (what, ways.pop()) if what is not None else None


def _shared_direction(tok) -> int:
    """The direction a bare conjunct shares with the first of its list: "lower hiring and
    [profits]" is lower profits too, "higher rents and [fees]" higher fees. Only a noun with
    no word of its own before it ("lower hiring and rising profits", "higher rents and the
    fees" each say their own), and only a direction word before the first noun.

    >>> from cogmap.extract.nlp import load
    >>> doc = load()("The rule could lead to lower hiring and profits.")
    >>> _shared_direction(doc[8]), _shared_direction(doc[6])
    (-1, 1)
    """
    if tok.dep_ != "conj" or tok.pos_ not in ("NOUN", "PROPN") or any(
            c.i < tok.i and c.dep_ not in ("cc", "punct") for c in tok.children):
        return 1
    first = tok
    while first.dep_ == "conj" and first.head.pos_ == tok.pos_ and first.head.i < first.i:
        first = first.head
    if first is tok:
        return 1
    between = first.doc[first.i + 1:tok.i]
    if any(t.dep_ not in ("cc", "punct", "conj") and t.head not in (first, tok) for t in between):
        return 1  # the first noun goes on ("lower hiring of staff and profits"): not a plain list
    lead = [c for c in first.children if c.i < first.i and c.dep_ in ("amod", "advmod")
            and c.lower_ in L.SIGNED_MODIFIERS]
    return L.SIGNED_MODIFIERS[lead[0].lower_] if len(lead) == 1 else 1


def _ing_of_change(tok) -> Optional[str]:
    """The verb of change an "-ing" word is ("soaring" soar, "tumbling" tumble), also where
    the tagger took it for a noun; else None.

    >>> from cogmap.extract.nlp import load
    >>> [_ing_of_change(t) for t in list(load()("prices tumbling, soaring, during"))[1::2]]
    ['tumble', 'soar', None]
    """
    word = tok.lower_
    if not word.endswith("ing") or len(word) < 6:
        return None
    stem = word[:-3]
    for lemma in (tok.lemma_.lower(), stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else stem):
        if lemma in _CHANGE:
            return lemma
    return None


def _with_hyphens(tokens):
    """Sorted tokens, with words joined by hyphens kept whole ("re-election")."""
    keep = set(tokens)
    doc = tokens[0].doc if tokens else None
    for t in list(keep):
        i = t.i
        while i + 2 < len(doc) and not doc[i].whitespace_ and doc[i + 1].text in ("-", "–") and \
                not doc[i + 1].whitespace_ and doc[i + 2].is_alpha:
            keep.update((doc[i + 1], doc[i + 2]))
            i += 2
        i = t.i
        while i - 2 >= 0 and doc[i - 1].text in ("-", "–") and not doc[i - 1].whitespace_ and \
                not doc[i - 2].whitespace_ and doc[i - 2].is_alpha:
            keep.update((doc[i - 1], doc[i - 2]))
            i -= 2
    return sorted(keep, key=lambda t: t.i)


def adj_sign(tok) -> int | None:
    """The direction an adjective states: "likelier" +1, "more difficult" -1, "less likely" -1;
    "worse" of a problem, +1 ("made the shortage worse"), and "better" of one, -1."""
    mods = {c.lower_ for c in tok.children if c.dep_ == "advmod"}
    base = L.COMPARATIVE.get(tok.lower_)
    if base is None and tok.tag_ == "JJS" and tok.lower_.endswith("est"):
        # a superlative points as its comparative does: "the thinnest in twenty years" is low
        stem = tok.lower_[:-3]
        base = L.COMPARATIVE.get(stem + "er") or L.COMPARATIVE.get(stem[:-1] + "ier" if stem.endswith("i") else "")
    if base is None and tok.pos_ == "ADJ" and tok.lower_ in ("longer", "shorter"):
        # as adjectives only: the adverb of "no longer" and "last longer" is time, not a level
        base = 1 if tok.lower_ == "longer" else -1
    if base is None:
        base = 1 if "more" in mods else -1 if "less" in mods else None
        # "more scarce", "more rare": more of the state, which is less of the thing
        return base * L.STATE_ADJECTIVES.get(tok.lower_, 1) if base is not None else None
    if tok.lower_ in ("worse", "better"):
        # The thing it is said of: its subject ("[the shortage] worse" after "make"), else its
        # verb's ("[the shortage] got worse").
        # (the object first: "which will make [the squeeze] worse" is said of the squeeze, not "which")
        said_of = next((c for c in tok.children if c.dep_ == "nsubj"), None) or next(
            (c for c in tok.head.children if c.dep_ == "dobj"), None) or next(
            (c for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass")), None) \
            if tok.dep_ in ("acomp", "oprd", "ccomp", "xcomp") else None
        if said_of is not None and said_of.lemma_.lower() in L.PROBLEM_NOUNS:
            base = -base
    return -base if "less" in mods else base


def priced(side: Side) -> Optional[tuple[str, list, int]]:
    """The cost a side's words state, when an adjective of price says it: ``(noun, the
    thing's tokens, factor)``, where the claim's sign times ``factor`` is the sign on
    "noun of thing"; None for any other side.

    "made [imports] more expensive" (the direction already read into the side): imports'
    cost, factor 1; "made [mortgages costlier]" (the adjective inside the side, read as
    written): the mortgages' cost, factor +1; "[oil cheap]": -1; "[feed] less affordable":
    affordability, 1.
    """
    toks = [t for t in side.tokens if not t.is_punct]
    if not toks:
        return None
    # (The words are adjectives only, whatever the tagger says: it reads "made flights
    # pricier" as a noun "pricier" with the compound "flights".)
    adj = next((t for t in toks if t.lower_ in L.PRICE_ADJECTIVES or _quality(t) and t.dep_ != "amod"), None)
    if adj is not None:
        if adj.dep_ == "amod":
            return None  # "cheap oil" names the oil; its price is another wording's business
        # The thing is what is left but the adjective's own words and a verb of becoming
        # ("Virgin plastic [has got] really cheap").
        thing = [t for t in toks if t != adj and t.pos_ not in ("VERB", "AUX")
                 and not (t.head == adj and t.dep_ in ("advmod", "npadvmod"))]
        # A clause "that are less competitive" was read with its direction already (the
        # thing, down), as a side that left the adjective out is.
        folded = adj.dep_ == "acomp" and adj.head in toks and adj.head.lemma_ == "be"
    else:
        # The side is the subject of a price adjective outside it ("made [imports] more expensive").
        heads = [t for t in toks if t.head not in toks or t.head == t]
        head = heads[0] if len(heads) == 1 else None
        # (Or the compound of the misread noun: "made [flights] pricier".)
        adj = head.head if head is not None and head.dep_ in ("nsubj", "compound") else None
        if adj is None or not (adj.lower_ in L.PRICE_ADJECTIVES or _quality(adj)) or \
                adj.dep_ not in ("ccomp", "oprd", "xcomp", "acomp", "dobj"):
            return None
        thing = toks
        folded = True
    if not any(t.pos_ in ("NOUN", "PROPN") for t in thing):
        return None
    noun, base = L.PRICE_ADJECTIVES.get(adj.lower_) or _quality(adj)
    said = adj_sign(adj)  # what the rules and the reader take for the thing's direction
    # Which way the cost (or affordability) goes: a comparative of the lexicon already
    # points on it ("cheaper" -1); another adjective points by its own sense, turned by
    # "more" or "less" ("less affordable" -1).
    on_noun = said if adj.lower_ in L.COMPARATIVE else base * (said or 1)
    # A side that left the adjective out had ``said`` read into its sign already.
    return noun, thing, on_noun * (said or 1) if folded else on_noun


def _quality(adj) -> Optional[tuple[str, int]]:
    """``(noun, 1)`` for a plain adjective of quality made more or less of ("more
    fragile": fragility), or made by "make" (:func:`made_quality`), else None. Comparatives
    of level ("higher") and the likelihood words say a direction of the thing itself, and
    keep saying it."""
    made = made_quality(adj)
    if made:
        return made
    if adj.pos_ != "ADJ" or adj.lower_ in L.COMPARATIVE or adj.lower_ in L.STATE_ADJECTIVES or \
            not any(c.dep_ == "advmod" and c.lower_ in ("more", "less") for c in adj.children):
        return None
    noun = L.quality_noun(adj.lower_)
    return (noun, 1) if noun else None


def made_quality(adj) -> Optional[tuple[str, int]]:
    """``(noun, way)`` of the quality a plain adjective or its "-er" form names as what
    "make" or "render" brings about, else None: "makes the mite deadlier" raises the mite's
    deadliness, "made the evening dangerous" its danger, as "more fragile" raises
    fragility; "made the minister unpopular" lowers his popularity (-1). An analyst codes
    the quality, not the thing: the mite is no more a mite.

    Not adjectives that say a direction of the thing itself ("made water scarce", "made
    it cheaper", :data:`lexicon.COMPARATIVE`), nor "made clear that" (a saying)."""
    verb = adj.head
    if adj.dep_ not in ("ccomp", "oprd", "xcomp", "acomp") or adj.i < verb.i or \
            verb.lemma_.lower() not in ("make", "render"):
        return None
    word = adj.lower_
    if adj.pos_ == "ADJ":
        if any(c.dep_ == "advmod" and c.lower_ in ("more", "less") for c in adj.children):
            return None  # read by "more" or "less" (:func:`_quality`)
        base = adj.lemma_.lower() if adj.tag_ == "JJR" else word
    elif adj.pos_ == "NOUN" and word.endswith("ier") and any(c.dep_ == "compound" for c in adj.children):
        base = word[:-3] + "y"  # the tagger's noun "noisier", its compound the city (as for "pricier")
    else:
        return None
    if {word, base} & (set(L.COMPARATIVE) | set(L.STATE_ADJECTIVES) | set(L.PRICE_ADJECTIVES) | L.SAYING_RESULTS):
        return None
    if base.startswith("un") and len(base) > 6 and L.quality_noun(base[2:]):
        return L.quality_noun(base[2:]), -1  # "unpopular": popularity, down
    noun = L.quality_noun(base)
    return (noun, 1) if noun else None


def _negated(tok) -> bool:
    # ("Nor does the board accept that X": an inverted "nor" before its auxiliary denies the verb)
    return any(c.dep_ == "neg" or c.lower_ in ("never", "no") and c.dep_ in ("neg", "advmod", "det")
               or c.lower_ in ("nor", "neither") and c.dep_ in ("cc", "preconj", "advmod") and c.i < tok.i and any(
                   a.dep_ == "aux" and c.i < a.i < tok.i for a in tok.children)
               # "no longer", "no more": the "no" hangs on the adverb
               or c.dep_ == "advmod" and c.lower_ in ("longer", "more") and any(g.lower_ == "no" for g in c.children)
               for c in tok.children)


#: Adverbs that all but deny the verb they come before: "the rate channel barely reaches
#: them", "doctors rarely see dengue". A side that leaves them out (as it leaves out every
#: adverb before its verb) is the reaching or the seeing, down.
_SCARCELY = frozenset("barely hardly scarcely rarely seldom".split())
#: Verbs of getting there, which "barely" says were done, just: "would barely beat a gas
#: boiler", "barely passed", "barely survived".
_JUST_DONE = frozenset("beat pass win survive make clear scrape escape avoid qualify manage meet edge".split())


def _scarcely(verb) -> bool:
    """Whether an adverb before ``verb`` all but denies it. Not on a verb of change:
    "prices barely rose" is still a rise, a small one."""
    lemma = verb.lemma_.lower()
    return lemma not in L.INCREASE and lemma not in L.DECREASE and any(
        c.dep_ == "advmod" and c.lower_ in _SCARCELY and c.i < verb.i
        and not (c.lower_ == "barely" and lemma in _JUST_DONE) for c in verb.children)


def ability_sign(verb) -> int:
    """-1 when what ``verb`` does is denied by the ability that frames it ("unable to
    afford", "are no longer able to afford"), else +1: a side read from the verb alone
    would lose it."""
    frame = verb.head if verb.dep_ == "xcomp" else None
    if frame is None or frame.lower_ not in ("able", "unable"):
        return 1
    sign = -1 if frame.lower_ == "unable" else 1
    if frame.dep_ == "acomp" and _negated(frame.head):
        sign = -sign
    return sign


#: Adjectives of likelihood that frame an infinitive ("likely to", "set to", "bound to"), and
#: passives of expecting that do the same ("is expected to", "are forecast to").
_ODDS_ADJECTIVES = frozenset("likely unlikely set bound sure certain poised due "
                             "expected projected forecast predicted slated tipped".split())


def _odds_of(verb, obj):
    """The infinitive that "likely", "set", "bound" or "the potential" frame: "fall" of
    "cocoa is likely to fall" and of "cocoa has the potential to fall"; else None."""
    if verb.lemma_ == "be":
        frame = next((c for c in _children(verb, "acomp") if c.lower_ in _ODDS_ADJECTIVES), None)
    elif verb.lower_ in _ODDS_ADJECTIVES and _children(verb, "auxpass"):
        frame = verb  # "prices are set to soar", parsed as a passive verb
    elif verb.lemma_ == "have" and obj is not None and obj.lemma_.lower() in L.LIKELIHOOD_NOUNS:
        frame = obj
    else:
        return None
    if frame is None:
        return None
    return next((c for c in frame.children if c.dep_ in ("xcomp", "acl") and c.pos_ in ("VERB", "AUX")
                 and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)


#: Passives of finding and knowing that lend their subject to an infinitive: "the windows
#: were found to reduce noise", "the drug was shown to lower blood pressure". A finding
#: reported, not a forecast: they are no words of likelihood.
_FOUND_TO = frozenset("find show know prove think believe say report estimate see consider".split())


def _raised_subject(verb):
    """The subject an infinitive takes from its frame: "cocoa" for "fall" in "cocoa is
    likely to fall" or "cocoa has the potential to fall"; else None."""
    frame = verb.head
    if verb.dep_ not in ("xcomp", "acl") or not any(a.dep_ == "aux" and a.lower_ == "to" for a in verb.children):
        return None
    if verb.dep_ == "xcomp" and frame.dep_ == "acomp" and frame.lower_ in _ODDS_ADJECTIVES:
        holder = frame.head
    elif verb.dep_ == "xcomp" and (frame.lower_ in _ODDS_ADJECTIVES or frame.lemma_.lower() in _FOUND_TO) \
            and _children(frame, "auxpass"):
        holder = frame
    elif verb.dep_ == "acl" and frame.dep_ == "dobj" and frame.lemma_.lower() in L.LIKELIHOOD_NOUNS and \
            frame.head.lemma_ == "have":
        holder = frame.head
    else:
        return None
    subj = next(iter(_children(holder, "nsubj", "nsubjpass")), None)
    return subj if subj is not None and subj.lower_ not in _PRONOUN_SUBJ else None


def _how_well(verb) -> int | None:
    """+1 for "works better" / "more effectively", -1 for "worse" / "less well" / "badly"."""
    for c in _children(verb, "advmod", "acomp"):
        low = c.lower_
        if low == "better":
            return 1
        if low in ("worse", "badly", "poorly"):
            return -1
        mods = {m.lower_ for m in c.children if m.dep_ == "advmod"}
        if low in ("well", "effectively", "efficiently") and mods & {"less", "more"}:
            return 1 if "more" in mods else -1
    return None


#: Nouns of a mark a quantity is above or below ("inflation stays below target").
_MARKS = frozenset("target level threshold average mark cap limit ceiling floor norm par trend line".split())


def _a_level(tok) -> bool:
    """Whether ``tok`` names a level or an amount ("$8,000", "2 percent", "target"), not a
    phrase's place ("the hearing got under way", "stayed over the border")."""
    return tok.like_num or tok.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL") or \
        tok.lemma_.lower() in _MARKS or any(c.like_num for c in tok.children)


def _ran_out(verb):
    """What runs out or dries up: the object of "run out of", else the subject."""
    part = next((c for c in verb.children if c.dep_ in ("prt", "prep")
                 and c.lower_ == ("out" if verb.lemma_.lower() == "run" else "up")), None)
    if part is None:
        return None
    for p in _children(verb, "prep") + _children(part, "prep"):  # the parser hangs "of" on either
        if p.lower_ == "of":
            return next(iter(_children(p, "pobj")), None)
    subj = next(iter(_children(verb, "nsubj")), None)
    return subj if subj is not None and subj.lower_ not in _PRONOUN_SUBJ else None


#: Verbs by which a thing itself begins (+1) or ends (-1), said without an object.
_LIFECYCLE = {**dict.fromkeys("end stop cease finish halt".split(), -1),
              **dict.fromkeys("begin start resume restart erupt recur".split(), 1)}


def _nobody_to_do(tok):
    """The infinitive that says what no one or nothing is there to do: "nobody (left) [to
    undercut X]", "no one [to fix the roads]"; None for any other word."""
    none = tok.lower_ in ("nobody", "nothing", "none", "noone") or tok.lower_ == "one" and any(
        c.dep_ == "det" and c.lower_ == "no" for c in tok.children)
    if not none:
        return None
    for mod in tok.children:
        if mod.dep_ in ("acl", "relcl") and mod.pos_ in ("VERB", "AUX"):
            for v in mod.subtree:
                if v.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in v.children):
                    return v
    return None


#: Verbs of change that, of an actor, name what it does: "if Russia escalates", "the
#: army retreats".
_ACTS_OF_FORCE = frozenset("escalate retreat withdraw advance".split())
_FORCES = frozenset("army military troops force forces regime government rebels insurgents militia".split())


def clause_side(verb) -> Side:
    """The variable a clause states and its direction.

    "prices rise" -> (prices, +1); "it loses popularity" -> (popularity, -1);
    "the likelihood of X is increasing" -> (X, +1); "X is even less" -> (X, -1);
    anything else is the event itself, +1.
    """
    if verb.lower_ == "absent":
        return np_side(verb)
    lemma = verb.lemma_.lower()
    subj = next(iter(_children(verb, "nsubj", "nsubjpass")), None) or _raised_subject(verb)
    obj = next(iter(_children(verb, "dobj")), None)
    neg = -1 if _negated(verb) or _scarcely(verb) else 1
    if verb.tag_ == "VBG" and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("stop", "cease", "quit", "halt") \
            and not _negated(verb.head) and not _children(verb.head, "dobj", "dative") and \
            not _children(verb, "nsubj"):  # (not "stopped us lowering the water": a prevention, signed as one)
        neg = -neg  # "farmers might cease growing crops, leaving fields bare": the growing, down
    if verb.pos_ in ("NOUN", "PROPN", "PRON", "ADJ") and (subj is None or verb.dep_ not in ("advcl", "ccomp", "ROOT")):
        return np_side(verb)
    if verb.pos_ == "ADJ" and verb.dep_ == "ccomp" and subj is not None and subj.lower_ not in _PRONOUN_SUBJ and \
            verb.head.lemma_.lower() in L.FRAME_ONLY:
        # "would make [the water impact negligible]", "keeps [rents high]": the small clause's
        # subject at that level
        level = adj_sign(verb) or L.STATE_ADJECTIVES.get(verb.lower_)
        if level:
            s = np_side(subj)
            return Side(s.tokens, s.sign * level * neg)
    odds = _odds_of(verb, obj)
    if odds is not None:
        # "cocoa is likely to fall", "cocoa has the potential to fall": how likely is the
        # hedge's business; the clause is cocoa falling.
        s = clause_side(odds)
        # ("fights were less likely to escalate": the escalating, down; "likely" alone is a hedge)
        more = next((_HOW_MANY[c.lower_] for c in odds.head.children
                     if c.dep_ == "advmod" and c.lower_ in ("less", "more")), 1)
        return Side(s.tokens, s.sign * neg * more)
    if lemma == "have" and obj is not None and obj.lower_ in ("less", "more"):
        s = np_side(obj)  # "an attack will have less of an impact": the impact, down
        if obj not in s.tokens:
            return Side(s.tokens, s.sign * neg)
    level = _level_hit(verb)
    if level is not None and subj is not None:
        s = np_side(subj)  # "installations hit a record": installations, up
        return Side(s.tokens, s.sign * level * neg)
    going_on = next((x for x in _children(verb, "xcomp") if x.lemma_.lower() in _CHANGE
                     and not _children(x, "dobj")), None) \
        if lemma in ("keep", "continue") and obj is None and subj is not None else None
    if going_on is not None:
        # "the deficit will keep growing": the deficit, up (not "growing")
        s = np_side(subj)
        return Side(s.tokens, s.sign * (1 if going_on.lemma_.lower() in L.INCREASE else -1) * neg)
    halted = next((x for x in _children(verb, "xcomp") if x.tag_ == "VBG" and not _children(x, "nsubj")), None) \
        if lemma in ("stop", "cease", "quit") and obj is None and subj is not None \
        and subj.lower_ not in _PRONOUN_SUBJ else None
    if halted is not None:
        # "the young lads stopped coming": their coming, down
        s = np_side(subj)
        return Side(sorted(set(s.tokens) | set(halted.subtree), key=lambda t: t.i), -s.sign * neg)
    be = [c for c in verb.children if c.dep_ in ("aux", "auxpass") and c.lemma_ == "be"]
    # (the small parser may hang the subject on the "is" of "is gone")
    ended = subj or next((x for b in be for x in _children(b, "nsubj")), None)
    if ended is not None and ended.lower_ not in _PRONOUN_SUBJ and (
            verb.lower_ == "gone" and be
            or lemma == "be" and any(c.lower_ == "over" and c.dep_ in ("advmod", "acomp", "prt")
                                     for c in verb.children)):
        # "once the queue is gone", "when the shortage is over": the thing ending, down
        s = np_side(ended)
        return Side(s.tokens, -s.sign * neg)
    if lemma == "be" and subj is not None and subj.lemma_.lower() in L.LIKELIHOOD_NOUNS:
        told = next((c for c in _children(verb, "ccomp") if c.pos_ in ("VERB", "AUX")), None)
        if told is not None:
            # "the likelihood is (that) the small bases get cut", "chances are the talks will
            # collapse": how likely is the hedge's business; the clause is the variable.
            s = clause_side(told)
            return Side(s.tokens, s.sign * neg)
    if lemma == "be":
        # "they are (un)able to hire": the clause is the hiring, up or down.
        able = next((c for c in _children(verb, "acomp") if c.lower_ in ("able", "unable")), None)
        act = next((x for x in _children(able, "xcomp") if x.pos_ in ("VERB", "AUX")), None) if able else None
        if act is not None:
            s = clause_side(act)
            return Side(s.tokens, s.sign * neg * (-1 if able.lower_ == "unable" else 1))
        # "there will be a coup" is about the coup; "it is time for a coup" too.
        attr = next(iter(_children(verb, "attr")), None)
        if attr is not None and (any(c.dep_ == "expl" for c in verb.children) or subj is not None and
                                 subj.lower_ in ("it", "this", "that") and attr.lemma_ in ("time", "moment")):
            if attr.lemma_ in ("time", "moment"):
                inner = next((p2 for p2 in _children(attr, "prep") if p2.lower_ == "for"), None)
                pobj = next(iter(_children(inner, "pobj")), None) if inner is not None else None
                if pobj is not None:
                    s = np_side(pobj)
                    return Side(s.tokens, s.sign * neg)
            done = _nobody_to_do(attr)
            if done is not None:
                # "there is nobody left to undercut X", "there was nothing to stop the
                # sellers": the doing, down (the pronoun names no variable)
                s = clause_side(done)
                return Side(s.tokens, -s.sign * neg)
            s = np_side(attr)
            return Side(s.tokens, s.sign * neg)
    if lemma in L.FRAME_ONLY:
        # "it makes X more likely": the clause is about X.
        effects = _effects_of_causal_verb(verb) if _causal_verb_sign(verb) else []
        if len(effects) == 1 and effects[0].tokens and verb not in effects[0].tokens:
            return Side(effects[0].tokens, effects[0].sign * neg)
    given = transferred(verb)  # "send tanks to Kyiv": the variable is what is handed over
    if given is not None:
        s = np_side(given)
        if s.tokens:
            return Side(s.tokens, s.sign * neg)
    if lemma == "mean" and subj is not None and subj.lower_ not in _PRONOUN_SUBJ:
        # "staff cuts meant that inspections moved to every two years, so defects went
        # unnoticed": what the "so" goes on from is the clause meant, the last of the chain
        meant = next((c for c in _children(verb, "ccomp") if c.pos_ in ("VERB", "AUX") and _children(c, "nsubj")), None)
        if meant is not None:
            s = clause_side(meant)
            return Side(s.tokens, s.sign * neg)
    if lemma in _REPORTING or (lemma == "go" and verb.tag_ == "VBG"):
        # "I believe that X", "they are going to X": the clause is X; "I expect an outage": the outage.
        inner = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")), None)
        if inner is not None:
            s = clause_side(inner)
            return Side(s.tokens, s.sign * neg)
        if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
            s = np_side(obj)
            return Side(s.tokens, s.sign * neg)
    if lemma in _OBSERVED and obj is not None and obj.pos_ == "NOUN":
        # "exporters have reported falling orders", "farms suffered heavy losses": what was
        # seen is the variable (orders, down), not the seeing. A verb that also announces
        # ("reported the outbreak to the WHO") does so only of a moving quantity.
        s = np_side(obj)
        moving = any(c.lower_ in L.SIGNED_MODIFIERS or c.lower_ in L.LEVELS for c in obj.children)
        if lemma not in _ANNOUNCED or moving:
            return Side(s.tokens, s.sign * neg)
    if lemma in _TOWARD_VERBS and obj is None:
        # "Russia heads for revolution", "the economy slides into recession": toward the goal.
        for p2 in _children(verb, "prep"):
            if p2.lower_ in ("for", "toward", "towards", "into", "to"):
                pobj = next(iter(_children(p2, "pobj")), None)
                if pobj is not None and pobj.ent_type_ not in ("GPE", "LOC", "FAC", "DATE"):
                    s = np_side(pobj)
                    return Side(s.tokens, s.sign * neg)
    if lemma in ("happen", "occur") and subj is not None and subj.lower_ in _DEMONSTRATIVE:
        # "when that happens": what happens is the statement "that" points back to.
        return Side([subj], neg)
    if lemma == "enter" and obj is not None and obj.lemma_.lower() in _ENTERED_UNITS and subj is not None and \
            subj.lower_ not in _PRONOUN_SUBJ:
        # "as the strike entered its third week": the strike lasting, as "drags on" is
        s = np_side(subj)
        return Side(s.tokens, s.sign * neg)
    if lemma in _DURATION_VERBS and subj is not None and obj is None and subj.lower_ not in _PRONOUN_SUBJ:
        # "the war lasts too long", "the crisis drags on": the variable is the thing lasting.
        s = np_side(subj)
        return Side(s.tokens, s.sign * neg)
    if lemma == "take" and obj is not None and obj.lemma_ in ("effect", "hold", "place", "root", "shape") \
            and subj is not None:
        # "the reform took effect", "panic took hold": the thing that came about
        s = np_side(subj)
        return Side(s.tokens, s.sign * neg)
    if lemma in ("lose", "gain") and obj is not None:
        s = np_side(obj)
        return Side(s.tokens, s.sign * (-1 if lemma == "lose" else 1) * neg)
    verb_sign = _causal_verb_sign(verb) if lemma not in L.FRAME_ONLY and lemma != "cause" else None
    if verb_sign and (obj is not None or any(c.dep_ in ("prt", "prep") and (lemma, c.lower_) in L.PHRASAL_CAUSAL
                                             or c.dep_ == "xcomp" and c.pos_ == "VERB" and _children(c, "nsubj")
                                             for c in verb.children)):
        # "raised rates" states that rates went up; "tipped the economy into recession",
        # recession; "tanks distance Russia from talks", the talks going down; "it might
        # stop people leaving", the leaving going down.
        effects = _effects_of_causal_verb(verb)
        if effects and effects[0].tokens:
            return Side(effects[0].tokens, effects[0].sign * verb_sign * neg)
        if obj is not None:
            s = np_side(obj)
            return Side(s.tokens, s.sign * verb_sign * neg)
    passive = next(iter(_children(verb, "nsubjpass")), None)
    if verb_sign and obj is None and passive is not None and passive.lower_ not in _PRONOUN_SUBJ and \
            not _children(verb, "xcomp", "ccomp", "oprd", "attr", "acomp"):
        # "jobs were cut", "the tax was raised", "fruit was hit hardest": what was acted on,
        # moved the way the verb moves it (not an event "jobs cut"). ("Workers were forced
        # to leave" is about the leaving, and stays with the complement's reading.)
        s = np_side(passive)
        return Side(s.tokens, s.sign * verb_sign * neg)
    if subj is not None and (obj is None or lemma in _CHANGE and (_is_amount(obj) or obj.lemma_ == "way")):
        # ("fell 5 percent", "could fall a long way": how far, not what)
        if lemma in _ACTS_OF_FORCE and obj is None and (subj.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")
                                                         or subj.lemma_.lower() in _FORCES):
            # "if Russia escalates": an actor's act, the event (Russia escalating), not Russia
            # going up; "the fighting escalates" is the fighting, up, as any quantity
            where = {t for p in _children(verb, "prep") if p.lower_ in ("from", "into", "on", "toward", "towards")
                     for t in p.subtree}  # "withdraw from the corridor"
            return Side(sorted({subj, verb} | where, key=lambda t: t.i), neg)
        if lemma in L.INCREASE or lemma in L.DECREASE:
            s = np_side(subj)
            return Side(s.tokens, s.sign * (1 if lemma in L.INCREASE else -1) * neg)
        if lemma in _LIFECYCLE and obj is None and not _children(verb, "xcomp", "ccomp", "prt") \
                and subj.lower_ not in _PRONOUN_SUBJ:
            # "the strike will end", "fighting resumed": the strike going down, the fighting
            # up, not an event "strike end" ("prices stop rising" and "end up" are not this).
            s = np_side(subj)
            return Side(s.tokens, s.sign * _LIFECYCLE[lemma] * neg)
        # "X is / becomes (even) less / higher / more likely"; "fees stay high", "stocks
        # run low": a level held or reached is the variable at that level (a side names
        # the variable, not the event "fees stay high"). A level only stated ("shelves are
        # empty") stays as written: "empty shelves" is itself a variable a map can name.
        # ("running so low": the tagger may take the level for an adverb of the verb)
        held = [c for c in _children(verb, "advmod") if c.lower_ in L.LEVELS] if lemma in _HOLDING else []
        for comp in _children(verb, "acomp", "attr", "oprd") + held:
            direction = adj_sign(comp) if comp.pos_ in ("ADJ", "ADV") else None
            if direction is None and lemma in _HOLDING and comp.pos_ in ("ADJ", "ADV") and \
                    subj.lower_ not in _PRONOUN_SUBJ:
                direction = L.STATE_ADJECTIVES.get(comp.lower_) or L.LEVELS.get(comp.lower_)
            if direction is not None:
                s = np_side(subj)
                return Side(s.tokens, s.sign * direction * neg)
        above = next((p for p in _children(verb, "prep") if p.lower_ in ("above", "below", "under", "over")
                      and any(_a_level(o) for o in _children(p, "pobj"))), None) \
            if lemma in _HOLDING or lemma == "be" else None
        if above is not None and subj.lower_ not in _PRONOUN_SUBJ:
            # "prices stay above $8,000": high; "revenue is still below its 2022 level": low (a
            # level against a mark is a comparison, where "shelves are empty" only describes)
            s = np_side(subj)
            return Side(s.tokens, s.sign * (1 if above.lower_ in ("above", "over") else -1) * neg)
        for prt in _children(verb, "prt", "advmod"):
            if prt.lower_ in ("up", "down") and lemma in _MOVING:
                # "demand picks up", "inflation ticks down": the subject, that way
                s = np_side(subj)
                return Side(s.tokens, s.sign * (1 if prt.lower_ == "up" else -1) * neg)
        how_well = _how_well(verb) if lemma in _WORKING and subj.lower_ not in _PRONOUN_SUBJ else None
        if how_well is not None:
            # "treatments work less well": what the subject does for its purpose, down
            s = np_side(subj)
            return Side(s.tokens, s.sign * how_well * neg)
        ran_out = _ran_out(verb) if lemma in ("run", "dry") else None
        if ran_out is not None:
            s = np_side(ran_out)  # "stores run out of bananas", "credit dries up": that, down
            return Side(s.tokens, -s.sign * neg)
        if lemma in _COMING_GOING and obj is None and not _children(verb, "xcomp") and \
                subj.lower_ not in _PRONOUN_SUBJ and subj.pos_ in ("NOUN", "PROPN"):
            # "gaps on shelves appeared", "the jobs vanished": the thing, up or down (not the
            # event "gaps on shelves appeared")
            s = np_side(subj)
            return Side(s.tokens, s.sign * _COMING_GOING[lemma] * neg)
    counted_obj = counted_object(verb, obj) if subj is not None else None
    if counted_obj is not None:
        # "districts will need fewer teachers", "households bought less meat", "officials
        # face fewer questions": how much of the object the clause involves is the variable
        # (teachers, down), not the event with "fewer" in its name, whose direction a map
        # would lose to the concept's label.
        return Side(counted_obj.tokens, counted_obj.sign * neg)
    keep = [verb]
    counted = 1

    def walk(t):
        nonlocal counted
        for c in t.children:
            if c.dep_ in _CLAUSE_DROP or c.dep_ in ("auxpass", "neg") or \
                    c.dep_ == "aux" and (t == verb or c.lower_ != "to"):
                continue
            if c.dep_ == "amod" and t.dep_ in ("nsubj", "nsubjpass") and t.head == verb and c.lower_ in _HOW_MANY \
                    and len(_children(verb, "nsubj", "nsubjpass")) == 1 and \
                    not (c.i + 1 < len(c.doc) and c.nbor(1).lower_ == "than"):
                # "fewer students want to join": the joining, down (a label that kept the
                # word would lose it to the concept's name, and the link its direction). Not
                # "more than half of the buyers" (how many of them), nor a verb with two
                # subjects, a misparse ("the less money it has, the less it spends").
                counted *= _HOW_MANY[c.lower_]
                continue
            if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("nobody", "none") and t == verb:
                counted = -counted  # "nobody is telling residents": the telling, down
                continue
            if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _PRONOUN_SUBJ and t == verb:
                continue
            if c.lower_ in ("why", "how", "when", "whenever", "once") and c.dep_ == "advmod":
                continue
            if c.dep_ in ("prep", "advmod", "amod") and c.lower_ in _CAUSE_PREP_WORDS:
                continue  # the reason is a claim of its own, not part of the effect
            if c.dep_ == "advmod" and c.head == verb and c.i < verb.i and c.lower_ not in ("too",):
                continue
            if c.dep_ in ("prep", "npadvmod") and _adjunct(c, verb):
                continue  # "as a result", "according to traders", "for two days": said of the event, not part of it
            if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _REL_PRONOUNS:
                continue
            if c.dep_ == "ccomp" and any(g.dep_.startswith("nsubj") and g.lower_ == "which" for g in c.children):
                continue  # "investors fled, which pushed X down": a comment on the clause, parsed as its object
            keep.append(c)
            walk(c)

    walk(verb)
    keep = _with_hyphens(keep)
    while keep and (keep[-1].is_punct or keep[-1].dep_ in ("prep", "cc")):
        keep.pop()
    return Side(keep, counted * neg * negation_sign(keep))  # "have distrust" is about trust


#: How many do the doing: a count of the subject of an event.
_HOW_MANY = {"fewer": -1, "more": 1, "less": -1}


def counted_object(verb, obj) -> Optional[Side]:
    """The object of a verb that is no causal verb, as the variable, when a word of how
    many says which way it goes: "need [fewer teachers]" (teachers, -1), "absorbs [more
    sunlight]" (+1); None otherwise. Not "more than half of the buyers" (how many of
    them), and not a causal verb's object ("cut more jobs": the verb says the way)."""
    if obj is None or obj.pos_ not in ("NOUN", "PROPN") or verb.lemma_.lower() in L.CAUSAL_VERBS or \
            verb.lemma_.lower() in L.FRAME_ONLY:
        return None
    many = next((c for c in obj.children if c.dep_ in ("amod", "det", "advmod") and c.lower_ in _HOW_MANY
                 and c.i < obj.i and not (c.i + 1 < len(c.doc) and c.nbor(1).lower_ == "than")), None)
    if many is None:
        return None
    s = np_side(obj)
    return s if s.tokens and s.sign == _HOW_MANY[many.lower_] else None


def _adjunct(tok, verb) -> bool:
    """A phrase that places or sources an event ("in 2024", "as a result", "according
    to X") rather than naming what changes: a fronted prepositional phrase, an
    "according to", or a phrase of a date or time."""
    if tok.dep_ == "prep" and tok.head == verb and tok.i < verb.i:
        return True
    if tok.lower_ == "according":
        return True
    inner = [t for t in tok.subtree if t.ent_type_]
    return bool(inner) and all(t.ent_type_ in ("DATE", "TIME") for t in inner) and \
        sum(1 for t in tok.subtree if t.is_alpha) <= 4


def heads_a_clause(tok) -> bool:
    """Whether ``tok`` heads a clause: a verb, or a word the tagger took for a noun where the
    parser gives it a subject and a clause's place ("when unemployment [rises]", tagged a
    plural noun): the parse, which sees the whole sentence, is the surer of the two."""
    return tok.pos_ in ("VERB", "AUX") or tok.pos_ == "NOUN" and tok.dep_ in ("advcl", "ccomp", "ROOT") and \
        any(c.dep_ == "nsubj" for c in tok.children)


def _side_for(tok) -> Side:
    return clause_side(tok) if heads_a_clause(tok) else np_side(tok)


# ---------------------------------------------------------------------------
# Hedges, tense


def _verb_group(tok):
    """The token and the verbs above it up to the clause that carries modality."""
    chain = [tok]
    t = tok
    while t.dep_ in ("xcomp", "conj", "ccomp") and t.head != t and t.head.pos_ in ("VERB", "AUX", "ADJ") and not (
            t.dep_ == "conj" and any(c.dep_ in ("nsubj", "aux") for c in t.children)) and not (  # a clause of its own
            t.dep_ == "ccomp" and any(c.dep_ == "nsubj" for c in t.children) and t.head.pos_ == "VERB"
            and t.head.lemma_.lower() not in _FRAMING_VERBS) and not (
            # "X kills fish, that part isn't controversial": a comment on the clause, not a
            # frame of it, unless it says how true or likely it is ("it is not true that")
            t.dep_ == "ccomp" and t.head.lemma_ == "be" and not any(
                c.dep_ in ("acomp", "attr") and c.lemma_.lower() in _EPISTEMIC for c in t.head.children)):
        # (a clause with a subject is framed only by a verb of saying or thinking: "I don't
        # think X raises Y" is denied, but in "It has led to a two-tier market: people never
        # move" the parser hung the link's clause on the next one, and its "never" is not the link's)
        t = t.head
        chain.append(t)
        if t.dep_ not in ("xcomp", "conj"):
            break
    return chain


#: What "it is ... that X" may say of X: how true, sure or likely it is.
_EPISTEMIC = frozenset("true false untrue wrong likely unlikely certain uncertain sure clear unclear possible "
                       "impossible probable improbable obvious evident plain doubtful myth fact case".split())
#: Verbs that frame a clause as what someone says, thinks or finds.
_FRAMING_VERBS = SPEECH_VERBS | frozenset("doubt seem appear mean suppose imagine feel hope fear know deny "
                                          "show find suggest prove accept".split())


#: Verbs that deny what they frame, and words that call it false.
_DENYING = frozenset("deny reject dismiss refute dispute disprove debunk".split())
_FALSE = frozenset("false untrue wrong baseless unfounded".split())
#: Nouns of what someone holds, true or not ("the claim that"), and of what is held false.
_HEARSAY_NOUNS = frozenset("claim idea notion belief assumption theory argument suggestion allegation rumour "
                           "rumor hypothesis contention".split())
_MYTH_NOUNS = frozenset("myth misconception fallacy canard".split())
#: Nouns of evidence, and the words that say there is little of it.
_EVIDENCE_NOUNS = frozenset("evidence proof sign indication data".split())
_SCANT = frozenset("little scant limited weak thin mixed inconclusive scarce".split())
#: Verbs of evidence: what they do not show is unproven, not denied.
_EVIDENCE_VERBS = frozenset("prove show establish demonstrate confirm".split())


def stray_negation(neg) -> bool:
    """A "not" the parser hung on a verb that it does not negate: one that ends a clause of
    condition or time before it ("If it does not, the market will stall": the "if" clause's),
    or one that sets a noun aside after it ("It's the rent that's pushing them out, not the
    kids"). The verb's clause is neither denied nor doubted.

    >>> from cogmap.extract.nlp import load
    >>> texts = ["If it does not, the housing market will stall.",
    ...          "It's the rent that's pushing them out, not the kids.",
    ...          "Prices are not just rising, they are also hurting savers."]
    >>> [stray_negation(t) for d in load().pipe(texts) for t in d if t.dep_ == "neg"]
    [True, True, True]
    """
    v, doc = neg.head, neg.doc
    if neg.i + 1 < len(doc) and doc[neg.i + 1].lower_ in ("only", "just", "merely", "simply") and any(
            t.lower_ in ("but", "also") for t in doc[neg.i + 2:neg.sent.end]):
        return True  # "is not only endangering X but also Y": both are asserted
    if neg.i > v.i:
        return doc[neg.i - 1].text == "," and neg.i + 1 < len(doc) and \
            doc[neg.i + 1].pos_ in ("DET", "NOUN", "PROPN", "PRON", "NUM")
    if not any(t.text == "," for t in doc[neg.i + 1: v.i]):
        return False
    return any(a.dep_ == "advcl" and a.i < neg.i <= a.right_edge.i + 1 for a in v.children)


def modality_of(tok, sent, negation: bool = True):
    """(modality, tense, hedge words, negated) for the verb ``tok`` in ``sent``; with
    ``negation`` false, as if its "not" were not there."""
    hedge = []
    modality = "asserted"
    tense = "present"
    negated = False
    by_would = False  # the modality is "possible" only because of a "would"
    chain = _verb_group(tok)
    for v in chain:
        for c in v.children:
            low = c.lower_
            if negation and c.dep_ == "neg" and v != tok and v.lemma_.lower() in _EVIDENCE_VERBS:
                # "the findings do not prove that noise raises blood pressure": the link is
                # left unproven, not denied
                modality = "possible"
                hedge += [low, v.lower_]
            elif negation and (c.dep_ == "neg" and not stray_negation(c)
                               or low == "nor" and c.dep_ == "cc" and c.i < v.i and (v == tok or c.i == c.sent.start)):
                # ("Nor did the libraries cause the deficit": the "nor" denies as a "not" does,
                # and so on the frame that opens the sentence: "Nor is it true that X drives Y")
                negated = True
                hedge.append(low)
            if c.dep_ == "aux":
                if low in FUTURE_AUX:
                    tense = "future"
                elif low in _MODAL_POSSIBLE:
                    modality = "possible"
                    hedge.append(low)
                elif low == "would":
                    tense = "future"
                    if modality == "asserted":
                        modality, by_would = "possible", True
                    hedge.append(low)
                elif low == "going":
                    tense = "future"
            if c.dep_ == "advmod" and low in HEDGE_ADVERBS:
                hedge.append(low)
                if low in ("likely", "probably", "presumably"):
                    modality = "likely"
                elif low in _SURE_ADVERBS and by_would:
                    # "would almost certainly end": a hypothetical held near certain is likely, not
                    # merely possible (its probability says 0.97); "could certainly" stays possible
                    modality = "likely"
        if tense == "present" and (v.tag_ == "VBD" or v.tag_ == "VBN" and any(
                c.dep_ == "aux" and c.lemma_ == "have" for c in v.children)):
            tense = "past"
        if v != tok and v.lower_ in _ODDS_ADJECTIVES and (v.dep_ == "acomp" or _children(v, "auxpass")):
            # the frame above the verb: "tariffs are likely to hurt", "the deal is expected to ease"
            hedge.append(v.lower_)
            tense = "future"
            modality = "likely" if modality == "asserted" else modality
        if v.lemma_ == "be" or v.dep_ in ("xcomp",):
            for c in v.children:
                if c.dep_ == "acomp" and c.lower_ in ("likely", "unlikely", "certain", "sure", "set", "bound"):
                    hedge.append(c.lower_)
                    tense = "future"
                    modality = "likely"
    if any(c.dep_ == "aux" and c.lower_ in ("has", "have", "had") for c in tok.children) and \
            any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might") for c in tok.children):
        modality = "counterfactual"
    top = chain[-1]
    framer = top if top != tok else top.head if top.dep_ in ("ccomp", "acl") and top.head != top else None
    if framer is not None and framer.pos_ == "NOUN" and framer.dep_ in ("dobj", "pobj"):
        framer = framer.head if framer.dep_ == "dobj" else framer.head.head  # "rejected the claim that"
    if negation and framer is not None and (
            framer.lemma_.lower() in _DENYING
            # "Nor does the board accept the submission that X", "does not accept the claim that"
            or framer.lemma_.lower() == "accept" and framer.pos_ == "VERB" and _negated(framer)
            or framer.lemma_.lower() in _FRAMING_VERBS and any(
                c.dep_ == "nsubj" and (c.lower_ in ("nobody", "no-one") or c.lower_ == "one" and any(
                    d.lower_ == "no" for d in c.children)) for c in framer.children)  # "nobody / no one believes"
            or framer.lemma_ == "be" and any(c.dep_ == "acomp" and c.lower_ in _FALSE for c in framer.children)):
        # "The minister denied that the tax caused the recession", "rejected the claim that",
        # "nobody believes that", "it is false that": the link is denied
        negated = True
        hedge.append(framer.lower_)
    elif any(c.dep_ == "mark" and c.lower_ == "whether" for v in chain for c in v.children):
        # "We cannot say whether control drives the gains", "it is unclear whether X raises Y":
        # the link is left open, whatever denies the knowing of it
        negated = False
        hedge = [w for w in hedge if w not in ("not", "n't", "never")] + ["whether"]
        modality = "possible"
    elif top.dep_ in ("acl", "ccomp") and top.head.lemma_.lower() in _MYTH_NOUNS:
        # "the myth that vaccines cause autism": a link the speaker calls false
        negated = True
        hedge.append(top.head.lower_)
    elif top.dep_ in ("acl", "ccomp") and top.head.lemma_.lower() in _HEARSAY_NOUNS and top.head.pos_ == "NOUN":
        # "the early claim that small loans lift villages out of poverty", "fears that X will
        # raise Y": a link someone holds, which the sentence reports, not asserts
        if modality in ("asserted", "likely"):
            modality = "possible"
        hedge.append(top.head.lower_)
    elif top.dep_ in ("acl", "ccomp") and top.head.lemma_.lower() in _EVIDENCE_NOUNS:
        # "There is no evidence that the vaccine causes autism" denies the link; "little
        # evidence that" leaves it in doubt
        noun = top.head
        said = {c.lower_ for c in noun.children if c.dep_ in ("det", "amod", "neg")}
        if noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
            said |= {c.lower_ for c in noun.head.children if c.dep_ == "acomp"}  # "the evidence that X is weak"
        if "no" in said or any(c.dep_ == "neg" for c in noun.head.children):
            negated = True
            hedge.append("no evidence")
        elif said & _SCANT:
            modality = "possible"
            hedge.append(f"{sorted(said & _SCANT)[0]} evidence")
    if _doubted(tok):
        # "I doubt a cap will make homes more affordable": the link is held unlikely, not
        # asserted (its probability reads "doubt").
        hedge.insert(0, "doubt")
        modality = "possible" if modality in ("asserted", "likely") else modality
    if negated:
        modality = "negated"
    return modality, tense, hedge, negated


def _doubted(tok) -> bool:
    """Whether ``tok``'s clause is what a "doubt" above it doubts; a clause joined on with a
    subject of its own ("..., and it could make the shortage worse") is said apart."""
    t = tok
    while t.head != t:
        if t.dep_ == "conj" and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children):
            return False
        t = t.head
        if t.lemma_.lower() == "doubt" and t.pos_ in ("VERB", "AUX"):
            return True
    return False


#: Adverbs that hold a claim near certain.
_SURE_ADVERBS = frozenset("certainly definitely surely undoubtedly inevitably doubtless".split())
HEDGE_ADVERBS = frozenset(
    "likely probably possibly perhaps maybe certainly definitely surely undoubtedly clearly "
    "presumably conceivably potentially almost hardly unlikely doubtless absolutely inevitably "
    "obviously".split())


# ---------------------------------------------------------------------------
# Rules


#: Verbs whose object a present participle before it only describes: "the rise reflects
#: escalating tensions", "the data show falling prices" (the small parser can take the
#: participle for a clause of the verb's).
_SHOWING = frozenset("reflect mirror show signal indicate reveal suggest face".split())


def _showing_a_change(tok) -> bool:
    """Whether ``tok`` is a participle the parser hung on a verb of :data:`_SHOWING` as
    its clause, with the noun it describes as its object: "reflects [escalating] regional
    tensions"."""
    return tok.dep_ == "xcomp" and tok.tag_ == "VBG" and tok.head.lemma_.lower() in _SHOWING and \
        tok.i == tok.head.i + 1 + sum(1 for c in tok.head.children if c.dep_ == "advmod" and tok.head.i < c.i < tok.i) \
        and bool(_children(tok, "dobj")) and not _children(tok.head, "dobj")


def _subject_of(verb):
    """The subject of ``verb``, inherited through coordination and control when absent."""
    t = verb
    for _ in range(6):
        subj = _children(t, "nsubj", "csubj")
        if subj:
            return subj[0], t
        framed = _raised_subject(t)  # "the deal is expected to ease tensions"
        if framed is not None:
            return framed, t
        # "Tariffs are likely to harm X": the adjective's clause shares the copula's subject.
        raised = t.dep_ == "acomp" and t.pos_ == "ADJ" and t is not verb
        if (t.dep_ in ("conj", "xcomp", "advcl", "acl", "relcl") or raised) and t.head != t:
            if t.dep_ == "acl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
                return None, None  # "the decision to cut output": the decision is not the cutter
            if _showing_a_change(t):
                return None, None  # "the rise reflects [escalating] tensions": no one escalates them
            if t.dep_ in ("relcl", "acl") and t.head.pos_ in ("NOUN", "PROPN"):
                return t.head, t
            t = t.head
            continue
        break
    return None, None


def _moved_by(noun) -> Optional[int]:
    """The direction a causal verb moves ``noun``, its object, in: -1 for "squeeze supply",
    +1 for "boost exports"; None when it is no causal verb's object."""
    if noun.dep_ != "dobj" or noun.head.pos_ != "VERB":
        return None
    sign = _causal_verb_sign(noun.head)
    return sign if sign in (1, -1) and noun.head.lemma_.lower() not in L.FRAME_ONLY else None


#: Verbs by which an actor sets a quantity it controls: "the bank cut its rate", "the firm
#: raised prices". The move is an event (data/GUIDE.md codes no link from the actor); what
#: it changes next is a link of its own ("..., which sent shares down").
_SETTING_VERBS = frozenset("raise lower cut increase reduce slash hike lift trim halve double triple "
                           "cap ease tighten halt suspend restrict freeze delay postpone".split())
_ACTOR_ENTS = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _actor_setting(subj, verb) -> bool:
    """Whether ``subj`` is an actor (a name, a person or an institution) setting ``verb``'s
    object, a quantity, by one of :data:`_SETTING_VERBS`: no causal claim, the actor acting."""
    if verb.lemma_.lower() not in _SETTING_VERBS or not _children(verb, "dobj"):
        return False
    if any(c.dep_ in ("xcomp", "ccomp", "oprd") and c.i > verb.i or c.dep_ == "prt" and c.lower_ in ("off", "out")
           for c in verb.children):
        return False  # "cut them off", "raise X to do Y": other frames (not a clause before it, set beside it)
    return _an_actor(subj) or _doers(subj)


def _doers(tok) -> bool:
    """Whether ``tok`` is a plural noun of doers ("carmakers", "smelters", "lessors",
    "economists"). Plural only: a singular "-er" is as often a thing ("water", "power"),
    so to call a subject an actor this asks more than :func:`_doer_shaped` does."""
    return tok.tag_ == "NNS" and not tok.ent_type_ and len(tok.lemma_) > 4 and _doer_shaped(tok) and \
        tok.lemma_.lower() not in _NOT_DOERS


#: Nouns with a doer's ending that do nothing: seasons ("hotter summers increase
#: evaporation") and things that are counted or crossed ("other factors", "open borders").
_NOT_DOERS = frozenset("summer winter factor sector number water order border barrier error".split())


def _doer_shaped(tok) -> bool:
    """Whether the noun has the shape of a noun of a doer ("-er", "-or", "-ist"); no list holds them."""
    return tok.lemma_.lower().endswith(("er", "or", "ist"))


def actors_move(cause_tokens, effect_tokens) -> bool:
    """Whether a link read from ``cause_tokens`` to ``effect_tokens`` is an actor setting a
    quantity (:func:`_actor_setting`): the cause is the subject of the verb and the effect
    its object ("the carmakers could cut prices again"). The rules skip these when they
    read them; this lets another path (the learned reader's pairs) skip them too.

    >>> from cogmap.extract.nlp import load
    >>> d = load()("The carmakers could cut prices, and the drought cut the harvest.")
    >>> actors_move(d[1:2], d[4:5]), actors_move(d[9:10], d[11:12])
    (True, False)
    """
    subj, obj = (next(iter(roots(side)), None) for side in (cause_tokens, effect_tokens))
    if subj is None or obj is None or subj.dep_ != "nsubj" or obj.dep_ != "dobj" or obj.head != subj.head:
        return False
    return _actor_setting(subj, subj.head)


def _an_actor(tok) -> bool:
    """Whether ``tok`` names one who acts: a name of a person, body or place, a personal
    pronoun, or the head noun of an institution ("the ministry")."""
    return _name_type(tok) in _ACTOR_ENTS or tok.lower_ in ("he", "she", "i", "we", "you") or \
        tok.lemma_.lower() in _INSTITUTIONS


def _name_type(tok) -> str:
    """The token's entity type where it is written as a name: the small model's entity
    recogniser also tags lower-case common nouns ("Thick haze also reduced visibility"
    made "haze" a PERSON, and so an actor setting the visibility)."""
    return tok.ent_type_ if tok.pos_ == "PROPN" or not tok.text.islower() else ""


#: Head nouns of bodies that act (who sets a rate or a price), not variables.
_INSTITUTIONS = frozenset("government ministry council bank company firm authority regulator agency "
                          "administration parliament congress court board cartel department treasury "
                          "employer retailer insurer fund".split())


#: Verbs that say only that their subject brings their object about, or changes it by a
#: multiple. With a thing as subject and an object they leave no doubt of a cause ("the
#: drought tripled feed costs", "the outcry forced the inquiry"), and the reader, which saw
#: few of some, vetoes them in some contexts ("The war has tripled fuel prices."). Verbs of
#: change that actors do ("cut", "extend", "restore", "stop") are left to the reader: tried
#: with them, the learned path read "northern mills restore night shifts" as a link.
_BRINGING_ABOUT = frozenset("double triple quadruple halve cause trigger spark provoke fuel spur stoke "
                            "exacerbate aggravate compound precipitate induce force compel prompt".split())


def _brought_about_by_a_thing(subj, verb) -> bool:
    """Whether ``verb`` brings about or multiplies its object (:data:`_BRINGING_ABOUT`) and
    ``subj`` is a thing, not an actor doing it ("the ministry halved the grant", "farmers
    doubled their output", "it doubled"): no name, pronoun or institution, and no noun of
    a doer ("-er", "-or", "-ist").

    >>> from cogmap.extract.nlp import load
    >>> def read(sentence):
    ...     verb = load()(sentence)[:].root
    ...     return _brought_about_by_a_thing(next(c for c in verb.children if c.dep_ == "nsubj"), verb)
    >>> [read(s) for s in ("The drought tripled feed costs.", "Investors doubled their bets.",
    ...                    "The ministry halved the grant.")]
    [True, False, False]
    """
    if verb.lemma_.lower() not in _BRINGING_ABOUT or not _children(verb, "dobj") or subj.dep_ != "nsubj":
        return False
    # A common noun, of no entity at all, and not a noun of a doer (which no list holds).
    return subj.pos_ == "NOUN" and not _name_type(subj) and not _an_actor(subj) and \
        not _doer_shaped(subj)


def _singular_verb(verb) -> bool:
    """Whether ``verb``'s finite form is third person singular: "lowers", "has lowered",
    "is pushing" (a past "pushed" or a modal's "would push" says nothing of number)."""
    finite = [verb] + [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return any(t.tag_ == "VBZ" for t in finite) and not any(t.tag_ == "MD" for t in finite)


def _cause_side_from_subject(subj, verb, prev_sents):
    """Resolve the cause named by a subject: relative pronouns and "this" point elsewhere.
    Returns ``(side, cross)``: ``cross`` is whether the side is in the sentence before, or
    the question's sentence when it is in another parse (an answer's opening "it")."""
    low = subj.lower_
    if low == "what" and verb.head.lemma_ == "be" and verb.dep_ in ("ccomp", "attr", "advcl", "acl"):
        # "That is what fuelled X": the cause is what "that" points to.
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.lower_ in _DEMONSTRATIVE and not list(subject.children):
            return (statement_of(prev_sents[-1]), True) if prev_sents else (None, False)
        if subject is not None and subject.lower_ not in _PRONOUN_SUBJ:
            return _side_for(subject), False
        return None, False
    # "that" is relative only in a relative clause; "That has cut X" points back.
    if low in _REL_PRONOUNS and subj.dep_.startswith("nsubj") and verb.dep_ == "conj" and subj.head.dep_ == "relcl" \
            and subj.head.lemma_.lower() not in _CHANGE:
        # "The gas, which smells of eggs and can cause headaches": the relative clause's
        # first verb describes the gas, and the gas causes them ("which rose and hurt
        # families" keeps its rise: that is the cause).
        verb = subj.head
    if low in _REL_PRONOUNS and subj.dep_.startswith("nsubj") and not (low == "that" and verb.dep_ != "relcl"):
        head = verb
        if verb.dep_ == "relcl":
            antecedent = verb.head
            own = [t.i for t in antecedent.subtree if not verb.left_edge.i <= t.i <= verb.right_edge.i]
            if low == "which" and subj.i > 0 and subj.nbor(-1).text == "," and max(own) < subj.i - 2:
                # "X pushed prices up by 60 percent, which doubled fares": words stand between
                # the noun the parser chose and ", which", so "which" is the clause before,
                # and what it did is the variable it moved (prices, up).
                clause = next((a for a in antecedent.ancestors if a.pos_ in ("VERB", "AUX")), None)
                return (clause_side(clause), False) if clause is not None else (None, False)
            if low == "which" and subj.i > 0 and subj.nbor(-1).text == "," and _singular_verb(verb) and \
                    antecedent.tag_ in ("NNS", "NNPS") and antecedent.dep_ in ("dobj", "pobj", "attr"):
                # "banks sell bonds, which lowers their price": a plural noun takes no singular
                # verb, so "which" is the clause before (the selling), not its last noun.
                clause = next((a for a in antecedent.ancestors if a.pos_ in ("VERB", "AUX")), None)
                if clause is not None:
                    return clause_side(clause), False
            if antecedent.ent_type_ in ("DATE", "TIME") or antecedent.lemma_.lower() in _TIME_NOUNS:
                # "tighter supply in two years, which could push rents up": "which" is the
                # whole clause, not the time it names; "his attempt to take the city within
                # a day, which cost ...": the attempt.
                clause = next((a for a in antecedent.ancestors if a.pos_ in ("VERB", "AUX")), None)
                if clause is not None and clause.dep_ == "acl" and clause.head.lemma_.lower() in L.INTENT_NOUNS:
                    return np_side(clause.head), False
                return (clause_side(clause), False) if clause is not None else (None, False)
            if low == "which" and subj.i > 0 and subj.nbor(-1).text == ",":
                # "cut spending on other goods, which slows retail sales": the parser hangs
                # "which" on the last noun, but what the clause before moved is the object
                # of its causal verb, which holds that noun (spending, down; not "goods").
                up = antecedent
                while up.dep_ == "pobj" and up.head.dep_ == "prep" and up.head.head.pos_ == "NOUN":
                    up = up.head.head
                if up is not antecedent and _moved_by(up) is not None:
                    antecedent = up
            moved = _moved_by(antecedent) if low == "which" and subj.i > 0 and subj.nbor(-1).text == "," else None
            if moved is not None:
                # "will squeeze supply, which will boost prices": "which" is the squeezing,
                # supply going down, not supply
                s = np_side(antecedent)
                return Side(s.tokens, s.sign * moved), False
            return np_side(antecedent), False
        if low == "which" and verb.dep_ == "advcl" and any(
                c.dep_.startswith("nsubj") and c.lower_ in _PRONOUN_SUBJ for c in verb.head.children) and \
                verb.head.lemma_.lower() not in SPEECH_VERBS and not _children(
                    verb.head, "dobj", "xcomp", "ccomp", "attr", "oprd", "acomp"):
            # (not "he added, which ...", nor "it pushed schools to merge, which ...": a clause
            # that moves something is what "which" takes up)
            # "This comes in the face of steep rises in energy prices - which have caused
            # shortages": a clause whose subject is a pronoun names nothing; the parser hung
            # "which" on its verb, but it is the noun phrase just before (the rises in prices).
            last = max((t for t in verb.head.subtree if t.i < subj.i and t.pos_ in ("NOUN", "PROPN")),
                       key=lambda t: t.i, default=None)
            while last is not None and last.dep_ == "pobj" and last.head.dep_ == "prep" and \
                    last.head.head.lemma_.lower() in _CHANGE_NOUNS:
                last = last.head.head
            return (np_side(last), False) if last is not None else (None, False)
        if verb.dep_ in ("advcl", "ccomp", "conj") and verb.head != verb:
            return _side_for(verb.head), False
        return None, False
    if low in _DEMONSTRATIVE and subj.dep_.startswith("nsubj") and not list(subj.children):
        if verb.dep_ == "conj" and verb.head.i < subj.i:
            # "unemployment would rise, and that would pull inflation down": the clause before.
            return clause_side(verb.head), False
        if prev_sents and not prev_sents[-1].text.rstrip().endswith("?"):  # a question states nothing
            return statement_of(prev_sents[-1]), True
        return None, False
    if low in ("it", "they") and verb.dep_ == "conj" and verb.head.i < verb.i:
        # "The rules may slow X, but they also speed up Y": "they" is the first clause's subject.
        first = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        if first is not None and first.pos_ in ("NOUN", "PROPN") and (first.tag_ in ("NNS", "NNPS")) == (low == "they"):
            return _side_for(first), False
    if low in ("it", "they"):
        side, before = resolve_anaphor(Side([subj], 1), verb.sent)
        if before is not None and before.doc is not subj.doc:
            return side, before  # the question an answer's opening "it" points to: the evidence starts there
        return side, before is not None
    if low in ("he", "she", "we", "i", "you", "there"):
        return None, False
    return _side_for(subj), False


def _alternative(head, conj) -> bool:
    """Whether ``conj`` is the alternative not taken: "idled plants rather than sell at a
    loss", "bonds instead of shares" (the coordinator "than" or "instead" before it)."""
    return any(c.dep_ in ("cc", "advmod", "prep") and c.lower_ in ("than", "instead") and c.i < conj.i
               for c in head.children)


def _conjuncts(tok):
    out = [tok]
    for c in tok.children:
        if c.dep_ == "conj" and c.pos_ == tok.pos_ and not _alternative(tok, c):
            out.extend(_conjuncts(c))
    return out


#: Adjectives of how easy a thing is to do: "made fraud harder to detect" is the detecting,
#: down; "easier to get" up.
_EASE = {**dict.fromkeys("easy easier simple simpler possible".split(), 1),
         **dict.fromkeys("hard harder difficult tough tougher impossible".split(), -1)}


def _effects_of_causal_verb(verb):
    """Effect sides of a causal verb (its object, its complement clause, or "to" phrase)."""
    lemma = verb.lemma_.lower()
    out = []
    prt = {c.lower_ for c in verb.children if c.dep_ == "prt"}
    objs = _children(verb, "dobj")
    # "make X more likely", "send prices climbing", "push prices higher": the result
    # follows the verb (a clause before it is something else).
    # (A clause with a conjunction of its own, "although prices eased", is not a result.)
    xcomp = [c for c in verb.children if c.i > verb.i and (
        c.dep_ in ("xcomp", "ccomp", "oprd", "advcl", "acomp")
        and not (c.dep_ == "advcl" and any(m.dep_ == "mark" for m in c.children))
        # (nor a participle set off by a comma, "will produce fewer cars, losing $1bn in
        # sales": a result of the whole clause, read as such by the rules of its own)
        and not (c.dep_ == "advcl" and c.tag_ == "VBG" and c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].is_punct)
        or c.dep_ == "advmod" and objs and (c.lower_ in L.COMPARATIVE or c.lower_ in ("up", "down"))
        and (lemma, c.lower_) not in L.PHRASAL_CAUSAL)]  # "pull X down": the verb's sign says it
    for x in xcomp:
        lacking = next((o for p in _children(x, "prep") if p.lower_ == "of" for o in _children(p, "pobj")), None) \
            if x.lower_ == "short" else None
        if lacking is not None:
            s = np_side(lacking)  # "left hospitals short of staff": the staff, down
            return [Side(s.tokens, -s.sign)]
        direction = adj_sign(x) if x.pos_ in ("ADJ", "ADV") else None
        made = made_quality(x) if direction is None else None
        if made:
            # "made the evening dangerous": the evening, whose danger :func:`priced` names and
            # turns the way the adjective says
            direction = 1
        if direction is None and x.pos_ == "ADJ" and x.dep_ in ("oprd", "xcomp", "acomp", "ccomp") and \
                lemma in L.FRAME_ONLY and objs:
            direction = L.STATE_ADJECTIVES.get(x.lower_)  # "kept prices low", "left factories idle"
        subj = _children(x, "nsubj")
        if subj and subj[0].lower_ == "it" and x.lower_ in _EASE and lemma in ("make", "render"):
            # "makes it hard for hospitals to retain nurses" (not only "harder"): the ease of
            # the doing, not a quality ("hardness") of "it"
            direction = _EASE[x.lower_]
        if direction is not None and subj and subj[0].lower_ == "it":
            # "made it harder (for them) to borrow": "it" stands for the infinitive, whose
            # doing is what gets harder or easier.
            inf = next((c for c in x.children if c.dep_ in ("xcomp", "advcl") and c.pos_ in ("VERB", "AUX")
                        and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
            if inf is not None:
                return [Side(s.tokens, s.sign * direction) for s in map(clause_side, _conjuncts(inf))]
        target = subj[0] if subj else (objs[0] if objs else None)
        if made and target is None:
            target = next((c for c in x.children if c.dep_ == "compound"), None)  # "the city noisier"
        if made and target is not None and target.pos_ == "PRON" and not (subj and subj[0].lower_ == "it"):
            continue  # "made them safer": whom "them" stands for is another step's business
        act = next((c for c in x.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None) \
            if x.lower_ in ("likely", "likelier", "unlikely") and target is not None and target.pos_ != "PRON" else None
        if direction is not None and act is not None:
            # "makes nurses more likely to make mistakes": what they are made likelier to do,
            # done by them (not the nurses themselves, up)
            s = np_side(target)
            done = [t for t in act.subtree if not (t.dep_ == "aux" and t.lower_ == "to")]
            return [Side(sorted(set(s.tokens) | set(done), key=lambda t: t.i), s.sign * direction)]
        ease = _EASE.get(x.lower_) if target is not None and target.pos_ in ("NOUN", "PROPN") else None
        done = next((c for c in x.children if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB"
                     and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                     and not _children(c, "dobj", "nsubj")), None) if ease else None
        if done is not None:
            # "makes fraud harder to detect": the detecting goes down, not the fraud
            s = np_side(target)
            more = -1 if any(c.dep_ == "advmod" and c.lower_ == "less" for c in x.children) else 1
            return [Side(sorted({done, *s.tokens}, key=lambda t: t.i), ease * more)]
        if direction is not None and target is not None:
            s = np_side(target)
            out = [Side(s.tokens, s.sign * direction)]
            for also in _conjuncts(x)[1:]:
                # "made housing more affordable and more attractive": each quality, of the same thing
                if also.pos_ != "ADJ":
                    continue
                if also.lower_ in L.PRICE_ADJECTIVES or _quality(also):
                    # (the adjective inside the side, as :func:`priced` reads "[feed] less affordable")
                    out.append(Side(sorted({*s.tokens, also, *(c for c in also.children if c.dep_ == "advmod")},
                                           key=lambda t: t.i), s.sign))
                elif adj_sign(also) is not None:
                    out.append(Side(s.tokens, s.sign * adj_sign(also)))
            return out
        if x.lemma_.lower() in _CHANGE and target is not None:
            s = np_side(target)
            return [Side(s.tokens, s.sign * (1 if x.lemma_.lower() in L.INCREASE else -1))]
        told_to = any(a.dep_ == "aux" and a.lower_ == "to" for a in x.children)
        if x.pos_ in ("VERB",) and (x.dep_ == "xcomp" or x.dep_ == "ccomp" and subj and (told_to or lemma == "mean")
                                    # ("drive companies to raise prices": the parser may take the
                                    # infinitive for a purpose, but the verb takes it as its object's)
                                    or x.dep_ == "advcl" and told_to and objs and lemma in L.CONTROL_VERBS):
            # ("cheaper loans mean that firms invest more": the clause it means)
            # "prompt Putin to call for X", "force them to retreat"; "forcing it to raise
            # fares and cut routes": each thing it is made to do.
            out.extend(clause_side(v) for v in _conjuncts(x))
            return out
    if lemma == "leave" and objs:
        # "falling revenues leave the Kremlin with less money": the money, down (the Kremlin
        # is only who holds it)
        held = [x for p in _children(verb, "prep") + _children(objs[0], "prep") if p.lower_ == "with"
                for o in _children(p, "pobj") for x in _conjuncts(o)
                if any(m.lower_ in _HOW_MANY for m in x.children if m.dep_ in ("amod", "det"))]
        if held:
            return [np_side(x) for x in held]
    if lemma in L.SHIELDING and not objs:
        # "the vaccine protects against measles", "shields from flooding": what it guards
        # against goes down (with an object, "protects farmers from X", the farmers are the
        # variable, as before).
        guarded = [x for p in _children(verb, "prep") if p.lower_ in ("against", "from")
                   for o in _children(p, "pobj") for x in _conjuncts(o)]
        if guarded:
            return [Side(s.tokens, -s.sign) for s in map(np_side, guarded)]
    if lemma in L.DEPRIVE:
        # "starved the city of fuel": the fuel is what goes down.
        taken = [_side_for(pobj) for p in _children(verb, "prep") + [c for o in objs for c in _children(o, "prep")]
                 if p.lower_ == "of" for pobj in _children(p, "pobj")]
        if taken:
            return taken
    if L.CAUSAL_VERBS.get(lemma) == -1:
        # "prevent X from doing Y": what is prevented is the doing.
        for p in _children(verb, "prep") + [c for o in objs for c in _children(o, "prep")]:
            if p.lower_ == "from":
                for pc in _children(p, "pcomp"):
                    if pc.pos_ == "VERB":
                        return [clause_side(pc)]
    level = _level_reached(verb) if objs else None
    if level is not None and not _is_amount(objs[0]):
        # "sent fertilizer costs to a record high": the object is what moves, up or down.
        s = np_side(objs[0])
        return [Side(s.tokens, s.sign * level)]
    entered = state_entered(verb, strict=False) if objs else None
    if entered is not None:
        return [np_side(entered)]  # "tip the economy into recession": the state it enters rises
    if objs and all(_is_amount(o) for o in objs):
        # "added 20 percent to the cost", "cut $5 billion from the budget", "knocked 3 percent
        # off the index": the amount is how much, the variable is in the phrase after it.
        moved = [_side_for(pobj) for p in _children(verb, "prep") if p.lower_ in ("to", "from", "off")
                 for pobj in _children(p, "pobj", "pcomp")]
        if moved:
            return moved
    for o in objs:
        if o.lemma_.lower() in _REASON_OBJECTS:
            # "gives firms a reason to buy domestic": the effect is the buying.
            inf = next((c for c in o.children if c.dep_ in ("relcl", "acl") and
                        any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
            if inf is not None:
                return [clause_side(inf)]
    if L.PHRASAL_CAUSAL.get((lemma, "from")):
        # "distance the regime from talks": the talks are what moves away.
        away = [_side_for(pobj) for p in _children(verb, "prep") if p.lower_ == "from"
                for pobj in _children(p, "pobj", "pcomp")]
        if away:
            return away
    impact = _impact(verb) if lemma in _IMPACT_VERBS else None
    if impact is not None:
        noun, target = impact
        s = _side_for(target)
        return [Side(s.tokens, s.sign * _TO_NOUNS[noun.lemma_.lower()])]
    antecedent = _relativised_object(verb, objs)
    if antecedent is not None:
        return [np_side(antecedent)]
    for o in objs:
        if o.lower_ in _REFLEXIVE:
            continue  # "the firm cut itself off": not a variable of its own
        if _is_amount(o) and any(not _is_amount(x) for x in objs):
            continue  # "costs the economy 25 million euros": the economy, by that much
        if len(objs) > 1 and o.left_edge.i > 0 and o.doc[o.left_edge.i - 1].lower_ in ("not", "never") \
                and o.doc[o.left_edge.i - 1].head == verb:
            continue  # "pushing them out, not the kids": the object it is contrasted with
        for conj in _conjuncts(o):
            out.append(np_side(conj))
    if not out:
        # ("ripple through to car costs": the particle makes the verb causal, the "to" says what it reaches)
        through = any((lemma, c.lower_) in L.PHRASAL_CAUSAL for c in _children(verb, "prt"))
        for p in _children(verb, "prep", "dative"):
            if (lemma, p.lower_) in L.PHRASAL_CAUSAL or lemma in L.CAUSAL_VERBS or through and p.lower_ == "to":
                for pobj in _children(p, "pobj", "pcomp"):
                    if (p.lower_, pobj.lower_) in _FIXED_PHRASES:
                        continue  # "means, in turn, ...": a phrase of the sentence, no variable
                    if p.lower_ == "to" and (lemma in L.INCREASE or lemma in L.DECREASE) and _is_amount(pobj):
                        continue  # "the economy will slow to 1.25 per cent growth": how far, not what
                    if p.lower_ in ("to", "in", "into", "about", "on"):
                        # "lead to lower hiring and profits": each noun of the list, as an object's
                        out.extend(_side_for(each) for each in
                                   (_conjuncts(pobj) if pobj.pos_ in ("NOUN", "PROPN") else [pobj]))
    return out


def _relativised_object(verb, objs):
    """The noun a relative clause's object stands for: "the unrest that higher prices would
    cause", "the shortages the ban created" are the unrest and the shortages. None when the
    clause has an object of its own or the relative pronoun is its subject ("the rules that
    cut costs")."""
    if verb.dep_ != "relcl" or verb.head.pos_ not in ("NOUN", "PROPN") or \
            verb.head.lemma_.lower() in _TIME_NOUNS or verb.head.ent_type_ in ("DATE", "TIME"):
        return None
    subj = _children(verb, "nsubj")
    if not subj or subj[0].lower_ in _REL_PRONOUNS:
        return None
    if objs:
        return verb.head if len(objs) == 1 and objs[0].lower_ in ("that", "which") else None
    # No object at all ("the shortages the ban created"): only where the verb must take one,
    # and nothing after it is the effect.
    if _children(verb, "prep", "dative", "xcomp", "ccomp", "oprd", "prt") or \
            L.CAUSAL_VERBS.get(verb.lemma_.lower()) not in (1, -1):
        return None
    return verb.head


#: Nouns of a share of something ("a third of the cost", "40 percent of income").
_FRACTIONS = frozenset("percent % third thirds quarter quarters fifth fifths tenth tenths fraction".split())


def _measure(tok) -> bool:
    """A noun that measures rather than names: a span of time, a share, a sum ("a week",
    "15 percent", "$2 billion"), not a counted thing ("eleven whales")."""
    return tok.ent_type_ in ("DATE", "TIME", "PERCENT", "MONEY", "QUANTITY") and tok.pos_ != "PROPN" or \
        tok.lemma_.lower() in _TIME_NOUNS or tok.like_num


def _is_amount(tok) -> bool:
    """An object that is a quantity ("20 percent", "$120 a tonne", "another 5,000")."""
    return tok.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL") or tok.like_num or \
        any(c.dep_ == "nummod" or c.like_num for c in tok.children)


def _level_reached(verb) -> Optional[int]:
    """+1 or -1 when the verb drives its object to a level: "to a record high", "to
    record levels", "to a four-year low"; else None."""
    for p in _children(verb, "prep"):
        if p.lower_ not in ("to", "toward", "towards"):
            continue
        for pobj in _children(p, "pobj"):
            words = [pobj] + [c for c in pobj.children if c.dep_ in ("amod", "compound")] \
                if pobj.lemma_.lower() in ("level", "high", "low") else [pobj]
            for w in words:
                if w.lower_ in L.LEVELS:
                    return L.LEVELS[w.lower_]
    return None


#: Prepositional phrases that are idioms of the sentence, never a variable.
_FIXED_PHRASES = frozenset({("in", "turn"), ("in", "fact"), ("in", "part"), ("in", "short"), ("in", "particular"),
                            ("in", "general"), ("on", "average"), ("in", "practice"), ("in", "theory"),
                            ("on", "balance"), ("in", "effect"), ("in", "time"), ("on", "time")})
#: Nouns that only gather their "of" phrase: "a combination of X and Y" is X and Y.
_GATHERING = frozenset("combination mix mixture blend host series set number range variety".split())


def _parts(tok) -> list:
    """The causes a phrase names: "a combination of rising rents and lower wages" is two."""
    if tok.lemma_.lower() in _GATHERING:
        inner = [po for p in _children(tok, "prep") if p.lower_ == "of" for po in _children(p, "pobj")]
        if inner:
            return _conjuncts(inner[0])
    return [tok]


#: Verbs that move what they act on into a state: causal with "into" ("plunged the country
#: into recession", "led the villagers into exile"), not otherwise ("led the team").
_INTO_VERBS = frozenset("plunge throw drag pitch lead propel catapult thrust sink jolt tip send push drive "
                        "force bring draw tilt shove nudge".split())


#: Where a quantity goes, not a state: "pushed inflation into double digits / negative
#: territory / the red" moves inflation.
_LEVEL_NOUNS = frozenset("digit digits territory range red black zone figure figures band".split())


def state_entered(verb, strict: bool = True):
    """The state a verb moves its object into, or None: "recession" of "plunged the
    country into recession" (the country is what enters it, not the effect).

    A state is a singular noun with no definite article: "into debt", "into a slump",
    "into chaos". Places and amounts are where the object goes, and then the object is
    the effect: "drew more diggers into the hills", "brought disease into a lot of
    farms", "pushed inflation into double digits". With ``strict`` false, for a verb
    that is causal anyway ("drove shoppers towards rival platforms"), any noun but a
    place, an amount or a level will do."""
    if not _children(verb, "dobj"):
        return None
    for p in _children(verb, "prep"):
        if p.lower_ in ("into", "toward", "towards"):
            pobj = next(iter(_children(p, "pobj")), None)
            if pobj is None or pobj.pos_ not in ("NOUN", "PROPN") or pobj.ent_type_ in (
                    "GPE", "LOC", "FAC", "MONEY", "PERCENT", "QUANTITY", "CARDINAL") or \
                    pobj.lemma_.lower() in _PLACE_NOUNS or \
                    pobj.lemma_.lower() in _LEVEL_NOUNS or any(c.like_num for c in pobj.children):
                continue
            if not strict or pobj.tag_ == "NN" and not any(
                    c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ == "of" or
                    c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those")
                    for c in pobj.children):
                return pobj
    return None


#: Nouns of a place the object is moved to ("driving investment into the region"), which the
#: entity tagger does not mark as one.
_PLACE_NOUNS = frozenset("region area country city town province district zone capital continent "
                         "neighbourhood neighborhood suburb suburbs countryside".split())
#: Verbs that say their subject reached a level ("installations hit a record").
_REACH_VERBS = frozenset("hit reach touch set post notch record scale".split())


def _level_hit(verb) -> Optional[int]:
    """+1 or -1 when the verb says its subject reached a level: "sales hit a record",
    "the rouble touched a four-year low", or is at one: "affordability is at a historical
    low", "stocks stand near record highs"; else None. Then nothing was struck or set."""
    lemma = verb.lemma_.lower()
    if lemma in _AT_LEVEL_VERBS:
        for p in _children(verb, "prep"):
            if p.lower_ in ("at", "near", "around"):
                obj = next(iter(_children(p, "pobj")), None)
                if obj is not None and obj.lower_ in L.LEVELS:
                    return L.LEVELS[obj.lower_]
        return None
    if lemma not in _REACH_VERBS:
        return None
    obj = next(iter(_children(verb, "dobj")), None)
    return L.LEVELS.get(obj.lower_) if obj is not None else None


#: Verbs that say where a quantity stands: "is at a record high", "remains near its lows".
_AT_LEVEL_VERBS = frozenset("be stand sit remain stay hover linger".split())


#: Nouns that deny the infinitive they take: "failure to act" is acting going down.
_FAILURE_NOUNS = frozenset("failure inability refusal reluctance unwillingness".split())


def _impact(verb):
    """``(noun, what it acts on)`` of "dealt a blow to X", "took a heavy toll on X", "gave
    a boost to X" (the "to" phrase on the noun or on the verb); else None."""
    copula = verb.lemma_.lower() in _COPULAS
    for o in _children(verb, "attr") if copula else _children(verb, "dobj"):
        noun = o.lemma_.lower()
        if noun not in _TO_NOUNS or verb.lemma_.lower() == "keep" and noun not in _TO_NOUN_PREPS:
            continue
        if copula and noun in ("risk", "danger", "damage", "harm", "hit", "floor", "lift"):
            continue  # "the main risk to growth is X", "a hit with fans": what X is, not what it does
        for p in _children(o, "prep") + _children(verb, "prep", "dative"):
            if p.lower_ in _TO_NOUN_PREPS.get(noun, ("to", "on", "for")):
                pobj = _children(p, "pobj")
                if pobj:
                    return o, pobj[0]
    return None


#: What "keep / hold X in check, at bay, under control" holds X in: a restraint, so X goes down.
_RESTRAINTS = {"in": "check", "at": "bay", "under": "control"}


def _restrained(verb) -> bool:
    """Whether a verb holds its object in a restraint: "competition keeps prices in check"."""
    return verb.lemma_.lower() in ("keep", "hold") and bool(_children(verb, "dobj")) and any(
        _RESTRAINTS.get(p.lower_) == o.lemma_.lower() for p in _children(verb, "prep") for o in _children(p, "pobj"))


def _causal_verb_sign(verb) -> Optional[int]:
    lemma = verb.lemma_.lower()
    if _level_hit(verb) is not None:
        return None
    if _restrained(verb):
        return -1
    if lemma == "lift" and any(c.lemma_.lower() in L.CONSTRAINTS for c in _children(verb, "dobj", "nsubjpass")):
        return -1  # "once the restrictions are lifted": they go, as "eased" ones go down
    if lemma in _INTO_VERBS and state_entered(verb) is not None:
        return 1
    if lemma in _IMPACT_VERBS and _impact(verb) is not None:
        return 1  # the noun says which way: "dealt a blow to morale" is morale going down
    if lemma in ("threaten", "promise") and any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in verb.children):
        return None  # "threatens to derail X": how likely; the link is the infinitive's (derail, -1)
    if lemma in ("give", "provide", "offer", "hand"):
        # Causal only when what is given is a reason: "gives firms a reason to buy at home";
        # "give a 30 percent chance of rain" is an estimate.
        return 1 if any(c.dep_ == "dobj" and c.lemma_.lower() in _REASON_OBJECTS and not _is_amount(c)
                        and not any(m.ent_type_ == "PERCENT" for m in c.subtree if m.i < c.i)
                        for c in verb.children) else None
    words = {c.lower_ for c in verb.children if c.dep_ in ("prt", "prep", "dobj", "advmod", "dative")}
    particle = misparsed_particle(verb)
    if particle is not None:
        words.add(particle.lower_)
    if any((lemma, w) in L.NOT_CAUSAL_PHRASAL for w in words):
        return None
    if lemma == "put" and "out" in words and not any(
            t.lower_ == "out" and t.i + 1 < len(t.doc) and t.nbor(1).lower_ == "of" for t in verb.subtree):
        # "put crews out of work" lowers; "put the contract out to tender" and "put out a
        # statement" move nothing
        words.discard("out")
    for w in words:
        if (lemma, w) in L.PHRASAL_CAUSAL:
            return L.PHRASAL_CAUSAL[(lemma, w)]
        if (lemma, w) in L.UNDERGO:
            return 0  # the subject undergoes what the "from" phrase does: read as "Y stems from X"
    if lemma in L.FRAME_ONLY:
        # "make X likelier" and "send X soaring" are causal; "make a speech" and
        # "demand keeps growing" (no one acted on) are not.
        if _children(verb, "dobj") and _level_reached(verb) is not None:
            return 1  # "sent costs to a record high"
        if _children(verb, "nsubjpass") and _children(verb, "agent") and _children(verb, "oprd", "acomp"):
            return 1  # "X is made harder by Y": the complement gives the direction (_rule_causal_verbs)
        if lemma == "bring" and verb.dep_ == "relcl" and not _children(verb, "prt", "prep", "dative") and all(
                s.pos_ != "PRON" and s.ent_type_ != "PERSON" for s in _children(verb, "nsubj")) and all(
                o.lower_ in ("that", "which") for o in _children(verb, "dobj")):
            return 1  # "the risks that a rate cut would bring": what it brings about (not "the cake she brought")
        if lemma == "bring" and any(m.dep_ in ("amod", "det") and m.lower_ in _HOW_MANY
                                    for c in _children(verb, "dobj") for m in c.children):
            return 1  # "warmer winters bring more rain and less snow": the object, that way
        if any(c.dep_ in ("ccomp", "xcomp", "oprd") and c.lower_ in L.SAYING_RESULTS for c in verb.children):
            return None  # "made clear that taxes would rise": a saying
        if lemma == "leave" and any(m.lower_ in _HOW_MANY for o in _children(verb, "dobj")
                                    for p in _children(verb, "prep") + _children(o, "prep") if p.lower_ == "with"
                                    for x in _children(p, "pobj") for m in x.children if m.dep_ in ("amod", "det")):
            return 1  # "left farmers with less water" (_effects_of_causal_verb)
        if not any(c.dep_ == "dobj" for c in verb.children) and not any(
                g.dep_ == "nsubj" or g.dep_ == "compound" and made_quality(c)
                for c in verb.children if c.dep_ in ("ccomp", "xcomp", "oprd")
                # (the parser may take the small clause for an adverbial one when a participle
                # follows: "sent [prices soaring], forcing buyers to wait")
                or c.dep_ == "advcl" and c.i > verb.i and c.lemma_.lower() in _CHANGE for g in c.children):
            return None
        if any(c.dep_ in ("ccomp", "xcomp", "oprd") or c.dep_ in ("advcl", "acomp", "advmod") and c.i > verb.i and (
                c.lower_ in L.COMPARATIVE or c.lemma_.lower() in _CHANGE)
                for c in verb.children):
            return 1
        return None
    return sign_on_object(lemma, next(iter(_children(verb, "dobj")), None))


#: What a shielding verb lowers when it is its object (see :func:`sign_on_object`).
_HARMS = L.PROBLEM_NOUNS | frozenset("blow impact shock fall hit".split())


def sign_on_object(lemma: str, obj) -> Optional[int]:
    """A causal verb's sign on its object ``obj`` (a token or None): its :data:`CAUSAL_VERBS`
    sign, except that a verb that shields lowers a harm: "cushions incomes" +1, "cushioned the
    blow" -1."""
    sign = L.CAUSAL_VERBS.get(lemma)
    if sign == 1 and lemma in L.SHIELDING and obj is not None and obj.lemma_.lower() in _HARMS:
        return -1
    if lemma in ("worsen", "aggravate") and obj is not None and obj.lemma_.lower() in L.GOOD_NOUNS:
        return -1  # "worsened the outlook"
    return sign


def _acts_as_verb(tok) -> bool:
    """A verb, or a word the tagger took for a noun but the parser gave a subject ("insulation lowers")."""
    return tok.pos_ in ("VERB", "AUX") or (
        tok.pos_ == "NOUN" and tok.dep_ in ("ROOT", "ccomp", "conj", "advcl", "relcl")
        and any(c.dep_ == "nsubj" for c in tok.children))


def _rule_causal_verbs(sent, prev_sents, out):
    for verb in sent:
        if not _acts_as_verb(verb):
            continue
        sign = _causal_verb_sign(verb)
        if sign is None:
            continue
        lemma = verb.lemma_.lower()
        passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or \
            verb.dep_ == "acl" and verb.tag_ == "VBN" and bool(_children(verb, "agent"))  # "damage caused by X"
        if sign == 0:
            # "Y stems from X", "Y depends on X": cause in the "from"/"on" phrase; "complaints
            # stemming from X": the noun the participle describes is Y.
            subj = next(iter(_children(verb, "nsubj")), None)
            if subj is None and verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in ("NOUN", "PROPN"):
                subj = verb.head
            for p in _children(verb, "prep", "dative"):  # "owes much to X": "to" parsed as a dative
                undergone = L.UNDERGO.get((lemma, p.lower_))
                if undergone is None and L.PHRASAL_CAUSAL.get((lemma, p.lower_)) != 0:
                    continue  # "stemmed from X in January": the cause is in the "from" phrase only
                for pobj in _children(p, "pobj"):
                    if subj is not None and subj.lower_ not in _PRONOUN_SUBJ:
                        for cause in _parts(pobj):
                            # ("suffer from" may only tell a state; "stems / results / arises
                            # from" never does, and the reader vetoed "complaints stemming from X")
                            _emit(out, _side_for(cause), np_side(subj), undergone or 1, f"{lemma} {p.lower_}",
                                  verb, sent, fixed=undergone == 1 or undergone is None and p.lower_ == "from")
            continue
        if passive:
            if lemma in L.FRAME_ONLY:
                # "X is made more difficult by Y": the complement gives the direction.
                comp = next((c for c in verb.children if c.dep_ in ("oprd", "acomp", "ccomp", "xcomp")
                             and c.pos_ in ("ADJ", "ADV")), None)
                direction = adj_sign(comp) if comp is not None else None
                if direction is None:
                    continue
                sign = direction
            effect_tok = next(iter(_children(verb, "nsubjpass")), None)
            agent = [pobj for a in _children(verb, "agent") for pobj in _children(a, "pobj")]
            if effect_tok is None and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
                effect_tok = verb.head  # "the damage caused by the storm"
            if effect_tok is not None and effect_tok.lower_ in ("which", "that") and verb.dep_ == "relcl" and \
                    verb.head.pos_ in ("NOUN", "PROPN"):
                effect_tok = verb.head  # "the crisis, which was worsened by the pandemic"
            if effect_tok is None or not agent or effect_tok.lower_ in _PRONOUN_SUBJ | _REL_PRONOUNS:
                continue
            for cause_tok in _conjuncts(agent[0]):
                _emit(out, _side_for(cause_tok), np_side(effect_tok), sign, lemma, verb, sent)
            continue
        subj, _ = _subject_of(verb)
        if subj is None:
            continue
        controlled = verb
        while controlled.dep_ == "conj" and controlled.head != controlled:  # "to raise fares and cut X"
            controlled = controlled.head
        if controlled.dep_ == "xcomp" and _children(controlled.head, "dobj") and \
                _causal_verb_sign(controlled.head) is not None:
            # "costs rose, forcing the firm to raise fares": the firm acts, and the link is the
            # forcing verb's (costs -> fares); the subject inherited from above would make
            # whoever did the first clause the cause of the firm's act.
            continue
        if lemma in ("stop", "cease", "quit") and not _children(verb, "dobj") and any(
                c.tag_ == "VBG" and c.dep_ in ("xcomp", "ccomp", "dobj", "advcl") and not _children(c, "nsubj")
                for c in verb.children):
            continue  # "rents stop rising", "developers stop building": an activity ends, nothing is caused
        if verb.tag_ == "VBG" and subj.i == verb.i - 1 \
                and any(c.dep_ == "dobj" and c.i == verb.i + 1 for c in verb.children) \
                and not (subj.dep_ == "pobj" and subj.head.lower_ == "with"):
            # "the summer driving season": a compound noun the parser read as a clause (not
            # "with lockdowns crushing demand", a clause of its own after "with")
            continue
        if _actor_setting(subj, verb):
            continue  # "The central bank cut its rate": an actor's move, no link (data/GUIDE.md)
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.i > verb.head.i and \
                not any(c.dep_ in ("mark", "aux") for c in verb.children) and _acts_as_verb(verb.head):
            # "A man died of the flu, raising fears of a pandemic": the event raises them.
            cause, cross = clause_side(verb.head), False
        else:
            cause, cross = _cause_side_from_subject(subj, verb, prev_sents)
        to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
        for_subject = next((o for p in _children(verb.head, "prep") if p.lower_ == "for" for o in _children(p, "pobj")
                            if to is not None and o.right_edge.i + 1 == to.i and o.pos_ in ("NOUN", "PROPN")), None) \
            if cause is None and verb.dep_ in ("xcomp", "advcl") else None
        if for_subject is not None:
            # "it takes months for [moves in metal prices] to ripple through to car costs": the
            # infinitive's own subject, not the time it takes
            cause, cross = _side_for(for_subject), False
        if cause is None and verb.dep_ in ("xcomp", "advcl") and verb.head.pos_ == "VERB" and \
                any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and \
                _causal_verb_sign(verb.head) is None and not _children(verb.head, "xcomp", "ccomp") == [verb] or \
                cause is None and verb.dep_ == "xcomp" and _children(verb.head, "dobj"):
            # Purpose: "they used X to prevent Y" -- the means is the cause.
            cause, cross = clause_side(verb.head), False
            if cause.tokens and cause.tokens[0].i == verb.head.i:
                obj = _children(verb.head, "dobj")
                cause = np_side(obj[0]) if obj else cause
        if cause is not None and verb.dep_ == "acl" and subj == verb.head:
            # ("with [lockdowns] crushing demand": the noun the clause hangs on, without the clause)
            inside = {t.i for t in verb.subtree}
            cause = Side([t for t in cause.tokens if t.doc is not verb.doc or t.i not in inside], cause.sign)
        if cause is None or not cause.tokens:
            continue
        asked = None if isinstance(cross, bool) else cross
        cross = bool(cross is not False)
        effects = _effects_of_causal_verb(verb)
        # "the unrest that higher prices would cause": the relative clause's object is the
        # noun it hangs on, a construction the reader saw few of and vetoes; the parse is sure.
        relativised = _relativised_object(verb, _children(verb, "dobj")) is not None
        sure = relativised or not cross and _brought_about_by_a_thing(subj, verb)
        holder = _children(verb, "dobj") if lemma == "leave" else []
        for eff in effects:
            if not eff.tokens:
                continue
            n = len(out)
            _emit(out, cause, eff, sign, lemma, verb, sent, cross=cross, prev=asked, fixed=sure)
            if holder and holder[0] not in eff.tokens:
                for rc in out[n:]:
                    # ("left the Kremlin with less money": who holds it is no effect, and the
                    # reader's link to it gives way, as for "put children at risk")
                    rc.extra["effect_from"] = np_side(holder[0]).tokens
        # Conjoined subjects are each a cause: "X and Y fuel Z" (people are actors, not variables).
        if subj.dep_ == "nsubj" and not cross:
            for extra in _conjuncts(subj)[1:]:
                if extra.ent_type_ == "PERSON":
                    continue
                for eff in effects:
                    if eff.tokens:
                        _emit(out, _side_for(extra), eff, sign, lemma, verb, sent)


def _rule_emotion(sent, out):
    for verb in sent:
        entry = L.EMOTION_VERBS.get(verb.lemma_.lower())
        if not entry or verb.pos_ != "VERB" or verb.tag_ in ("VBN",):
            continue
        subj, _ = _subject_of(verb)
        if subj is None or subj.lower_ in _PRONOUN_SUBJ | _REL_PRONOUNS:
            continue
        noun, sign = entry
        obj = next(iter(_children(verb, "dobj")), None)
        eff_tokens = (np_side(obj).tokens if obj is not None and obj.pos_ != "PRON" else []) + [verb]
        _emit(out, _side_for(subj), Side(eff_tokens, 1), sign, verb.lemma_.lower(), verb, sent,
              effect_label=(" ".join(t.text for t in np_side(obj).tokens) + " " + noun).strip()
              if obj is not None and obj.pos_ != "PRON" else noun)


_AIM_MODALS = frozenset("should must can could will would may might need shall ought".split())


def so_that_aim(verb, head) -> bool:
    """Whether a "so that" clause says an aim: the act it follows is advised or willed
    ("should pair ... so that"), or the clause says what is to be possible ("so that
    farmers can refinance"). ("Prices rose so that nobody could afford them" is a result:
    the rise was no one's act.)"""
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in verb.children):
        return False
    if any(c.dep_ == "aux" and c.lower_ in _AIM_MODALS for c in head.children):
        return True
    imperative = head.tag_ == "VB" and not any(c.dep_.startswith("nsubj") for c in head.children)
    return imperative or any(c.dep_ == "aux" and c.lower_ in ("can", "could", "may", "might") for c in verb.children) \
        and any(c.dep_.startswith("nsubj") and c.pos_ in ("PROPN", "PRON", "NOUN") for c in head.children) \
        and head.tag_ != "VBD"


def in_anonymity_request(side: Side) -> bool:
    """Whether a side lies in a source's request for anonymity and its reason ("who asked
    not to be named because he was not authorised to speak"): newsroom practice, no link
    of the system the article describes."""
    for tok in side.tokens[:1]:
        for verb in [tok, *tok.ancestors]:
            if verb.lemma_.lower() in ("ask", "request", "speak", "decline", "agree", "insist") and any(
                    t.lower_ == "anonymity" or t.lemma_.lower() in ("name", "identify") and t.tag_ == "VBN" and
                    any(c.dep_ == "neg" or c.lower_ == "not" for c in [*t.children, *t.head.children])
                    for t in verb.subtree):
                return True
    return False


def even_clause(verb) -> bool:
    """Whether an adverbial clause opens with "even" ("even if X", "even when X")."""
    mark = next((c for c in verb.children if c.dep_ == "mark"), None)
    return mark is not None and mark.i > verb.sent.start and verb.doc[mark.i - 1].lower_ == "even"


def inverted_condition(verb) -> bool:
    """Whether an adverbial clause before its head is a condition put by inversion: "Had the
    council kept the subsidy, fares would have stayed low", "Were the bank to raise rates,
    ...", "Should talks fail, ..." (an auxiliary before its subject, no "if")."""
    opener = verb.doc[verb.left_edge.i]
    return opener.lower_ in ("had", "were", "should") and verb.i < verb.head.i and \
        (opener == verb or opener.head == verb and opener.dep_ in ("aux", "auxpass")) and \
        any(c.dep_ in ("nsubj", "nsubjpass") and c.i > opener.i for c in verb.children)


def _were_to(verb):
    """The act of an inverted "Were X to do Y" (the parser hangs "to do" on "were"), or None."""
    if verb.lower_ != "were" or not inverted_condition(verb):
        return None
    return next((x for x in verb.children if x.dep_ in ("xcomp", "advcl") and x.pos_ == "VERB"
                 and any(c.dep_ == "aux" and c.lower_ == "to" for c in x.children)), None)


def _personal_subject(verb) -> bool:
    """Whether a clause's subject is a person by pronoun ("had he known"): an actor's act."""
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("he", "she", "i", "we", "you", "they")
               for c in verb.children)


def echo_clause(head) -> bool:
    """Whether ``head`` heads a clause that only echoes another's verb: "as they have for
    decades", "as it did in 2008", "like they do every spring" (a comparison with the verb
    left out, which reads like a causal "as").

    >>> from cogmap.extract.nlp import load
    >>> d = load()("Rates will fall, as they have for decades, as demand has eased.")
    >>> [t.text for t in d if echo_clause(t)]
    ['for']
    """
    def light(t):
        return t.lemma_.lower() in ("have", "do", "be") or t.tag_ == "MD"

    kids = list(head.children)
    if not any(c.dep_ == "mark" and c.lower_ in ("as", "like", "than") for c in kids):
        return False
    if head.pos_ in ("VERB", "AUX"):
        return light(head) and not any(c.dep_ in ("dobj", "attr", "acomp", "xcomp", "ccomp", "oprd", "agent")
                                       or c.pos_ == "VERB" for c in kids)
    # (the parser hangs the auxiliary of the verb left out on what follows it: "as they
    # have [for] decades"; not on a predicate, "as consumers are [worried] that ...")
    return head.pos_ in ("ADP", "ADV") and any(c.dep_ in ("aux", "auxpass") and light(c) for c in kids)


def _clause_connective(verb):
    """The subordinating word of an adverbial clause ("because", "if", "unless", "so")."""
    for c in verb.children:
        if c.dep_ == "mark":
            return c.lower_
    if inverted_condition(verb):
        return "if"
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in ("when", "whenever", "once") and c.i < verb.i:
            return c.lower_
    for c in verb.children:
        if c.dep_ == "advmod" and c.lower_ in ("so", "hence", "therefore", "thus") and c.i < verb.i:
            return c.lower_
    return None


#: Phrases that introduce nothing but a cause (unlike "in the wake of", often only a time,
#: or "in response to", an actor's reaction): the learned path keeps their links.
_SURE_CAUSE_PHRASES = frozenset({"on the back of", "thanks to", "owing to", "because of", "due to",
                                 "as a result of", "as a consequence of", "on account of"})
#: Verbs of speaking a reaction may be made in ("spoke in response to questions"): the
#: verbs of reporting and of talking back. (Not all of structure's SPEECH_VERBS: "announced
#: X in response to Y" is an act, and counting it as speech lost a constructions link.)
_SPEAKING = _REPORTING | {"speak", "talk", "answer", "reply", "respond", "comment"}
#: Phrases of an actor's reaction, which the reader saw almost none of in training and
#: vetoed ("X may also target Y in response to the strikes", P(causal) 0.0001).
_REACTION_PHRASES = frozenset({"in response to", "in retaliation for", "in retaliation against", "in reaction to"})
#: What is asked of someone, whose answer a reaction to it is, whatever its verb.
_ASKINGS = frozenset("question query inquiry enquiry request questioning".split())
#: Verbs of reacting, whose "by doing Y" is the reaction itself ("responded to X by cutting Y").
_RESPONDING = frozenset("respond react reply adapt adjust".split())
#: (preposition, verb) of ascribing an effect to its cause: "blame X on Y", "attribute X to Y".
_ASCRIBE = frozenset({("on", "blame"), ("to", "attribute"), ("to", "ascribe"), ("to", "put"), ("to", "trace")})


def _ascribing(prep):
    """The verb that ascribes its object to what ``prep`` introduces ("blamed the drop on
    the levy", "attributed X to Y", "traced X to Y", "put X down to Y"), or None. The
    parser may hang "on the levy" or "to higher rates" on the object's last noun ("the
    slump in sales to higher rates") rather than on the verb."""
    verb = prep.head
    if prep.lower_ in ("on", "to"):  # up through "the slump in sales" to the verb whose object it is
        while verb.dep_ in ("pobj", "prep") and verb.head != verb:
            verb = verb.head
        if verb.dep_ == "dobj" and verb.pos_ in ("NOUN", "PROPN"):
            verb = verb.head
    if verb.pos_ != "VERB" or (prep.lower_, verb.lemma_.lower()) not in _ASCRIBE:
        return None
    if verb.lemma_.lower() == "put" and not any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children):
        return None  # "put the question to parliament"
    if any(c.dep_ == "prep" and c.lower_ == "for" for c in verb.children):
        return None  # "blame the government for the slump on the coast": the "for" phrase is the effect
    return verb


_COMMENT_VERBS = frozenset("say mention note explain write tell know see expect show report put note".split())
_CAUSE_MARKS = {"because", "since", "as", "cause", "cos"}
_COND_MARKS = {"if": 1, "unless": -1, "once": 1, "provided": 1, "when": 1, "whenever": 1}
#: Cues of a link between two clauses, each read by clause_side, which counts a clause's "not".
#: (Not "cause" and "cos", spoken "because", which share their spelling with the verb's cue.)
_CLAUSE_CUES = {"because", "since", "as"} | set(_COND_MARKS) | {"so", "hence", "therefore", "thus"}
#: Words whose "if" clause is an open question, not a condition: "not sure if", "ask if".
_WHETHER_WORDS = frozenset("sure certain unsure uncertain clear unclear know ask wonder see check decide doubt "
                           "tell determine learn question".split())


def _asks_whether(head) -> bool:
    return head.lemma_.lower() in _WHETHER_WORDS or any(
        c.dep_ == "acomp" and c.lemma_.lower() in _WHETHER_WORDS for c in head.children)


#: Verbs and adjectives of a speaker's stance: "I'd be surprised if", "we'd welcome it if".
_ATTITUDES = frozenset("surprise surprised surprising shock shocked glad happy pleased delighted sad sorry "
                       "want like love hate mind prefer welcome worry worried hope fear afraid".split())


def _speaker_attitude(verb) -> bool:
    """Whether ``verb``'s clause is the speaker's stance (I or we feel or want), not an event."""
    subj = next(iter(_children(verb, "nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ not in ("i", "we", "it"):
        return False
    words = [verb] + [c for c in verb.children if c.dep_ in ("acomp", "attr", "oprd", "xcomp")]
    return any(w.lemma_.lower() in _ATTITUDES or w.lower_ in _ATTITUDES for w in words) and \
        (subj.lower_ != "it" or any(c.dep_ == "dobj" and c.lower_ in ("me", "us") for c in verb.children))


def _rule_connectives(sent, prev_sents, out):
    for verb in sent:
        if verb.dep_ != "advcl":
            continue
        mark = _clause_connective(verb)
        head = verb.head
        if verb.pos_ == "ADJ" and not any(c.dep_.startswith("nsubj") for c in verb.children):
            continue  # a misparse ("because, contrary to ..."): no clause to read
        if mark in _CAUSE_MARKS:
            if mark == "as" and (verb.lemma_.lower() in _COMMENT_VERBS or any(
                    c.lower_ in ("even", "just") and c.i < verb.i for c in verb.children)):
                continue  # "as I said": a comment; "even as X": a concession
            if mark == "as" and not (_looks_causal_as(verb) or verb.i < head.i and head.lemma_ != "be"
                                     and verb.lemma_ != "be" and not _has_time_cue(verb)) or echo_clause(verb):
                continue
            if mark == "since" and verb.tag_ in ("VBD", "VBN") and head.tag_ in ("VBN", "VBZ", "VBP") and \
                    any(c.lower_ in ("has", "have") for c in head.children):
                continue  # "has risen since it began": time, not cause
            for cause_verb in _verb_conjuncts(verb):
                for effect_verb in _verb_conjuncts(head, stop=verb):
                    _emit(out, clause_side(cause_verb), clause_side(effect_verb), 1, mark, head, sent)
        elif mark in _COND_MARKS:
            if mark == "if" and even_clause(verb):
                continue  # "even if rates fall": whatever the clause says, the outcome holds (a concession)
            if _speaker_attitude(head):
                continue  # "I'd be surprised if X", "I don't want that if X": the speaker's stance, no effect
            if _absence_of(head) is not None and mark == "if":
                continue  # "if it were not for X": X is the cause (_rule_with_after), not "it were"
            if mark == "if" and verb.i > head.i and _asks_whether(head):
                # "not sure if they will come", "asked if it would": "if" is "whether" (before its
                # head it is a condition: "if the loophole closes, we may see rates rise")
                continue
            if mark == "when" and not _future_or_modal(head) and (
                    head.lemma_ == "be" or verb.lemma_ == "be" or _has_time_cue(verb)):
                continue
            # ("Were the bank to raise rates": the raising is the condition)
            acted = _were_to(verb)
            for cause_verb in _verb_conjuncts(acted or verb):
                for effect_verb in _verb_conjuncts(head, stop=verb):
                    # "when it happened, ..." tells what did happen: no condition.
                    cond = mark not in ("when", "whenever", "once") or _future_or_modal(head)
                    # (The reader never learned an inverted condition, "Should talks fail, ...",
                    # and reads none there: the frame stands, as a fixed phrase does.)
                    _emit(out, clause_side(cause_verb), clause_side(effect_verb), _COND_MARKS[mark], mark,
                          effect_verb, sent, modality="conditional" if cond else None,
                          condition_tok=verb if cond else None,
                          fixed=inverted_condition(verb) and not _personal_subject(cause_verb) and
                          not _personal_subject(effect_verb))
        elif mark in ("so", "hence", "therefore", "thus") and verb.i > head.i:
            if mark == "so" and so_that_aim(verb, head):
                # "pair it with a transfer so that farmers are not made worse off": what is
                # wanted, as "to" says it
                _emit(out, clause_side(head), clause_side(verb), 1, "so that", verb, sent, modality="possible",
                      purpose=True)
            else:
                _emit(out, clause_side(head), clause_side(verb), 1, mark, verb, sent)
        elif mark is None and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) \
                and verb.i > head.i and head.pos_ in ("VERB", "AUX") and _were_to(head) is not verb:
            # Purpose: "they did X to prevent Y"; the causal verb rule handles "prevent".
            if _causal_verb_sign(verb) is None:
                _emit(out, clause_side(head), clause_side(verb), 1, "to", verb, sent,
                      modality="possible", purpose=True)
    # "X, so Y" and "X; therefore Y" within one sentence (coordination)
    for tok in sent:
        if tok.lower_ in ("so", "therefore", "thus", "hence") and tok.dep_ in ("cc", "advmod", "mark") \
                and tok.i > sent.start + 1:
            second = tok.head
            first = second.head if second.dep_ in ("conj", "advcl", "ccomp") else None
            inner = None
            if first is None:
                # "the harvest failed, so prices soared": the parser hangs the first clause on the second
                first = inner = top = next((c for c in second.children
                                            if c.dep_ in ("ccomp", "advcl", "parataxis") and c.i < tok.i
                                            and c.pos_ in ("VERB", "AUX") and _children(c, "nsubj", "nsubjpass")),
                                           None)
                while inner is not None:  # "X, but Y, so Z": the reason is the clause nearest "so"
                    nearer = [c for c in inner.children if c.dep_ == "conj" and c.i < tok.i and
                              c.pos_ in ("VERB", "AUX") and _children(c, "nsubj", "nsubjpass")]
                    if not nearer:
                        break
                    first = inner = nearer[-1]
            if tok.dep_ == "cc":
                conj = [c for c in tok.head.children if c.dep_ == "conj" and c.i > tok.i]
                if conj:
                    first, second = tok.head, conj[0]
            if first is not None and first != second and first.i < tok.i < second.i + 1 and \
                    not any(c.cue in ("so", "therefore", "thus", "hence") and c.sent_index == sent.start
                            for c in out):
                effect = clause_side(second)
                if inner is not None:  # (the second clause's side must not take in the first)
                    effect = Side([t for t in effect.tokens if not top.left_edge.i <= t.i <= top.right_edge.i],
                                  effect.sign)
                _emit(out, clause_side(first), effect, 1, tok.lower_, second, sent)


def _verb_conjuncts(verb, stop=None):
    """A clause and the clauses coordinated with it: "if he is delegitimized and hated"
    gives two conditions; "it loses popularity and Russia heads for revolution" two effects.

    With ``stop`` (the other side's clause), conjuncts after it are left out: in
    "Y happens, since A and B", the parser may hang B on Y, but B belongs to the reason.
    """
    out = [verb]
    for c in verb.children:
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c != stop and not (
                stop is not None and stop.i > verb.i and c.i > stop.i) and not _alternative(verb, c):
            out.extend(_verb_conjuncts(c, stop))
    return out


def _looks_causal_as(verb) -> bool:
    # "as" is causal when its clause states a reason, not a time or a comparison:
    # require a stative or change verb, not in the progressive ("as the port was
    # recovering" sets the time, see only_when), and no "as ... as" comparison.
    if _progressive(verb):
        return False
    return verb.lemma_.lower() in _CHANGE or verb.lemma_ in ("be", "have") and \
        not any(c.lower_ == "as" and c.dep_ == "advmod" for c in verb.head.children)


def _progressive(verb) -> bool:
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in verb.children)


def _has_time_cue(verb) -> bool:
    """A clause that only sets the time ("when he was young", "as the day ended"). A date
    the verb acts on, or changes to, sets no time: "when firms cut the week to four days"."""
    def acted_on(t):
        while t != verb and t.head != t:
            if t.dep_ == "dobj" and t.head == verb or t.dep_ == "prep" and t.lower_ in ("to", "from", "by"):
                return True
            t = t.head
        return False
    return any(t.ent_type_ in ("DATE", "TIME") and not acted_on(t) for t in verb.subtree)


def _future_or_modal(verb) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX | _MODAL_POSSIBLE | {"would"} for c in verb.children)


# Phrases by their first word, longest first, so each token looks up only its own.
_PHRASES: dict[str, list] = {}
for _words, _role in sorted(L.REASON_PHRASES.items(), key=lambda kv: -len(kv[0])):
    _PHRASES.setdefault(_words[0], []).append((_words, _role))
_TIME_NOUNS = frozenset("year years month months week weeks day days hour hours minute minutes time while "
                        "decade decades morning evening night afternoon weekend period moment".split())
_DEATH_VERBS = frozenset("die kill injure wound hurt maim".split())


def _anchor_verb(tok, stop):
    """The verb (or noun) a phrase starting at ``tok`` modifies."""
    anchor = tok.head
    for _ in range(5):
        if anchor not in stop and anchor.pos_ in ("VERB", "AUX", "NOUN", "PROPN"):
            return anchor
        if anchor.head == anchor:
            break
        anchor = anchor.head
    return None if anchor in stop else anchor


#: Breaks in the calendar: "after the summer holidays", "in the wake of the lunch break" tell
#: when, not why (as a subject they can be causes: "the holiday season lifted sales").
_CALENDAR_BREAKS = frozenset("holiday break recess vacation summer winter spring autumn".split())


def _is_event_np(tok) -> bool:
    if tok.pos_ in ("VERB", "AUX"):
        return True
    if tok.ent_type_ in ("DATE", "TIME", "GPE", "LOC", "FAC", "CARDINAL", "ORDINAL") or \
            tok.lemma_.lower() in _TIME_NOUNS | _CALENDAR_BREAKS:
        return False
    return tok.pos_ in ("NOUN", "PROPN")


def only_when(tokens) -> bool:
    """Whether a side is a break in the calendar that a phrase of time introduces ("after
    the holidays", "in the wake of the Easter break"), or an "as" clause in the progressive
    ("as the night shift was changing over"): when something happened, not why.

    >>> from cogmap.extract.nlp import load
    >>> doc = load()("In the wake of the Easter holiday, the office reopened.")
    >>> only_when(list(doc[5:7])), only_when([doc[9]])
    (True, False)
    >>> doc = load()("The fire broke out as the shift was changing, and prices rose as supply fell.")
    >>> only_when(list(doc[5:9])), only_when(list(doc[15:17]))
    (True, False)

    So is a clause of "as if" ("As if the pandemic was not bad enough, homicides rose"): a
    comparison, beside the event, not its reason.

    >>> doc = load()("As if the pandemic was not bad enough, homicides rose.")
    >>> only_when(list(doc[2:4])), only_when(list(doc[2:8])), only_when([doc[9]])
    (True, True, False)
    """
    heads = roots(tokens)
    for h in heads:
        v = h
        while v.pos_ not in ("VERB", "AUX") and v.head != v and v.dep_ in ("nsubj", "nsubjpass", "acomp", "attr"):
            v = v.head
        marks = {c.lower_ for c in v.children if c.dep_ == "mark"}
        if "as" in marks and marks & {"if", "though"}:
            return True  # "As if the pandemic were not bad enough, Y": beside it, not because of it
    if len(heads) == 1 and _progressive(heads[0]) and any(c.dep_ == "mark" and c.lower_ == "as"
                                                          for c in heads[0].children):
        # A reason is a state or a change that is so; the progressive sets a scene in time.
        # Of ten such clauses in the team's annotated text, none was a cause.
        return True
    if len(heads) != 1 or heads[0].lemma_.lower() not in _CALENDAR_BREAKS | _TIME_NOUNS:
        return False
    prep = heads[0].head
    if heads[0].dep_ != "pobj":
        return False
    if prep.lower_ in ("after", "following", "since", "before", "until", "during"):
        return True
    return prep.lower_ == "of" and prep.head.lower_ == "wake"


#: Words of a count ("millions", "a dozen", "40 people") that name whom, not of what kind.
_COUNT_WORDS = frozenset({"million", "thousand", "hundred", "dozen", "billion", "people", "person"})
#: Verbs whose count of people is a toll, and the toll they raise: "killed 40 people" raises
#: deaths, "displaced 8 million people" displacement (a map's variable, where "people, down"
#: would say they are gone).
TOLLS = {"kill": "deaths", "displace": "displacement", "uproot": "displacement", "injure": "injuries",
         "wound": "injuries"}
#: Who a count of a toll counts: "thousands of civilians" were killed, not a kind that goes down.
_PERSONS = frozenset("people person civilian resident child adult family soldier worker citizen refugee "
                     "migrant patient villager inhabitant".split())


def toll_name(tokens) -> Optional[str]:
    """The toll a side counts ("deaths", "displacement", "injuries"), or None: see :func:`death_toll`.

    >>> from cogmap.extract.nlp import load
    >>> doc = load()("The fighting has displaced over 8 million people and killed thousands of civilians.")
    >>> toll_name(list(doc[4:8])), toll_name(list(doc[10:13]))
    ('displacement', 'deaths')
    """
    heads = roots(tokens)
    if len(heads) != 1:
        return None
    h = heads[0]
    verb = h.head.head if h.dep_ == "conj" and h.head.dep_ == "dobj" else h.head
    toll = TOLLS.get(verb.lemma_.lower())
    if toll is None or h.dep_ not in ("dobj", "conj", "nsubjpass") or h.dep_ == "nsubjpass" and toll != "deaths":
        return None
    of = [o for c in h.children if c.dep_ == "prep" and c.lower_ == "of" for o in _children(c, "pobj")]
    word = h.lemma_.lower()
    if of:
        # "millions of seabirds": a kind, counted, which goes down; "thousands of civilians", the toll
        return toll if word in _COUNT_WORDS and of[0].lemma_.lower() in _PERSONS else None
    if word in ("people", "person"):
        return toll if any(c.like_num or c.ent_type_ == "CARDINAL" or c.lemma_.lower() in _COUNT_WORDS
                           for c in h.children) else None
    counted = h.like_num or h.ent_type_ in ("CARDINAL", "PERCENT", "QUANTITY") or word in _COUNT_WORDS
    return toll if counted else None


def death_toll(tokens) -> bool:
    """Whether a side is a count of the dead: what "kill" takes as its object when that is
    only a number ("could kill millions", "has killed about 50 percent", "killed 40
    people"), or as its subject in the passive ("369 people were killed by drugs"). A count
    names no variable; the deaths it counts do, and they rise. A count of
    a kind ("millions of seabirds", "2 million farmed salmon") stays the kind, which goes
    down (data/GUIDE.md).

    >>> from cogmap.extract.nlp import load
    >>> doc = load()("The virus could kill millions. The floods killed 40 people and thousands of cattle.")
    >>> death_toll([doc[4]]), death_toll(list(doc[9:11])), death_toll(list(doc[12:15]))
    (True, True, False)
    >>> doc = load()("In 1999, 369 people were killed by drugs.")
    >>> death_toll(list(doc[3:5]))
    True

    The same goes for the other tolls of :data:`TOLLS` ("displaced 8 million people").
    """
    return toll_name(tokens) is not None


def only_where(tokens) -> bool:
    """Whether a side is a named place that "in", "at" or "across" hangs on a verb ("in the
    Kremlin they exhausted", "across Brazil, farmers planted", "prices have doubled in
    Castra"): where something happened, not why nor what. (On a noun, "a slowdown in the
    Gulf", the place says which slowdown.)

    >>> from cogmap.extract.nlp import load
    >>> doc = load()("In Brazil, farmers planted more soy because of a slowdown in China.")
    >>> only_where([doc[1]]), only_where([doc[13]])
    (True, False)
    >>> doc = load()("Most of the migrants come from three countries, and the smog comes from coal plants.")
    >>> only_where(doc[6:8]), only_where(doc[14:16])
    (True, False)
    """
    heads = roots(tokens)
    if len(heads) == 1 and heads[0].dep_ == "pobj" and heads[0].head.lower_ == "from" and \
            heads[0].head.head.lemma_.lower() in _COMING and \
            (heads[0].ent_type_ in ("GPE", "LOC", "FAC") or heads[0].lemma_.lower() in _PLACE_NOUNS):
        return True  # "most migrants come from three countries": where from, no cause
    if len(heads) != 1 or heads[0].dep_ != "pobj" or heads[0].head.lower_ not in _PLACE_PREPS:
        return False
    prep = heads[0].head
    return prep.head.pos_ in ("VERB", "AUX") and (
        heads[0].ent_type_ in ("GPE", "LOC", "FAC", "ORG") or heads[0].pos_ == "PROPN")


_PLACE_PREPS = frozenset("in at inside within across throughout".split())
#: Verbs of coming from a place: "from" says where, not why.
_COMING = frozenset("come arrive flee migrate travel move return originate".split())


def across_a_time(cause: Side, effect: Side) -> bool:
    """Whether one side lies in a clause that only dates the other: "prices will bite [at a
    time when families are struggling with debt]", "in a year when rates rose". The
    clause sets the scene; it neither causes the event nor follows from it.

    >>> from cogmap.extract.nlp import load
    >>> doc = load()("Higher prices will bite at a time when families struggle with debt.")
    >>> across_a_time(Side([doc[7]]), Side([doc[2]])), across_a_time(Side([doc[2]]), Side([doc[4]]))
    (True, False)
    >>> doc = load()("The cuts came at the very moment when exporters were hurt by the strong franc.")
    >>> across_a_time(Side([doc[8]]), Side([doc[1]])), across_a_time(Side([doc[14]]), Side([doc[8]]))
    (True, False)
    """
    for side, other in ((cause, effect), (effect, cause)):
        if not side.tokens or not other.tokens or side.tokens[0].doc is not other.tokens[0].doc:
            continue
        for anc in side.tokens[0].ancestors:
            if anc.dep_ == "relcl" and anc.head.lemma_.lower() in _TIME_NOUNS | {"era", "age"} and any(
                    c.lower_ == "when" for c in anc.children) or any(  # (not "the moment X, which cut Y")
                    # the parser as often hangs "<time noun> when" on the main verb ("the cuts
                    # came at the very moment when exporters were hurt"): the words decide
                    # (a time it is put in: "at the moment when", not "cut their hours when")
                    c.lower_ == "when" and c.dep_ == "advmod" and c.i > 0 and c.doc[c.i - 1].dep_ == "pobj" and
                    c.doc[c.i - 1].lemma_.lower() in _TIME_NOUNS | {"era", "age"} for c in anc.children):
                inside = {t.i for t in anc.subtree}
                if all(t.i in inside for t in side.tokens) and not any(t.i in inside for t in other.tokens):
                    return True
    return False


def _rule_adjuncts(sent, out):
    """Reason and goal phrases: "in protest against X", "in a bid to X", "because of X",
    "a strike over X", "arrested for X", "by doing X", "after X", "demanding X"."""
    toks = list(sent)
    n = len(toks)
    for k, tok in enumerate(toks):
        low = tok.lower_
        for words, role in _PHRASES.get(low, ()):
            m = len(words)
            if k + m > n or tuple(t.lower_ for t in toks[k:k + m]) != words:
                continue
            phrase = toks[k:k + m]
            obj = None
            for t in toks[k + m:k + m + 6]:
                if t.pos_ in ("VERB", "AUX") and words[-1] == "to" or \
                        t.dep_ in ("pobj", "pcomp") and t.head in phrase or \
                        t.head in phrase and t.pos_ in ("NOUN", "PROPN", "VERB"):
                    obj = t
                    break
            if obj is None:
                break
            anchor = _anchor_verb(tok, phrase)
            if anchor is None or anchor.i in range(obj.left_edge.i, obj.right_edge.i + 1):
                break
            if obj.lower_ in _DEMONSTRATIVE and not list(obj.children):
                break  # "because of this": the cause is in another sentence
            cue = " ".join(words)
            if cue in _REACTION_PHRASES and obj.lemma_.lower() in _ASKINGS:
                break  # "in response to questions from reporters, a spokesman pointed to X": an answer
            if role == "cause":
                # The effect is the clause without the phrase that gives its cause ("the jump came
                # in response to X" is "the jump came", not "... in response the").
                said = {t.i for t in phrase} | {t.i for t in obj.subtree}
                if phrase[0] != anchor and phrase[0] in anchor.subtree:
                    said |= {t.i for t in phrase[0].subtree}
                effect = _side_for(anchor)
                effect = Side([t for t in effect.tokens if t.i not in said], effect.sign)
                if effect.tokens:
                    # A reaction ("in response to X", "in retaliation for X") is as sure, save
                    # one in words ("said in response to questions"), which states nothing.
                    sure = cue in _SURE_CAUSE_PHRASES or cue in _REACTION_PHRASES and \
                        anchor.lemma_.lower() not in _SPEAKING
                    # ("because of the drought, the war and higher fuel costs": each a cause)
                    # (the tagger may take a noun with an article for an adjective: "due to
                    # the pandemic and the war")
                    nouny = obj.pos_ in ("NOUN", "PROPN") or obj.dep_ == "pobj" and any(
                        c.dep_ == "det" for c in obj.children)
                    each_of = [obj] + [x for c in obj.children if c.dep_ == "conj" and c.pos_ in ("NOUN", "PROPN")
                                       for x in _conjuncts(c)] if nouny and obj.pos_ not in ("NOUN", "PROPN") \
                        else _conjuncts(obj) if nouny else [obj]
                    for each in each_of:
                        _emit(out, _side_for(each), effect, 1, cue, anchor, sent, fixed=sure)
            else:
                _emit(out, _side_for(anchor), _side_for(obj), 1, cue, anchor, sent, modality="possible",
                      purpose=True)
            break
        if tok.dep_ != "prep":
            # Participles of purpose: "..., demanding justice"; purpose infinitives.
            if tok.pos_ == "VERB" and tok.dep_ in ("advcl", "xcomp") and tok.tag_ == "VBG" and \
                    tok.lemma_.lower() in L.GOAL_PARTICIPLES and tok.head.pos_ in ("VERB", "AUX") and tok.i > tok.head.i:
                _emit(out, clause_side(tok.head), clause_side(tok), 1, tok.lemma_.lower(), tok.head, sent,
                      modality="possible", purpose=True)
            elif tok.pos_ == "VERB" and tok.dep_ == "xcomp" and tok.i > tok.head.i and \
                    any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children) and \
                    tok.head.pos_ == "VERB" and tok.head.lemma_.lower() not in L.CONTROL_VERBS and \
                    any(c.dep_ in ("dobj", "prep", "prt") and c.i < tok.i for c in tok.head.children) and \
                    _causal_verb_sign(tok) is None:
                _emit(out, clause_side(tok.head), clause_side(tok), 1, "to", tok.head, sent,
                      modality="possible", purpose=True)
            continue
        head = tok.head
        pobj = next((c for c in tok.children if c.dep_ in ("pobj", "pcomp")), None)
        if pobj is None:
            continue
        hl = head.lemma_.lower()
        if low in ("over", "against") and hl in L.REACTION_WORDS and not (
                low == "against" and hl in ("fight", "battle")):  # (a campaign to lower it, no reaction)
            _emit(out, _side_for(pobj), _side_for(head), 1, low, head, sent)
        elif low == "with" and hl == "credit" and head.pos_ == "VERB" and _children(head, "dobj"):
            # "critics credit the tax cut with the hiring boom": the cut made the boom (the
            # reader reads it backwards)
            _emit(out, _side_for(_children(head, "dobj")[0]), _side_for(pobj), 1, "credit with", head, sent,
                  fixed=True)
        elif low == "for" and head.dep_ == "dobj" and head.head.pos_ == "VERB" and \
                head.head.lemma_.lower() in ("blame", "credit"):
            # "blame the drought for the poor harvest" with the "for" phrase hung on the object
            # (which is then no part of the object's side)
            phrase = {t.i for t in tok.subtree}
            blamed = _side_for(head)
            blamed = Side([t for t in blamed.tokens if t.i not in phrase], blamed.sign)
            _emit(out, blamed, _side_for(pobj), 1, f"{head.head.lemma_.lower()} for", head.head, sent, fixed=True)
        elif low == "for" and hl in L.FOR_REASON_VERBS and head.pos_ == "VERB":
            if hl in ("blame", "credit"):
                # (or the passive's subject: "speculators have been blamed for the surge")
                obj = next((c for c in head.children if c.dep_ in ("dobj", "nsubjpass")), None)
                if obj is not None and obj.lower_ not in _PRONOUN_SUBJ | _REL_PRONOUNS:
                    # (a fixed frame of attribution, as "is to blame for": the reader reads
                    # "blame the franc for the fall" backwards, the fall causing the franc)
                    _emit(out, _side_for(obj), _side_for(pobj), 1, f"{hl} for", head, sent, fixed=True)
            else:
                _emit(out, _side_for(pobj), clause_side(head), 1, "for", head, sent)
        elif _ascribing(tok) is not None:
            # "blamed the drop on the levy", "the rise was attributed to X", "put the fall
            # down to X": what the phrase names caused the object (or the passive's subject)
            verb = _ascribing(tok)
            obj = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
            if obj is not None and obj.lower_ not in _PRONOUN_SUBJ | _REL_PRONOUNS | _DEMONSTRATIVE:
                _emit(out, _side_for(pobj), _side_for(obj), 1, f"{verb.lemma_.lower()} {low}", verb, sent,
                      fixed=True)
        elif low == "by" and pobj.tag_ == "VBG" and head.pos_ == "VERB" and hl in _RESPONDING:
            # "operators responded to falling revenue by cutting services": the doing is the
            # response to what "to" names, not a means to the responding
            stimulus = next((o for p2 in _children(head, "prep") if p2.lower_ == "to"
                             for o in _children(p2, "pobj", "pcomp")), None)
            if stimulus is not None:
                # (A fixed construction the learned path keeps: its reader, which saw few, reads
                # the "by" as a means and the link backwards.)
                _emit(out, _side_for(stimulus), clause_side(pobj), 1, "respond by", head, sent, fixed=True)
        elif low == "by" and pobj.tag_ == "VBG" and head.pos_ == "VERB":
            _emit(out, clause_side(pobj), clause_side(head), 1, "by", head, sent)
        elif low in ("after", "following", "amid") and head.pos_ == "VERB" and head.lemma_ not in _NEUTRAL_VERBS \
                and not any(c.dep_ == "npadvmod" for c in tok.children) and _is_event_np(pobj):
            # "two days after X" and "spoke after X" only tell the time.
            _emit(out, _side_for(pobj), clause_side(head), 1, low, head, sent)
        elif low == "in" and hl in _DEATH_VERBS and _is_event_np(pobj) and pobj.pos_ == "NOUN":
            _emit(out, _side_for(pobj), clause_side(head), 1, "in", head, sent)
        elif low in ("from", "of") and hl in ("die", "perish") and pobj.pos_ == "NOUN" and \
                pobj.ent_type_ not in ("DATE", "TIME", "GPE", "LOC", "FAC"):
            # "died from burns", "died of cholera": what killed them ("suffer from X": L.UNDERGO).
            _emit(out, _side_for(pobj), clause_side(head), 1, f"{hl} {low}", head, sent, fixed=True)
    # Judgements: "tariffs are costly to consumers", "the deal is good for farmers".
    for tok in sent:
        sign = L.EVALUATIVE.get(tok.lower_)
        if sign is None or tok.dep_ != "acomp" or tok.head.lemma_ not in ("be", "prove", "become", "seem"):
            continue
        subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("to", "for")), None)
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if subj is not None and pobj is not None and subj.lower_ not in _PRONOUN_SUBJ | _REL_PRONOUNS:
            _emit(out, _side_for(subj), np_side(pobj), sign, f"{tok.lower_} {prep.lower_}", tok.head, sent)
    # Attribution: "the drought is (partly) responsible for X", "speculators are to blame for
    # X", "the heatwave is behind X"; "growth came at the expense of X" lowers X.
    for tok in sent:
        be = tok.head
        if be.dep_ == "pobj" and be.lemma_.lower() == "part" and be.head.lower_ == "in":
            be = be.head.head  # "X is in part behind Y": the parser hangs "behind" on "part"
        if tok.dep_ == "acomp" and tok.lower_ == "responsible" or tok.dep_ == "xcomp" and tok.lower_ == "blame" \
                and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
            prep, sign = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"), None), 1
            cue = f"{tok.lower_} for"
        elif tok.dep_ in ("prep", "advmod") and tok.lower_ == "behind" and be.lemma_ in ("be", "lie"):
            prep, sign, cue = tok, 1, "behind"  # ("weak demand lies behind the slump")
        elif tok.dep_ in ("advmod", "prt") and tok.lower_ == "down" and be.lemma_ == "be" and any(
                c.dep_ == "nsubj" and c.lemma_.lower() in _CHANGE_NOUNS for c in be.children):
            # "the drop in visitors is down to the new fee" (a change is down to its cause; "the
            # decision is down to the board" says whose it is)
            prep, sign, cue = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"), None), 1, \
                "attributable to"
        elif tok.dep_ == "acomp" and tok.lower_ == "attributable":
            # "the rise in arrears is attributable to higher rates": the rates, the cause
            prep, sign, cue = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "to"), None), 1, \
                "attributable to"
        elif tok.dep_ == "prep" and tok.lower_ == "at" and be.lemma_ in ("come", "be", "happen") and any(
                c.dep_ == "pobj" and c.lemma_ in ("expense", "cost") for c in tok.children):
            inner = next(c for c in tok.children if c.dep_ == "pobj" and c.lemma_ in ("expense", "cost"))
            prep, sign = next((c for c in inner.children if c.dep_ == "prep" and c.lower_ == "of"), None), -1
            cue = f"at the {inner.lemma_} of"
        else:
            continue
        if be.lemma_ not in ("be", "come", "happen", "seem", "remain", "lie"):
            continue
        subj = next((c for c in be.children if c.dep_ == "nsubj"), None)
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if pobj is not None and pobj.lemma_.lower() in L.PART_WORDS:  # "behind much of the absence"
            pobj = next((x for p in _children(pobj, "prep") if p.lower_ == "of" for x in _children(p, "pobj")), pobj)
        if subj is not None and pobj is not None and subj.lower_ not in _PRONOUN_SUBJ | _REL_PRONOUNS:
            if cue == "attributable to":
                if subj.lemma_.lower() in L.PART_WORDS or subj.lower_ in ("most", "much", "some", "all"):
                    subj = next((x for p in _children(subj, "prep") if p.lower_ == "of"
                                 for x in _children(p, "pobj")), subj)  # "most of the rise"
                subj, pobj = pobj, subj
                _emit(out, _side_for(subj), _side_for(pobj), sign, cue, be, sent, fixed=True)
                continue
            for one in _conjuncts(subj):  # ("Supply problems and a lack of labor are behind X": each)
                _emit(out, _side_for(one), _side_for(pobj), sign, cue, be, sent, fixed=True)
    # "The fall in sales reflects weaker confidence": a change reflects its cause (what a
    # thing "reflects" otherwise, "the painting reflects his mood", is no link; the reader
    # reads the change as the cause).
    for tok in sent:
        subj = next(iter(_children(tok, "nsubj")), None) if tok.lemma_.lower() == "reflect" and tok.pos_ == "VERB" \
            else None
        # ("reflects [escalating] tensions", the participle parsed as the verb's clause)
        obj = next(iter(_children(tok, "dobj")), None) or next(
            (x for x in _children(tok, "xcomp") if _showing_a_change(x)), None)
        if subj is not None and obj is not None and subj.lemma_.lower() in _CHANGE_NOUNS:
            _emit(out, _side_for(obj), _side_for(subj), 1, "reflect", tok, sent, fixed=True)
    # Association: "night noise was associated with a higher risk of hypertension", "poverty is
    # linked to heart disease", "the risks associated with smoking". A found link whose
    # mechanism is left open: a possible link, as analysts code it (data/GUIDE.md).
    for tok in sent:
        if tok.lemma_.lower() not in _ASSOCIATING or tok.pos_ not in ("VERB", "ADJ"):
            continue
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ in ("with", "to")), None)
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if pobj is None:
            continue
        if tok.dep_ == "acl" and tok.head.pos_ == "NOUN" and tok.lemma_.lower() == "associate":
            subj = tok.head  # "the risks associated with smoking": smoking -> risks ("a group linked to X" is no link)
            cause, effect = pobj, subj
        else:
            holder = tok.head if tok.dep_ == "acomp" else tok
            if not (_children(tok, "auxpass") or tok.dep_ == "acomp"):
                continue  # "studies link X to Y": the finders are no side
            subj = next(iter(_children(holder, "nsubjpass", "nsubj")), None)
            cause, effect = subj, pobj
            if subj is not None and subj.lemma_.lower() in _CHANGE_NOUNS and pobj.lemma_.lower() not in _CHANGE_NOUNS \
                    and pobj.lemma_.lower() not in L.LIKELIHOOD_NOUNS | _PERILS and not any(
                        c.tag_ in ("JJR", "RBR") or c.lower_ in L.COMPARATIVE for c in pobj.subtree):
                # ("an increase in noise was associated with a higher risk of X": two changes)
                # "the decline in bee numbers has been linked to pesticides": a change is
                # linked to what brought it about
                cause, effect = pobj, subj
        if subj is None or subj.lower_ in _PRONOUN_SUBJ | _REL_PRONOUNS or \
                any(_an_actor(t) or _name_type(t) for t in (cause, effect)):
            continue  # ("the minister is closely linked to the bank": people and bodies, no variables)
        _emit(out, _side_for(cause), _side_for(effect), 1, f"{tok.lower_} {prep.lower_}", tok, sent,
              modality="possible", fixed=True)
    # "Higher closure rates go with wider spreads": a found association of two changes, each
    # side signed by its own comparative (without them, "we go with the plan" is no link).
    for tok in sent:
        if tok.lemma_.lower() != "go" or tok.pos_ != "VERB":
            continue
        prep = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"), None)
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        subj = next(iter(_children(tok, "nsubj")), None)
        if pobj is None or subj is None:
            continue
        signed = [any(c.dep_ in ("amod", "advmod") and (L.COMPARATIVE.get(c.lower_) or c.tag_ in ("JJR", "RBR"))
                      for c in side.subtree if c.i < side.i) for side in (subj, pobj)]
        if all(signed):
            _emit(out, _side_for(subj), _side_for(pobj), 1, "go with", tok, sent, modality="possible", fixed=True)
    # Result and reason nouns: "the deaths were the result of clashes", "X is the reason for Y".
    for tok in sent:
        if tok.dep_ not in ("attr", "nsubj") or tok.head.lemma_ != "be":
            continue
        lemma = tok.lemma_.lower()
        be = tok.head
        subj = next((c for c in be.children if c.dep_ == "nsubj"), None)
        attr = next((c for c in be.children if c.dep_ == "attr"), None)
        preps = {c.lower_: c for c in tok.children if c.dep_ == "prep"}
        if lemma in L.RESULT_NOUNS and "of" in preps:
            # "the deaths were the result of clashes"; "one consequence of the ban has been a
            # surge in smuggling"
            pobj = next((c for c in preps["of"].children if c.dep_ == "pobj"), None)
            other = subj if tok.dep_ == "attr" else attr
            if pobj is not None and other is not None and other.lower_ not in _PRONOUN_SUBJ:
                # (a frame of attribution the reader half knows: it reads "is a result of X"
                # and reads no cause in "is the product of X")
                _emit(out, _side_for(pobj), _side_for(other), 1, f"{lemma} of", be, sent, fixed=True)
        elif lemma in L.REASON_NOUNS:
            key = next((w for w in ("for", "of", "behind", "in") if w in preps), None)
            pobj = next((c for c in preps[key].children if c.dep_ == "pobj"), None) if key else None
            other = subj if tok.dep_ == "attr" else attr
            if pobj is not None and other is not None:
                _emit(out, _side_for(other), _side_for(pobj), 1, f"{lemma} {key}", be, sent)
            elif pobj is None and other is not None and other.lower_ not in _PRONOUN_SUBJ | _REL_PRONOUNS:
                # "high rents are the reason (why / that) young people leave": the clause
                clause = next((c for c in tok.children if c.dep_ in ("relcl", "acl") and c.pos_ in ("VERB", "AUX")
                               and _children(c, "nsubj", "nsubjpass")), None)
                if clause is not None:
                    _emit(out, _side_for(other), clause_side(clause), 1, lemma, be, sent)
    # Clefts: "what is hurting the high street is rents", "high rents are what drives people
    # away": the noun phrase is the cause of what the "what" clause does.
    for be in sent:
        if be.lemma_ != "be" or be.pos_ not in ("AUX", "VERB"):
            continue
        subj = next(iter(_children(be, "nsubj")), None)
        attr = next(iter(_children(be, "attr")), None)
        what = next((c for c in be.children if c.dep_ in ("csubj", "ccomp", "attr") and c.pos_ in ("VERB", "AUX")
                     and any(w.dep_ == "nsubj" and w.lower_ == "what" for w in c.children)), None)
        cause = (attr if what is not None and what.dep_ == "csubj" else subj) if what is not None else None
        if cause is not None and cause.pos_ in ("NOUN", "PROPN") and not _an_actor(cause) and \
                _causal_verb_sign(what) and _children(what, "dobj"):
            effect = clause_side(what)  # the object, moved the way the verb moves it
            if effect.tokens and what not in effect.tokens:
                _emit(out, _side_for(cause), effect, 1, f"what {what.lemma_.lower()}", what, sent, fixed=True)
    # Clauses: "after X happened, Y"
    for verb in sent:
        if verb.dep_ == "advcl" and _clause_connective(verb) in ("after", "once") and verb.head.pos_ == "VERB" \
                and verb.head.lemma_ not in _NEUTRAL_VERBS and not _reason_given(sent):
            # (A sentence that names its reason outright dates its change with "after": "rents
            # jumped after the freeze ended because of speculation".)
            _emit(out, clause_side(verb), clause_side(verb.head), 1, "after", verb.head, sent)


def _reason_given(sent) -> bool:
    """Whether the sentence names a reason with "because", "due to", "owing to" or "thanks to"."""
    return any(t.lower_ == "because" or t.lower_ in ("due", "owing", "thanks") and t.i + 1 < len(t.doc)
               and t.nbor(1).lower_ == "to" for t in sent)


_WITH_AFTER = frozenset(("with", "after", "without", "following", "amid", "given"))
#: Verbs of a found association, in the passive ("is linked to", "was associated with").
_ASSOCIATING = frozenset("associate link correlate".split())


def _rule_with_after(sent, out):
    """A change statement with a "with"/"after"/"without" adjunct: the adjunct is its cause."""
    for verb in sent:
        if verb.pos_ not in ("VERB", "AUX"):
            continue
        preps = [p for p in verb.children if p.dep_ == "prep" and p.lower_ in _WITH_AFTER]
        absent = _absence_of(verb)
        if absent is not None:
            # "But for X, Y would ...", "If it were not for X, Y ...", "Absent X, Y ...": as "without X".
            # A fixed frame of counterfactual dependence, which the learned path keeps whatever
            # its reader, trained on few of them, says.
            _emit(out, _side_for(absent), clause_side(verb), -1, "without", verb, sent, modality="conditional",
                  condition_tok=absent, fixed=True)
        if not preps:
            continue
        effect = clause_side(verb)
        is_change = verb.lemma_.lower() in _CHANGE or any(
            c.dep_ in ("acomp", "attr") and (c.lower_ in L.COMPARATIVE or any(
                m.lower_ in ("more", "less") for m in c.children)) for c in verb.children)
        for prep in preps:
            low = prep.lower_
            pobj = next(iter(_children(prep, "pobj", "pcomp")), None)
            if pobj is None:
                continue
            if low == "without" and _left_without(pobj) is not None:
                continue  # "the strike left hospitals without nurses": what is lacked is the effect
            if low == "without":
                # "Without X, Y would be higher" is counterfactual dependence, as "but for X",
                # and so is a past that did not happen ("Y would never have happened without
                # X"); "he left without a word" is no claim, and the reader judges it.
                aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
                would = bool(aux & {"would", "'d", "’d"})
                past = bool(aux & {"have", "'ve", "’ve"}) and verb.tag_ == "VBN"
                _emit(out, _side_for(pobj), effect, -1, "without", verb, sent, modality="conditional",
                      condition_tok=pobj, fixed=would and (prep.i < verb.i or past))
            elif is_change and prep.i < verb.i:
                _emit(out, _side_for(pobj), effect, 1, low, verb, sent)


def _rule_group_contrast(sent, out):
    """ "Schools that collected phones saw fewer incidents", "riders who had taken a course
    were less likely to be caught": a group picked out by what it did, compared with the
    rest by a comparative, is a found link from the doing to the outcome (the finding of a
    survey or a study). Only with a word of comparison in the outcome: "schools that
    collected phones reported the change" compares nothing."""
    for verb in sent:
        if verb.pos_ not in ("VERB", "AUX") or verb.dep_ not in ("ROOT", "ccomp", "conj"):
            continue
        subjects = _children(verb, "nsubj", "nsubjpass")
        subj = subjects[0] if len(subjects) == 1 else None  # (two subjects: a misparse of two clauses)
        if subj is None or subj.tag_ not in ("NNS", "NNPS") or subj.ent_type_ in ("PERSON", "ORG", "GPE"):
            continue  # (a group: "a tax that rises with emissions would steer buyers" is one thing's link)
        doing = next((r for r in _children(subj, "relcl") if r.pos_ in ("VERB", "AUX") and any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("who", "that", "which") for c in r.children)), None)
        if doing is None or verb.lemma_.lower() in L.CAUSAL_VERBS or verb.lemma_.lower() in L.FRAME_ONLY:
            continue  # (a verb of causing says its own link: "a reform that allows X increases Y")
        cause, effect = clause_side(doing), clause_side(verb)
        named = set(effect.tokens)
        # The comparison must be of what the outcome names ("fewer incidents", "less likely to
        # be caught"), not of how ("stop more often") nor a count ("more than once").
        if not any((t.lower_ in _HOW_MANY or t.tag_ in ("JJR", "RBR")) and t not in set(subj.subtree)
                   and not (t.i + 1 < len(t.doc) and t.nbor(1).lower_ == "than")
                   and (t.head in named or t.head.lower_ in _ODDS_ADJECTIVES) for t in verb.subtree):
            continue
        # A found link as the text states it: coded, as possible (data/GUIDE.md, "correlation");
        # the reader, trained before that note, reads it as none, so the frame stands.
        _emit(out, cause, effect, 1, "that", verb, sent, modality="possible", fixed=True)


def _absence_of(verb):
    """X of "but for X", "if it were not for X" or "absent X" said of ``verb``'s clause, else None."""
    for c in verb.children:
        if c.dep_ == "prep" and c.lower_ == "for" and c.i > 0 and c.nbor(-1).lower_ == "but" and c.i < verb.i:
            pobj = next(iter(_children(c, "pobj")), None)
            if pobj is None:
                # The small parser often makes X the subject ("But for the grant, few would
                # switch"): X is the noun before the comma that ends the phrase.
                phrase = []
                for t in c.doc[c.i + 1: verb.i]:
                    if t.is_punct:
                        break
                    phrase.append(t)
                pobj = next((t for t in reversed(phrase) if t.pos_ in ("NOUN", "PROPN")), None)
            return pobj
        if c.dep_ == "advcl" and c.lemma_ == "be" and any(m.lower_ == "if" for m in c.children) and \
                any(n.dep_ == "neg" for n in c.children) and any(x.dep_ == "nsubj" and x.lower_ == "it"
                                                               for x in c.children):
            pf = next((p for p in c.children if p.dep_ == "prep" and p.lower_ == "for"), None)
            if pf is not None:
                return next(iter(_children(pf, "pobj")), None)
        if c.dep_ in ("advcl", "prep") and c.lower_ == "absent" and c.i < verb.i:
            return next(iter(_children(c, "dobj", "pobj")), None) or next(
                (x for x in c.children if x.pos_ in ("NOUN", "PROPN")), None)  # "Absent that change" misparsed
    return None


#: "The upshot is Y": nouns that name what followed from what was said before.
_OUTCOME_NOUNS = frozenset({"upshot", "result", "consequence", "outcome", "effect"})


#: Verbs of inference: their subject is evidence for their object, not its cause ("falling
#: sales suggest weaker demand": the demand is what weakens the sales).
_INFERRING = frozenset("suggest indicate signal imply point hint".split())


def _rule_across_sentences(sent, prev_sents, out):
    """ "That's why Y", "Therefore Y", "As a result Y", "This means Y": the cause is the sentence before."""
    if not prev_sents:
        return
    prev = prev_sents[-1]
    if prev.text.rstrip().endswith("?"):
        return
    first = [t for t in sent if not t.is_punct][:4]
    words = [t.lower_ for t in first]
    root = sent.root
    effect_verb = None
    cue = None
    if words[:1] and words[0] in L.EFFECT_ADVERBS and first[0].dep_ in ("advmod", "cc", "mark"):
        effect_verb, cue = first[0].head, words[0]
    elif words[:3] == ["as", "a", "result"] or words[:3] == ["as", "a", "consequence"]:
        effect_verb, cue = root, "as a result"
    elif words[:2] in (["that", "'s"], ["that", "’s"], ["this", "is"], ["that", "is"], ["this", "'s"]) and \
            len(words) > 2 and words[2] == "why":
        why = first[2]
        effect_verb = next((t for t in why.ancestors if t.pos_ in ("VERB", "AUX") and t != root), None)
        if effect_verb is None:
            effect_verb = next((c for c in root.children if c.dep_ in ("advcl", "ccomp", "attr")), None)
        cue = "that's why"
    elif words[:2] in (["for", "that"], ["for", "this"]) and len(words) > 2 and words[2] == "reason":
        effect_verb, cue = root, "for that reason"
    elif len(words) > 2 and words[2] in ("this", "that") and tuple(words[:2]) in (
            ("thanks", "to"), ("because", "of"), ("due", "to"), ("owing", "to")) and \
            not list(first[2].children):
        effect_verb, cue = root, " ".join(words[:2])  # "Thanks to that, resistance has declined."
    elif words[:1] in (["this"], ["that"]) and root.lemma_ == "be" and first[0].dep_ == "nsubj":
        # "This is one reason why Y", "That is the main reason Y": the sentence before causes Y.
        reason = next((c for c in root.children if c.dep_ == "attr" and c.lemma_.lower() == "reason"), None)
        clause = next((c for c in reason.children if c.dep_ == "relcl" and c.pos_ in ("VERB", "AUX")), None) \
            if reason is not None else None
        if clause is not None:
            effect_verb, cue = clause, "reason why"
    elif root.lemma_ == "be" and first[0].lower_ == "the" and len(first) > 1 and \
            first[1].lemma_.lower() in _OUTCOME_NOUNS and first[1].dep_ == "nsubj" and \
            not any(c.dep_ in ("prep", "acl", "relcl") for c in first[1].children):
        # "The upshot is that Y", "The result is a smaller Y" (not "the result of X is Y").
        told = next((c for c in root.children if c.dep_ in ("ccomp", "attr")), None)
        if told is not None and told.pos_ in ("VERB", "AUX"):
            effect_verb, cue = told, first[1].lower_
        elif told is not None and told.pos_ in ("NOUN", "PROPN"):
            if prev.root.lemma_.lower() in _REPORTING and not any(c.dep_ in ("ccomp", "xcomp")
                                                                   for c in prev.root.children):
                return
            stated = statement_of(prev)
            if stated is not None:
                _emit(out, stated, np_side(told), 1, first[1].lower_, root, sent, cross=True, prev=prev)
            return
    elif any(t.lower_ == "as" and t.dep_ == "prep" and t.head == root and any(
            c.dep_ == "pobj" and c.lemma_.lower() in ("result", "consequence") and
            not any(g.dep_ == "prep" for g in c.children) for c in t.children) for t in sent):
        effect_verb, cue = root, "as a result"  # "Y fell 90 percent as a result." (not "as a result of X")
    if effect_verb is None or effect_verb.pos_ not in ("VERB", "AUX"):
        return
    if effect_verb.lemma_.lower() in _INFERRING and any(
            c.dep_ == "nsubj" and (c.lower_ in _DEMONSTRATIVES or _what_was_said(c)) for c in effect_verb.children):
        return  # "So all of that points to a strong market": what the sentence before shows, not does
    if prev.root.lemma_.lower() in _REPORTING and not any(c.dep_ in ("ccomp", "xcomp") for c in prev.root.children):
        return  # "They haven't said that. So ...": nothing stated to be a cause
    cause = statement_of(prev)
    if cause is None:
        return  # "It matters. That is why Y": what "it" is, no sentence here says
    effect = clause_side(effect_verb)
    _emit(out, cause, effect, 1, cue, effect_verb, sent, cross=True, prev=prev)


# ---------------------------------------------------------------------------


#: Pronouns that stand for a thing named before ("it", "they") or for a whole statement
#: ("this", "that"), and the light nouns that do the same after "this" or "the" ("the move").
_PERSONAL_ANAPHORS = {"it": False, "they": True, "them": True}  # -> plural?
_DEMONSTRATIVES = {"this", "that", "these", "those"}
_LIGHT_NOUNS = {"move", "step", "decision", "development", "measure", "change", "trend", "situation",
                "process", "shift", "action", "episode", "event", "outcome", "policy",
                # "the impact hit farmland": what the sentence before told of did
                "impact", "fallout", "aftermath"}


def _anaphor_kind(side: Side) -> Optional[str]:
    words = [t for t in side.tokens if not (t.is_punct or t.is_space)]
    if len(words) == 1 and words[0].lower_ in _PERSONAL_ANAPHORS:
        return "personal"
    if len(words) == 1 and words[0].lower_ in _DEMONSTRATIVES:
        return "statement"
    if words and words[-1].lemma_ == "do" and words[-1].pos_ in ("VERB", "AUX") and len(words) <= 2 and any(
            c.dep_ == "nsubj" and c.lower_ in {*_PERSONAL_ANAPHORS, *_DEMONSTRATIVES} for c in words[-1].children) \
            and not any(c.dep_ in ("dobj", "xcomp", "ccomp", "prep") for c in words[-1].children):
        return "statement"  # "If it does, Y": "does" stands for what the sentence before said
    if [w.lower_ for w in words] == ["all", "of", "which"] and words[0].i == words[0].sent.start:
        return "statement"  # "All of which means Y": all the sentence before said
    if len(words) == 2 and words[0].lower_ in _DEMONSTRATIVES | {"the"} and words[1].lemma_.lower() in _LIGHT_NOUNS:
        return "statement"
    if len(words) == 1 and words[0].lemma_.lower() in _LIGHT_NOUNS and not any(
            c.dep_ in ("prep", "acl", "relcl", "amod", "compound", "poss") for c in words[0].children) and any(
            c.dep_ == "det" and c.lower_ in _DEMONSTRATIVES | {"the"} for c in words[0].children):
        return "statement"  # "the move" as a side keeps only its noun
    if 2 <= len(words) <= 3 and words[0].lower_ in _DEMONSTRATIVES and words[-1].pos_ == "NOUN" and \
            words[0].dep_ == "det" and all(w.dep_ == "amod" for w in words[1:-1]) and words[-1].dep_.startswith("nsubj"):
        return "summary"  # "Those costs explain why Y": the costs the sentence before told of
    return None


def _part_of(tok):
    """The noun a word of part or quantity stands for ("a lot of refineries": refineries)."""
    if tok.lemma_.lower() in L.PART_WORDS or tok.lower_ in ("lot", "lots", "number", "host", "range"):
        of = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if pobj is not None:
            return pobj
    return tok


def _agrees(tok, plural: bool) -> bool:
    if tok.pos_ not in ("NOUN", "PROPN") or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP", "DATE", "TIME",
                                                              "PERCENT", "MONEY"):
        return False  # an actor acting is not a variable, and "it" after a date is the event
    return (tok.tag_ in ("NNS", "NNPS")) == plural


def _held_pronoun(side: Side):
    """The "them" a verb of a several-word side takes as its object ("[Closing them]")."""
    words = [t for t in side.tokens if not (t.is_punct or t.is_space)]
    if len(words) < 2:
        return None
    return next((t for t in words if t.lower_ == "them" and t.dep_ == "dobj" and t.head.pos_ == "VERB"
                 and t.head in words), None)


def resolve_anaphor(side: Side, sent):
    """The side a pronoun side stands for, and the sentence before if it is found there.

    "It" and "they" take the nearest subject before them that agrees in number (in the
    sentence, else in the one before, else, opening an answer, in the question set in the
    parse's ``user_data["question"]``); "this", "that" and "the move" take the statement
    of the sentence before. Returns ``(side, None)`` for a side that is no anaphor,
    ``(resolved side, previous sentence or None)``, or ``(None, None)`` when nothing
    fits: a claim about a dangling "it" is dropped rather than mapped as a concept "it".

    Written by hand because no coreference model ships on PyPI without a model hub;
    this covers the pronouns that name a link's side, not coreference in general.

    >>> from cogmap.extract.nlp import load
    >>> doc = load()("Tariffs raise prices. This hurts consumers.")
    >>> this = [t for t in doc if t.lower_ == "this"]
    >>> side, prev = resolve_anaphor(Side(this), list(doc.sents)[1])
    >>> side.text(), prev.text
    ('prices', 'Tariffs raise prices.')
    """
    kind = _anaphor_kind(side)
    if kind is None:
        held = _held_pronoun(side)
        if held is None:
            return side, None
        # "Closing them would cut Y": the closing of what "them" names (where nothing does,
        # the side stays as it is: its label leaves the pronoun out).
        found, before = resolve_anaphor(Side([held]), sent)
        if found is None:
            return side, None
        toks = [x for t in side.tokens for x in (found.tokens if t == held else [t])]
        return Side(toks, side.sign), before
    doc = side.tokens[0].doc
    sents = list(doc.sents)
    k = next((i for i, x in enumerate(sents) if x.start == sent.start), None)
    before = sents[k - 1] if k else None
    if before is not None and before.text.rstrip().endswith("?"):
        before = None  # a question states nothing to refer back to
    if kind == "summary":
        # "Those costs", "that gap": a noun the sentence before names is that noun ("prices
        # rose ... Those prices"), and stays; else the noun sums up the sentence before
        # ("Rental fees climbed to 210 crowns. Those costs explain why Y": the fees).
        noun = side.tokens[-1].lemma_.lower()
        if before is None or any(len(t.lemma_) > 2 and (noun.startswith(t.lemma_.lower()) or
                                                       t.lemma_.lower().startswith(noun)) for t in before):
            return side, None  # "pays ... Those payments", "fares rose ... Those fares": the noun names it
        found = clause_side(before.root) if before.root.pos_ in ("VERB", "AUX") else None
        if found is None or not found.tokens or any(t.pos_ in ("VERB", "AUX") for t in found.tokens):
            return side, None  # the sentence before moves no one variable: the noun is the better name
        kind = "statement"
    if kind == "personal":
        if not side.tokens[0].dep_.startswith("nsubj") and side.tokens[0].lower_ != "them":
            return None, None  # "cannot end it", "doubt it": an object "it" is as often a clause as a thing
        plural = _PERSONAL_ANAPHORS[side.tokens[0].lower_]
        first = side.tokens[0].i
        # In the same sentence an object can be meant too ("he saw time as an ally because it ...").
        # (Not the subject of the pronoun's own verb: "prices are hurting them" is not prices.)
        here = [t for t in sent if t.i < first and t.dep_ in ("nsubj", "nsubjpass", "dobj") and _agrees(t, plural)
                and t.head != side.tokens[0].head]
        if here:
            found = np_side(here[-1])
            return Side(found.tokens, found.sign * side.sign), None
        there = [t for t in before if t.dep_ in ("nsubj", "nsubjpass") and _agrees(_part_of(t), plural)] \
            if before else []
        if not there and plural and before is not None:
            # "The government imposed new tariffs. They will raise prices": no subject is
            # plural, so "they" is the one plural thing acted on ("you have a lot of
            # refineries coming back. They ...": the refineries).
            there = [t for t in before if t.dep_ == "dobj" and _agrees(_part_of(t), True) and not _doers(_part_of(t))]
            there = there if len(there) == 1 else []
        if there:
            found = np_side(there[0])  # the main subject comes first
            return Side(found.tokens, found.sign * side.sign), before
        asked = doc.user_data.get("question") if k == 0 else None
        if asked is not None:
            # An answer's opening "It cuts emissions" to "And hydrogen changes that?": the
            # question's subject (a wh-word is no antecedent).
            there = [t for t in asked if t.dep_ in ("nsubj", "nsubjpass") and t.tag_ not in ("WP", "WDT")
                     and _agrees(t, plural) and _anaphor_kind(Side([t])) is None]
            if there:
                found = np_side(there[0])
                return Side(found.tokens, found.sign * side.sign), asked
        return None, None
    if before is None or before.root.pos_ not in ("VERB", "AUX"):
        return None, None
    if before.root.lemma_.lower() in _REPORTING and not any(c.dep_ in ("ccomp", "xcomp") for c in before.root.children):
        return None, None
    found = statement_of(before)
    if found is None or not found.tokens or _anaphor_kind(found) is not None:
        return None, None
    return Side(found.tokens, found.sign * side.sign), before


#: Adverbs that open a clause with the result of the one before: "X, so Y".
_RESULT_ADVERBS = frozenset("so thus therefore hence consequently".split())


def statement_of(sent) -> Optional[Side]:
    """What "this" or "that" points back to in ``sent``: the variable its main clause
    states (:func:`clause_side` of its root). None when a subject in that clause is itself
    a pronoun whose verb takes no object or clause ("Why it matters: ...", "the bank saw
    this coming"): a pointer to a pointer names no variable, and "matters" or "coming"
    would be mapped as a concept.

    >>> from cogmap.extract.nlp import load
    >>> statement_of(next(load()("Rents rose sharply.").sents)).text()
    'Rents'
    >>> statement_of(next(load()("Rates rose, so borrowers cut back.").sents)).text()
    'borrowers cut back'
    >>> statement_of(next(load()("The bank saw this coming.").sents)) is None
    True
    """
    root = sent.root
    result = next((c for c in root.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and any(
        a.dep_ == "advmod" and a.lower_ in _RESULT_ADVERBS for a in c.children)), None)
    if result is not None:
        root = result  # "Rates rose, and so borrowers cut back. That ...": the result, said last
    found = clause_side(root)
    before = next((c for c in root.children if c.dep_ == "ccomp" and c.i < root.i), None)
    if result is None and before is not None and any(
            a.dep_ == "advmod" and a.lower_ in _RESULT_ADVERBS and before.i < a.i < root.i for a in root.children):
        # "Rates rose, so borrowers cut back": the parser hangs the first clause on the second
        cut = {t.i for t in before.subtree}
        found = Side([t for t in found.tokens if t.i not in cut and t.lower_ not in _RESULT_ADVERBS], found.sign)
    near = {*found.tokens, *(c for t in found.tokens for c in t.children)}
    if any(t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PRON" and
           (t.lower_ in _DEMONSTRATIVE or t.lower_ in _PERSONAL_ANAPHORS) and
           not any(c.dep_ in ("dobj", "attr", "oprd", "ccomp", "xcomp") for c in t.head.children) for t in near):
        return None  # (but "They raised rates." and "It means jobs will go." name what they state)
    return found


def summed_up(side):
    """``(side, sentence before)`` when ``side`` is "those costs", "that gap" summing up the
    sentence before (see :func:`resolve_anaphor`), else None. For sides the reader read,
    which may leave out the "those"."""
    if not side.tokens:
        return None
    head = side.tokens[-1]
    if head.head.dep_ == "conj":
        return None  # "the state paid late, and those delays drove X": the clause before it in its own sentence
    det = [c for c in head.children if c.dep_ == "det" and c.i < head.i]
    full = Side(sorted({*det, *side.tokens}, key=lambda t: t.i), side.sign)
    if _anaphor_kind(full) != "summary":
        return None  # (the reader's own "it" and "this" stay its own: resolving them cost links)
    resolved, before = resolve_anaphor(full, head.sent)
    if resolved is None or before is None or before.doc is not head.doc:
        return None
    return resolved, before


#: Nouns of a change that, bare ("the decline", "the rise"), stand for a change told just
#: before, with their direction.
_CHANGE_ANAPHORS = {**dict.fromkeys("rise increase surge jump spike climb upturn".split(), 1),
                    **dict.fromkeys("fall decline drop decrease slump dip downturn slowdown reduction plunge"
                                    .split(), -1)}


_NAMING_PREPS = frozenset("in of among across at for".split())


def _changed_in(sent, direction: int):
    """The variable ``sent`` tells went that way, the main clause's first ("since the wage
    rose, the price of a meal has increased": the price): "a 10 percent drop in deaths",
    "deaths appear to be declining", "what rose was therapeutic use"; None if it tells of no
    change that way, False if of one whose variable it does not name."""
    told = None
    for tok in sorted(sent, key=lambda t: (len(list(t.ancestors)), t.i)):
        lemma = tok.lemma_.lower()
        if any(a.dep_ == "advcl" and _children(a, "mark") for a in [tok, *tok.ancestors]):
            continue  # "... as the isolation of the pandemic has receded": an aside, not the news
        if tok.pos_ == "NOUN" and _CHANGE_ANAPHORS.get(lemma) == direction:
            told = False
            what = next((o for p in _children(tok, "prep") if p.lower_ in ("in", "of") for o in _children(p, "pobj")),
                        None)
            if what is not None and what.pos_ in ("NOUN", "PROPN"):
                return np_side(what)
        if tok.pos_ == "VERB" and lemma in (L.INCREASE if direction > 0 else L.DECREASE) and \
                not _children(tok, "dobj") and not _negated(tok):
            told = False
            holder = tok.head if tok.dep_ == "xcomp" else tok  # "appear to be declining"
            subj = next(iter(_children(holder, "nsubj")), None)
            if subj is not None and subj.lower_ == "what" and holder.dep_ == "csubj":
                subj = next(iter(_children(holder.head, "attr")), None)  # "what rose was X"
            if subj is not None and subj.pos_ in ("NOUN", "PROPN") and subj.ent_type_ not in ("PERSON", "ORG", "GPE"):
                return np_side(subj)
    return told


def change_named(side: Side, before: list) -> Optional[tuple[Side, int, object]]:
    """``(variable, direction, sentence)`` when ``side`` is a bare change ("the decline",
    "the rise") and one of the sentences ``before`` (nearest first) tells what went that
    way; else None. An analyst codes "the decline could reflect cheaper naloxone" as
    naloxone lowering the deaths that declined, not as a concept "decline".

    >>> from cogmap.extract.nlp import load
    >>> first, second = load()("Overdose deaths fell sharply. The decline reflects wider naloxone use.").sents
    >>> side, direction, where = change_named(np_side(second[1]), [first])
    >>> side.text(), direction, where.text
    ('Overdose deaths', -1, 'Overdose deaths fell sharply.')
    """
    words = [t for t in side.tokens if not t.is_punct]
    heads = [t for t in words if t.head not in words or t.head == t]
    if len(heads) != 1 or heads[0].lemma_.lower() not in _CHANGE_ANAPHORS:
        return None
    head = heads[0]
    if any(c.dep_ in ("compound", "poss", "nmod", "relcl", "acl") or c.dep_ == "prep" and c.lower_ in _NAMING_PREPS
           for c in head.children) or not any(
            c.dep_ == "det" and c.lower_ == "the" for c in head.children):
        # "the decline in sales", "the overdose decline", "a decline": named, or new ("that
        # decline" sums up the sentence before: :func:`summed_up`)
        return None
    direction = _CHANGE_ANAPHORS[head.lemma_.lower()]
    for sent in before:
        found = _changed_in(sent, direction)
        if found is False:
            return None  # the nearest change told of is the one meant, and names nothing we read
        if found is not None:
            return found, direction, sent
    return None


#: Verbs whose infinitive is what someone aims at, not what happens: "the reform aims to cut
#: X", "they want to raise Y"; and, in the passive, "is designed / meant / intended to".
_AIM_VERBS = frozenset("aim seek intend try attempt strive want hope plan".split())
_AIM_PASSIVES = frozenset("design mean intend".split())


def aimed(verb) -> bool:
    """Whether ``verb`` is what an aim verb aims at ("aims to cut", "is designed to cut").

    >>> from cogmap.extract.nlp import load
    >>> [aimed(t) for t in load()("The levy is meant to shrink its base.") if t.lower_ == "shrink"]
    [True]
    >>> [aimed(t) for t in load()("The levy threatens to shrink its base.") if t.lower_ == "shrink"]
    [False]
    """
    if verb.dep_ != "xcomp" or verb.head is verb or not any(c.lower_ == "to" for c in verb.children):
        return False
    head = verb.head
    lemma = head.lemma_.lower()
    passive = any(c.dep_ == "auxpass" for c in head.children)
    return lemma in _AIM_PASSIVES and passive or lemma in _AIM_VERBS and not passive


def _serves(verb, cause: Side) -> bool:
    """Whether ``verb`` heads a purpose clause after the act it serves, and ``cause`` lies
    outside it: the junta of "the junta raised wages [to keep the army quiet]" is no cause
    of a quiet army; the sentence says what it wanted.

    >>> from cogmap.extract.nlp import load
    >>> doc = load()("The junta raised wages to keep the army quiet.")
    >>> _serves(doc[5], Side([doc[1]], 1))
    True
    """
    if verb.dep_ != "advcl" or verb.i < verb.head.i or verb.head.pos_ not in ("VERB", "AUX") or \
            not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) or \
            any(c.dep_.startswith("nsubj") for c in verb.children):
        return False
    inside = {t.i for t in verb.subtree}
    return bool(cause.tokens) and not any(t.i in inside for t in cause.tokens)


def _before_contrast(side: Side) -> Side:
    """A side without the alternative it is set against: "driven by supply, not demand" is
    supply (the parser may hang "supply" on "demand", so the words are cut, not the tree)."""
    toks = side.tokens
    if not toks:
        return side
    doc = toks[0].doc
    cut = next((k + 1 for k in range(len(toks) - 1) if toks[k].i + 2 < len(doc) and toks[k + 1].i > toks[k].i
                and doc[toks[k].i + 1].text == "," and doc[toks[k].i + 2].lower_ == "not"), None)
    return Side(toks[:cut], side.sign) if cut is not None else side


def _emit(out, cause: Side, effect: Side, sign: int, cue: str, verb, sent, *, cross=False, prev=None,
          modality: Optional[str] = None, condition_tok=None, effect_label=None, purpose=False, fixed=False):
    summed_from = None
    cause, effect = _before_contrast(cause), _before_contrast(effect)
    if cause.tokens and effect.tokens and prev is None:
        summed = summed_up(Side(cause.tokens, 1))
        if summed is not None:
            # "Real wages fell. That erosion made agency work attractive": the wages, down (the
            # noun restates the change the sentence before states, so its own sign goes)
            summed_from = cause.tokens
            cause, prev = summed
            cross = True
    if cause.tokens and effect.tokens:
        cause, p1 = resolve_anaphor(cause, sent)
        effect, p2 = resolve_anaphor(effect, sent) if cause is not None else (None, None)
        if cause is None or effect is None:
            return  # a side that stands for nothing the text names
        if (p1 is not None or p2 is not None) and prev is None:
            prev, cross = p1 if p1 is not None else p2, True
    if cross and prev is None:
        # A side read from the sentence before: the evidence starts there.
        sents = list(sent.doc.sents)
        k = next((i for i, x in enumerate(sents) if x.start == sent.start), 0)
        prev = sents[k - 1] if k else None
    if not cause or not effect or not cause.tokens or not effect.tokens or only_when(cause.tokens) or \
            only_where(cause.tokens) or only_where(effect.tokens) or in_anonymity_request(cause) or \
            in_anonymity_request(effect):
        return
    if getattr(verb, "lemma_", "") == "come" and all(t.ent_type_ == "PERSON" or t.pos_ == "PROPN" and not t.ent_type_
                                                     for t in cause.tokens):
        return  # "Our next question comes from Ana Ruiz": who asks, no cause
    shared = set(t.i for t in cause.tokens) & set(t.i for t in effect.tokens)
    if shared and not cross:
        # One side read through the phrase that introduces the other ("arrested for
        # looting" reads "arrested for looting"): keep each side to its own words.
        if len(shared) == len(cause.tokens) or len(shared) == len(effect.tokens):
            small, big = (cause, effect) if len(cause.tokens) <= len(effect.tokens) else (effect, cause)
            cut = min(t.i for t in small.tokens)
            kept = [t for t in big.tokens if t.i not in shared and not (t.i < cut and t.head.i >= cut
                                                                         and t.dep_ == "prep")]
            # drop a dangling preposition that led into the other side, and the words that hang
            # on the other side's ("the" of "after the explosion")
            kept = [t for t in kept if not (t.dep_ in ("prep", "mark", "aux") and
                                            any(c.i in shared for c in t.children)) and t.head.i not in shared]
            if not kept:
                return
            # The sign of a negative wording goes with its words (see np_side).
            if big is effect:
                effect = Side(kept, effect.sign * negation_sign(effect.tokens) * negation_sign(kept))
            else:
                cause = Side(kept, cause.sign * negation_sign(cause.tokens) * negation_sign(kept))
        else:
            return
    if all(t.is_stop or t.is_punct for t in cause.tokens) or all(t.is_stop or t.is_punct for t in effect.tokens):
        return
    if verb is not None and hasattr(verb, "dep_") and (aimed(verb) or _serves(verb, cause)) \
            and verb not in effect.tokens:
        # "is designed to cut X": an aim, not an effect ("That's why he wants to negotiate":
        # the wanting is the effect, and stays)
        purpose, modality = True, modality or "possible"
    mod, tense, hedge, negated = modality_of(verb, sent)
    if negated and (any(t.i == verb.i for t in effect.tokens) or cue == "without" or purpose
                    or cue in _CLAUSE_CUES and _negated(verb)):
        # The "not" is the effect clause's own, and its side's sign says it already ("so
        # teachers can't afford to live there" lowers their affording; "without X, firms
        # could not grow" lowers their growing; "the attacks won't stop, because ...", read
        # by clause_side, keeps the attacks going): the link is asserted, not denied, and
        # stays on the map.
        mod, tense, hedge, negated = modality_of(verb, sent, negation=False)
        effect_not = True
    else:
        effect_not = False
    if modality and mod not in ("negated", "counterfactual"):
        mod = modality
    polarity = sign * cause.sign * effect.sign
    if polarity == 0:
        polarity = 1
    rc = RawClaim(cause=cause, effect=effect, polarity=1 if polarity > 0 else -1, cue=cue, modality=mod,
                  tense=tense, hedge=" ".join(hedge) or None, negated=negated, sent_index=sent.start,
                  cross_sentence=cross)
    if condition_tok is not None:
        sub = condition_tok.doc[condition_tok.left_edge.i: condition_tok.right_edge.i + 1]
        rc.condition = sub.text
    if prev is not None:
        rc.extra["prev"] = prev
    if effect_not:
        rc.extra["effect_not"] = True
    if summed_from:
        rc.extra["summed_from"] = summed_from  # the words the reader will have read as the side
    if effect_label:
        rc.extra["effect_label"] = effect_label
    if purpose:
        rc.extra["purpose"] = True
    if fixed:
        rc.extra["fixed"] = True  # a fixed phrase, which the learned path keeps whatever its reader says
    if verb is not None and hasattr(verb, "i"):
        rc.extra["verb"] = verb.i
    key = (tuple(t.i for t in cause.tokens), tuple(t.i for t in effect.tokens))
    for other in out:
        if (tuple(t.i for t in other.cause.tokens), tuple(t.i for t in other.effect.tokens)) == key:
            return
    out.append(rc)


def _correlative_side(comp, end: int):
    """The variable one half of "the more X, the less Y" moves, and its direction:
    ``comp`` is the half's comparative, ``end`` where the half ends."""
    head = comp.head
    direction = L.COMPARATIVE.get(comp.lower_, 1 if comp.tag_ in ("JJR", "RBR") or _comparative_shape(comp) else None)
    if head.pos_ in ("NOUN", "PROPN") and comp.i < head.i < end:
        s = np_side(head)  # "the more orders ...", "the fewer people ...": the modifier signs it
        # "the more jobs they lose": the jobs, down (the verb says which way its object goes;
        # the parser makes "lose" the noun's relative clause, or the noun its object)
        acting = [v for v in [head.head] if head.dep_ == "dobj" and v.i < end] + \
            [v for v in _children(head, "relcl") if v.i < end and not _children(v, "dobj")]
        signs = [-1 if v.lemma_.lower() == "lose" else 1 if v.lemma_.lower() == "gain" else
                 L.CAUSAL_VERBS.get(v.lemma_.lower()) for v in acting]
        if signs and signs[0]:
            return Side(s.tokens, s.sign * signs[0])
        if comp.lower_ in L.SIGNED_MODIFIERS or direction is None:
            return s
        # "the cheaper the fares": the fares, down (the word is the direction, not the name)
        return Side([t for t in s.tokens if t != comp], s.sign * direction)
    verb = next((t for t in comp.doc[comp.i + 1: end] if t.pos_ in ("VERB", "AUX")), None)
    if direction is None or verb is None:
        return None
    subj = next(iter(_children(verb, "nsubj", "nsubjpass")), None)
    # "the more the regime represses", "the more it depends on X": how much the verb is
    # done, where "more" or "less" is the verb's own (not "the weaker his position becomes")
    doing = comp.lower_ in ("more", "less") and comp.head == verb and verb.lemma_.lower() not in (
        "be", "become", "get", "grow", "seem", "look") and verb.lemma_.lower() not in _DURATION_VERBS
    if subj is not None and subj.lower_ == "it":
        inf = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)
        # ("the harder it gets to X"; "it rains")
        s = clause_side(inf) if inf is not None else clause_side(verb) if doing else Side([verb], 1)
        s = Side([t for t in s.tokens if t != comp], s.sign)
    elif subj is not None and subj.pos_ in ("NOUN", "PROPN"):
        s = clause_side(verb) if doing else np_side(subj)  # "the longer the war lasts", "the weaker his position"
        if doing:
            s = Side([t for t in s.tokens if t != comp], s.sign)  # the comparative is the direction
    else:
        return None
    return Side(s.tokens, s.sign * direction)


def _rule_correlative(sent, out):
    """ "The more X, the less Y" (the comparative correlative): X -> Y, signed by the
    two comparatives ("the longer the war lasts, the weaker his position becomes": war
    -> position, -1). Written by hand: the small parser gives this construction no
    consistent shape, so the halves are found by their words and read by the parse."""
    words = [t for t in sent if not t.is_space]
    second = correlative(sent)
    if second is None:
        return
    cause = _correlative_side(words[1], words[second - 1].i)
    effect = _correlative_side(words[second + 1], sent.end)
    if cause is not None and effect is not None and cause.tokens and effect.tokens:
        # A fixed frame, which the learned path keeps whatever its reader says: it vetoed
        # "The smaller the airport, the weaker its hand." in a spoken piece. Its modality is
        # the second half's verb's (not the root's: "..., so irrigation isn't an answer").
        half = words[second + 1]
        verb = next((t for t in half.doc[half.i: sent.end] if t.pos_ in ("VERB", "AUX")), sent.root)
        _emit(out, cause, effect, 1, "the more", verb, sent, fixed=True)


def correlative(sent) -> Optional[int]:
    """Where the second half of a comparative correlative starts ("The more X, [the] less
    Y"), as an index into the sentence's words other than spaces; else None."""
    words = [t for t in sent if not t.is_space]
    if len(words) < 6 or words[0].lower_ != "the" or not (_comparative(words[1]) or _comparative_shape(words[1])):
        return None
    return next((k for k in range(3, len(words) - 2) if words[k - 1].text == "," and words[k].lower_ == "the"
                 and _comparative(words[k + 1])), None)


def _comparative(tok) -> bool:
    return tok.tag_ in ("JJR", "RBR") or tok.lower_ in ("more", "less", "fewer")


def _comparative_shape(tok) -> bool:
    """A lower-case word in "-er" where the tagger saw none: "The [fuller] the train, the
    cheaper ..." (tagged a noun, as the surname). Only asked of the first half's word, once
    the second half has a comparative the tagger did see."""
    return tok.is_alpha and tok.is_lower and tok.lower_.endswith("er") and len(tok) > 4


#: Arrows that stand for "leads to" in notes, bullets and threads ("Higher fuel costs →
#: fewer flights"); "->" and "=>" come as one token or two.
_ARROWS = frozenset("→ ⟶ ⇒ ⟹ ➔ ➜ ➝ ⇨ -> => -->".split())


def _arrow_cuts(sent) -> list[tuple[int, int]]:
    """The token ranges of the arrows in a sentence, in order."""
    cuts, toks = [], list(sent)
    k = 0
    while k < len(toks):
        t = toks[k]
        if t.text in _ARROWS:
            cuts.append((t.i, t.i + 1))
        elif t.text in ("-", "--", "=") and k + 1 < len(toks) and toks[k + 1].text == ">" and \
                toks[k + 1].idx == t.idx + len(t):
            cuts.append((t.i, t.i + 2))
            k += 1
        k += 1
    return cuts


def _arrow_side(doc, a: int, b: int) -> Optional[Side]:
    """The variable the words between two arrows name, and which way it goes: "slower
    growth" (growth, down), "government cuts spending" (spending, down), "prices rise"
    (prices, up). Only the words of the stretch count: the parser, which reads no arrow,
    hangs one stretch's words on another's."""
    inside = [t for t in doc[a:b] if not (t.is_punct or t.is_space or t.text in ("->", "=>"))]
    if not inside:
        return None
    span = {t.i for t in inside}
    sign = 1
    verb = next((t for t in inside if t.pos_ == "VERB" and (t.lemma_.lower() in L.CAUSAL_VERBS or
                                                            t.lemma_.lower() in L.INCREASE | L.DECREASE)), None)
    head = None
    if verb is not None:
        lemma = verb.lemma_.lower()
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "attr") and c.i in span), None)
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i in span), None)
        if obj is not None and lemma in L.CAUSAL_VERBS:
            head, sign = obj, L.CAUSAL_VERBS[lemma]  # "government cuts spending": the spending, down
        elif subj is not None and lemma in L.INCREASE | L.DECREASE:
            head, sign = subj, 1 if lemma in L.INCREASE else -1  # "prices rise"
    if head is None:
        nouns = [t for t in inside if t.pos_ in ("NOUN", "PROPN")]
        # The phrase's own head: a noun hung on nothing of the stretch ("fewer eggs on shelves": eggs).
        head = next((t for t in nouns if t.head.i not in span or t.head == t), nouns[-1] if nouns else None)
    if head is None:
        return None
    side = np_side(head)
    tokens = [t for t in side.tokens if t.i in span]
    return Side(tokens, side.sign * sign) if tokens else None


def _rule_arrows(sent, out):
    """ "A → B → C", "Higher fuel costs -> fewer flights": each arrow links the stretch
    before it to the one after, signed by the directions the stretches state. Written by
    hand: an arrow is no word, and the parser gives it no consistent place."""
    cuts = _arrow_cuts(sent)
    if not cuts:
        return
    bounds = [sent.start] + [x for cut in cuts for x in cut] + [sent.end]
    sides = [_arrow_side(sent.doc, bounds[k], bounds[k + 1]) for k in range(0, len(bounds), 2)]
    for k, (cause, effect) in enumerate(zip(sides, sides[1:])):
        if cause is not None and effect is not None:
            _emit(out, cause, effect, 1, "→", sent.doc[cuts[k][0]], sent, fixed=True)


def find_claims(doc) -> list[RawClaim]:
    """All causal claims in a parsed paragraph (a spaCy ``Doc``).

    >>> from cogmap.extract.nlp import load
    >>> [(c.cause.text(), c.polarity, c.effect.text()) for c in find_claims(load()("Tariffs hurt consumers."))]
    [('Tariffs', -1, 'consumers')]
    """
    out: list[RawClaim] = []
    sents = list(doc.sents)
    for k, sent in enumerate(sents):
        if sent.text.rstrip().endswith("?"):
            continue  # questions ask; they do not claim
        prev = sents[max(0, k - 2):k]
        _rule_causal_verbs(sent, prev, out)
        _rule_emotion(sent, out)
        _rule_connectives(sent, prev, out)
        _rule_correlative(sent, out)
        _rule_arrows(sent, out)
        _rule_adjuncts(sent, out)
        _rule_with_after(sent, out)
        _rule_group_contrast(sent, out)
        _rule_remedy_named_first(sent, out)
        _rule_causes_listed(sent, out)
        _rule_posed_by(sent, out)
        _rule_put_at_risk(sent, out)
        _rule_accounts_for_change(sent, out)
        _rule_reason_being(sent, out)
        _rule_brought_from(sent, out)
        _rule_moved_on(sent, out)
        _rule_part_played(sent, out)
        _rule_reason_cited(sent, out)
        _rule_over(sent, out)
        _rule_impact_had(sent, out)
        _rule_hyphened_cause(sent, out)
        _rule_across_sentences(sent, prev, out)
    # ("several factors, including A and B": A, and B, each in its own way, "weaker demand")
    out = [replace(rc, cause=Side(c.tokens, rc.cause.sign), effect=Side(e.tokens, rc.effect.sign),
                   polarity=rc.polarity * c.sign * rc.cause.sign * e.sign * rc.effect.sign, extra=dict(rc.extra))
           if (c, e) != (rc.cause, rc.effect) else rc
           for rc in out for c in (x for c0 in examples_of(rc.cause) for x in with_companions(c0))
           for e in examples_of(rc.effect)]
    return _without_actors_of_means(doc, out)


def _rule_remedy_named_first(sent, out):
    """ "The best remedy for X is Y", "the only cure for X remains Y": Y lowers X. (Named
    second, "Y is the best remedy for X" is a copula's noun, as "a drag on growth" is.)"""
    for tok in sent:
        lemma = tok.lemma_.lower()
        if tok.dep_ != "nsubj" or tok.pos_ != "NOUN" or lemma not in _TO_NOUNS or _TO_NOUNS[lemma] != -1 \
                or _TO_NOUN_PREPS.get(lemma) != ("for", "to", "against"):
            continue
        copula = tok.head
        what = next((o for p in _children(tok, "prep") if p.lower_ in _TO_NOUN_PREPS[lemma]
                     for o in _children(p, "pobj")), None)
        if copula.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "be" for c in copula.children):
            # "the surest remedy ... is hiring more surgeons", parsed as a progressive
            cure = Side([copula] + [t for c in _children(copula, "dobj") for t in c.subtree], 1)
        elif copula.lemma_.lower() in _COPULAS:
            cure = next(iter(_children(copula, "attr", "xcomp", "ccomp")), None)
            cure = _side_for(cure) if cure is not None else None
        else:
            continue
        if what is None or cure is None or _negated(copula):
            continue
        # (fixed: the frame says it all; the reader, which met it rarely, reads no sides in it)
        _emit(out, cure, np_side(what), -1, f"{lemma} for", copula, sent, fixed=True)


#: Nouns that name what brings a thing about, as the subject of "include" or "be": "risk
#: factors for anxiety include bullying", "the main causes of the shortage are low pay and
#: long hours". Each thing listed raises what the noun is of or for.
_CAUSE_NOUNS = frozenset("cause driver factor source contributor trigger".split())


#: Nouns that name no variable, only that there are some: "the decline could reflect
#: several factors, including A, B and C" says A, B and C did it.
_GENERIC_NOUNS = frozenset("factor force reason cause driver thing development issue trend pressure "
                           "element".split())


def with_companions(side: Side) -> list[Side]:
    """A cause and those set beside it by "along with" or "together with", each a side of
    its own: "Longer droughts, along with deluges, can devastate yields" is both (the
    reader, and the parser, may keep either one alone); else ``[side]``.

    >>> from cogmap.extract.nlp import load
    >>> doc = load()("Longer droughts, along with deluges, can devastate yields.")
    >>> [s.text() for s in with_companions(np_side(doc[5]))]
    ['deluges', 'droughts']
    """
    heads = [t for t in side.tokens if t.head not in side.tokens or t.head == t]
    if len(heads) != 1:
        return [side]
    r, more = heads[0], []
    for p in _children(r, "prep"):
        if p.lower_ == "with" and any(c.lower_ in ("along", "together") for c in p.children):
            more += [x for o in _children(p, "pobj") for x in _conjuncts(o)]
    p = r.head
    if r.dep_ == "pobj" and p.lower_ == "with" and (p.head.lower_ == "along" or any(
            c.lower_ in ("along", "together") for c in p.children)):
        verb = p.head.head if p.head.lower_ == "along" else p.head
        if verb.pos_ in ("VERB", "AUX"):
            more += _children(verb, "nsubj")
        elif verb.pos_ in ("NOUN", "PROPN"):
            more.append(verb)  # "droughts, together with deluges": the noun it hangs on
    return [side] + [np_side(m) for m in more if m.pos_ in ("NOUN", "PROPN") and m not in side.tokens]


#: Verbs of naming: "call it a revolution", "characterise it as a coup".
_NAMING_VERBS = frozenset("call characterise characterize describe label term dub brand".split())


def naming(side: Side) -> bool:
    """Whether a side is the naming of a thing ("calling this a revolution", "characterise
    it as a coup"): which word fits is a speaker's judgement, not a quantity that moves.

    >>> from cogmap.extract.nlp import load
    >>> doc = load()("Few would call this a revolution. Calls for reform grew.")
    >>> naming(clause_side(doc[2])), naming(np_side(doc[7]))
    (True, False)
    """
    def names(verb):
        return verb.lemma_.lower() in _NAMING_VERBS and any(
            c.dep_ in ("oprd", "attr") or c.dep_ == "prep" and c.lower_ == "as" for c in verb.children)

    heads = [t for t in side.tokens if t.head not in side.tokens or t.head == t]
    # (or a stance toward a name: "[the analyst is sceptical to call this a revolution]")
    return len(heads) == 1 and (names(heads[0]) or any(t.dep_ == "xcomp" and names(t) for t in side.tokens))


def examples_of(side: Side) -> list[Side]:
    """The things a side of a generic noun gives as examples, each a side of its own, else
    ``[side]``: "several factors, including cheaper fuel and weaker demand" is the fuel
    and the demand. A noun that names a variable keeps it ("rising costs, such as fuel").

    >>> from cogmap.extract.nlp import load
    >>> doc = load()("The drop reflects several factors, including cheaper fuel and weaker demand.")
    >>> [(s.text(), s.sign) for s in examples_of(np_side(doc[4]))]
    [('cheaper fuel', 1), ('demand', -1)]
    """
    heads = [t for t in side.tokens if t.head not in side.tokens or t.head == t]
    if len(heads) != 1 or heads[0].lemma_.lower() not in _GENERIC_NOUNS:
        return [side]
    head = heads[0]
    preps = [p for p in head.children if p.dep_ == "prep" and (
        p.lower_ in ("including", "like") or p.lower_ == "as" and any(c.lower_ == "such" for c in p.children)
        or p.lower_ == "as" and p.i > 0 and p.nbor(-1).lower_ == "such")]
    items = [c for p in preps for o in _children(p, "pobj") for c in _conjuncts(o)]
    return [Side(s.tokens, s.sign * side.sign) for s in map(_side_for, items)] or [side]


#: Participles that, joined by a hyphen to a noun before a noun, say the first brought the
#: second about: "COVID-induced disruption", "fentanyl-fueled surges", "export-led growth".
_HYPHENED_CAUSES = frozenset("induce drive fuel cause trigger lead spark".split())


def _rule_hyphened_cause(sent, out):
    """ "The COVID-induced disruption in the supply of labour": COVID raises the disruption;
    "the drought-driven spike in prices": the drought raises the prices."""
    for tok in sent:
        if tok.dep_ != "amod" or tok.tag_ != "VBN" or tok.lemma_.lower() not in _HYPHENED_CAUSES or \
                tok.head.pos_ not in ("NOUN", "PROPN") or tok.i == 0 or tok.nbor(-1).text not in ("-", "‐", "–"):
            continue
        by = next((c for c in tok.children if c.i == tok.i - 2 and c.pos_ in ("NOUN", "PROPN", "ADJ")), None)
        head = tok.head.lemma_.lower()
        if by is None or head not in _CHANGE_NOUNS and head not in L.PROBLEM_NOUNS and head not in ("boom", "crisis"):
            continue  # (only a change or a problem: "propeller-driven models" are built so, not caused)
        inside = {t.i for t in tok.subtree}
        effect = np_side(tok.head)
        effect = Side([t for t in effect.tokens if t.i not in inside], effect.sign)
        if effect.tokens:
            _emit(out, Side([by], 1), effect, 1, tok.lemma_.lower(), tok, sent, fixed=True)


def _rule_impact_had(sent, out):
    """ "The negative impact that labour shortages are having on the economy": the
    shortages lower the economy, as "shortages have a negative impact on the economy"
    does; the judging adjective says which way (:func:`_judged_effect`)."""
    for verb in sent:
        noun = verb.head
        if verb.dep_ != "relcl" or verb.lemma_.lower() not in ("have", "take", "exert") or \
                noun.lemma_.lower() not in _JUDGED_NOUNS | {"toll"}:
            continue
        subj = next(iter(_children(verb, "nsubj")), None)
        ways = {_JUDGING[c.lower_] for c in noun.children if c.dep_ == "amod" and c.lower_ in _JUDGING}
        if noun.lemma_.lower() == "toll":
            ways = {-1}
        on = next((o for p in _children(verb, "prep") + _children(noun, "prep") if p.lower_ in ("on", "upon", "for")
                   for o in _children(p, "pobj") if o.pos_ in ("NOUN", "PROPN")), None)
        if subj is None or subj.lower_ in _PRONOUN_SUBJ | _REL_PRONOUNS or on is None or len(ways) != 1:
            continue
        _emit(out, _side_for(subj), np_side(on), ways.pop(), f"{noun.lemma_.lower()} on", verb, sent, fixed=True)


#: Nouns of what a thing brings about, whose "from" phrase names the cause: "damage from
#: the storm", "inflation risks from wage growth", "losses from the drought".
#: (Not "pressure" or "threat", which come from actors as often: "pressure from the discount
#: chain", "the threat from hackers".)
_BROUGHT_FROM = frozenset("damage harm loss risk danger benefit gain injury death casualty "
                          "fallout disruption delay saving spillover hardship suffering".split())
#: Verbs of having or undergoing, whose object's "from" phrase the parser may hang on the
#: verb: "farmers face losses [from the drought]".
_INCURRING = frozenset("face suffer see have report expect incur sustain take bear".split())


def _rule_brought_from(sent, out):
    """ "The damage from the storm was severe": the storm raises the damage. Not from a
    person, a body or a place ("threats from Moscow", "pressure from investors": an actor
    acting) nor from a time."""
    for noun in sent:
        if noun.lemma_.lower() not in _BROUGHT_FROM or noun.pos_ != "NOUN" or \
                any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
            continue
        hosts = [noun] + ([noun.head] if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _INCURRING else [])
        source = next((o for h in hosts for p in _children(h, "prep") if p.lower_ == "from"
                       for o in _children(p, "pobj")), None)
        if source is None or source.pos_ not in ("NOUN", "PROPN") or _an_actor(source) or _doers(source) or \
                source.ent_type_ in ("DATE", "TIME", "LOC", "FAC") or source.lower_ in _PRONOUN_SUBJ or \
                _negated(noun.head):
            continue
        for cause in _conjuncts(source):
            _emit(out, _side_for(cause), np_side(noun), 1, f"{noun.lemma_.lower()} from", noun, sent, fixed=True)


#: Nouns an "on" phrase after a verb of change may name without naming its cause: a time,
#: a place of trading, a measure ("fell on Monday", "rose on the exchange", "on average").
_ON_NOT_CAUSE = frozenset("day week month year quarter session morning afternoon evening night weekend date "
                          "basis average balance whole track market exchange board floor index list "
                          "record paper screen side top".split())


#: What a market report says moves "on" news: "shares fell on weak earnings" (not "the
#: closures fell heavily on the humanities", "ridership rose on subsidised routes").
_TRADED = frozenset("share stock price yield bond currency dollar euro yen pound franc rouble ruble yuan rupee "
                    "index equity future commodity oil gold silver copper crude gas wheat corn market "
                    "bitcoin".split())


def _rule_moved_on(sent, out):
    """ "Shares fell on weak earnings", "the dollar rose on hopes of a deal": in a market
    report, what a price moves "on" is its cause."""
    for verb in sent:
        lemma = verb.lemma_.lower()
        if verb.pos_ != "VERB" or lemma not in _CHANGE or _negated(verb):
            continue
        subj, _ = _subject_of(verb)
        if subj is None or subj.lemma_.lower() not in _TRADED:
            continue
        on = next((o for p in _children(verb, "prep") if p.lower_ == "on" for o in _children(p, "pobj")), None)
        if subj is None or on is None or on.pos_ != "NOUN" or on.lemma_.lower() in _ON_NOT_CAUSE or on.ent_type_ or \
                subj.lower_ in _PRONOUN_SUBJ | _REL_PRONOUNS or _an_actor(subj):
            continue
        effect = np_side(subj)
        sign = 1 if lemma in L.INCREASE else -1
        for cause in _conjuncts(on):
            _emit(out, _side_for(cause), Side(effect.tokens, effect.sign * sign), 1, f"{lemma} on", verb, sent,
                  fixed=True)


def _rule_reason_cited(sent, out):
    """ "Prices hit a nine-month high, with dealers citing concerns about the weather", "the
    company cut its forecast, citing weak demand": the reason those who report or act cite
    brings about what the clause says."""
    for tok in sent:
        if tok.lemma_.lower() != "cite" or tok.tag_ != "VBG":
            continue
        if tok.dep_ == "pcomp" and tok.head.lower_ == "with" and tok.head.dep_ == "prep":
            main, aside = tok.head.head, tok.head
        elif tok.dep_ == "advcl" and tok.i > tok.head.i:
            main, aside = tok.head, tok
        else:
            continue
        obj = next(iter(_children(tok, "dobj")), None)
        if main.pos_ not in ("VERB", "AUX") or _negated(main) or obj is None or obj.pos_ != "NOUN" or \
                any(v.lemma_.lower() in _SPEAKING for v in (main, *main.ancestors)):
            continue  # ("spoke for an hour, citing census figures", "noted how fast it spreads, citing
            # one case": the figures and the case are evidence)
        inside = {t.i for t in aside.subtree}
        effect = clause_side(main)
        effect = Side([t for t in effect.tokens if t.i not in inside], effect.sign)
        if not effect.tokens:
            continue
        for cause in _conjuncts(obj):
            side = _side_for(cause)
            about = next((p for p in _children(cause, "prep") if p.lower_ in ("about", "over")), None) \
                if cause.lemma_.lower() in _HELD_VIEWS else None
            if about is not None and _children(about, "pobj"):
                # "concerns about the weather": what the concern is about is what moves the price
                side = Side(sorted({*side.tokens, about, *np_side(_children(about, "pobj")[0]).tokens},
                                   key=lambda t: t.i), side.sign)
            _emit(out, side, effect, 1, "citing", tok, sent, fixed=True)


def _rule_over(sent, out):
    """ "Factories halted production over the scarcity of chips", "shares fell over concerns
    about debt": a change or a problem an act or a move is "over" is its reason (not "over
    the weekend", "over 10 percent")."""
    for verb in sent:
        if verb.pos_ != "VERB" or _negated(verb) or verb.lemma_.lower() in _SPEAKING:
            continue
        # (the parser may hang the phrase on the object: "halted [production] [over X]")
        for p in _children(verb, "prep") + ([p for o in _children(verb, "dobj") for p in _children(o, "prep")]
                                            if verb.lemma_.lower() in L.CAUSAL_VERBS else []):
            if p.lower_ != "over" or p.i < verb.i:
                continue
            for o in _children(p, "pobj"):
                word = o.lemma_.lower()
                if o.pos_ != "NOUN" or not (word in _CHANGE_NOUNS or word in L.PROBLEM_NOUNS or word in _HELD_VIEWS):
                    continue
                acted_on = next((c for v in _conjuncts(verb) for c in _children(v, "dobj")), None)
                if acted_on is not None and L.CAUSAL_VERBS.get(verb.lemma_.lower()):
                    # "halted production over X": production, the way the verb moves it
                    s_obj = np_side(acted_on)
                    effect = Side(s_obj.tokens, s_obj.sign * L.CAUSAL_VERBS[verb.lemma_.lower()])
                else:
                    effect = clause_side(verb)
                effect = Side([t for t in effect.tokens if t.i not in {x.i for x in p.subtree}], effect.sign)
                if not effect.tokens:
                    continue
                cause = _side_for(o)
                about = next((q for q in _children(o, "prep") if q.lower_ in ("about", "over")), None) \
                    if word in _HELD_VIEWS else None
                if about is not None and _children(about, "pobj"):
                    cause = Side(sorted({*cause.tokens, about, *np_side(_children(about, "pobj")[0]).tokens},
                                        key=lambda t: t.i), cause.sign)
                _emit(out, cause, effect, 1, "over", verb, sent)


#: Views held of a thing, which name it in an "about" or "over" phrase.
_HELD_VIEWS = frozenset("concern worry fear anxiety hope optimism pessimism uncertainty doubt".split())


#: Nouns of a part a thing plays in another: "tourism's contribution to growth", "the role
#: of social media in the protests".
_PART_PLAYED = {"contribution": "to", "role": "in"}


def _rule_part_played(sent, out):
    """ "Tourism's contribution to growth is large": tourism raises growth; "the role of
    social media in the protests": social media, the protests."""
    for noun in sent:
        prep = _PART_PLAYED.get(noun.lemma_.lower())
        if prep is None or noun.pos_ != "NOUN" or any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
            continue
        whose = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN")), None) or next(
            (o for p in _children(noun, "prep") if p.lower_ == "of" for o in _children(p, "pobj")), None)
        what = next((o for p in _children(noun, "prep") if p.lower_ == prep for o in _children(p, "pobj")), None)
        if whose is None or what is None or whose.pos_ not in ("NOUN", "PROPN") or _an_actor(whose) or \
                what.pos_ not in ("NOUN", "PROPN") or _negated(noun.head):
            continue
        for cause in _conjuncts(whose):
            _emit(out, _side_for(cause), np_side(what), 1, f"{noun.lemma_.lower()} {prep}", noun, sent, fixed=True)


#: Nouns of what came of a thing, set beside a clause: "prices soared, a result of X".
_OUTCOME_OF = frozenset("result product consequence legacy symptom byproduct by-product outcome".split())
#: Verbs through which a clause is only seen: "it doesn't look like we'll get rain".
_SEEMING = frozenset("look seem appear sound".split())


def _rule_reason_being(sent, out):
    """ "Sales fell, the main reason being higher prices": the reason an absolute phrase
    names caused what the clause it hangs on states ("it doesn't look like we'll get normal
    weather, the main reason for that being El Nino": El Nino, against the weather)."""
    for noun in sent:
        if noun.lemma_.lower() not in _DRIVER_NOUNS or noun.dep_ not in ("npadvmod", "appos", "nsubj") or \
                not _acts_as_verb(noun.head) or noun.head.i > noun.i:
            continue
        being = next((c for c in noun.children if c.lemma_ == "be" and c.tag_ == "VBG"), None)
        named = next((c for c in being.children if c.dep_ in ("attr", "acomp")), None) if being is not None else None
        if named is None or named.pos_ not in ("NOUN", "PROPN") or named.lower_ in _PRONOUN_SUBJ:
            continue
        verb, sign = noun.head, 1
        seen = next((c for c in verb.children if c.dep_ in ("advcl", "ccomp") and c.i < noun.i and any(
            m.dep_ == "mark" and m.lower_ in ("like", "as", "if", "that") for m in c.children)), None) \
            if verb.lemma_.lower() in _SEEMING else None
        if seen is not None:
            # ("it doesn't look like X": X is the clause; the "not" on "look" is its own)
            sign = -1 if _negated(verb) else 1
            verb = seen
        effect = clause_side(verb)
        effect = Side([t for t in effect.tokens if not noun.left_edge.i <= t.i <= noun.right_edge.i], effect.sign)
        if not effect.tokens:
            continue
        for cause in _conjuncts(named):
            _emit(out, _side_for(cause), effect, sign, "reason", verb, sent, fixed=True)
    # "Rents have soared, a product of the housing shortage": what the clause states came of X.
    for noun in sent:
        if noun.lemma_.lower() not in _OUTCOME_OF or noun.dep_ not in ("appos", "npadvmod") or noun.i < 2 or \
                noun.doc[noun.left_edge.i - 1].text != ",":
            continue
        verb = noun.head if _acts_as_verb(noun.head) else noun.head.head if noun.head.dep_ in ("nsubj", "nsubjpass") \
            else None
        of = next((o for p in _children(noun, "prep") if p.lower_ == "of" for o in _children(p, "pobj")), None)
        if verb is None or of is None or not _acts_as_verb(verb) or verb.i > noun.i or \
                of.pos_ not in ("NOUN", "PROPN") or of.lower_ in _PRONOUN_SUBJ:
            continue
        effect = clause_side(verb)
        effect = Side([t for t in effect.tokens if not noun.left_edge.i <= t.i <= noun.right_edge.i], effect.sign)
        if effect.tokens:
            for cause in _conjuncts(of):
                _emit(out, _side_for(cause), effect, 1, noun.lemma_.lower(), verb, sent, fixed=True)


def _rule_accounts_for_change(sent, out):
    """ "Remittances account for much of the rise in consumption": what accounts for a
    change caused it. ("Exports account for 30% of output" is a share, no link: only a
    change is accounted for this way.)"""
    for verb in sent:
        if verb.lemma_.lower() != "account" or verb.pos_ != "VERB" or _negated(verb):
            continue
        what = next((o for p in _children(verb, "prep") if p.lower_ == "for" for o in _children(p, "pobj")), None)
        if what is not None and (what.lemma_.lower() in L.PART_WORDS or what.lower_ in ("most", "much", "some", "all",
                                                                                       "half", "part")):
            what = next((x for p in _children(what, "prep") if p.lower_ == "of" for x in _children(p, "pobj")), None)
        subj, _ = _subject_of(verb)
        if what is None or what.lemma_.lower() not in _CHANGE_NOUNS or subj is None or \
                subj.lower_ in _PRONOUN_SUBJ | _REL_PRONOUNS:
            continue
        _emit(out, _side_for(subj), np_side(what), 1, "account for", verb, sent, fixed=True)


_PERILS = frozenset("risk danger jeopardy peril".split())


def _rule_put_at_risk(sent, out):
    """ "Poor diets put children at risk of anaemia": the anaemia goes up; "the tariffs put
    jobs at risk": the jobs go down. (The reader reads the children or the jobs going up.)"""
    for verb in sent:
        if verb.lemma_.lower() not in ("put", "place", "leave") or verb.pos_ != "VERB" or _negated(verb):
            continue
        obj = next(iter(_children(verb, "dobj")), None)
        peril = next((o for p in _children(verb, "prep") if p.lower_ in ("at", "in")
                      for o in _children(p, "pobj") if o.lemma_.lower() in _PERILS), None)
        subj, _ = _subject_of(verb)
        if obj is None or peril is None or subj is None or subj.lower_ in _PRONOUN_SUBJ | _REL_PRONOUNS:
            continue
        of = next((c for p in _children(peril, "prep") if p.lower_ == "of"
                   for c in p.children if c.dep_ in ("pobj", "pcomp")), None)
        cause = _side_for(subj)
        if of is not None:
            for what in _conjuncts(of):
                n = len(out)
                _emit(out, cause, _side_for(what), 1, f"{verb.lemma_.lower()} at {peril.lemma_.lower()} of", verb,
                      sent, fixed=True)
                for rc in out[n:]:
                    # (who is at risk is no effect: the reader's "conflict -> millions of people"
                    # gives way to this link)
                    rc.extra["effect_from"] = np_side(obj).tokens
        else:
            _emit(out, cause, np_side(obj), -1, f"{verb.lemma_.lower()} at {peril.lemma_.lower()}", verb, sent,
                  fixed=True)


def _rule_posed_by(sent, out):
    """ "The risks posed by rising seas": the seas raise the risks, as "rising seas pose a
    risk" does with no "to" phrase; a harm a thing poses is there because of it."""
    for verb in sent:
        noun = verb.head
        if verb.dep_ != "acl" or verb.lemma_.lower() != "pose" or verb.tag_ != "VBN" or \
                noun.lemma_.lower() not in _TO_NOUNS and noun.lemma_.lower() not in ("challenge", "problem"):
            continue
        by = next((o for a in _children(verb, "agent") for o in _children(a, "pobj")), None)
        if by is None or by.lower_ in _REL_PRONOUNS:
            continue
        # (The parser hangs "to older people" on the agent, "the virus", unless the agent is a
        # noun with a "to" of its own: "posed by exposure to smoke".)
        own_to = by.lemma_.lower() in _TO_NOUNS or by.lemma_.lower() in ("exposure", "access", "response", "link")
        preps = _children(verb, "prep") + _children(noun, "prep") + ([] if own_to else _children(by, "prep"))
        to = next((o for p in preps if p.lower_ == "to" for o in _children(p, "pobj")), None)
        if to is not None and noun.lemma_.lower() in _TO_NOUNS:
            # "the threat posed by the virus to older people": what the threat is to, that way
            _emit(out, _side_for(by), np_side(to), _TO_NOUNS[noun.lemma_.lower()], "posed by", verb, sent, fixed=True)
        else:
            _emit(out, _side_for(by), np_side(noun), 1, "posed by", verb, sent, fixed=True)


def _rule_causes_listed(sent, out):
    """ "Risk factors for X include A, B and C", "the main driver of X is A", "... risk
    factors for X, which include A": each of A, B and C raises X (the reader, trained on
    sentences that state a link with a verb, reads no pair in these lists)."""
    for verb in sent:
        lemma = verb.lemma_.lower()
        if lemma not in ("include", "be") or verb.pos_ not in ("VERB", "AUX") or _negated(verb):
            continue
        noun = next(iter(_children(verb, "nsubj")), None)
        if noun is not None and noun.lower_ in ("which", "that") and verb.dep_ == "relcl":
            noun = verb.head
            if noun.lemma_.lower() not in _CAUSE_NOUNS and noun.dep_ in ("pobj", "conj"):
                # the parser hangs the clause on the last thing the noun is for ("factors for
                # anxiety and depression, which include")
                while noun.dep_ == "conj":
                    noun = noun.head
                noun = noun.head.head if noun.dep_ == "pobj" else noun
        if noun is None or noun.lemma_.lower() not in _CAUSE_NOUNS or any(
                c.dep_ == "amod" and c.lower_ in ("protective", "mitigating") for c in noun.children):
            continue
        what = next((o for p in _children(noun, "prep") if p.lower_ in ("of", "for", "behind")
                     for o in _children(p, "pobj")), None)
        items = _children(verb, "dobj") if lemma == "include" else _children(verb, "attr")
        if what is None or what.pos_ not in ("NOUN", "PROPN") or not items:
            continue
        for effect in _conjuncts(what):
            for item in (c for i in items for c in _conjuncts(i)):
                _emit(out, _side_for(item), np_side(effect), 1, f"{noun.lemma_.lower()} of", verb, sent, fixed=True)


def _without_actors_of_means(doc, claims: list[RawClaim]) -> list[RawClaim]:
    """Drop "funds -> rents" where the sentence says how: "funds lifted rents by buying
    blocks" is buying blocks -> rents (data/GUIDE.md: the doing is the cause; the actor is
    no cause of its own act), which the "by" rule reads."""
    by_means = actors_of_means(doc)
    if not by_means:
        return claims
    return [c for c in claims
            if c.cue == "by" or by_means.get(c.extra.get("verb")) not in {t.i for t in c.cause.tokens}]


def actors_of_means(doc) -> dict:
    """``{verb index: subject index}`` of the verbs that say by what means their subject
    acts ("funds lifted rents by buying blocks"). Not a policy, which works by some means
    and is a cause of what it does ("rent control reduces the housing stock by discouraging
    construction").

    >>> from cogmap.extract.nlp import load
    >>> d = load()("Funds lifted rents by buying blocks, and the cap cut supply by deterring builders.")
    >>> actors_of_means(d)
    {1: 0}
    """
    out = {}
    for tok in doc:
        if tok.lower_ == "by" and tok.dep_ == "prep" and tok.head.pos_ == "VERB" and any(
                c.dep_ in ("pobj", "pcomp") and c.tag_ == "VBG" for c in tok.children):
            subj = [c for c in tok.head.children if c.dep_ == "nsubj"]
            if subj and not _an_instrument(subj[0]):
                out[tok.head.i] = subj[0].i
    return out


#: Nouns of a policy or measure, which acts through what it makes people do.
_INSTRUMENTS = frozenset("tax levy subsidy policy law rule reform scheme programme program regulation measure "
                         "mandate incentive credit".split())


def _an_instrument(tok) -> bool:
    """Whether a subject names a policy or a measure ("rent control", "the levy", "tariffs")
    rather than one who acts."""
    lemma = tok.lemma_.lower()
    return lemma in L.CONSTRAINTS or lemma in _INSTRUMENTS


def answered_reason(question_doc, answer_doc):
    """ "Why X?" answered "Because Y.": a claim Y -> X across the two turns.

    Returns ``(question sentence, answer sentence, RawClaim)`` or None.

    >>> from cogmap.extract.nlp import load
    >>> q, a, rc = answered_reason(load()("Why are prices rising?"), load()("Mostly because the harvest failed."))
    >>> (rc.cause.text(), rc.polarity, rc.effect.text())
    ('the harvest failed', 1, 'prices')
    """
    sents = [s for s in question_doc.sents if s.text.strip()]
    answer = [s for s in answer_doc.sents if s.text.strip()]  # (not the blanked speaker tag)
    if not sents or not answer:
        return None
    return _reason_answered(sents[-1], answer[0], sents[-2] if len(sents) > 1 else None)


def reasons_in_turn(doc) -> list:
    """ "Why X? Because Y." within one paragraph, as a writer asks and answers (an op-ed's
    "This city loses a third of its water. Why? Because the mains are old."): the
    ``(question, answer, RawClaim)`` of each, as :func:`answered_reason` gives across turns.

    >>> from cogmap.extract.nlp import load
    >>> [(rc.cause.text(), rc.polarity, rc.effect.text()) for _, _, rc in reasons_in_turn(load()(
    ...     "The city loses a third of its water. Why? Because the old mains leak."))]
    [('old mains leak', -1, 'water')]
    """
    sents = [s for s in doc.sents if s.text.strip()]
    found = []
    for k in range(len(sents) - 1):
        got = _reason_answered(sents[k], sents[k + 1], sents[k - 1] if k else None)
        if got is not None:
            found.append(got)
    return found


def _reason_answered(q, a, before=None):
    """The claim of a why-question ``q`` answered by the sentence ``a``; a bare "Why?" asks
    about the sentence ``before`` it."""
    words = [t for t in q if not (t.is_space or t.is_punct)]
    if not words or not q.text.rstrip().endswith("?"):
        return None
    if words[0].lower_ != "why" and not (len(words) > 1 and words[0].lower_ in ("and", "so", "but")
                                         and words[1].lower_ == "why"):
        return None
    q = q.doc[words[0].i: q.end]  # from the first word: no speaker label, no dash
    lead = [t for t in a if not (t.is_space or t.is_punct)][:4]
    because = next((t for t in lead if t.lower_ in ("because", "since", "as") and t.dep_ in ("mark", "prep")), None)
    if because is None:
        return None
    cause_verb = because.head if because.dep_ == "mark" else None
    if cause_verb is None:
        pobj = next((c for c in because.children if c.dep_ in ("pobj", "pcomp")), None)
        if pobj is None:
            return None
        cause = _side_for(pobj)
    else:
        cause = clause_side(cause_verb)
    effect_verb = q.root
    if all(t.lower_ in ("why", "and", "so", "but", "then", "that", "is", "was") or t.is_punct for t in q):
        # A bare "Why?" (or "Why is that?") asks about the sentence before it.
        if before is None or before.text.rstrip().endswith("?"):
            return None
        effect_verb = before.root
    effect = _level_asked(q) if effect_verb == q.root else None
    if effect is None:
        effect = clause_side(effect_verb) if effect_verb.pos_ in ("VERB", "AUX") else np_side(effect_verb)
    if not cause.tokens or not effect.tokens:
        return None
    mod, tense, hedge, negated = modality_of(cause_verb if cause_verb is not None else because, a)
    rc = RawClaim(cause=cause, effect=effect, polarity=1 if cause.sign * effect.sign > 0 else -1,
                  cue="why ... because", modality="asserted" if mod == "negated" else mod, tense=tense,
                  hedge=" ".join(hedge) or None, negated=False, sent_index=a.start, cross_sentence=True)
    return q, a, rc


#: Nouns that name a cause as such: "the main driver is X", "X is another factor".
_DRIVER_NOUNS = frozenset("driver factor cause reason culprit explanation contributor".split())
#: Verbs by which people name a cause without its effect: "others point to the economy",
#: "experts cite the protests".
_CITING = frozenset("point cite blame".split())
#: What one points to or cites as evidence, not as a cause: "officials point to the data".
_EVIDENCE_NOUNS = frozenset("data datum figure survey study report poll number evidence statistic sign example "
                            "research analysis chart graph paper estimate finding record source case instance "
                            "episode story".split())
#: Words that hedge a named cause: "another probable cause", "a potential factor".
_HEDGED_CAUSE = frozenset("possible potential probable likely plausible suspected".split())


def _said(root):
    """The clause a verb of saying or thinking reports ("she said", "scientists estimate
    that X"), else the verb itself."""
    if root.lemma_.lower() in _REPORTING:
        told = next((c for c in root.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")), None)
        if told is not None:
            return told
    return root


def _named_cause(sent) -> Optional[tuple]:
    """The cause a sentence names as a cause of what is being discussed, without naming what
    it causes: ``(side, verb, hedge word or None)``; None for any other sentence.

    "The main driver is warmer summers", "Another probable cause is the pressure on the
    capital", "The ocean is the biggest factor", "Others point to the bad economy",
    "Poverty seems to play a role". A phrase that says of what ("a driver of inflation",
    "blame X for Y", "a role in the decline") is the rules' business: its effect is there.
    """
    if sent.text.rstrip().endswith("?"):
        return None
    root = _said(sent.root)
    verbs = [root] + [x for x in root.children if x.dep_ == "xcomp" and x.pos_ in ("VERB", "AUX")]
    verbs += [y for x in verbs[1:] for y in x.children if y.dep_ == "xcomp" and y.pos_ in ("VERB", "AUX")]

    def said_of(noun) -> bool:
        # ("a reason to turn up", "the main reason underwriters repriced": of what, it says)
        return any(p.dep_ == "prep" and p.lower_ in ("of", "behind", "for", "in", "to", "on") or
                   p.dep_ in ("acl", "relcl") for p in noun.children)

    def driver(noun):
        if noun.lemma_.lower() == "one":
            noun = next((o for p in _children(noun, "prep") if p.lower_ == "of" for o in _children(p, "pobj")), noun)
        return noun if noun.lemma_.lower() in _DRIVER_NOUNS and not said_of(noun) else None

    for v in verbs:
        if _negated(v):
            return None
        lemma = v.lemma_.lower()
        subj = next(iter(_children(v, "nsubj")), None)
        if subj is None and v is not root:
            subj = next(iter(_children(v.head, "nsubj")), None) or \
                next(iter(_children(v.head.head, "nsubj")), None)  # "Poverty seems to play a role"
        if lemma == "be" and subj is not None:
            attr = next(iter(_children(v, "attr")), None)
            if attr is None:
                continue
            named = driver(subj)
            if named is not None and attr.pos_ in ("NOUN", "PROPN"):
                hedge = next((m.lower_ for m in named.children if m.lower_ in _HEDGED_CAUSE), None)
                return _side_for(attr), v, hedge
            named = driver(attr)
            if named is not None and subj.pos_ in ("NOUN", "PROPN") and subj.lower_ not in _PRONOUN_SUBJ:
                hedge = next((m.lower_ for m in named.children if m.lower_ in _HEDGED_CAUSE), None)
                return np_side(subj), v, hedge
        if lemma in _CITING and subj is not None and subj.lemma_.lower() not in _EVIDENCE_NOUNS and \
                subj.lower_ not in ("it", "this", "that", "which") and not _what_was_said(subj):
            # (people point to causes; "the figures point to X" is what they show)
            if lemma == "point":
                cited = next((o for p in _children(v, "prep") if p.lower_ == "to" for o in _children(p, "pobj")), None)
            else:
                cited = next(iter(_children(v, "dobj")), None)
            preps = _children(v, "prep") + (_children(cited, "prep") if cited is not None else [])
            if any(p.lower_ in ("for", "on", "as") for p in preps):
                return None  # "blame X for Y", "blamed the drop on Y": the rules read it
            if cited is not None and cited.pos_ in ("NOUN", "PROPN") and cited.lemma_.lower() not in _DRIVER_NOUNS \
                    and cited.lemma_.lower() not in _EVIDENCE_NOUNS:
                return np_side(cited), v, None
        if lemma == "play" and subj is not None and subj.pos_ in ("NOUN", "PROPN"):
            part = next((o for o in _children(v, "dobj") if o.lemma_.lower() in ("role", "part")), None)
            if part is not None and not said_of(part) and not any(p.lower_ == "in" for p in _children(v, "prep")):
                return np_side(subj), v, None
    return None


def _what_was_said(subj) -> bool:
    """Whether a subject stands for statements made before, not for people: "all of that",
    "everything", "both" ("all of that points to a strong market" is what it shows)."""
    return subj.pos_ in ("PRON", "DET") and (subj.lower_ in ("all", "everything", "both", "each", "what")
                                             or any(w.lower_ in _DEMONSTRATIVES for w in subj.subtree))


def _topic_of(sent) -> Optional[Side]:
    """What a sentence says is changing, as the thing a later "the main driver is X" is a
    driver of: the variable of a why-question ("Why is the glacier shrinking so fast?": the
    glacier, down), of a change named with its thing ("the increase in homicides"), or of a
    clause of change ("the stock has fallen to its lowest level"); None otherwise."""
    words = [t for t in sent if not (t.is_space or t.is_punct)]
    if not words or _named_cause(sent) is not None:
        return None  # ("Another factor is the cut in lighting" names a cause, not what it causes)
    if sent.text.rstrip().endswith("?"):
        if words[0].lower_ != "why":
            return None
        side = _level_asked(sent) or clause_side(sent.root)
        return side if side.tokens and sent.root not in side.tokens else None
    for tok in sent:
        if tok.lemma_.lower() in _CHANGE_NOUNS and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and any(
                p.lower_ in ("in", "of") for p in _children(tok, "prep")):
            side = np_side(tok)
            if side.tokens and tok not in side.tokens:
                return side  # "the increase in homicides": homicides, up
    root = _said(sent.root)
    if root.pos_ in ("VERB", "AUX") and (root.lemma_.lower() in _CHANGE or root.lemma_.lower() == "lose"):
        side = clause_side(root)
        if side.tokens and root not in side.tokens and not any(t.lower_ in _PRONOUN_SUBJ for t in side.tokens):
            return side  # "the spawning stock has fallen to its lowest level": the stock, down
    return None


def topic_drivers(docs, reach: int = 2) -> list:
    """Causes named as causes of what is being discussed, linked to it: "The increase in
    homicides is large. So what's going on? ... Others point to the bad economy": the
    economy raises homicides. ``docs`` are a document's paragraphs in order; the thing
    discussed is the nearest change or why-question in the ``reach`` sentences before
    (:func:`_topic_of`). Returns ``(topic sentence, cause sentence, RawClaim)`` triples.

    An analyst codes these links (a piece that asks why something changed lists its
    drivers one sentence each), and no sentence holds both ends, so neither the reader,
    which sees one sentence and the one before, nor a rule of one clause finds them.

    >>> from cogmap.extract.nlp import load
    >>> nlp = load()
    >>> [(rc.cause.text(), rc.polarity, rc.effect.text()) for _, _, rc in topic_drivers([nlp(
    ...     "The increase in burglaries worries the police. Officers point to the closure of youth clubs.")])]
    [('closure of youth clubs', 1, 'burglaries')]
    """
    sents = [s for d in docs for s in d.sents if s.text.strip()]
    found = []
    last = None  # (index, topic sentence, topic) of the last cause named: a list of them shares its topic
    for k, sent in enumerate(sents):
        named = _named_cause(sent)
        if named is None:
            continue
        cause, verb, hedge = named
        if not cause.tokens or any(t.lemma_.lower() in _DRIVER_NOUNS for t in cause.tokens):
            continue  # ("researchers cite a bundle of other factors": which, it does not say)
        # (A question that only asks on, "What happened?", and a courtesy, "Thank you,
        # Senator.", are not counted in the reach.)
        before = [j for j in range(k - 1, max(-1, k - 1 - 3 * reach), -1)
                  if _topic_of(sents[j]) is not None or not (sents[j].text.rstrip().endswith("?") or
                                                            sum(t.is_alpha for t in sents[j]) <= 4)][:reach]
        for back in before:
            topic = _topic_of(sents[back])
            if topic is None and last is not None and last[0] == back:
                # "Some experts cite X. Others point to Y. Another factor is Z": of one thing
                back, topic = last[1], last[2]
            if topic is None:
                continue
            last = (k, back, topic)
            mod, tense, hedges, negated = modality_of(verb, sent)
            if negated:
                break
            words = list(hedges) + ([hedge] if hedge else [])
            if mod == "asserted" and hedge:
                mod = "possible"
            rc = RawClaim(cause=Side(cause.tokens, 1), effect=Side(topic.tokens, 1),
                          polarity=1 if cause.sign * topic.sign > 0 else -1, cue=verb.lower_, modality=mod,
                          tense=tense, hedge=" ".join(words) or None, negated=False, sent_index=sent.start,
                          cross_sentence=True)
            found.append((sents[back], sent, rc))
            break
    return found


def _level_asked(q) -> Optional[Side]:
    """The variable whose level a why-question asks about, that way: "Why are stocks so
    low?" asks what lowered the stocks, "Why is rent that high?" what raised it. (A
    level only stated, "shelves are empty", is a variable of its own, :func:`clause_side`;
    asked why, it is one that got there.)"""
    return next((side for side in map(level_side, q) if side is not None), None)


def level_side(adj) -> Optional[Side]:
    """The variable a word of level says its noun is at, that way: "low" of "stocks are
    so low" is the stocks, down. None for any other word, or a noun that is a pronoun.
    The small parser often misreads an inverted question ("high" as a modifier of
    "rents" in "Why are rents so high?", "turnout" as the root of "Why is turnout so
    low?"): the adjective's noun is taken from any of those places."""
    level = L.LEVELS.get(adj.lower_) or L.STATE_ADJECTIVES.get(adj.lower_)
    if level is None:
        return None
    word = adj.pos_ in ("ADJ", "ADV")
    if word and adj.dep_ in ("acomp", "advmod", "oprd") and adj.head.pos_ in ("VERB", "AUX"):
        verb, noun = adj.head, next(iter(_children(adj.head, "nsubj")), None)
    elif word and adj.dep_ in ("amod", "advmod") and adj.head.pos_ in ("NOUN", "PROPN") and adj.head.i < adj.i:
        noun = adj.head  # "rents so high", "turnout so low": the level said after its noun
        verb = noun.head if noun.dep_ == "nsubj" else next(
            (t for t in noun.sent if t.i < noun.i and t.lemma_.lower() in ("be", *_HOLDING)), None)
    elif adj.i > adj.sent.start and adj.nbor(-1).lower_ in ("so", "that", "too", "this"):
        # "why are certified stocks that low", with "low" parsed as a verb of a relative
        # clause: the noun before it
        noun = next((t for t in reversed(adj.sent[:adj.i - adj.sent.start]) if t.pos_ in ("NOUN", "PROPN")), None)
        verb = next((t for t in adj.sent if noun is not None and t.i < noun.i
                     and t.lemma_.lower() in ("be", *_HOLDING)), None)
    else:
        return None
    if verb is None or noun is None or noun.lower_ in _PRONOUN_SUBJ or _negated(verb) or \
            verb.lemma_.lower() != "be" and verb.lemma_.lower() not in _HOLDING:
        return None
    s = np_side(noun)
    return Side([t for t in s.tokens if t not in adj.subtree], s.sign * level)


#: Verbs of a question that asks for a cause: "What is driving X?", "What caused X?"
_ASKING_CAUSE = frozenset("drive cause explain fuel push trigger".split())
#: Nouns an answer names its cause as: "Pay is the first thing", "Housing is the main reason".
_CAUSE_ROLES = frozenset("thing reason factor driver cause problem issue culprit one part".split())


def answered_driver(question_doc, answer_doc):
    """ "What is driving X?" or "What is behind X?" answered "Pay is the first thing.",
    "Mostly pay." or "It's the pay.": a claim pay -> X across the two turns.

    Returns ``(question sentence, answer sentence, RawClaim)`` or None.

    >>> from cogmap.extract.nlp import load
    >>> q, a, rc = answered_driver(load()("What is driving the teacher shortage?"),
    ...                            load()("Pay is the first thing. Housing is the second."))
    >>> (rc.cause.text(), rc.polarity, rc.effect.text())
    ('Pay', 1, 'teacher shortage')
    >>> answered_driver(load()("What is driving it?"), load()("Pay.")) is None
    True
    """
    sents = [s for s in question_doc.sents if s.text.strip()]
    answer = [s for s in answer_doc.sents if s.text.strip()]
    if not sents or not answer or not sents[-1].text.rstrip().endswith("?"):
        return None
    q = sents[-1]
    words = [t for t in q if not (t.is_space or t.is_punct)]
    if words and words[0].lower_ in ("and", "so", "but", "then"):
        words = words[1:]
    if not words or words[0].lower_ != "what":
        return None
    # The words after the asking verb or "behind" (the small parser may take "driving the
    # teacher shortage" for a subject clause of "shortage"): their phrase, else the words.
    verb = next((t for t in q if t.lemma_.lower() in _ASKING_CAUSE and t.pos_ == "VERB"
                 or t.lower_ == "behind" and t.i > words[0].i), None)
    between = q[words[0].i - q.start + 1:verb.i - q.start] if verb is not None else []
    if verb is None or any(t.pos_ in ("VERB", "AUX") and t.lemma_ != "be" for t in between):
        return None
    after = [t for t in q[verb.i - q.start + 1:] if not (t.is_punct or t.is_space)]
    content = [t for t in after if t.pos_ in ("NOUN", "PROPN", "ADJ", "NUM")]
    if not content or any(t.pos_ == "PRON" for t in after[:1]):
        return None  # ("What is driving it?": what "it" is, the question does not say)
    top_of = next((t for t in after if all(x in t.subtree for x in content)), None)
    a = answer[0]
    top = a.root
    subject = next((c for c in top.children if c.dep_ == "nsubj"), None)
    attr = next((c for c in top.children if c.dep_ == "attr"), None)
    if top.lemma_ == "be" and subject is not None and attr is not None and subject.pos_ in ("NOUN", "PROPN") \
            and attr.lemma_.lower() in _CAUSE_ROLES:
        named = subject  # "Pay is the first thing"
    elif top.lemma_ == "be" and subject is not None and subject.lower_ in ("it", "that") and attr is not None \
            and attr.pos_ in ("NOUN", "PROPN") and attr.lemma_.lower() not in _CAUSE_ROLES:
        named = attr  # "It's the pay."
    elif top.pos_ in ("NOUN", "PROPN") and not any(t.pos_ in ("VERB", "AUX") for t in a):
        named = top  # "Mostly pay."
    else:
        return None
    cause = np_side(named)
    effect = np_side(top_of) if top_of is not None and top_of.pos_ in ("NOUN", "PROPN") else Side(content, 1)
    effect = Side([t for t in effect.tokens if t in after], effect.sign)
    if not cause.tokens or not effect.tokens:
        return None
    rc = RawClaim(cause=cause, effect=effect, polarity=1 if cause.sign * effect.sign > 0 else -1,
                  cue="what drives", modality="asserted", tense="present", hedge=None, negated=False,
                  sent_index=a.start, cross_sentence=True)
    return q, a, rc


# "What happens if X?", "What would the bank do once X?", "What if X?": the question
# supplies the condition the answer's modal sentences forecast under.
_HYPOTHETICAL = re.compile(
    r"^\W*(?:[^\W\d][^:?\n]{0,40}:\s+)?"  # a speaker label ("Q: ", "HOST: ") is no part of it
    r"(?:(?:and|so|but|then|ok(?:ay)?|well)\W+)?what\b"
    r"(?:\s+if\b\s*(?P<bare>.+)|(?=.*\b(?:happens?|would|will|could)\b)"
    r".*?\b(?:if|when|once|should|in case)\b\s*(?P<cond>.+))$", re.I | re.S)


def hypothetical_condition(question: str) -> Optional[str]:
    """The condition of a question about what would follow from it, or None.

    An interviewer's "What happens when the bank runs out of reserves?" makes the
    answer's "It would have to devalue." a forecast under that condition, though the
    answer alone reads like a bare "would".

    >>> hypothetical_condition("What happens when the bank runs out of reserves?")
    'the bank runs out of reserves'
    >>> hypothetical_condition("And what if the talks fail?")
    'the talks fail'
    >>> hypothetical_condition("What would the union do if the plant closed?")
    'the plant closed'
    >>> hypothetical_condition("HOST: So what happens if the dam fails?")
    'the dam fails'
    >>> hypothetical_condition("What happened when the bank ran out of reserves in 2014?") is None
    True
    >>> hypothetical_condition("What did you do when the plant closed?") is None
    True
    """
    text = question.strip()
    if not text.endswith("?"):
        return None
    m = _HYPOTHETICAL.match(text[:-1].rstrip())
    if m is None or re.search(r"\bhappened\b", text, re.I):
        return None  # what did happen is history, not a hypothesis
    cond = (m.group("bare") or m.group("cond") or "").strip(" ,;:")
    return cond or None


def answered_hypothesis(question_doc, answer_doc):
    """ "What happens if X?" answered "Y would happen.": a conditional claim X -> Y across
    the two turns, as "If X, Y would happen" would be within one sentence.

    Returns ``(question sentence, answer sentence, RawClaim)`` or None.

    >>> from cogmap.extract.nlp import load
    >>> q, a, rc = answered_hypothesis(load()("What happens if the bank runs out of reserves?"),
    ...                                load()("The currency would collapse."))
    >>> (rc.cause.text(), rc.polarity, rc.effect.text(), rc.modality)
    ('reserves', 1, 'currency', 'conditional')
    """
    sents = [s for s in question_doc.sents if s.text.strip()]
    answer = [s for s in answer_doc.sents if s.text.strip()]
    if not sents or not answer or hypothetical_condition(sents[-1].text) is None:
        return None
    q = sents[-1]
    cond = next((t for t in q if t.lower_ in ("if", "when", "once", "should") and t.dep_ in ("mark", "advmod")
                 and t.head.pos_ in ("VERB", "AUX")), None)
    if cond is None:
        return None
    a = answer[0]
    mod, tense, hedge, _ = modality_of(a.root, a, negation=False)
    if tense != "future" and mod == "asserted":
        return None  # "It depends.", "Nothing.": no outcome foretold
    cause, effect = clause_side(cond.head), clause_side(a.root)
    if not cause.tokens or not effect.tokens or any(t.lower_ in _PRONOUN_SUBJ for t in effect.tokens[:1]) \
            and len(effect.tokens) == 1:
        return None
    rc = RawClaim(cause=cause, effect=effect, polarity=1 if cause.sign * effect.sign > 0 else -1,
                  cue="what if ... would", modality="conditional", tense=tense, hedge=" ".join(hedge) or None,
                  negated=False, sent_index=a.start, cross_sentence=True)
    return q, a, rc
