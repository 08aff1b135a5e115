"""Axelrod's total effect."""

import pytest

from cogmap.model.effect import total_effect
from cogmap.errors import InputError
from cogmap.model.model import Model


def make(edges):
    ids = sorted({x for e in edges for x in e[:2]})
    return Model.from_dict(
        {
            "concepts": [{"id": i, "label": f"concept {i}"} for i in ids],
            "edges": [{"cause": a, "effect": b, "weight": w} for a, b, w in edges],
        }
    )


def test_positive_negative_none_ambiguous():
    m = make([("a", "b", 0.5), ("b", "d", 0.5), ("a", "c", -1), ("c", "d", -0.8), ("d", "e", -1), ("x", "a", 1)])
    te = total_effect(m, "a", "d")
    assert te.total == "positive"
    assert [p.concepts for p in te.paths] == [["a", "c", "d"], ["a", "b", "d"]]  # stronger first at equal length
    assert te.strength == pytest.approx(0.25 + 0.8)
    te = total_effect(m, "a", "e")
    assert te.total == "negative" and {p.sign for p in te.paths} == {-1}
    assert total_effect(m, "e", "a").total == "none"
    assert total_effect(m, "e", "a").strength == 0
    m2 = make([("a", "b", 0.5), ("b", "d", 0.5), ("a", "c", -1), ("c", "d", 0.8)])
    te = total_effect(m2, "a", "d")
    assert te.total == "ambiguous"
    assert te.strength == pytest.approx(0.25 - 0.8)
    assert te.strongest.concepts == ["a", "c", "d"]


def test_sign_product_along_path():
    m = make([("a", "b", -1), ("b", "c", -1), ("c", "d", -1)])
    te = total_effect(m, "a", "d")
    assert te.paths[0].sign == -1 and te.total == "negative"
    assert total_effect(m, "a", "c").total == "positive"


def test_cycles_do_not_loop_forever_and_names_resolve():
    m = make([("a", "b", 1), ("b", "a", 1), ("b", "c", -1)])
    te = total_effect(m, "Concept A", "CONCEPT C")
    assert [p.concepts for p in te.paths] == [["a", "b", "c"]]


def test_max_length_marks_incomplete():
    m = make([("a", "b", 1), ("b", "c", 1), ("c", "d", 1), ("a", "d", -1)])
    te = total_effect(m, "a", "d", max_length=1)
    assert te.total == "negative" and not te.complete
    assert total_effect(m, "a", "d").total == "ambiguous"


def test_errors():
    m = make([("a", "b", 1)])
    with pytest.raises(InputError, match="same concept"):
        total_effect(m, "a", "A")
    with pytest.raises(InputError, match="did you mean"):
        total_effect(m, "concept q", "b")


@pytest.mark.parametrize("seed", range(5))
def test_paths_match_networkx(seed):
    import networkx as nx
    import numpy as np

    rng = np.random.default_rng(seed)
    edges = {}
    for _ in range(30):
        a, b = (int(x) for x in rng.integers(0, 9, 2))
        if a != b:
            edges[(f"n{a}", f"n{b}")] = float(rng.choice([-1, 1]) * rng.uniform(0.1, 1))
    m = make([(a, b, w) for (a, b), w in edges.items()])
    G = nx.DiGraph(list(edges))
    nodes = sorted(G.nodes)
    for cutoff in (None, 1, 2, 3):
        for a in nodes[:4]:
            for b in nodes[-4:]:
                if a == b:
                    continue
                te = total_effect(m, a, b, max_length=cutoff)
                ours = sorted(tuple(p.concepts) for p in te.paths)
                theirs = sorted(tuple(p) for p in nx.all_simple_paths(G, a, b, cutoff=cutoff))
                assert ours == theirs
                if cutoff is None:
                    assert te.complete
                else:
                    longer = any(len(p) - 1 > cutoff for p in nx.all_simple_paths(G, a, b))
                    if longer:  # complete may be conservatively False, but never True when paths were left out
                        assert not te.complete
    assert total_effect(m, nodes[0], nodes[-1], max_length=len(nodes)).complete


def test_time_budget_and_path_limit():
    import itertools

    nodes = [f"n{i}" for i in range(9)]
    m = make([(a, b, 0.5) for a, b in itertools.permutations(nodes, 2)])
    te = total_effect(m, "n0", "n8", max_paths=50)
    assert len(te.paths) == 50 and not te.complete
    te = total_effect(m, "n0", "n8", max_paths=None, time_budget=0.05)
    assert not te.complete  # 13,700 paths take longer than 50 ms
