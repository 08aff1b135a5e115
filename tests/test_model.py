"""cogmap.model/1: building from documents, files, validation, the curated interview model."""

import doctest
import importlib
import json
import re
from pathlib import Path

import pytest

from cogmap.errors import InputError
from cogmap.model.model import (
    MODALITY_STRENGTH,
    Model,
    compare_models,
    from_documents,
    load_model,
    normalize_label,
    resolve_concept,
    save_model,
)
from cogmap.records import Claim, Concept, Document, Evidence, Mention, Quote

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "examples"
INTERVIEW = SHARED / "gallyamov-interview.txt"
CURATED = ROOT / "examples" / "gallyamov-model.yaml"
#: Every hand-made model of a public article, for the checks that hold for all of them.
HAND_MADE = sorted((ROOT / "examples").glob("*-model.yaml"))


@pytest.mark.parametrize("mod", ["model", "loops", "effect", "simulate", "stats", "formats"])
def test_doctests(mod):
    m = importlib.import_module(f"cogmap.model.{mod}")
    res = doctest.testmod(m, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert res.attempted > 0 and res.failed == 0


# -- hand-built documents -------------------------------------------------------------
def claim(cid, text, doc_text, cause, effect, polarity=1, modality="asserted", probability=None, speaker=None):
    start = doc_text.index(text)
    return Claim(
        id=cid,
        cause=Mention(concept=cause[0], label=cause[1], text=cause[1]),
        effect=Mention(concept=effect[0], label=effect[1], text=effect[1]),
        polarity=polarity,
        modality=modality,
        probability=probability,
        speaker=speaker,
        evidence=Evidence(text=text, start=start, end=start + len(text)),
    )


def two_docs():
    t1 = "Tanks will bring a mobilization. Tanks may end talks. Tanks do not cause rain. Tanks end talks."
    d1 = Document(
        source="one.txt",
        text=t1,
        concepts=[Concept(id="c1", label="Western tanks"), Concept(id="c2", label="mobilization"),
                  Concept(id="c3", label="talks", aliases=["negotiations"]), Concept(id="c4", label="rain")],
        quotes=[Quote(speaker="Ann", text=t1, start=0, end=len(t1))],
        claims=[
            claim("k1", "Tanks will bring a mobilization.", t1, ("c1", "Western tanks"), ("c2", "mobilization"), modality="likely"),
            claim("k2", "Tanks may end talks.", t1, ("c1", "Western tanks"), ("c3", "talks"), polarity=-1, modality="possible"),
            claim("k3", "Tanks do not cause rain.", t1, ("c1", "Western tanks"), ("c4", "rain"), modality="negated"),
            claim("k4", "Tanks end talks.", t1, ("c1", "Western tanks"), ("c3", "talks"), polarity=-1, probability=0.9),
        ],
    )
    t2 = "The western tanks raise mobilization pressure."
    d2 = Document(
        source="two.txt",
        text=t2,
        concepts=[Concept(id="x", label="the Western Tanks"), Concept(id="y", label="Mobilization!")],
        claims=[claim("j1", t2, t2, ("x", "the Western Tanks"), ("y", "Mobilization!"), speaker="Bob", probability=0.4)],
    )
    return d1, d2


def test_from_documents_merges_by_label_and_weights_claims():
    d1, d2 = two_docs()
    m = from_documents([d1, d2])
    labels = sorted(c.label for c in m.concepts)
    # merged across documents; "rain", which only a denied link names, is no node
    assert labels == ["Western tanks", "mobilization", "talks"]
    edges = {(m.label(e.cause), m.label(e.effect)): e for e in m.edges}
    assert set(edges) == {("Western tanks", "mobilization"), ("Western tanks", "talks")}  # negated claim dropped
    mob = edges[("Western tanks", "mobilization")]
    assert mob.weight == pytest.approx((MODALITY_STRENGTH["likely"] + 0.4) / 2)
    assert mob.support.documents == 2 and mob.support.speakers == 2 and mob.support.claims == 2
    assert {ev.speaker for ev in mob.evidence} == {"Ann", "Bob"}
    talks = edges[("Western tanks", "talks")]
    assert talks.weight == pytest.approx(-(0.5 + 0.9) / 2) and talks.sign == -1
    ev = talks.evidence[0]
    assert d1.text[ev.start:ev.end] == ev.text and ev.source == "one.txt" and ev.claim == "k2"
    assert m.sources == ["one.txt", "two.txt"]
    assert "negotiations" in next(c for c in m.concepts if c.label == "talks").aliases


def test_combine_rules():
    d1, d2 = two_docs()
    mx = from_documents([d1, d2], combine="max")
    sm = from_documents([d1, d2], combine="sum")
    w = lambda m, lab: next(e.weight for e in m.edges if m.label(e.effect) == lab)
    assert w(mx, "talks") == pytest.approx(-0.9)
    assert w(sm, "talks") == -1.0  # -1.4 capped
    assert w(sm, "mobilization") == 1.0
    with pytest.raises(InputError):
        from_documents([d1], combine="median")


def test_contradicting_claims_cancel_but_keep_evidence():
    t = "A raises B. A lowers B."
    d = Document(source="c.txt", text=t, concepts=[Concept(id="a", label="A"), Concept(id="b", label="B")],
                 claims=[claim("1", "A raises B.", t, ("a", "A"), ("b", "B")),
                         claim("2", "A lowers B.", t, ("a", "A"), ("b", "B"), polarity=-1)])
    m = from_documents([d])
    assert m.edges[0].weight == 0 and m.edges[0].sign == 0 and len(m.edges[0].evidence) == 2


def test_save_and_load_round_trip(tmp_path):
    m = from_documents(list(two_docs()), title="t")
    for name in ("m.yaml", "m.json"):
        p = tmp_path / name
        save_model(m, p)
        assert load_model(p).to_dict() == m.to_dict()
    assert json.loads((tmp_path / "m.json").read_text())["schema"] == "cogmap.model/1"


# -- validation -----------------------------------------------------------------------
@pytest.mark.parametrize(
    "text,msg",
    [
        ("concepts:\n- {id: a, label: A}\nedges:\n- {cause: a, effect: b, weight: 0.5}\n", "unknown concept 'b'"),
        ("concepts:\n- {id: a, label: A}\n- {id: b, label: B}\nedges:\n- {cause: a, effect: b, weight: 1.5}\n", "outside [-1, 1]"),
        ("concepts:\n- {id: a, label: A}\n- {id: a, label: B}\nedges: []\n", "duplicate concept id 'a'"),
        ("- just\n- a list\n", "not a cogmap.model/1 file"),
        ("title: hello\n", "not a cogmap.model/1 file"),
        ("concepts: [\n", "not valid YAML"),
        ("schema: cogmap.model/9\nconcepts: []\n", "expected 'cogmap.model/1'"),
        ("concepts:\n- {id: a, label: A}\n- {id: b, label: B}\nedges:\n- {cause: a, effect: b, weight: 0.5}\n- {cause: a, effect: b, weight: 0.2}\n", "duplicate edge"),
        ("concepts:\n- {id: a, label: A}\n- {id: b, label: B}\nedges:\n- {cause: a, effect: b, weight: 0.5, sign: -1}\n", "disagrees"),
        ("concepts:\n- {id: a}\nedges: []\n", "label"),
    ],
)
def test_invalid_models_raise_one_line(tmp_path, text, msg):
    p = tmp_path / "bad.yaml"
    p.write_text(text)
    with pytest.raises(InputError) as exc:
        load_model(p)
    assert msg in str(exc.value) and "\n" not in str(exc.value)
    assert str(p) in str(exc.value)


def test_missing_file():
    with pytest.raises(InputError, match="no such file"):
        load_model("/nonexistent/model.yaml")


def test_sign_only_edges_and_resolution():
    m = Model.from_dict({"concepts": [{"id": "a", "label": "Alpha", "aliases": ["first letter"]},
                                      {"id": "b", "label": "Beta"}],
                         "edges": [{"cause": "a", "effect": "b", "sign": -1}]})
    assert m.edges[0].weight == -1.0
    assert resolve_concept(m, "ALPHA") == "a" and resolve_concept(m, "the First Letter") == "a"
    with pytest.raises(InputError, match="did you mean 'Alpha'"):
        resolve_concept(m, "alpah")
    assert normalize_label("The  Beta!") == "beta"


# -- the curated interview model --------------------------------------------------------
def _paragraphs(text):
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text)]


def test_curated_model_loads_and_is_connected():
    m = load_model(CURATED)
    assert len(m.concepts) >= 15 and len(m.edges) >= 25
    for e in m.edges:
        assert e.evidence and all(ev.rationale for ev in e.evidence)
    from cogmap.model.loops import loops

    assert loops(m, max_length=8).loops  # the interview argues feedback


def _article(model_path):
    m = load_model(model_path)
    article = SHARED / m.sources[0]
    if not article.exists():
        pytest.skip("../shared/examples is not available")
    return m, article


def test_there_are_two_hand_made_models():
    assert len(HAND_MADE) >= 2


@pytest.mark.parametrize("curated", HAND_MADE, ids=lambda p: p.stem)
def test_curated_offsets_slice_real_sentences(curated):
    m, article = _article(curated)
    text = article.read_text(encoding="utf-8")
    paras = _paragraphs(text)
    words = set(re.findall(r"\w+", text.lower()))
    n = 0
    for e in m.edges:
        for ev in e.evidence:
            assert ev.source == article.name
            s, t = ev.start, ev.end
            piece = text[s:t]
            assert 0 <= s < t <= len(text) and piece.strip() == piece and len(piece) > 20
            ps, pe = paras[ev.paragraph - 1]
            assert ps <= s and t <= pe, f"{e.cause}->{e.effect}: offsets outside paragraph {ev.paragraph}"
            # starts a sentence (paragraph start or after . ? ! and a space) and ends one
            assert s == ps or re.search(r"[.?!:][\"”]?\s$", text[max(ps, s - 3):s]), piece
            assert re.search(r"[.?!][\"”]?$", piece), piece
            n += 1
    assert n >= len(m.edges)
    assert words  # the file is real text


@pytest.mark.parametrize("curated", HAND_MADE, ids=lambda p: p.stem)
def test_curated_rationales_are_not_copied(curated):
    """No run of 12 words of the curated file may appear in the article."""
    _, article = _article(curated)
    norm = lambda s: re.findall(r"[a-z0-9]+", s.lower().replace("’", "'"))
    art = norm(article.read_text(encoding="utf-8"))
    grams = {tuple(art[i:i + 12]) for i in range(len(art) - 11)}
    mine = norm(curated.read_text(encoding="utf-8"))
    hits = [" ".join(mine[i:i + 12]) for i in range(len(mine) - 11) if tuple(mine[i:i + 12]) in grams]
    assert not hits, hits[:3]


def test_compare_models_counts_signs():
    ref = load_model(CURATED)
    assert compare_models(ref, ref)["signed_recall"] == 1.0
    edges = []
    for e in ref.edges:
        d = e.model_dump(exclude_none=True, exclude={"sign"})
        d["weight"] = -e.weight
        edges.append(d)
    flipped = Model.from_dict({**ref.to_dict(), "edges": edges})
    r = compare_models(ref, flipped)
    assert r["recall"] == 1.0 and r["signed"] < r["recovered"]
    empty = Model(concepts=ref.concepts, edges=[])
    assert compare_models(ref, empty)["recovered"] == 0


def test_interview_extraction_against_curated_model():
    if not INTERVIEW.exists():
        pytest.skip("../shared/examples is not available")
    import cogmap

    try:
        doc = cogmap.extract(INTERVIEW)
    except NotImplementedError:
        pytest.skip("cogmap.extract is not implemented yet")
    auto = from_documents([doc])
    r = compare_models(load_model(CURATED), auto)
    print(
        f"\ninterview: automatic map has {len(auto.concepts)} concepts, {len(auto.edges)} edges; "
        f"curated concepts matched {r['concepts_matched']}/{r['concepts']}; "
        f"curated edges recovered {r['recovered']}/{r['edges']} ({r['recall']:.0%}), "
        f"with sign {r['signed']}/{r['edges']} ({r['signed_recall']:.0%})"
    )
    assert 0.0 <= r["signed_recall"] <= r["recall"] <= 1.0
    for e in auto.edges:  # evidence carried over from the document still slices its text
        for ev in e.evidence:
            assert doc.text[ev.start:ev.end] == ev.text and ev.source == doc.source


def test_json_files_and_flow_yaml(tmp_path):
    p = tmp_path / "bad.json"
    p.write_text('{"concepts": [')
    with pytest.raises(InputError, match="not valid JSON at line 1"):
        load_model(p)
    q = tmp_path / "flow.yaml"
    q.write_text("{concepts: [{id: a, label: A}], edges: []}")  # YAML flow style, not JSON
    assert load_model(q).concepts[0].label == "A"


def test_large_models_write_json_form_yaml_that_loads_back(tmp_path, monkeypatch):
    from cogmap.model.model import Model, load_model, save_model

    model = load_model(CURATED)
    monkeypatch.setattr(Model, "YAML_BLOCK_LIMIT", 1)
    out = tmp_path / "big.yaml"
    save_model(model, out)
    assert out.read_text().lstrip().startswith("{")  # JSON, which is valid YAML
    import yaml

    assert yaml.safe_load(out.read_text())["schema"] == "cogmap.model/1"
    back = load_model(out)
    assert [(e.cause, e.effect, e.weight) for e in back.edges] == [(e.cause, e.effect, e.weight) for e in model.edges]
    assert not list(tmp_path.glob(".*.tmp"))


def test_the_map_benchmark_counts_a_merge_only_where_wordings_were_joined():
    # benchmarks/map_quality.py: two wordings matching concepts the analyst keeps apart is a
    # wrong merge; one wording that matches both by itself joined nothing.
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from map_quality import wrong_merges

    from cogmap.model.model import Model, ModelConcept

    ref = Model(concepts=[ModelConcept(id="rates", label="interest rates"),
                          ModelConcept(id="food", label="food prices"),
                          ModelConcept(id="morale", label="army morale"),
                          ModelConcept(id="navy", label="navy size")])
    cand = Model(concepts=[ModelConcept(id="a", label="interest rates", aliases=["food prices"]),
                           ModelConcept(id="b", label="army size")])
    merged, ambiguous = wrong_merges(ref, cand)
    assert merged == [("interest rates", ["food prices", "interest rates"])]
    assert ambiguous == [("army size", ["army morale", "navy size"])]


def test_a_documents_concept_ids_are_the_ids_its_model_gives():
    """One rule makes ids from labels: what `cogmap extract` prints is what `simulate --set` takes."""
    from cogmap.extract import extract

    doc = extract("Putin’s legitimacy fell. Higher food prices erode Putin’s legitimacy, analysts say. "
                  "Higher food prices raise the risk of unrest.", source="ids.txt")
    assert doc.claims
    model = from_documents([doc])
    by_label = {normalize_label(c.label): c.id for c in model.concepts}
    for c in doc.concepts:
        if normalize_label(c.label) in by_label:
            assert c.id == by_label[normalize_label(c.label)]
        assert "-" not in c.id and re.fullmatch(r"\w+", c.id)
