"""FCM simulation: hand-worked examples, fcmpy's published numbers, sparse == dense, stopping rules."""

import math

import numpy as np
import pytest

from cogmap.errors import InputError
from cogmap.model.model import Model
from cogmap.model.simulate import run, simulate, weight_matrix, what_if, parse_assignments


def sig(x, lam=1.0):
    return 1.0 / (1.0 + math.exp(-lam * x))


# A -> B (0.5), C -> B (0.5), B -> C (-1). A has no incoming link and keeps its value.
W3 = [[0.0, 0.5, 0.0], [0.0, 0.0, -1.0], [0.0, 0.5, 0.0]]
A0 = [1.0, 0.0, 0.0]


def model3():
    return Model.from_dict(
        {
            "concepts": [{"id": "a", "label": "A"}, {"id": "b", "label": "B"}, {"id": "c", "label": "C"}],
            "edges": [
                {"cause": "a", "effect": "b", "weight": 0.5},
                {"cause": "c", "effect": "b", "weight": 0.5},
                {"cause": "b", "effect": "c", "weight": -1},
            ],
        }
    )


def test_kosko_sigmoid_by_hand():
    h, status, _ = run(W3, A0, steps=2, rule="kosko", transfer="sigmoid")
    b1, c1 = sig(0.5 * 1 + 0.5 * 0), sig(-1 * 0)
    b2, c2 = sig(0.5 * 1 + 0.5 * c1), sig(-1 * b1)
    expected = [[1, 0, 0], [1, b1, c1], [1, b2, c2]]
    assert np.allclose(h, expected, atol=1e-9, rtol=0)
    assert abs(b1 - 0.6224593312018546) < 1e-12
    assert status == "step-limit"


def test_modified_kosko_sigmoid_by_hand():
    h, _, _ = run(W3, A0, steps=2, rule="modified-kosko")
    b1, c1 = sig(0 + 0.5 * 1 + 0.5 * 0), sig(0 - 1 * 0)
    b2, c2 = sig(b1 + 0.5 * 1 + 0.5 * c1), sig(c1 - 1 * b1)
    assert np.allclose(h, [[1, 0, 0], [1, b1, c1], [1, b2, c2]], atol=1e-9, rtol=0)


def test_rescaled_sigmoid_by_hand():
    h, _, _ = run(W3, A0, steps=2, rule="rescaled")
    r0 = [1, -1, -1]  # 2A - 1
    b1 = sig(r0[1] + 0.5 * r0[0] + 0.5 * r0[2])  # sigmoid(-1)
    c1 = sig(r0[2] - 1 * r0[1])  # sigmoid(0)
    r1 = [1, 2 * b1 - 1, 2 * c1 - 1]
    b2 = sig(r1[1] + 0.5 * r1[0] + 0.5 * r1[2])
    c2 = sig(r1[2] - 1 * r1[1])
    assert np.allclose(h, [[1, 0, 0], [1, b1, c1], [1, b2, c2]], atol=1e-9, rtol=0)


def test_tanh_with_lambda_by_hand():
    h, _, _ = run(W3, A0, steps=2, transfer="tanh", lam=2.0)
    b1, c1 = math.tanh(2 * 0.5), math.tanh(0.0)
    b2, c2 = math.tanh(2 * (0.5 + 0.5 * c1)), math.tanh(2 * (-b1))
    assert np.allclose(h, [[1, 0, 0], [1, b1, c1], [1, b2, c2]], atol=1e-9, rtol=0)


def test_sigmoid_lambda_by_hand():
    h, _, _ = run(W3, A0, steps=1, lam=5.0)
    assert abs(h[1, 1] - sig(0.5, 5.0)) < 1e-9 and abs(h[1, 2] - 0.5) < 1e-9


def test_bivalent_and_trivalent_by_hand():
    h, _, _ = run(W3, A0, steps=2, transfer="bivalent", detect_cycles=False)
    # step 1: xB = 0.5 > 0 -> 1 ; xC = 0 -> 0 (bivalent is 1 only for x > 0)
    # step 2: xB = 0.5 -> 1 ; xC = -1 -> 0
    assert h.tolist() == [[1, 0, 0], [1, 1, 0], [1, 1, 0]]
    h, _, _ = run(W3, A0, steps=2, transfer="trivalent", detect_cycles=False)
    # step 1: B = sign(0.5) = 1, C = sign(0) = 0 ; step 2: B = sign(0.5) = 1, C = sign(-1) = -1
    assert h.tolist() == [[1, 0, 0], [1, 1, 0], [1, 1, -1]]


def test_fcmpy_published_example():
    """The 8-concept baseline of fcmpy's intervention guide (modified Kosko, sigmoid, lambda 1)."""
    W = np.array(
        [
            [0.0, 0.0, 0.6, 0.9, 0.0, 0.0, 0.0, 0.8],
            [0.1, 0.0, 0.0, 0.0, 0.0, 0.0, 0.2, 0.5],
            [0.0, 0.7, 0.0, 0.0, 0.9, 0.0, 0.4, 0.1],
            [0.4, 0.0, 0.0, 0.0, 0.0, 0.9, 0.0, 0.0],
            [0.0, 0.0, 0.0, 0.0, 0.0, -0.9, 0.0, 0.3],
            [-0.3, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0],
            [0.0, 0.0, 0.0, 0.0, 0.0, 0.8, 0.4, 0.9],
            [0.1, 0.0, 0.0, 0.0, 0.0, 0.1, 0.6, 0.0],
        ]
    )
    published = [
        [0.750260, 0.731059, 0.645656, 0.710950, 0.500000, 0.500000, 0.549834, 0.785835],
        [0.738141, 0.765490, 0.749475, 0.799982, 0.746700, 0.769999, 0.838315, 0.921361],
        [0.725885, 0.790706, 0.769451, 0.812473, 0.819294, 0.839901, 0.909940, 0.955774],
    ]
    h, status, _ = run(W, [1, 1, 0, 0, 0, 0, 0, 0], rule="modified-kosko", transfer="sigmoid", lam=1)
    assert status == "converged" and len(h) == 7  # "converged in the 7 state": initial + 6 steps
    for row, pub in zip([h[1], h[2], h[6]], published):
        assert np.allclose(row, pub, atol=5e-7, rtol=0)


def test_no_incoming_keeps_initial_and_self_loop_counts_as_incoming():
    # a has no incoming link: keeps 0.3 under sigmoid (which would otherwise give 0.5)
    h, _, _ = run([[0, 1], [0, 0]], [0.3, 0.0], steps=3, detect_cycles=False)
    assert np.all(h[:, 0] == 0.3)
    # with a self-loop a is updated
    h, _, _ = run([[0.5, 1], [0, 0]], [0.3, 0.0], steps=1)
    assert abs(h[1, 0] - sig(0.15)) < 1e-12


def test_explicit_zero_is_not_a_link():
    h, _, _ = run([[0, 0], [0, 0]], [0.3, 0.7], steps=2)
    assert np.all(h == [[0.3, 0.7]] * len(h))


def test_clamp_holds_value():
    h, _, _ = run(W3, [0, 0, 0], steps=5, clamp={1: 0.9}, detect_cycles=False)
    assert np.all(h[:, 1] == 0.9)
    assert abs(h[1, 2] - sig(-0.9)) < 1e-12


def test_sparse_equals_dense():
    rng = np.random.default_rng(7)
    n = 300
    W = np.where(rng.random((n, n)) < 0.02, rng.uniform(-1, 1, (n, n)), 0.0)
    a0 = rng.random(n)
    for rule in ("kosko", "modified-kosko", "rescaled"):
        for tr in ("sigmoid", "tanh"):
            hd, sd, _ = run(W, a0, rule=rule, transfer=tr, sparse=False, steps=30)
            hs, ss, _ = run(W, a0, rule=rule, transfer=tr, sparse=True, steps=30)
            assert hd.shape == hs.shape and sd == ss
            assert np.max(np.abs(hd - hs)) < 1e-12


def test_threshold_and_step_limit():
    h, status, _ = run(W3, A0, steps=50, threshold=0.001)
    assert status == "converged"
    assert np.max(np.abs(h[-1] - h[-2])) <= 0.001
    assert np.max(np.abs(h[-2] - h[-3])) > 0.001
    h, status, _ = run(W3, A0, steps=2)
    assert status == "step-limit" and len(h) == 3


def test_limit_cycle_detected():
    # b -> c (+1), c -> b (-1) with trivalent transfer oscillates with period 4
    W = [[0, 1], [-1, 0]]
    h, status, period = run(W, [1, 0], transfer="trivalent", steps=50)
    assert status == "limit-cycle" and period == 4
    assert np.array_equal(h[-1], h[-1 - period])
    h, status, _ = run(W, [1, 0], transfer="trivalent", steps=50, detect_cycles=False)
    assert status == "step-limit" and len(h) == 51


def test_simulate_model_and_weight_matrix():
    m = model3()
    assert weight_matrix(m).tolist() == W3
    s = simulate(m, initial={"A": 1}, steps=2)
    h, _, _ = run(W3, A0, steps=2)
    assert np.allclose(s.history, h)
    assert s.values()["a"] == 1.0


def test_what_if_sorted_by_change_and_baseline():
    m = model3()
    w = what_if(m, {"b": 1.0}, transfer="tanh")
    base = simulate(m, None, transfer="tanh")
    scen = simulate(m, {"b": 1.0}, transfer="tanh")
    changes = {cid: d for cid, _, _, _, d in w.changes}
    assert changes["c"] == pytest.approx(scen.values()["c"] - base.values()["c"])
    assert [abs(r[4]) for r in w.changes] == sorted((abs(r[4]) for r in w.changes), reverse=True)
    assert changes["c"] < 0  # B lowers C


def test_bad_arguments():
    m = model3()
    with pytest.raises(InputError):
        simulate(m, transfer="relu")
    with pytest.raises(InputError):
        simulate(m, rule="nope")
    with pytest.raises(InputError, match="did you mean"):
        simulate(m, {"Bee": 1})
    with pytest.raises(InputError):
        parse_assignments(m, ["b"])
    with pytest.raises(InputError, match="not a number"):
        parse_assignments(m, ["b=high"])
