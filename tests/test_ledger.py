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


def test_a_resolution_date_after_today_is_refused():
    import datetime as dt

    from cogmap.corpus.ledger import check_resolved_on
    from cogmap.errors import InputError

    day = dt.date(2025, 3, 1)
    assert check_resolved_on("2025-03-01", today=day) == "2025-03-01"
    assert check_resolved_on(dt.date(2024, 12, 31), today=day) == "2024-12-31"
    with pytest.raises(InputError) as exc:
        check_resolved_on("2025-03-02", today=day)
    assert str(exc.value) == "--on 2025-03-02 is in the future (today is 2025-03-01)"
    tomorrow = dt.date.today() + dt.timedelta(days=1)  # the default "today" is the local date
    with pytest.raises(InputError, match=f"today is {dt.date.today().isoformat()}"):
        check_resolved_on(tomorrow.isoformat())
    with pytest.raises(InputError, match="must look like"):
        check_resolved_on("next week", today=day)


def _store_with_a_resolved_forecast(path):
    from cogmap.corpus.store import Store
    from cogmap.records import Document, Evidence, Forecast

    text = "Prices will fall by 2026, Ann Lee said."
    part = "Prices will fall by 2026"
    doc = Document(source="a.txt", date="2024-01-01", text=text, forecasts=[
        Forecast(id="f0", statement=part, probability=0.8, hedge="likely", speaker="Ann Lee",
                 evidence=Evidence(text=part, start=0, end=len(part)))])
    with Store(path) as st:
        st.add_document(doc)
        st.resolve(st.forecasts()[0].id, "yes", on="2025-01-05")
    return path


def test_a_plot_into_a_missing_folder_is_one_line(tmp_path):
    from conftest import cogmap_here

    from cogmap.corpus.ledger import check_plot_path
    from cogmap.errors import InputError

    missing = tmp_path / "none" / "cal.png"
    assert check_plot_path(None) is None and check_plot_path(tmp_path / "cal.png") == tmp_path / "cal.png"
    with pytest.raises(InputError) as exc:
        check_plot_path(missing)
    assert str(exc.value) == f"--plot {missing}: folder {missing.parent} does not exist"
    with pytest.raises(InputError, match="is a folder"):
        check_plot_path(tmp_path)
    with pytest.raises(InputError, match="does not exist"):  # not FileNotFoundError from matplotlib
        plot_calibration({"Ann": calibration_table([0.2, 0.8], [0, 1])}, missing)
    db = _store_with_a_resolved_forecast(tmp_path / "corpus.db")
    r = cogmap_here("experts", "--db", db, "--plot", missing)
    assert r.returncode == 2, (r.returncode, r.stdout, r.stderr)
    assert r.stderr.strip() == f"error: --plot {missing}: folder {missing.parent} does not exist", r.stderr
    assert not missing.parent.exists()
