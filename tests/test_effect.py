"""Axelrod's total effect."""

import pytest

from cogmap.effect import total_effect
from cogmap.errors import InputError
from cogmap.model import Model


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
