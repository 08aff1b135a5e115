"""Scoring forecasts: Brier score, log score and calibration.

Plain functions over two sequences of the same length: the probabilities a
speaker gave (``0 <= p <= 1``) and what happened (``1``/``True`` for yes,
``0``/``False`` for no). :meth:`cogmap.corpus.store.Store.experts` applies them per
speaker to the resolved forecasts of a store.

References
----------
Brier, G. W. (1950). Verification of forecasts expressed in terms of
probability. *Monthly Weather Review* 78(1), 1-3.

Good, I. J. (1952). Rational decisions. *Journal of the Royal Statistical
Society B* 14(1), 107-114 (the logarithmic score).

Murphy, A. H. & Winkler, R. L. (1977). Reliability of subjective probability
forecasts of precipitation and temperature. *Applied Statistics* 26(1), 41-47
(calibration, or reliability, diagrams).
"""

from __future__ import annotations

import datetime as _dt
import math
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Optional, Sequence

from cogmap.errors import CogmapError, InputError

__all__ = ["Bin", "brier_score", "log_score", "calibration_table", "plot_calibration", "check_plot_path",
           "check_resolved_on"]

#: Probabilities are clipped to ``[EPS, 1 - EPS]`` in :func:`log_score`, so a
#: certain forecast that fails costs ``log(EPS)`` (about -6.9), not minus infinity.
EPS = 1e-3


def _check(probabilities: Sequence[float], outcomes: Sequence) -> tuple[list[float], list[int]]:
    p = [float(x) for x in probabilities]
    o = [int(bool(x)) for x in outcomes]
    if len(p) != len(o):
        raise ValueError(f"{len(p)} probabilities but {len(o)} outcomes")
    if not p:
        raise ValueError("no forecasts to score")
    for x in p:
        if not 0.0 <= x <= 1.0 or math.isnan(x):
            raise ValueError(f"probability {x} is not between 0 and 1")
    return p, o


def brier_score(probabilities: Sequence[float], outcomes: Sequence) -> float:
    """Mean squared difference between probability and outcome (Brier 1950).

    0 is perfect, 0.25 is what always saying 50% earns, 1 is always certain
    and always wrong. Lower is better.

    Parameters
    ----------
    probabilities : sequence of float in [0, 1]
    outcomes : sequence of bool or 0/1, same length

    Returns
    -------
    float

    Examples
    --------
    >>> brier_score([0.9, 0.2], [1, 0])
    0.025
    >>> brier_score([0.5, 0.5], [True, False])
    0.25

    Notes
    -----
    O(n) time.
    """
    p, o = _check(probabilities, outcomes)
    return round(sum((pi - oi) ** 2 for pi, oi in zip(p, o)) / len(p), 12)


def log_score(probabilities: Sequence[float], outcomes: Sequence, eps: float = EPS) -> float:
    """Mean natural log of the probability given to what happened (Good 1952).

    0 is perfect, ``log(0.5)`` (about -0.693) is what always saying 50% earns;
    higher (closer to 0) is better. Probabilities are clipped to
    ``[eps, 1 - eps]`` so one failed certainty does not make the score
    minus infinity.

    Examples
    --------
    >>> round(log_score([0.5, 0.5], [1, 0]), 4)
    -0.6931
    >>> round(log_score([0.9, 0.2], [1, 0]), 4)
    -0.1643
    >>> log_score([1.0], [1]) > log_score([0.9], [1])
    True

    Notes
    -----
    O(n) time.
    """
    p, o = _check(probabilities, outcomes)
    total = 0.0
    for pi, oi in zip(p, o):
        q = min(max(pi, eps), 1.0 - eps)
        total += math.log(q if oi else 1.0 - q)
    return total / len(p)


@dataclass(frozen=True)
class Bin:
    """One row of a calibration table: forecasts whose probability fell in ``[lower, upper)``."""

    lower: float
    upper: float
    n: int
    mean_probability: Optional[float]
    observed_frequency: Optional[float]


def calibration_table(
    probabilities: Sequence[float], outcomes: Sequence, bins: int = 10, keep_empty: bool = False
) -> list[Bin]:
    """Bin forecasts by probability and compare with how often they came true.

    A calibrated speaker's ``observed_frequency`` is close to the
    ``mean_probability`` of each bin. Bins are ``[0, 1/bins)``, ...,
    ``[1 - 1/bins, 1]`` (the last includes 1).

    Parameters
    ----------
    probabilities, outcomes : as in :func:`brier_score`
    bins : int, default 10
    keep_empty : bool, default False
        Also return bins with no forecast (their means are ``None``).

    Examples
    --------
    >>> for b in calibration_table([0.1, 0.15, 0.8, 0.9, 1.0], [0, 1, 1, 1, 0], bins=5):
    ...     print(b.lower, b.upper, b.n, round(b.mean_probability, 3), round(b.observed_frequency, 3))
    0.0 0.2 2 0.125 0.5
    0.8 1.0 3 0.9 0.667

    Notes
    -----
    O(n + bins) time.
    """
    if bins < 1:
        raise ValueError("bins must be at least 1")
    p, o = _check(probabilities, outcomes)
    counts = [0] * bins
    psum = [0.0] * bins
    osum = [0] * bins
    for pi, oi in zip(p, o):
        k = min(int(pi * bins), bins - 1)
        counts[k] += 1
        psum[k] += pi
        osum[k] += oi
    out = []
    for k in range(bins):
        if counts[k] == 0 and not keep_empty:
            continue
        n = counts[k]
        out.append(
            Bin(
                lower=round(k / bins, 10),
                upper=round((k + 1) / bins, 10),
                n=n,
                mean_probability=psum[k] / n if n else None,
                observed_frequency=osum[k] / n if n else None,
            )
        )
    return out


def plot_calibration(tables: Mapping[str, Sequence[Bin]], path, title: str = "Calibration") -> None:
    """Write a calibration (reliability) diagram: one line per speaker.

    Parameters
    ----------
    tables : mapping of speaker name to the rows of :func:`calibration_table`
    path : file name; the format follows the suffix (``.png``, ``.svg``, ``.pdf``)

    matplotlib is imported only here, with the non-interactive Agg backend.
    """
    path = check_plot_path(path)
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:  # pragma: no cover
        raise CogmapError("--plot needs matplotlib: pip install matplotlib") from None

    fig, ax = plt.subplots(figsize=(6, 6))
    try:
        ax.plot([0, 1], [0, 1], linestyle="--", color="grey", linewidth=1, label="perfect calibration")
        for name, rows in tables.items():
            rows = [b for b in rows if b.n]
            if not rows:
                continue
            xs = [b.mean_probability for b in rows]
            ys = [b.observed_frequency for b in rows]
            sizes = [20 + 10 * b.n for b in rows]
            (line,) = ax.plot(xs, ys, marker="o", label=f"{name} ({sum(b.n for b in rows)})")
            ax.scatter(xs, ys, s=sizes, color=line.get_color(), alpha=0.4)
        ax.set_xlim(-0.03, 1.03)
        ax.set_ylim(-0.03, 1.03)
        ax.set_xlabel("probability given")
        ax.set_ylabel("observed frequency")
        ax.set_title(title)
        ax.legend(loc="best", fontsize="small")
        fig.tight_layout()
        try:
            fig.savefig(path)
        except OSError as exc:  # checked above, so something else: a full disk, a folder gone since
            raise CogmapError(f"--plot {path}: cannot write ({exc.strerror or exc})") from None
    finally:
        plt.close(fig)


def check_plot_path(path) -> Optional[Path]:
    """``path`` as a Path if a diagram can be written there, else one :class:`InputError`.

    Meant to run before any work (``cogmap experts --plot``), so that a typo in the
    folder is not found only after the tables are printed. ``None`` (no plot) passes.

    >>> check_plot_path("/no/such/folder/x.png")
    Traceback (most recent call last):
    ...
    cogmap.errors.InputError: --plot /no/such/folder/x.png: folder /no/such/folder does not exist
    """
    if path is None:
        return None
    p = Path(path)
    folder = p.parent
    if p.is_dir():
        raise InputError(f"--plot {p}: is a folder; name a file in it, e.g. {p / 'calibration.png'}")
    if not folder.exists():
        raise InputError(f"--plot {p}: folder {folder} does not exist")
    if not folder.is_dir():
        raise InputError(f"--plot {p}: {folder} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise InputError(f"--plot {p}: cannot write in folder {folder} (permission denied)")
    return p


def check_resolved_on(day, today: Optional[_dt.date] = None) -> str:
    """``day`` (a date or ``YYYY-MM-DD``) as ISO text, unless it is after ``today`` (default: the local date).

    An outcome cannot be known on a day that has not come: such a resolution would be
    scored by ``cogmap experts`` as if it had happened.

    >>> check_resolved_on("2025-03-01", today=_dt.date(2025, 3, 1))
    '2025-03-01'
    >>> check_resolved_on("2099-01-01", today=_dt.date(2025, 3, 1))
    Traceback (most recent call last):
    ...
    cogmap.errors.InputError: --on 2099-01-01 is in the future (today is 2025-03-01)
    """
    today = today or _dt.date.today()
    try:
        when = day if isinstance(day, _dt.date) else _dt.date.fromisoformat(str(day).strip()[:10])
    except ValueError:
        raise InputError(f"--on must look like 2025-01-31, not {day!r}") from None
    if isinstance(when, _dt.datetime):
        when = when.date()
    if when > today:
        raise InputError(f"--on {when.isoformat()} is in the future (today is {today.isoformat()})")
    return when.isoformat()
