"""Forecasts: statements about what will or will not happen, with a probability.

A sentence is a forecast when its main clause points to the future ("will",
"is going to", "would", "could", "may", "might", "is likely to", "is set to",
"is expected to") and it is not a question, a past counterfactual ("could have
negotiated") or a general ability ("you can think of it as"). The hedge gives
the probability on a documented scale (:mod:`cogmap.extract.hedges`); the horizon is a
stated time ("within the next several months", "after New Year's", "in the
foreseeable future"); the condition is an "if"/"unless" clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from cogmap.extract.claims import FUTURE_AUX, HEDGE_ADVERBS, inverted_condition, stray_negation
from cogmap.extract.claims import _an_actor, _doers  # (who acts: a name, a body, "economists")
from cogmap.extract.hedges import SCALES, has_term, probability
from cogmap.extract.lexicon import DECREASE, INCREASE, LIKELIHOOD_NOUNS
from cogmap.extract.structure import SPEECH_VERBS

__all__ = ["RawForecast", "find_forecasts", "answered_forecast", "framed_term", "counterfactual", "permitted", "in_the_past",
           "possible_event", "judged", "short_of_certain", "JUDGING_VERBS", "confidence_after", "past_comparison",
           "expected_should", "stance_aside", "session_business"]

HORIZON = re.compile(
    r"\b((within|in|over|during|by|before|after|until|through|throughout)\s+(the\s+)?"
    r"(next|coming|following|foreseeable|near|short|medium|long|distant)\s+(\w+\s+){0,2}?"
    r"(future|term|run|days?|weeks?|months?|years?|decades?|quarters?|summer|winter|spring|autumn|fall)"
    r"|(by|before|after|until|in)\s+(early|mid|late\s+)?(19|20)\d\d\b"
    r"|(this|next)\s+(week|month|year|summer|winter|spring|autumn|fall|quarter|decade|century)"
    r"|(within|in)\s+(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|a few|several)\s+"
    r"(days?|weeks?|months?|years?|decades?)"
    r"|(after|before|by)\s+(New Year'?s?|Christmas|the elections?|the summer|the winter))", re.I)
_PAST_TIME = re.compile(r"^(\d{4}|today|now|tonight)$|\b(last|ago|yesterday|earlier|previous|past|since|"
                        r"morning|afternoon|evening|night|daily|weekly|annual)\b", re.I)
_SAY_VERBS = frozenset("say tell guess imagine put argue add answer reply".split())
_EXPECT_VERBS = frozenset("expect predict forecast anticipate project foresee".split())
# What a sentence says of a likelihood noun ("the chances are slim", "the likelihood is
# even less", "his chances are dwindling"): that sets the probability, not its modal verbs.
_LOW_LIKELIHOOD = frozenset("less lower low slim slight small remote minimal negligible dwindle diminish "
                            "shrink fade recede fall decline vanish evaporate".split())
_HIGH_LIKELIHOOD = frozenset("greater higher high good strong real grow increase rise".split())
_FUTURE_ADJ = {"likely", "unlikely", "set", "expected", "bound", "about", "certain", "sure", "poised", "due"}
_POSSIBLE = {"could", "may", "might"}


#: Verbs whose only sense is to tell what is to come ("expect" also demands: "we expect
#: you on time"); "project" save its figurative objects ("project power").
_FORETELLING = frozenset("predict forecast project anticipate foresee".split())
_PROJECTED_NOT_FORETOLD = frozenset("power image strength confidence force voice light".split())


def _seen_ahead(root) -> bool:
    """Whether "see" puts an expectation: someone (or, in the passive, no one named) sees a
    thing doing something at a time to come ("analysts see growth slowing next year"). Without
    the time, "I see prices rising" is as often what one sees now."""
    if root.lemma_.lower() != "see" or root.tag_ == "VBD" or not (HORIZON.search(root.sent.text) or any(
            e.label_ == "DATE" and not _PAST_TIME.search(e.text) for e in root.sent.ents)):
        return False
    doing = next((c for c in root.children if c.dep_ in ("ccomp", "xcomp") and c.tag_ == "VBG"), None)
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if doing is None or subject is None:
        return False
    passive = subject.dep_ == "nsubjpass"
    # (who sees: a body, a name, a plural of people such as "analysts", or "we")
    return passive or _an_actor(subject) or subject.tag_ == "NNS" or subject.lower_ in ("they", "we", "i")


def _estimated_ahead(root) -> bool:
    """Whether someone estimates what will be by a time to come: "analysts estimate that by
    2035 about 7 percent of adults could be using the drugs" (the reader gave it P(forecast)
    0.002 after a sentence of survey figures). An estimate of what is, or was, is no
    forecast: the clause must say "by" a year or time ahead."""
    if root.lemma_.lower() not in ("estimate", "calculate", "reckon", "project") or root.tag_ == "VBD":
        return False
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    said = next((c for c in root.children if c.dep_ == "ccomp"), None)
    if subject is None or said is None or not (_an_actor(subject) or _doers(subject) or subject.tag_ == "NNS"):
        return False
    # ("by" a date, and a modal of what is to come in the clause: "by 2023 the bank had
    # lost" estimates the past)
    modal = any(c.dep_ == "aux" and c.tag_ == "MD" and c.lower_ not in ("should", "must") for c in said.children)
    return modal and any(e.label_ == "DATE" and e.start > root.i and e.doc[e.start - 1].lower_ == "by"
                         for e in root.sent.ents)


def _foretold(verb) -> bool:
    """Whether an expectation is put by a verb that only foretells ("the bank predicts
    slower growth", "we project capacity cuts"), which the reader, trained mostly on modal
    verbs, often misses with a noun for its object."""
    # Someone foretells: "prior experience predicts higher returns" is a found association.
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return verb.lemma_.lower() in _FORETELLING and subject is not None and (
        _an_actor(subject) or _doers(subject) or subject.lower_ == "they") and not (
        verb.lemma_.lower() == "project" and any(
            c.dep_ == "dobj" and c.lemma_.lower() in _PROJECTED_NOT_FORETOLD for c in verb.children))


@dataclass
class RawForecast:
    start: int  # offsets within the paragraph
    end: int
    statement: str
    probability: float
    hedge: str
    horizon: Optional[str]
    condition: Optional[str]
    sent_start: int
    sent_end: int
    #: Found by the learned reader where no rule read the sentence.
    reader_only: bool = False
    #: Said through a fixed forecasting phrase ("it's only a matter of time before X"), an
    #: open question ("nobody knows if X will") or a number ("I'd put it at 60 percent"),
    #: which the reader, trained mostly on modal verbs, tends to miss; or through the "should"
    #: of an expected outcome (:func:`expected_should`), which it often takes for advice.
    framed: bool = False
    #: An event that "may" or "might" come (:func:`possible_event`), which the reader, trained
    #: on few actors' moves ("X may also target Y"), often calls no forecast.
    possible: bool = False


def _main_clause(sent):
    """The clause that states the forecast: the reported clause under "X said", else the root."""
    root = sent.root
    if root.lemma_.lower() in SPEECH_VERBS:
        comp = next((c for c in root.children if c.dep_ in ("ccomp", "xcomp")), None)
        if comp is not None:
            return comp
    return root


def _wh_clause(tok) -> bool:
    """ "predicts how Israel will respond" names a question, not an outcome."""
    return any(t.lower_ in ("how", "what", "whether", "why", "when", "which", "who") and t.i < tok.i
               for t in tok.subtree) or tok.lower_ in ("how", "what", "whether")


def _that_is_why(tok) -> bool:
    """ "That is why shoppers will feel this for weeks": a reason given, and what is to come
    stated, not a question asked."""
    head = tok.head
    return tok.dep_ == "ccomp" and head.lemma_ == "be" and any(c.dep_ == "advmod" and c.lower_ in ("why", "how")
                                                                for c in tok.children) and \
        any(c.dep_ == "nsubj" and c.lower_ in ("that", "this", "which", "it") for c in head.children)


_UNSURE = frozenset("unsure uncertain unclear unknown undecided".split())
_SURE = frozenset("sure certain clear".split())
_KNOW = frozenset("know tell say predict".split())


def _denied(tok) -> bool:
    """ "not", or a subject that is nobody ("nobody knows", "no one can say")."""
    return any(c.dep_ == "neg" or c.dep_ in ("nsubj", "nsubjpass") and (
        c.lower_ in ("nobody", "noone") or c.lower_ == "one" and any(d.lower_ == "no" for d in c.children))
        for c in tok.children)


def _unsure(tok) -> bool:
    """Whether ``tok`` frames the clause under it as an open question: "unsure whether",
    "not certain that", "nobody knows if", "I don't know whether", "remains to be seen".
    Such a frame says the outcome is a toss-up, whatever its "will" says."""
    lemma = tok.lemma_.lower()
    if lemma in _UNSURE:
        return True
    if lemma in _SURE and tok.pos_ == "ADJ":
        return _denied(tok) or tok.dep_ == "acomp" and _denied(tok.head)
    if lemma in _KNOW and tok.pos_ in ("VERB", "AUX"):
        return _denied(tok)
    if lemma == "be":
        return any(c.dep_ == "acomp" and _unsure(c) for c in tok.children)
    return lemma == "see" and tok.head.lemma_.lower() == "remain"


def _unsure_complement(sent):
    """The future clause an uncertainty frame of the sentence is about, or None ("Farmers
    are not sure if they will plant": "plant", which hangs on "sure" as an "if" clause).
    The frame may sit deep in the sentence ("it is obvious that voters are not sure if")."""
    for frame in sent:
        if not _unsure(frame):
            continue
        # ("it remains to be seen whether the truce holds": what is yet to be seen is to come,
        # in the present tense too)
        ahead = frame.lemma_.lower() == "see" and frame.head.lemma_.lower() == "remain"
        for c in frame.children:
            if c.dep_ in ("ccomp", "advcl") and c.pos_ in ("VERB", "AUX") and (
                    _future_marks(c)[1] or ahead and any(m.lower_ in ("whether", "if") for m in c.children)):
                marks = {m.lower_ for m in c.children if m.dep_ == "mark"}
                asks = any(t.lower_ in ("how", "what", "when", "why", "which", "who", "where") and t.i < c.i
                           for t in c.subtree)  # "nobody knows how far prices will rise": they will
                if marks <= {"if", "whether", "that"} and not asks:
                    return c
    return None


def _future_marks(verb):
    """Hedge words and whether ``verb``'s clause points to the future."""
    words, future, negated = [], False, False
    chain = [verb]
    if verb.dep_ in ("xcomp",) and verb.head.pos_ in ("VERB", "AUX", "ADJ"):
        chain.append(verb.head)
    if verb.lower_ == "gon" and any(a.lower_ == "na" for x in verb.children if x.dep_ == "xcomp" for a in x.children):
        # "gonna", which the tokenizer splits: "you're gon|na see", with "gon" as the head
        future = True
        words.append("will")
    elif verb.lower_ == "going" and any(c.dep_ == "aux" and c.lemma_ == "be" and c.tag_ != "VBD"
                                        for c in verb.children) and any(
            x.dep_ == "xcomp" and any(a.lower_ == "to" for a in x.children) for x in verb.children):
        # "they are also going to hurt firms", where the parser makes "going" the verb
        # and "hurt" its complement, not "going" an auxiliary of "hurt"
        future = True
        words.append("will")
    for c in list(verb.children) + [c for v in chain[1:] for c in v.children]:
        low = c.lower_
        if c.dep_ == "aux" and (low in FUTURE_AUX | {"would", "going"} or low == "na" and c.i > 0
                                and c.nbor(-1).lower_ == "gon"):
            future = True
            words.append("will" if low in FUTURE_AUX or low == "going" else low)
        elif c.dep_ == "aux" and low in _POSSIBLE:
            future = True
            words.append(low)
        elif c.dep_ == "aux" and low == "should" and expected_should(verb):
            future = True  # "Higher rates should, over time, support the currency": expected (likely)
            words.append(low)
        elif c.dep_ == "aux" and low in ("can", "ca") and HORIZON.search(verb.sent.text):
            # "X can win next year" foretells; "tariffs can hurt consumers" states a general truth.
            future = True
            words.append("can")
        elif c.dep_ == "neg":
            negated = negated or not stray_negation(c)
        elif c.dep_ == "advmod" and low in HEDGE_ADVERBS:
            words.extend(m.lower_ for m in c.children if m.dep_ == "advmod" and m.lower_ in (
                "very", "highly", "most", "almost", "quite"))  # "will very likely"
            words.append(low)
            if low == "unlikely":
                future = True
        elif c.dep_ in ("acomp", "oprd") and low in _FUTURE_ADJ and (
                low in ("likely", "unlikely") or any(g.dep_ in ("xcomp", "ccomp") for g in c.children)
                or any(g.dep_ in ("xcomp", "ccomp") for g in verb.children)):
            # "likely"/"unlikely" stand alone; "certain", "set", "bound" need what is to come:
            # "the outcome is not certain" foretells nothing.
            future = True
            words.append(low if low in ("likely", "unlikely", "certain", "sure") else "will")
            for m in c.children:
                if m.dep_ == "advmod" and m.lower_ in ("very", "highly", "most", "quite", "almost"):
                    words.insert(0, m.lower_)
                if m.dep_ == "neg":
                    negated = True
    # A perfect is a past ("had said", "could have done" that did not happen), save the
    # future perfect: "will have doubled by 2030" is to come.
    auxes = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if "have" in {c.lemma_ for c in verb.children if c.dep_ == "aux"} and verb.tag_ == "VBN" and \
            not auxes & {"will", "shall", "'ll", "’ll"}:
        return words, False, negated
    if counterfactual(verb) or permitted(verb) or in_the_past(verb) or advised(verb) or stance_aside(verb) or \
            session_business(verb):
        return words, False, negated
    return words, future, negated


def _past_frame(tok, years: bool) -> bool:
    """Whether ``tok`` is set in the past: "in the 1990s", "in past seasons", "at the time",
    "back then", "when the sanctions were imposed", and with ``years`` "in 2022" (which a
    verb in the future could also be set in)."""
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "during"):
            for o in c.children:
                if o.dep_ != "pobj" or o.ent_type_ != "DATE":
                    continue
                words = {t.lower_ for t in o.subtree}
                if words & {"past", "last", "previous", "those", "earlier"} or re.fullmatch(r"\d{4}s", o.lower_) \
                        or years and re.fullmatch(r"(19|20)\d\d", o.lower_):
                    return True
        if c.dep_ == "prep" and c.lower_ == "at" and any(o.lower_ == "time" and any(
                d.lower_ == "the" for d in o.children) for o in c.children):
            return True
        if c.dep_ == "advmod" and c.lower_ == "then" and c.i > 0 and c.doc[c.i - 1].lower_ == "back":
            return True
        if c.dep_ == "advcl" and any(m.dep_ == "advmod" and m.lower_ == "when" or m.dep_ == "mark" and m.lower_ == "when"
                                     for m in c.children) and (c.tag_ == "VBD" or any(
                                         a.dep_ in ("aux", "auxpass") and a.tag_ == "VBD" for a in c.children)):
            return True
    return False


def in_the_past(verb) -> bool:
    """Whether ``verb``'s "would" speaks of the past: a habit ("In the 1990s the steamers
    would wait out a gale") or a forecast made then ("In 2022 everyone assumed the junta
    would fold", "when the sanctions were imposed, officials predicted that the regime would
    run out of cash"), which the text reports and does not make.

    >>> from cogmap.extract.nlp import load
    >>> nlp = load()
    >>> [in_the_past(next(t for t in s if t.lower_ in ("fold", "rise"))) for s in nlp(
    ...     "In 2022 everyone assumed the junta would fold. Analysts said prices would rise in 2027.").sents]
    [True, False]

    So does a comparison of likelihood in the past (:func:`past_comparison`).
    """
    if past_comparison(verb):
        return True
    if not any(c.dep_ == "aux" and c.lower_ in ("would", "'d", "’d") for c in verb.children):
        return False
    if _past_frame(verb, years=False):
        return True
    head = verb.head
    return verb.dep_ == "ccomp" and head.tag_ == "VBD" and _past_frame(head, years=True)


#: What rules are laid down in: "under the rules X may ..." grants a permission.
_NORMS = frozenset("rule law act licence license contract policy wording quota regulation agreement "
                   "treaty code term statute directive charter constitution permit accord cap scheme".split())
#: Verbs of a state or of an account: "may be right", "may explain the gap" guess at what
#: is, not at what is to come.
_STATE_VERBS = frozenset("be seem appear explain reflect mean have remain lie indicate suggest show account "
                         "depend matter know".split())


#: Verbs of change, which "may" foretells: "prices may rise", "the coalition may collapse".
_CHANGE_VERBS = INCREASE | DECREASE | frozenset("collapse fail end break spread escalate worsen improve "
                                               "change shift strike happen occur follow".split())


def possible_event(verb) -> bool:
    """Whether ``verb`` says an event may come: "Israel may also target X", "talks might
    collapse"; not what may be so now ("both readings may be right", "that may explain
    it") nor what one may do ("importers may only sell labelled drinks", "Under the
    cap, plants may buy ...").

    >>> from cogmap.extract.nlp import load
    >>> nlp = load()
    >>> [possible_event(s.root) for s in nlp("The union may strike in May. Both readings may be right. "
    ...                                      "Clubs may only carry small logos.").sents]
    [True, False, False]
    """
    if not any(c.dep_ == "aux" and c.lower_ in ("may", "might") for c in verb.children):
        return False
    if verb.lemma_.lower() in _STATE_VERBS or any(c.dep_ == "advmod" and c.lower_ in ("only", "still")
                                                  for c in verb.children):
        return False
    if permitted(verb) or counterfactual(verb) or in_the_past(verb):
        return False
    if any(c.dep_ == "aux" and c.lower_ == "might" for c in verb.children):
        return True
    if verb.lemma_.lower() in ("force", "compel", "oblige") and any(c.dep_ == "auxpass" for c in verb.children):
        return True  # "cities may be forced to restrict water use": what they will have to do, no permission
    # "May" also grants what one is allowed to do ("businesses may claim up to 6,000 crowns"):
    # it foretells where the verb is a change, an adverb makes it a guess ("may also",
    # "may well", "may soon"), or a time to come is named.
    return verb.lemma_.lower() in _CHANGE_VERBS or any(
        c.dep_ == "advmod" and c.lower_ in ("also", "well", "yet", "soon", "even", "eventually", "already")
        for c in verb.children) or HORIZON.search(verb.sent.text) is not None


#: Verbs that say what an outcome turns on, not which way it will go.
_DEPENDING = frozenset("depend hinge".split())


def only_dependence(verb) -> bool:
    """Whether ``verb`` says only what is to come turns on something ("everything will depend
    on the harvest", "it will hinge on the vote"): no outcome is foretold.

    >>> from cogmap.extract.nlp import load
    >>> [only_dependence(s.root) for s in load()("Much will depend on the harvest. Prices will rise.").sents]
    [True, False]
    """
    return verb.lemma_.lower() in _DEPENDING and any(
        c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in verb.children)


def permitted(verb) -> bool:
    """Whether ``verb``'s "may" or "can" is a permission that rules grant ("Under the
    current rules, councils may waive the charge"), or a "may" by which one in a role is
    allowed an act ("principals may grant exemptions", :func:`_role_allowed`): what is
    allowed, not what is to come.

    >>> from cogmap.extract.nlp import load
    >>> nlp = load()
    >>> [permitted(s.root) for s in nlp("Under the current rules, councils may waive the charge. "
    ...                                 "Under the plan, prices may rise. Managers may approve remote work. "
    ...                                 "Some residents may feel more isolated.").sents]
    [True, False, True, False]
    """
    if not any(c.dep_ == "aux" and c.lower_ in ("may", "can", "could", "might") for c in verb.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ == "under" and
               any(o.dep_ == "pobj" and o.lemma_.lower() in _NORMS for o in c.children)
               for c in verb.children) or _role_allowed(verb)


#: Those whom rules address by their role: a "may" of theirs, before an act a rule allows,
#: grants it ("principals may grant exemptions", "patients may bring one visitor").
_ROLES = frozenset("principal headteacher teacher pupil student parent guardian staff employee manager supervisor "
                   "officer inspector judge magistrate court tribunal registrar member visitor guest patient "
                   "resident applicant claimant passenger holder participant school".split())
#: Acts a rule allows or a role grants (not "leave", "refuse", "choose": as often a guess at
#: what people will do, "members may leave the union").
_ALLOWED_ACTS = frozenset("grant allow permit approve waive issue authorise authorize exempt excuse bring keep "
                          "use carry wear apply request claim appeal enter park attend submit retain confiscate "
                          "collect store borrow access book register defer".split())


def _role_allowed(verb) -> bool:
    """ "may" of a role and an act that a rule allows: "principals may grant individual
    exemptions", "students may keep it", "patients may bring one visitor if they book
    ahead". Not a guess at what is to come: "some students may feel more anxious" (no act
    allowed), "some patients may bring relatives" (a share of them, guessed at), "students
    may also use the app" (a guess: "also"), nor one dated ahead ("students may use it next
    year")."""
    if not any(c.dep_ == "aux" and c.lower_ == "may" for c in verb.children):
        return False
    if verb.lemma_.lower() not in _ALLOWED_ACTS:
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lemma_.lower() not in _ROLES:
        return False
    if any(c.dep_ == "det" and c.lower_ in ("some", "many", "most", "few", "several") for c in subject.children):
        return False  # "some tenants may leave": a share of them guessed at
    if any(c.dep_ in ("advmod", "neg") and c.lower_ in ("also", "well", "yet", "soon", "even", "eventually", "still",
                                                       "now", "already", "simply", "just")
           for c in verb.children):
        return False
    return HORIZON.search(verb.sent.text) is None


#: Nouns of those who decide and act: a "should" of theirs is advice ("the city should
#: limit increases"), where a "should" of a thing is a forecast ("output should recover").
_DECIDERS = frozenset("city state country nation government council policymaker lawmaker legislator official "
                      "regulator leader minister ministry authority agency administration parliament congress "
                      "company firm employer bank investor landlord school district board union".split())


def advised(verb) -> bool:
    """Whether ``verb``'s "should", "ought to" or "must" tells someone what to do: its
    subject is one who acts (a person, a body, "we", "you", or "it" or "they" standing for
    one named before in the sentence); what is advised is not foretold.

    >>> from cogmap.extract.nlp import load
    >>> nlp = load()
    >>> [advised(s.root) for s in nlp("If a city wants rent rules, it should limit increases. "
    ...                               "Output should recover next year. Policymakers should fund research.").sents]
    [True, False, True]
    """
    if not any(c.dep_ == "aux" and c.lower_ in ("should", "must", "ought") for c in verb.children):
        return False
    if verb.lemma_.lower() in _EXPECT_VERBS:
        return False  # "we should expect higher seas": an expectation, no act advised
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    if subject.lower_ in ("it", "they"):
        subject = next((t for t in reversed(list(verb.sent[:subject.i - verb.sent.start]))
                        if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return False
    return subject.lower_ in ("we", "you", "i", "he", "she") or subject.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") \
        or subject.lemma_.lower() in _DECIDERS


#: Words that make "likely" a comparison: "more likely", "less likely", "likelier".
_COMPARING = frozenset("more less likelier".split())


def past_comparison(verb) -> bool:
    """Whether ``verb``'s "likely" compares how likely something was: "because workers were
    not recording each other, disputes were less likely to spread", "tenants in the old
    blocks were far more likely to move out". A finding about the past, which no one
    foretells; "smaller farms are more likely to fail next year" is to come. (One reported
    under a verb of saying or thinking, "she said rents were more likely to rise", may be a
    forecast told in the past tense, and is left as it is.)

    >>> from cogmap.extract.nlp import load
    >>> [past_comparison(s.root) for s in load()("Disputes were less likely to spread online. "
    ...                                          "Smaller farms are more likely to fail next year.").sents]
    [True, False]
    """
    be = verb
    if verb.dep_ == "xcomp" and verb.head.lower_ in ("likely", "unlikely", "likelier"):
        be = verb.head.head
    if be.lemma_.lower() != "be" or not (be.tag_ == "VBD" or any(
            c.dep_ == "aux" and c.lower_ == "had" for c in be.children)):
        return False
    if be.dep_ in ("ccomp", "xcomp") and be.head.lemma_.lower() in SPEECH_VERBS | JUDGING_VERBS:
        return False
    return any(c.dep_ in ("acomp", "oprd") and (c.lower_ == "likelier" or c.lower_ in ("likely", "unlikely") and any(
        m.dep_ == "advmod" and m.lower_ in _COMPARING for m in c.children)) for c in be.children)


#: Words that date a "should" to a time to come: "should, over time, support", "should soon
#: ease", "should recover next year" (with :data:`HORIZON` and dates).
_IN_TIME = re.compile(r"\b(over time|in time|in due course|eventually|soon|sooner or later|gradually|"
                      r"before long|from now on|going forward|in the (?:long|short|medium) run)\b", re.I)


def expected_should(verb) -> bool:
    """Whether ``verb``'s "should" expects an outcome ("Higher rates should, over time, support
    the currency", "Cheaper loans should lift housing starts next year") rather than tells
    someone what to do ("the council should cap fees", :func:`advised`) or what ought to be
    ("the rules should be simpler", "the law should protect tenants"): a subject that is no
    one who acts, an active verb, and a time to come or a change ("prices should ease").

    >>> from cogmap.extract.nlp import load
    >>> [expected_should(s.root) for s in load()("Cheaper loans should lift housing starts next year. "
    ...                                          "The council should cap parking fees. "
    ...                                          "The law should protect tenants.").sents]
    [True, False, False]
    """
    if not any(c.dep_ == "aux" and c.lower_ == "should" for c in verb.children) or advised(verb):
        return False
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or \
            any(c.dep_ == "aux" and c.lower_ in ("have", "'ve", "’ve") for c in verb.children):
        return False  # "the fee should be scrapped", "should have acted": what ought to be, or have been
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "expl")), None)
    if subject is None or subject.pos_ == "PRON" and subject.lower_ not in ("it", "this", "that") or \
            subject.lemma_.lower() in _NORMS or subject.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return False
    if verb.sent.text.rstrip().endswith("?"):
        return False
    text = verb.sent.text
    dated = HORIZON.search(text) is not None or _IN_TIME.search(text) is not None or any(
        e.label_ == "DATE" and not _PAST_TIME.search(e.text) for e in verb.sent.ents)
    return dated or verb.lemma_.lower() in _CHANGE_VERBS


#: Verbs by which speakers tell how they stand toward what they say: "I won't pretend
#: otherwise", "I can't deny it", "I won't sugarcoat it", "I can't rule it out", "I can
#: assure you".
_STANCE_VERBS = frozenset("pretend deny hide lie dispute sugarcoat sugar-coat kid exaggerate rule assure".split())


def stance_aside(verb) -> bool:
    """Whether ``verb`` is an aside on the speaker's own stance ("It will weigh on savers, yes,
    I won't pretend otherwise", "..., and I can't deny it"): what the speaker does in saying,
    with no outcome of its own, so its "won't" denies nothing that is to come. A clause it
    frames ("I won't pretend that rates will fall") is the forecast's, as before.

    >>> from cogmap.extract.nlp import load
    >>> [stance_aside(s.root) for s in load()("It will hurt savers, yes, I won't pretend otherwise. "
    ...                                       "Prices won't fall.").sents]
    [True, False]
    """
    lemma = verb.lemma_.lower()
    if verb.lower_ in ("going", "gon"):  # "I'm not going to pretend otherwise"
        inner = next((c for c in verb.children if c.dep_ == "xcomp" and c.lemma_.lower() in _STANCE_VERBS), None)
        return inner is not None and stance_aside(inner)
    if lemma not in _STANCE_VERBS:
        return False
    if lemma == "rule" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
        return False
    holder = verb.head if verb.dep_ == "xcomp" else verb  # "I'm not going to pretend otherwise"
    if not any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in holder.children):
        return False
    if any(c.dep_ in ("ccomp", "xcomp", "advcl") and c.i > verb.i for c in verb.children):
        return False  # (a clause before it is the one it comments on: "It will hurt, I won't deny it")
    return all(c.lower_ in ("it", "that", "this", "so", "otherwise", "anything", "you")
               for c in verb.children if c.dep_ in ("dobj", "attr"))


#: What a chair or a host does in the session itself: "We will rise for fifteen minutes",
#: "We will now take questions", "The committee will resume at two".
_SESSION_VERBS = frozenset("rise adjourn resume recess reconvene pause break sit proceed continue begin start "
                           "take hear turn move go return".split())
#: Bodies that sit: their "will resume" is the session's own business.
_SITTINGS = frozenset("committee court inquiry hearing panel session meeting house chamber commission tribunal "
                      "conference briefing programme program show sitting".split())
#: What a session takes or turns to: "take questions", "hear evidence", "take a short break".
_SESSION_THINGS = frozenset("question questions break recess adjournment evidence submissions submission witness "
                            "witnesses caller callers call calls floor lunch item items".split())
_NUMBERS = r"(?:\d{1,2}(?:[:.]\d\d)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|noon|midday)"
#: A time within the sitting: "now", "for fifteen minutes", "at two", "after the break".
_SESSION_TIME = re.compile(r"\b(?:now|shortly|briefly|in a (?:moment|minute)|for (?:a few|a couple of|\w+|\d+) "
                           r"(?:minutes?|hours?)|in (?:a few|\w+|\d+) minutes|at " + _NUMBERS +
                           r"(?: ?(?:am|pm|a\.m\.|p\.m\.|o'clock|thirty|fifteen|forty-five))?\b|"
                           r"after (?:the |a )?(?:break|recess|adjournment|lunch|interval)|"
                           r"this (?:morning|afternoon)|tomorrow (?:morning|afternoon)|"
                           r"until (?:tomorrow|" + _NUMBERS + r"))",
                           re.I)


def session_business(verb) -> bool:
    """Whether ``verb`` is the housekeeping of the session in which it is said ("JUDGE
    PASHLEY: We will rise for fifteen minutes", "We will now take questions", "The committee
    will resume at two"): "we" or the sitting body as subject, a verb of sitting or of taking
    up business, and a time within the sitting or a session's business as object. No
    outcome in the world is foretold.

    >>> from cogmap.extract.nlp import load
    >>> [session_business(s.root) for s in load()("We will rise for fifteen minutes. We will now take questions. "
    ...                                           "We will take a hit next year.").sents]
    [True, True, False]
    """
    if verb.lemma_.lower() not in _SESSION_VERBS or not any(
            c.dep_ == "aux" and c.lower_ in ("will", "'ll", "’ll", "shall") for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or not (subject.lower_ in ("we", "i") or subject.lemma_.lower() in _SITTINGS):
        return False
    if any(c.dep_ in ("ccomp", "xcomp") for c in verb.children) or HORIZON.search(verb.sent.text):
        return False  # "We will begin to see prices fall", "we will rise next year": more than the sitting's
    objects = [c for c in verb.children if c.dep_ == "dobj"] + \
        [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    span = verb.doc[verb.left_edge.i:verb.right_edge.i + 1].text
    if verb.lemma_.lower() in ("take", "hear", "turn", "move", "go", "return", "continue", "proceed", "begin", "start"):
        # ("we will take a hit", "we will go into recession" are outcomes: these need the session's business)
        return any(o.lemma_.lower() in _SESSION_THINGS for o in objects) or \
            verb.lemma_.lower() in ("turn", "move", "go", "return") and any(
                c.dep_ == "advmod" and c.lower_ == "now" for c in verb.children) and any(
                c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)
    return not any(c.dep_ == "dobj" for c in verb.children) and _SESSION_TIME.search(span) is not None


def counterfactual(verb) -> bool:
    """Whether ``verb`` is the "would" of what would be, or would have been, were things
    otherwise: the case is stated as not so, so nothing is foretold.

    * "But for the voucher, the firm would be losing money";
    * "If it were not for the glut, prices would be higher", "were it not for";
    * "Had the ministry acted, the gaps would be closed" (an inverted "if");
    * "would have lost" (a past that did not happen);
    * "would already be in famine", "would be far worse by now", and "would now be" where a
      "without" or "absent" says what is missing: the present, otherwise.

    >>> from cogmap.extract.nlp import load
    >>> nlp = load()
    >>> [counterfactual(s.root) for s in nlp("But for the voucher, the firm would be losing money. "
    ...                                      "But for now, prices will rise. "
    ...                                      "Without the ban, prices would already be higher. "
    ...                                      "Without a deal, prices would rise next year.").sents]
    [True, False, True, False]
    """
    aux = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if not any(a in ("would", "'d", "’d", "could", "might") for a in aux):
        return False
    if any(a in ("have", "'ve", "’ve") for a in aux) and verb.tag_ == "VBN":
        return True  # ("would've": the tagger keeps "'ve" as its own lemma)
    if any(c.dep_ == "prep" and c.lower_ == "for" and c.i > 0 and c.doc[c.i - 1].lower_ == "but"
           and any(o.dep_ == "pobj" for o in c.children)  # ("for now" is no thing: a pcomp)
           for c in verb.children):
        return True
    for c in verb.children:
        if c.dep_ != "advcl":
            continue
        words = " ".join(t.lower_ for t in c.subtree)
        if re.match(r"(if it (were|was)(n't| not) for|were it not for|if not for)\b", words):
            return True
        had = next((a for a in c.children if a.dep_ == "aux" and a.lower_ == "had"), None)
        subj = next((x for x in c.children if x.dep_ in ("nsubj", "nsubjpass")), None)
        if had is not None and subj is not None and had.i < subj.i:
            return True  # "Had the routes been left to the market"
    mods = {c.lower_ for c in verb.children if c.dep_ == "advmod"}
    by_now = any(c.dep_ == "prep" and c.lower_ == "by" and any(o.lower_ == "now" for o in c.children)
                 for c in verb.children)
    if "already" in mods or by_now:
        return True
    missing = any(t.lower_ in ("without", "absent") for t in verb.sent if t.i < verb.i)
    return missing and bool(mods & {"now", "today"})


_SMALL = {w: i for i, w in enumerate("zero one two three four five six seven eight nine ten".split())}
#: Numbers as words, for a chance spelt out: "a twenty per cent chance", "sixty-five percent".
_TENS = {w: 10 * i for i, w in enumerate("_ ten twenty thirty forty fifty sixty seventy eighty ninety".split()) if i}
_SPELT = {**{w: i for w, i in _SMALL.items() if i}, **_TENS,
          **{w: 11 + i for i, w in enumerate("eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen "
                                                "nineteen".split())}}
_SPELT_NUMBER = (r"(?:(?:" + "|".join(_TENS) + r")(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
                 r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
                 r"|one|two|three|four|five|six|seven|eight|nine|a hundred|one hundred)")
_PERCENT = re.compile(r"(\d{1,3}(?:\.\d+)?|\b" + _SPELT_NUMBER + r")\s*(?:%|percent\b|per cent\b)", re.I)
_ONE_IN = re.compile(r"\b(one|two|three|four|five|\d+)(?:\s+(?:chance|shot)s?)?(?:\s+|-)in(?:\s+|-)"
                     r"(two|three|four|five|six|seven|eight|nine|ten|\d+)\b", re.I)


def _percent(m) -> float:
    """The number of a :data:`_PERCENT` match, spelt out or not."""
    word = m.group(1).lower()
    if word[:1].isdigit():
        return float(word)
    if word.endswith("hundred"):
        return 100.0
    return float(sum(_SPELT.get(w, 0) for w in re.split(r"[- ]", word)))


def _number(word: str):
    word = word.lower()
    return int(word) if word.isdigit() else _SMALL.get(word)


_ODDS_WORDS = {"chance", "chances", "probability", "likelihood", "odds", "risk", "possibility", "prospect"}
_PHRASES = ("no better than even", "almost no chance", "very unlikely", "highly unlikely", "better than even",
            "roughly even", "even chance", "fifty-fifty", "about even", "very likely", "highly likely",
            "almost certain", "coin toss", "coin flip", "toss-up", "50-50", "50/50")
#: The scales' term for a phrase that is none of theirs ("no better than even" is at most even).
_PHRASE_TERMS = {"better than even": "likely", "about even": "roughly even", "no better than even": "roughly even",
                 **{even: "roughly even" for even in ("coin toss", "coin flip", "toss-up", "50-50", "50/50")}}
#: Even odds put as a coin or a split down the middle: "a coin toss", "a toss-up", "50-50".
_EVEN_ODDS = r"(?:coin[- ]?(?:toss|flip)|toss-?up|fifty[- ]fifty|50[-/]50)\b"


#: A chance given in an aside, with nothing but a hedge beside it: "(maybe 15%)", "(~40 percent)".
_ASIDE_ODDS = re.compile(r"\((?:(?:maybe|perhaps|about|roughly|around|say|probably|call it|p\s*=)\s*|~\s*|(?P<bound>[<>≤≥])\s*)?"
                         r"(\d{1,3}(?:\.\d+)?)\s*(?:%|percent|per cent)\)", re.I)


#: Words by which a speaker gives odds as an estimate of their own: "call it 55%", "I'd say
#: one in five", "my guess is 60 percent".
_ESTIMATE = r"(?:call\s+it|i(?:'d|’d|\s+would)\s+(?:say|guess|put\s+it\s+at)|my\s+guess\s+is)\s+"
#: A percentage or a range of them ("70-75%", "70 to 75 percent": the middle is the odds).
_FIGURE = r"(?:(?P<low>\d{1,3})\s*(?:-|–|to)\s*)?(?P<n>\d{1,3}(?:\.\d+)?)\s*(?:%|percent|per cent)"
#: Odds tagged on at the end of a sentence or a list's item: ", <15%", ": ~40%", ", call it 55%".
_TRAILING_ODDS = re.compile(r"[,:;–—]\s*(?P<est>" + _ESTIMATE + r")?(?P<hedge>~|<|>|≈|about\s|roughly\s|around\s|maybe\s|"
                            r"perhaps\s|say\s)?\s*" + _FIGURE + r"\s*[.!)]?\s*$", re.I)
#: A sentence that is nothing but odds marked as an estimate: "Maybe 1 in 5.", "~60%.", "Call
#: it 55%.", "I'd say 70-75%." (its event is the sentence or question before: names_no_event).
_BARE_ODDS = re.compile(r"\s*(?:(?:" + _ESTIMATE + r")+|(?:maybe|perhaps)\s+|~\s*)(?:about\s+|roughly\s+|around\s+|maybe\s+)?"
                        r"(?:" + _FIGURE + r"|(?P<one>one|\d+)(?:\s+|-)in(?:\s+|-)(?P<in>two|three|four|five|six|seven|"
                        r"eight|nine|ten|\d+))(?:\s+chance)?(?:,?\s+(?:imo|imho|i\s+think|i\s+reckon|i'd\s+say))?"
                        r"\s*[.!]?\s*", re.I)


def _figure(m) -> float:
    """The odds of a :data:`_FIGURE` match, in percent: a range's middle."""
    n = float(m.group("n"))
    low = m.group("low")
    return (float(low) + n) / 2 if low is not None and float(low) <= n else n


def stated_odds(hedge: Optional[str]) -> bool:
    """Whether a forecast's hedge is odds put as a number ("15%", "one in five")."""
    return bool(hedge) and bool(_PERCENT.search(hedge) or _ONE_IN.search(hedge))


def _is_odds_word(tok) -> bool:
    """A word of chance that speaks of one: not a modifier of another noun ("war-risk
    premiums", "risk appetite" name a price and a mood, not a likelihood)."""
    if tok.lower_ not in _ODDS_WORDS:
        return False
    doc = tok.doc
    joined = tok.i + 1 < len(doc) and doc[tok.i + 1].text == "-" and not tok.whitespace_ or \
        tok.i > 0 and doc[tok.i - 1].text == "-" and not doc[tok.i - 1].whitespace_
    # (Only "risk" modifies nouns that way; a "chance" tagged a compound is a misparse:
    # "a 70% chance transits exceed 38 a day".)
    return not joined and not (tok.dep_ == "compound" and tok.lower_ == "risk")


#: Words before a figure that make it a level the thing reaches, not its chance:
#: "stay above 0.5 percent", "a rise above 1 percent", "fell to 3 percent".
_THRESHOLD = re.compile(r"\b(?:above|below|over|under|than|to|by|from|beyond|exceed(?:s|ing)?|hit(?:s|ting)?)\s+"
                        r"(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+)?$", re.I)


def _odds_percent(text: str):
    """The figure of a sentence that is its odds: of several, not one that is a level
    ("the chance of a rise above 1 percent by year-end at around 40 percent" is 40)."""
    found = list(_PERCENT.finditer(text))
    if len(found) > 1:
        odds = [m for m in found if not _THRESHOLD.search(text[max(0, m.start() - 30):m.start()])]
        found = odds or found
    return found[0] if found else None


def _put_at(sent) -> bool:
    """"I'd put a full recovery at maybe 25 percent", "I would put it at one in three", "I put
    a downgrade at one in three": an estimate of a chance stated as where someone would put
    the thing, with no word of chance ("the survey put turnout at 31 percent" measures, and
    is no forecast)."""
    return any(t.lemma_.lower() in ("put", "place", "peg") and any(
        c.dep_ == "aux" and c.lower_ in ("would", "'d", "’d") or c.dep_ == "nsubj" and c.lower_ in ("i", "we")
        for c in t.children) and any(
        # (the "at" anywhere below: "put the odds of the glacier surviving at one in ten" hangs it on the gerund)
        p.dep_ == "prep" and p.lower_ == "at" and any(o.ent_type_ == "PERCENT" or o.lower_ in ("percent", "cent", "%") or
                                                       _ONE_IN.search(p.doc[p.i:p.right_edge.i + 1].text)
                                                       for o in p.subtree)
        for p in t.subtree) for t in sent)


def explicit_probability(sent, scale: str):
    """A probability the sentence states outright: "a 30% chance", "put the odds at roughly even".

    Only when a word of likelihood (chance, odds, probability, risk ...) is in the
    sentence, so "prices rose 5 percent" is not read as a probability.
    """
    text = sent.text
    m = _ASIDE_ODDS.search(text)
    if m and 0 <= float(m.group(2)) <= 100:
        value = float(m.group(2))
        if m.group("bound"):
            # "Very unlikely (<10%)": a bound, read as the middle of the range it leaves
            value = value / 2 if m.group("bound") in "<≤" else (value + 100) / 2
        return round(value / 100, 4), m.group(0).strip("()")  # "I'd be surprised (maybe 15%) to see"
    m = _BARE_ODDS.fullmatch(text)
    if m:
        if m.group("n") is not None:
            value = _figure(m) / 100
        else:
            a, b = _number(m.group("one")), _number(m.group("in"))
            value = a / b if a is not None and b and 0 < a <= b else None
        if value is not None and 0 <= value <= 1:
            return round(value, 4), text.strip(" .!")
    m = _TRAILING_ODDS.search(text)
    due = HORIZON.search(text)
    if m and 0 <= _figure(m) <= 100 and (m.group("est") or has_term([t.lower_ for t in sent if not t.ent_type_]) or
                                         m.group("hedge") and due and
                                         due.group(0).lower().startswith(("by ", "before ", "within "))):
        # "A cut by June is unlikely, <15%", "Rates cut by next summer: ~40%": odds tagged on at
        # the end, beside a hedge or, marked as an estimate, a time to come ("Inflation in May:
        # 4%" measures); or given as one's estimate ("The levy passes, call it 55%").
        return round(_figure(m) / 100, 4), m.group(0).strip(",:;–— .!)")
    if not any(_is_odds_word(t) for t in sent) and not _put_at(sent):
        return None
    m = _odds_percent(text)
    if m:
        value = _percent(m)
        if 0 <= value <= 100:
            return round(value / 100, 4), m.group(0)
    m = _ONE_IN.search(text)
    if m:
        a, b = _number(m.group(1)), _number(m.group(2))
        if a is not None and b and 0 < a <= b:
            return round(a / b, 4), m.group(0)
    low = text.lower()
    for phrase in _PHRASES:
        if phrase in low:
            key = _PHRASE_TERMS.get(phrase, phrase)
            from cogmap.extract.hedges import SCALES

            if key in SCALES[scale]:
                return SCALES[scale][key], phrase
    return None


#: Words of a bare estimate, which name no event: "Call it a two-in-three chance.", "I think
#: it is unlikely.", "I'd put that at maybe one in ten." (with the odds words and numbers).
_ESTIMATING = frozenset("call put say think guess reckon bet give rate place peg would be do happen occur come "
                        "likely unlikely probable improbable possible certain sure doubt doubtful surprise "
                        "surprised percent cent maybe perhaps about roughly around only even case base imo imho "
                        "~".split())


def names_no_event(sent) -> bool:
    """Whether a sentence that gives odds names nothing they are the odds of, so that its
    event is in the sentence or question before ("Capesize rates stay above $25,000. Call
    it a two-in-three chance."). A condition it adds ("only if X") names no event either,
    nor a time ("before 2030").

    >>> from cogmap.extract.nlp import load
    >>> [names_no_event(load()(s)[:]) for s in ("Call it a two-in-three chance.",
    ...     "I'd put that at maybe one in ten before 2030.", "I think it is unlikely.",
    ...     "About a one-in-five chance, and only if demand collapses.",
    ...     "There is a 30% chance that rates rise.", "It will probably rain.",
    ...     "I'd be surprised if rates rise.", "If they slip again, maybe two.")]
    [True, True, True, True, False, False, False, False]
    """
    if _BARE_ODDS.fullmatch(sent.text):
        return True  # ("~60%.": the tokenizer leaves "~60" a word of its own)
    skip = set()
    # (A condition is no event only beside stated odds: in "I'd be surprised if X", X is the event.)
    odds = any(t.lemma_.lower() in _ODDS_WORDS or _ONE_IN.search(t.text) or t.ent_type_ == "PERCENT" for t in sent) \
        or bool(_ONE_IN.search(sent.text))
    for t in sent:
        if odds and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in t.children):
            skip |= {x.i for x in t.subtree}
        elif t.ent_type_ in ("DATE", "TIME", "PERCENT", "CARDINAL"):
            skip.add(t.i)
    content = [t for t in sent if t.i not in skip and t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ", "NUM")
               and t.lemma_.lower() not in _ESTIMATING and t.lower_ not in _ESTIMATING
               and t.lemma_.lower() not in _ODDS_WORDS and not t.like_num and not _ONE_IN.search(t.text)
               and "-in-" not in t.lower_]
    return not content


def _likelihood_stated(sent) -> Optional[str]:
    """"unlikely" or "likely" when the sentence says how likely its event is through a
    likelihood noun and a word of size or change ("the chances that X are slim")."""
    for noun in sent:
        if not {noun.lemma_.lower(), noun.lower_} & LIKELIHOOD_NOUNS or noun.dep_ not in ("nsubj", "nsubjpass"):
            continue
        pred = noun.head
        words = [pred] + [c for c in pred.children if c.dep_ in ("acomp", "attr", "advmod")]
        lemmas = {w.lemma_.lower() for w in words} | {w.lower_ for w in words}
        if lemmas & _LOW_LIKELIHOOD:
            return "unlikely"
        if lemmas & _HIGH_LIKELIHOOD:
            return "likely"
    return None


def excused(verb) -> bool:
    """Whether a modal verb only excuses: "savers could be forgiven for thinking X", "would be
    forgiven if they left" say it is understandable, not that anything is to come (but "the
    debt will be forgiven next year" is a forecast)."""
    return verb.lemma_.lower() == "forgive" and any(c.dep_ == "auxpass" for c in verb.children) and any(
        c.dep_ == "prep" and c.lower_ == "for" or c.dep_ == "advcl" and any(
            m.dep_ == "mark" and m.lower_ == "if" for m in c.children) for c in verb.children)


def _is_now(sent) -> bool:
    """Whether a likelihood noun is said to be so now, with "is" or "are" ("the chances of X
    are slim"), not to have been so ("were low") or to have changed ("has grown": a claim)."""
    return any({n.lemma_.lower(), n.lower_} & LIKELIHOOD_NOUNS and n.dep_ == "nsubj" and n.head.lemma_ == "be"
               and n.head.tag_ in ("VBZ", "VBP") for n in sent)


#: Fixed phrases that forecast what follows them, and the hedge term each amounts to.
#: Closed English idioms of estimation, as the published scales' words are.
#: (A "not" inside the phrase, as in "I wouldn't rule out", is part of it, not a denial.)
_FRAMES = [(re.compile(p, re.I), term) for p, term in (
    (r"\b(?:only |just )?a (?:matter|question) of (?:time|when)\b", "very likely"),
    (r"\bthere(?:'s| is) a (?:real |big |serious )?(?:risk|danger) that\b", "risk"),
    (r"\bthe (?:real |big )?(?:risk|danger) is that\b", "risk"),
    (r"\b(?:wouldn'?t|would not|can'?t|cannot) rule out\b", "possible"),
    (r"\b(?:is|are|was|were|looks?) poised to\b", "will"),
    # "the plant is on track to reopen in March", "on course to miss the target"
    (r"\b(?:is|are|'s|'re|looks?|seems?) (?:now |still |firmly |well )?on (?:track|course) to\b", "likely"),
    # "There's no way the project finishes before 2030": remote (not "no way to know")
    (r"\bthere(?:'s|’s| is) no way(?: that)? (?!to\b|of\b)", "no chance"),
    (r"\b(?:is|are|'s|'re|looks?|seems?) (?:almost|nearly|virtually|all but) certain to\b", "almost certain"),
    (r"\b(?:is|are|'s|'re|looks?|seems?) certain to\b", "certain to"),
    (r"\b(?:is|are|'s|'re|looks?|seems?) (?:now |soon |also )?set to\b"
     r"(?! (?:(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those|zero)\b|\d))", "set to"),
    (r"\b(?:has|have) the potential to\b", "potential"),
    # "It is hard to see the mine reopening": unlikely; "A rebound is far from certain": maybe
    (r"\b(?:it is|it's|it’s) (?:hard|difficult) to (?:see|imagine|envisage)\b"
     r"(?!\s+(?:why|how|what|where|who|whether|when|that|this|it)\b)", "unlikely"),  # ("hard to see why X fell")
    (r"\b(?:is|are|'s|'re|looks?|seems?) far from (?:certain|assured|guaranteed|a given)\b", "possible"),
    # "Whether the merger clears is a coin toss", "It's a toss-up whether rates fall", "it's
    # 50-50", "I'd call it a coin flip": what is to come said to be even odds (not "it was a
    # coin toss", a past, nor "it is no coin toss")
    (r"(?:\b(?:is|are|be|remains?|looks?(?: like)?|seems?(?: like)?|feels? like)|'s|’s|'re|’re)\s+"
     r"(?:(?:just|still|now|really|basically|essentially|pretty much|more or less|roughly|about|probably)\s+)?"
     r"(?:a |an )?(?:(?:real|genuine|complete|total|pure|true)\s+)?" + _EVEN_ODDS
     + r"|\bcall (?:it|that|this) (?:a |an )?" + _EVEN_ODDS, "roughly even"),
    (r"\bmy (?:base case|best guess|guess|bet) is\b|\bI'?d bet\b|\bI would bet\b", "likely"),
    # "Odds are they'll drop it", "Chances are (that) X": not "the odds are slim" (a size
    # says how likely, _likelihood_stated) nor "the chances are 30 percent"
    (r"(?:^|[^\w\s]\s*|\b(?:and|but|so)\s+)(?:the )?(?:odds|chances) are\b(?!\s+(?:"
     + "|".join(sorted(_LOW_LIKELIHOOD | _HIGH_LIKELIHOOD | {"against", "even", "about", "around", "\\d"}))
     + r")\b)", "likely"),
)]


def framed_term(text: str) -> Optional[str]:
    """The hedge term of a forecasting phrase in ``text``, else None."""
    found = framed(text)
    return found[0] if found else None


def framed(text: str) -> Optional[tuple[str, str]]:
    """``(hedge term, the words of the phrase)`` of the first forecasting phrase in ``text``
    (the main clause's, as a rule: "Odds are they'll drop it, and that has the potential
    to ..."), else None."""
    found = [(m.start(), term, m.group(0)) for pattern, term in _FRAMES for m in [pattern.search(text)] if m]
    if not found:
        return None
    _, term, words = min(found)
    return term, words


def is_explainer_title(sent) -> bool:
    """"Why X will not happen", "How the bank will respond": a question put as a title,
    which announces an explanation and forecasts nothing."""
    words = [t for t in sent if not (t.is_space or t.is_punct)]
    if not words or words[0].lower_ not in ("why", "how", "what", "when", "where", "whether"):
        return False
    if words[0].head.dep_ == "csubj" and words[0].head.head == sent.root:
        return False  # "Whether the merger clears is a coin toss": the question is what the sentence speaks of
    # "When rates rise, prices will fall" forecasts: its "when" opens a clause of its own.
    return words[0].lower_ not in ("when", "where") or words[0].head == sent.root


def find_forecasts(doc, scale: str = "icd203") -> list[RawForecast]:
    """Forecasts in a parsed paragraph.

    >>> from cogmap.extract.nlp import load
    >>> [(f.statement, f.probability, f.hedge) for f in find_forecasts(load()("Prices will likely rise next year."))]
    [('Prices will likely rise next year.', 0.675, 'likely')]
    """
    out = []
    whole = doc.text  # (built anew from the tokens at each use: once, not once a sentence)
    before = doc.user_data.get("question")  # an answer's first sentence follows the question
    for sent in doc.sents:
        event, before = before, sent
        if _BARE_ODDS.fullmatch(sent.text):
            bare = _bare_odds(sent, event, scale)
            if bare is not None:
                out.append(bare)
            continue
        text = sent.text.strip()
        if not text or text.endswith("?") or len(sent) < 4:
            continue
        if is_explainer_title(sent):
            continue
        main = _main_clause(sent)
        # A clause before a colon or beside the root can carry the forecast too.
        beside = [c for c in sent.root.children if c.dep_ in ("ccomp", "conj", "parataxis")
                  and c != main and c.pos_ in ("VERB", "AUX")]
        # and what a second verb of saying reports ("welcomed the move but warned that X would")
        if sent.root.lemma_.lower() not in _EXPECT_VERBS:  # "expects X, but warns that Y could": X
            beside += [g for c in beside if c.dep_ == "conj" for g in c.children
                       if g.dep_ == "ccomp" and g.pos_ in ("VERB", "AUX") and g != main]
        heads = [main] + sorted(beside, key=lambda t: t.i)
        root = sent.root
        # "Prices are expected to rise, but they could fall back": the expectation is the
        # sentence's forecast, and the clause joined to it a second one (:func:`_second_clause`),
        # not the one the expectation frames
        expecting = root.lemma_.lower() in _EXPECT_VERBS and root.tag_ != "VBD" and \
            not _future_marks(root)[1] and any(c.dep_ in ("ccomp", "xcomp", "dobj") and not _wh_clause(c)
                                               for c in root.children)
        for verb in heads:
            if expecting and verb.dep_ == "conj" and verb.head == root:
                continue
            words, future, negated = _future_marks(verb)
            if future:
                break
        else:
            verb = main
            words, future, negated = _future_marks(verb)
        # "X is likely to win" puts the hedge on the copula and the event on the xcomp.
        if not future:
            for c in verb.children:
                if c.dep_ in ("xcomp", "conj") and c.pos_ in ("VERB", "AUX"):
                    w2, f2, n2 = _future_marks(c)
                    if f2:
                        words, future, negated = w2, f2, n2
                        if c.dep_ == "conj":
                            # "X has cut Y, and prices will rise": the future is the second
                            # clause's, which is the forecast's verb (not a clause of its own)
                            verb = c
                        break
        unsure = _unsure_complement(sent) if not future or verb == sent.root else None
        if unsure is not None:
            verb, (words, future, negated) = unsure, _future_marks(unsure)
            future = True  # (a clause under "remains to be seen whether" is to come, "will" or not)
        expectation = False  # the root's "expect" is the hedge, its "not" already counted
        if not future and sent.root.lemma_.lower() in _EXPECT_VERBS and not sent.root.tag_ == "VBD" and \
                any(c.dep_ in ("ccomp", "xcomp", "dobj") and not _wh_clause(c) for c in sent.root.children):
            # "She expects prices to fall": an expectation reads as "likely".
            # (The hedge is the word as written where the scales have it: "expects".)
            words = [sent.root.lower_] if has_term([sent.root.lower_]) else ["likely"]
            future, expectation = True, True
            negated = any(c.dep_ == "neg" for c in sent.root.children)
        if not future and _seen_ahead(sent.root):
            # "Analysts see the euro weakening next year", "the bank is seen raising rates in
            # June": a market's way to say what it expects
            words, future, expectation = ["likely"], True, True
            negated = any(c.dep_ == "neg" for c in sent.root.children)
        if future and only_dependence(verb):
            continue  # "Everything will depend on the tanks": what it turns on, no outcome
        if future and excused(verb):
            continue  # "Savers could be forgiven for thinking X": it is understandable, nothing to come
        if future and verb.lemma_.lower() in _SAY_VERBS and not any(
                c.dep_ in ("ccomp", "xcomp") for c in verb.children) and not _put_at(sent):
            continue  # "Roughly even, I would say.": the modal hedges the saying ("I'd put it at 60%" estimates)
        if future and verb != sent.root and _wh_clause(verb) and not _that_is_why(verb) and not (
                any(t.lower_ == "whether" for t in verb.children) and any(_unsure(a) for a in verb.ancestors)):
            continue  # "predicts how markets will react": a question, not an outcome
        toss_up = False
        if future:
            for anc in [verb] + list(verb.ancestors):
                lemma = anc.lemma_.lower()
                if anc != verb and _unsure(anc):
                    # "not sure if X will happen": a toss-up; the frame's "not" is not the forecast's
                    words, negated = ["roughly", "even"] + [w for w in words if w not in ("will", "would")], False
                    toss_up = True
                    break
                if lemma == "doubt" or lemma in ("surprised", "surprise") and anc.i <= verb.i or any(
                        c.lemma_.lower() in ("surprised", "surprising") and c.dep_ in ("acomp", "amod")
                        for c in anc.children):
                    # "(he said) I doubt X will happen", "I'd be surprised if X": unlikely
                    words.insert(0, "doubt" if lemma == "doubt" else "surprised")
                    break
                if anc != verb and lemma in ("expect", "suspect", "anticipate") and anc.pos_ == "VERB" and \
                        not any(c.dep_ == "neg" for c in anc.children):
                    # "I expect they will keep falling", "I suspect it will pass": the expectation
                    # is the hedge of the "will" it frames (likely), as "expects X to" is
                    words.insert(0, anc.lower_ if has_term([anc.lower_]) else "expect")  # as written
                    break
                if anc != verb and not expectation and lemma in _OPINION_VERBS and any(
                        c.dep_ == "neg" for c in anc.children):
                    negated = not negated  # "I don't think X will happen": the belief is denied
                    break
        explicit = explicit_probability(sent, scale)
        stated = _likelihood_stated(sent)
        if stated is not None:
            words, future = [stated] + [w for w in words if w in ("very", "highly")], True
        found = framed(sent.text) if explicit is None and stated is None else None
        if found is not None and found[0] in ("almost certain", "certain to") and \
                has_term([w for w in words if w not in ("will", "would", "'ll", "’ll", "going", "to")] +
                         [t.lower_ for t in sent if t.lower_ in HEDGE_ADVERBS and t.dep_ == "advmod"]):
            # "would probably call an election that it is certain to win": the sentence's own
            # hedge is the outcome's; the certainty is of another clause's
            found = None
        frame = found[0] if found else None
        if found is not None:
            # A "not" of the phrase ("I wouldn't rule out") is the phrase's; one of the clause it
            # frames ("chances are they won't") denies the outcome.
            denial = re.search(r"n't\b|\bnot\b|\bnever\b", found[1], re.I)
            words = frame.split() + [w for w in words if w in ("very", "highly")]
            future, negated = True, negated and denial is None
        if not future and explicit is None:
            continue
        own_words = list(words)  # before the sentence's other hedge adverbs join them
        for adv in sent:
            if adv.lower_ in HEDGE_ADVERBS and adv.lower_ not in words and adv.dep_ == "advmod" and not (
                    adv.head.pos_ in ("NOUN", "PROPN") and adv.head.dep_ == "conj"):
                # (not a hedge on a noun added at the end: "will hit the economy, and perhaps
                # even stability" is sure of the economy)
                words.append(adv.lower_)
        if explicit is not None:
            p, hedge = explicit  # "puts the chance at 30 percent" outranks any modal verb
        else:
            p, hedge = probability(words, negated=negated, scale=scale)
            if judged(verb):
                # "I think it will definitely ...": a judgement someone gives as theirs, which
                # puts it short of the scale's certainty either way ("very likely" at most,
                # "very unlikely" at least)
                p, hedge = short_of_certain(p, hedge, scale)
        condition, cond_span = None, None
        for t in sent:
            if t.dep_ == "mark" and t.lower_ in ("if", "unless", "once", "provided") and t.head.dep_ == "advcl" \
                    and not _unsure(t.head.head):  # "not sure if X will": X is the forecast, not its condition
                cl = t.head
                cond_span = doc[cl.left_edge.i: cl.right_edge.i + 1]
                condition = cond_span.text.strip(" ,")
                break
        if condition is None:
            # "Should the talks fail, prices will rise": a condition put by inversion
            cl = next((t for t in sent if t.dep_ == "advcl" and inverted_condition(t)), None)
            if cl is not None:
                cond_span = doc[cl.left_edge.i: cl.right_edge.i + 1]
                condition = cond_span.text.strip(" ,")
        if condition is None:
            for t in sent:
                if t.lower_ == "without" and t.dep_ == "prep" and t.head.i >= t.i:
                    cond_span = doc[t.i: t.right_edge.i + 1]
                    condition = cond_span.text.strip(" ,")
                    break
        # The horizon is a time of the outcome, not of the condition ("if rains return
        # in spring, prices could fall by summer" is due by summer).
        outside = sent.text
        if cond_span is not None:
            a0, b0 = cond_span.start_char - sent.start_char, cond_span.end_char - sent.start_char
            outside = outside[:a0] + " " * (b0 - a0) + outside[b0:]
        m = HORIZON.search(outside)
        horizon = m.group(0) if m else None
        if horizon is None:
            for ent in sent.ents:
                if ent.label_ in ("DATE", "TIME") and not _PAST_TIME.search(ent.text) and not _describes(ent) and not (
                        cond_span is not None and cond_span.start <= ent.start < cond_span.end) and \
                        not _of_another_clause(ent, verb) and not _how_much(ent):
                    horizon = ent.text
                    break
        a = sent.start_char
        b = sent.end_char
        while b > a and whole[b - 1].isspace():
            b -= 1
        second = None if explicit is not None or stated is not None or found is not None or toss_up \
            else _second_clause(sent, verb, heads, own_words, negated, scale)
        if second is not None:
            # Two clauses, two outcomes ("X is almost certainly over, and Y could follow by
            # autumn"): two forecasts, each with its own words, horizon and condition.
            for part in second:
                i, j, p2, hedge2, shared = part
                pa, pb = doc[i].idx, doc[j - 1].idx + len(doc[j - 1])
                m2 = HORIZON.search(whole[pa:pb])
                when = m2.group(0) if m2 else next(
                    (e.text for e in sent.ents if e.label_ in ("DATE", "TIME") and i <= e.start < j
                     and not _PAST_TIME.search(e.text) and not _describes(e)
                     and not (cond_span is not None and cond_span.start <= e.start < cond_span.end)), None)
                cond = condition if cond_span is not None and (i <= cond_span.start < j or shared and
                                                               cond_span.end <= verb.i) else None
                out.append(RawForecast(start=pa, end=pb, statement=whole[pa:pb], probability=p2, hedge=hedge2,
                                       horizon=when, condition=cond, sent_start=a, sent_end=b))
            continue
        out.append(RawForecast(start=a, end=b, statement=whole[a:b], probability=p, hedge=hedge,
                               horizon=horizon, condition=condition, sent_start=a, sent_end=b,
                               # ("the likelihood of X is high" says how likely, as a frame does,
                               # in a present tense the reader's forecast head learned as no forecast)
                               framed=frame is not None or toss_up or stated is not None and _is_now(sent)
                               or explicit is not None and (
                                   _put_at(sent) or _TRAILING_ODDS.search(sent.text) is not None or
                                   _BARE_ODDS.fullmatch(sent.text) is not None)
                               or "should" in own_words and expected_should(verb)
                               or expectation and (_foretold(sent.root) or _seen_ahead(sent.root))
                               or _estimated_ahead(sent.root),
                               possible=possible_event(verb)))
    return _confirmed(doc, out, scale)


def _bare_odds(sent, event, scale: str) -> Optional[RawForecast]:
    """A sentence that is only odds given as an estimate ("Maybe 1 in 5.", "~60%.", "Call it
    55%.") is a forecast of the sentence or question before it when that one speaks of
    what is to come ("Will the port reopen by May?", "The levy passes next month."): odds
    after "What share of farms use it?" estimate a share. The pipeline joins the two
    (the event's sentence starts the evidence)."""
    if event is None or not (HORIZON.search(event.text) or any(
            t.tag_ == "MD" or t.lower_ in ("will", "'ll", "’ll") for t in event) or any(
            # ("by June", "before the summer")
            e.label_ == "DATE" and e.start > event.start and e.doc[e.start - 1].lower_ in ("by", "before", "until")
            and not _PAST_TIME.search(e.text) for e in event.ents)):
        return None
    if event.root.tag_ == "VBD" and not any(t.tag_ == "MD" for t in event):
        return None  # "Prices fell by 2020. Maybe 60%.": a share of what was
    explicit = explicit_probability(sent, scale)
    if explicit is None:
        return None
    a, b = sent.start_char, sent.end_char
    whole = sent.doc.text
    while b > a and whole[b - 1].isspace():
        b -= 1
    horizon = HORIZON.search(event.text)
    return RawForecast(start=a, end=b, statement=whole[a:b], probability=explicit[0], hedge=explicit[1],
                       horizon=horizon.group(0) if horizon else None, condition=None, sent_start=a, sent_end=b,
                       framed=True)


#: Words a sentence may hold that says only how sure someone is of what was just said
#: ("I'm certain of that.", "I'd say that's very likely.", "That is unlikely, though."):
#: its hedge (:data:`_CONFIDENCE_TERMS`), and these.
_CONFIDENCE_ONLY = frozenset("i we 'm ’m am are is 's ’s be 'd ’d would say think reckon guess believe feel that "
                             "it this of about on so though however but and yes frankly honestly personally really "
                             "very highly quite fairly pretty reasonably almost nearly absolutely completely totally "
                             "not n't no much a an there".split())
_SURE = frozenset("sure certain confident positive".split())
_CONFIDENCE_TERMS = _SURE | frozenset("likely unlikely probable improbable possible certainly definitely surely "
                                      "doubt doubtful remote even chance certainty probably possibly perhaps maybe "
                                      "roughly coin toss flip up fifty toss-up fifty-fifty".split())
#: Qualifiers of "sure", "certain" or "confident" and the term each makes of them.
_SURE_QUALIFIED = {**dict.fromkeys(("almost", "nearly"), "almost certain"),
                   **dict.fromkeys(("fairly", "pretty", "reasonably", "quite"), "likely")}


def confidence_after(sent, scale: str = "icd203") -> Optional[tuple[float, str]]:
    """``(probability, hedge)`` that a short sentence gives the one before it, when all it
    says is how sure someone is of "that", "it" or "this": "I'm certain of that." (certain),
    "I'd say that's very likely." (very likely), "I'm fairly sure of it." (likely), "I'm
    not sure about that." (roughly even), "I doubt it." (doubt); else None. A sentence that
    says anything more ("That is why rates will rise") is none.

    >>> from cogmap.extract.nlp import load
    >>> [confidence_after(s) for s in load()("I'm certain of that. I'd say that's very likely. "
    ...                                      "That rise is likely. I'm sure prices will fall.").sents]
    [(0.97, 'certain'), (0.875, 'very likely'), None, None]
    """
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    if not words or len(words) > 8 or sent.text.rstrip().endswith("?") or \
            not any(t.lower_ in ("that", "it", "this") and t.dep_ != "det" for t in words):
        return None
    low = [t.lower_ for t in words]
    if any(w not in _CONFIDENCE_ONLY and w not in _CONFIDENCE_TERMS for w in low) or \
            not any(w in _CONFIDENCE_TERMS for w in low):
        return None
    negated = any(t.dep_ == "neg" or t.lower_ in ("not", "n't") for t in words)
    sure = next((w for w in low if w in _SURE), None)
    if "no" in low and "doubt" in low:
        p, hedge = SCALES[scale]["certain"], "certain"  # "no doubt about it"
    elif sure is not None:
        # "I'm certain of that", "it's almost certain", "I'm fairly sure of it"; denied ("I'm
        # not sure about that") the outcome is an open question, as "not sure if X will" is
        if negated:
            term = "roughly even"
        else:
            term = next((_SURE_QUALIFIED[w] for w in low if w in _SURE_QUALIFIED),
                        "very likely" if sure == "confident" else "certain")
        p, hedge = SCALES[scale][term], term
    else:
        if not has_term(low):
            return None
        p, hedge = probability(low, negated=negated, scale=scale)
    if any(t.lemma_.lower() in JUDGING_VERBS | {"say"} and any(c.dep_ == "nsubj" for c in t.children)
           for t in words):
        p, hedge = short_of_certain(p, hedge, scale)  # "I'd say that's almost certain": a judgement
    return p, hedge


def _confirmed(doc, out: list, scale: str) -> list:
    """The forecasts of a paragraph, each sentence's that the next sentence only says how
    sure someone is of (:func:`confidence_after`: "The bank will cut rates in March. I'm
    certain of that.") at that probability, its span taken on to the end of that sentence;
    the follow-up no forecast of its own. Only a forecast that is its sentence whole, not
    one of two clauses nor odds given as a number."""
    sents = [s for s in doc.sents if s.text.strip()]
    for prev, nxt in zip(sents, sents[1:]):
        before = [f for f in out if f.sent_start == prev.start_char]
        if len(before) != 1 or before[0].start != before[0].sent_start or before[0].end != before[0].sent_end or \
                stated_odds(before[0].hedge) or before[0].end > nxt.start_char:
            continue
        found = confidence_after(nxt, scale)
        if found is None:
            continue
        f, (p, hedge) = before[0], found
        if f.hedge in ("cannot", "no") or f.hedge.endswith(" not"):
            # "The bank won't cut rates. I'm certain of that.": sure the thing will not come
            p, hedge = round(1.0 - p, 6), f"{hedge} not"
        b = nxt.end_char
        whole = doc.text
        while b > f.start and whole[b - 1].isspace():
            b -= 1
        f.end = f.sent_end = b
        f.statement, f.probability, f.hedge = whole[f.start:b], p, hedge
        out = [g for g in out if g.sent_start != nxt.start_char]
    return out


def _how_much(ent) -> bool:
    """"cut sailings by a quarter", "by half": a share, which the small model tags as a date."""
    return ent.root.lemma_.lower() in ("quarter", "half", "third", "fifth", "tenth") and \
        ent.root.head.lower_ == "by"


def _of_another_clause(ent, verb) -> bool:
    """Whether a time expression dates a clause beside the forecast's ("the strike ends
    after nine days, but the backlog will take weeks": the nine days are the strike's)."""
    if ent.root in verb.subtree:
        return False
    owner = next((a for a in ent.root.ancestors if a.pos_ in ("VERB", "AUX")), None)
    if owner is None or owner == verb:
        return False
    t = verb  # a frame above the forecast ("expects X to fall by June") dates it; a clause joined to it does not
    while t != owner and t.head != t:
        if t.dep_ == "conj":
            return True
        t = t.head
    return t != owner


def _describes(ent) -> bool:
    """Whether a time expression describes a thing rather than dates the outcome: "a
    three-week heatwave", "cheap midday solar power" say how long or when of a noun."""
    root = ent.root
    return root.dep_ in ("amod", "compound", "nmod", "nummod") and root.head.pos_ in ("NOUN", "PROPN") \
        and not ent.start <= root.head.i < ent.end


def judged(verb) -> bool:
    """Whether ``verb``'s clause is framed by someone's verb of judging: "I think [X will
    definitely win]", "she believes [it will]"."""
    return any(anc.lemma_.lower() in JUDGING_VERBS and any(c.dep_ == "nsubj" for c in anc.children)
               for anc in verb.ancestors)


def short_of_certain(p: float, hedge: str, scale: str) -> tuple[float, str]:
    """``p`` brought within "very unlikely" .. "very likely" on ``scale``: what a judgement
    (:func:`judged`) can say.

    >>> short_of_certain(0.97, "definitely", "icd203"), short_of_certain(0.4, "may", "icd203")
    ((0.875, 'definitely, judged'), (0.4, 'may'))
    """
    high, low = SCALES[scale]["very likely"], SCALES[scale]["very unlikely"]
    if p > high:
        return high, f"{hedge}, judged"
    if p < low:
        return low, f"{hedge}, judged"
    return p, hedge


def _second_clause(sent, verb, heads, words, negated, scale):
    """The sentence as two forecasts, when a clause beside the forecast's own, with a
    subject of its own or a modal verb of its own, points to the future too: ``[(start
    token, end token, probability, hedge, whether it shares the first's subject), ...]`` for
    the two clauses in order; else None.

    Two outcomes are two forecasts even under one hedge ("prices will rise and wages
    will rise too"): one can come true without the other, and the ledger scores each.

    The other clause comes after the forecast's ("X will almost certainly widen, but Y
    might end") or before it, up to a semicolon or colon ("I doubt we will reach X;
    the problem will take years"). The clauses are cut where the second begins, its
    conjunction and punctuation left between them; each takes the hedge adverbs in its
    own words.
    """
    doc = sent.doc
    # The clauses beside the root, and those joined to the forecast's own verb ("the
    # decision was almost certainly X, and rates are likely to Y"), and a ", which" that
    # goes on from the forecast's clause with a modal of its own ("will squeeze supply,
    # which will likely boost prices": the squeeze is as sure as "will", the rise "likely").
    going_on = [t for t in doc[verb.i + 1:sent.end] if t.dep_ == "relcl" and t.pos_ in ("VERB", "AUX")
                and verb in t.ancestors and any(c.dep_ == "nsubj" and c.lower_ == "which" and c.i > sent.start
                                                and doc[c.i - 1].is_punct for c in t.children)]
    for other in [*heads, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")), *going_on]:
        if other == verb:
            continue
        if not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in other.children) and not (
                other.dep_ == "conj" and other.head == verb and
                any(c.dep_ == "aux" and c.lower_ in _OWN_MODALS for c in other.children) and
                any(t.dep_ == "cc" and t.lower_ in ("but", "yet") for t in doc[verb.i:other.i])):
            # (a verb set against the forecast's with a "but" and a modal of its own is an
            # outcome of its own, the subject shared: "prices will probably rise this year but
            # could fall back"; joined with an "and" it goes on with the same one: "the bill
            # would curb press freedom and could force outlets to close")
            continue
        after = other.i > verb.i and other.dep_ in ("conj", "parataxis", "relcl")
        before = other.i < verb.i and other.dep_ in ("ccomp", "parataxis", "conj") and \
            other.left_edge.i == sent.start and other.right_edge.i < verb.i and \
            any(t.text in (";", ":") or t.lower_ == "so" and t.head == verb for t in doc[other.right_edge.i + 1:verb.i])
        # ("X is likely to peak, so enrollment will shrink": the parser hangs the first clause
        # on the second, and each has its own hedge)
        if not (after or before):
            continue
        w2, f2, n2 = _clause_marks(other)
        if not f2 or only_dependence(other):
            continue  # ("..., and the rest will depend on the harvest": what it turns on, no outcome)
        cut = other.left_edge.i if after else other.right_edge.i + 1
        end1 = cut
        while end1 > sent.start + 1 and (doc[end1 - 1].is_punct or doc[end1 - 1].dep_ == "cc"):
            end1 -= 1
        start2 = cut
        while start2 < sent.end - 1 and (doc[start2].is_punct or doc[start2].dep_ == "cc" or doc[start2].is_space
                                         or doc[start2].lower_ == "so"):  # ("..., so Y will": the Y)
            start2 += 1
        end2 = sent.end
        while end2 > start2 + 1 and doc[end2 - 1].is_space:
            end2 -= 1
        (w_a, n_a), (w_b, n_b) = ((words, negated), (w2, n2)) if after else ((w2, n2), (words, negated))
        first = w_a + [t.lower_ for t in doc[sent.start:end1] if t.lower_ in HEDGE_ADVERBS
                       and t.dep_ == "advmod" and t.lower_ not in w_a]
        second = w_b + [t.lower_ for t in doc[start2:end2] if t.lower_ in HEDGE_ADVERBS
                        and t.dep_ == "advmod" and t.lower_ not in w_b]
        p1, h1 = probability(first, negated=n_a, scale=scale)
        p2, h2 = probability(second, negated=n_b, scale=scale)
        if end1 <= sent.start:
            return None
        # A condition before the verbs that share a subject is both clauses' ("if demand holds,
        # prices will rise and could double"): what the second hangs on too.
        # So is one before a ", which" that goes on from the first clause.
        shared = other.dep_ == "relcl" or not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in other.children)
        return [(sent.start, end1, p1, h1, False), (start2, end2, p2, h2, shared)]
    return None


#: Modal verbs by which a verb joined to the forecast's says a hedge of its own.
_OWN_MODALS = FUTURE_AUX | _POSSIBLE | {"would", "'d", "’d", "’ll"}


def _clause_marks(verb):
    """:func:`_future_marks` of a clause, or of the clause it frames: "I doubt [we will
    reach X]" is that clause, doubted; "I don't think [X will]" is X, denied."""
    words, future, negated = _future_marks(verb)
    if future:
        return words, future, negated
    inner = next((c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")
                  and _future_marks(c)[1]), None)
    if inner is None:
        return words, False, negated
    words, future, negated = _future_marks(inner)
    lemma = verb.lemma_.lower()
    if lemma == "doubt":
        words = ["doubt", *words]
    elif lemma in _OPINION_VERBS and any(c.dep_ == "neg" for c in verb.children):
        negated = not negated
    return words, future, negated


#: Verbs of belief whose negation denies the forecast they introduce ("I don't think X will").
_OPINION_VERBS = frozenset("think believe expect see reckon imagine suppose guess anticipate foresee".split())
#: Verbs by which someone gives a forecast as their own judgement ("I think", "I reckon"): see :func:`judged`.
JUDGING_VERBS = _OPINION_VERBS | {"feel"}

_YES = {"yes", "yeah", "sure", "definitely", "certainly", "absolutely", "surely", "probably", "likely",
        "possibly", "perhaps", "maybe", "undoubtedly", "inevitably", "exactly", "right", "correct", "indeed"}
_NO = {"no", "not", "never", "unlikely", "doubt", "hardly", "nope"}
#: Verbs of a belief an answer gives as its own ("I think so", "I don't believe so").
_OPINING = {"think", "reckon", "believe", "suspect"}
#: A statement put as a question by its tag: "it'll cost more, right?", "..., won't it?".
_TAG_QUESTION = re.compile(r",\s*(?:right|correct|no|yes|surely|(?:is|are|was|were|will|would|won['’]t|"
                           r"isn['’]t|aren['’]t|wouldn['’]t|doesn['’]t|don['’]t)\s+"
                           r"(?:it|they|there|you|he|she|we))\s*\?\s*$", re.I)
_YN_START = {"is", "are", "will", "would", "could", "can", "do", "does", "did", "should", "has", "have",
             "may", "might", "was", "were", "shall"}


def answered_forecast(question_doc, answer_doc, scale: str = "icd203"):
    """A yes/no question about the future and the hedged answer that follows it.

    "Is this going to happen again?" / "Almost certainly, yes." is a forecast that
    it will happen, almost certain. Returns ``(question_sentence, answer_sentence,
    probability, hedge)`` or None.

    >>> from cogmap.extract.nlp import load
    >>> q, a = load()("Will prices rise next year?"), load()("Probably not. Demand is weak.")
    >>> r = answered_forecast(q, a)
    >>> (r[0].text, r[1].text, r[2], r[3])
    ('Will prices rise next year?', 'Probably not.', 0.325, 'probably not')
    """
    sents = [s for s in question_doc.sents if s.text.strip()]
    if not sents or not answer_doc.text.strip():
        return None
    q = sents[-1]
    # Skip a blanked speaker label or a dash before the question's first word.
    first = next((t for t in q if not (t.is_space or t.is_punct)), None)
    if first is None:
        return None
    q = q.doc[first.i: q.end]
    qlow = q.text.lower().lstrip("-–— ")
    if qlow.startswith(("how likely", "how probable", "what are the chances", "what are the odds",
                        "what is the probability", "what is the likelihood", "what is the chance")):
        # "How likely is an early election?" / "Roughly even, I would say."
        a = next(s for s in answer_doc.sents if s.text.strip())  # (not a blanked speaker tag)
        low = a.text.lower()
        m = _PERCENT.search(a.text)
        if m and 0 <= _percent(m) <= 100:
            return q, a, round(_percent(m) / 100, 4), m.group(0)
        for phrase in _PHRASES + ("unlikely", "likely", "probable", "improbable", "remote"):
            if re.search(rf"\b{re.escape(phrase)}\b", low):
                key = _PHRASE_TERMS.get(phrase, phrase)
                table = SCALES[scale]
                if key in table:
                    return q, a, table[key], phrase
        return None
    tagged = _TAG_QUESTION.search(q.text) is not None
    if not q.text.rstrip().endswith("?") or q[0].lower_ not in _YN_START and not tagged:
        return None
    words, future, _ = _future_marks(q.root)
    if tagged and not future:
        # "..., but by the time it's finished it'll be a little bit more, right?": the
        # statement the tag asks to confirm, in whichever clause says what will be
        future = any(_future_marks(v)[1] for v in q
                     if v.pos_ in ("VERB", "AUX") and v.dep_ in ("conj", "ccomp", "ROOT"))
    if not future and q[0].lower_ not in ("will", "would", "could", "might", "may", "shall") and \
            not any(t.lower_ in ("going", "likely", "chance", "possible") for t in q):
        return None
    a = next(s for s in answer_doc.sents if s.text.strip())  # (not a blanked speaker tag)
    toks = [t.lower_ for t in a if t.is_alpha] + ["not" for t in a if t.lower_ in ("n't", "n’t")]
    # "Almost certainly, yes." / "Probably not." / "I doubt it." / "I think so.": a short reply,
    # not a sentence of its own.
    if not toks or len(toks) > 5 or not (set(toks) & (_YES | _NO | _OPINING)):
        return None
    if any(t.pos_ in ("VERB", "AUX") and t.lower_ not in ("doubt", "think", "say", "would", "do", "'d", "ca",
                                                          "reckon", "believe", "suspect")
           for t in a):
        return None
    if re.search(r"\b(?:no|not a) (?:chance|way|hope)\b", " ".join(toks)):
        return q, a, SCALES[scale]["no chance"], "no chance"  # "No chance." / "Not a chance."
    if set(toks) & _OPINING and not set(toks) & (_YES - {"yes", "yeah", "sure"}):
        # "I think so." / "I don't think so.": a belief, so likely or unlikely, not certain
        term = "unlikely" if "not" in toks or "no" in toks else "likely"
        return q, a, SCALES[scale][term], a.text.strip().rstrip(".!")
    negated = bool(set(toks) & _NO) and "unlikely" not in toks and "doubt" not in toks
    hedge_words = [w for w in toks if w in _YES | {"unlikely", "doubt", "almost", "very", "highly"}]
    if not hedge_words:
        hedge_words = ["will"]
    p, hedge = probability(hedge_words, negated=negated, scale=scale)
    if negated and hedge.endswith(" not") and hedge.startswith("will"):
        hedge = "no"
    return q, a, p, hedge

