"""Forecast scores: Brier, log score, calibration table, plot."""
from __future__ import annotations

import math
import random

import pytest

from cogmap.corpus.ledger import brier_score, calibration_table, log_score, plot_calibration


def test_brier_bounds_and_known_values():
    assert brier_score([1.0, 0.0], [1, 0]) == 0.0
    assert brier_score([0.0, 1.0], [1, 0]) == 1.0
    assert brier_score([0.5] * 4, [1, 0, 1, 1]) == 0.25
    rng = random.Random(1)
    p = [rng.random() for _ in range(200)]
    o = [rng.random() < x for x in p]
    b = brier_score(p, o)
    assert 0.0 <= b <= 1.0
    assert math.isclose(b, sum((x - y) ** 2 for x, y in zip(p, o)) / len(p))


def test_log_score_orders_forecasters_and_clips():
    o = [1, 1, 0, 1, 0]
    sharp = [0.9, 0.8, 0.1, 0.9, 0.2]
    vague = [0.6, 0.6, 0.4, 0.6, 0.4]
    assert log_score(sharp, o) > log_score(vague, o) > log_score([1 - x for x in sharp], o)
    assert math.isclose(log_score([0.5], [0]), math.log(0.5))
    wrong_and_certain = log_score([1.0], [0])
    assert math.isfinite(wrong_and_certain) and wrong_and_certain < -6


def test_calibration_table_bins():
    p = [0.05, 0.1, 0.15, 0.55, 0.95, 1.0, 1.0]
    o = [0, 0, 1, 1, 1, 1, 0]
    rows = calibration_table(p, o, bins=10)
    assert [(b.lower, b.upper, b.n) for b in rows] == [(0.0, 0.1, 1), (0.1, 0.2, 2), (0.5, 0.6, 1), (0.9, 1.0, 3)]
    assert sum(b.n for b in rows) == len(p)
    last = rows[-1]
    assert math.isclose(last.mean_probability, (0.95 + 1 + 1) / 3)
    assert math.isclose(last.observed_frequency, 2 / 3)
    full = calibration_table(p, o, bins=4, keep_empty=True)
    assert len(full) == 4 and full[1].n == 0 and full[1].mean_probability is None


def test_calibrated_forecaster_is_close_to_diagonal():
    rng = random.Random(7)
    p = [rng.random() for _ in range(20000)]
    o = [rng.random() < x for x in p]
    for b in calibration_table(p, o, bins=5):
        assert abs(b.mean_probability - b.observed_frequency) < 0.03


@pytest.mark.parametrize(
    "p, o",
    [([0.5], [1, 0]), ([], []), ([1.2], [1]), ([-0.1], [0]), ([float("nan")], [1])],
)
def test_bad_input(p, o):
    with pytest.raises(ValueError):
        brier_score(p, o)
    with pytest.raises(ValueError):
        calibration_table(p, o)


def test_plot_calibration(tmp_path):
    out = tmp_path / "cal.png"
    plot_calibration({"Ann": calibration_table([0.2, 0.8, 0.9], [0, 1, 0])}, out)
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
