"""Feedback loops: classification, bound reporting, evidence, budgets."""

import itertools

import pytest

from cogmap.errors import InputError
from cogmap.model.loops import loops
from cogmap.model.model import Model


def make(edges, n=None):
    ids = sorted({x for e in edges for x in e[:2]})
    return Model.from_dict(
        {
            "concepts": [{"id": i, "label": i.upper()} for i in ids],
            "edges": [
                {"cause": a, "effect": b, "weight": w, "evidence": [{"text": f"{a} drives {b}", "source": "s.txt"}]}
                for a, b, w in edges
            ],
        }
    )


def test_reinforcing_and_balancing():
    m = make([("a", "b", 1), ("b", "a", -0.5), ("b", "c", -1), ("c", "a", -1), ("c", "d", 1)])
    res = loops(m)
    got = {tuple(lp.concepts): lp.kind for lp in res.loops}
    assert got == {("a", "b"): "balancing", ("a", "b", "c"): "reinforcing"}
    assert res.complete and not res.bounded
    lp = next(lp for lp in res.loops if len(lp) == 3)
    assert lp.weights == [1, -1, -1]
    assert lp.strength == 1
    assert lp.evidence[1][0].text == "b drives c"
    assert lp.labels == ["A", "B", "C"]
    assert len(res.reinforcing()) == 1 and len(res.balancing()) == 1


def test_no_loops_in_a_dag():
    res = loops(make([("a", "b", 1), ("b", "c", 1), ("a", "c", -1)]))
    assert res.loops == [] and res.largest_component == 0 and res.complete


def test_bound_cuts_and_says_so():
    m = make([("a", "b", 1), ("b", "c", 1), ("c", "d", 1), ("d", "a", 1), ("a", "c", 1), ("c", "a", 1)])
    full = loops(m)
    assert sorted(len(lp) for lp in full.loops) == [2, 3, 3, 4]  # a-c, a-b-c, a-c-d, a-b-c-d
    cut = loops(m, max_length=3)
    assert sorted(len(lp) for lp in cut.loops) == [2, 3, 3]
    assert cut.bounded and not cut.complete and cut.largest_component == 4
    assert any("longer than 3" in n for n in cut.notes())
    assert loops(m, max_length=4).complete


def test_zero_weight_is_not_a_link_and_self_loops():
    m = make([("a", "b", 1), ("b", "a", 0), ("c", "c", -0.5), ("a", "c", 1)])
    res = loops(m)
    assert [(lp.concepts, lp.kind) for lp in res.loops] == [(["c"], "balancing")]
    assert loops(m, self_loops=False).loops == []


def test_limit_reached():
    # complete digraph on 5 nodes has many cycles
    edges = [(a, b, 1) for a, b in itertools.permutations("abcde", 2)]
    res = loops(make(edges), limit=5)
    assert len(res.loops) == 5 and res.limit_reached and not res.complete


def test_bad_bound():
    with pytest.raises(InputError):
        loops(make([("a", "b", 1)]), max_length=0)


def test_to_dict_lists_links_in_order():
    m = make([("a", "b", 1), ("b", "a", -1)])
    d = loops(m).to_dict()
    links = d["loops"][0]["links"]
    assert [(x["cause"], x["effect"]) for x in links] == [("a", "b"), ("b", "a")]
    assert d["loops"][0]["kind"] == "balancing"


@pytest.mark.parametrize("seed", range(6))
def test_bounded_search_matches_networkx(seed):
    import networkx as nx
    import numpy as np

    rng = np.random.default_rng(seed)
    n = 12
    edges = {}
    for _ in range(40):
        a, b = (int(x) for x in rng.integers(0, n, 2))
        edges[(f"n{a:02d}", f"n{b:02d}")] = float(rng.choice([-1, 1]) * rng.uniform(0.1, 1))
    m = make([(a, b, w) for (a, b), w in edges.items()])
    G = nx.DiGraph(list(edges))
    for k in (1, 2, 3, 4, 5, 6):
        ours = sorted(tuple(lp.concepts) for lp in loops(m, max_length=k).loops)
        theirs = sorted(tuple(_rot(c)) for c in nx.simple_cycles(G, length_bound=k))
        assert ours == theirs, k
    full = sorted(tuple(lp.concepts) for lp in loops(m).loops)
    assert full == sorted(tuple(_rot(c)) for c in nx.simple_cycles(G))


def _rot(c):
    k = c.index(min(c))
    return c[k:] + c[:k]


def test_methods_agree_on_curated_model():
    from pathlib import Path

    from cogmap.model.model import load_model

    m = load_model(Path(__file__).resolve().parents[1] / "examples" / "gallyamov-model.yaml")
    for k in (2, 4, 8):
        a = [tuple(lp.concepts) for lp in loops(m, max_length=k).loops]
        b = [tuple(lp.concepts) for lp in loops(m, max_length=k, method="networkx").loops]
        assert a == b
