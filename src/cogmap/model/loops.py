"""Feedback loops of a model: reinforcing and balancing cycles.

A loop is a directed cycle of causal links. It is *reinforcing* when it has an
even number of negative links (a change travels round and comes back with the
same sign) and *balancing* when the number is odd (it comes back opposed), the
classification of system dynamics (Sterman 2000) and of signed digraphs
(Axelrod 1976). Links of weight 0 are not links.

An unbounded search is Johnson's algorithm (:func:`networkx.simple_cycles`).
A search bounded by length joins short paths out of and into each concept (meet
in the middle); it gives the same loops as ``networkx.simple_cycles(G,
length_bound=k)`` (Gupta & Suzumura 2021; the tests compare the two) but answers
in about a second on a 20,000-link map where networkx 3.6 takes minutes
(``method="networkx"`` still selects it). The report says when the bound, the
loop limit or the time budget cut the search.

References
----------
.. [1] Axelrod, R. (Ed.) (1976). Structure of Decision: The Cognitive Maps of
   Political Elites. Princeton University Press.
.. [2] Sterman, J. D. (2000). Business Dynamics. Irwin/McGraw-Hill, ch. 5.
.. [3] Johnson, D. B. (1975). Finding all the elementary circuits of a directed
   graph. SIAM Journal on Computing, 4(1), 77-84.
.. [4] Gupta, A., & Suzumura, T. (2021). Finding all bounded-length simple cycles
   in a directed graph. arXiv:2105.10094.
"""

from __future__ import annotations

import math

import itertools
import time
from dataclasses import dataclass, field
from typing import Optional

import networkx as nx

from cogmap.model.model import EdgeEvidence, Model, to_networkx

__all__ = ["Loop", "LoopSearch", "loops"]


@dataclass
class Loop:
    """One feedback loop: ``concepts[0] -> concepts[1] -> ... -> concepts[0]``.

    ``weights[i]`` and ``evidence[i]`` belong to the link leaving ``concepts[i]``.
    ``strength`` is the product of the weights.
    """

    concepts: list[str]
    labels: list[str]
    weights: list[float]
    evidence: list[list[EdgeEvidence]] = field(default_factory=list)

    @property
    def negatives(self) -> int:
        return sum(1 for w in self.weights if w < 0)

    @property
    def kind(self) -> str:
        return "reinforcing" if self.negatives % 2 == 0 else "balancing"

    @property
    def strength(self) -> float:
        return math.prod(self.weights)

    def __len__(self) -> int:
        return len(self.concepts)

    def to_dict(self) -> dict:
        n = len(self.concepts)
        return {
            "kind": self.kind,
            "length": n,
            "strength": self.strength,
            "concepts": self.concepts,
            "labels": self.labels,
            "links": [
                {
                    "cause": self.concepts[i],
                    "effect": self.concepts[(i + 1) % n],
                    "weight": self.weights[i],
                    "evidence": [e.model_dump(exclude_none=True) for e in self.evidence[i]],
                }
                for i in range(n)
            ],
        }


@dataclass
class LoopSearch:
    """The result of :func:`loops`.

    Attributes
    ----------
    loops : list of Loop
        Shortest first, then strongest.
    max_length : int or None
        The bound used.
    bounded : bool
        Some strongly connected component has more concepts than ``max_length``,
        so longer loops may exist that were not searched.
    largest_component : int
        Concepts in the largest strongly connected component with a loop.
    limit_reached, timed_out : bool
        The search stopped at ``limit`` loops or after ``time_budget`` seconds.
    seconds : float
    """

    loops: list[Loop]
    max_length: Optional[int]
    bounded: bool
    largest_component: int
    limit_reached: bool = False
    timed_out: bool = False
    seconds: float = 0.0

    @property
    def complete(self) -> bool:
        return not (self.bounded or self.limit_reached or self.timed_out)

    def reinforcing(self) -> list[Loop]:
        return [lp for lp in self.loops if lp.kind == "reinforcing"]

    def balancing(self) -> list[Loop]:
        return [lp for lp in self.loops if lp.kind == "balancing"]

    def notes(self) -> list[str]:
        """Plain sentences saying how the search was cut, if it was."""
        out = []
        if self.bounded:
            out.append(
                f"loops longer than {self.max_length} links were not searched "
                f"(the largest feedback component has {self.largest_component} concepts)"
            )
        if self.limit_reached:
            out.append(f"stopped after {len(self.loops)} loops (raise the limit to see more)")
        if self.timed_out:
            out.append(f"stopped after the time budget ({self.seconds:.1f} s); the list is partial")
        return out

    def to_dict(self) -> dict:
        return {
            "max_length": self.max_length,
            "bounded": self.bounded,
            "largest_component": self.largest_component,
            "limit_reached": self.limit_reached,
            "timed_out": self.timed_out,
            "complete": self.complete,
            "notes": self.notes(),
            "loops": [lp.to_dict() for lp in self.loops],
        }


def _canonical(cycle: list) -> list:
    """Rotate a cycle to start at its smallest node, so output is stable."""
    k = min(range(len(cycle)), key=lambda i: str(cycle[i]))
    return cycle[k:] + cycle[:k]


def _bounded_cycles(succ: list[list[int]], pred: list[list[int]], k: int, deadline: Optional[float]):
    """Simple cycles of 2..k links, each once, by meeting in the middle.

    A cycle is reported from its smallest node ``s``: forward paths from ``s`` of
    ``ceil(L/2)`` links and backward paths into ``s`` of ``floor(L/2)`` links, both
    through nodes larger than ``s``, are joined at their common end when they share
    no other node. Each cycle has one smallest node and one split point, so it is
    found exactly once. Yields lists of node indices; yields ``None`` when the
    deadline passes.
    """
    fmax, bmax = (k + 1) // 2, k // 2
    for s in range(len(succ)):
        if deadline is not None and time.perf_counter() > deadline:
            yield None
            return
        fwd: list[dict[int, list[tuple]]] = [dict() for _ in range(fmax + 1)]
        frontier = [(s,)]
        for length in range(1, fmax + 1):
            nxt = []
            for path in frontier:
                for w in succ[path[-1]]:
                    if w > s and w not in path:
                        p2 = path + (w,)
                        nxt.append(p2)
                        fwd[length].setdefault(w, []).append(p2)
            frontier = nxt
            if not frontier:
                break
        if not any(fwd[1:]):
            continue
        bwd: list[dict[int, list[tuple]]] = [dict() for _ in range(bmax + 1)]
        frontier = [(s,)]  # stored reversed: (s, ..., m) following predecessors
        for length in range(1, bmax + 1):
            nxt = []
            for path in frontier:
                for w in pred[path[-1]]:
                    if w > s and w not in path:
                        p2 = path + (w,)
                        nxt.append(p2)
                        bwd[length].setdefault(w, []).append(p2)
            frontier = nxt
            if not frontier:
                break
        for L in range(2, k + 1):
            f, b = (L + 1) // 2, L // 2
            if f > fmax or b > bmax:
                continue
            fb, bb = fwd[f], bwd[b]
            if len(bb) < len(fb):
                ends = [m for m in bb if m in fb]
            else:
                ends = [m for m in fb if m in bb]
            for m in ends:
                for fp in fb[m]:
                    inner = set(fp[1:])
                    for bp in bb[m]:
                        # bp = (s, x1, ..., m) walked backwards: cycle is fp then reversed bp interior
                        mid = bp[1:-1]
                        if inner.isdisjoint(mid):
                            yield list(fp) + list(reversed(mid))


def loops(
    model: Model,
    max_length: Optional[int] = None,
    *,
    limit: Optional[int] = None,
    time_budget: Optional[float] = None,
    self_loops: bool = True,
    method: str = "meet",
) -> LoopSearch:
    """Find the feedback loops of a model.

    Parameters
    ----------
    model : Model
    max_length : int, optional
        Longest loop (in links) to search for; None searches all (exponential in
        the worst case).
    limit : int, optional
        Stop after this many loops.
    time_budget : float, optional
        Stop after this many seconds.
    self_loops : bool
        Include one-link loops ``a -> a``.
    method : {"meet", "networkx"}
        Bounded search by meeting in the middle (default) or networkx's
        ``simple_cycles(G, length_bound)``; both give the same loops.

    Returns
    -------
    LoopSearch

    Examples
    --------
    >>> m = Model.from_dict({"concepts": [{"id": c, "label": c.upper()} for c in "abc"],
    ...     "edges": [{"cause": "a", "effect": "b", "weight": 1}, {"cause": "b", "effect": "a", "weight": -0.5},
    ...               {"cause": "b", "effect": "c", "weight": 1}, {"cause": "c", "effect": "a", "weight": 1}]})
    >>> res = loops(m)
    >>> [(lp.concepts, lp.kind) for lp in res.loops]
    [(['a', 'b'], 'balancing'), (['a', 'b', 'c'], 'reinforcing')]
    >>> loops(m, max_length=2).notes()
    ['loops longer than 2 links were not searched (the largest feedback component has 3 concepts)']

    Notes
    -----
    With a bound ``k`` each concept ``s`` is taken in turn as the smallest concept of
    its loops; simple paths of at most ``ceil(k/2)`` links leaving ``s`` and of at most
    ``floor(k/2)`` links entering it are joined where they meet (meet in the middle),
    so the work per concept grows like ``d^(k/2)`` for mean out-degree ``d`` instead
    of ``d^k``. Unbounded, it is Johnson's algorithm (:func:`networkx.simple_cycles`),
    ``O((n + e)(c + 1))`` for ``c`` loops.

    See Also
    --------
    cogmap.model.effect.total_effect
    """
    from cogmap.errors import InputError

    if max_length is not None and max_length < 1:
        raise InputError("--max-length must be at least 1")
    if method not in ("meet", "networkx"):
        raise InputError(f"unknown loop search method {method!r} (use meet or networkx)")
    t0 = time.perf_counter()
    G = to_networkx(model, drop_zero=True)
    if not self_loops:
        G.remove_edges_from(list(nx.selfloop_edges(G)))
    largest = 0
    for comp in nx.strongly_connected_components(G):
        if len(comp) > 1 or any(G.has_edge(v, v) for v in comp):
            largest = max(largest, len(comp))
    bounded = max_length is not None and largest > max_length
    labels = {c.id: c.label for c in model.concepts}
    found: list[Loop] = []
    limit_reached = timed_out = False
    nodes = list(G.nodes)
    deadline = None if time_budget is None else t0 + time_budget
    if max_length is None or method == "networkx":
        cycles = (list(c) for c in nx.simple_cycles(G, length_bound=max_length))
    else:
        index = {v: i for i, v in enumerate(nodes)}
        succ = [[index[w] for w in G.successors(v) if w != v] for v in nodes]
        pred = [[index[u] for u in G.predecessors(v) if u != v] for v in nodes]
        selfs = [[v] for v in nodes if G.has_edge(v, v)]
        cycles = itertools.chain(
            selfs,
            ([nodes[i] for i in c] if c is not None else None for c in _bounded_cycles(succ, pred, max_length, deadline)),
        )
    for i, cyc in enumerate(cycles):
        if cyc is None:
            timed_out = True
            break
        cyc = _canonical(cyc)
        n = len(cyc)
        ws, evs = [], []
        for j in range(n):
            d = G[cyc[j]][cyc[(j + 1) % n]]
            ws.append(d["weight"])
            evs.append(list(d["evidence"]))
        found.append(Loop(cyc, [labels.get(c, c) for c in cyc], ws, evs))
        if limit is not None and len(found) >= limit:
            limit_reached = True
            break
        if deadline is not None and (i & 63) == 63 and time.perf_counter() > deadline:
            timed_out = True
            break
    found.sort(key=lambda lp: (len(lp), -abs(lp.strength), lp.concepts))
    return LoopSearch(
        loops=found,
        max_length=max_length,
        bounded=bounded,
        largest_component=largest,
        limit_reached=limit_reached,
        timed_out=timed_out,
        seconds=time.perf_counter() - t0,
    )
