"""cogmap: auditable causal maps of expert commentary.

>>> import cogmap
>>> doc = cogmap.extract("Higher rates will reduce demand for housing, the economist said.")
>>> [(c.cause.label, c.polarity, c.effect.label) for c in doc.claims]
[('rates', -1, 'demand for housing')]
>>> doc.claims[0].cause.text  # the words as written; "higher" is the direction, not the variable
'rates'
"""

from cogmap.errors import CogmapError, InputError
from cogmap.records import Claim, Concept, Document, Evidence, Forecast, Mention, Quote, Turn
from cogmap.extract.pipeline import extract, extract_many
from cogmap.model.model import Model, from_documents, load_model, save_model
from cogmap.corpus.store import Store

__all__ = [
    "extract",
    "extract_many",
    "Model",
    "Store",
    "from_documents",
    "load_model",
    "save_model",
    "Document",
    "Claim",
    "Concept",
    "Evidence",
    "Forecast",
    "Mention",
    "Quote",
    "Turn",
    "CogmapError",
    "InputError",
]
__version__ = "0.1.0"
