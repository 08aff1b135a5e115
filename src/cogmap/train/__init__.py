"""Training the learned extractor: the annotated data in, the shipped model out.

Kept beside the run-time pipeline, not inside it, as spaCy keeps ``training/``:
``corpus`` reads and checks the layers of ``data/`` (``data/GUIDE.md``),
``examples`` turns them into one kind of training example, ``config`` holds one
run's settings, ``loop`` fine-tunes the encoder and exports it for onnxruntime,
``evaluate`` scores a reading against gold, and ``agreement`` compares the
doubly-annotated samples. ``python -m cogmap.train`` (or ``cogmap train``)
rebuilds ``cogmap/extract/models/extractor`` from ``data/`` with a fixed seed.

Only this package needs torch (``pip install '.[train]'``).
"""

from cogmap.train.config import Config

__all__ = ["Config"]
