"""A :class:`Model` (a signed, weighted causal map) and the reasoning over it.

Plain functions over one data structure, as networkx does: feedback ``loops``,
``total_effect`` along paths, fuzzy-cognitive-map ``simulate``, ``stats`` on
concepts' roles, and the graph formats in ``formats``.

>>> from cogmap.model import Model, loops
>>> m = Model.from_dict({"concepts": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}],
...     "edges": [{"cause": "a", "effect": "b", "weight": 1}, {"cause": "b", "effect": "a", "weight": 1}]})
>>> [lp.kind for lp in loops(m).loops]
['reinforcing']
"""

from cogmap.model.model import (
    MODALITY_STRENGTH, SCHEMA, Edge, EdgeEvidence, Model, ModelConcept, Support, compare_models,
    from_documents, load_model, normalize_label, resolve_concept, save_model, slugify, to_networkx,
)
from cogmap.model.loops import Loop, loops
from cogmap.model.effect import TotalEffect, total_effect
from cogmap.model.simulate import simulate, what_if
from cogmap.model.stats import roles, stats
from cogmap.model.formats import export, import_model

__all__ = [
    "SCHEMA", "MODALITY_STRENGTH", "Model", "ModelConcept", "Edge", "EdgeEvidence", "Support",
    "load_model", "save_model", "from_documents", "to_networkx", "resolve_concept",
    "normalize_label", "slugify", "compare_models",
    "Loop", "loops", "TotalEffect", "total_effect", "simulate", "what_if", "roles", "stats",
    "export", "import_model",
]
