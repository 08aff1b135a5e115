"""Structure: turns (question, answer, narration), quotes, and who said them.

A printed interview alternates the interviewer's turns (unquoted paragraphs,
usually ending in "?", sometimes short prompts or ``Q:``/``-`` labelled) with
the interviewee's answers, often after a narrative introduction. News prose
attributes words with a speech verb ("X said", "says X", "X told Y", "according
to X"). Name variants of one person ("Jane Roe", "Ms Roe", "Roe", "she" in her
quote) resolve to one speaker.

Examples
--------
>>> from cogmap.extract.clean import clean
>>> from cogmap.extract.nlp import parse
>>> c = clean('"Prices will rise," said Jane Roe, an economist.\\n\\nRoe added that demand is weak.')
>>> s = structure(c, parse([c.text[a:b] for a, b in c.paragraphs]))
>>> [(q.speaker, q.text) for q in s.quotes][:1]
[('Jane Roe', 'Prices will rise')]
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Optional

from cogmap.extract.clean import ASKING, Cleaned
from cogmap.records import Quote, Turn

__all__ = ["SPEECH_VERBS", "Structure", "People", "structure"]

#: Verbs that report speech or a stated view; their subject is the speaker.
SPEECH_VERBS = frozenset(
    "say tell add warn note explain argue write claim predict insist stress state believe think "
    "reckon expect estimate suggest observe remark comment assert contend maintain acknowledge admit "
    "forecast caution emphasize emphasise answer reply respond conclude declare announce point agree concede "
    "describe dub worry fear doubt "
    "reaffirm affirm reiterate confirm underline underscore highlight testify recall mention report "
    "allege".split())  # "X described tariffs as the 'most beautiful word'" quotes X
#: Verbs of opinion report speech only with a clause ("she thinks that ..."), not alone.
_NEEDS_CLAUSE = frozenset("think believe reckon expect estimate suggest observe forecast predict point "
                          "agree worry fear doubt "
                          # ("confirmed the deal", "highlighted the risks": no words of theirs)
                          "confirm underline underscore highlight recall mention report".split())
#: Verbs that state whose reading a cause is: "Officials attributed the rise to smoke",
#: "analysts blame the drought for it": the subject holds the link.
_ATTRIBUTING = frozenset("attribute blame credit".split())
_TITLES = frozenset("mr mr. mrs mrs. ms ms. dr dr. prof prof. professor sir president minister senator".split())
#: A recording's time before a speaker tag: "[00:12:31] MARIA OKAFOR:", "(12:31) Host:".
TIMESTAMP = r"(?:[\[(]?\d{1,2}(?::\d{2}){1,2}[\])]?\s+)?"
# (A part or a firm may follow the name in brackets: "Anand Kohli (CFO):", "Peter Lowry
# (Brightwater Securities):"; the name is the label.)
# A script may give the person and the shot after a part: "REPORTER (TOM ASHBY) (V/O):". A
# court transcript marks its turns "Q." and "A." (a lone letter and a stop, no colon).
# A parliamentary record numbers a tabled question before its member: "1. Mrs Ann Lee (Tollby) (Lab):".
# A broadcast transcript gives a part after a comma, in capitals: "LEILA OWEN, HOST:", or
# after a name in capitals, as it is written: "ANN LEE, Teacher:", "BO RAY, Director, Tollby
# School:" (a name in capitals is what tells it from a sentence's "Still, Analysts Warn:").
_LABEL = re.compile(r"^" + TIMESTAMP + r"(?:\d{1,3}\.\s+(?=(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Baroness)\.?\s))?"
                    r"(?P<label>[A-Z][\w.'’&\- ]{0,24}?)(?P<part>(?:\s+\([^()\n]{1,60}\)){1,3}"
                    r"|,\s+[A-Z][A-Z.'’&\- ]{1,30}(?=\s*:)"
                    r"|(?<=[A-Z][A-Z]),\s+[A-Z][\w.'’&\- ]{1,30}(?:,\s+[A-Z][\w.'’&\- ]{1,40})?(?=\s*:))?"
                    r"(?:\s*:|(?<=[QA])(?<![\w.'’&\- ][QA])\.)\s+(?=\S)")
#: An office and its holder in brackets, as a parliamentary record labels a minister's first
#: turn: "The Minister for Health (Mr Bo Ray):"; the holder is the voice, who is "Mr Ray:" after.
_HOLDER_LABEL = re.compile(r"^(?:\d{1,3}\.\s+)?(?:The\s+)?[A-Z][\w'’-]*(?:\s+[\w'’,&-]+){0,10}?\s+"
                           r"\((?P<label>(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Baroness|Professor|Prof)\.?"
                           r"(?:\s+[A-Z][\w.'’-]*){1,3})\)(?P<part>)\s*:\s+(?=\S)")


#: What opens a question as its tag: a name or an outlet's with a colon, or a numbered "Q1.".
_QUESTION_TAG = re.compile(r"^(?:[A-Z][\w.'’&!\- ]{0,24}?\s*:|Q\s?\d{1,2}\s*[.:)])\s+(?=\S)")


#: What may stand between a sentence and a quotation that follows it.
_QUOTE_MARKS = " \t\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e"


def _turn_label(paragraph: str):
    """The match of a paragraph's speaker tag (groups ``label`` and ``part``), or None."""
    return _LABEL.match(paragraph) or _HOLDER_LABEL.match(paragraph)


#: A witness's heading in an inquiry's or a court's transcript: "DR JANE ROE (sworn)", "Jane
#: Roe (affirmed)": the one who answers the "A." turns that follow.
_WITNESS = re.compile(r"^(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,5})\s*\((?:affirmed|sworn|sworn in|"
                      r"re-?called|on (?:former )?oath|under oath)\)\s*$", re.I)
#: Who puts the questions to a witness: "Examined by MR JOHN DOE, Counsel to the Inquiry".
_EXAMINER = re.compile(r"^(?:(?:further |cross[- ]|re-?)?examined|questioned)\s+by\s+"
                       r"(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,5})\s*(?:,|\(|$)", re.I)
#: Titles a turn label may put before a surname ("JUDGE PASHLEY:", "GOVERNOR VARRO:").
_LABEL_TITLES = frozenset("mr mrs ms miss dr prof professor sir dame lord lady judge justice governor deputy "
                          "councillor cllr senator minister president chairman chairwoman rev father "
                          "general colonel captain director mayor commissioner secretary inspector chief "
                          "superintendent ambassador".split())
_DASH = re.compile(r"^[-–—]\s+")
#: How a writer answers their own question in the next breath: "Because ...", "Yes.", "Far more than X."
_SELF_ANSWER = re.compile(r"^(because\b|yes\b|no\b|not\b|mostly\b|partly\b|far\b|hardly\b|sadly\b|of course\b)",
                          re.I)
#: A named person's view, reported: "Ines Walcott, who covers the sector, thinks", "Walcott expects".
_VIEW_REPORTED = re.compile(r"\b[A-Z][a-z’'-]+(?:\s[A-Z][a-z’'-]+)?(?:,[^,.]{3,90},)?\s+(?:also\s+)?"
                            r"(?:says|said|thinks|thought|expects|expected|believes|argues|argued|warns|warned|"
                            r"reckons|predicts|predicted|suspects|doubts|estimates|insists)\b")
_BULLET_MARK = re.compile(r"^\s*(?:[-–•*·▪]|\d{1,2}[.)])\s+")
_QUOTE_PAIRS = {"“": "”", "«": "»", "„": "“", '"': '"'}
#: How an answer reacts to the interviewer's statement: "That is a myth", "Yes, ...".
_REACTION = re.compile(r"^(that(?:'s|’s| is| was)|yes\b|no\b|not really|not quite|well\b|indeed\b|true\b|"
                       r"right\b|exactly\b|i disagree|i agree|absolutely\b|of course|certainly\b)", re.I)
#: A view put down to others, unnamed: "Some observers expect ...", "Critics say ...".
_HEARSAY = re.compile(r"^(?:(?:some|many|most|other|several|a few|few)\b[\w\s,-]{0,30}?|"
                      r"(?:critics|observers|analysts|experts|sceptics|skeptics|economists|officials|opponents)\s+)"
                      r"(?:say|expect|argue|believe|think|fear|warn|predict|claim|suggest|worry)\b", re.I)
#: An answer that opens on the speaker's own stance: "I think ...", "We expect ...".
_FIRST_PERSON = re.compile(r"^(?:I|I'm|I’m|I'd|I’d|We|We're|We’re|My|Our)\b")
#: "Some people say", "many believe": hearsay, not a speaker one could score.
_ANYONE = frozenset("people person others other one someone somebody everyone everybody many some most "
                    "all few nobody".split())
_PRONOUNS = frozenset("he she him her they them".split())
#: Pronouns of part of a group: "some of the economists".
_PART_OF = frozenset("some many most few several others all both".split())


@dataclass
class People:
    """Name variants of people resolved to one canonical name each."""

    canonical: dict[str, str] = field(default_factory=dict)  # lowercase variant -> canonical
    mentions: list[tuple[int, str]] = field(default_factory=list)  # (char offset, canonical)

    def add(self, name: str) -> None:
        toks = [t for t in name.replace("’s", "").replace("'s", "").split() if t.lower() not in _TITLES]
        if not toks:
            return
        full = " ".join(toks)
        surname = toks[-1].lower()
        current = self.canonical.get(surname)
        if current is None or (len(full) > len(current) and current.split()[-1].lower() == surname):
            for k, v in list(self.canonical.items()):
                if v == current and current is not None:
                    self.canonical[k] = full
            self.canonical[surname] = full
        self.canonical[full.lower()] = self.canonical[surname]

    def merge_first_names(self) -> None:
        """A lone first name ("Jane") joins the one full name that starts with it."""
        fulls = {v for v in self.canonical.values() if len(v.split()) > 1}
        for k, v in list(self.canonical.items()):
            if len(v.split()) == 1:
                owners = {f for f in fulls if f.split()[0].lower() == v.lower()}
                if len(owners) == 1:
                    self.canonical[k] = owners.pop()

    def resolve(self, name: str) -> Optional[str]:
        toks = [t for t in name.replace("’s", "").replace("'s", "").split() if t.lower() not in _TITLES]
        if not toks:
            return None
        key = " ".join(toks).lower()
        return self.canonical.get(key) or self.canonical.get(toks[-1].lower())

    def resolve_label(self, label: str) -> Optional[str]:
        """A Q&A label: a surname, a first name, or initials ("DR" for David Roe)."""
        lab = label.strip().rstrip(".").lower()
        words = lab.split()
        while len(words) > 1 and words[0].rstrip(".") in _LABEL_TITLES:
            words = words[1:]  # "JUDGE PASHLEY", "DEPUTY GOVERNOR OKWU": the surname
        lab = " ".join(words)
        names = set(self.canonical.values())
        for n in names:
            parts = n.split()
            if lab in (n.lower(), parts[-1].lower(), parts[0].lower()):
                return n
        for n in names:
            parts = n.split()
            if len(lab) >= 2 and lab == "".join(p[0] for p in parts).lower():
                return n
        return None

    def last_before(self, pos: int) -> Optional[str]:
        best = None
        for off, name in self.mentions:
            if off < pos:
                best = name
            else:
                break
        return best


@dataclass
class Structure:
    turns: list[Turn]
    quotes: list[Quote]
    people: People
    interviewee: Optional[str] = None
    interviewer: Optional[str] = None
    #: (start, end, speaker) of sentences whose main verb reports speech.
    attributions: list[tuple[int, int, str]] = field(default_factory=list)
    #: Each answer paragraph as a quote of the interviewee, and each labelled question as its
    #: asker's (kept apart from ``quotes``, which say who speaks *inside* an answer: "As the
    #: minister said, '...'").
    answers: list[Quote] = field(default_factory=list)
    #: The writer of a piece with no interview (its byline): who "I" and "we" are outside quotes.
    author: Optional[str] = None
    #: Whether the writer speaks in the first person outside quotes (an opinion piece, a
    #: column): then the piece's unattributed sentences are the writer's claims too.
    voiced: bool = False

    def all_quotes(self) -> list[Quote]:
        """Quotes and answers, in text order: what a document lists as said."""
        return sorted(self.quotes + self.answers, key=lambda q: (q.start, q.end))


#: Lower-case particles inside names ("Marieke de Vries", "Ludwig van Loon", "Omar bin Said").
_NAME_PARTICLES = frozenset("de da di du del della der den van von ten ter le la bin ibn al el dos das".split())


def _particle_name(ent) -> bool:
    """Whether an entity the small model did not call a person is a name with a particle,
    introduced as someone ("Marieke de Vries, a logistics economist, ..."): the lower-case
    particle is what throws the model, which then reads an organisation."""
    toks = [t for t in ent if not t.is_punct]
    if len(toks) < 3 or not (toks[0].is_title and toks[-1].is_title):
        return False
    if not all(t.is_title or t.lower_ in _NAME_PARTICLES and t.is_lower for t in toks):
        return False
    if not any(t.lower_ in _NAME_PARTICLES and t.is_lower for t in toks[1:-1]):
        return False
    return _introduced(ent.root)


def _introduced(tok) -> bool:
    """Whether a name is introduced as someone: it has an appositive role ("X, a port
    economist, ...") or says something ("X said", "X spoke to us")."""
    return any(c.dep_ == "appos" and c.pos_ == "NOUN" for c in tok.children) or \
        tok.dep_ == "nsubj" and tok.head.lemma_.lower() in SPEECH_VERBS


def _taken_up_as_person(tok) -> bool:
    """Whether the subject of a sentence is taken up by "she", "he", "her" or "his" at the
    start of the next ("Ines Valtorta has spent years on the ice. Her survey found ..."):
    a firm or a place is "it" or "its"."""
    if tok.dep_ != "nsubj":
        return False
    after = tok.sent.end
    return after < len(tok.doc) and tok.doc[after].lower_ in ("she", "he", "her", "his")


def _in_a_place(ent) -> bool:
    """Whether a name the tagger calls a person stands where a place does: after "in",
    "at", "near" ("her office in Lindau-am-Berg"), not as anyone's ("in Lee's view")."""
    root = ent.root
    return root.dep_ == "pobj" and root.head.lower_ in ("in", "at", "near", "outside", "across", "throughout") \
        and not any(t.dep_ == "case" for t in root.children)


def _untagged_names(doc) -> list:
    """Names the small model tagged as no entity at all ("Ana Ruiz, a port economist,
    spoke to us"): two to four title-case proper nouns, introduced as someone."""
    tagged = {t.i for ent in doc.ents for t in ent}
    out = []
    for tok in doc:
        if tok.pos_ != "PROPN" or tok.i in tagged or tok.dep_ == "compound" or \
                not (_introduced(tok) or _taken_up_as_person(tok)):
            continue
        parts = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < tok.i] + [tok]
        if 2 <= len(parts) <= 4 and all(t.is_title and t.is_alpha for t in parts) and \
                parts[-1].i - parts[0].i == len(parts) - 1:
            out.append(doc[parts[0].i: tok.i + 1])
    return out


def _collect_people(cleaned: Cleaned, docs) -> People:
    people = People()
    found = []
    for (start, _), doc in zip(cleaned.paragraphs, docs):
        for ent in [*doc.ents, *_untagged_names(doc)]:
            if (getattr(ent, "label_", "") in ("PERSON", "") or _particle_name(ent)) and \
                    any(t.is_alpha and t.text[:1].isupper() for t in ent) and not _in_a_place(ent):
                text = ent.text.strip(" ,.’'")
                if text:
                    found.append((start + ent.start_char, text))
    places = {ent.text for doc in docs for ent in doc.ents
              if ent.label_ in ("GPE", "LOC", "NORP", "ORG") and not _particle_name(ent)}
    found = [(off, t) for off, t in found if t not in places and len(t) > 2]
    # Longer names first, so "Roe" resolves to "Jane Roe" wherever it appears.
    for _, text in sorted(found, key=lambda x: -len(x[1].split())):
        people.add(text)
    people.merge_first_names()
    people.mentions = sorted((off, people.resolve(t) or t) for off, t in found)
    return people


#: ``me`` of :func:`_speaker_from_token` when "I" is read as the last person named (an
#: interview's narration, where the interviewee's words are reported).
_LAST_NAMED = object()
#: Who "I" is in an answer while the interviewee is not known yet: replaced once the
#: narration has named them (a string, since it passes through Quote records).
_ANSWERER = "\u2063answerer"


#: What "according to" may cite that is no one's words: figures and documents.
_RECORDS = frozenset("data figure statistic number estimate survey poll record filing calculation projection "
                     "document study report analysis census tally count".split())
#: What a study finds, which speaks for the ones who made it ("our results suggest").
_FINDINGS = frozenset("result finding evidence model simulation research work paper".split())


_CITED_NAME = r"(?:(?:de|da|van|von|der|den|le|la|al|el|ten|ter)\s+)*[A-Z][\w’'-]+"
#: The authors of a cited work: "Okonjo", "Okonjo and Lindqvist", "Okonjo, Lee & Park",
#: "Mendes et al.", as a text cites them before the year.
_AUTHORS = (rf"(?P<authors>{_CITED_NAME}(?:,\s+{_CITED_NAME}(?=,|\s+(?:and|&)\s))*"
            rf"(?:,?\s+(?:and|&)\s+{_CITED_NAME})?(?:\s+et\s+al\.?)?)")
_YEAR = r"(?:1[89]|20)\d{2}[a-z]?(?:,\s*pp?\.\s*[\d–-]+)?"
#: A citation: the authors, then the year in brackets ("Okonjo and Lindqvist (2022)").
_CITED = re.compile(_AUTHORS + rf"\s+\({_YEAR}\)")
#: What a cited work does when it is the subject: "(2022) show that", "(2021) also finds that".
_CITED_VERB = re.compile(r"\s+(?:also\s+|further\s+|recently\s+)?"
                         r"(?P<verb>(?:show|find|argue|report|demonstrate|document|estimate|conclude|suggest|note|"
                         r"observe|confirm|establish|reveal|claim|predict|propose|calculate|warn|write|contend|state|"
                         r"say|explain|attribute|blame)(?:s|es|ed|d|n)?|found|wrote|said)\b")
#: A citation in brackets that closes a sentence: "Rents push families out (Okonjo and
#: Lindqvist, 2022)." The sentence is the cited authors' finding.
_CITED_AFTER = re.compile(r"\(" + _AUTHORS + rf",?\s+{_YEAR}\)" + r"\s*[.!]?[\"”’']?\s*$")


def _cited_authors(span) -> Optional[str]:
    """The authors a citation in ``span`` names ("Okonjo and Lindqvist" of "a study by Okonjo
    and Lindqvist (2022)"), when the span has one citation; else None."""
    found = {m.group("authors") for m in _CITED.finditer(span.text)}
    return found.pop() if len(found) == 1 else None


def _cited_finding(sent, outside=None, base: int = 0):
    """A sentence that gives a cited work's finding, and whose it is: (the verb token, the
    authors). "Okonjo (2021) finds that rent control cuts supply" and "As Okonjo (2021)
    shows, ..." are Okonjo's claims, whatever the parser makes of the citation's brackets;
    so is the whole of "Rents push families out (Okonjo and Lindqvist, 2022)." (then the
    verb token is the sentence's root)."""
    text = sent.text
    for m in _CITED.finditer(text):
        v = _CITED_VERB.match(text, m.end())
        if v is None:
            continue
        at = sent.start_char + v.start("verb")
        verb = next((t for t in sent if t.idx == at), None)
        if verb is not None and not (outside and outside(base + verb.idx)):
            return verb, m.group("authors")
    m = _CITED_AFTER.search(text)
    if m and not (outside and outside(base + sent.start_char + m.start())):
        return sent.root, m.group("authors")
    return None


def _speaker_from_token(tok, people: People, pos: int, recent: Optional[str] = None,
                        me=_LAST_NAMED) -> Optional[str]:
    """The speaker a subject token names: a person, a pronoun's antecedent, or a noun phrase.

    A pronoun that reports speech most often refers to the last person who spoke,
    so that comes before the last person merely mentioned. "I" and "we" outside quotes
    are ``me``: in a piece with no interview turns, the writer (the byline's name, or
    no one known), never someone the writer mentions.
    """
    if tok.lower_ in ("i", "we") and me is not _LAST_NAMED:
        return me
    if tok.lemma_.lower() in _RECORDS | _FINDINGS and any(c.dep_ == "poss" and c.lower_ in ("our", "my")
                                                         for c in tok.children):
        # "Our results suggest ...": the writers' own work speaks for them, as "we" would
        return None if me is _LAST_NAMED else me
    if tok.lower_ in _PRONOUNS or tok.lower_ == "i":
        if tok.lower_ in ("they", "them"):
            return None
        if tok.lower_ in ("he", "she"):
            # "Chikwanha is blunter: he predicts ...": the person the sentence has just named
            # as a subject, before the last one who spoke.
            start = tok.sent.start
            if start > 0 and tok.doc[start - 1].text == ":":
                start = tok.doc[start - 1].sent.start  # (the parser may end a sentence at the colon)
            before = [t for t in tok.doc[start:tok.i]
                      if t.dep_ == "nsubj" and t.ent_type_ == "PERSON" and t.pos_ == "PROPN"]
            ent = next((e for e in tok.doc.ents if before and e.start <= before[-1].i < e.end), None)
            if ent is not None:
                return people.resolve(ent.text) or ent.text
        return recent or people.last_before(pos)
    span = tok.doc[tok.left_edge.i: tok.right_edge.i + 1]
    cited = _cited_authors(span) if len(span) <= 20 else None
    if cited:
        return cited  # "Mendes et al. (2019) argue", "a paper by Okonjo (2021) notes": the cited authors
    # The one the phrase names before whose they are: "Vasko's lawyer, Daniel Rusu, said" is
    # Rusu's word. (Without a name, "Carvalho's team expects" stays Carvalho's.)
    # (Not whose the one is: "the minister's adviser Ana Ruiz said" is Ruiz's word, not the
    # minister's.)
    named = sorted((ent for ent in span.ents if ent.label_ == "PERSON"),
                   key=lambda ent: 0 if ent.root.dep_ == "appos" or ent.start <= tok.i < ent.end else
                   2 if ent.root.dep_ == "poss" else 1)
    if named:
        return people.resolve(named[0].text) or named[0].text
    if tok.pos_ == "PROPN":
        name = people.resolve(span.text) or people.resolve(tok.text)
        if name:
            return name
    # A role without a name: "an energy analyst", "experts"; a part of a group: "some of my
    # former colleagues", whose "of" phrase says who.
    while len(span) > 1 and (span[0].dep_ in ("det", "punct", "predet") or span[0].is_space):
        span = span[1:]
    # "Fishermen here", "officials there too": where or when they speak is no part of who.
    while len(span) > 1 and span[-1] != tok and (span[-1].dep_ == "advmod" and span[-1].head == tok or
                                                 span[-1].is_punct):
        span = span[:-1]
    group = tok.pos_ in ("PRON", "ADJ", "DET") and tok.lower_ in _PART_OF and any(
        p.lower_ == "of" and any(o.pos_ in ("NOUN", "PROPN") for o in p.children) for p in tok.children)
    if (tok.pos_ in ("NOUN", "PROPN") or group) and len(span) <= 8 and (group or tok.lemma_.lower() not in _ANYONE):
        return span.text
    return None


def _speech_verb_speaker(sent, people: People, base: int, outside=None,
                         recent: Optional[str] = None, has_quote=None, me=_LAST_NAMED) -> Optional[tuple[object, str]]:
    """Find a speech verb in ``sent`` (outside quoted ranges) and the speaker it names
    (``me``: who "I" is, see :func:`_speaker_from_token`)."""
    cited = _cited_finding(sent, outside, base)
    if cited and cited[0] is not sent.root:
        return cited  # "Okonjo (2021) finds that ...": a work cited as its finding's subject
    for tok in sent:
        # (not in a relative clause: "dolphins, which many fishermen blame for the losses",
        # names no one whose words come next)
        attributing = tok.lemma_.lower() in _ATTRIBUTING and tok.dep_ not in ("relcl", "acl") and any(
            c.dep_ == "dobj" and c.tag_ not in ("WDT", "WP") for c in tok.children) and any(
            c.dep_ == "prep" and c.lower_ in ("to", "for") for c in tok.children)
        if tok.pos_ not in ("VERB", "AUX") or tok.lemma_.lower() not in SPEECH_VERBS and not attributing:
            continue
        if outside and outside(base + tok.idx):
            continue
        if tok.lemma_.lower() == "add" and any(c.dep_ == "dobj" for c in tok.children):
            continue  # "does this policy add homes": adding a thing, not words
        if tok.lemma_.lower() not in ("say", "tell") and not attributing and \
                not any(c.dep_ == "ccomp" for c in tok.children) and \
                tok.dep_ != "parataxis" and (  # "X, he argued, will Y" reports the sentence around it
                tok.lemma_.lower() in _NEEDS_CLAUSE or not (has_quote and has_quote(sent))):
            continue  # "the operator adds storage" reports nothing; "..., she added." does
        # (Of two subjects the parser hangs on one verb, "the minister's adviser Ana Ruiz said"
        # read as "adviser" and "Ruiz", the name next to the verb heads the phrase; "Dr. Lee,
        # you have argued" is read as "Lee" and "you", and Lee is the one who argued.)
        subjects = [c for c in tok.children if c.dep_ == "nsubj"]
        subj = next((c for c in reversed(subjects) if c.i < tok.i and c.pos_ == "PROPN"), None) \
            if len(subjects) > 1 else None
        subj = subj or next(iter(subjects), None)
        if subj is None and tok.dep_ == "conj":
            # "X called it a loop and warned that it could deepen": the warning is X's too
            subj = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if subj is None:
            continue
        if tok.lemma_.lower() in ("explain", "mean") and subj.pos_ != "PRON" and \
                subj.ent_type_ not in ("PERSON", "ORG", "NORP") and not people.resolve(subj.text):
            continue  # "Those costs explain why families left": a cause, not a speaker
        name = _speaker_from_token(subj, people, base + subj.idx, recent, me)
        if name:
            return tok, name
    # "according to X"
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.nbor(1).lower_ == "to":
            pobjs = [c for c in tok.nbor(1).children if c.dep_ == "pobj"]
            # "according to the regulator's chair, Tobias Renn": the person the role is (an
            # apposition, or a second object the small parser hangs on "according")
            named_as = [c for p in pobjs for c in p.children if c.dep_ == "appos"] + \
                [c for c in tok.children if c.dep_ in ("pobj", "appos")]
            pobjs = [c for c in named_as if people.resolve(c.text)] + pobjs
            for pobj in pobjs:
                left, right = pobj.left_edge.idx, pobj.right_edge.idx + len(pobj.right_edge)
                cited = next((m.group("authors") for m in _CITED.finditer(sent.text)
                              if left <= sent.start_char + m.start() < right), None)
                if cited:
                    return tok, cited  # "according to a survey by Mendes et al. (2019)"
                if pobj.lemma_.lower() in _RECORDS or pobj.lower_ in _RECORDS:
                    continue  # "according to finance ministry data": figures, not anyone's words
                if pobj.dep_ in ("pobj", "appos"):
                    name = _speaker_from_token(pobj, people, base + pobj.idx, recent)
                    if name:
                        return tok, name
    return cited  # "Rents push families out (Okonjo and Lindqvist, 2022).", or None


def _find_quotes(text: str, start: int) -> list[tuple[int, int]]:
    """Spans (absolute offsets, inside the marks) of quoted passages in one paragraph."""
    spans = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        close = _QUOTE_PAIRS.get(ch)
        if close is None:
            i += 1
            continue
        if ch == '"' and i > 0 and text[i - 1].isalnum():
            i += 1
            continue
        # A second opening mark before the close is a typing slip or a nested quote:
        # the passage still runs to the first closing mark.
        j = text.find(close, i + 1)
        if j == -1:
            if i == 0 or text[i - 1] in " \n":
                j = n  # a quote that runs to the end of the paragraph
            else:
                i += 1
                continue
        inner_a, inner_b = i + 1, j
        while inner_a < inner_b and text[inner_a].isspace():
            inner_a += 1
        while inner_b > inner_a and text[inner_b - 1].isspace():
            inner_b -= 1
        # Two or three words in marks are scare quotes ("red line"), not speech.
        if len(text[inner_a:inner_b].split()) >= 4:
            spans.append((start + inner_a, start + inner_b))
        i = j + 1
    return spans + [(start + a, start + b) for a, b in _single_quoted(text)
                    if not any(x - start <= a < y - start for x, y in spans)]


#: Single marks as a paper that quotes in them prints them: one opens a word after a space
#: ("'Rates ..."; not "the '90s"), and one closes after the quote's own stop or comma
#: ("... weak,' said Ann Lee"), where an apostrophe ("don't", "the banks' loans") never stands.
_SINGLE_OPEN = re.compile(r"(?:^|(?<=[\s(\[—–]))['‘](?!\d\ds\b)(?=[^\s'‘’])")
_SINGLE_CLOSE = re.compile(r"(?<=[.,!?;…])['’](?=\s|$|[)\]—–])")


def _single_quoted(text: str) -> list[tuple[int, int]]:
    """Spans (in ``text``, inside the marks) of passages quoted in single marks, of four
    words or more (fewer are a scare quote, 'red line').

    >>> t = "'Rents will rise again next year,' said Ann Lee. The banks' view is 'rather gloomy.'"
    >>> [t[a:b] for a, b in _single_quoted(t)]
    ['Rents will rise again next year,']
    """
    spans = []
    at = 0
    for m in _SINGLE_OPEN.finditer(text):
        if m.start() < at:
            continue
        close = _SINGLE_CLOSE.search(text, m.end())
        if close is None:
            break
        inner = text[m.end():close.start()]
        if len(inner.split()) >= 4 and not _SINGLE_OPEN.search(inner):
            spans.append((m.end(), close.start()))
        at = close.end()
    return spans


#: A request put to the one interviewed: "Tell us about the shortage.", "Walk me through it".
_REQUEST = re.compile(r"^(?:please\s+)?(?:tell|describe|explain|talk|walk|give|take|share)\s+"
                      r"(?:us|me|about|through|the|your|how|what|why|where|when|who)\b", re.I)


#: A turn that opens by addressing the one interviewed by title and name, then goes on in a
#: clause of its own: "Dr. Lee, farmers say the rain came late." ("Dr. Lee, who ...", "Dr.
#: Lee, the chief economist, ..." and "Dr. Lee, 54, ..." are the narration's.)
_ADDRESSING = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Minister|President|Governor|Senator|Chancellor)\.?"
                         r"\s+(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)?),\s+(?!(?:who|whose|whom|which|the|a|an|now|then|"
                         r"aged|chief|head|former|also|too|however)\b)[a-z]")
#: A verb of reporting, which a narration has and a turn addressed to someone has not.
_REPORTED = re.compile(r"\b(?:said|says|told|tells|added|explained|according to)\b")


def _bold_prompts(feats, mark: str = "bold", least: int = 1) -> None:
    """Mark, as ``prompt``, the wholly bold short paragraphs between unbolded ones that an
    interview sets in bold for the interviewer's turns, "?" or not: "**How did the shortage
    start**" (worded as a question), "**Tell us about the pay.**" (a request), and in a piece
    with such a turn, any bold sentence before an answer ("**The ministry blames the unions.**").
    A bold phrase with no stop ("**The background**", "**Why it matters**") is a heading.

    ``mark`` "italic" does the same for an interview that sets its questions in italics; since
    italics also set off a caption or a standfirst, ``least`` asking paragraphs are needed."""
    asking = [False] * len(feats)
    for i, f in enumerate(feats):
        f["prompt"] = f.get("prompt", False)
        if not f[mark] or f["words"] > 40 or i == 0 or i + 1 >= len(feats) or \
                feats[i - 1][mark] or feats[i + 1][mark] or f["quoted"]:
            continue
        text = f["text"].strip()
        asking[i] = bool(ASKING.match(text) or _REQUEST.match(text)) or f["q_end"]
        f["prompt"] = asking[i] or text.rstrip("”\"’'»)").endswith((".", "!", "…"))
    if sum(asking) < least:
        for f in feats:
            f["prompt"] = f["prompt"] and not f[mark]


def _paragraph_features(cleaned: Cleaned):
    feats = []
    strong = set(cleaned.strong)
    emphasis = set(cleaned.emphasis)
    for a, b in cleaned.paragraphs:
        p = cleaned.text[a:b]
        m = _turn_label(p)
        label = m.group("label") if m and len(m.group("label").split()) <= 3 else None
        if label and _cast_line(p[m.end():]):
            label = None  # "Chair: Judge Ann Lee", a transcript's list of who is who: no turn
        parts = re.split(r"(?<=[.!?])\s+", p, maxsplit=2)
        first_sentence = parts[0]
        rest = p[len(first_sentence):].strip()
        feats.append({
            # "Why has nothing been done? Because ...": a writer's question answered at once,
            # in the same paragraph, is no interviewer's turn; nor is one the paragraph goes
            # on to answer with someone's view ("Will people pay? Ines Walcott, who covers the
            # sector, thinks most will."), where an interviewer would go on in their own words.
            "self_answered": len(parts) > 1 and first_sentence.rstrip().endswith("?")
            and (bool(_SELF_ANSWER.match(parts[1])) or bool(_VIEW_REPORTED.search(rest))
                 and not rest.rstrip("”\"’'») ").endswith("?")),
            "text": p, "label": label, "dash": bool(_DASH.match(p)), "part": bool(label and m.group("part")),
            "q_end": p.rstrip().rstrip("”\"’'»)").endswith("?"),
            "q_first": first_sentence.rstrip().rstrip("”\"’'»)").endswith("?"),
            "addressed": bool(_ADDRESSING.match(p)) and len(p.split()) <= 40 and not _REPORTED.search(p),
            "words": len(p.split()), "quoted": p.lstrip()[:1] in "“\"«„",
            "bold": (a, b) in strong, "italic": (a, b) in emphasis,
            "parts": [a or b for a, b in re.findall(r"\(([^()\n]{1,60})\)|^,\s+(.+)", m.group("part") or "")]
            if label else [],
            "stop": bool(label and not m.group(0).rstrip().endswith(":")),
        })
    # "Q." and "A." without a colon are turn marks only as a pair: a line may open on an initial.
    if not ({f["label"] for f in feats if f["stop"]} >= {"Q", "A"}):
        for f in feats:
            if f["stop"]:
                f["label"] = None
    _bold_prompts(feats)
    _bold_prompts(feats, "italic", least=2)
    return feats


def _cast_line(rest: str) -> bool:
    """Whether what follows a label is only a name, "Judge Ann Lee" of "Chair: Judge Ann Lee"."""
    words = rest.split()
    return 2 <= len(words) <= 5 and not rest.rstrip().endswith(tuple(".!?;:,")) and \
        all(w[:1].isupper() for w in words)


def _uncapped(word: str) -> str:
    """A word in capitals as a name is written: "ADEYINKA-ROSS" is "Adeyinka-Ross", "O'HARA" "O'Hara"."""
    return re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), word) if word.isupper() else word


def _part_person(parts: list[str]) -> Optional[str]:
    """The person a part's brackets name, "Tom Ashby" of "REPORTER (TOM ASHBY) (V/O)" or of
    "QUESTION (Tom Ashby, Daily News)": the first bracket's first field, shaped as a name of
    two words or more, which no shot or role ("V/O", "OFF CAMERA") is not."""
    if not parts:
        return None
    words = parts[0].split(",")[0].split()
    # (A phone-in gives a caller's first name and place: "CALLER (DEREK, HOLLINS PARK)".)
    least = 1 if "," in parts[0] else 2
    if not least <= len(words) <= 4 or not all(_NAME_WORD.match(w) for w in words) or \
            any(w.lower().rstrip(".") in _SHOT_WORDS | _ROLE_LABELS for w in words):
        return None
    return " ".join(_uncapped(w) for w in words)


#: Words of a script's shots and sources, which a bracket after a part may give instead of a name.
_SHOT_WORDS = frozenset("on off cam camera live standup stand-up v/o vo sot voice over tape studio remote "
                        "phone video package pkg continued cont'd contd".split())


def _classify_turns(cleaned: Cleaned, feats, people: People):
    n = len(feats)
    if len(cleaned.voices) >= 3 and len({h for _, h in cleaned.voices}) >= 2:
        return _thread_turns(cleaned, feats, people)
    kinds = ["narration"] * n
    speakers: list[Optional[str]] = [None] * n
    _merge_labels(feats, people)
    labels = Counter(f["label"] for f in feats if f["label"])
    with_part = {f["label"] for f in feats if f["part"]}
    # A label is a speaker tag when it repeats, is Q/A, names a person ("Jane:") or gives
    # their part ("Rui Costa (CFO):"); otherwise it is a headline or a lead-in ("Breaking: ...").
    # So does a full name in capitals ("EDEM WOSORNU:") once, where other names in capitals
    # take turns: a broadcast transcript's guest may speak once.
    # (a caption's transcript may tag a voice by a first name in capitals, "KATE:", "HAIDI:")
    capitals = any(labels[lab] >= 2 and lab.isupper() for lab in labels)
    for lab in list(labels):
        if labels[lab] < 2 and lab.upper().rstrip(".") not in ("Q", "A", "QUESTION", "ANSWER") \
                and not people.resolve_label(lab) and _role(lab) is None and lab not in with_part \
                and not (capitals and lab.isupper() and lab.lower() not in _NOT_VOICES):
            del labels[lab]
    for f in feats:
        if f["label"] not in labels:
            f["label"] = None
    interviewee = interviewer = None

    # A part named, not a person ("ANCHOR:", "GUEST:"), says which side of the interview it is.
    q_labels = {lab for lab in labels if lab.upper() in ("Q", "Q.", "QUESTION") or _role(lab) == "question"}
    a_labels = {lab for lab in labels if lab.upper() in ("A", "A.", "ANSWER") or _role(lab) == "answer"}
    for lab in labels:
        if lab in q_labels or lab in a_labels:
            continue
        qs = [f for f in feats if f["label"] == lab]
        if sum(f["q_end"] or f["q_first"] for f in qs) > len(qs) / 2:
            q_labels.add(lab)
        elif sum(f["q_end"] for f in feats if not f["label"]) or labels[lab] >= 2 or q_labels or \
                capitals and lab.isupper():
            a_labels.add(lab)
    hosts = _host(feats, labels, q_labels)
    q_labels |= hosts
    a_labels -= hosts
    put = _put_to_answerer(feats, a_labels)
    labelled = bool(a_labels or q_labels)
    asked_by_label = any(f["label"] in q_labels and (f["q_end"] or f["q_first"]) for f in feats)
    dashed = sum(f["dash"] for f in feats) >= 3

    def is_question(i):
        f = feats[i]
        # (an address opens an interviewer's turn where no tags say whose turn is whose; in a
        # record of tagged turns, "Mr Speaker, this bill ..." goes on with a member's speech)
        return f["q_end"] or f["prompt"] or f["addressed"] and not labelled or (
            f["q_first"] and f["words"] <= 80 and not f["quoted"] and not f["self_answered"])

    start = None
    if labelled:
        start = next(i for i, f in enumerate(feats) if f["label"] in q_labels | a_labels)
        # Unlabelled questions right before the first labelled answer belong to the Q&A.
        while start > 0 and is_question(start - 1) and not feats[start - 1]["label"]:
            start -= 1
    elif dashed:
        start = next(i for i, f in enumerate(feats) if f["dash"])
    else:
        answered = [i for i in range(n - 1) if is_question(i) and not feats[i]["quoted"]
                    and not is_question(i + 1) and not (i == 0 and _title_cased(feats[0]["text"]))]
        # One question answered is an interview only where the page says it is one (a page
        # stored or cut after its first answer); two or more stand for themselves.
        # A heading that announces the Q&A ("5 questions with Ann Lee") starts it: a question
        # above it is the article's own, a standfirst's.
        heading = next((i for i, f in enumerate(feats) if f["words"] <= 12 and _QA_HEADING.match(f["text"].strip())),
                       None)
        if heading is not None and any(i > heading for i in answered):
            answered = [i for i in answered if i > heading]
        if len(answered) >= 2 or answered and _ANNOUNCED.search(
                " ".join(f["text"] for f in feats[:answered[0]])):
            start = answered[0]
            # (a turn that addresses the one interviewed may come first, its question after)
            while start > 0 and feats[start - 1]["addressed"]:
                start -= 1
    if start is None:
        return kinds, speakers, None, None

    # Each label's person, in the order the labels first appear (a transcript of several
    # voices gives each turn its own; the first answering voice is the interviewee).
    named = {lab: people.resolve_label(lab) or _label_person(lab, cleaned.text, people)
             for lab in labels if lab in a_labels or lab in q_labels}
    for lab in named:
        # "ANCHOR (DANA REYES):": the part's person is the one its brackets name. (A question's
        # asker, "QUESTION (Ann Lee, Daily News):", changes from turn to turn: see below.)
        person = _part_person(next(f["parts"] for f in feats if f["label"] == lab)) \
            if _role(lab) and named[lab] is None else None
        if person:
            people.add(person)
            named[lab] = people.resolve(person) or person
    for lab in a_labels:
        if named.get(lab) is None and _role(lab) == "answer":
            # "GUEST:" is whom the host has just introduced ("Joining me now is Dr. Helen
            # Osei, ..."), "REPORTER:" whom the anchor handed over to: the last person named
            # before the part first speaks.
            first = next(i for i, f in enumerate(feats) if f["label"] == lab)
            named[lab] = people.last_before(cleaned.paragraphs[first][0])
    interviewee = next((named[lab] for lab in labels if lab in a_labels and named.get(lab)), None)
    interviewer = next((named[lab] for lab in labels if lab in q_labels and named.get(lab)), None)
    for lab in named:
        if named[lab] is None and _role(lab) is None and \
                not any(w.lower().rstrip(".") in _ROLE_LABELS for w in lab.split()):
            # A voice the label names as a part of its own ("Operator:", "Clerk:"), no
            # person: its turns are its own, not the interviewee's.
            named[lab] = lab.strip()

    prev = "narration"
    runs_on = [False] * n  # a paragraph that continues the turn before it
    for i in range(start, n):
        f = feats[i]
        if f["label"] in hosts:
            kind = "question" if _asks(f) else "narration"  # a host's hand-overs are no questions
        elif f["label"] in q_labels or i in put:
            kind = "question"
        elif f["label"] in a_labels:
            kind = "answer"
        elif labelled and f["label"] is None and prev == "answer" and (not is_question(i) or asked_by_label and (
                not f["q_end"] or i + 1 < n and feats[i + 1]["label"] is None)):
            # (where the askers have labels of their own, a speaker's unlabelled question is
            # rhetorical, put and answered in the same speech: "What comes next? We will ...")
            kind = "answer"
        elif is_question(i):
            kind = "question"
        elif (not labelled and prev == "answer" and f["words"] <= 6 and i + 1 < n
              and not is_question(i + 1) and not f["quoted"] and f["text"].rstrip()[-1:] in ".!…"
              and not _BULLET_MARK.match(f["text"])):
            # A short prompt: "He missed several chances." (A heading ends on no stop, "The
            # competition", and a list's item is the writer's: neither is an interviewer's.)
            kind = "question"
        elif (not labelled and prev == "answer" and i + 1 < n and f["words"] <= 25 and not f["quoted"]
              and len(re.findall(r"[.!?](?:\s|$)", f["text"])) <= 1 and _REACTION.match(feats[i + 1]["text"])):
            kind = "question"  # a one-sentence statement the next paragraph reacts to
        elif (not labelled and prev == "answer" and i + 1 < n and f["words"] <= 25 and not f["quoted"]
              and len(re.findall(r"[.!?](?:\s|$)", f["text"])) <= 1 and _HEARSAY.match(f["text"])
              and _FIRST_PERSON.match(feats[i + 1]["text"])):
            # Others' view put to the one answering ("Some observers expect protests." / "I
            # think protests are likely"): the interviewer's prompt, not the answerer's words.
            kind = "question"
        else:
            kind = "answer"
        kinds[i] = kind
        if f["label"] in named:
            speakers[i] = named[f["label"]]
        elif kind == prev and i > start:
            speakers[i] = speakers[i - 1]  # a turn that runs on into the next paragraph
            runs_on[i] = True
        prev = kind
    _court_voices(cleaned, feats, people, speakers, start)
    _neither_side(feats, kinds, runs_on, labels, q_labels, a_labels, start, is_question)
    # A host's opening, untagged, right before the guest's first tagged turn ("... Joining me
    # now is Ann Lee. Welcome." / "ANN LEE: Thank you."): the host's words, not the writer's.
    first = next((i for i, f in enumerate(feats) if f["label"] in q_labels | a_labels), 0)
    host = next((named[lab] for lab in labels if lab in q_labels and named.get(lab)), None)
    if first > 0 and feats[first]["label"] in a_labels and feats[first - 1]["label"] is None and host and \
            kinds[first - 1] == "narration" and speakers[first - 1] is None and _WELCOME.search(feats[first - 1]["text"]):
        speakers[first - 1] = host
    # The interviewee is the first voice that answers (not a reporter's voice-over, not a
    # moderator's): the witness of a court's "A." turns, else the first answering label's person.
    answering = [speakers[i] for i in range(start, n) if kinds[i] == "answer" and feats[i]["label"]
                 and _role(feats[i]["label"]) != "answer" or kinds[i] == "answer" and feats[i]["stop"]]
    interviewee = next((s_ for s_ in answering if s_), interviewee)
    return kinds, speakers, interviewee, interviewer


def _merge_labels(feats, people: People) -> None:
    """Labels that name one person are one voice: a record gives a member in full at first
    ("Mrs Ann Lee (Tollby) (Lab):", "The Minister for Health (Mr Bo Ray):") and by surname
    after ("Mrs Lee:"). A shorter label becomes the one fuller label that names the same
    person, or that it is part of when it is a title and a surname ("Update:" is no part of
    "Live Update:")."""
    labels = {f["label"] for f in feats if f["label"] and _role(f["label"]) is None}
    rename = {}
    for lab in labels:
        words, person = lab.split(), people.resolve_label(lab)
        titled = len(words) >= 2 and words[0].rstrip(".").lower() in _ADDRESSED
        # (A broadcast transcript gives a voice in capitals in full once, by surname after:
        # "LEILA OWEN:", then "OWEN:".)
        # (An interview may tag a voice by its initials after the first turn: "Ann Lee:",
        # then "AL:".)
        fuller = {o for o in labels if len(o.split()) > len(words) and (
            (titled or len(words) == 1 and lab.isupper() and o.isupper())
            and o.split()[-1] == words[-1] and set(words) <= set(o.split()) or
            person and people.resolve_label(o) == person or
            len(words) == 1 and lab.isupper() and lab == "".join(w[0] for w in o.split()).upper())}
        if len(fuller) == 1:
            rename[lab] = fuller.pop()
    for f in feats:
        seen = set()
        while f["label"] in rename and f["label"] not in seen:
            seen.add(f["label"])
            f["label"] = rename[f["label"]]


#: Titles of address before a member's name in a record's labels.
_ADDRESSED = frozenset("mr mrs ms miss mx dr sir dame lord lady baroness prof professor".split())


def _asks(f) -> bool:
    """Whether a turn asks: it ends on a question, its first sentence is one, or it is one
    sentence worded as a question without its mark ("What assessment she has made of ...")."""
    tag = _turn_label(f["text"]) if f["label"] else None
    words = f["text"][tag.end():] if tag else f["text"]
    return f["q_end"] or f["q_first"] or bool(ASKING.match(words)) and len(re.findall(r"[.!?](?:\s|$)", words)) <= 1


def _host(feats, labels: Counter, q_labels: set) -> set:
    """The voice that hosts a transcript where no voice asks in most of its turns: a phone-in's
    presenter, who asks in some turns and hands over to callers and guests in the others. It is
    the voice that asks in the largest share of its turns, a third or more and twice at least."""
    if q_labels:
        return set()
    share = {}
    for lab in labels:
        if _role(lab) is None and labels[lab] >= 3:
            asked = sum(_asks(f) for f in feats if f["label"] == lab)
            if asked >= 2 and asked * 3 >= labels[lab]:
                share[lab] = asked / labels[lab]
    if not share:
        return set()
    best = max(share.values())
    hosts = [lab for lab, v in share.items() if v == best]
    return set(hosts) if len(hosts) == 1 else set()


def _put_to_answerer(feats, a_labels: set) -> set:
    """Turns that put a question to the voice that answers them all: where one voice never asks
    and speaks most (a minister at question time), another voice's turn that asks and that this
    voice answers next is a question, whatever that voice does in its other turns (a member's
    supplementary, "... Will the Minister restore the fee?")."""
    turns = [i for i, f in enumerate(feats) if f["label"]]
    silent = Counter(feats[i]["label"] for i in turns if feats[i]["label"] in a_labels)
    for i in turns:
        if feats[i]["q_end"] or feats[i]["q_first"]:
            silent.pop(feats[i]["label"], None)
    ranked = silent.most_common(2)
    if not ranked or ranked[0][1] < 2 or len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return set()
    answerer = ranked[0][0]
    put = set()
    for i, j in zip(turns, turns[1:]):
        f = feats[i]
        if f["label"] != answerer and feats[j]["label"] == answerer and (f["q_end"] or _asks(f) and not f["q_first"]):
            put.add(i)
    return put


def _court_voices(cleaned: Cleaned, feats, people: People, speakers, start: int) -> None:
    """The people of a court's or an inquiry's "Q." and "A." turns: the witness a heading
    names ("DR JANE ROE (sworn)") answers the "A." turns after it, up to the next witness's
    heading, and the counsel "Examined by MR JOHN DOE, ..." names asks the "Q." turns."""
    witness = examiner = None
    for i, f in enumerate(feats):
        first_line = f["text"].split("\n", 1)[0].strip()
        w, e = _WITNESS.match(first_line), _EXAMINER.match(first_line)
        for m in (w, e):
            if m is None:
                continue
            words = [x for x in m.group("name").split() if x.lower().rstrip(".") not in _LABEL_TITLES]
            name = " ".join(_uncapped(x) for x in words)
            if len(words) >= 2:
                people.add(name)
                if m is w:
                    witness = people.resolve(name) or name
                else:
                    examiner = people.resolve(name) or name
        lab = (f["label"] or "").upper().rstrip(".")
        if i >= start and lab in ("A", "ANSWER") and witness:
            speakers[i] = witness
        elif i >= start and lab in ("Q", "QUESTION"):
            speakers[i] = _part_person(f["parts"]) or examiner or speakers[i]
        elif i >= start and _role(lab) is not None and _part_person(f["parts"]):
            # each asker from the floor names themselves, and so does each caller to a phone-in
            speakers[i] = people.resolve(_part_person(f["parts"])) or _part_person(f["parts"])


def _neither_side(feats, kinds, runs_on, labels, q_labels, a_labels, start: int, is_question) -> None:
    """Turn kinds of the voices that are neither the one asked nor the one answering.

    A presenter's part ("ANCHOR:", "HOST:") that asks nothing anywhere in the text reads a
    script (a news package's lead and tag): narration. Where the questions are labelled as
    such ("QUESTION (Ann Lee, Daily News):", "Q:"), a voice that never asks and never speaks
    right after a question is the moderator's, who hands the floor over: narration too. A
    reporter's part asks where its turn asks ("REPORTER (OFF CAMERA): Why here?") and
    otherwise, unless it answers a question (a live two-way), is the reporter's voice-over:
    narration. Each keeps its speaker.
    """
    n = len(feats)
    explicit = any(lab.upper().rstrip(".") in ("Q", "QUESTION") for lab in q_labels)
    by_label: dict[str, list[int]] = {}
    for i in range(start, n):
        if feats[i]["label"]:
            by_label.setdefault(feats[i]["label"], []).append(i)
    narrated: set[int] = set()

    def narrate() -> None:
        for i in range(start, n):
            if i in narrated or runs_on[i] and i - 1 in narrated:
                narrated.add(i)
                kinds[i] = "narration"

    after_question = {i for i in range(start + 1, n) if kinds[i - 1] == "question"}
    for lab, idx in by_label.items():
        asks = any(feats[i]["q_end"] or feats[i]["q_first"] for i in idx)
        if lab in q_labels and _role(lab) == "question" and not asks:
            narrated.update(idx)
        elif lab in a_labels and explicit and not asks and not after_question & set(idx) and \
                lab.upper().rstrip(".") not in ("A", "ANSWER"):
            narrated.update(idx)
    narrate()
    # (A reporter answers a question the anchor put, not a presenter's lead that reads as a script.)
    after_question = {i for i in range(start + 1, n) if kinds[i - 1] == "question"}
    for lab, idx in by_label.items():
        if lab in a_labels and _role(lab) == "answer" and lab.strip().rstrip(".").lower() in _REPORTING_ROLES:
            for i in idx:
                if is_question(i) and i + 1 < n and feats[i + 1]["label"] not in (None, lab):
                    kinds[i] = "question"
                elif i not in after_question:
                    narrated.add(i)
    narrate()


#: A page saying that what follows is an interview: "Q&A with", "sat down with", "spoke to".
_ANNOUNCED = re.compile(r"\bQ\s?&\s?A\b|\binterview(?:s|ed)?\b|\bsat down with\b|\b(?:spoke|talked) (?:with|to)\b|"
                        r"\bin conversation with\b|"
                        # a Q&A's title: "5 questions with Ann Lee", "Three questions for the minister"
                        r"\b(?:\d{1,2}|a few|three|four|five|six|seven|eight|nine|ten) questions (?:with|for)\b", re.I)

#: Tags in capitals that head a note, not a voice's turn.
_NOT_VOICES = frozenset("note update editor correction corrections watch read breaking source photo video "
                        "transcript disclaimer warning related".split())
#: A heading over a Q&A: "5 questions with Ann Lee", "Three questions for the minister",
#: "Interview with economist Bo Ray", "Q&A with Ann Lee".
_QA_HEADING = re.compile(r"^(?:(?:\d{1,2}|a few|three|four|five|six|seven|eight|nine|ten) questions (?:with|for)|"
                         r"(?:an? )?interview with|Q\s?&\s?A with)\s+\S", re.I)

#: How a host greets a guest or hands over to them.
_WELCOME = re.compile(r"\b(?:welcome|joining (?:me|us)|joins (?:me|us)|with (?:me|us) (?:now|today|here)|"
                      r"here to (?:talk|discuss|explain|tell)|good (?:morning|afternoon|evening))\b", re.I)

#: Parts that report rather than answer, unless asked (a reporter's voice-over).
_REPORTING_ROLES = frozenset("reporter correspondent".split())


def _letter_voices(cleaned: Cleaned, kinds, voices, people: People) -> None:
    """On a page of several letters, each letter's paragraphs are its signer's words (and its
    "I" is the signer), as a turn is its speaker's: ``cleaned.signed`` says which are whose."""
    for a, b, signer in cleaned.signed:
        people.add(signer)
        who = people.resolve(signer) or signer
        for i, (pa, pb) in enumerate(cleaned.paragraphs):
            if a <= pa and pb <= b and kinds[i] == "narration" and voices[i] is None:
                voices[i] = who


def _handle_person(handle: str, people: People, text: str) -> str:
    """The person a handle is made of ("AnnLee_MetOffice" of Ann Lee), when one person the
    text names has a surname of four letters or more in it, or one name the text prints
    ("I'm Ann Lee") is the handle's letters run together; else the handle."""
    low = re.sub(r"[^a-z]", "", handle.lower())
    owners = {name for name in set(people.canonical.values())
              if len(name.split()) >= 2 and len(name.split()[-1]) >= 4 and name.split()[-1].lower() in low}
    if not owners:
        owners = {f"{m.group(1)} {m.group(2)}" for m in re.finditer(r"\b([A-Z][a-z]+) ([A-Z][a-z’'-]{3,})\b", text)
                  if (m.group(1) + m.group(2)).lower() in low}
        for name in owners:
            people.add(name)
    return owners.pop() if len(owners) == 1 else handle


def _thread_turns(cleaned: Cleaned, feats, people: People):
    """Turns of a thread of comments, whose heads ("u/name · 412 points") say who wrote each
    (``cleaned.voices``): the original post is narration; after it, the poster's comments are
    answers, and another commenter's turn asks where it asks, else is that commenter's own
    say (an answer of theirs, not the poster's). Each turn is its writer's."""
    n = len(feats)
    kinds: list[str] = ["narration"] * n
    speakers: list[Optional[str]] = [None] * n
    offsets = [o for o, _ in cleaned.voices]
    who = {h: _handle_person(h, people, cleaned.text) for _, h in cleaned.voices}
    poster = cleaned.poster
    started = False
    for i, (a, _) in enumerate(cleaned.paragraphs):
        k = bisect.bisect_right(offsets, a) - 1
        if k < 0:
            continue
        handle = cleaned.voices[k][1]
        speakers[i] = who[handle]
        if handle == poster and not started:
            continue  # the post itself
        started = True
        f = feats[i]
        asks = f["q_end"] or f["q_first"] and not f["self_answered"] and not f["quoted"]
        kinds[i] = "question" if asks and handle != poster else "answer"
    return kinds, speakers, who.get(poster), None


#: Parts in a broadcast or an interview that ask, and parts that answer or report.
#: (The audience's questions after a talk come under a part too: "AUDIENCE MEMBER (Ann Lee, X):".)
_ASKING_ROLES = frozenset("interviewer host moderator presenter anchor chair questioner delegate".split()) | {
    "audience", "audience member", "member of the audience", "floor", "from the floor", "audience question"}
_ANSWERING_ROLES = frozenset("interviewee guest expert reporter correspondent caller panelist panellist".split())


def _role(label: str) -> Optional[str]:
    """ "question" for a label naming a part that asks ("ANCHOR", "Host", "MODERATOR"),
    "answer" for one that answers or reports ("GUEST", "REPORTER"), else None."""
    word = label.strip().rstrip(".").lower()
    return "question" if word in _ASKING_ROLES else "answer" if word in _ANSWERING_ROLES else None


#: Turn labels that name a part in the interview, not a person.
_ROLE_LABELS = frozenset("interviewer interviewee host moderator presenter anchor reporter correspondent editor "
                         "journalist guest expert speaker question answer q a note update source photo "
                         "audience member questioner delegate floor".split())
# (Capitals and small letters with accents too: "VALDÉS", "Núñez".)
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:[’'-][A-ZÀ-ÖØ-Þ]?[a-zß-öø-ÿ]+)*|"
                        r"[A-ZÀ-ÖØ-Þ]{2,}(?:[’'-][A-ZÀ-ÖØ-Þ]+)*)\.?$")


def _label_person(label: str, text: str, people: People) -> Optional[str]:
    """The person a repeated turn label names when the name tagger missed them ("Helena
    Marsh:", which the small model reads as an organisation), added to ``people``: the
    label itself when it is shaped like a full name, or the full name in the text that
    ends in a one-word label ("Marsh:" of "Helena Marsh is an economist"); else None.

    A label that repeats before each answer is a speaker tag whatever the tagger makes of
    its words, so its shape is evidence enough.
    """
    words = label.strip().split()
    if not words or len(words) > 4 or any(w.lower().rstrip(".") in _ROLE_LABELS for w in words) or \
            not all(_NAME_WORD.match(w) for w in words):
        return None
    words = [_uncapped(w) for w in words]  # "LENA VOSS:" of a transcript
    name = " ".join(words) if len(words) > 1 else None
    if name is None:
        # (here, not at the top: spaCy's package is slow to import, and the CLI's commands
        # that read no text must start fast)
        from cogmap.extract.nlp import import_spacy

        import_spacy()  # (first, so that torch is not imported with it)
        from spacy.lang.en.stop_words import STOP_WORDS

        for m in re.finditer(r"((?:[A-Z][\w’'-]+ ){1,3})" + re.escape(words[0]) + r"\b", text):
            given = [w for w in m.group(1).split() if w.lower() not in STOP_WORDS and w.lower() not in _TITLES]
            if given and len(given) == len(m.group(1).split()):
                name = " ".join([*given, words[0]])
                break
    if name is None:
        return None
    people.add(name)
    found = [(m.start(), people.resolve(name)) for m in re.finditer(re.escape(name) + r"\b", text)]
    people.mentions = sorted(set(people.mentions) | set(found))
    return people.resolve(name)


def _pull_quote(q: Quote, cleaned: Cleaned, before: int) -> bool:
    """Whether ``q`` is the whole of a paragraph that ends before offset ``before``."""
    for a, b in cleaned.paragraphs:
        if a <= q.start and q.end <= b:
            rest = cleaned.text[a:q.start] + cleaned.text[q.end:b]
            return b <= before and not rest.strip(" \t\"'\u201c\u201d\u2018\u2019\u00ab\u00bb")
    return False


def _hands_over(cleaned: Cleaned, end: int, pi: int) -> bool:
    """Whether a sentence ending at ``end`` closes paragraph ``pi`` on a colon, with a
    paragraph after it: "X comments:" then X's words, set off as a block."""
    text, para_end = cleaned.text, cleaned.paragraphs[pi][1]
    # (a few characters before ``end``, not all the text before it, which for each verb of a
    # long document would copy the document)
    return not text[end:para_end].strip() and text[max(0, end - 8):end].rstrip().endswith(":") and \
        pi + 1 < len(cleaned.paragraphs)


def _lead_in_speaker(doc, people: People) -> Optional[str]:
    """The person a paragraph's last sentence opens on when it ends on a speech word and a
    colon ("Ann Lee, an analyst at a bank, comments:"), which the parser may read as a noun."""
    last = list(doc.sents)[-1] if len(doc) else None
    words = [t for t in last if not t.is_punct] if last is not None else []
    if not words or words[-1].lemma_.lower() not in SPEECH_VERBS or not last.ents:
        return None
    ent = last.ents[0]
    if ent.label_ != "PERSON" or ent.start != last.start:
        return None
    return people.resolve(ent.text)


def _title_cased(line: str) -> bool:
    """Whether a line is a headline in title case ("Is the Skills Gap Crippling Firms?"):
    a page's title, though it asks, is no interviewer's question, and the introduction
    below it is narration, not an answer. Most words of four letters or more capitalised,
    as no sentence-case question is ("How do you see the shortage?").

    >>> _title_cased("Is the Skills Gap Crippling Firms?"), _title_cased("How do you see the shortage?")
    (True, False)
    """
    text = line.strip()
    long_words = [w for w in re.findall(r"[^\W\d_][\w’'-]*", text) if len(w) >= 4]
    return "\n" not in text and len(text.split()) <= 20 and len(long_words) >= 2 and \
        sum(w[0].isupper() for w in long_words) >= 0.75 * len(long_words)


def _interviewee_from_narration(quotes: list[Quote], attributions, people: People, cleaned: Cleaned,
                                qa_start: int) -> Optional[str]:
    # (a role may come between: "Interview with economist J.C. Bradbury")
    introduced = re.compile(r"\b(?i:interview(?:ed)? with|questions (?:with|for)) (?:Dr\.?\s+|Prof\.?\s+|Mr\.?\s+|"
                            r"Ms\.?\s+|[a-z]+\s+){0,3}([A-Z][\w’'-]*\.?(?: ?[A-Z][\w’'-]*\.?){0,3})")
    # A heading that announces the Q&A names its guest, whoever the narration quoted before
    # ("... Biden also thought ...", then "5 questions with Ann Lee").
    for a, b in cleaned.paragraphs:
        line = cleaned.text[a:b].strip()
        m = introduced.search(line) if a < qa_start and len(line.split()) <= 12 and _QA_HEADING.match(line) else None
        if m:
            return people.resolve(m.group(1)) or m.group(1)
    counts = Counter(q.speaker for q in quotes if q.speaker and q.start < qa_start and q.speaker in people.canonical.values())
    counts.update(s for a, _, s in attributions if a < qa_start and s in people.canonical.values())
    if counts:
        return counts.most_common(1)[0][0]
    m = introduced.search(cleaned.text[:qa_start])
    if m:
        return people.resolve(m.group(1)) or m.group(1)
    names = Counter(name for off, name in people.mentions if off < qa_start)
    # (no one named before the answers: a page that puts questions to itself, under its
    # writer's byline, is the writer's answering)
    return names.most_common(1)[0][0] if names else cleaned.author


def _role_word(speaker: str) -> Optional[str]:
    """The role noun a speaker without a name ends in ("energy analyst": "analyst"), when
    it is one person's (a plural, "experts", is several)."""
    words = speaker.split()
    last = words[-1].lower() if words else ""
    return None if not last.isalpha() or last.endswith("s") else last


def _roles_of_people(docs, people: People) -> dict[str, str]:
    """Role nouns the text gives exactly one named person: "analyst" of "Mira Santos, an
    analyst at Capital Insight" or "a company spokesperson, Jonas Leer" (apposition) or of
    "energy analyst Paul Sankey" or "Harbour College Professor Ann Lee" (a title before
    the name)."""
    holders: dict[str, set] = {}
    for doc in docs:
        for ent in doc.ents:
            if ent.label_ != "PERSON":
                continue
            name = people.resolve(ent.text)
            if name is None:
                continue
            for c in ent.root.children:
                # (a title before the name is capitalised, and tagged a proper noun:
                # "College Professor Ann Lee"; not a name's part of an institution, "College")
                title = c.pos_ == "PROPN" and c.dep_ == "compound" and c.i < ent.start and not c.ent_type_ \
                    and c.is_alpha and not c.is_upper
                if c.pos_ == "NOUN" and (c.dep_ == "appos" or c.dep_ == "compound" and c.i < ent.start) or title:
                    holders.setdefault(c.lower_, set()).add(name)
            if ent.root.dep_ == "appos" and ent.root.head.pos_ == "NOUN":
                holders.setdefault(ent.root.head.lower_, set()).add(name)  # "a company spokesperson, Jonas Leer"
    return {role: next(iter(names)) for role, names in holders.items() if len(names) == 1}


#: A headline that names its source by a role after the news: "Rates likely to fall next
#: year, analyst says", "..., says top analyst", "..., economists warn".
_HEADLINE_SOURCE = re.compile(
    r",\s+(?:(?P<who>[^,;:]{2,60}?)\s+(?:say|says|said|warn|warns|predict|predicts|expect|expects|think|thinks|"
    r"believe|believes|reckon|reckons|argue|argues|claim|claims|caution|cautions)"
    r"|(?:say|says|said|warn|warns|predict|predicts|argue|argues)\s+(?P<who2>[^,;:]{2,60}?))\s*$")


def _headline_source(headline: str, people: People, roles: dict[str, str], body_speakers: set[str]):
    """Whose words a headline reports when it names its source by a role: ``(reported
    words, speaker)``, or None when the headline is of no such form or names someone
    ("..., Lagarde says"), which the parse attributes.

    One analyst is the person the text gives that role ("Mira Santos, an analyst at ...";
    "energy analyst Paul Sankey"), else the one named person the story quotes, who must be
    the analyst the headline means; with several, or none, the headline is the writer's
    summary, and so is one of a group ("economists say"), whose members the story quotes
    under their own names: the role itself is no expert a ledger could score.
    """
    m = _HEADLINE_SOURCE.search(headline)
    if m is None:
        return None
    who = (m.group("who") or m.group("who2")).strip()
    words = who.split()
    last = words[-1].lower()
    if not words[-1].isalpha() or not words[-1].islower() or last in _ANYONE or \
            last in _RECORDS | _FINDINGS or last.rstrip("s") in _RECORDS | _FINDINGS or \
            any(w[:1].isupper() and people.resolve(w) for w in words):
        return None  # a name, or a report ("survey says"): the parse's reading stands
    said = headline[:m.start()].strip()
    role = _role_word(who)
    if role is None:
        return said, None  # "economists say": a group
    if role in roles:
        return said, roles[role]
    return said, (next(iter(body_speakers)) if len(body_speakers) == 1 else None)


#: A name and a role in lower case closing a paragraph of someone's words, after its last
#: sentence: "... on the ground. Ann Lee, journalist and economic analyst".
_TRAILING_CREDIT = re.compile(r"[.!?]\s+(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}),\s+"
                              r"(?P<role>[a-z][a-z'’-]*(?:[ ,]+[a-zA-Z][a-zA-Z'’-]*){0,10})\s*$")


def structure(cleaned: Cleaned, docs) -> Structure:
    """Turns, quotes and speakers of a cleaned text whose paragraphs were parsed as ``docs``."""
    people = _collect_people(cleaned, docs)
    feats = _paragraph_features(cleaned)
    kinds, voices, interviewee, interviewer = _classify_turns(cleaned, feats, people)
    _letter_voices(cleaned, kinds, voices, people)
    # In a piece with no interview, "I" is its writer: the byline's name, or no one known.
    author = None if any(k in ("question", "answer") for k in kinds) else cleaned.author
    me = _LAST_NAMED if any(k in ("question", "answer") for k in kinds) else author

    # Direct quotes, attributed by the speech verb of their sentence.
    quoted: list[tuple[int, int]] = []
    for (a, b) in cleaned.paragraphs:
        quoted.extend(_find_quotes(cleaned.text[a:b], a))
    # Indexes, so that a long document is read in linear time: the quotes by start, with
    # the furthest end reached so far (a quote covers ``pos`` when one starting at or
    # before it ends after it), and the attributions by start.
    quoted.sort()
    q_starts = [qa for qa, _ in quoted]
    reach = list(itertools.accumulate((qb for _, qb in quoted), max))

    def quote_reaches(pos: int, after: int) -> bool:
        """Whether a quote starting at or before ``pos`` ends after ``after``."""
        k = bisect.bisect_right(q_starts, pos) - 1
        return k >= 0 and reach[k] > after

    def inside_quote(pos: int) -> bool:
        return quote_reaches(pos, pos)

    quotes: list[Quote] = []
    attributions: list[tuple[int, int, str]] = []
    a_starts: list[int] = []
    recent_person: Optional[str] = None
    named_people = set(people.canonical.values())
    last_speaker: Optional[str] = None
    last_para = -10
    # Whom the last sentence of the paragraph before is about, when it names them: a paragraph
    # that opens on a quote nothing attributes is theirs ("Ann Lee was gloomier still." /
    # "“The outlook is poor ...”").
    about: Optional[str] = None
    # Who a paragraph ending in a colon hands the floor to ("Ann Lee, an analyst, comments:"):
    # the next paragraph is her words, set off as a block (the page's quotation marks, if
    # any, lost with its layout).
    lead_in: Optional[str] = None
    for pi, ((a, b), doc) in enumerate(zip(cleaned.paragraphs, docs)):
        about_before, about = about, None
        para_quotes = quoted[bisect.bisect_left(q_starts, a):bisect.bisect_left(q_starts, b)]
        if lead_in and kinds[pi] == "narration" and not voices[pi] and not para_quotes:
            quotes.append(Quote(speaker=lead_in, text=cleaned.text[a:b], start=a, end=b))
            attributions.append((a, b, lead_in))
            a_starts.append(a)
        lead_in = None
        credit = _TRAILING_CREDIT.search(cleaned.text[a:b]) if kinds[pi] == "narration" and not voices[pi] \
            and not para_quotes else None
        who = people.resolve(credit.group("name")) if credit else None
        if who:
            # "... no clear leadership on the ground. Ann Lee, journalist and analyst": a block
            # of someone's words with their name and role set after it, as radio and
            # magazine pages print a clip's transcript (no quotation marks, no "she said")
            quotes.append(Quote(speaker=who, text=cleaned.text[a:a + credit.start() + 1], start=a,
                                end=a + credit.start() + 1))
            attributions.append((a, b, who))
            a_starts.append(a)
        # In a turn, "I" is whoever speaks it (no one known yet, maybe), never the last
        # person named: "I would say ..." answering a question about Rotterdam is not Rotterdam's.
        me_here = voices[pi] or ((interviewee or _ANSWERER) if kinds[pi] == "answer" else
                                 interviewer if kinds[pi] == "question" else me)
        abouts = []  # (end, whom) of each sentence of this paragraph that names its subject
        for sent in doc.sents:
            s_a, s_b = a + sent.start_char, a + sent.end_char
            found = _speech_verb_speaker(sent, people, a, outside=inside_quote,
                                         has_quote=lambda s_, a_=a, pi_=pi: quote_reaches(a_ + s_.end_char,
                                                                                          a_ + s_.start_char - 1)
                                         or _hands_over(cleaned, a_ + s_.end_char, pi_),
                                         recent=recent_person, me=me_here)
            subj = next((t for t in sent if t.dep_ == "nsubj"), None)  # the first clause's
            about = None
            if not found:
                # A named person as a sentence's subject becomes who "he" or "she" is next
                # ("Kopeček has a similar opinion. '...,' he said.").
                if subj is not None and subj.lower_ not in _PRONOUNS and not inside_quote(a + subj.idx):
                    name = _speaker_from_token(subj, people, a + subj.idx)
                    if name in named_people:
                        recent_person = about = name
                elif subj is not None and subj.lower_ in ("he", "she") and not inside_quote(a + subj.idx):
                    about = recent_person
                main = next((c for c in sent.root.children if c.dep_ == "nsubj"), None)
                if not about and main is not None and main.lower_ not in _PRONOUNS and not inside_quote(a + main.idx):
                    # ("As the holiday nears, Roeloffs predicts X": the main clause's subject)
                    name = _speaker_from_token(main, people, a + main.idx)
                    if name in named_people:
                        abouts.append((s_b, name))
                if about:
                    abouts.append((s_b, about))
            if (not found or found[1] not in named_people) and (subj is None or subj.lower_ in _PRONOUNS | {"i", "we"}):
                # So does one a sentence with no named subject introduces by name ("I spoke to
                # one mother, Jessica Moreno, who ... She told me that ..."): a new person, presented.
                shown = [e for e in sent.ents if e.label_ == "PERSON" and e.root.dep_ == "appos"
                         and not inside_quote(a + e.start_char)]
                name = people.resolve(shown[-1].text) if shown else None
                if name in named_people:
                    recent_person = name
            if found:
                verb, name = found
                attributions.append((s_a, s_b, name))
                a_starts.append(s_a)
                if name in named_people:
                    recent_person = name
                # Indirect speech: the clause the verb reports.
                for child in verb.children:
                    if child.i < verb.i and any(t.text == ":" for t in doc[child.right_edge.i:verb.i]):
                        continue  # "X is blunter: he predicts that ...": what comes before the colon is no report
                    if child.dep_ == "ccomp" and not inside_quote(a + child.idx):
                        span = doc[child.left_edge.i: child.right_edge.i + 1]
                        # The words as printed: the parser may have seen the paragraph
                        # lower-cased or with its lead-in label blanked.
                        qa_, qb_ = a + span.start_char, a + span.end_char
                        quotes.append(Quote(speaker=name, text=cleaned.text[qa_:qb_], start=qa_, end=qb_))
        here = attributions[bisect.bisect_left(a_starts, a):bisect.bisect_left(a_starts, b)]
        if cleaned.text[a:b].rstrip().endswith(":"):
            lead_in = here[-1][2] if here and here[-1][1] >= b - 1 else _lead_in_speaker(doc, people)
        for qa, qb in para_quotes:
            speaker = None
            # The sentences the quote touches, then the rest of the paragraph.
            cands = [(sa, sb, s) for sa, sb, s in here if sa < qb and sb > qa]
            if not cands:
                # The nearest attribution in the same paragraph, before or after.
                cands = sorted(((min(abs(sa - qb), abs(qa - sb)), sa, sb, s) for sa, sb, s in here))
                cands = [c[1:] for c in cands]
            if cands:
                speaker = cands[0][2]
            elif kinds[pi] == "answer":
                speaker = voices[pi] or interviewee
            elif about_before and not cleaned.text[a:qa].strip(" \t\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e"):
                speaker = about_before  # a paragraph that opens on a quote, after one about its speaker
            elif any(not cleaned.text[e:qa].strip(_QUOTE_MARKS) for e, _ in abouts):
                # a quote right after a sentence about its speaker, in one paragraph ("Roeloffs
                # predicts a tightening. “We expect freight rates to stay high.”")
                speaker = next(w for e, w in abouts if not cleaned.text[e:qa].strip(_QUOTE_MARKS))
            elif last_speaker and pi - last_para <= 1:
                speaker = last_speaker  # a quote continued from the previous paragraph
            quotes.append(Quote(speaker=speaker, text=cleaned.text[qa:qb], start=qa, end=qb))
            if speaker:
                last_speaker, last_para = speaker, pi
        if here:
            last_speaker = here[-1][2]
            last_para = pi

    # A role for a speaker ("..., analyst says"; "the energy analyst said") is the one named
    # person the text gives that role ("Mira Santos, an analyst at ..."; "energy analyst
    # Paul Sankey"): a ledger of experts should score her, not "analyst".
    roles = _roles_of_people(docs, people)
    if roles:
        def named(speaker):
            return roles.get(_role_word(speaker), speaker) if speaker and speaker not in named_people else speaker

        quotes = [Quote(speaker=named(q.speaker), text=q.text, start=q.start, end=q.end) for q in quotes]
        attributions = [(sa, sb, named(who)) for sa, sb, who in attributions]

    # A headline's source given by a role ("..., analyst says"): the person, or no one.
    if len(cleaned.paragraphs) > 1 and kinds[0] == "narration":
        h_a, h_b = cleaned.paragraphs[0]
        headline = cleaned.text[h_a:h_b]
        body_speakers = {who for sa, _, who in attributions if sa >= h_b and who in named_people}
        found = None if headline.rstrip().endswith((".", "!", "?")) else \
            _headline_source(headline, people, roles, body_speakers)
        if found is not None:
            said, who = found
            attributions = [x for x in attributions if x[0] >= h_b]
            quotes = [q for q in quotes if q.start >= h_b or q.speaker in named_people or q.speaker is None]
            if who is not None:
                attributions.insert(0, (h_a, h_b, who))
                if said and not any(q.start == h_a for q in quotes):
                    quotes.append(Quote(speaker=who, text=said, start=h_a, end=h_a + len(said)))

    qa_start = next((cleaned.paragraphs[i][0] for i, k in enumerate(kinds) if k != "narration"), None)
    if qa_start is not None and interviewee is None:
        interviewee = _interviewee_from_narration(quotes, attributions, people, cleaned, qa_start)
    if qa_start is not None and interviewee is None:
        # The one a question addresses by name ("Dr. Lee, farmers say ...") is the one who answers.
        addressed = next((_ADDRESSING.match(feats[i]["text"]) for i, k in enumerate(kinds)
                          if k == "question" and feats[i]["addressed"]), None)
        if addressed:
            name = addressed.group("name")
            interviewee = people.resolve(name) or name
    # "I" in an answer, before the interviewee was known: now it is (or stays unknown).
    quotes = [Quote(speaker=interviewee, text=q.text, start=q.start, end=q.end) if q.speaker == _ANSWERER else q
              for q in quotes]
    attributions = [(sa, sb, interviewee if who == _ANSWERER else who) for sa, sb, who in attributions]
    attributions = [x for x in attributions if x[2]]
    if interviewee is not None and qa_start is not None:
        # A paragraph that is nothing but a quotation, before the interview begins, is a pull
        # quote: the interviewee's words set above the introduction, with no "she said".
        quotes = [Quote(speaker=interviewee, text=q.text, start=q.start, end=q.end)
                  if q.speaker is None and _pull_quote(q, cleaned, qa_start) else q for q in quotes]

    turns = []
    answers: list[Quote] = []
    for i, ((a, b), kind) in enumerate(zip(cleaned.paragraphs, kinds)):
        speaker = voices[i] or (interviewee if kind == "answer" else interviewer if kind == "question" else None)
        # A turn is the words spoken: a speaker tag ("NAM:", "Q:") is no part of them.
        if (kind != "narration" or voices[i]) and feats[i]["label"]:
            lead = _turn_label(feats[i]["text"])
            a = min(b, a + lead.end()) if lead else a
        elif kind == "question":
            # A tag used once is no speaker tag, but it is still no part of the question:
            # "Q1. What ...?", "CORP!: Supply chains ... Why?", "Pethokoukis: What ...?"
            lead = _QUESTION_TAG.match(feats[i]["text"])
            a = min(b, a + lead.end()) if lead and len(lead.group(0).split()) <= 3 else a
        if turns and turns[-1].kind == kind and kind != "question" and turns[-1].speaker == speaker:
            turns[-1] = Turn(kind=kind, speaker=speaker, start=turns[-1].start, end=b)
        else:
            turns.append(Turn(kind=kind, speaker=speaker, start=a, end=b))
        if (kind == "answer" or kind == "question" and voices[i]) and speaker and a < b:
            # Who said what: an answer is the interviewee's words as much as a quoted
            # sentence is its speaker's, and a reader looks up a Q&A's answers the same way;
            # so is a question its labelled asker's ("AUDIENCE MEMBER (Ann Lee): Why ...?").
            answers.append(Quote(speaker=speaker, text=cleaned.text[a:b], start=a, end=b))
    quotes.sort(key=lambda q: (q.start, q.end))
    voiced = author is not None and any(
        t.lower_ in ("i", "my", "me", "we", "our", "us") and t.pos_ == "PRON" and not inside_quote(a + t.idx)
        for (a, _), doc in zip(cleaned.paragraphs, docs) for t in doc)
    return Structure(turns=turns, quotes=quotes, people=people, interviewee=interviewee,
                     interviewer=interviewer, attributions=attributions, answers=answers, author=author,
                     voiced=voiced)
