"""FCM simulation speed: a sparse random model of 10,000 concepts (~5 links each), 100 steps.

Prints timings (never asserts them) and the largest difference between the sparse
and the dense computation on a smaller model.

    python benchmarks/simulate.py [--concepts 10000] [--links 5] [--steps 100]
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import scipy.sparse as sp

from cogmap.model.model import Edge, Model, ModelConcept
from cogmap.model.simulate import run, simulate


def random_matrix(n: int, links: int, seed: int = 0) -> sp.csr_matrix:
    rng = np.random.default_rng(seed)
    m = n * links
    rows = rng.integers(0, n, m)
    cols = rng.integers(0, n, m)
    vals = rng.uniform(-1, 1, m)
    W = sp.coo_matrix((vals, (rows, cols)), shape=(n, n)).tocsr()
    W.sum_duplicates()
    W.data = np.clip(W.data, -1, 1)
    return W


def random_model(n: int, links: int, seed: int = 0) -> Model:
    W = random_matrix(n, links, seed).tocoo()
    concepts = [ModelConcept(id=f"c{i}", label=f"concept {i}") for i in range(n)]
    edges = [Edge(cause=f"c{i}", effect=f"c{j}", weight=float(w)) for i, j, w in zip(W.row, W.col, W.data) if w != 0]
    return Model.model_construct(concepts=concepts, edges=edges)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--concepts", type=int, default=10000)
    ap.add_argument("--links", type=int, default=5)
    ap.add_argument("--steps", type=int, default=100)
    ap.add_argument("--dense-concepts", type=int, default=1500)
    a = ap.parse_args()

    W = random_matrix(a.concepts, a.links)
    a0 = np.random.default_rng(1).random(a.concepts)
    print(f"model: {a.concepts} concepts, {W.nnz} links, {a.steps} steps (threshold 0: no early stop)")
    for rule in ("kosko", "modified-kosko", "rescaled"):
        for tr in ("sigmoid", "tanh"):
            t0 = time.perf_counter()
            h, status, _ = run(W, a0, steps=a.steps, rule=rule, transfer=tr, threshold=0.0, detect_cycles=False)
            dt = time.perf_counter() - t0
            print(f"  sparse run()  {rule:15s} {tr:8s} {len(h) - 1:4d} steps  {dt:.3f} s  ({status})")
    t0 = time.perf_counter()
    h, status, _ = run(W, a0, steps=a.steps, threshold=0.0, detect_cycles=True)
    print(f"  sparse run() with limit-cycle detection: {time.perf_counter() - t0:.3f} s ({status})")

    t0 = time.perf_counter()
    model = random_model(a.concepts, a.links)
    t1 = time.perf_counter()
    sim = simulate(model, {"c0": 1.0}, steps=a.steps, threshold=0.0, detect_cycles=False)
    t2 = time.perf_counter()
    print(f"  simulate(Model) {a.concepts} concepts: build model {t1 - t0:.3f} s, simulate {t2 - t1:.3f} s ({sim.status})")

    n = a.dense_concepts
    Ws = random_matrix(n, a.links, seed=2)
    Wd = Ws.toarray()
    b0 = np.random.default_rng(3).random(n)
    worst = 0.0
    for rule in ("kosko", "modified-kosko", "rescaled"):
        for tr in ("sigmoid", "tanh", "bivalent", "trivalent"):
            t0 = time.perf_counter()
            hs, ss, _ = run(Ws, b0, steps=a.steps, rule=rule, transfer=tr, sparse=True, detect_cycles=False)
            t1 = time.perf_counter()
            hd, sd, _ = run(Wd, b0, steps=a.steps, rule=rule, transfer=tr, sparse=False, detect_cycles=False)
            t2 = time.perf_counter()
            assert hs.shape == hd.shape and ss == sd
            diff = float(np.max(np.abs(hs - hd)))
            worst = max(worst, diff)
            print(f"  {n} concepts {rule:15s} {tr:9s} sparse {t1 - t0:.3f} s dense {t2 - t1:.3f} s  max |diff| {diff:.3g}")
    print(f"largest sparse-vs-dense difference: {worst:.3g}")


if __name__ == "__main__":
    main()
