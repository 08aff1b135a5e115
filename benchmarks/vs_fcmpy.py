"""cogmap.model.simulate against fcmpy's FcmSimulator on the same random models.

Runs every rule x transfer on random maps (with and without a clamped concept)
through both and prints the largest difference between the trajectories and the
time ratio. fcmpy is not a cogmap dependency; to run this:

    pip install --no-deps fcmpy && pip install pandas scipy scikit-fuzzy packaging tqdm
    python benchmarks/vs_fcmpy.py [--concepts 30 100] [--density 0.1]

fcmpy has no clamping: a clamped concept is given to it as its initial value with
its incoming links removed (fcmpy keeps concepts with no incoming link at their
initial value), which is what clamping means in cogmap.

One known difference, not copied: with the bivalent and trivalent transfers
fcmpy's state vector becomes an integer array, so a concept held at a fractional
value (no incoming link, e.g. 0.6) is truncated to 0 from the first step on.
cogmap keeps 0.6. The discrete transfers are therefore compared on 0/1 starting
states (where the two agree exactly), and the fractional case is counted apart.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import time
import warnings

import numpy as np

from cogmap.model.simulate import run

RULES = {"kosko": "kosko", "modified-kosko": "mKosko", "rescaled": "rescaled"}
TRANSFERS = ("sigmoid", "tanh", "bivalent", "trivalent")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--concepts", type=int, nargs="*", default=[10, 30, 100])
    ap.add_argument("--density", type=float, default=0.1)
    ap.add_argument("--seeds", type=int, default=3)
    a = ap.parse_args()
    try:
        import pandas as pd
        from fcmpy import FcmSimulator
    except ImportError as exc:
        print(f"fcmpy is not importable ({exc}); see the docstring for how to install it")
        sys.exit(0)

    worst, t_ours, t_theirs, runs, mismatched_steps = 0.0, 0.0, 0.0, 0, 0
    quirk_total = quirk_differ = 0
    for n in a.concepts:
        for seed in range(a.seeds):
            rng = np.random.default_rng(seed)
            W = np.where(rng.random((n, n)) < a.density, np.round(rng.uniform(-1, 1, (n, n)), 2), 0.0)
            frac = np.round(rng.random(n), 2)
            binary = (rng.random(n) < 0.5).astype(float)
            for clamp in (False, True):
                Wc = W.copy()
                cl = None
                if clamp:
                    Wc[:, 0] = 0.0  # fcmpy: no incoming links -> held at its initial value
                    cl = {0: 1.0}
                names = [f"C{i}" for i in range(n)]
                df = pd.DataFrame(Wc, columns=names, index=names)
                for rule, frule in RULES.items():
                    for tr in TRANSFERS:
                        a0 = (frac if tr in ("sigmoid", "tanh") else binary).copy()
                        init = a0.copy()
                        if clamp:
                            init[0] = 1.0
                        t0 = time.perf_counter()
                        ours, _, _ = run(W, a0, rule=rule, transfer=tr, lam=1.0, clamp=cl, detect_cycles=False)
                        t1 = time.perf_counter()
                        with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
                            warnings.simplefilter("ignore")
                            theirs = FcmSimulator.simulate(
                                initial_state=dict(zip(names, init.tolist())), weight_matrix=df,
                                transfer=tr, inference=frule, thresh=0.001, iterations=50, l=1,
                            ).to_numpy(dtype=float)
                        t2 = time.perf_counter()
                        t_ours += t1 - t0
                        t_theirs += t2 - t1
                        runs += 1
                        if ours.shape != theirs.shape:
                            mismatched_steps += 1
                            k = min(len(ours), len(theirs))
                            ours, theirs = ours[:k], theirs[:k]
                        worst = max(worst, float(np.max(np.abs(ours - theirs))))
            # the fcmpy integer-truncation quirk: discrete transfer, fractional start
            names = [f"C{i}" for i in range(n)]
            for tr in ("bivalent", "trivalent"):
                ours, _, _ = run(W, frac, transfer=tr, detect_cycles=False)
                with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    theirs = FcmSimulator.simulate(
                        initial_state=dict(zip(names, frac.tolist())), weight_matrix=pd.DataFrame(W, columns=names, index=names),
                        transfer=tr, inference="kosko", thresh=0.001, iterations=50,
                    ).to_numpy(dtype=float)
                k = min(len(ours), len(theirs))
                quirk_total += 1
                quirk_differ += bool(len(ours) != len(theirs) or np.max(np.abs(ours[:k] - theirs[:k])) > 1e-12)
        print(f"{n:4d} concepts: largest difference so far {worst:.3g}")
    print(f"runs: {runs}; runs that stopped at a different step: {mismatched_steps}")
    print(f"largest absolute difference over all trajectories: {worst:.3g}")
    print(
        f"discrete transfer with fractional held values (fcmpy truncates them to int): "
        f"{quirk_differ}/{quirk_total} runs differ, as expected"
    )
    print(f"time: cogmap {t_ours:.3f} s, fcmpy {t_theirs:.3f} s, ratio fcmpy/cogmap {t_theirs / t_ours:.0f}x")


if __name__ == "__main__":
    main()
