"""An article in, a :class:`~cogmap.records.Document` out.

The stages run in this order, one module each, every one adding a layer to the
document: ``ingest -> clean -> structure -> claims -> concepts -> forecasts``
(assembled by :mod:`cogmap.extract.pipeline`). ``hedges`` maps hedge words to
probabilities, ``lexicon`` holds the word lists, ``nlp`` loads spaCy once per
process and ``embed`` the optional sentence encoder.

>>> from cogmap.extract import extract
>>> [c.effect.label for c in extract("Drought cut the harvest.").claims]
['harvest']
"""

from cogmap.extract.pipeline import build, extract, extract_many

__all__ = ["extract", "extract_many", "build"]
