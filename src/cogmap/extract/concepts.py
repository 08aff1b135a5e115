"""Concepts: the variables of the map, merged across wordings.

Each side of a claim becomes a short noun phrase that reads as a variable. Two
wordings are one concept when they share their head noun's lemma and their
modifiers do not tell them apart: "second mobilization", "new mobilization" and
"new wave of mobilization" merge; "oil prices" and "food prices" do not
(different noun modifiers), nor "Russian army" and "Ukrainian army" (different
proper modifiers). Light verbs give way to their object: "call for a second
mobilization" is the concept "second mobilization".

Opposites are one concept with a sign, as INDRA normalises statements to their
positive form: "unemployment" is the concept *employment* going the other way,
"instability" is *stability*, "the inability to pay" is *ability to pay*
(:func:`negation_sign`; "lack of rain", "weaker currency" and "fewer jobs" get
their sign from :func:`cogmap.extract.claims.np_side`). The wording stays an alias.

An analyst's alias file (:mod:`cogmap.aliases`) names wordings that are one
concept and pairs that must stay apart; it overrules the rules and embeddings.

Examples
--------
>>> import cogmap
>>> doc = cogmap.extract("The crisis will force a second mobilization. "
...                      "Falling morale makes a new wave of mobilization more likely.")
>>> len({c.effect.concept for c in doc.claims})  # one concept, two wordings
1
"""

from __future__ import annotations

import os
import re
from collections import Counter
from functools import lru_cache
from typing import Optional

import numpy as np

from cogmap.aliases import Aliases, slug
from cogmap.records import Concept

__all__ = ["ConceptMerger", "label_tokens", "names_something", "negation_sign", "positive_of", "slug", "transferred", "unify"]

#: Labels of at most this many words are compared by meaning; a longer one is an event.
EMBEDDED_WORDS = 6

# Verbs that carry little meaning of their own: the concept is their object.
_LIGHT_VERBS = frozenset(
    "call ask seek start begin launch hold announce declare order want need try decide plan make take "
    "have get give do go continue keep wish hope attempt intend prepare push press demand".split())
#: Light verbs that can name what their object becomes ("declare X (as) Y").
_DECLARING = frozenset("declare".split())
from cogmap.extract.lexicon import INTENT_NOUNS as _INTENT  # noqa: E402
from cogmap.extract.lexicon import COMPARATIVE, TRANSFER  # noqa: E402
from cogmap.extract.structure import SPEECH_VERBS  # noqa: E402

#: Verbs that only link a state to its bearer.
_COPULAS = frozenset("be become remain seem stay grow turn get".split())
#: Verbs that say only that their subject happens.
_OCCUR = frozenset("follow come happen occur ensue arise emerge erupt break".split())

# Nouns that wrap another noun: "a wave of X" is X.
_WRAPPERS = frozenset(
    "wave round series kind type form sort number amount level degree pace bout spate lot set part "
    "piece bit deal way".split())
# Adjectives that describe without telling concepts apart.
_GENERIC_ADJ = frozenset(
    "new recent current further possible potential big large small major minor serious real "
    "whole entire overall general certain such same other various several many much more less "
    "additional ongoing latest so-called impending already distant long protracted prolonged "
    # when a thing comes, not which thing it is: "the planned tax" is the tax
    "upcoming forthcoming incoming pending planned proposed promised expected future".split())
_DROP_WORDS = frozenset("the a an this that these those any some its their his her our my your own "
                        "even only also just very too now then already such".split())


def _subtree(tok, toks):
    """The tokens of ``toks`` under ``tok`` (not its edges' span: "why he wants to
    negotiate" hangs "why" on "negotiate", left of "wants")."""
    under = {t.i for t in tok.subtree}
    return [t for t in toks if t.i in under]


def transferred(verb):
    """What a verb of handing over hands over: "send tanks to Kyiv" and "supply the
    army with tanks" are about the tanks; None for other verbs or no such object."""
    if verb is None or verb.lemma_.lower() not in TRANSFER:
        return None
    given = next((pobj for p in verb.children if p.dep_ == "prep" and p.lower_ == "with"
                  for pobj in p.children if pobj.dep_ == "pobj" and pobj.pos_ in ("NOUN", "PROPN")), None)
    if given is None:
        given = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
    if given is None:
        # "sending in tanks", "hand over weapons": the small parser reads the particle as a
        # preposition; right after the verb, with a common noun, it hands that noun over.
        given = next((pobj for p in verb.children if p.dep_ == "prep" and p.i == verb.i + 1
                      and p.lower_ in ("in", "over", "out") for pobj in p.children
                      if pobj.dep_ == "pobj" and pobj.pos_ == "NOUN"), None)
    return given


_PARTICLES = frozenset("back down up out off".split())


def misparsed_particle(verb):
    """A particle the small parser hung on the verb's object: "back" of "holding back
    investment", read as an adjective of "investment"; None when there is none."""
    if verb.i + 1 >= len(verb.doc):
        return None
    nxt = verb.doc[verb.i + 1]
    if nxt.lower_ in _PARTICLES and nxt.dep_ in ("amod", "advmod", "compound") and \
            nxt.head.dep_ == "dobj" and nxt.head.head == verb and nxt.head.i > nxt.i:
        return nxt
    return None


def _core(tokens):
    """Strip light verbs and wrapper nouns: the tokens that name the variable."""
    if not tokens:
        return tokens
    toks = [t for t in tokens if (not t.is_punct or t.text in ("-", "–", "’s", "'s"))
            and t != misparsed_particle(t.head.head)]
    head = _head(toks)
    # Light verb + object: "call for a second mobilization" -> "second mobilization".
    for _ in range(3):
        if head is None or head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() not in _LIGHT_VERBS:
            break
        obj = next((c for c in head.children if c.dep_ in ("dobj", "xcomp") and c in toks
                    and c.pos_ != "PRON"), None)
        if obj is not None and head.lemma_.lower() in _DECLARING:
            # "declared 1,000 counties as disaster areas": what they were declared is the
            # variable (disaster areas), not what was so declared.
            # (the parse hangs the "as" on the verb or on the object's last noun)
            as_ = next((c for c in [*head.children, *obj.subtree] if c.dep_ == "prep" and c.lower_ == "as"
                        and c in toks), None)
            obj = next((c for c in as_.children if c.dep_ == "pobj" and c in toks), obj) if as_ else obj
        if obj is None:
            prep = next((c for c in head.children if c.dep_ == "prep" and c in toks), None)
            obj = next((c for c in prep.children if c.dep_ == "pobj" and c in toks), None) if prep else None
            if obj is not None and _a_place(obj):
                break  # "going into the streets" is the going: "go to war" is war, "go to Kyiv" is no Kyiv
        if obj is None:
            break
        toks = _subtree(obj, toks)
        head = _head(toks)
    # Intention noun: "the West's decision to send tanks" -> "send tanks".
    if head is not None and head.lemma_.lower() in _INTENT:
        acl = next((c for c in head.children if c.dep_ == "acl" and c in toks
                    and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
        if acl is not None:
            toks = [t for t in toks if acl.left_edge.i <= t.i <= acl.right_edge.i and t.dep_ != "aux"]
            head = _head(toks)
    if head is not None and head.pos_ in ("VERB", "AUX") and not any(
            c.dep_ in ("dobj", "prep", "prt", "xcomp", "ccomp", "dative") and c in toks for c in head.children):
        subj = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c in toks), None)
        comp = next((c for c in head.children if c.dep_ in ("acomp", "attr", "oprd") and c in toks), None)
        if comp is not None and subj is None and head.lemma_.lower() in _COPULAS:
            # A state without its bearer: "(if he) is unpopular" -> "unpopular".
            toks = _subtree(comp, toks)
            head = _head(toks)
        elif comp is None and subj is not None and subj.pos_ in ("NOUN", "PROPN") and \
                head.lemma_.lower() in _OCCUR:
            # An event that merely happens is the thing that happens: "a coup will follow" -> "coup".
            toks = _subtree(subj, toks)
            head = _head(toks)
    stated = _stated_level(head, toks)
    if stated is not None:
        toks, head = stated, _head(stated)
    # Handing over: "send tanks to Kyiv" -> "tanks".
    given = transferred(head) if head is not None and head.pos_ in ("VERB", "AUX") else None
    if given is not None and given in toks:
        toks = _subtree(given, toks)
        head = _head(toks)
    # Wrapper noun: "a new wave of mobilization" -> "new mobilization".
    if head is not None and head.lemma_.lower() in _WRAPPERS:
        of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        pobj = next((c for c in of.children if c.dep_ == "pobj"), None) if of else None
        if pobj is not None and pobj in toks:
            mods = [t for t in toks if t.head == head and t.dep_ in ("amod", "compound", "nummod")]
            toks = mods + [t for t in toks if pobj.left_edge.i <= t.i <= pobj.right_edge.i]
    # A clause after a noun's preposition is no part of its name: "an idea of how Putin
    # thinks" is an idea, "fear of what comes next" fear. Pronouns and auxiliaries, which a
    # label drops, would leave "idea of Putin thinks". A clause without a subject stays
    # ("the risk of losing the election").
    if head is not None and head.pos_ in ("NOUN", "PROPN"):
        for prep in [c for c in head.children if c.dep_ == "prep" and c in toks]:
            clause = next((c for c in prep.children if c.dep_ == "pcomp" and c.pos_ in ("VERB", "AUX")), None)
            if clause is not None and any(c.dep_ in ("nsubj", "nsubjpass") or c.tag_ in ("WRB", "WP", "WDT")
                                          for c in clause.children):
                cut = {t.i for t in prep.subtree}
                toks = [t for t in toks if t.i not in cut]
    if head is not None and head.pos_ in ("VERB", "AUX"):
        toks = _without_when_and_how(head, toks)
    return toks


#: Adverbs of when, where or how much to believe it, which a doing's name goes without
#: (those in "-ly" too, below, unless they say a level: "supply staying tight", "retire
#: faster", "arriving late" keep theirs).
_ASIDE_ADVERBS = frozenset("there here instead altogether elsewhere again already also still just even then "
                           "now today anyway meanwhile".split())
#: Nouns of a stretch of time: "within 24 hours", "in time for the season", "this year".
_TIME_NOUNS = frozenset("time hour day week month year season decade quarter summer winter spring autumn "
                        "weekend night morning evening moment period".split())
_TIME_PREPS = frozenset("in within during after before by until till since over for".split())


def _without_when_and_how(verb, toks):
    """A doing's words without the adverbs of manner or time and the phrases of time hung
    on its verb: "crude market tightening naturally, seasonally" is "crude market
    tightening", "taking Kyiv within 24 hours" "taking Kyiv". They say when or how the
    thing moves, which a map's label does not (the quote keeps them)."""
    def aside(t):
        if t.dep_ == "advmod" and t.pos_ == "ADV":
            return t.lower_ in _ASIDE_ADVERBS or t.lower_.endswith("ly") and t.lower_ not in COMPARATIVE \
                and not any(c.lower_ in ("more", "less") for c in t.children)
        objects = [t] if t.dep_ == "npadvmod" else \
            [c for c in t.children if c.dep_ == "pobj"] if t.dep_ == "prep" and t.lower_ in _TIME_PREPS else []
        return any(o.ent_type_ in ("DATE", "TIME") or o.lemma_.lower() in _TIME_NOUNS and o.lower_ != "times"
                   for o in objects)
    cut = set()
    for c in verb.children:
        if c in toks and aside(c):
            cut |= {t.i for t in c.subtree}
    kept = [t for t in toks if t.i not in cut]
    return kept if any(t.pos_ in ("NOUN", "PROPN") or t == verb for t in kept) else toks


def _stated_level(head, toks):
    """A level said of its bearer, named as a map names it: "(the fact that) productivity is
    so weak" is "weak productivity", "with wage growth sluggish" "sluggish wage growth" (a
    clause is no label; the level stays in the words, as in "empty shelves"). None for
    anything more than a bearer and its level, or a level denied ("is not weak")."""
    if head is None:
        return None
    if head.pos_ == "ADJ":
        adj = holder = head
    elif head.lemma_.lower() in _COPULAS:
        adj, holder = next((c for c in head.children if c.dep_ == "acomp" and c.pos_ == "ADJ" and c in toks), None), head
    else:
        return None
    subj = next((c for c in holder.children if c.dep_ == "nsubj" and c in toks and c.pos_ in ("NOUN", "PROPN")), None)
    if adj is None or subj is None:
        return None
    others = [c for c in (*holder.children, *adj.children) if c in toks and c not in (adj, subj)]
    if any(c.dep_ not in ("advmod", "mark", "aux", "punct") or c.dep_ == "advmod" and c.lower_ in ("not", "never")
           for c in others) or any(c.dep_ == "neg" for c in (*holder.children, *adj.children)):
        return None
    return [adj] + _subtree(subj, toks)


# Common nouns of a place one goes to: with a verb of going they name where, not what.
_PLACE_NOUNS = frozenset("street square road border front city town village capital country abroad "
                         "exile hiding home office polls".split())


def _a_place(tok) -> bool:
    return tok.ent_type_ in ("GPE", "LOC", "FAC") or tok.lemma_.lower() in _PLACE_NOUNS


def roots(tokens) -> list:
    """The tokens of a phrase whose head lies outside it, or that head their sentence: its
    top words (one for a phrase the parse holds together).

    >>> from cogmap.extract.nlp import load
    >>> [t.text for t in roots(load()("Higher rates cut lending.")[0:2])]
    ['rates']
    """
    ids = {t.i for t in tokens}
    return [t for t in tokens if t.head.i not in ids or t.head == t]


def _head(tokens):
    """The word the others hang on; among several, a noun (a kept modifier is no head)."""
    tops = roots(tokens)
    held = [t for t in tops if t.pos_ == "VERB" and any(c.dep_ == "dobj" and c.pos_ == "PRON" and c not in tokens
                                                       for c in t.children)]
    if held and len(tops) > 1:
        # "closing [them]" with the pronoun's antecedent in its place ("closing ports",
        # claims.resolve_anaphor): the verb heads, as over an object of its own.
        return held[0]
    nouns = [t for t in tops if t.pos_ in ("NOUN", "PROPN")]
    if nouns:
        return nouns[-1]
    return tops[0] if tops else (tokens[-1] if tokens else None)


def _verbal(tokens) -> bool:
    """Whether the words name a variable by a verb ("negotiate", "wants to negotiate")."""
    core = _core(tokens) if tokens and hasattr(tokens[0], "pos_") else None
    head = _head(core) if core else None
    return head is not None and head.pos_ in ("VERB", "AUX")


def _acted_on(tokens) -> set:
    """Stems of what the wording's verb does something to: "banning pesticides" acts on
    pesticides. (Verbs of raising and lowering never get here: "cutting rates" is already
    the rates, down; what is left is a doing whose direction no list says.)"""
    if not tokens or not hasattr(tokens[0], "pos_"):
        return set()
    toks = _core(tokens)
    head = _head(toks)
    if head is None or head.pos_ != "VERB":
        return set()
    objs = [c for c in head.children if c.dep_ == "dobj" and c in toks]
    if not objs:  # "closing [them]" with the pronoun's antecedent in its place
        objs = [t for t in roots(toks) if t != head and t.pos_ in ("NOUN", "PROPN")]
    return {token_stem(o) for o in objs}


def label_tokens(tokens) -> str:
    """A readable label: lowercase (names keep their case), no articles or pronouns.

    Labels stay short: at most eight words, cutting trailing phrases first. A
    negative wording is labelled by its positive form ("unemployment" is
    "employment", see :func:`negation_sign`). A doing without its doer is named by its
    "-ing" form, a noun phrase a map can show ("step down" is "stepping down").

    >>> from cogmap.extract.nlp import load
    >>> d = load()("He may cancel the 2024 election.")
    >>> label_tokens(d[2:6])
    'canceling 2024 election'
    """
    core = _core(tokens)
    return _label(core, _negation(core), gerund=_doing(core) or _event(core)) or _label(tokens)


def _doing(tokens):
    """The verb that opens a wording and heads it without a subject: "cancel the election",
    "viewed time as his ally". A participle of the passive ("hated by many") and a clause
    with its subject ("Putin decides") are left as they are."""
    head = _head(tokens) if tokens else None
    # (Not a present tense without its subject: that is a plural noun the tagger took for a
    # verb more often than a doing, "outages at the plant", "can sizes".)
    if head is None or head.pos_ != "VERB" or head.tag_ not in ("VB", "VBD") and not (
            head.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in head.children)):
        return None  # (a perfect's participle is a doing too: "has viewed time as his ally")
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in head.children if c in tokens):
        return None
    # A base form is a doing after "to" or a modal ("may cancel", "decide to step down");
    # bare, and in a headline's Title Case above all, it is a noun the tagger misread
    # ("Power Prices Hit Record Highs": no "recording highs").
    if head.tag_ == "VB" and not any(c.dep_ == "aux" for c in head.children) or _is_title_case(head.doc):
        return None
    first = next((t for t in tokens if not (t.dep_ in ("aux", "auxpass", "neg") or t.lower_ in _DROP_WORDS
                                            or t.is_punct)), None)
    return head if first == head else None


def _event(tokens):
    """The verb of a wording that is a whole clause, subject and all: "shoppers traded down
    to cheaper bars", "the generator could fail". Its "-ing" form makes the clause a noun
    phrase a map can show ("shoppers trading down to cheaper bars", "generator failing");
    a sentence on a map reads as a claim, not as something that rises or falls.

    Not a passive's participle ("budgets were raided" stays "budgets raided"), a copula
    (its level is the label, see :func:`_stated_level`), or a headline's Title Case, where
    the tagger takes nouns for verbs. A past form with nothing after it stays as written:
    the tagger cannot tell "the mill closed" from "with every transformer destroyed", and
    "transformer destroying" would turn the victim into the doer."""
    head = _head(tokens) if tokens else None
    if head is None or head.pos_ != "VERB" or not head.is_alpha or head.lemma_.lower() in ("be", "have") or \
            _is_title_case(head.doc):
        return None
    finite = head.tag_ in ("VBZ", "VBP", "VBD") or head.tag_ == "VB" and any(
        c.dep_ == "aux" and c.tag_ == "MD" for c in head.children)
    if not finite or any(c.dep_ in ("auxpass", "nsubjpass") for c in head.children):
        return None
    if head.tag_ == "VBD" and not any(c.dep_ in ("dobj", "dative", "prt", "xcomp", "ccomp") and c in tokens
                                      for c in head.children):
        return None
    subj = next((c for c in head.children if c.dep_ == "nsubj" and c in tokens), None)
    if subj is None or subj.i > head.i or subj.tag_ in ("WDT", "WP"):
        return None  # ("which root as new plants": a relative clause, its noun outside the words)
    return head


def _ing(verb) -> Optional[str]:
    """The "-ing" form of a verb, by lemminflect's tables (spelling rules such as
    "stop" -> "stopping" and "panic" -> "panicking" are theirs, not a guess of ours).
    None where the word is no form of its lemma: the small model's lemmatiser gives
    "hated" as "hat", and "hatting" is no word. (lemminflect's own lemma table would
    mend that, at 34 MB more of memory.)"""
    from lemminflect import getAllInflections, getInflection

    lemma = verb.lemma_.lower()
    if verb.lower_ != lemma and verb.lower_ not in {f for fs in getAllInflections(lemma, upos="VERB").values()
                                                    for f in fs}:
        return None
    forms = getInflection(lemma, tag="VBG")
    return forms[0] if forms else None


# Units of time: a side made of these and numbers is a date or a span of time ("five
# years on", "every day", "2027"), never a variable.
_TIME_UNITS = frozenset({"year", "month", "week", "day", "hour", "minute", "decade", "century",
                         "quarter", "weekend", "night", "morning", "evening"})
# "Time" alone can be a variable ("time is on his side"); "every time", "this time" is when.
_TIME_WHEN = frozenset({"time", "moment", "period"})
# An amount alone ("25 million euros", "a third") is how much, not what.
_AMOUNTS = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL"})
# Units an amount is counted in: currencies (the tagger often misses a MONEY entity for
# the less common ones, "9,000 krona", "400 million crowns"), and points and percents.
_MEASURES = frozenset({"euro", "dollar", "pound", "yen", "yuan", "rouble", "ruble", "rupee", "franc", "cent",
                       "krona", "kronor", "krone", "kroner", "crown", "mark", "peso", "real", "rand", "lira",
                       "dinar", "dirham", "riyal", "rial", "won", "baht", "ringgit", "zloty", "forint", "koruna",
                       "lev", "leu", "hryvnia", "shekel", "naira", "shilling", "taler", "florin", "ducat", "guilder",
                       "percent", "per", "point"})
_TIME_DEICTIC = frozenset({"next", "last", "this", "every", "each", "coming", "past", "early", "late"})
#: Verbs that only spend or fill a time: "(they) do two years", "spent five years", "it took a week".
_TIME_VERBS = frozenset({"do", "spend", "take", "last", "serve", "have", "be"})
#: A quantifier standing for people ("few would agree", "many left") counts them and names no variable.
_QUANTIFIERS = frozenset({"few", "many", "several", "most", "some", "all", "none", "both", "each", "either",
                          "neither", "enough", "much"})
#: A portion of nothing named ("a lot of that", "a big part of it") is how much of what a
#: pronoun stood for: no variable until that is resolved.
_PORTIONS = frozenset({"lot", "bit", "plenty", "part", "majority", "minority", "portion", "proportion",
                       "fraction", "half"})
#: How likely something is, which names no variable unless it says of what ("the odds" vs "the odds of a deal";
#: the tagger lemmatises "odds" as "odd").
_BARE_LIKELIHOOD = frozenset({"odd", "odds", "chance", "likelihood", "probability", "possibility", "likeliness"})


def _acts_on_a_pronoun(verb, tokens) -> bool:
    """Whether, among ``tokens``, ``verb`` says nothing but a doing to a personal or
    demonstrative pronoun ("update [it]", "talk to [him]", "pass [that] on"): no subject,
    no other word of its own ("feel it [first]", "draw it [tighter]" say how), and no
    wh-word ("earn [what]" names an amount) or acronym ("spend on [IT]")."""
    inside = {t.i for t in tokens}

    def pronoun(t):
        return t.i in inside and not list(t.children) and not (t.is_upper and len(t) > 1) and (
            t.tag_ == "PRP" or t.lower_ in ("that", "this", "these", "those"))

    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    objects += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    own = [c for c in verb.children if c.i in inside and c.dep_ not in ("dobj", "dative", "prep", "prt", "aux", "neg")]
    return bool(objects) and not own and all(pronoun(o) for o in objects)


#: Verbs that change how long something lasts.
_CHANGING_TIME = frozenset("cut shorten lengthen extend reduce trim raise increase halve double".split())


def _worked_time(t, numbered: bool) -> bool:
    """Whether a unit of time is time worked or served, a variable: unnumbered hours a verb
    acts on ("firms cut hours", "hours rose"), or a time a verb of change changes ("cut the
    week to four days"); not a span ("two hours", "the week they spent in Paris")."""
    if numbered or t.dep_ not in ("dobj", "nsubj", "nsubjpass") or any(c.dep_ == "nummod" for c in t.children):
        return False
    if any(c.dep_ == "amod" and c.lemma_.lower() in ("short", "long") for c in t.children):
        return True  # "a shorter week will drive up costs": how long it is
    changed = t.dep_ == "dobj" and t.head.lemma_.lower() in _CHANGING_TIME
    return changed or t.tag_ == "NNS" and not any(c.dep_ == "det" for c in t.children)


#: Verbs whose "it" is the weather: "(the less) it rains" names the rain.
_WEATHER = frozenset("rain snow hail freeze thaw pour drizzle".split())


def names_something(tokens) -> bool:
    """Whether a side of a claim names something a map can hold.

    It needs a noun, a name, a verb, an adjective or a number, and a label once the
    articles and pronouns are gone (a bare "it", "this" or an existential "there are"
    names nothing); and the words may not all be a time ("five years on", "next
    spring", "every day") or an amount ("25 million euros"): a date is when a link
    holds and an amount how much, not one of its ends.

    >>> from cogmap.extract.nlp import load
    >>> nlp = load()
    >>> names_something(nlp("five years on")), names_something(nlp("next spring")), names_something(nlp("it"))
    (False, False, False)
    >>> names_something(nlp("25 million euros")), names_something(nlp("19 percent of capacity"))
    (False, True)
    >>> names_something(nlp("about 9,000 krona")), names_something(nlp("the crown jewels"))
    (False, True)
    >>> names_something(nlp("the short run")), names_something(nlp("long-term interest rates"))
    (False, True)
    >>> names_something(nlp("hotter summers")), names_something(nlp("time")), names_something(nlp("every time"))
    (True, True, False)
    >>> names_something(nlp("it harder")), names_something(nlp("higher prices"))
    (False, True)
    >>> names_something(nlp("Power cuts left factories idle.")[4:5])
    False
    >>> [names_something(nlp(s)) for s in ("the odds", "the odds of a deal", "his chances")]
    [False, True, True]
    >>> names_something(nlp("his chances")[1:])
    True
    >>> names_something(nlp("If it does, prices fall.")[1:3]), names_something(nlp("it happens"))
    (False, False)
    >>> names_something(nlp("they do two or three years")[1:]), names_something(nlp("they do two jobs")[1:])
    (False, True)
    >>> names_something(nlp("Few expect a rebound.")[:1]), names_something(nlp("Most of the farmers")[:4])
    (False, True)
    >>> names_something(nlp("a big part of it")), names_something(nlp("a lot of money"))
    (False, True)
    >>> names_something(nlp("Firms cut hours.")[2:3]), names_something(nlp("It took two hours.")[3:4])
    (True, False)
    >>> names_something(nlp("A shorter week raises costs.")[2:3])
    True
    >>> names_something(nlp("We saw what logic drives the bank.")[3:4])  # "(what) logic" asks
    False
    >>> names_something(nlp("It wiped out whatever profit they had.")[4:5])  # an amount
    True
    >>> d = nlp("Without the glut, she added, prices would be higher.")
    >>> names_something(d[6:7])  # a bare act of saying
    False
    >>> d = nlp("You cannot update it, but nobody sees it.")
    >>> names_something(d[3:5]), names_something(d[7:10])  # "update it" names no thing
    (False, True)
    >>> d = nlp("But it takes three years.")
    >>> names_something(d[1:3]), names_something(d[2:3]), names_something(nlp("Prices rose.")[:2])
    (False, False, True)
    """
    content = [t for t in tokens if t.pos_ in ("NOUN", "PROPN", "VERB", "NUM", "ADJ")
               and (t.is_alpha or t.like_num) and t.lower_ not in ("s",)]
    if not any(t.is_alpha for t in content) or not label_tokens(tokens):
        return False
    if all(t.pos_ == "ADJ" and (t.lower_ in COMPARATIVE or t.dep_ in ("oprd", "xcomp") and any(
            c.dep_ == "dobj" for c in t.head.children)) for t in content):
        # "(made) it harder", "(it'll get) worse": a direction of nothing named; "(left
        # factories) idle": the state of the object, which is the side
        return False
    if any(c.tag_ in ("WDT", "WP") and c.dep_ == "det" and c.head.dep_ in ("nsubj", "nsubjpass")
           for t in tokens for c in (t, *t.children)):
        # "(you can see) what logic drives X", "which factors drive inflation": an indirect
        # question asks which thing acts, it names none. A free relative as an object names
        # an amount ("pushing up what a bag fetches", "wiped out whatever profit they had").
        return False
    dated = any(t.like_num or t.lower_ in _TIME_DEICTIC for t in tokens)
    lemmas = {t.lemma_.lower() for t in content}
    if lemmas <= {"do", "be", "have", "happen"} and all(t.pos_ in ("VERB", "AUX") for t in content):
        return False  # "(if it) does", "(if that) happens": a verb standing in for another clause
    if len(content) == 1 and content[0].pos_ == "VERB" and content[0].lemma_.lower() not in _WEATHER and any(
            c.dep_ in ("nsubj", "expl") and c.pos_ == "PRON" for c in content[0].children) and not any(
            c.dep_ in ("dobj", "ccomp", "xcomp", "prep", "attr", "acomp", "dative", "prt", "oprd", "advmod")
            for c in content[0].children if c in tokens) and any(
            c.dep_ in ("dobj", "npadvmod", "attr") for c in content[0].children if c not in tokens):
        return False  # "(But) it takes (three years)": a pronoun's verb cut from what it takes names nothing
    if len(content) == 1 and content[0].pos_ == "VERB" and content[0].lemma_.lower() in SPEECH_VERBS and not any(
            c.dep_ in ("dobj", "ccomp", "xcomp", "prep", "attr", "acomp", "dative") for c in content[0].children):
        return False  # "(If it were not for that glut, she) added": a bare act of saying
    if len(content) == 1 and content[0].pos_ == "VERB" and _acts_on_a_pronoun(content[0], tokens):
        # "(you can't) update it", "(so they) put them (there)", "talk to him": a doing whose
        # only thing is a pronoun says what is done to something it does not name. On the
        # team's written evaluation sets each such side was a wrong link (7 of 7); "nobody
        # sees it", with a subject, is a clause and stays.
        return False
    if lemmas <= _BARE_LIKELIHOOD and not any(c.dep_ in ("poss", "prep", "acl") for t in content for c in t.children):
        # "Odds (are they'll ...)": how likely, of nothing named; "the odds of a deal" and
        # "his chances" say whose
        return False
    if lemmas <= _QUANTIFIERS:
        return False  # "few (in the army condone it)", "many (left)": how many people, of no variable
    portion = lemmas - _GENERIC_ADJ
    if portion and portion <= _PORTIONS:
        return False
    if lemmas & {"run", "term"} and lemmas <= {"short", "long", "near", "medium", "run", "term"}:
        return False  # "in the short run", "over the long term": when, again
    numbered = any(t.like_num for t in tokens)
    # (a light verb spending the time says no more: "(they) do two or three years")
    # (Time that is worked is a variable: "firms cut hours", "cut the week to four days".)
    return not all(t.like_num or t.lemma_.lower() in _TIME_UNITS and not _worked_time(t, numbered)
                   or t.ent_type_ in _AMOUNTS
                   or numbered and t.lemma_.lower() in _MEASURES
                   or dated and (t.ent_type_ in ("DATE", "TIME") or t.lemma_.lower() in _TIME_WHEN)
                   or numbered and t.pos_ in ("VERB", "AUX") and t.lemma_.lower() in _TIME_VERBS
                   for t in content)


# -- opposites --------------------------------------------------------------------
# A negative prefix makes one variable's opposite only in some words: "unemployment",
# "instability", "distrust", but not "union", "discount", "interest", "industry",
# "information", "income" or "impact". What tells them apart here is the shape of
# the word and whether the positive form is a word of its own:
# - the rest after the prefix is at least five letters ("union", "unrest",
#   "disease", "impact" have a shorter rest);
# - in-, im-, il-, ir- negate adjectives, so the rest must be a noun of a quality
#   ("stability", "competence"): not "information", "income", "impact" (in- meaning
#   "into"); and since "intensity" or "indifference" still fit, the document must
#   also name the positive form;
# - dis- often means "apart" ("discount", "display", "dispatch"): a noun of a
#   quality the lexicon knows ("disparity", "disunity"), else only if the document
#   names the positive form ("distrust" with "trust");
# - un- and non- nearly always negate: a noun of a quality or an action
#   ("unemployment", "uncertainty", "non-payment") the lexicon knows, or one the
#   document names; never the un- of undoing a verb ("unfolding", "unionization").
# And whatever the prefix, the opposite of a state is a mass noun: a plural or a
# noun after "a" ("discounts", "a display") is a thing, not a negated state.
_QUALITY = ("ity", "ty", "ness", "ance", "ence", "ancy", "ency", "acy")
_ACTION = ("ment", "ion", "al", "ure")
_FUSED = ("non", "dis", "un", "im", "il", "ir", "in")
_UNDOING = ("ing", "ation", "isation", "ization")


def _suffixed(rest: str, suffixes) -> bool:
    """``rest`` ends in one of ``suffixes`` after a stem of three letters or more
    ("stabil-ity", not "f-ancy")."""
    return any(rest.endswith(x) and len(rest) - len(x) >= 3 for x in suffixes)


@lru_cache(maxsize=3)
def _lexicon(pos: str = "noun") -> frozenset:
    """The words of a part of speech spaCy's English lemmatizer knows (WordNet's, in its
    ``lemma_index``): "noun", "verb" or "adj"."""
    try:
        from cogmap.extract.nlp import load

        return frozenset(load().get_pipe("lemmatizer").lookups.get_table("lemma_index")[pos])
    except Exception:  # another pipeline without that table: only the document tells
        return frozenset()


def _document_nouns(doc) -> set:
    from cogmap.extract.nlp import DOCUMENT_NOUNS, noun_lemmas

    nouns = doc.user_data.get(DOCUMENT_NOUNS)
    if nouns is None:  # parsed alone: the paragraph is the document
        nouns = doc.user_data[DOCUMENT_NOUNS] = noun_lemmas(doc)
    return nouns


def positive_of(tok) -> Optional[tuple[str, str, int]]:
    """The positive form of a negative noun: ``(word as printed, lemma, tokens before
    it that the negation takes)``, or None.

    >>> from cogmap.extract.nlp import parse
    >>> [positive_of(d[0]) for d in parse(["Unemployment rose.", "The union rose."])]
    [('employment', 'employment', 0), None]
    """
    if getattr(tok, "pos_", None) in ("VERB", "ADJ") and hasattr(tok, "doc"):
        return _positive_state(tok)
    if getattr(tok, "pos_", None) != "NOUN" or not hasattr(tok, "doc"):
        return None
    if tok.tag_ == "NNS" or any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children):
        return None  # the opposite of a state is a mass noun: not "discounts", "a display"
    lemma = tok.lemma_.lower()
    doc = tok.doc
    i = tok.i
    if lemma.startswith("non-"):
        p, rest, word, before = "non", lemma[4:], tok.text[4:], 0  # "non-payment", one token (nlp.PREFIXED)
    elif i >= 2 and doc[i - 1].text in ("-", "–") and doc[i - 2].lower_ == "non" and \
            not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_:
        p, rest, word, before = "non", lemma, tok.text, 2  # "non–payment", split at a dash
    else:
        p = next((x for x in _FUSED if lemma.startswith(x)), None)
        if p is None:
            return None
        rest, before = lemma[len(p):], 0
        word = tok.text[len(p):] if tok.lower_.startswith(p) else rest
    if len(rest) < 5 or not rest.isalpha():
        return None
    known = rest in _lexicon("noun")
    named = rest in _document_nouns(doc)
    if p in ("non", "un"):
        if p == "un" and rest.endswith(_UNDOING):
            return None
        ok = named or known and _suffixed(rest, _QUALITY + _ACTION if p == "non" else _QUALITY + ("ment",))
    elif p == "dis":
        ok = named or known and _suffixed(rest, _QUALITY)
    else:
        # in- becomes im- before b, m, p, il- before l, ir- before r ("impatience", "irregularity").
        fits = {"im": rest[0] in "bmp", "il": rest[0] == "l", "ir": rest[0] == "r"}.get(p, rest[0] not in "bmplr")
        ok = fits and named and _suffixed(rest, _QUALITY)
    return (word, rest, before) if ok else None


#: Prefixes that make a state's opposite of a participle or an adjective, and the
#: tags they do so in: "de-" of a verb in -ize/-ate ("delegitimized", "destabilized",
#: "demotivated"); "un-" and "dis-" of an adjective only, since as participles they
#: also undo or part ("unveiled", "discovered", "displaced").
_STATE_PREFIXES = {"de": ("VBN", "JJ"), "un": ("JJ",), "dis": ("JJ",)}


def _positive_state(tok) -> Optional[tuple[str, str, int]]:
    """The noun a negative participle or adjective is the opposite state of, when the
    document names it: "delegitimized" of "legitimacy", "unpopular" of "popularity",
    "dissatisfied" of "satisfaction". As :func:`positive_of` returns it, or None.

    Hand-written: no library at hand relates an English word to its derived forms
    (WordNet's derivation links need a download), so the noun must share the word's
    stem, and the document must name it: the map then has one variable, not two.
    """
    lemma = tok.lemma_.lower()
    p = next((x for x, tags in _STATE_PREFIXES.items() if lemma.startswith(x) and tok.tag_ in tags), None)
    if p is None:
        return None
    rest = lemma[len(p):]
    if len(rest) < 5 or not rest.isalpha() or p == "de" and not rest.endswith(("ize", "ise", "ate")):
        return None
    if rest not in _lexicon("verb") and rest not in _lexicon("adj"):
        return None  # "designated": no "signate" to undo
    best = None
    for noun in _document_nouns(tok.doc):
        if not noun.isalpha() or noun == lemma or not (noun == rest or _suffixed(noun, _QUALITY + _ACTION)):
            continue
        k = len(os.path.commonprefix([rest, noun]))
        if k >= 5 and k >= len(rest) - 4 and k >= len(noun) - 5 and (best is None or k > best[0]):
            best = (k, noun)
    return (best[1], best[1], 0) if best else None


def _negation(core):
    """``(head, positive word, positive lemma, ids of the negation's own tokens)`` when
    the variable the tokens name is a negative noun, else None."""
    head = _head(core) if core else None
    found = positive_of(head) if head is not None else None
    if found is None:
        return None
    word, lemma, before = found
    return head, word, lemma, frozenset(range(head.i - before, head.i))


def negation_sign(tokens) -> int:
    """-1 when the tokens name the opposite of a variable ("unemployment", "the
    inability to pay"), else 1. The concept is labelled by the positive form, so a
    claim about these tokens takes this sign too (:func:`cogmap.extract.claims.np_side`).

    >>> from cogmap.extract.nlp import parse
    >>> d = parse(["Instability and stability matter."])[0]
    >>> negation_sign([d[0]]), label_tokens([d[0]])
    (-1, 'stability')
    """
    return -1 if _negation(_core(tokens)) is not None else 1


def _gerund_after_preposition(aux) -> bool:
    """ "being" or "having" opening a clause after a preposition: it makes the clause a noun
    ("revenge for being thrown into the war"), where dropped it would leave "revenge for thrown"."""
    return aux.tag_ == "VBG" and aux.dep_ in ("aux", "auxpass") and aux.head.dep_ == "pcomp"


#: Words of degree that size a negative noun, not the variable its positive names: "high
#: unemployment" is employment, low; "mass unemployment" is not "mass employment".
_DEGREE = frozenset("high low mass massive widespread rising falling soaring record chronic persistent growing "
                    "mounting rampant endemic severe acute extreme huge big large great deep".split())


#: Words a label never ends on: a preposition or conjunction whose object was left out
#: ("raising the wage to 9 pounds from [its current 6.50 pounds]", an amount, is not a variable).
_DANGLING = frozenset("of to for in on and or with by from into across about at than as over against".split())


def _label(toks, neg=None, gerund=None) -> str:
    words = []
    prev = None
    for t in toks:
        low = t.lower_
        if neg is not None and t.i in neg[3]:
            prev = None  # "non-" of "non-payment" goes, and glues nothing to what follows
            continue
        if neg is not None and t.i < neg[0].i and t.lemma_.lower() in _DEGREE and t.dep_ in ("amod", "compound") and \
                neg[0] in t.ancestors:  # (the parser may hang it on a compound: "high youth unemployment")
            prev = t
            continue
        # auxiliaries and a copula carry tense, not the variable: "is willing to talk" is
        # labelled "willing to talk", "income is capped" "income capped"
        if low in _DROP_WORDS or (t.pos_ == "PRON" and t.dep_ in ("poss", "nsubj", "dobj")) or \
                t.dep_ in ("aux", "auxpass") and low != "to" and not _gerund_after_preposition(t) or \
                t.lemma_ == "be" and len(toks) > 2 and not _gerund_after_preposition(t) or \
                low in ("’s", "'s") and t.dep_ != "case":  # "it’s": the verb "is"; a possessive is "case"
            prev = t
            continue
        if t.dep_ == "neg":
            prev = t
            continue
        original = t.doc.user_data.get("original")
        word = original[t.idx: t.idx + len(t)] if original else t.text  # as printed, not as parsed
        if neg is not None and t == neg[0]:
            word = word[len(word) - len(neg[1]):] if word.lower().endswith(neg[1].lower()) else neg[1]
        elif gerund is not None and t == gerund:
            word = _ing(t) or word
        keep_case = t.pos_ == "PROPN" or (word.isupper() and len(word) > 1) or \
            (word[:1].isupper() and not t.is_sent_start and not _is_title_case(t.doc))
        text = word if keep_case else word.lower()
        if _in_capitals(t.doc):
            # (a paragraph set in capitals says nothing of names: a map's label is written as a
            # sentence would be, "rising living costs", not "RISING LIVING COSTS")
            text = word.capitalize() if t.pos_ == "PROPN" and word.isalpha() else word.lower()
        glue = prev is not None and prev.i == t.i - 1 and not prev.whitespace_ and words
        if glue:
            words[-1] += text
        else:
            words.append(text)
        prev = t
    while words and words[-1] in _DANGLING:
        words.pop()
    while words and words[0].lower() in ("to", "of", "and", "or", "but", "because", "so"):  # "So" opens a sentence
        words.pop(0)
    if len(words) > 8:
        # Keep the words up to the head noun, then as few as make sense.
        words = words[:8]
        while words and (words[-1] in _DANGLING or words[-1] == "the"):
            words.pop()
    label = " ".join(words).strip(" ,;:-")
    return label


@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball (Porter 2) stem: "negotiation", "negotiate" and "negotiations" share one.

    >>> stem("negotiations") == stem("negotiate")
    True
    """
    return _stemmer().stemWord(word.lower())


def in_capitals(text: str) -> bool:
    """Whether a paragraph is set in capitals, as captions and some transcripts are.

    >>> in_capitals("WORKERS ARE ANGRY. EVERYTHING COSTS MORE."), in_capitals("The ECB and the IMF agree.")
    (True, False)
    """
    upper = sum(c.isupper() for c in text)
    return upper >= 20 and sum(c.islower() for c in text) * 10 <= upper


def _in_capitals(doc) -> bool:
    # Asked of every label the paragraph gives; counting its letters each time cost
    # as much as a tenth of the parse on a long page.
    if "in_capitals" not in doc.user_data:
        doc.user_data["in_capitals"] = in_capitals(doc.user_data.get("original") or doc.text)
    return doc.user_data["in_capitals"]


def _is_title_case(doc) -> bool:
    """A headline In Title Case: its capitals say nothing about names."""
    original = doc.user_data.get("original") or doc.text
    words = original.split()
    return len(words) >= 4 and sum(w[:1].isupper() for w in words) >= 0.7 * len(words)


def _signature(tokens):
    """(head stem, distinguishing modifiers, all content stems) of a wording.

    Stems rather than lemmas, so that a verb and its noun ("negotiate",
    "negotiation") are one variable.
    """
    toks = _core(tokens)
    head = _head(toks)
    if head is None:
        return None, frozenset(), frozenset()
    neg = _negation(toks)
    drop = neg[3] if neg else frozenset()

    def lemma(t):
        return neg[2] if neg and t == head else t.lemma_

    content = frozenset(token_stem(t, lemma(t)) for t in toks if t.is_alpha and not t.is_stop and t.i not in drop)
    dist = set()
    for t in toks:
        if t == head or not t.is_alpha or t.is_stop or t.i in drop:
            continue
        if t.pos_ in ("PROPN", "NUM") or t.dep_ in ("compound", "nummod", "poss") or \
                t.text[:1].isupper() and t.i != toks[0].i or t.lower_ in ("first", "second", "third", "fourth"):
            dist.add(token_stem(t))
        elif t.pos_ in ("NOUN", "VERB") and t.head != head:
            dist.add(token_stem(t))
        elif t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("nsubj", "nsubjpass") and head.pos_ in ("VERB", "AUX"):
            dist.add(token_stem(t))  # who or what does it: "pay arrives late" is not "contractors arrived"
        elif t.pos_ == "ADJ" and t.lower_ not in _GENERIC_ADJ and t.head == head and not _grading(t):
            dist.add(token_stem(t))
    key = token_stem(head, lemma(head))
    obj = next((c for c in head.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")), None) \
        if head.pos_ in ("VERB", "AUX") else None
    if obj is not None:
        # A verb with its object names an act on that thing ("allowing taller buildings"), not
        # the verb's noun ("a housing allowance"): it shares its head only with the same act,
        # even where the wording stops before the object. ("Vaccinating them" is vaccination.)
        key += ":" + token_stem(obj)
    return key, frozenset(dist), content


def _grading(adj) -> bool:
    """An adjective that grades its noun rather than says which one it is: a superlative
    ("the worst drought") or one made with "-less" or "-ful" ("a relentless drought", "powerful
    storms"). A drought is one variable however relentless; "oil", "Russian" or "young" say
    which thing is meant and stay telling. Judged by form, since no list of such words holds
    an unseen article's.

    >>> from cogmap.extract.nlp import load
    >>> [t.text for t in load()("The worst and most relentless drought hit Russian farms.") if _grading(t)]
    ['worst', 'relentless']
    """
    word = adj.lower_
    return adj.tag_ == "JJS" or len(word) > 6 and word.endswith(("less", "ful"))


def token_stem(tok, lemma: str | None = None) -> str:
    """A word's stem as a concept reads it: a noun made of "-ing" keeps its ending, for
    "marketing" is not the market, "funding" not a fund, "training" not a train; any
    other word is :func:`stem` of its lemma ("negotiating", a verb, is "negotiation").

    >>> from cogmap.extract.nlp import load
    >>> [token_stem(t) for t in load()("Marketing budgets hit the market")]
    ['marketing', 'budget', 'hit', 'the', 'market']
    """
    lemma = (lemma or tok.lemma_).lower()
    if tok.pos_ == "NOUN" and lemma.endswith("ing") and len(lemma) > 5 and lemma == tok.lower_:
        return lemma
    return stem(lemma)


def _owners(tokens) -> frozenset:
    """Stems of what the head noun belongs to, is of or bears on: "junta" of "the junta's
    support", "support for the junta", "oil" of "oil prices", "steel" of "tariffs on steel".
    Only the head's own modifiers: in "willing to enter into negotiations" the talks are
    what is named, not an owner."""
    toks = _core(tokens)
    head = _head(toks)
    if head is None or head.pos_ not in ("NOUN", "PROPN"):
        return frozenset()
    ids = {t.i for t in toks}
    out = {token_stem(c) for c in head.children if c.i in ids and c.dep_ in ("poss", "compound", "nmod")
           and c.pos_ in ("NOUN", "PROPN")}
    out |= {token_stem(o) for c in head.children if c.dep_ == "prep"
            for o in c.children if o.i in ids and o.dep_ == "pobj" and o.pos_ in ("NOUN", "PROPN")}
    return frozenset(out)


def _possessors(tokens) -> frozenset:
    """Stems of the head noun's possessors: "junta" of "the junta's support"."""
    head = _head(_core(tokens))
    if head is None or head.pos_ not in ("NOUN", "PROPN"):
        return frozenset()
    return frozenset(token_stem(c) for c in head.children if c.dep_ == "poss" and c.pos_ in ("NOUN", "PROPN"))


def _nominal(tokens) -> frozenset:
    """Stems of the nouns (and names, possessors) that say which variable a wording is:
    "wheat" of "wheat prices", "Valmont" of "Valmont rents"; not adjectives ("heavy tanks")."""
    toks = _core(tokens)
    head = _head(toks)
    return frozenset(token_stem(t) for t in toks if t != head and t.is_alpha and not t.is_stop
                     and (t.pos_ in ("NOUN", "PROPN") or t.dep_ in ("compound", "poss")))


class ConceptMerger:
    """Collects wordings and merges them into concepts within one document (or a corpus).

    Parameters
    ----------
    embed : bool
        Also merge wordings whose head nouns differ when their sentence
        embeddings (:mod:`cogmap.extract.embed`, the optional extra) are close: cosine at
        least ``threshold``. The rule-based veto still applies: wordings with
        different telling modifiers ("oil prices", "food prices"; "Russian army",
        "Ukrainian army") stay apart, since embeddings rate such pairs as close.
    threshold : float
        Cosine similarity needed for an embedding merge.
    aliases : Aliases, dict or path, optional
        An analyst's alias file (:mod:`cogmap.aliases`): the wordings of one entry
        become one concept with the entry's label, and ``keep_apart`` pairs are never
        merged, by rules or embeddings. A wording matches by its words as written or
        by its label; a negative wording ("unemployment") by its positive label only,
        since its links are counted for the positive concept.
    vectors : mapping of str to numpy.ndarray, optional
        Embeddings already made, by label (what a store keeps,
        :meth:`cogmap.corpus.store.Store.embed_labels`); only the other labels are
        embedded.
    corpus : bool
        The wordings come from different documents (:func:`unify`): two wordings with
        one head join by it only when the nouns that say which one they are agree
        ("prices" of one article is not "wheat prices" of another; "heavy tanks" and
        "tanks" still join). Within one document the bare head is read as the kind named
        before it.

    Examples
    --------
    >>> from cogmap.extract.nlp import parse
    >>> m = ConceptMerger(aliases={"concepts": [{"label": "Western tank deliveries",
    ...                                          "aliases": ["heavy tanks", "Leopards"]}]})
    >>> a, b = parse(["Heavy tanks arrive.", "Leopards arrive."])
    >>> _ = m.add(a[:2]), m.add(b[:1])
    >>> [(c.label, c.aliases) for c in m.concepts()]
    [('Western tank deliveries', ['Heavy tanks', 'Leopards', 'heavy tanks', 'leopards'])]
    """

    def __init__(self, embed: bool = False, threshold: float = 0.75, aliases=None, vectors=None,
                 corpus: bool = False) -> None:
        self._groups: list[dict] = []
        self._by: dict[str, dict] = {"head": {}, "content": {}, "entry": {}}  # key -> group indexes
        self.embed = embed
        self.threshold = threshold
        self.aliases: Optional[Aliases] = Aliases.coerce(aliases)
        #: Embeddings already made, by label (a store keeps its labels'): not made again.
        self.vectors = vectors if vectors is not None else {}
        #: Wordings of different documents: a head shared is not enough when the nouns that
        #: say which one differ ("prices" of one article is not "wheat prices" of another).
        self.corpus = corpus
        #: group index (what :meth:`add` returned) -> index into :meth:`concepts`
        self.index: dict[int, int] = {}
        #: Pairs of groups a claim links (:meth:`linked`): never one concept by meaning.
        self._linked: set[tuple[int, int]] = set()

    def linked(self, i: int, j: int) -> None:
        """Say that groups ``i`` and ``j`` are the cause and effect of one claim: the text
        holds them two variables, so the embeddings never join them ("the U.S. levies a
        tariff" and "the importer pays the tariff" read alike, yet one causes the other)."""
        if i != j:
            self._linked.add((min(i, j), max(i, j)))

    def add(self, tokens, label: Optional[str] = None, count: int = 1) -> int:
        """Add one wording (used ``count`` times); returns the index of the group it joins."""
        text_label = label or label_tokens(tokens)
        head, dist, content = _signature(tokens)
        nominal = _nominal(tokens) if self.corpus else frozenset()
        as_written = " ".join(t.text for t in tokens) if not tokens or not hasattr(tokens[0], "doc") else \
            tokens[0].doc[tokens[0].i: tokens[-1].i + 1].text if tokens[-1].i - tokens[0].i + 1 == len(tokens) \
            else " ".join(t.text for t in tokens)
        names = [text_label] if negation_sign(tokens) < 0 else [text_label, as_written]
        entry = self.aliases.entry_index(names) if self.aliases else None
        # Only groups that share the entry, the content or the head can be joined: looked up,
        # not scanned, so a long document stays linear; tried in the order they were made.
        maybe = sorted(set(self._by["entry"].get(entry, ()) if entry is not None else ())
                       | set(self._by["content"].get(content, ()) if content else ())
                       | set(self._by["head"].get(head, ()) if head else ()))
        for k in maybe:
            g = self._groups[k]
            if self.aliases and not self._may_join(g["entry"], g["names"], entry, names):
                continue
            if entry is not None and g["entry"] == entry:
                break
            if g["content"] == content and content:
                break
            if head and g["head"] == head and (g["dist"] <= dist or dist <= g["dist"]) and \
                    not (g["dist"] and dist and g["dist"] != dist) and g["nominal"] == nominal:
                break
        else:
            self._groups.append({"head": head, "dist": dist, "content": content, "labels": Counter(),
                                 "aliases": [], "names": set(), "entry": entry, "proper": set(),
                                 "nominal": nominal, "verbal": set(), "of": set(), "poss": set(), "acts": set()})
            k = len(self._groups) - 1
            self._by["head"].setdefault(head, []).append(k)
            self._by["content"].setdefault(content, []).append(k)
            if entry is not None:
                self._by["entry"].setdefault(entry, []).append(k)
        g = self._groups[k]
        g["labels"][text_label] += count
        if _verbal(tokens):
            g["verbal"].add(text_label)
        g["names"].update(names)
        g["proper"].update(stem(t.lemma_) for t in tokens if getattr(t, "pos_", "") == "PROPN")
        g["of"].update(_owners(tokens))
        g["poss"].update(_possessors(tokens))
        g["acts"].update(_acted_on(tokens))
        if g["entry"] is None and entry is not None:
            g["entry"] = entry
            self._by["entry"].setdefault(entry, []).append(k)
        if g["dist"] < dist:
            g["dist"] = dist
        if as_written not in g["aliases"]:
            g["aliases"].append(as_written)
        return k

    def _may_join(self, entry_a, names_a, entry_b, names_b) -> bool:
        """Whether two sets of wordings may be one concept under the alias file: not
        two entries, and no ``keep_apart`` pair across them."""
        if entry_a is not None and entry_b is not None and entry_a != entry_b:
            return False
        return not self.aliases.apart(names_a, names_b)

    @staticmethod
    def _label_of(g) -> str:
        # A noun phrase before a verb phrase, however often the verb was used: a map names
        # variables ("negotiations", not "negotiate").
        return sorted(g["labels"].items(), key=lambda kv: (kv[0] in g["verbal"], -kv[1], len(kv[0])))[0][0] or "?"

    def _unions(self) -> list[int]:
        """Union-find roots after the alias file's merges, then the embeddings' ones;
        neither joins what the file keeps apart."""
        n = len(self._groups)
        parent = list(range(n))
        entry = {i: g["entry"] for i, g in enumerate(self._groups)}
        names = {i: set(g["names"]) for i, g in enumerate(self._groups)}
        members = {i: {i} for i in range(n)}

        def find(i):
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        def union(i, j, by_meaning: bool = False) -> None:
            ri, rj = find(i), find(j)
            if ri == rj or self.aliases and not self._may_join(entry[ri], names[ri], entry[rj], names[rj]):
                return
            if by_meaning and self._linked and any((min(a, b), max(a, b)) in self._linked
                                                   for a in members[ri] for b in members[rj]):
                return
            parent[rj] = ri
            names[ri] |= names.pop(rj)
            members[ri] |= members.pop(rj)
            entry[ri] = entry[ri] if entry[ri] is not None else entry[rj]

        if self.aliases:
            first: dict[int, int] = {}
            for i, g in enumerate(self._groups):
                if g["entry"] is not None:
                    union(first.setdefault(g["entry"], i), i)
        if self.embed and n >= 2:
            from cogmap.extract.embed import DIMENSION, encode

            # Long labels are whole events ("tanks in Kyiv distance Russia from talks"):
            # they are compared by their rules, not by embedding, which blurs them.
            short = [i for i, g in enumerate(self._groups) if len(self._label_of(g).split()) <= EMBEDDED_WORDS]
            # Two one-word labels are never joined by embedding: for a single word it
            # measures relatedness, not sameness ("landlords" and "tenants", 0.81).
            one_word = {i for i in short if len(self._label_of(self._groups[i]).split()) == 1}
            labels = [self._label_of(self._groups[i]) for i in short]
            todo = sorted({label for label in labels if label not in self.vectors})
            made = dict(zip(todo, encode(todo))) if todo else {}
            vectors = np.stack([self.vectors[x] if x in self.vectors else made[x] for x in labels]) \
                if labels else np.zeros((0, DIMENSION), dtype=np.float32)
            pairs = []
            # All pairs must be compared, but in blocks of rows, by numpy: a long document's
            # thousands of labels never make one n x n matrix or a Python loop over it.
            for lo in range(0, len(short), 512):
                sims = vectors[lo:lo + 512] @ vectors.T
                for a, b in zip(*np.nonzero(sims >= self.threshold)):
                    if lo + a < b:
                        pairs.append((float(sims[a, b]), short[lo + a], short[b]))
            pairs.sort(reverse=True)
            for _, i, j in pairs:
                if i in one_word and j in one_word:
                    continue
                p, q = self._groups[i]["proper"], self._groups[j]["proper"]
                if p and q and p != q:
                    continue  # names tell apart: "planner Alma Brenner" is not "planner Bruno Gossett"
                a, b = self._groups[i]["dist"], self._groups[j]["dist"]
                if a and b and not (a & b):
                    continue  # telling modifiers differ: "oil prices" is not "food prices"
                hi, hj = self._groups[i]["head"], self._groups[j]["head"]
                if hi != hj and (hi in self._groups[j]["of"] or hj in self._groups[i]["of"]):
                    continue  # a thing is not what it has: "the junta" is not "the junta's support"
                if hi != hj and self._groups[i]["poss"] & self._groups[j]["poss"]:
                    continue  # two things one owner has: "the junta's support" is not "the junta's rule"
                if hi in self._groups[j]["acts"] or hj in self._groups[i]["acts"]:
                    continue  # a doing to a thing is not the thing: "banning pesticides" is not "pesticides"
                union(i, j, by_meaning=True)
        self._entry_of_root = entry
        return [find(i) for i in range(n)]

    def concepts(self) -> list[Concept]:
        """The concepts, with unique ids; the label is the alias file's, else the most
        used (then shortest) wording."""
        roots = self._unions()
        merged: dict[int, dict] = {}
        for k, g in enumerate(self._groups):
            m = merged.setdefault(roots[k], {"labels": Counter(), "aliases": [], "verbal": set()})
            m["labels"].update(g["labels"])
            m["verbal"] |= g["verbal"]
            m["aliases"].extend(a for a in g["aliases"] if a not in m["aliases"])
        out = []
        used: set[str] = set()
        position = {}
        for root, m in merged.items():
            entry = self._entry_of_root.get(root)
            label = self.aliases.entries[entry].label if entry is not None else self._label_of(m)
            cid = slug(label, used)
            used.add(cid)
            aliases = sorted(set(m["aliases"]) | set(m["labels"]) - {label})
            position[root] = len(out)
            out.append(Concept(id=cid, label=label, aliases=aliases))
        self.index = {k: position[roots[k]] for k in range(len(self._groups))}
        return out


def unify(docs, embed: Optional[bool] = None, aliases=None, vectors=None) -> list:
    """Documents whose concepts share labels across the corpus where they name one variable.

    Each document's concepts were merged within that document
    (:class:`ConceptMerger`); a corpus map (:func:`cogmap.model.model.from_documents`)
    then joins concepts of different documents only when their labels are equal. This
    step runs the same merger over the labels of all documents, so that "Western tank
    deliveries" in one article and "heavy tanks" in another become one concept, by
    their head noun or, with ``embed`` (default: when the embedding model is
    installed), by meaning, with the same vetoes ("oil prices" is not "food prices")
    and the alias file's say over both. A merged concept takes the label its
    documents use most; every former label stays an alias. The documents are copies;
    claims, offsets and evidence are untouched. ``vectors`` (label to embedding, as a
    store keeps them) spares embedding those labels again.

    >>> from cogmap.records import Document, Concept
    >>> a = Document(source="a", text="x", concepts=[Concept(id="k", label="heavy tanks")])
    >>> b = Document(source="b", text="y", concepts=[Concept(id="k", label="tanks")])
    >>> [d.concepts[0].label for d in unify([a, b], embed=False)]
    ['tanks', 'tanks']
    """
    docs = list(docs)
    # Each document's use of a label counts once towards the merged concept's label.
    uses = Counter(c.label for d in docs for c in d.concepts if c.label.strip())
    labels = list(uses)
    if len(docs) < 2 or len(labels) < 2:
        return docs
    if embed is None:
        from cogmap.extract import embed as embeddings

        embed = embeddings.available()
    from cogmap.extract.nlp import load

    merger = ConceptMerger(embed=embed, aliases=aliases, vectors=vectors, corpus=True)
    group: dict[str, int] = {}
    # Labels are parsed on their own, not as one text: a label's reading must not depend
    # on which others happen to be in the corpus (nlp.parse shares a document's nouns).
    for label, parsed in zip(labels, load().pipe(labels, batch_size=256, disable=["ner"])):
        tokens = list(parsed)
        # Only noun phrases are joined across documents: a clause ("rents stop rising")
        # is one article's event, and its head is a verb that other clauses share.
        root = next((t for t in tokens if t.head == t), None)
        if root is not None and root.pos_ in ("NOUN", "PROPN") and negation_sign(tokens) > 0:
            group[label] = merger.add(tokens, label=label, count=uses[label])
    for d in docs:  # what a claim links, cause and effect, stays two concepts
        for cl in d.claims:
            if cl.cause.label in group and cl.effect.label in group:
                merger.linked(group[cl.cause.label], group[cl.effect.label])
    merged = merger.concepts()
    new_label = {label: merged[merger.index[k]].label for label, k in group.items()}
    out = []
    for d in docs:
        if not any(new_label.get(c.label, c.label) != c.label for c in d.concepts):
            out.append(d)
            continue
        concepts = [c.model_copy(update={"label": new_label[c.label], "aliases": sorted(
            (set(c.aliases) | {c.label}) - {new_label[c.label]})}) if new_label.get(c.label, c.label) != c.label else c
            for c in d.concepts]
        by_id = {c.id: c.label for c in concepts}
        claims = [cl.model_copy(update={
            "cause": cl.cause.model_copy(update={"label": by_id.get(cl.cause.concept, cl.cause.label)}),
            "effect": cl.effect.model_copy(update={"label": by_id.get(cl.effect.concept, cl.effect.label)})})
            for cl in d.claims]
        out.append(d.model_copy(update={"concepts": concepts, "claims": claims}))
    return out
