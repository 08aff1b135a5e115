"""Roles, density, complexity, centrality."""

import pytest

from cogmap.model.model import Model
from cogmap.model.stats import roles, stats


def make(edges, extra=()):
    ids = sorted({x for e in edges for x in e[:2]} | set(extra))
    return Model.from_dict(
        {
            "concepts": [{"id": i, "label": i.upper()} for i in ids],
            "edges": [{"cause": a, "effect": b, "weight": w} for a, b, w in edges],
        }
    )


def test_roles_and_counts():
    m = make([("d1", "o", 0.5), ("d2", "o", -1), ("o", "r", 1), ("o", "o", 0.2), ("r2", "r2", 1)], extra=["iso"])
    r = roles(m)
    assert r == {"d1": "driver", "d2": "driver", "iso": "isolated", "o": "ordinary", "r": "receiver", "r2": "isolated"}
    s = stats(m)
    assert (s.drivers, s.receivers, s.ordinary, s.isolated) == (2, 1, 1, 2)
    assert s.complexity == pytest.approx(0.5)
    assert s.concepts == 6 and s.links == 5
    assert s.density == pytest.approx(5 / 36)


def test_centrality_is_sum_of_absolute_weights():
    m = make([("a", "b", 0.5), ("c", "b", -0.25), ("b", "d", -1)])
    s = stats(m)
    b = next(c for c in s.per_concept if c.id == "b")
    assert b.indegree == pytest.approx(0.75) and b.outdegree == pytest.approx(1.0)
    assert b.centrality == pytest.approx(1.75)
    assert s.per_concept[0].id == "b"  # most central first
    # b lies on the a->d and c->d shortest paths: 2 of (n-1)(n-2) = 6 ordered pairs
    assert b.betweenness == pytest.approx(2 / 6)
    assert next(c for c in s.per_concept if c.id == "a").betweenness == 0


def test_no_drivers_means_no_complexity():
    s = stats(make([("a", "b", 1), ("b", "a", 1)]))
    assert s.complexity is None and s.drivers == 0
    assert stats(Model()).concepts == 0


def test_a_large_model_samples_betweenness_and_says_so():
    import random

    from cogmap.model.stats import EXACT_BETWEENNESS_MAX

    rng = random.Random(0)
    n = EXACT_BETWEENNESS_MAX + 1
    edges = {(rng.randrange(n), rng.randrange(n)) for _ in range(2 * n)}
    m = Model.from_dict({"concepts": [{"id": f"c{i}", "label": f"c{i}"} for i in range(n)],
                         "edges": [{"cause": f"c{a}", "effect": f"c{b}", "weight": 1} for a, b in edges if a != b]})
    s = stats(m)
    assert s.betweenness_sampled and s.concepts == n
    assert stats(m).per_concept[0].betweenness == s.per_concept[0].betweenness  # same answer every run
