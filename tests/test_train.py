"""The learned extractor: its data checks out, training runs, the model reads, errors are clear.

The training test runs a tiny model for a few steps (``Config.tiny()``): it proves the
path from ``data/`` to an onnxruntime model that the pipeline loads, not its quality.
Quality is measured by ``benchmarks/cnc.py`` and the development scorer.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

import cogmap
from cogmap.errors import CogmapError
from cogmap.extract.learned import Reader, available
from cogmap.train.corpus import check_records, counts, read_commentary, read_jsonl
from cogmap.train.examples import load_all

DATA = Path(__file__).resolve().parents[1] / "data"


def test_every_commentary_file_passes_its_check():
    files = [f for part in ("commentary", "spoken", "constructions", "pending")
             for f in sorted((DATA / part).glob("*.jsonl"))]
    assert len(files) >= 20
    for path in files:
        assert check_records(read_jsonl(path)) == [], path.name


def test_datasheet_figures_are_the_data_s():
    """data/README.md quotes the counts; they must be today's."""
    sheet = (DATA / "README.md").read_text(encoding="utf-8")
    c = counts(DATA)
    for key in ("sentences", "claims", "forecasts", "topics", "documents"):
        assert f"| {key.replace('_', ' ')} | {c['commentary'][key]:,} |" in sheet, key
    assert f"| signed relations | {c['cnc']['signed_relations']:,} |" in sheet
    for key in ("pages", "page_lines", "debris_lines"):
        assert f"| {key.replace('_', ' ')} | {c['pages'][key]:,} |" in sheet, key


def test_commentary_is_not_the_evaluation_articles():
    """The development articles are for evaluation only: no sentence of theirs is in the data."""
    examples = Path(__file__).resolve().parents[2] / "shared" / "examples"
    if not examples.is_dir():
        pytest.skip("../shared/examples is not here")
    theirs = set()
    for f in examples.glob("*.txt"):
        for line in f.read_text(encoding="utf-8", errors="replace").split("."):
            if len(line.split()) >= 8:
                theirs.add(" ".join(line.split()).lower())
    ours = {" ".join(s.split()).lower() for part in ("commentary", "spoken", "constructions", "pending")
            for r in read_commentary(DATA / part) for s in r["text"].split(".")}
    assert not (theirs & ours)


def test_examples_align_spans_to_text():
    exs = load_all(DATA)
    assert sum(e.source == "cnc" for e in exs) == 3075
    bad = 0
    for e in exs:
        for tag, spans in e.spans.items():
            for a, b, seg in spans or []:
                host = e.prev if seg == 0 else e.text
                bad += not (0 <= a < b <= len(host))
    assert bad == 0


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    pytest.importorskip("torch")
    from cogmap.train.run import build

    out = tmp_path_factory.mktemp("model")
    meta = build(DATA, out, tiny=True, log=lambda s: None)
    assert meta["precision"] in ("int8", "fp32")
    return out


def test_a_soup_is_the_mean_of_its_runs():
    torch = pytest.importorskip("torch")
    from cogmap.extract.learned import TAGS
    from cogmap.train.loop import _build_net, soup

    torch.manual_seed(1)
    a = _build_net(torch, 3 * len(TAGS))
    torch.manual_seed(2)
    b = _build_net(torch, 3 * len(TAGS))
    with torch.no_grad():
        b.encoder.embeddings.word_embeddings.weight.add_(1.0)
    wa, wb = a.tag.weight.clone(), b.tag.weight.clone()
    ea = a.encoder.embeddings.word_embeddings.weight.clone()
    assert not torch.allclose(wa, wb)
    s = soup([a, b])
    assert s is a
    assert torch.allclose(s.tag.weight, (wa + wb) / 2)
    assert torch.allclose(s.encoder.embeddings.word_embeddings.weight, ea + 0.5)


def test_the_runs_of_a_soup_start_from_one_draw_of_the_heads():
    """Averaging heads drawn apart mixes hidden units that have no partner in the other run."""
    pytest.importorskip("torch")
    from cogmap.train.config import Config
    from cogmap.train.loop import train

    exs = load_all(DATA)

    def heads(seed, init_seed):
        # Zero learning rates: what comes out is the first draw of the weights.
        cfg = Config.tiny()
        cfg.steps, cfg.lr, cfg.head_lr, cfg.seed, cfg.init_seed = 1, 0.0, 0.0, seed, init_seed
        net = train(exs, cfg, log=lambda s: None)
        return net.sign1.weight.detach().clone(), net.tag.weight.detach().clone()

    shared = [heads(seed, 13) for seed in (13, 14)]
    alone = heads(14, None)
    for a, b in zip(*shared):
        assert (a == b).all()
    assert not (alone[0] == shared[0][0]).all()


def test_a_soup_trained_in_parallel_is_the_soup_trained_in_turn(tmp_path):
    pytest.importorskip("torch")
    from cogmap.train.run import build

    heads = []
    for jobs in (1, 2):
        out = tmp_path / f"jobs{jobs}"
        meta = build(DATA, out, tiny=True, soup=2, jobs=jobs, quantize="fp32", log=lambda s: None)
        assert meta["config"]["soup"] == 2
        with np.load(out / "heads.npz") as z:
            heads.append({k: z[k] for k in z.files})
    assert heads[0].keys() == heads[1].keys()
    for k in heads[0]:
        np.testing.assert_array_equal(heads[0][k], heads[1][k])


def test_tiny_training_writes_a_model_the_pipeline_loads(tiny_model, monkeypatch):
    assert {p.name for p in tiny_model.iterdir()} >= {"encoder.onnx", "heads.npz", "tokenizer.json", "meta.json"}
    meta = json.loads((tiny_model / "meta.json").read_text())
    assert meta["config"]["seed"] == 13 and meta["data"]["commentary"] > 0
    monkeypatch.setenv("COGMAP_MODEL_DIR", str(tiny_model))
    Reader._cache.clear()
    text = "Higher fuel taxes cut traffic. That is why the city will probably cut bus fares next year."
    doc = cogmap.extract(text, extractor="learned")
    for c in doc.claims:  # a tiny model reads badly, but what it says is grounded
        assert doc.text[c.evidence.start:c.evidence.end] == c.evidence.text
        assert c.confidence is None or 0 <= c.confidence <= 1
    for f in doc.forecasts:
        assert doc.text[f.evidence.start:f.evidence.end] == f.evidence.text


def test_a_corrupt_model_says_how_to_rebuild_it(tiny_model, tmp_path, monkeypatch):
    broken = tmp_path / "broken"
    shutil.copytree(tiny_model, broken)
    (broken / "encoder.onnx").write_bytes(b"not a model")
    Reader._cache.clear()
    with pytest.raises(CogmapError, match="python -m cogmap.train"):
        Reader.load(broken)
    (broken / "heads.npz").unlink()
    Reader._cache.clear()
    with pytest.raises(CogmapError, match="missing"):
        Reader.load(broken)
    monkeypatch.setenv("COGMAP_MODEL_DIR", str(broken))
    assert not available()


@pytest.mark.skipif(not available(), reason="no shipped model")
def test_the_shipped_model_reads_plain_links():
    """Five unambiguous sentences, written for this test: the shipped reader gets most right."""
    Reader._cache.clear()
    cases = [
        ("The drought cut wheat yields across the plains.", "drought", "wheat yields", -1),
        ("Cheaper credit boosted car sales last year.", "credit", "car sales", 1),
        ("Rising rents are pushing young families out of the city.", "rents", "young families", 1),
        ("Because the mine closed, unemployment in the valley doubled.", "mine", "unemployment", 1),
        ("The new vaccine has sharply reduced hospital admissions.", "vaccine", "hospital admissions", -1),
    ]
    right = 0
    for text, cause, effect, sign in cases:
        doc = cogmap.extract(text, extractor="learned")
        right += any(cause in c.cause.text.lower() and effect.split()[-1] in c.effect.text.lower()
                     for c in doc.claims)
    assert right >= 4


def test_a_sentence_reads_the_same_whatever_is_read_beside_it():
    """The int8 encoder's activation scale is per batch: a reading must not depend on it."""
    reader = Reader.load()
    short = ("", "Higher fuel taxes cut car use.")
    long_ = ("The council met on Tuesday.", "After three years of argument, the council voted to raise parking fees "
             "across the old town, which traders say will drive shoppers to the out-of-town malls and empty the "
             "high street of its last independent shops within a year or two.")
    alone = reader.read_many([short])[0]
    beside = reader.read_many([long_, short, long_])[1]
    assert alone.causal == beside.causal and alone.forecast == beside.forecast
    assert alone.tokens == beside.tokens


def test_the_cnc_benchmark_calls_a_sentence_causal_as_the_learned_path_would():
    # The reader's own bar (0.5), or the rules' lower one (0.3) where they read a claim.
    import sys
    from pathlib import Path

    from cogmap.extract.learned import Reading

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from cnc import _from_readings

    texts = ["Higher rates hurt demand.", "Higher rates hurt demand.", "The minister spoke on Monday.",
             "Higher rates hurt demand."]
    readings = [Reading(causal=p, forecast=0.0) for p in (0.6, 0.35, 0.35, 0.2)]
    assert [causal for causal, _ in _from_readings(texts, readings)] == [True, True, False, False]


def test_every_second_annotation_is_compared_with_the_first():
    from cogmap.train.agreement import report

    out = report(DATA)
    seconds = {p.name for p in (DATA / "agreement").glob("*-second.*")}
    assert len(out) >= len(seconds) >= 6
    for name, layer in out.items():
        assert layer["items"] >= 60, name  # every sample was matched with its first annotation
        for key, value in layer.items():
            if key.endswith("kappa") and value == value:  # (nan where a layer has no labels of a kind)
                assert -1 <= value <= 1, (name, key)
    assert out["commentary_w11"]["items"] == 60 and out["commentary_w12"]["items"] == 60
    assert out["commentary_w13"]["items"] == 60


def test_the_commentary_benchmark_says_where_a_missed_link_is_lost():
    # A missed link the reader pairs is lost in decoding; one it reads nothing of, in the reader.
    import sys
    from pathlib import Path

    from cogmap.extract.learned import Reader

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from commentary import _where_lost

    rows = [{"text": "The drought cut wheat yields by a third.",
             "claims": [{"cause": "The drought", "effect": "wheat yields"}]},
            {"text": "The minister spoke in the capital on Monday.",
             "claims": [{"cause": "minister", "effect": "capital"}]}]
    at = [(0, 40), (41, 86)]
    reader = Reader.load()
    assert _where_lost(rows, at, [], reader) == {"lost_decoding": 1, "lost_reader": 1}
    found = [(0, 40, {"drought"}, {"wheat", "yields"}, 1, 1)]
    assert _where_lost(rows, at, found, reader) == {"lost_reader": 1}


def _integer_weight_types(path):
    import onnx

    model = onnx.load(str(path))
    tensors = {t.name: t.data_type for t in model.graph.initializer}
    return {tensors[n.input[1]] for n in model.graph.node if n.op_type == "MatMulInteger"}


@pytest.mark.skipif(not available(), reason="no shipped model")
def test_the_shipped_encoder_multiplies_exactly_on_every_cpu():
    """Its int8 weights are stored as uint8: onnxruntime's uint8-by-int8 kernel saturates
    on CPUs without VNNI, and the same model read differently from machine to machine."""
    import onnx

    from cogmap.extract.learned import MODEL_DIR

    assert _integer_weight_types(MODEL_DIR / "encoder.onnx") == {onnx.TensorProto.UINT8}
    meta = json.loads((MODEL_DIR / "meta.json").read_text())
    assert meta["precision"] != "int8" or meta["weights"].startswith("uint8")


def test_training_exports_the_encoder_with_uint8_weights(tiny_model):
    import onnx

    meta = json.loads((tiny_model / "meta.json").read_text())
    if meta["precision"] == "int8":
        assert _integer_weight_types(tiny_model / "encoder.onnx") == {onnx.TensorProto.UINT8}
        assert meta["weights"].startswith("uint8")


def test_uint8_weights_give_the_int8_products(tmp_path):
    """The stored numbers change, the products do not: one int8 MatMulInteger, run before
    and after, against numpy's exact integer product."""
    import onnx
    import onnxruntime as ort
    from onnx import TensorProto, helper, numpy_helper

    from cogmap.train.loop import unsigned_weights

    rng = np.random.default_rng(0)
    w = rng.integers(-127, 128, size=(64, 8)).astype(np.int8)
    x = rng.integers(0, 256, size=(3, 64)).astype(np.uint8)
    graph = helper.make_graph(
        [helper.make_node("MatMulInteger", ["x", "w", "xz", "wz"], ["y"])], "g",
        [helper.make_tensor_value_info("x", TensorProto.UINT8, [3, 64])],
        [helper.make_tensor_value_info("y", TensorProto.INT32, [3, 8])],
        [numpy_helper.from_array(w, "w"), numpy_helper.from_array(np.uint8(128), "xz"),
         numpy_helper.from_array(np.zeros(8, np.int8), "wz")])
    path = tmp_path / "m.onnx"
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), str(path))
    want = (x.astype(np.int64) - 128) @ w.astype(np.int64)
    assert unsigned_weights(path) == 2
    assert _integer_weight_types(path) == {TensorProto.UINT8}
    got = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"]).run(None, {"x": x})[0]
    assert (got == want).all()
    assert unsigned_weights(path) == 0  # already unsigned: nothing to do
