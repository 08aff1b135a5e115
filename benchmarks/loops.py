"""Bounded feedback-loop search on a random model with 20,000 links.

Prints timings (never asserts them).

    python benchmarks/loops.py [--concepts 4000] [--links 20000] [--max-length 6]
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from cogmap.model.loops import loops
from cogmap.model.model import Edge, Model, ModelConcept


def random_model(n: int, m: int, seed: int = 0) -> Model:
    rng = np.random.default_rng(seed)
    pairs: dict[tuple[int, int], float] = {}
    while len(pairs) < m:
        i, j = (int(x) for x in rng.integers(0, n, 2))
        if i != j:
            pairs[(i, j)] = float(rng.choice([-1, 1]) * rng.uniform(0.1, 1))
    concepts = [ModelConcept(id=f"c{i}", label=f"concept {i}") for i in range(n)]
    edges = [Edge(cause=f"c{i}", effect=f"c{j}", weight=w) for (i, j), w in pairs.items()]
    return Model.model_construct(concepts=concepts, edges=edges)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--concepts", type=int, default=4000)
    ap.add_argument("--links", type=int, default=20000)
    ap.add_argument("--max-length", type=int, nargs="*", default=[4, 5, 6, 7])
    ap.add_argument("--time-budget", type=float, default=60.0)
    a = ap.parse_args()
    t0 = time.perf_counter()
    model = random_model(a.concepts, a.links)
    print(f"model: {a.concepts} concepts, {len(model.edges)} links (built in {time.perf_counter() - t0:.2f} s)")
    for k in a.max_length:
        res = loops(model, max_length=k, time_budget=a.time_budget)
        nr = len(res.reinforcing())
        print(
            f"  max length {k}: {len(res.loops)} loops ({nr} reinforcing, {len(res.loops) - nr} balancing) "
            f"in {res.seconds:.2f} s; bounded={res.bounded} (largest component {res.largest_component}), "
            f"timed out={res.timed_out}"
        )


if __name__ == "__main__":
    main()
